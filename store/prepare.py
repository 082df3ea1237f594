"""Files read and parsed without the database: what ingest's parse workers run (see workers.py), so
that importing it loads the text rules and their word lists but not SQLite, numpy or the model."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

from clipdesk.store.text.article import NotAnArticle, parse_article
from clipdesk.store.text.events import extract_events
from clipdesk.store.text.model import Article, Event, Quote
from clipdesk.store.text.quotes import extract_quotes

MAX_FILE_BYTES = 5_000_000

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Parsed:
    """An article with its quotations and events, ready to be written (picklable for workers)."""

    article: Article
    quotes: list[Quote]
    events: list[Event]


def parse(raw: str, source: str, sidecar: dict | None = None) -> Parsed:
    """Clean one article and extract its quotations and events; raise NotAnArticle if none."""
    article = parse_article(raw, source, sidecar)
    return Parsed(article, extract_quotes(article), extract_events(article))


def read_sidecar(path: Path) -> tuple[dict | None, str]:
    """The NAME.meta.json next to NAME.txt, if any, and a warning if it cannot be used."""
    meta = path.with_name(path.stem + ".meta.json")
    if not meta.exists():
        return None, ""
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return None, f"ignored sidecar {meta.name}: {exc}"
    if not isinstance(data, dict):
        return None, f"ignored sidecar {meta.name}: expected a JSON object"
    keep = ("url", "outlet", "published", "title")
    return {k: str(data[k]) for k in keep if data.get(k)}, ""


@dataclass(frozen=True)
class Prepared:
    """One file read and parsed, without the database: its article, or why it has none."""

    path: str
    parsed: Parsed | None = None
    error: str = ""
    warning: str = ""
    known: str | None = None  # the id of an article already stored with this text (nothing parsed)


def prepare_file(path: Path) -> Prepared:
    """Read and parse one file, turning every problem with it into an error naming the file."""
    name = str(path)
    try:
        if not path.exists():
            return Prepared(name, error="no such file")
        if path.stat().st_size > MAX_FILE_BYTES:
            return Prepared(name, error=f"larger than {MAX_FILE_BYTES // 1_000_000} MB")
        data = path.read_bytes()
    except OSError as exc:
        return Prepared(name, error=f"cannot read: {exc.strerror or exc}")
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return Prepared(name, error="not UTF-8 text")
    if not raw.strip():
        return Prepared(name, error="empty file")
    sidecar, warning = read_sidecar(path)
    try:
        return Prepared(name, parse(raw, path.name, sidecar), warning=warning)
    except NotAnArticle as exc:
        return Prepared(name, error=f"no article in it ({exc})")
    except Exception as exc:  # a rule tripping over odd text must not stop the batch
        log.exception("parsing %s failed", name)
        return Prepared(name, error=f"could not be parsed ({type(exc).__name__}: {exc})")


def prepare_files(paths: list[Path]) -> list[Prepared]:
    """prepare_file for each of a chunk of files (one task for a parse worker)."""
    return [prepare_file(path) for path in paths]
