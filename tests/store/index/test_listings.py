"""The quotations listing: quoted speech by its speaker, not one-to-three-word scare fragments."""

from clipdesk.store.index.listings import list_quotes
from clipdesk.store.ingest import ingest_paths

STORY = """Ferry talks end without a deal

The islands' transport minister Mira Holt said on Tuesday the operator's offer was "not serious" \
and that the crossings were "safe".

"We will not sign a contract that cuts the winter timetable in half," Holt told reporters.
"""


def test_fragments_are_not_listed_as_quotations_but_stay_findable(db, tmp_path):
    (tmp_path / "ferry.txt").write_text(STORY, encoding="utf-8")
    ingest_paths(db, [tmp_path / "ferry.txt"])
    listed = [(row["text"], row["speaker"]) for row in list_quotes(db)]
    assert listed == [("We will not sign a contract that cuts the winter timetable in half", "Mira Holt")]
    stored = {text for (text,) in db.execute("SELECT text FROM quotes")}
    assert {"not serious", "safe"} <= stored
