"""The layers' imports point one way: bot -> handlers -> store; bot/ reaches store/ only for the Store."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# Building the Store: opening it (schema errors, the file's path), seeding an empty one, migrating it.
BUILDS_THE_STORE = {"bot/cli/db.py", "bot/cli/migrate.py"}


def imports(path: Path) -> set[str]:
    """Every module `path` imports, by its full name."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
    return found


def modules(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def named(path: Path) -> str:
    return str(path.relative_to(ROOT))


@pytest.mark.parametrize("path", modules("bot"), ids=named)
def test_bot_reaches_the_store_only_for_the_store_object(path):
    name = str(path.relative_to(ROOT))
    store = {m for m in imports(path) if m.startswith("clipdesk.store")}
    allowed = {"clipdesk.store.store"} | (store if name in BUILDS_THE_STORE else set())
    assert store <= allowed, f"{name} imports {sorted(store - allowed)}: go through handlers/"


@pytest.mark.parametrize("path", modules("store") + modules("handlers"), ids=named)
def test_store_and_handlers_never_import_platforms_or_bot(path):
    bad = {m for m in imports(path)
           if m.split(".")[0] in ("telegram", "slack_bolt", "slack_sdk") or m.startswith("clipdesk.bot")}
    if path.is_relative_to(ROOT / "store"):
        bad |= {m for m in imports(path) if m.startswith("clipdesk.handlers")}
    assert not bad, f"{path.relative_to(ROOT)} imports {sorted(bad)}"
