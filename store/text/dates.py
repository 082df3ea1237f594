"""Dates in a sentence: the words as written, and the ISO day they mean when it can be known."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {name: n for n, names in enumerate(
    ("january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul",
     "august aug", "september sept sep", "october oct", "november nov", "december dec"), start=1)
    for name in names.split()}
WEEKDAYS = {name: n for n, name in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December" \
         r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_ON = r"(?:\b[Oo]n\s+(?:the\s+)?)?"
DATE_RE = re.compile(
    rf"(?P<dm>{_ON}\b(?P<d1>{_DAY})\s+(?:of\s+)?(?P<m1>{_MONTH})(?:,?\s+(?P<y1>{_YEAR}))?\b)"
    rf"|(?P<md>{_ON}\b(?P<m2>{_MONTH})\s+(?P<d2>{_DAY})\b(?:,?\s+(?P<y2>{_YEAR})\b)?)"
    rf"|(?P<iso>\b(?P<y3>{_YEAR})-(?P<m3>[01]\d)-(?P<d3>[0-3]\d)\b)"
    rf"|(?P<wd>(?:\b(?:[Oo]n|[Ll]ast|[Nn]ext|[Tt]his)\s+)?\b(?P<w>{_WEEKDAY})(?:['’]s)?\b"
    rf"(?:\s+(?P<part>morning|afternoon|evening|night))?)"
    rf"|(?P<rel>\b(?:[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight|[Ll]ast\s+night|[Tt]his\s+morning"
    rf"|the\s+day\s+before)\b(?:['’]s)?)"
    rf"|(?P<vague>\b(?:[Ll]ast|[Nn]ext|[Tt]his|[Ee]arlier\s+this|[Ll]ater\s+this)\s+"
    rf"(?:week|month|year|weekend)\b|\b[Ii]n\s+{_MONTH}(?:\s+{_YEAR})?\b)"
)
# Something without which a sentence holds no date phrase worth searching for (a cheap first look).
DATE_HINT = re.compile(r"\d|day|tomorrow|night|morning|week|month|year"
                       r"|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec")
# Words that put what the sentence reports after the day it was written.
FUTURE_RE = re.compile(r"(?i)\b(?:will|shall|to be held|is due|are due|is set to|are set to|scheduled"
                       r"|plans? to|planned|next|upcoming|is to|are to)\b")
RELATIVE_DAYS = {"yesterday": -1, "last night": -1, "the day before": -1, "today": 0, "tonight": 0,
                 "this morning": 0, "tomorrow": 1}
REACH = 80  # characters between an event's words and a date phrase that dates it
OPENING = 20  # a date phrase starting this early in the sentence dates all of it
MAX_AHEAD = timedelta(days=7)  # a past event dated this far past publication belongs to the year before


@dataclass(frozen=True)
class WrittenDate:
    """A date phrase found in a sentence and the ISO day it means (None when it cannot be known)."""

    text: str
    iso: str | None
    start: int


def published_day(published: str | None) -> date | None:
    """The day of an ISO published date or datetime, or None."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def year_in(text: str | None) -> int | None:
    """A four-digit year written in `text` (a partial published date such as 'January 2022')."""
    match = re.search(rf"\b{_YEAR}\b", text or "")
    return int(match[0]) if match else None


def find_date(sentence: str, published: str | None = None, year: int | None = None,
              near: tuple[int, int] | None = None) -> WrittenDate | None:
    """The date phrase of `sentence`, resolved against the publication day when needed.

    `year` is a year known from the article when its full publication date is not. With `near`
    (the span of the words that report an event) the phrase must be within REACH characters of them,
    or open the sentence ('On January 17, ...'); the closest one is taken.
    """
    if not DATE_HINT.search(sentence.lower()):
        return None
    matches = list(DATE_RE.finditer(sentence))
    if near is not None:
        matches = sorted((m for m in matches if _distance(m, near) <= REACH or m.start() <= OPENING),
                         key=lambda m: _distance(m, near))
    if not matches:
        return None
    match = matches[0]
    text = re.sub(r"['’]s$", "", match[0].strip())
    day = published_day(published)
    future = bool(FUTURE_RE.search(sentence))
    return WrittenDate(text, _resolve(match, day, year or (day.year if day else None), future), match.start())


def _distance(match: re.Match[str], span: tuple[int, int]) -> int:
    return max(0, span[0] - match.end(), match.start() - span[1])


def _resolve(match: re.Match[str], day: date | None, year: int | None, future: bool) -> str | None:
    if match["dm"] or match["md"]:
        month = _month(match["m1"] or match["m2"])
        number = int(re.sub(r"\D.*", "", match["d1"] or match["d2"]))  # "3rd" -> 3
        written = match["y1"] or match["y2"]
        return _absolute(int(written) if written else year, month, number, day, future and not written,
                         bool(written))
    if match["iso"]:
        return _safe(int(match["y3"]), int(match["m3"]), int(match["d3"]))
    if day is None:
        return None
    if match["wd"]:
        return _weekday(match["wd"], WEEKDAYS[match["w"].lower()], day, future).isoformat()
    if match["rel"]:
        words = re.sub(r"['’]s$", "", match["rel"]).lower()
        return (day + timedelta(days=RELATIVE_DAYS[" ".join(words.split())])).isoformat()
    return None


def _month(word: str) -> int:
    return MONTHS[word.rstrip(".").lower()]


def _absolute(year: int | None, month: int, number: int, day: date | None, future: bool,
              written: bool) -> str | None:
    if year is None:
        return None
    found = _safe(year, month, number)
    if found and day and not written and not future and date.fromisoformat(found) > day + MAX_AHEAD:
        found = _safe(year - 1, month, number)
    return found


def _safe(year: int, month: int, number: int) -> str | None:
    try:
        return date(year, month, number).isoformat()
    except ValueError:
        return None


def _weekday(phrase: str, weekday: int, day: date, future: bool) -> date:
    """The day a weekday names: the latest one on or before publication, or the next one for plans."""
    lead = phrase.split()[0].lower()
    if lead == "next" or (future and lead != "last"):
        return day + timedelta(days=(weekday - day.weekday() - 1) % 7 + 1)
    back = (day.weekday() - weekday) % 7
    if lead == "last" and back == 0:
        back = 7
    return day - timedelta(days=back)
