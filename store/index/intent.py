"""What kind of answer a question wants (who / what / when / where / how many), and whether text holds
a date or a number."""

from __future__ import annotations

import re

WHO, WHAT, WHEN, WHERE, HOW_MANY = "who", "what", "when", "where", "how many"

_LEADS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (WHEN, re.compile(r"\b(when|(what|which) (day|date|time|year|month)( of the (week|month|year))?"
                      r"|how long ago)\b")),
    (WHERE, re.compile(r"\b(where|in which (city|country|place|town)|which (city|country|place|town))\b")),
    (WHO, re.compile(r"\b(who|whom|whose|which (person|official|minister|leader))\b")),
    (HOW_MANY, re.compile(r"\b(how (many|much|big|large|far|often)|what (number|share|proportion))\b")),
)

# "whether", "if", "what", "why" or "how" asked first: a "when" or "who" after it joins clauses ("what did
# he say when he met Xi"); the answer-naming "what day", "how long ago" start where they do, so still lead
_ASKED_FIRST = re.compile(r"\b(whether|if|what|why|how)\b")

_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_DATE = re.compile(
    rf"\b(({_MONTHS})\.? \d{{1,2}}\b|\d{{1,2}} ({_MONTHS})\b|({_WEEKDAYS})|yesterday|today|tomorrow"
    r"|(19|20)\d\d\b|\d{4}-\d\d-\d\d|last (week|month|year)|next (week|month|year))",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(rf"\b({_WEEKDAYS})\b", re.IGNORECASE)
_ASKS_CITY = re.compile(r"\b(?:what|which)\s+(?:city|town|capital)\b", re.IGNORECASE)
_ASKS_WEEKDAY = re.compile(r"\b((what|which) day of the week|what weekday|on what day)\b", re.IGNORECASE)
_NUMBER = re.compile(
    r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
    r"hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozen|dozens|half|third|quarter)\b",
    re.IGNORECASE)
_PUBLISHED = re.compile(r"\b(published|posted|put out|printed|released|came out)\b", re.IGNORECASE)
_PIECE = re.compile(r"\b(piece|article|story|report|item|coverage|published|posted|put out|printed|released"
                    r"|came out)\b", re.IGNORECASE)
_SPEAKER_SLOT = re.compile(
    r"\b(?:did|does|do|has|have|had|would|will|could|can)\s+(?P<a>[^?!.,;]{1,60}?)\s+"
    r"(?P<verb>say|said|tell|think|claim|warn|mean|announce|promise|demand|report|reply|respond|answer|comment|call|dismiss|deny|insist|urge)\b"
    r"|\baccording to\s+(?P<b>[^?!.,;]{1,60})", re.IGNORECASE)


def intent(question: str) -> str:
    """who | what | when | where | how many: the first question word that names a kind of answer wins,
    unless "whether", "if", "what", "why" or "how" comes first ("whether Gaza came up when he spoke"
    asks no time)."""
    lowered = question.lower()
    found = [(m.start(), kind) for kind, pattern in _LEADS if (m := pattern.search(lowered))]
    first = _ASKED_FIRST.search(lowered)
    if not found or (first and first.start() < min(found)[0]):
        return WHAT
    return min(found)[1]


def mentions_date(text: str) -> bool:
    """Whether `text` states when something happened (a date, weekday, year or relative day)."""
    return bool(_DATE.search(text))


def mentions_weekday(text: str) -> bool:
    """Whether `text` names a day of the week."""
    return bool(_WEEKDAY.search(text))


def asks_city(question: str) -> bool:
    """Whether a "where" question wants a city or town ("in which city did they meet"), not a country."""
    return bool(_ASKS_CITY.search(question))


def asks_weekday(question: str) -> bool:
    """Whether a "when" question wants a day of the week ("what day of the week did they meet")."""
    return bool(_ASKS_WEEKDAY.search(question))


def states_date(text: str, weekday: bool = False) -> bool:
    """Whether `text` states the date a "when" question wants: a weekday (`weekday`), else any date."""
    return mentions_weekday(text) if weekday else mentions_date(text)


def mentions_number(text: str) -> bool:
    """Whether `text` states a number (in digits or words)."""
    return bool(_NUMBER.search(text))


def asks_published(question: str) -> bool:
    """Whether a "when" question asks when a piece was published ("When was the story on X posted?")."""
    return intent(question) == WHEN and bool(_PUBLISHED.search(question))


def without_piece_words(question: str) -> str:
    """The question less the words naming a piece and its publishing: what is left is its subject."""
    return re.sub(r"\s+", " ", _PIECE.sub(" ", question)).strip()


_EVENT_VERB = re.compile(r"\b(?:take|takes|took|taken|taking)\s+place\b"
                         r"|\b(?:happen|happens|happened|occur|occurs|occurred|held)\b", re.IGNORECASE)


def answer_words(question: str) -> str:
    """The words of a "when" or "where" question that name the kind of answer ("in which city", "what
    day"), which a hit states rather than names, and that say something happened ("take place", "was
    held"), which the coverage says as what happened ("met", "signed"); lower-cased, "" for others."""
    kind = intent(question)
    if kind not in (WHEN, WHERE):
        return ""
    lowered = question.lower()
    lead = dict(_LEADS)[kind].search(lowered)
    return " ".join([lead.group(0) if lead else "", *(m.group(0) for m in _EVENT_VERB.finditer(lowered))])


def speaking_verb(question: str) -> str:
    """The verb of "what did X demand": how the person spoke, which the coverage may put in other
    words ("wants", "called for"), lower-cased; "" when the question asks nobody to speak."""
    match = _SPEAKER_SLOT.search(question)
    return (match.group("verb") or "").lower() if match else ""


def speaker_slot(question: str) -> str:
    """The words naming whoever the question asks about ("what did X say", "according to X"), or ""."""
    match = _SPEAKER_SLOT.search(question)
    return (match.group("a") or match.group("b") or "") if match else ""
