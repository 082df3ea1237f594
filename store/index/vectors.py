"""Sentence embeddings of paragraphs, quotations and events: the model, int8 storage in SQLite, search.

The default model is WordLlama's 256-dimension static embedding, loaded straight from the files inside
the `wordllama` wheel (never the network). `CLIPDESK_EMBEDDINGS` chooses another: `none` switches
semantic matching off, any other value is a model2vec model name or folder (`pip install
'clipdesk[models]'`). Vectors are stored one per row as int8 (256 bytes) with their sign bits
(32 bytes), which a whole-store scan compares by Hamming distance before exact re-scoring.
numpy and the model are imported only when a vector is needed.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Sequence
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clipdesk.store.index import bpe, cells, wordcache
from clipdesk.store.index.bpe import Bpe
from clipdesk.store.index.caches import (
    caches_of,
    kept_for,
    read_kept,
    sidecar,
    write_atomically,
    write_kept,
)
from clipdesk.store.index.wordcache import WordTokens

if TYPE_CHECKING:
    import numpy as np

    from clipdesk.store.store import Store

ENV = "CLIPDESK_EMBEDDINGS"
DEFAULT_MODEL = "wordllama"
OFF = "none"
KINDS = ("paragraph", "quote", "event")
SCAN_KEEP = 100  # rows kept from the Hamming scan for exact re-scoring (200 gave the same answers)
SCAN_CHUNK = 1 << 15  # codes compared at a time (the temporaries stay in the CPU cache)
CODES_BATCH = 50_000  # rows of sign bits read into memory at a time
SCAN_SAMPLE = 20_000  # distances sampled to estimate the cut-off of the SCAN_KEEP nearest
BACKFILL_BATCH = 512
CODES_FILE = "codes.npy"  # the sign bits kept beside the store (with codes.marshal, what they hold)
KEEP_AFTER = 5_000  # rows added to the codes before the kept file is written again

_WORDLLAMA_WEIGHTS = "weights/l2_supercat_256.safetensors"
_WORDLLAMA_TOKENIZER = "tokenizers/l2_supercat_tokenizer_config.json"

_TABLES = {"paragraph": "paragraphs", "quote": "quotes", "event": "events"}
_TEXTS = {
    "paragraph": "SELECT id, text FROM paragraphs",
    # a quotation is embedded with its speaker and its paragraph: short quotes mean little alone
    "quote": "SELECT id, COALESCE(speaker || ': ', '') || text || ' | ' || COALESCE((SELECT p.text"
             " FROM paragraphs p WHERE p.article_id = quotes.article_id AND p.position = quotes.paragraph),"
             " '') FROM quotes",
    "event": "SELECT id, summary FROM events",
}

log = logging.getLogger(__name__)
# set before numpy is first imported: the vector math here is element-wise or products of a few dozen
# rows, which OpenBLAS runs on one thread anyway, and starting its pool of threads cost an answer
# ~80 ms on a 2-core machine (an explicit setting is kept)
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


class StaticEmbedder:
    """A static (token lookup, pooled, L2-normalised) sentence embedding. `load_tokenizer()` gives its
    `tokenizers` Tokenizer, loaded only when needed: with `bpe` (its model in Python) texts are tokenised
    piece by piece without it."""

    def __init__(self, name: str, embedding: np.ndarray, load_tokenizer: Callable[[], Any],
                 by_piece: bool | None = None, bpe: Bpe | None = None) -> None:
        import numpy as np

        self.name = name
        self.embedding = np.ascontiguousarray(embedding)  # as stored (WordLlama's float16: half the memory)
        self.dim = int(self.embedding.shape[1])
        self._load_tokenizer = load_tokenizer
        self._tokenizer: Any = None
        if by_piece is None:
            by_piece = wordcache.applies(self.tokenizer)
        self.words = WordTokens(lambda: self.tokenizer, self.embedding.shape[0], bpe) if by_piece else None

    @property
    def tokenizer(self) -> Any:
        """The whole tokenizer (loaded on first use)."""
        if self._tokenizer is None:
            tokenizer = self._load_tokenizer()
            tokenizer.no_truncation()
            tokenizer.no_padding()
            self._tokenizer = tokenizer
        return self._tokenizer

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """An (n, dim) float32 array of unit vectors (zero for a text with no known token)."""
        import numpy as np

        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        ids = [self.words.ids(t) for t in texts] if self.words else self._ids(texts)
        lengths = [len(row) for row in ids]
        flat = np.fromiter(chain.from_iterable(ids), dtype=np.intp, count=sum(lengths))
        # each token the texts use is converted to float32 once (converting per text cost 4/5 of the
        # time), and the texts are pooled from that small table; the sum, normalised, is the mean's
        used, local = np.unique(flat, return_inverse=True)
        table = self.embedding[used].astype(np.float32)
        at = 0
        for i, length in enumerate(lengths):
            if length:
                out[i] = table.take(local[at:at + length], axis=0).sum(axis=0)
                at += length
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        np.divide(out, norms, out=out, where=norms > 0)
        return out

    def _ids(self, texts: Sequence[str]) -> list[list[int]]:
        vocab = self.embedding.shape[0]
        encodings = self.tokenizer.encode_batch(list(texts), add_special_tokens=False)
        return [[i for i in encoding.ids if i < vocab] for encoding in encodings]


class Model2VecEmbedder:
    """A model2vec StaticModel by name or folder (the optional `models` extra)."""

    def __init__(self, name: str) -> None:
        from model2vec import StaticModel

        self.name = name
        self.model = StaticModel.from_pretrained(name)
        self.dim = int(self.model.dim)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        import numpy as np

        out = np.asarray(self.model.encode(list(texts)), dtype=np.float32).reshape(len(texts), self.dim)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        np.divide(out, norms, out=out, where=norms > 0)
        return out


Embedder = StaticEmbedder | Model2VecEmbedder


def model_name() -> str:
    """The model `CLIPDESK_EMBEDDINGS` asks for (`none` when semantic matching is off)."""
    return (os.environ.get(ENV) or DEFAULT_MODEL).strip() or DEFAULT_MODEL


def _wordllama_dir() -> Path:
    spec = importlib.util.find_spec("wordllama")  # found without importing it (it would set up logging)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("the wordllama package is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def load_wordllama() -> StaticEmbedder:
    """WordLlama's packaged weights and tokenizer, read from the installed files (no network). Its BPE
    is kept in compact form in the user's cache (caches.kept_for, stamped with the tokenizer file and
    bpe.py), so that a question's words are tokenised without parsing the tokenizer file."""
    package = _wordllama_dir()
    embedding = mapped_tensor(package / _WORDLLAMA_WEIGHTS, "embedding.weight")
    config = package / _WORDLLAMA_TOKENIZER

    @functools.cache
    def load_tokenizer() -> Any:
        from tokenizers import Tokenizer

        return Tokenizer.from_file(str(config))

    def pieces() -> dict[str, Any]:  # checked and converted once
        by_piece = wordcache.applies(load_tokenizer())
        return {"by_piece": by_piece,
                "bpe": bpe.compact(json.loads(config.read_text(encoding="utf-8"))) if by_piece else None}

    kept = kept_for([config, Path(bpe.__file__)], "wordllama-bpe", pieces)
    return StaticEmbedder(DEFAULT_MODEL, embedding, load_tokenizer, kept["by_piece"],
                          bpe.Bpe(kept["bpe"]) if kept["bpe"] else None)


_SAFETENSORS_DTYPES = {"F16": "<f2", "F32": "<f4"}


def mapped_tensor(path: Path, name: str) -> np.ndarray:
    """One tensor of a .safetensors file as a read-only array over the memory-mapped file: only the
    pages of the rows a text uses are read (a question uses a few dozen of WordLlama's 32,000)."""
    import mmap

    import numpy as np

    with path.open("rb") as handle:
        size = int.from_bytes(handle.read(8), "little")
        header = json.loads(handle.read(size))[name]
        mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    begin, end = header["data_offsets"]
    dtype = np.dtype(_SAFETENSORS_DTYPES[header["dtype"]])
    array = np.frombuffer(mapped, dtype=dtype, count=(end - begin) // dtype.itemsize, offset=8 + size + begin)
    return array.reshape(header["shape"])


_MODELS: dict[str, Embedder | None] = {}
_LOCK = threading.Lock()


def model() -> Embedder | None:
    """The configured model, loaded once; None when switched off or it cannot be loaded (logged)."""
    name = model_name()
    if name.lower() == OFF:
        return None
    with _LOCK:
        if name not in _MODELS:
            try:
                _MODELS[name] = load_wordllama() if name == DEFAULT_MODEL else Model2VecEmbedder(name)
            except Exception as exc:  # a missing extra or a broken download must not stop answering
                log.warning("embedding model %r unavailable, answering from words only: %s", name, exc)
                _MODELS[name] = None
        return _MODELS[name]


# -- storage --------------------------------------------------------------------------------------

def _quantise(vectors: np.ndarray) -> tuple[list[bytes], list[bytes]]:
    import numpy as np

    peak = np.abs(vectors).max(axis=1, keepdims=True)
    scaled = np.divide(vectors, peak, out=np.zeros_like(vectors), where=peak > 0)
    codes = np.round(scaled * 127).astype(np.int8)
    bits = np.packbits(vectors > 0, axis=1)
    return [b.tobytes() for b in bits], [c.tobytes() for c in codes]


def _stored_model_matches(db: Store, embedder: Embedder) -> bool:
    row = db.execute("SELECT name, dim FROM vector_model WHERE id = 1").fetchone()
    if row is None:
        db.execute("INSERT INTO vector_model (id, name, dim) VALUES (1, ?, ?)", [embedder.name, embedder.dim])
        return True
    return tuple(row) == (embedder.name, embedder.dim)


def _write(db: Store, embedder: Embedder, kind: str, rows: Sequence[tuple[int, str]]) -> None:
    if not rows:
        return
    bits, codes = _quantise(embedder.embed([text for _, text in rows]))
    db.conn.executemany("INSERT OR REPLACE INTO vectors (kind, row, bits, vec) VALUES (?, ?, ?, ?)",
                        [(kind, rowid, b, c) for (rowid, _), b, c in zip(rows, bits, codes, strict=True)])


def store_vectors(db: Store, article_ids: Sequence[str]) -> None:
    """Embed and store the vectors of these articles' paragraphs, quotations and events, one model call
    per kind (inside the caller's transaction); nothing when semantic matching is off or the store holds
    another model's."""
    embedder = model()
    if not article_ids or embedder is None or not _stored_model_matches(db, embedder):
        return
    marks = ",".join("?" * len(article_ids))
    for kind, sql in _TEXTS.items():
        rows = db.execute(f"{sql} WHERE article_id IN ({marks})", list(article_ids)).fetchall()
        _write(db, embedder, kind, rows)


def missing_count(db: Store) -> int:
    """How many rows have no vector yet."""
    return sum(_missing(db, kind, count=True) for kind in KINDS)


def _missing(db: Store, kind: str, count: bool = False) -> Any:
    table = _TABLES[kind]
    where = f"NOT EXISTS (SELECT 1 FROM vectors v WHERE v.kind = '{kind}' AND v.row = {table}.id)"
    if count:
        return db.execute(f"SELECT COUNT(*) FROM {table} WHERE {where}").fetchone()[0]
    return db.execute(f"{_TEXTS[kind]} WHERE {where}")


def backfill_vectors(db: Store, progress: Callable[[int], None] | None = None) -> int:
    """Compute the vectors an existing store lacks (all of them when the model changed), in batches
    committed one by one; `progress(n)` is told how many rows each batch did. Returns the rows done."""
    from clipdesk.store.index.schema import transaction

    embedder = model()
    if embedder is None:
        return 0
    with transaction(db):
        if not _stored_model_matches(db, embedder):
            db.execute("DELETE FROM vectors")
            db.execute("UPDATE vector_model SET name = ?, dim = ? WHERE id = 1",
                       [embedder.name, embedder.dim])
    done = 0
    for kind in KINDS:
        cursor = _missing(db, kind)
        while batch := cursor.fetchmany(BACKFILL_BATCH):
            with transaction(db):
                _write(db, embedder, kind, batch)
            done += len(batch)
            if progress:
                progress(len(batch))
    return done


def backfill_pending(db: Store, progress: Callable[[int, int], None] | None = None) -> int:
    """Once, after the vectors migration: embed the rows a store held before it, then drop the mark
    (an interrupted backfill resumes on the next open). `progress(done, total)` follows it. Nothing
    while semantic matching is off: the mark waits for a model."""
    from clipdesk.store.index.schema import transaction

    if db.execute("SELECT 1 FROM vector_backfill").fetchone() is None or model() is None:
        return 0
    total, done = missing_count(db), 0

    def step(n: int) -> None:
        nonlocal done
        done += n
        if progress:
            progress(done, total)

    backfill_vectors(db, step if total else None)
    with transaction(db):
        db.execute("DELETE FROM vector_backfill")
    return done


# -- search ---------------------------------------------------------------------------------------

WORD_MEMO = 20_000  # word vectors remembered (the memo starts again when it is full)


class _WordMemo:
    """Single words' unit vectors, one row each of a preallocated array (one model's)."""

    def __init__(self, name: str, dim: int) -> None:
        import numpy as np

        self.name = name
        self.index: dict[str, int] = {}
        self.rows = np.zeros((WORD_MEMO, dim), dtype=np.float32)

    def vectors(self, embedder: Embedder, words: Sequence[str]) -> np.ndarray:
        unknown = sorted({w for w in words if w not in self.index})
        if len(self.index) + len(unknown) > WORD_MEMO:
            self.index = {}
            unknown = sorted(set(words))[:WORD_MEMO]
        if unknown:
            start = len(self.index)
            self.rows[start:start + len(unknown)] = embedder.embed(unknown)
            self.index.update((w, start + i) for i, w in enumerate(unknown))
        return self.rows[[self.index[w] for w in words]]


_WORD_MEMO: list[_WordMemo] = []


def word_vectors(words: Sequence[str]) -> np.ndarray | None:
    """Unit vectors of single words (one row each, memoised), or None when semantic matching is off."""
    embedder = model()
    if embedder is None:
        return None
    with _LOCK:
        if not _WORD_MEMO or _WORD_MEMO[0].name != embedder.name:
            _WORD_MEMO[:] = [_WordMemo(embedder.name, embedder.dim)]
        return _WORD_MEMO[0].vectors(embedder, words)


class _Codes:
    """Every stored vector's sign bits, one row of uint64 words per 64 dimensions (`words`, column-wise
    for a fast scan), with the id of each (its row << 2 | its kind: read only for the rows a scan
    keeps, so the ids of a kept file stay on disk), and the newest row of each kind they hold.

    Rows stored later (ids only grow) are appended when the next scan sees a newer row; a store of
    another model is read afresh. Rows deleted since are left in (similarities() finds no vector for
    them, so they are never returned). `kept` is how many of them the file beside the store holds.
    On a large store the first `bounds[-1]` codes are in cell order (cells.py: cell c holds codes
    bounds[c]..bounds[c + 1]), those after them were added since and are scanned whole."""

    def __init__(self, model: str | None, ids: np.ndarray, words: np.ndarray,
                 newest: dict[str, int], kept: int = 0, centroids: np.ndarray | None = None,
                 bounds: np.ndarray | None = None) -> None:
        self.model, self.ids, self.words, self.newest = model, ids, words, newest
        self.kept, self.centroids, self.bounds = kept, centroids, bounds

    @property
    def columns(self) -> list[np.ndarray]:
        """The words as one array per 64 dimensions (views, not copies)."""
        return list(self.words)

    @property
    def size(self) -> int:
        return int(self.ids.size)

    def keys(self, indexes: np.ndarray) -> list[tuple[str, int]]:
        """The (kind, row) of the codes at these indexes."""
        return [(KINDS[code & 3], code >> 2) for code in self.ids[indexes].tolist()]

    def spans(self, query: np.ndarray) -> list[tuple[int, int]]:
        """The ranges of codes to scan for a query vector: all of them, or the cells nearest it and
        the codes added since the cells were made."""
        size = self.size
        if self.centroids is None or self.bounds is None:
            return [(0, size)]
        bounds = self.bounds.tolist()
        near = [(bounds[c], bounds[c + 1]) for c in cells.probed(self.centroids, query).tolist()]
        return [(a, b) for a, b in [*near, (bounds[-1], size)] if b > a]

    def clustered(self) -> _Codes:
        """These codes in cell order (new cells fitted on them), when there are enough to bound a scan."""
        import numpy as np

        if self.size < cells.CELLS_MIN:
            return self
        centroids = cells.train(self.columns)
        assigned = cells.assign(self.columns, centroids)
        order = np.argsort(assigned, kind="stable")
        bounds = np.searchsorted(assigned[order], np.arange(centroids.shape[0] + 1)).astype(np.int64)
        return _Codes(self.model, self.ids[order], self.words[:, order], self.newest, self.kept,
                      centroids, bounds)


def _newest(db: Store) -> dict[str, int]:
    """The highest row of each kind that has a vector (an index lookup each)."""
    return {kind: db.execute("SELECT COALESCE(MAX(row), 0) FROM vectors WHERE kind = ?", [kind]).fetchone()[0]
            for kind in KINDS}


def _bits_of(db: Store, newest: dict[str, int]) -> dict[str, str]:
    """The sign bits (hex) of each kind's newest row: they tell the kept codes are this store's."""
    found = {}
    for kind, row in newest.items():
        bits = db.execute("SELECT bits FROM vectors WHERE kind = ? AND row = ?", [kind, row]).fetchone()
        found[kind] = bits[0].hex() if bits else ""
    return found


def _kept(db: Store, model: str | None, newest: dict[str, int]) -> _Codes | None:
    """The codes kept beside the store, if they are this store's (same model, and each kind's newest
    kept row still there with the same bits); rows stored since are added by the caller."""
    import numpy as np

    path = sidecar(db, CODES_FILE)
    meta = read_kept(path.with_suffix(".marshal") if path else None, model)
    if path is None or not isinstance(meta, dict):
        return None
    held = {kind: int(meta["newest"].get(kind, 0)) for kind in KINDS}
    if any(held[kind] > newest[kind] for kind in KINDS) or _bits_of(db, held) != meta["bits"]:
        return None
    try:
        # a plain array over the mapped file: slicing a np.memmap costs a Python call each time
        table = np.load(path, mmap_mode="r", allow_pickle=False).view(np.ndarray)
    except (OSError, ValueError):
        return None
    if table.ndim != 2 or table.shape[1] != meta["size"] or table.dtype != np.uint64:
        return None
    centroids, bounds = None, None
    if meta.get("cells"):
        count, bits = meta["cells"]["shape"]
        centroids = np.frombuffer(meta["cells"]["centroids"], dtype=np.float32).reshape(count, bits)
        bounds = np.asarray(meta["cells"]["bounds"], dtype=np.int64)
        if bounds.size != count + 1 or bounds[-1] > table.shape[1]:
            return None
    return _Codes(model, table[0], table[1:], held, kept=table.shape[1], centroids=centroids,
                  bounds=bounds)


def _keep(db: Store, codes: _Codes) -> _Codes:
    """Write the codes beside the store (the ids, then the columns: one uint64 table; in cell
    order, cells fitted afresh, on a large store) when enough rows were added since the file was last
    written, or a large store's kept codes have no cells yet. Returns the codes as kept."""
    import numpy as np

    added = codes.size - codes.kept
    uncelled = codes.centroids is None and codes.size >= cells.CELLS_MIN
    if (added < max(KEEP_AFTER, codes.kept // 10) and not uncelled) or not codes.words.size:
        return codes
    path = sidecar(db, CODES_FILE)
    if path is None:
        return codes
    codes = codes.clustered()
    table = np.vstack([codes.ids, codes.words])
    meta: dict[str, Any] = {"newest": codes.newest, "bits": _bits_of(db, codes.newest),
                            "size": table.shape[1]}
    if codes.centroids is not None and codes.bounds is not None:
        meta["cells"] = {"shape": list(codes.centroids.shape), "bounds": codes.bounds.tolist(),
                         "centroids": codes.centroids.astype(np.float32).tobytes()}

    def write(temporary: Path) -> None:
        with temporary.open("wb") as handle:
            np.save(handle, table, allow_pickle=False)

    write_atomically(path, write)
    write_kept(path.with_suffix(".marshal"), codes.model, meta)
    codes.kept = codes.size
    return codes


def _codes(db: Store) -> _Codes:
    import numpy as np

    stored = db.execute("SELECT name FROM vector_model WHERE id = 1").fetchone()
    model, newest = (stored[0] if stored else None), _newest(db)
    caches = caches_of(db)
    cached = caches.codes
    if cached is None or cached.model != model:
        empty = _Codes(model, np.zeros(0, dtype=np.uint64), np.zeros((0, 0), dtype=np.uint64),
                       {kind: 0 for kind in KINDS})
        cached = _kept(db, model, newest) or empty
    if any(newest[kind] > cached.newest[kind] for kind in KINDS):
        ids, packed = [cached.ids], []
        for number, kind in enumerate(KINDS):
            cursor = db.execute("SELECT row, bits FROM vectors WHERE kind = ? AND row > ? AND row <= ?",
                                [kind, cached.newest[kind], newest[kind]])
            while found := cursor.fetchmany(CODES_BATCH):  # a batch at a time: the rows as Python
                width = len(found[0][1])                      # objects cost ten times the arrays
                found = [r for r in found if len(r[1]) == width]
                bits = np.frombuffer(b"".join(r[1] for r in found), dtype=np.uint8).reshape(len(found), width)
                packed.append(np.pad(bits, ((0, 0), (0, (-width) % 8))).view(np.uint64))
                rows = np.fromiter((r[0] for r in found), dtype=np.uint64, count=len(found))
                ids.append((rows << np.uint64(2)) | np.uint64(number))
        if packed:
            added = np.ascontiguousarray(np.concatenate(packed).T)
            words = np.concatenate([cached.words, added], axis=1) if cached.words.size else added
            cached = _Codes(model, np.concatenate(ids), words, newest, cached.kept,
                            cached.centroids, cached.bounds)
        else:
            cached = _Codes(model, cached.ids, cached.words, newest, cached.kept,
                            cached.centroids, cached.bounds)
    cached = _keep(db, cached)
    caches.codes = cached
    return cached


def embed_question(db: Store, texts: Sequence[str]) -> np.ndarray | None:
    """The vectors of a question's texts (the whole question first), or None when semantic matching is
    off, the store has no vectors of this model, or the question has no word the model knows."""
    embedder = model()
    if embedder is None:
        return None
    try:
        stored = db.execute("SELECT name FROM vector_model WHERE id = 1").fetchone()
    except sqlite3.OperationalError:
        return None
    if stored is None or stored[0] != embedder.name:
        return None
    embedded = embedder.embed(texts)
    return embedded if embedded[0].any() else None


def similarities(db: Store, queries: np.ndarray,
                 keys: Iterable[tuple[str, int]]) -> dict[tuple[str, int], np.ndarray]:
    """Cosine similarity of each query (rows of an (m, dim) array) to each stored (kind, row) vector
    that exists."""
    import numpy as np

    out: dict[tuple[str, int], np.ndarray] = {}
    by_kind: dict[str, list[int]] = {}
    for kind, row in keys:
        by_kind.setdefault(kind, []).append(row)
    for kind, rows in by_kind.items():
        marks = ",".join("?" * len(rows))
        found = db.execute(f"SELECT row, vec FROM vectors WHERE kind = ? AND row IN ({marks})",
                           [kind, *rows]).fetchall()
        if not found:
            continue
        codes = np.frombuffer(b"".join(r[1] for r in found), dtype=np.int8).reshape(len(found), -1)
        codes = codes.astype(np.float32)
        norms = np.linalg.norm(codes, axis=1, keepdims=True)
        scores = (codes / np.where(norms > 0, norms, 1.0)) @ queries.T
        out.update({(kind, r[0]): s for r, s in zip(found, scores, strict=True)})
    return out


def _hamming(words: np.ndarray, query: np.ndarray) -> np.ndarray:
    """The Hamming distance of every stored code (the columns of `words`, one row per query word) to
    the query's, a cache-sized chunk at a time."""
    import numpy as np

    size = words.shape[1]
    distance = np.empty(size, dtype=np.uint16)
    chunk = min(SCAN_CHUNK, size)
    xor, ones = np.empty((len(query), chunk), dtype=np.uint64), np.empty((len(query), chunk), dtype=np.uint8)
    word = query[:, None]
    for start in range(0, size, chunk):
        end = min(size, start + chunk)
        width = end - start
        np.bitwise_xor(words[:, start:end], word, out=xor[:, :width])
        np.bitwise_count(xor[:, :width], out=ones[:, :width])
        ones[:, :width].sum(axis=0, dtype=np.uint16, out=distance[start:end])
    return distance


def _smallest(distance: np.ndarray, keep: int) -> np.ndarray:
    """Indexes of `keep` smallest distances: a cut-off estimated on an even sample, every distance
    under it gathered, and only those partitioned (ties at the cut-off are taken in any order)."""
    import numpy as np

    sample = distance[:: max(1, distance.size // SCAN_SAMPLE)]
    rank = min(sample.size - 1, 2 * keep * sample.size // distance.size + 1)
    cutoff = int(np.partition(sample, rank)[rank])
    while (near := np.flatnonzero(distance <= cutoff)).size < keep:
        cutoff += 8
    return near[np.argpartition(distance[near], keep - 1)[:keep]] if near.size > keep else near


def nearest(db: Store, queries: np.ndarray, n: int) -> dict[tuple[str, int], np.ndarray]:
    """The n stored rows most similar to the first query (with their similarities to every query):
    a Hamming scan of the sign bits (over the whole store, or on a large one over the cells nearest
    the query and the codes added since), then exact (int8) cosine on the SCAN_KEEP closest."""
    import numpy as np

    codes = _codes(db)
    if not codes.size:
        return {}
    packed = np.packbits(queries[0] > 0)
    query_bits = np.pad(packed, (0, (-packed.size) % 8)).view(np.uint64)
    spans = codes.spans(queries[0])
    distance = np.concatenate([_hamming(codes.words[:, a:b], query_bits) for a, b in spans])
    if not distance.size:
        return {}
    chosen = _smallest(distance, min(SCAN_KEEP, distance.size))
    whole = spans == [(0, codes.size)]
    closest = chosen if whole else np.concatenate([np.arange(a, b) for a, b in spans])[chosen]
    scores = similarities(db, queries, codes.keys(closest))
    return dict(sorted(scores.items(), key=lambda kv: -kv[1][0])[:n])
