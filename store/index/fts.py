"""Safe FTS5 query shaping: user words tokenised here and quoted, so no user syntax reaches MATCH."""

from __future__ import annotations

import math
import re
import sqlite3
from collections.abc import Iterable, Sequence

from clipdesk.store.index.schema import FTS_TOKENIZER as TOKENIZER

MAX_TERMS = 16
MAX_TOKEN_CHARS = 40

_WORD = re.compile(r"[^\W_]+")

_STOP_TEXT = """
a about above after again against all also am an and any are aren as at be because been before being
below between both but by can cannot could couldn did didn do does doesn doing don down during each
else ever few for from further get got had hadn has hasn have haven having he her here hers herself him
himself his how i if in into is isn it its itself just let me more most much my myself no nor not now
of off on once only or other ought our ours ourselves out over own same shall she should shouldn so
some such than that the their theirs them themselves then there these they this those through to too
under until up upon us very was wasn we were weren what when where which while who whom whose why will
with won would wouldn you your yours yourself yourselves
say says said saying tell tells told mention mentioned according think thinks thought
anything something someone somebody anyone anybody thing things kind really please
many near happen happens happened exactly
"""
STOP_WORDS = frozenset(_STOP_TEXT.split())


def tokens(text: str) -> list[str]:
    """Lower-case words and numbers of `text`, each at most MAX_TOKEN_CHARS long."""
    return [w[:MAX_TOKEN_CHARS] for w in _WORD.findall(text.lower())]


def content_terms(text: str) -> list[str]:
    """The distinct words of `text` that carry meaning: no stop words, no single letters."""
    seen: dict[str, None] = {}
    for word in tokens(text):
        if word not in STOP_WORDS and (len(word) > 1 or word.isdigit()):
            seen.setdefault(word)
    return list(seen)[:MAX_TERMS]


def phrase(text: str) -> str:
    """One FTS5 string: the words of `text` as a quoted phrase ("" when it has none)."""
    words = tokens(text)
    return '"' + " ".join(words) + '"' if words else ""


def any_of(alternatives: Iterable[str]) -> str:
    """An FTS5 expression matching any of the phrases `alternatives` (plain text, quoted here)."""
    parts = sorted({p for p in map(phrase, alternatives) if p})
    if not parts:
        return ""
    return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"


def all_of(expressions: Sequence[str]) -> str:
    """An FTS5 expression requiring every (already shaped) expression."""
    return " AND ".join(e for e in expressions if e)


def in_column(column: str, expression: str) -> str:
    """`expression` restricted to one column of the FTS table (a column filter)."""
    return f"{{{column}}} : {expression}" if expression else ""


# -- the index's own view of words: stems and exact document counts ------------------------------

STEM_MEMO = 200_000  # words whose stem is remembered (the memo is emptied when it is full)
_STEMS: dict[str, str] = {}
_PROBE = "clipdesk_probe"


def stems(conn: sqlite3.Connection, words: Iterable[str]) -> dict[str, str]:
    """Each word's token as the FTS5 index stores it (the same porter tokenizer, run by SQLite on a
    temporary table, so Python and the index always agree), memoised."""
    words = set(words)
    unknown = sorted(w for w in words if w not in _STEMS)
    if unknown:
        if len(_STEMS) + len(unknown) > STEM_MEMO:
            _STEMS.clear()
        for word, found in zip(unknown, indexed_tokens(conn, unknown), strict=True):
            _STEMS[word] = found[0] if found else word
    return {w: _STEMS[w] for w in words}


def stemmed(conn: sqlite3.Connection, words: Sequence[str]) -> list[str]:
    """The index's token of each word, in order (as `stems`, without building a dict of every word)."""
    known = [_STEMS.get(w) for w in words]
    found = stems(conn, [w for w, s in zip(words, known, strict=True) if s is None]) if None in known else {}
    return [s if s is not None else found[w] for w, s in zip(words, known, strict=True)]


def indexed_tokens(conn: sqlite3.Connection, texts: Sequence[str]) -> list[list[str]]:
    """The tokens the FTS5 index makes of each text, in order (SQLite's own tokenizer, run on a
    temporary table)."""
    conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{_PROBE} USING fts5(word, tokenize='{TOKENIZER}')")
    conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{_PROBE}_tokens"
                 f" USING fts5vocab(temp, {_PROBE}, 'instance')")
    opened = not conn.in_transaction
    conn.executemany(f"INSERT INTO temp.{_PROBE} (rowid, word) VALUES (?, ?)", enumerate(texts))
    out: list[list[str]] = [[] for _ in texts]
    for doc, term in conn.execute(f"SELECT doc, term FROM temp.{_PROBE}_tokens ORDER BY doc, offset"):
        out[doc].append(term)
    conn.execute(f"DELETE FROM temp.{_PROBE}")
    if opened:  # the probe's own writes opened the transaction: end it (see doc_counts)
        conn.commit()
    return out


COUNT_MEMO = 100_000  # terms whose document count one store remembers (emptied when full)


def doc_counts(conn: sqlite3.Connection, table: str, terms: Iterable[str],
               memo: dict[str, tuple[bytes, dict[str, int]]] | None = None) -> dict[str, int]:
    """Exact number of rows of `table`'s FTS index holding each (stemmed) term, from fts5vocab.

    Counting a word walks its whole posting list (about 90 ms for a word in half of a million
    paragraphs), so with a `memo` (one per store) the counts are remembered while the index is
    unchanged: its structure record, which every committed write to it rewrites, is the stamp, and
    nothing is remembered inside a transaction (whose writes that record does not show yet)."""
    terms = set(terms)
    stamp = None if memo is None or conn.in_transaction else _structure(conn, table)
    known: dict[str, int] = {}
    if memo is not None and stamp is not None:
        kept = memo.get(table)
        if kept is None or kept[0] != stamp or len(kept[1]) + len(terms) > COUNT_MEMO:
            kept = memo[table] = (stamp, {})
        known = kept[1]
    vocab = f"clipdesk_{table}_vocab"
    conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{vocab} USING fts5vocab(main, {table}_fts, 'row')")
    for term in terms - known.keys():
        row = conn.execute(f"SELECT doc FROM temp.{vocab} WHERE term = ?", [term]).fetchone()
        known[term] = row[0] if row else 0
    return {term: known[term] for term in terms}


def _structure(conn: sqlite3.Connection, table: str) -> bytes | None:
    """The FTS index's structure record (its segments and write counter)."""
    row = conn.execute(f"SELECT block FROM {table}_fts_data WHERE id = 10").fetchone()
    return bytes(row[0]) if row else None


# -- BM25 as FTS5 computes it, from remembered document counts ---------------------------------

BM25_K1, BM25_B = 1.2, 0.75  # FTS5's bm25() constants
_PHRASE = re.compile(r'"([^"]*)"')


_COLUMN_GROUP = re.compile(r'\{(\w+)\} : (\([^()]*\)|"[^"]*")')  # in_column's '{col} : (...)'


def bm25(conn: sqlite3.Connection, table: str, expression: str, rowids: Sequence[int],
         memo: dict[str, tuple[bytes, dict[str, int]]] | None) -> dict[int, float] | None:
    """FTS5's `rank` (bm25(), negative, the best lowest) of rows matching `expression` (shaped here),
    computed as SQLite does but from the remembered document counts (doc_counts): SQLite's own walks
    the posting list of every phrase, 100 ms for a word in half of a million paragraphs. A phrase of
    several words, or one restricted to a column, is counted in each row as SQLite counts it, but its
    document count is taken as its rarest word's in any column (the index keeps no other), so its
    rank can be a little off SQLite's. None for an expression of another shape."""
    outside = _COLUMN_GROUP.sub(" ", expression)
    phrases = [(m.group(1), p) for m in _COLUMN_GROUP.finditer(expression)
               for p in _PHRASE.findall(m.group(2))] + [(None, p) for p in _PHRASE.findall(outside)]
    if "{" in outside or not phrases or not rowids:
        return None
    tokens = indexed_tokens(conn, [p for _, p in phrases])
    if not all(tokens):
        return None
    counts = doc_counts(conn, table, {w for t in tokens for w in t}, memo)
    averages = conn.execute(f"SELECT block FROM {table}_fts_data WHERE id = 1").fetchone()
    cursor = conn.execute(f"SELECT rowid, * FROM {table}_fts WHERE rowid IN ({','.join('?' * len(rowids))})",
                          list(rowids))
    names = [d[0] for d in cursor.description[1:]]
    rows = cursor.fetchall()
    if averages is None or len(rows) != len(set(rowids)):
        return None
    numbers = _varints(bytes(averages[0]))
    total, size = numbers[0], sum(numbers[1:])
    if not total or not size:
        return None
    average = float(size) / float(total)
    idf = [_idf(total, min(counts[w] for w in t)) for t in tokens]
    flat = indexed_tokens(conn, ["" if v is None else str(v) for row in rows for v in row[1:]])
    out = {}
    for n, row in enumerate(rows):
        columns = dict(zip(names, flat[n * len(names):(n + 1) * len(names)], strict=True))
        length = float(sum(len(words) for words in columns.values()))
        value = 0.0
        for (column, _), phrase_tokens, weight in zip(phrases, tokens, idf, strict=True):
            frequency = float(sum(_occurrences(words, phrase_tokens)
                                  for name, words in columns.items() if column in (None, name)))
            value += weight * ((frequency * (BM25_K1 + 1.0))
                               / (frequency + BM25_K1 * (1 - BM25_B + BM25_B * length / average)))
        out[row[0]] = -1.0 * value
    return out


def _occurrences(words: list[str], phrase: list[str]) -> int:
    """How many times the phrase's tokens stand together in `words`."""
    if len(phrase) == 1:
        return words.count(phrase[0])
    n = len(phrase)
    return sum(1 for i in range(len(words) - n + 1) if words[i:i + n] == phrase)


def _idf(total: int, count: int) -> float:
    idf = math.log((total - count + 0.5) / (count + 0.5))
    return idf if idf > 0.0 else 1e-6


def _varints(data: bytes) -> list[int]:
    """The numbers of an FTS5 record (SQLite's varints: 7 bits a byte, high bit set to go on, the
    ninth byte whole)."""
    out, i = [], 0
    while i < len(data):
        value = 0
        for n in range(9):
            byte = data[i]
            i += 1
            if n == 8:
                value = (value << 8) | byte
                break
            value = (value << 7) | (byte & 0x7F)
            if not byte & 0x80:
                break
        out.append(value)
    return out
