"""Sentence vectors: the packaged model offline, vectors stored at ingest, backfilled, and searched."""

import socket

import pytest

from clipdesk.store.index import vectors
from clipdesk.store.index.search import search
from clipdesk.store.ingest import ingest_text

ARTICLE = """Ministers agree to send more soldiers to the northern border

TALLINN, May 4 (Reuters) - Estonia and Latvia will station an extra battalion of soldiers on their \
northern border from next spring, their defence ministers said on Monday.

"We are not afraid, and we will not be bullied," Estonian Defence Minister Kaja Rand told reporters.

The two countries also agreed to buy air defence systems together, officials said.
"""


def _rows(db) -> int:
    tables = ("paragraphs", "quotes", "events")
    return sum(db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables)


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("no network in this test")
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)


def test_the_packaged_model_loads_without_the_network(no_network, monkeypatch):
    monkeypatch.delenv(vectors.ENV, raising=False)
    vectors._MODELS.clear()
    embedder = vectors.model()
    assert embedder is not None and embedder.dim == 256
    question, same, other = embedder.embed(["troops at the frontier", "soldiers on the border",
                                            "cod fishing quotas"])
    assert abs(question @ question - 1) < 1e-5  # unit vectors: the dot product is the cosine
    assert question @ same > question @ other + 0.1


def test_the_packaged_model_keeps_its_weights_at_half_size_and_pools_in_float32(monkeypatch):
    import numpy as np
    from safetensors.numpy import load_file

    monkeypatch.delenv(vectors.ENV, raising=False)
    vectors._MODELS.clear()
    embedder = vectors.model()
    assert isinstance(embedder, vectors.StaticEmbedder)
    weights = load_file(str(vectors._wordllama_dir() / vectors._WORDLLAMA_WEIGHTS))["embedding.weight"]
    assert embedder.embedding.nbytes <= weights.size * 2  # 16 MB held, not a 33 MB float32 copy
    assert np.array_equal(embedder.embedding, weights)  # the file mapped, not read: the same matrix
    in_float32 = vectors.StaticEmbedder(embedder.name, weights.astype(np.float32), lambda: embedder.tokenizer,
                                        embedder.words is not None)
    texts = ["Harbour pilots in Gdansk stopped work over night shifts", "troops at the frontier", ""]
    assert np.array_equal(embedder.embed(texts), in_float32.embed(texts))  # the same vectors, bit for bit


def test_every_row_gets_a_vector_at_ingest(db):
    ingest_text(db, ARTICLE, "baltic.txt")
    rows = _rows(db)
    assert db.execute("SELECT COUNT(*) FROM vectors").fetchone()[0] == rows
    assert vectors.missing_count(db) == 0


def test_a_store_without_vectors_is_backfilled_with_progress(db):
    ingest_text(db, ARTICLE, "baltic.txt")
    total = db.execute("SELECT COUNT(*) FROM vectors").fetchone()[0]
    db.execute("DELETE FROM vectors")
    seen = []
    assert vectors.backfill_vectors(db, seen.append) == total
    assert sum(seen) == total and vectors.missing_count(db) == 0
    assert vectors.backfill_vectors(db, seen.append) == 0


def test_replacing_an_article_drops_its_old_vectors(db):
    ingest_text(db, ARTICLE, "baltic.txt")
    ingest_text(db, ARTICLE.replace("Monday", "Tuesday"), "baltic.txt")
    rows = _rows(db)
    assert db.execute("SELECT COUNT(*) FROM vectors").fetchone()[0] == rows


QUESTION_IN_OTHER_WORDS = "Are Estonia and Latvia sending more troops north?"  # soldiers, northern border


def test_a_question_in_other_words_is_answered_by_meaning(db):
    ingest_text(db, ARTICLE, "baltic.txt")
    result = search(db, QUESTION_IN_OTHER_WORDS)
    assert result.found and "battalion" in result.hits[0].text
    assert result.hits[0].semantic is not None


def test_without_vectors_the_same_question_is_not_answered(db, monkeypatch):
    monkeypatch.setenv(vectors.ENV, "none")
    ingest_text(db, ARTICLE, "baltic.txt")
    assert not search(db, QUESTION_IN_OTHER_WORDS).found


def test_with_semantic_matching_off_questions_are_still_answered_from_words(db, monkeypatch):
    monkeypatch.setenv(vectors.ENV, "none")
    ingest_text(db, ARTICLE, "baltic.txt")
    assert db.execute("SELECT COUNT(*) FROM vectors").fetchone()[0] == 0
    result = search(db, "Which air defence systems will Estonia and Latvia buy?")
    assert result.found and result.hits[0].semantic is None and "air defence" in result.hits[0].text


def test_a_model_that_cannot_be_loaded_leaves_words_only(db, monkeypatch, caplog):
    monkeypatch.setenv(vectors.ENV, "/nonexistent/model")
    assert vectors.model() is None
    ingest_text(db, ARTICLE, "baltic.txt")
    assert search(db, "Which air defence systems will Estonia and Latvia buy?").found


def test_the_scan_keeps_the_codes_nearest_the_query():
    import numpy as np

    rng = np.random.default_rng(7)
    columns = [rng.integers(0, 2**63, 100_003, dtype=np.uint64) for _ in range(4)]
    query = rng.integers(0, 2**63, 4, dtype=np.uint64)
    distance = vectors._hamming(np.stack(columns), query)
    ones = [np.unpackbits((c ^ w).view(np.uint8)).reshape(-1, 64).sum(axis=1)
            for c, w in zip(columns, query, strict=True)]
    assert np.array_equal(distance, sum(ones))
    for keep in (1, 200, 5000):
        chosen = vectors._smallest(distance, keep)
        assert len(set(chosen.tolist())) == keep
        assert sorted(distance[chosen]) == sorted(np.sort(distance)[:keep])
