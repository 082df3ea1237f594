"""Reported speech without quotation marks: transcript turns ('Mao Ning: I have noted the report.') and
statements introduced by a line ending 'said:' (the press-release form)."""

from __future__ import annotations

import re

from clipdesk.store.text.attribution import Discourse, Mention, scan, speaker_of
from clipdesk.store.text.clean import ends_sentence
from clipdesk.store.text.lexicon import CUE_RE, OUTLET_HEADS
from clipdesk.store.text.model import Article, Quote

_MARKS = re.compile(r"[\"“”«»]")  # speech that opens with a mark is a marked quotation
# 'Mao Ning: I have...', 'PETER COOK: Good afternoon' -- a name of two to four words, a colon, speech.
_TURN = re.compile(r"(?P<name>[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){1,3})\s*:\s+(?P<speech>\S.*)")
_LABEL = re.compile(r"[A-Z][\w'’.&-]*(?:\s[\w'’.&-]+){0,4}\s*:\s")  # any 'Label: ...' turn, a question's too
_STATEMENT = re.compile(rf"(?:{CUE_RE.pattern})\s*:$")  # 'Minister for Prisons, Lord Timpson said:'
_MIN_WORDS = 4
_OPENING = 3  # a briefing whose first paragraphs open with its speaker's turn is all that speaker's


def unmarked_quotes(article: Article) -> list[Quote]:
    """Speech the article gives without quotation marks, with its speaker."""
    paragraphs = article.paragraphs
    candidates = [i for i, p in enumerate(paragraphs) if _TURN.match(p) or _states(p)]
    if not candidates:
        return []
    mentions: dict[int, list[Mention]] = {i: scan(paragraphs[i], Discourse(), []) for i in candidates}
    written = " ".join([article.title or "", article.standfirst or "", *paragraphs])
    turns = {i: name for i in candidates if (name := _turn_speaker(paragraphs[i], mentions[i], written))}
    labelled = sum(bool(_TURN.match(p)) for p in paragraphs)  # questions by outlets are turns too
    transcript = bool(turns) and (labelled >= 2 or min(turns) < _OPENING)
    quotes: list[Quote] = []
    speaker: str | None = None
    for i, text in enumerate(paragraphs):
        if i in turns:
            speaker = turns[i]
            text = _TURN.match(text)["speech"]  # type: ignore[index]
        elif speaker and transcript and not _LABEL.match(text):
            pass  # a transcript turn running on over several paragraphs
        elif i and _states(paragraphs[i - 1]) and not _LABEL.match(text):
            speaker = _stating(mentions[i - 1])
            quotes.extend(_quote(text, i, speaker, "said"))
            speaker = None
            continue
        else:
            speaker = None
            continue
        quotes.extend(_quote(text, i, speaker, "said"))
    return quotes


def _states(paragraph: str) -> bool:
    """The paragraph introduces a statement ('… said:'); the cheap test of its last mark goes first."""
    paragraph = paragraph.rstrip()
    return paragraph.endswith(":") and _STATEMENT.search(paragraph) is not None


def _quote(text: str, paragraph: int, speaker: str | None, cue: str) -> list[Quote]:
    if speaker is None or _MARKS.match(text.lstrip()) or len(text.split()) < _MIN_WORDS \
            or not ends_sentence(text) or _states(text):  # a name line, a heading or a lead-in is not speech
        return []
    return [Quote(text=text.strip(), paragraph=paragraph, speaker=speaker, cue=cue)]


def _turn_speaker(paragraph: str, mentions: list[Mention], written: str) -> str | None:
    """The person a transcript turn opens with ('Mao Ning:'); a name in capitals ('PETER COOK:') only
    when the article also writes it as a name ('Press Secretary Peter Cook'), so that a label in
    capitals ('GORSUCH NOMINATION:') is not taken for a speaker."""
    match = _TURN.match(paragraph)
    if not match:
        return None
    name = match["name"]
    if name.split()[-1].lower() in OUTLET_HEADS or match["speech"].rstrip().endswith("?"):
        return None  # an outlet's question at a briefing
    if name.isupper():
        name = name.title()
        if name not in written:
            return None
        found = scan(name + ".", Discourse(), [])
    else:
        found = [m for m in mentions if m.start == 0]
    person = next((m for m in found if m.kind == "person" and m.entity and m.end >= len(name) - 1), None)
    return speaker_of(person)[0] if person else None


def _stating(mentions: list[Mention]) -> str | None:
    """The person named last before the closing 'said:' of a paragraph introducing a statement."""
    people = [m for m in mentions if m.kind == "person" and m.entity]
    return speaker_of(people[-1])[0] if people else None
