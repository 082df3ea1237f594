"""Token ids of texts piece by piece (one space-led word each), memoised, where that is exact."""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import chain
from typing import Any

from clipdesk.store.index.bpe import Bpe

SPACE = "\u2581"  # SentencePiece's visible space, which the normalizer writes for " "
MEMO = 40_000  # pieces remembered (the memo is emptied when it is full): about 15 MB
_PIECE = re.compile(f"{SPACE}+[^{SPACE}]*|[^{SPACE}]+")
_SPANNING = re.compile(f"[^{SPACE}]{SPACE}")


_SAMPLES = ("a b", "  Two  spaces ", "Tab\tand\nline", "Naïve café “quoted” – ½ ﬁ", "x")


def normalised(text: str) -> str:
    """What a SentencePiece-style normalizer makes of `text`: SPACE before it and for every space."""
    return SPACE + text.replace(" ", SPACE)


def applies(tokenizer: Any) -> bool:
    """Whether tokenising piece by piece gives the tokenizer's own ids: its normalizer does nothing but
    `normalised`, there is no pre-tokenizer, and no token in the vocabulary runs from a word into a
    space (so no merge ever crosses the start of a piece)."""
    normalizer = getattr(tokenizer, "normalizer", None)
    if normalizer is None or tokenizer.pre_tokenizer is not None:
        return False
    if any(normalizer.normalize_str(s) != normalised(s) for s in _SAMPLES):
        return False
    return not any(_SPANNING.search(token) for token in tokenizer.get_vocab())


class WordTokens:
    """A tokenizer's ids for whole texts, built from memoised pieces (see `applies`); texts holding one
    of its added tokens (<s>, <unk> ...) go through the tokenizer itself. With `bpe` (the tokenizer's
    model in Python) the pieces are tokenised without loading the tokenizer (`tokenizer()` loads it)."""

    def __init__(self, tokenizer: Callable[[], Any], limit: int, bpe: Bpe | None = None) -> None:
        self.tokenizer = tokenizer
        self.limit = limit  # ids at or above it have no embedding row and are dropped
        self.bpe = bpe
        self.added = bpe.added if bpe else [
            t.content for t in tokenizer().get_added_tokens_decoder().values()]
        self.memo: dict[str, list[int]] = {}

    def ids(self, text: str) -> list[int]:
        """The ids of `text` below `limit`, as the tokenizer (without special tokens) gives them."""
        if not text:
            return []
        if any(token in text for token in self.added):
            encoded = self.tokenizer().encode(text, add_special_tokens=False).ids
            return [i for i in encoded if i < self.limit]
        if "  " in text or text.startswith(" "):
            pieces = _PIECE.findall(normalised(text))
        else:
            pieces = (SPACE + text.replace(" ", " " + SPACE)).split(" ")
        memo = self.memo
        try:
            return list(chain.from_iterable([memo[piece] for piece in pieces]))
        except KeyError:
            if len(memo) + len(pieces) > MEMO:
                memo.clear()
            for piece in pieces:
                if piece not in memo:
                    memo[piece] = [i for i in self._piece(piece) if i < self.limit]
            return list(chain.from_iterable([memo[piece] for piece in pieces]))

    def _piece(self, piece: str) -> list[int]:
        if self.bpe is not None:
            return self.bpe.ids(piece)
        return [t.id for t in self.tokenizer().model.tokenize(piece)]
