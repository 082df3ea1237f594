"""Quoted spans: where each quotation of a paragraph opens and closes, whatever its marks."""

from __future__ import annotations

import re
from dataclasses import dataclass

MARK_RE = re.compile(r"[\"“”«»‘’']")
DOUBLE_MARK_RE = re.compile(r"[\"“”«»]")
OPENERS = "“«"
OPEN_CONTEXT = " \t([{—–-/"
TRIM = " \t,;:"


@dataclass
class Span:
    """A quoted stretch of one paragraph: content [start, end) and the marks around it."""

    paragraph: int
    start: int
    end: int
    open_mark: int  # position of the opening mark, or `start` when there is none
    close_mark: int  # position of the closing mark, or `end` when the quote runs on
    continued: bool = False  # the quote began in the previous paragraph
    runs_on: bool = False  # the quote goes on into the next paragraph


def _is_opener(text: str, pos: int) -> bool:
    """Whether the double mark at `pos` opens a quotation: from the space around it when that is clear
    (it also mends curly marks typed the wrong way round), otherwise from the mark itself."""
    before = text[pos - 1] if pos else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    if before in OPEN_CONTEXT and not after.isspace() or not text[:pos].strip():
        return True  # a mark opening the paragraph opens a quotation, whichever way it is curled
    if not before.isspace() and (after.isspace() or after in ",.;:!?)—–-"):
        return False
    if text[pos] == '"' and before.isspace() and after.isspace():
        return '"' in text[pos + 1:]  # 'day. " The board urges …, " he said': one follows
    if text[pos] == '"' and before in ".!?" and after.isupper() and '"' in text[pos + 1:]:
        return True  # 'the offer."It is overdue," she said': glued to the sentence before, a closer follows
    return text[pos] in OPENERS


def find_spans(paragraph: str, index: int, carried: bool) -> list[Span]:
    """Quoted spans of one paragraph; `carried` when a quote from the previous one is still open."""
    spans: list[Span] = []
    open_at: int | None = None
    single_at: int | None = None
    continued = False
    seen_double = False
    if carried and _continues(paragraph):
        lead = len(paragraph) - len(paragraph.lstrip())
        skip = paragraph[lead:lead + 1] in ("“", "«", '"')
        open_at, continued = lead + skip, True
        seen_double = True
    for match in MARK_RE.finditer(paragraph, open_at or 0):
        pos, mark = match.start(), match.group()
        if mark in "‘’'":
            if open_at is not None:
                continue
            if mark == "'" and single_at is None and _straight_opens(paragraph, pos) \
                    or mark == "‘" and (pos == 0 or paragraph[pos - 1] in OPEN_CONTEXT):
                single_at = pos + 1
            elif mark == "’" and single_at is not None and not paragraph[pos + 1:pos + 2].isalnum() \
                    or mark == "'" and single_at is not None and _straight_closes(paragraph, pos):
                spans.append(Span(index, single_at, pos, single_at - 1, pos))
                single_at = None
            continue
        single_at = None
        opener = _is_opener(paragraph, pos)
        if open_at is not None and (not opener or mark == '"' and not _reopens(paragraph, open_at, pos)):
            spans.append(Span(index, open_at, pos, open_at - 1, pos, continued))
            open_at, continued = None, False
        elif opener or open_at is None and seen_double and mark == '"' and _glued_after(paragraph, pos):
            # with no quotation open, a mark glued to the word after it opens one ('…she said."It is…')
            if open_at is not None and paragraph[open_at:pos].rstrip()[-1:] in (".", "!", "?", "…"):
                # a quote whose closing mark was left out ends where the next one opens
                spans.append(Span(index, open_at, pos, open_at - 1, pos, continued))
                continued = False
            open_at = pos + 1
        elif not seen_double:
            spans.append(Span(index, 0, pos, 0, pos))
        seen_double = True
    if open_at is not None:
        spans.append(Span(index, open_at, len(paragraph), open_at - 1, len(paragraph), continued, True))
    return [s for s in spans if paragraph[s.start:s.end].strip(TRIM + "“”\"")]


def _straight_opens(paragraph: str, pos: int) -> bool:
    """A straight single mark opens a quotation at the start of a paragraph or after a space, before a
    letter: "'The ball is in their court,' he said" (not the apostrophe of "don't" or "the '90s")."""
    return (pos == 0 or paragraph[pos - 1] in OPEN_CONTEXT) and paragraph[pos + 1:pos + 2].isalpha()


def _straight_closes(paragraph: str, pos: int) -> bool:
    """A straight single mark closes the quotation open before it after punctuation ("…action,' he
    said") or before it ("…'hell bent'."), or after a word before a space, unless that word ends in s:
    "the employers' court" is a possessive."""
    after = paragraph[pos + 1:pos + 2]
    if after.isalnum():
        return False
    before = paragraph[pos - 1:pos]
    return before in ".,!?;:…" or after in ("", ".", ",", ";", ":", "!", "?", ")") \
        or before.isalnum() and before != "s"


def _glued_after(paragraph: str, pos: int) -> bool:
    return paragraph[pos + 1:pos + 2].isalnum()


def _reopens(paragraph: str, open_at: int, pos: int) -> bool:
    """A straight mark with a space before it and a word after it, after a sentence of the open quote
    has ended ('…the costs. "We will…'), opens a new quotation: the closing mark was left out."""
    before = paragraph[pos - 1] if pos else " "
    return before.isspace() and paragraph[pos + 1:pos + 2].isalnum() \
        and paragraph[open_at:pos].rstrip()[-1:] in (".", "!", "?", "…")


def _continues(paragraph: str) -> bool:
    """Whether a paragraph after one that left a quotation open goes on with it: it opens again with a
    mark, or its first double mark closes; a paragraph with no mark at all means the closing one was lost."""
    match = DOUBLE_MARK_RE.search(paragraph)
    if match is None:
        return False
    lead = len(paragraph) - len(paragraph.lstrip())
    return match.start() == lead or not _is_opener(paragraph, match.start())


def spans_by_paragraph(paragraphs: tuple[str, ...]) -> list[list[Span]]:
    """Quoted spans paragraph by paragraph, carrying a quote left open into the next paragraph."""
    result = []
    carried = False
    for index, paragraph in enumerate(paragraphs):
        spans = find_spans(paragraph, index, carried)
        carried = bool(spans) and spans[-1].runs_on
        result.append(spans)
    return result
