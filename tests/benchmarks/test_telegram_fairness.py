"""A tiny run of the Telegram fairness benchmark: both schedulings measured, the table filled in."""

from __future__ import annotations

from benchmarks.telegram_fairness import run


def test_a_small_run_measures_both_schedulings():
    table = run([3], runs=1, latency=0.05)
    header, rule, row = table.splitlines()
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert cells[0] == "3" and float(cells[1]) > 0 and float(cells[2]) > 0
    assert cells[3].endswith("×")
