"""Store trouble at the command line: one clear line, a non-zero exit, no traceback; seeding by contents."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from clipdesk.bot.cli.main import cli
from clipdesk.store.index.schema import SCHEMA_VERSION, open_db
from clipdesk.store.store import Store

SEED_NOTICE = "indexed the 5 bundled seed articles"
PAGE = 4096


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def _one_error_line(output: str) -> str:
    lines = [line for line in output.splitlines() if line.startswith("Error:")]
    assert len(lines) == 1 and "Traceback" not in output, output
    return lines[0]


def _damage(path: Path) -> None:
    """Overwrite every page but the header and schema page."""
    data = bytearray(path.read_bytes())
    for offset in range(2 * PAGE, len(data), PAGE):
        data[offset:offset + PAGE] = b"\xa5" * PAGE
    path.write_bytes(bytes(data))


def test_ask_on_a_store_with_damaged_pages_says_so_in_one_line(seeded_db_path):
    _damage(seeded_db_path)
    code, output = _run("ask", "what did Shoigu say?", "--db", str(seeded_db_path))
    line = _one_error_line(output)
    assert code == 1 and str(seeded_db_path) in line and "malformed" in line and "backup" in line


def test_a_file_from_a_newer_clipdesk_is_refused_in_one_line(tmp_path):
    path = tmp_path / "future.db"
    open_db(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    code, output = _run("sources", "--db", str(path))
    line = _one_error_line(output)
    assert code == 1 and f"version {SCHEMA_VERSION + 1}" in line and f"up to {SCHEMA_VERSION}" in line


def _articles(folder: Path, count: int) -> Path:
    folder.mkdir()
    for i in range(count):
        body = " ".join(f"Paragraph {p} of report {i} on the harbour talks in Rotterdam. " * 8
                        for p in range(30))
        (folder / f"report_{i:03}.txt").write_text(f"Harbour talks report number {i}\n\n{body}\n")
    return folder


def test_ingest_on_a_full_disk_says_so_in_one_line_and_keeps_the_store(seeded_db_path, tmp_path, monkeypatch):
    def small_disk(path=None, **kwargs):  # the disk fills a few pages past what the store holds now
        store = real_open(path, **kwargs)
        pages = store.execute("PRAGMA page_count").fetchone()[0]
        store.execute(f"PRAGMA max_page_count = {pages + 8}")
        return store

    real_open = Store.open
    monkeypatch.setattr(Store, "open", small_disk)
    code, output = _run("ingest", str(_articles(tmp_path / "in", 150)), "--db", str(seeded_db_path))
    line = _one_error_line(output)
    assert code == 1 and str(seeded_db_path) in line and "full" in line and "free some space" in line
    db = open_db(seeded_db_path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db["articles"].count == 5


@pytest.mark.parametrize("state", ["zero bytes", "schema but no articles", "half-made schema"])
def test_an_interrupted_first_run_is_seeded_on_the_next_open(tmp_path, state):
    path = tmp_path / "clipdesk.db"
    if state == "zero bytes":
        path.touch()
    elif state == "schema but no articles":
        open_db(path).close()
    else:  # an old first run killed after some tables were made, before the version was written
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE articles (id TEXT PRIMARY KEY, source TEXT NOT NULL, url TEXT,"
                     " outlet TEXT, title TEXT, standfirst TEXT, published TEXT, published_text TEXT,"
                     " byline TEXT, dateline TEXT, ingested_at TEXT NOT NULL)")
        conn.close()
    code, output = _run("ask", "what did Shoigu say about cooperation with London?", "--db", str(path))
    assert code == 0 and output.count(SEED_NOTICE) == 1 and "Shoigu" in output
    code, output = _run("sources", "--db", str(path))
    assert code == 0 and SEED_NOTICE not in output and output.count("quotes,") == 5


def test_a_store_with_articles_is_not_seeded_again(seeded_db_path):
    code, output = _run("sources", "--db", str(seeded_db_path))
    assert code == 0 and SEED_NOTICE not in output


@pytest.mark.parametrize("command", [["sources"], ["events"], ["quotes", "--speaker", "shoigu"], ["ingest"]])
def test_every_command_on_a_damaged_store_says_so_in_one_line(seeded_db_path, seeds, command):
    _damage(seeded_db_path)
    args = [*command, str(seeds)] if command == ["ingest"] else command
    code, output = _run(*args, "--db", str(seeded_db_path))
    line = _one_error_line(output)
    assert code == 1 and str(seeded_db_path) in line and "backup" in line


def test_a_store_that_cannot_be_opened_is_named_with_what_to_check(tmp_path):
    path = tmp_path / "no such folder" / "clipdesk.db"
    code, output = _run("ask", "what did Shoigu say?", "--db", str(path))
    line = _one_error_line(output)
    assert code == 1 and str(path) in line and "check that its folder exists" in line


def test_an_article_that_cannot_be_read_is_named_and_the_rest_go_in(seeded_db_path, tmp_path):
    folder = _articles(tmp_path / "in", 2)
    (folder / "gone.txt").symlink_to(tmp_path / "deleted.txt")
    code, output = _run("ingest", str(folder), "--db", str(seeded_db_path))
    assert code == 1 and "Traceback" not in output
    assert f"error: {folder / 'gone.txt'}: no such file" in output and "2 added" in output

