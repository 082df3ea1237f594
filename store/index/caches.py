"""What a Store keeps in memory between calls (people index, vector sign bits, role holders), each
entry stamped with the state of the tables it mirrors so that a change rebuilds it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import sqlite_utils

if TYPE_CHECKING:
    from clipdesk.store.index.people import _Index
    from clipdesk.store.index.vectors import _Codes


@dataclass
class Caches:
    """One Store's caches; each is rebuilt by the module that owns it when its stamp is stale."""

    people: _Index | None = None
    codes: _Codes | None = None
    roles: tuple[int, dict[str, list[tuple[int, int, str]]]] | None = None  # role -> (order, id, name)


def caches_of(db: sqlite_utils.Database) -> Caches:
    """The caches of the Store `db` is (a bare sqlite-utils Database, as scripts open, is given its
    own on first use)."""
    caches: Any = getattr(db, "caches", None)
    if not isinstance(caches, Caches):
        caches = Caches()
        setattr(db, "caches", caches)  # noqa: B010 - sqlite-utils' Database declares no such attribute
    return caches
