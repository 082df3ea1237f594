"""Caches kept beside a store: a new process loads them instead of rebuilding, and never a stale one."""

from __future__ import annotations

import shutil

from clipdesk.store.index import cells, people, vectors
from clipdesk.store.index.caches import sidecar
from clipdesk.store.index.people import recognise_people, resolve_person
from clipdesk.store.index.schema import transaction
from clipdesk.store.ingest import ingest_text
from clipdesk.store.store import Store

ARTICLE = """Harbour pilots strike over night shifts

GDANSK, March 3 (Reuters) - Harbour pilots in Gdansk stopped work on Tuesday over new night shifts, \
their union said.

"Nobody asked the people who steer the ships," said union leader Marta Kowalczyk.
"""

LATER = """Ferry operator adds a winter route

HELSINKI, March 9 (Reuters) - A ferry operator will sail between Helsinki and Tallinn all winter, \
its chief executive Jussi Lehtonen said on Monday.
"""


def names(store: Store, text: str) -> list[str]:
    return [p.name for p in recognise_people(store, text)]


def test_a_new_process_loads_the_kept_people_index_and_sees_later_changes(tmp_path, monkeypatch):
    path = tmp_path / "clipdesk.db"
    first = Store.open(path)
    with transaction(first):
        resolve_person(first, "Wallace")
    first.close()
    builder = Store.open(path)  # the first question after the writes rebuilds the index and keeps it
    assert names(builder, "what did wallace say?") == ["Wallace"]
    assert sidecar(builder, people.KEPT).exists()

    second = Store.open(path)
    built: list[object] = []
    monkeypatch.setattr(people._Index, "add_person", lambda *a: built.append(a))  # a rebuild would call it
    assert names(second, "what did wallace say?") == ["Wallace"]
    assert built == []
    monkeypatch.undo()
    with transaction(second):  # a fuller name replaces the surname: same ids, a longer name
        resolve_person(second, "Ben Wallace")
    second.close()
    assert names(Store.open(path), "and wallace?") == ["Ben Wallace"]


def test_a_new_process_scans_the_kept_codes_and_adds_rows_stored_since(tmp_path, monkeypatch):
    monkeypatch.setattr(vectors, "KEEP_AFTER", 1)
    path = tmp_path / "clipdesk.db"
    first = Store.open(path)
    ingest_text(first, ARTICLE, "pilots.txt")
    query = vectors.embed_question(first, ["Why did harbour pilots in Gdansk stop work?"])
    fresh = vectors.nearest(first, query, 3)
    first.close()

    second = Store.open(path)
    kept = vectors._codes(second)
    assert kept.kept == kept.size > 0  # read from the file, not the table
    assert list(vectors.nearest(second, query, 3)) == list(fresh)
    ingest_text(second, LATER, "ferry.txt")
    later = vectors.embed_question(second, ["Will the ferry sail between Helsinki and Tallinn in winter?"])
    best = next(iter(vectors.nearest(second, later, 1)))
    text = second.execute(f"SELECT * FROM {vectors._TABLES[best[0]]} WHERE id = ?", [best[1]]).fetchone()
    assert "Tallinn" in " ".join(str(v) for v in text)
    second.close()


def test_a_large_store_keeps_cells_of_its_codes_and_scans_those_nearest_a_question(tmp_path, monkeypatch):
    monkeypatch.setattr(vectors, "KEEP_AFTER", 1)
    path = tmp_path / "clipdesk.db"
    first = Store.open(path)
    ingest_text(first, ARTICLE, "pilots.txt")
    query = vectors.embed_question(first, ["Why did harbour pilots in Gdansk stop work?"])
    whole = vectors.nearest(first, query, 3)  # kept without cells: too few codes
    assert vectors._codes(first).centroids is None
    first.close()

    monkeypatch.setattr(cells, "CELLS_MIN", 1)  # the same store taken as a large one
    monkeypatch.setattr(cells, "CELLS", 3)
    monkeypatch.setattr(cells, "PROBES", 3)
    second = Store.open(path)  # its kept codes have no cells: they are made and kept
    assert list(vectors.nearest(second, query, 3)) == list(whole)
    second.close()
    third = Store.open(path)
    codes = vectors._codes(third)
    assert codes.kept == codes.size and codes.centroids is not None  # read with their cells
    assert codes.bounds is not None and codes.bounds[-1] == codes.size
    assert list(vectors.nearest(third, query, 3)) == list(whole)  # every cell probed: the whole scan's

    monkeypatch.setattr(cells, "PROBES", 1)
    monkeypatch.setattr(vectors, "KEEP_AFTER", 10_000)  # what is stored next is scanned beside the cells
    ingest_text(third, LATER, "ferry.txt")
    later = vectors.embed_question(third, ["Will the ferry sail between Helsinki and Tallinn in winter?"])
    best = next(iter(vectors.nearest(third, later, 1)))
    assert vectors._codes(third).bounds[-1] < vectors._codes(third).size
    text = third.execute(f"SELECT * FROM {vectors._TABLES[best[0]]} WHERE id = ?", [best[1]]).fetchone()
    assert "Tallinn" in " ".join(str(v) for v in text)
    assert next(iter(vectors.nearest(third, query, 1))) == next(iter(whole))  # the pilots' cell probed


def test_codes_kept_for_another_store_are_not_used(tmp_path, monkeypatch):
    monkeypatch.setattr(vectors, "KEEP_AFTER", 1)
    one, other = tmp_path / "one.db", tmp_path / "other.db"
    for path, text in ((one, ARTICLE), (other, LATER)):
        store = Store.open(path)
        ingest_text(store, text, "a.txt")
        vectors._codes(store)
        store.close()
    shutil.rmtree(sidecar(Store.open(other), vectors.CODES_FILE).parent)
    shutil.copytree(sidecar(Store.open(one), vectors.CODES_FILE).parent,
                    sidecar(Store.open(other), vectors.CODES_FILE).parent)
    codes = vectors._codes(Store.open(other))
    shutil.rmtree(sidecar(Store.open(other), vectors.CODES_FILE).parent)
    own = vectors._codes(Store.open(other))  # built from its own table alone
    assert codes.ids.tolist() == own.ids.tolist()
    assert [c.tolist() for c in codes.columns] == [c.tolist() for c in own.columns]


def test_a_cache_folder_that_cannot_be_written_only_costs_a_rebuild(tmp_path):
    path = tmp_path / "clipdesk.db"
    store = Store.open(path)
    with transaction(store):
        resolve_person(store, "Marta Kowalczyk")
    store.close()
    shutil.rmtree(tmp_path / "clipdesk.db.cache", ignore_errors=True)
    (tmp_path / "clipdesk.db.cache").write_text("not a folder")
    assert names(Store.open(path), "what did kowalczyk say?") == ["Marta Kowalczyk"]
    assert names(Store.open(path), "and marta kowalczyk?") == ["Marta Kowalczyk"]


def test_a_people_index_kept_by_other_rules_is_rebuilt_not_read(tmp_path, monkeypatch):
    path = tmp_path / "clipdesk.db"
    first = Store.open(path)
    with transaction(first):
        resolve_person(first, "Wallace")
    first.close()
    builder = Store.open(path)
    assert names(builder, "what did wallace say?") == ["Wallace"]
    assert sidecar(builder, people.KEPT).exists()
    builder.close()
    upgraded = tmp_path / "people.py"  # the rules' module as another clipdesk release installs it
    upgraded.write_text("# other rules\n", encoding="utf-8")
    monkeypatch.setattr(people, "__file__", str(upgraded))
    built: list[object] = []
    original = people._Index.add_person
    monkeypatch.setattr(people._Index, "add_person", lambda self, *a: (built.append(a), original(self, *a)))
    assert names(Store.open(path), "what did wallace say?") == ["Wallace"]
    assert built


def test_a_list_kept_by_another_python_or_broken_is_built_again(tmp_path, monkeypatch):
    from clipdesk.store.index import caches

    monkeypatch.setenv("CLIPDESK_CACHE", str(tmp_path))
    source = tmp_path / "list.txt"
    source.write_text("b a")
    built: list[int] = []

    def build() -> list[str]:
        built.append(1)
        return sorted(source.read_text().split())

    assert caches.kept_for([source], "letters", build) == ["a", "b"]
    assert caches.kept_for([source], "letters", build) == ["a", "b"] and len(built) == 1  # read back
    monkeypatch.setattr(caches, "_PYTHON", ("another-python", 1))
    assert caches.kept_for([source], "letters", build) == ["a", "b"] and len(built) == 2
    (tmp_path / "letters.marshal").write_bytes(b"\x00broken")
    assert caches.kept_for([source], "letters", build) == ["a", "b"] and len(built) == 3
    source.write_text("c b a")  # the source changed: its stamp too
    assert caches.kept_for([source], "letters", build) == ["a", "b", "c"] and len(built) == 4
