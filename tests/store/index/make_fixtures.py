"""Build the old-schema fixture databases: each release's own store code indexes the seeds, plus chat state.

    python -m tests.store.index.make_fixtures            # rewrites tests/store/index/fixtures/*.db

For each commit in COMMITS, that commit's store/ and seeds/ are extracted (git archive) into a temporary
folder and run there by a child Python, so the file is written by the old schema code and the old
ingest, exactly as a user of that release has it. Two subscriptions and a delivery row are added with
plain SQL (the tables exist in every release). The files are VACUUMed to keep them small.
"""

from __future__ import annotations

import io
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
FIXTURES = Path(__file__).with_name("fixtures")
COMMITS = {
    "4e8ce40": "the first release: no `seen` table, user_version 1",
    "3f381f7": "before the layout change: `seen` added without raising user_version (still 1)",
}

BUILD = r"""
import sqlite3, sys
from store.db import open_db
from store.seeds import ingest_seeds

db = open_db(sys.argv[1])
ingest_seeds(db)
db.execute("INSERT INTO subscriptions (platform, chat_id, thread_id, time, tz, topics, created_at, cursor)"
           " VALUES ('telegram', '-1001234', '', '08:00', 'Europe/London', '[\"shoigu\"]',"
           " '2026-11-20T07:00:00+00:00', '2026-11-20T06:00:00+00:00')")
db.execute("INSERT INTO subscriptions (platform, chat_id, thread_id, time, tz, topics, created_at)"
           " VALUES ('slack', 'C0NEWS', '', '09:30', 'UTC', '', '2026-11-20T07:00:00+00:00')")
db.execute("INSERT INTO deliveries (subscription_id, local_date, state, cursor, parts_sent, created_at,"
           " sent_at) VALUES (1, '2026-11-21', 'sent', '2026-11-20T06:00:00+00:00', 2,"
           " '2026-11-21T08:00:00+00:00', '2026-11-21T08:00:05+00:00')")
db.conn.commit()
db.execute("PRAGMA journal_mode = DELETE")
db.conn.close()
conn = sqlite3.connect(sys.argv[1])
conn.execute("VACUUM")
conn.close()
"""


def fixture_path(commit: str) -> Path:
    return FIXTURES / f"schema_{commit}.db"


def extract(commit: str, into: Path) -> None:
    """That commit's store/ and seeds/ folders, written under `into`."""
    archive = subprocess.run(["git", "-C", str(REPO), "archive", "--format=tar", commit, "store", "seeds"],
                             check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")


def build(commit: str) -> Path:
    """Write fixtures/schema_<commit>.db with that commit's code."""
    target = fixture_path(commit)
    target.parent.mkdir(exist_ok=True)
    target.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        extract(commit, Path(tmp))
        subprocess.run([sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {tmp!r})\n{BUILD}",
                        str(target)], cwd=tmp, check=True)
    return target


def main() -> None:
    for commit, what in COMMITS.items():
        path = build(commit)
        print(f"{path.relative_to(REPO)}: {path.stat().st_size:,} bytes ({what})")


if __name__ == "__main__":
    main()
