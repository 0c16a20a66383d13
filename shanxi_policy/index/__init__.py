"""Index layer: retrieval units, embedders, and the on-disk index directory."""
