"""Ingesting files: idempotence, replacement, sidecars, and clear per-file errors."""

import json

from clipdesk.store import ingest
from clipdesk.store.ingest import Outcome, ingest_paths

ARTICLE = """Ministers meet in Geneva

GENEVA (Reuters) - Foreign ministers met in Geneva on Tuesday to discuss a ceasefire.

"We made real progress today," the Swiss foreign minister said after the meeting.

Talks are due to resume next month, officials said.
"""


def write(folder, name, text, encoding="utf-8"):
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def each_file(db, paths) -> list[Outcome]:
    """The outcome of every file, in order, as the ingest reports them one by one."""
    seen: list[Outcome] = []
    ingest_paths(db, paths, on_file=seen.append)
    return seen


def test_the_same_text_twice_is_one_article(db, tmp_path):
    write(tmp_path, "a.txt", ARTICLE)
    first = each_file(db, [tmp_path])
    second = each_file(db, [tmp_path])
    assert [o.status for o in first] == ["added"]
    assert [o.status for o in second] == ["unchanged"]
    assert db["articles"].count == 1
    paragraphs = db["paragraphs"].count
    ingest_paths(db, [tmp_path])
    assert db["paragraphs"].count == paragraphs


def test_an_edited_file_replaces_its_earlier_version(db, tmp_path):
    path = write(tmp_path, "a.txt", ARTICLE)
    ingest_paths(db, [path])
    write(tmp_path, "a.txt", ARTICLE.replace("Tuesday", "Wednesday"))
    assert [o.status for o in each_file(db, [path])] == ["replaced"]
    assert db["articles"].count == 1
    texts = " ".join(r["text"] for r in db["paragraphs"].rows)
    assert "Wednesday" in texts and "Tuesday" not in texts


def test_bad_files_get_an_error_naming_them_and_the_rest_go_in(db, tmp_path):
    write(tmp_path, "good.txt", ARTICLE)
    write(tmp_path, "latin1.txt", "Caf\u00e9 cr\u00e8me " * 20, encoding="latin-1")
    write(tmp_path, "empty.txt", "  \n\n")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    outcomes = {o.path.rsplit("/", 1)[-1]: o for o in each_file(db, [tmp_path])}
    assert outcomes["good.txt"].status == "added"
    assert outcomes["latin1.txt"].status == "error" and "UTF-8" in outcomes["latin1.txt"].message
    assert outcomes["empty.txt"].status == "error" and "empty" in outcomes["empty.txt"].message
    assert outcomes["gone.txt"].status == "error"
    assert db["articles"].count == 1


def test_a_sidecar_supplies_the_url_and_outlet(db, tmp_path):
    write(tmp_path, "a.txt", ARTICLE.replace(" (Reuters)", ""))
    (tmp_path / "a.meta.json").write_text(json.dumps(
        {"url": "https://example.org/geneva", "outlet": "Example News", "published": "2026-03-03"}))
    ingest_paths(db, [tmp_path])
    row = next(db["articles"].rows)
    assert row["url"] == "https://example.org/geneva"
    assert row["outlet"] == "Example News"
    assert row["published"].startswith("2026-03-03")


def test_a_broken_sidecar_is_reported_and_the_article_still_goes_in(db, tmp_path):
    write(tmp_path, "a.txt", ARTICLE)
    (tmp_path / "a.meta.json").write_text("{not json")
    tally = ingest_paths(db, [tmp_path])
    assert tally.counts == {"added": 1}
    [outcome] = tally.notable  # a warning is kept to be told
    assert outcome.status == "added" and "a.meta.json" in outcome.message


def test_a_folder_parsed_in_workers_goes_in_whole_and_in_order(db, tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "CHUNK", 4)  # many small tasks, few submitted at a time
    monkeypatch.setattr(ingest, "AHEAD", 1)
    names = []
    for i in range(ingest.PARALLEL_FROM + 37):
        names.append(write(tmp_path, f"a{i:03d}.txt", ARTICLE.replace("Tuesday", f"day {i}")).name)
    write(tmp_path, "zz-empty.txt", "\n")
    seen = []
    tally = ingest_paths(db, [tmp_path], on_file=seen.append)
    assert [o.path.rsplit("/", 1)[-1] for o in seen] == names + ["zz-empty.txt"]
    assert [o.status for o in seen] == ["added"] * len(names) + ["error"]
    assert tally.counts == {"added": len(names), "error": 1} and tally.notable == seen[-1:]
    assert db["articles"].count == len(names)
    again = each_file(db, [tmp_path])
    assert {o.status for o in again[:-1]} == {"unchanged"}


def test_folders_are_read_recursively_in_name_order_and_a_link_back_is_read_once(tmp_path):
    write(tmp_path, "b.txt", ARTICLE)
    (tmp_path / "a").mkdir()
    write(tmp_path / "a", "z.txt", ARTICLE)
    write(tmp_path / "a", "notes.md", "not an article")
    (tmp_path / "a" / "loop").symlink_to(tmp_path, target_is_directory=True)
    found = [p.relative_to(tmp_path).as_posix() for p in ingest.article_files([tmp_path])]
    assert found == ["a/z.txt", "b.txt"]
