"""Word-by-word token ids: the same ids, and so the same vectors, as the packaged tokenizer gives."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clipdesk.store.index import vectors, wordcache

TEXTS = [
    "",
    "Defence Minister Kaja Rand told reporters: “We are not afraid.”",
    "  two  leading spaces and  double  gaps ",
    " one leading space",
    "trailing space ",
    "Tab\tand\nnewline, naïve café, Bodø, Київ, 東京, emoji 😀 ∑ ½ ﬁ",
    "a literal <s> and </s> and <unk> in the text",
    "Shoigu Shoygu Shoiggu Sergei Sergey — 12,000 troops (3.5%)",
]


@pytest.fixture(scope="module")
def embedder():
    model = vectors.load_wordllama()
    assert model.words is not None, "the packaged tokenizer is one piece-by-piece tokenising applies to"
    assert model.words.bpe is not None, "its model is one the Python BPE runs"
    return model


def _reference(model, text: str) -> list[int]:
    ids = model.tokenizer.encode(text, add_special_tokens=False).ids
    return [i for i in ids if i < model.embedding.shape[0]]


@pytest.mark.parametrize("text", TEXTS)
def test_piece_ids_equal_the_tokenizers(embedder, text):
    assert embedder.words.ids(text) == _reference(embedder, text)
    assert embedder.words.ids(text) == _reference(embedder, text)  # again, from the memo


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab É’“”.,-  \t\n1😀"), max_size=40))
def test_piece_ids_equal_the_tokenizers_on_any_text(embedder, text):
    assert embedder.words.ids(text) == _reference(embedder, text)


def test_vectors_are_those_of_the_tokenizer(embedder):
    fast = embedder.embed(TEXTS)
    words, embedder.words = embedder.words, None
    try:
        slow = embedder.embed(TEXTS)
    finally:
        embedder.words = words
    assert np.array_equal(fast, slow)
    assert not fast[0].any() and fast[1].any()


def test_a_tokenizer_whose_tokens_span_spaces_is_not_tokenised_piece_by_piece(embedder):
    class Spanning:
        normalizer = embedder.tokenizer.normalizer
        pre_tokenizer = None

        def get_vocab(self):
            return {"▁new▁york": 5, "▁new": 6}

    assert not wordcache.applies(Spanning())


def test_a_question_is_embedded_without_loading_the_tokenizer_and_alike(embedder, tmp_path, monkeypatch):
    monkeypatch.setenv("CLIPDESK_CACHE", str(tmp_path))
    built = vectors.load_wordllama()  # no kept form yet: built from the tokenizer file and kept
    assert (tmp_path / "wordllama-bpe.marshal").exists()
    fresh = vectors.load_wordllama()  # as a new process: the kept form read back
    assert fresh.words is not None and fresh.words.bpe is not None
    question = "What did Defence Minister Kaja Rand say about Bodø, Київ and 東京 😀?"
    vectors_of = fresh.embed([question, "troops"])
    assert fresh._tokenizer is None, "the tokenizer was loaded to embed a plain question"
    assert np.array_equal(vectors_of, built.embed([question, "troops"]))
    assert np.array_equal(vectors_of, embedder.embed([question, "troops"]))


def test_a_stale_or_broken_kept_tokenizer_form_is_rebuilt(embedder, tmp_path, monkeypatch):
    monkeypatch.setenv("CLIPDESK_CACHE", str(tmp_path))
    kept = tmp_path / "wordllama-bpe.marshal"
    for stale in (b"not marshal", __import__("marshal").dumps((["another tokenizer"], {"bpe": None}))):
        kept.write_bytes(stale)
        model = vectors.load_wordllama()
        assert model.words is not None and model.words.bpe is not None
        assert model.words.ids(TEXTS[1]) == _reference(embedder, TEXTS[1])
        assert kept.read_bytes() != stale
