"""`python -m benchmarks`: the benchmark table for the sizes asked for."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime

from benchmarks.run import machine, measure, table


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated article counts")
    parser.add_argument("--with-1m", action="store_true", help="add a 1,000,000-article run (slow to build)")
    parser.add_argument("--questions", type=int, default=20, help="questions of each kind")
    parser.add_argument("--baseline-max", type=int, default=100_000,
                        help="largest size the in-memory BM25 baseline is built for")
    parser.add_argument("--built-with", default=None,
                        help="use stores cached by this earlier version of the writing code")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()] + ([1_000_000] if args.with_1m else [])
    rows = []
    for n in sizes:
        rows.append(measure(n, per_kind=args.questions, baseline_max=args.baseline_max,
                            version=args.built_with))
        print(f"measured {n:,} articles", flush=True)
    print(f"\n{machine()}, {datetime.now(UTC):%Y-%m-%d}\n")
    print(table(rows))


if __name__ == "__main__":
    main()
