"""A byte-fallback BPE run in Python from a compact form of a `tokenizers` BPE model (vocabulary, merges,
unknown token), giving the same ids as the Rust model for one piece: a question's few words are
tokenised without loading and parsing the whole tokenizer file."""

from __future__ import annotations

from typing import Any

BITS = 20  # a merge is kept as one int each way, left << BITS | right -> rank << BITS | merged token
MASK = (1 << BITS) - 1


def compact(config: dict[str, Any]) -> dict[str, Any] | None:
    """The compact form (dicts and lists, for caches.kept_for) of a tokenizer file's parsed JSON, or
    None when its model is not a plain BPE this module runs exactly (dropout, affixes, merges skipped
    for whole words)."""
    model = config.get("model") or {}
    if (model.get("type") != "BPE" or model.get("dropout") or model.get("continuing_subword_prefix")
            or model.get("end_of_word_suffix") or model.get("ignore_merges")):
        return None
    vocab: dict[str, int] = model["vocab"]
    if len(vocab) > MASK or len(model["merges"]) > MASK:
        return None
    merges: dict[int, int] = {}
    for rank, merge in enumerate(model["merges"]):
        left, right = merge.split(" ") if isinstance(merge, str) else merge
        merges[vocab[left] << BITS | vocab[right]] = rank << BITS | vocab[left + right]
    # only single characters and byte tokens are looked up: every longer token comes from a merge
    chars = {token: i for token, i in vocab.items()
             if len(token) == 1 or (len(token) == 6 and token.startswith("<0x") and token.endswith(">"))}
    return {"chars": chars, "merges": merges, "unk": vocab.get(model.get("unk_token") or ""),
            "fuse_unk": bool(model.get("fuse_unk")), "byte_fallback": bool(model.get("byte_fallback")),
            "added": [token["content"] for token in config.get("added_tokens", [])]}


class Bpe:
    """The BPE model of a compact form: `ids(piece)` as the Rust model's `tokenize(piece)` gives them."""

    def __init__(self, form: dict[str, Any]) -> None:
        self.chars: dict[str, int] = form["chars"]
        self.merges: dict[int, int] = form["merges"]
        self.unk: int | None = form["unk"]
        self.fuse_unk: bool = form["fuse_unk"]
        self.byte_fallback: bool = form["byte_fallback"]
        self.added: list[str] = form["added"]

    def ids(self, piece: str) -> list[int]:
        """The token ids of one piece: its characters (or their UTF-8 bytes, or the unknown token),
        then the pair of lowest rank merged, leftmost first, until no pair merges."""
        symbols = self._symbols(piece)
        merges = self.merges
        while len(symbols) > 1:
            best, where = -1, 0
            for at in range(len(symbols) - 1):
                merge = merges.get(symbols[at] << BITS | symbols[at + 1])
                if merge is not None and (best < 0 or merge < best):  # the lower rank, or the same
                    best, where = merge, at                                 # merge further left
            if best < 0:
                break
            symbols[where:where + 2] = [best & MASK]
        return symbols

    def _symbols(self, piece: str) -> list[int]:
        symbols: list[int] = []
        pending: int | None = None  # an unknown token waiting to be added (fused with the next unknown)
        for char in piece:
            found = self.chars.get(char)
            if found is not None:
                if pending is not None:
                    symbols.append(pending)
                    pending = None
                symbols.append(found)
                continue
            if self.byte_fallback:
                codes = [self.chars.get(f"<0x{byte:02X}>") for byte in char.encode()]
                if None not in codes:
                    symbols.extend(code for code in codes if code is not None)
                    continue  # as the Rust model does: a waiting unknown token is added after these
            if self.unk is not None:
                if pending is not None and not self.fuse_unk:
                    symbols.append(pending)
                pending = self.unk
        if pending is not None:
            symbols.append(pending)
        return symbols
