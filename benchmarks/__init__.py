"""Benchmarks: synthetic coverage, ingest and ask speed, memory, against a BM25 baseline."""
