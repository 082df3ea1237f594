"""Tests of the benchmark code (a smoke run, not the benchmark)."""
