"""Benchmarks and external evaluations; run with `make bench` (they read ../shared/datasets)."""
