"""A tiny deterministic embedder for tests that build a real index without loading a model."""

from __future__ import annotations

import numpy as np

from shanxi_policy.index.embedders import Embedder


class HashEmbedder(Embedder):
    backend, model, dim = "test-hash", "v1", 16

    def embed_passages(self, texts, batch_size=32):
        raw = np.stack([np.frombuffer(bytes((hash(t) >> i) & 255 for i in range(16)), dtype=np.uint8) for t in texts])
        m = raw.astype(np.float32) + 1.0
        return m / np.linalg.norm(m, axis=1, keepdims=True)

    def embed_query(self, text):
        return self.embed_passages([text])[0]
