"""The Store: one worker thread for every async caller, caches of its own, a reader beside it."""

from __future__ import annotations

import asyncio
import sqlite3
import threading

from clipdesk.store.index.people import recognise_people, resolve_person
from clipdesk.store.index.schema import transaction
from clipdesk.store.store import Store


async def test_async_callers_share_one_worker_thread_off_the_loop_in_order(db: Store):
    seen: list[tuple[int, str]] = []

    def record(n: int) -> int:
        seen.append((n, threading.current_thread().name))
        return n * 2

    results = await asyncio.gather(*(db.run(record, n) for n in range(20)))
    assert results == [n * 2 for n in range(20)]
    assert [n for n, _ in seen] == list(range(20))
    [thread] = {name for _, name in seen}
    assert thread != threading.current_thread().name and thread.startswith("clipdesk-store")


async def test_a_failing_store_call_raises_in_the_caller_and_the_worker_goes_on(db: Store):
    def fail() -> None:
        raise ValueError("bad call")

    try:
        await db.run(fail)
    except ValueError as exc:
        assert str(exc) == "bad call"
    else:
        raise AssertionError("the error was lost")
    assert await db.run(lambda: 41 + 1) == 42


def add_person(store: Store, name: str) -> None:
    with transaction(store):
        resolve_person(store, name)


def test_each_store_keeps_its_own_caches_and_sees_another_writers_people(tmp_path):
    path = tmp_path / "clipdesk.db"
    first, second = Store.open(path), Store.open(path)
    add_person(first, "Sergey Shoigu")
    assert [p.name for p in recognise_people(first, "what did shoygu say?")] == ["Sergey Shoigu"]
    assert first.caches.people is not None and second.caches.people is None
    add_person(second, "Ben Wallace")  # another process adds a person: the first store notices
    assert [p.name for p in recognise_people(first, "and wallace?")] == ["Ben Wallace"]
    first.close()
    second.close()


async def test_the_reader_is_a_second_connection_that_sees_committed_writes(tmp_path):
    store = Store.open(tmp_path / "clipdesk.db")
    reader = store.reader
    assert reader is not store and reader.conn is not store.conn and store.reader is reader
    await store.run(add_person, store, "Antti Hakkanen")
    names = await reader.run(lambda: [r[0] for r in reader.execute("SELECT name FROM people")])
    assert names == ["Antti Hakkanen"]
    store.close()
    assert store._reader is None


def test_an_in_memory_store_is_its_own_reader(db: Store):
    assert db.reader is db


def test_a_write_outside_a_transaction_is_seen_at_once_and_a_failed_one_holds_no_lock(tmp_path):
    import sqlite3

    import pytest

    store, other = Store.open(tmp_path / "c.db"), Store.open(tmp_path / "c.db")
    store.execute("INSERT INTO people (name, kind) VALUES (?, ?)", ["Kaja Rand", "person"])
    assert other.execute("SELECT name FROM people").fetchall() == [("Kaja Rand",)]
    with pytest.raises(sqlite3.IntegrityError):
        store.execute("INSERT INTO people (id, name, kind) SELECT id, name, kind FROM people")
    assert not store.conn.in_transaction
    other.execute("INSERT INTO people (name, kind) VALUES ('Ann Lee', 'person')")  # not locked out
    with transaction(store):
        store.execute("  -- a comment first\n INSERT INTO people (name, kind) VALUES ('Jo Park', 'person')")
        assert other.execute("SELECT COUNT(*) FROM people").fetchone()[0] == 2  # not yet committed
    assert other.execute("SELECT COUNT(*) FROM people").fetchone()[0] == 3
    assert store["people"].count == 3  # sqlite-utils' helpers, on the same connection
    store.close()
    other.close()


def test_a_read_beside_runs_on_a_third_connection_and_its_errors_reach_the_caller(tmp_path):
    store = Store.open(tmp_path / "clipdesk.db")
    add_person(store, "Antti Hakkanen")

    def names(companion: Store) -> tuple[list[str], str]:
        rows = companion.execute("SELECT name FROM people").fetchall()
        return [r[0] for r in rows], threading.current_thread().name

    found, thread = store.beside(names).result()
    assert found == ["Antti Hakkanen"] and thread.startswith("clipdesk-beside")
    assert store._beside is not None and store._beside.conn is not store.conn
    failed = store.beside(lambda companion: companion.execute("SELECT * FROM no_such_table"))
    try:
        failed.result()
    except sqlite3.OperationalError as exc:
        assert "no_such_table" in str(exc)
    else:
        raise AssertionError("the error was lost")
    store.close()
    assert store._beside is None


def test_an_in_memory_store_runs_a_read_beside_at_once_on_its_own_connection(db: Store):
    assert db.beside(lambda companion: companion is db).result()
