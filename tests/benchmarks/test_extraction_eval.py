"""The extraction scorer counts events and non-events the way the annotations mean them."""

from __future__ import annotations

import json

from benchmarks.extraction_eval import score_file

MEETING = ("Portugal's foreign minister Ana Ferreira met her Spanish counterpart Luis Ortega in Lisbon"
           " on Monday to discuss the shared river basin.")
NEGATED = "Ortega did not meet the Moroccan delegation, which cancelled its trip at the last minute."
PLANNED = "Ferreira will visit Madrid next month to sign the treaty."
PAGE = "\n\n".join([
    "Ministers agree on river treaty",
    f"LISBON, March 3 (Tidewire) - {MEETING}",
    '"We have waited a decade for this agreement," Ferreira told reporters after the meeting.',
    NEGATED,
    PLANNED,
])


def _annotated(tmp_path, events, non_events, date="March 3"):
    path = tmp_path / "page.json"
    path.write_text(json.dumps({"text": PAGE, "title": "Ministers agree on river treaty", "outlet": None,
                                "date": date, "quotes": [], "scare": [], "events": events,
                                "non_events": non_events}))
    return score_file(path).counts


def test_an_event_with_its_participants_is_exact_and_a_missing_one_is_not(tmp_path):
    pair = ["Ana Ferreira", "Luis Ortega"]
    right = _annotated(tmp_path, [{"kind": "meeting", "participants": pair, "sentence": MEETING}], [])
    assert (right["events"], right["events found"], right["events exact"]) == (1, 1, 1)
    three = [*pair, "Marta Lopes"]
    short = _annotated(tmp_path, [{"kind": "meeting", "participants": three, "sentence": MEETING}], [])
    assert (short["events found"], short["events exact"], short["events none wrong"]) == (1, 0, 1)


def test_negated_and_planned_non_events_are_told_apart(tmp_path):
    counts = _annotated(tmp_path, [], [{"sentence": NEGATED, "why": "negated"},
                                       {"sentence": PLANNED, "why": "planned"}])
    assert counts["non-events"] == 2
    assert counts["non-events recorded"] == 0 and counts["non-events planned"] == 1


def test_a_sentence_with_an_event_held_and_one_not_counts_only_events_read_beyond_the_held(tmp_path):
    held = [{"kind": "meeting", "participants": ["Ana Ferreira", "Luis Ortega"], "sentence": MEETING}]
    both = _annotated(tmp_path, held, [{"sentence": MEETING, "why": "proposed"}])
    assert (both["non-events"], both["non-events recorded"]) == (1, 0)  # its one meeting is the held one
    alone = _annotated(tmp_path, [], [{"sentence": MEETING, "why": "proposed"}])
    assert alone["non-events recorded"] == 1


def test_a_dateline_day_without_a_year_is_set_apart_when_the_annotation_leaves_it_out(tmp_path):
    assert _annotated(tmp_path, [], [])["date right"] == 1
    unannotated = _annotated(tmp_path, [], [], date=None)
    assert (unannotated["date yearless"], unannotated["date wrong"], unannotated["date right"]) == (1, 0, 0)
    assert _annotated(tmp_path, [], [], date="2024-05-03")["date wrong"] == 1
