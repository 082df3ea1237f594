"""Quoted spans: where each quotation of a paragraph opens and closes, and quotes left open."""

from clipdesk.store.text.spans import find_spans, spans_by_paragraph


def quoted(paragraph: str) -> list[str]:
    return [paragraph[s.start:s.end] for s in find_spans(paragraph, 0, False)]


def test_curly_straight_and_single_marks_each_open_and_close_a_quotation():
    assert quoted("“We are ready,” she said. \"So are we,\" he said. 'Not yet,' they said.") == [
        "We are ready,", "So are we,", "Not yet,"]


def test_a_quotation_glued_to_the_sentence_before_it_still_opens():
    assert quoted('Lee rejected the offer."It is overdue," she said.') == ["It is overdue,"]


def test_a_quotation_left_open_runs_on_into_the_next_paragraph_that_opens_with_a_mark():
    first, second = spans_by_paragraph((
        "“The harbour will reopen in May. The ships are waiting.",
        "“Nobody will lose their job,” the mayor said."))
    assert first[0].runs_on and second[0].continued
    assert not first[0].continued and not second[0].runs_on
