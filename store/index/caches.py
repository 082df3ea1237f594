"""What a Store keeps in memory between calls (people index, vector sign bits, role holders, word
counts), each entry stamped with the state of the tables it mirrors so that a change rebuilds it; and
the files that keep such caches between processes, so that a new process loads them instead of
rebuilding."""

from __future__ import annotations

import contextlib
import logging
import marshal
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from clipdesk.store.index.people import _Index
    from clipdesk.store.index.vectors import _Codes
    from clipdesk.store.store import Store

CACHE_ENV = "CLIPDESK_CACHE"  # where caches of the packages' word lists are kept (`none`: nowhere)
SIDECAR = ".cache"  # a store's caches are kept in the folder named after its file with this suffix

_PYTHON = (sys.implementation.cache_tag, marshal.version)  # whose marshal form a kept file is in

log = logging.getLogger(__name__)


@dataclass
class Caches:
    """One Store's caches; each is rebuilt by the module that owns it when its stamp is stale."""

    people: _Index | None = None
    codes: _Codes | None = None
    roles: tuple[int, dict[str, list[tuple[int, int, str]]]] | None = None  # role -> (order, id, name)
    counts: dict[str, tuple[bytes, dict[str, int]]] = field(default_factory=dict)  # see fts.doc_counts


def caches_of(db: Store) -> Caches:
    """The caches of the Store `db`."""
    return db.caches


def sidecar(db: Store, name: str) -> Path | None:
    """The file `name` among the store's kept caches (beside the database file: `clipdesk.db.cache/`),
    or None for an in-memory store."""
    row = db.execute("PRAGMA database_list").fetchone()
    return Path(row[2] + SIDECAR) / name if row and row[2] else None


def user_cache(name: str) -> Path | None:
    """The file `name` among the caches of what the installed packages ship (the same for every
    store): under $CLIPDESK_CACHE, else $XDG_CACHE_HOME/clipdesk, else ~/.cache/clipdesk; None when
    $CLIPDESK_CACHE is `none`."""
    chosen = os.environ.get(CACHE_ENV, "").strip()
    if chosen.lower() == "none":
        return None
    if chosen:
        return Path(chosen).expanduser() / name
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "clipdesk" / name


def write_atomically(path: Path | None, write: Callable[[Path], None]) -> None:
    """`write(temporary path)`, then the temporary file renamed over `path`, so that a reader sees the
    old file or the new one whole. A folder that cannot be written (read-only, full) only costs the
    next process a rebuild: the failure is logged, not raised."""
    if path is None:
        return
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write(temporary)
        os.replace(temporary, path)
    except OSError as exc:
        log.debug("cache %s not kept: %s", path, exc)
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def read_kept(path: Path | None, stamp: object) -> Any:
    """The data kept in `path` when it was written with this stamp by this Python, else None (missing,
    stale, broken). Caches are kept in marshal form, which loads several times faster than JSON (a
    question reads several on every start)."""
    if path is None:
        return None
    try:
        kept = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not (isinstance(kept, tuple) and len(kept) == 2 and kept[0] == (_PYTHON, stamp)):
        return None
    return kept[1]


def write_kept(path: Path | None, stamp: Any, data: Any) -> None:
    """Keep `data` (lists, tuples, dicts, sets, strings, numbers) in `path` with its stamp (see read_kept)."""
    packed = marshal.dumps(((_PYTHON, stamp), data))

    def write(temporary: Path) -> None:
        temporary.write_bytes(packed)

    write_atomically(path, write)


def package_file(package: str, data: str) -> Path | None:
    """The file `data` inside the installed package `package`, found without importing it."""
    import importlib.util

    spec = importlib.util.find_spec(package)
    return Path(spec.origin).parent / data if spec is not None and spec.origin is not None else None


def files_stamp(sources: Sequence[Path | None]) -> list[list[object]] | None:
    """Path, size and modification time of each file (None when one is missing or unreadable)."""
    stamp: list[list[object]] = []
    for source in sources:
        if source is None:
            return None
        try:
            found = source.stat()
        except OSError:
            return None
        stamp.append([str(source), found.st_size, found.st_mtime_ns])
    return stamp


def kept_for(sources: Sequence[Path | None], name: str, build: Callable[[], Any]) -> Any:
    """What `build` makes of installed files, kept in the user's cache under `name` and read again
    while those files are unchanged (same paths, sizes and modification times)."""
    stamp = files_stamp(sources)
    if stamp is None:
        return build()
    path = user_cache(f"{name}.marshal")
    kept = read_kept(path, stamp)
    if kept is None:
        kept = build()
        write_kept(path, stamp, kept)
    return kept
