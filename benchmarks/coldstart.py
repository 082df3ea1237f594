"""`python -m benchmarks.coldstart`: wall and CPU seconds of fresh `clipdesk ask` processes, codes alternated.

Each code is a folder put first on PYTHONPATH (one holding `clipdesk/store`, `clipdesk/handlers`, ... as
links to a checkout) or `-` for the installed package; runs take turns code by code so that the shared
machine's load falls on all of them alike, and the medians of each are printed.

    python -m benchmarks.coldstart --db clipdesk.db --runs 8 /tmp/old -
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

ENTRY = "from clipdesk.bot.cli.main import main; main()"
QUESTION = "What did Shoigu say about cooperation with London?"


def one_run(code: str, db: str, question: str) -> tuple[float, float]:
    """Wall and CPU (user + sys) seconds of one `clipdesk ask` process running `code`."""
    env = dict(os.environ)
    if code != "-":
        env["PYTHONPATH"] = code
    # each code keeps its word lists apart: they are stamped with the package files' paths, so codes
    # sharing one folder would rebuild them on every turn
    folder = code.strip("/").replace("/", "_") if code != "-" else "installed"
    env["CLIPDESK_CACHE"] = os.path.join(tempfile.gettempdir(), "clipdesk-coldstart", folder)
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", ENTRY, "ask", "--db", db, question], env=env,
                             stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"{code}: exit status {status}")
    return wall, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.coldstart", description=__doc__)
    parser.add_argument("codes", nargs="+",
                        help="folders put first on PYTHONPATH, or - for the installed code")
    parser.add_argument("--db", required=True)
    parser.add_argument("--runs", type=int, default=8)
    parser.add_argument("--question", default=QUESTION)
    args = parser.parse_args()
    for code in args.codes:
        one_run(code, args.db, args.question)  # warm the page cache and the kept caches
    times: dict[str, list[tuple[float, float]]] = {code: [] for code in args.codes}
    for _ in range(args.runs):
        for code in args.codes:
            times[code].append(one_run(code, args.db, args.question))
    for code, runs in times.items():
        walls, cpus = [w for w, _ in runs], [c for _, c in runs]
        print(f"{code}: median wall {statistics.median(walls):.3f} s (min {min(walls):.3f}),"
              f" CPU {statistics.median(cpus):.3f} s (min {min(cpus):.3f}), {len(runs)} runs")


if __name__ == "__main__":
    main()
