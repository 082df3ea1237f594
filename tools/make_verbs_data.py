"""Regenerate store/text/data/verbs.tsv from lemminflect (pip install 'clipdesk[inflections]').

The file holds the verbs whose past forms the index's Porter stemmer does not join to the verb
(met / meet, lost / lose, held / hold): each line a verb and those forms. lemminflect: MIT licence.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import lemminflect
from lemminflect.core.Inflections import Inflections

from clipdesk.store.index.fts import indexed_tokens

OUT = Path(__file__).resolve().parents[1] / "store" / "text" / "data" / "verbs.tsv"
PAST = ("VBD", "VBN")


def main() -> None:
    table = Inflections()._getInflDict()  # every lemma's inflections, as lemminflect ships them
    verbs = {lemma: sorted({f for tag in PAST for f in forms.get(tag, ()) if f.isalpha() and f.islower()})
             for lemma, forms in table.items() if lemma.isalpha() and lemma.islower() and "VB" in forms}
    conn = sqlite3.connect(":memory:")
    words = sorted({w for lemma, forms in verbs.items() for w in (lemma, *forms)})
    stem = {w: (tokens or [w])[0] for w, tokens in zip(words, indexed_tokens(conn, words), strict=True)}
    rows = [f"# Irregular past forms of English verbs, from lemminflect {lemminflect.__version__}"
            " (MIT). Regenerate with tools/make_verbs_data.py."]
    for lemma, forms in sorted(verbs.items()):
        apart = [f for f in forms if stem[f] != stem[lemma]]
        if apart:
            rows.append("\t".join([lemma, *apart]))
    OUT.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(rows) - 1} verbs, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
