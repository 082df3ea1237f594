"""Metadata cues in article text: publication dates, bylines, datelines and the outlet's name."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from clipdesk.store.text.lexicon import BYLINE_HEADS, OUTLET_HEADS, ROLE_MODIFIERS, SECTION_WORDS
from clipdesk.store.text.places import canonical_place

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MON = (r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
        r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_TIME = r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[ap]\.?m\.?)?"  # "2:28:11 AM"
_ZONE = (r"(?:[\s,]*\(?(?-i:(?:GMT|UTC)\s?[+-]\s?\d{1,2}(?::?\d{2})?|[A-Z]{2,5}(?![a-z]))\)?"
         r"|\s*[+-]\d{2}:?\d{2})?")
_PREFIX = (r"(?:(?:first\s+|last\s+|press\s+release\s+)?"
           r"(?:publish(?:ed)?\s*date|publication\s+date|published|updated|posted|issued|date|created|modified)"
           r"(?:\s+on|\s+at)?\s*:?\s*)?")
# A date as it is written: "06 November 2025", "04. Dec 2018", "Nov. 6, 2025", "2025-11-06", "2025.11.06",
# "06.11.2025", "January 27", "November 18/2021".
_DATE = (rf"(?:{_DAY}\.?\s+{_MON},?(?:\s+\d{{4}})?|{_MON}\s+{_DAY}(?:,?\s+\d{{4}}|/\d{{4}})?"
         r"|\d{4}-\d{2}-\d{2}|\d{4}\.\d{2}\.\d{2}|\d{1,2}[./-]\d{1,2}[./-]\d{4})")
# How long ago a page says its story ran, after its date: "April 18, 2016 / 11:50 AM / a year ago".
_AGO = r"(?:\s*/\s*(?:in\s+)?(?:an?|\d+)\s+(?:years?|months?|weeks?|days?|hours?|minutes?)(?:\s+ago)?)?"
_DATE_LINE = re.compile(
    rf"(?i)^{_PREFIX}(?P<when>{_WEEKDAY}(?:(?P<pre>{_TIME}){_ZONE}(?:[\s,|]+(?:on\s+)?|\s*[-–—]\s*){_WEEKDAY})?"
    rf"(?P<date>{_DATE})"
    rf"(?:[\s,|/T@-]*(?:at\s+)?(?P<post>{_TIME}))?{_ZONE})\.?(?:\s*(?P=date))?{_AGO}"
    r"(?:\s*\d+\s*min(?:ute)?s?\s+read|\s*\(?(?:last\s+|first\s+)?(?:updated|modified|published)\b.*"
    r"|\s+by)?$")
# A date opening a line, as in a site's top bar ("Dec. 1, 2015 SIGN IN | REGISTER").
DATE_PREFIX = re.compile(rf"(?i)^{_WEEKDAY}{_DATE}\b\.?")
# ... or after its label ("Published : Sept 19, 2022 - 09:30 Updated : ..."): a date line however long.
DATED_START = re.compile(rf"(?i)^{_PREFIX}{_WEEKDAY}{_DATE}\b")
# Dates set after other words on a line: an agency's credit ("(Xinhua) 16:57, May 31, 2024"), a label
# before page widgets ("date 2023-07-26 + A- A+"), a site's name ("Foreign Ministry 11.11.2016").
_AGENCY_LEAD = re.compile(r"^\(?(?P<agency>[A-Z][\w .&-]{1,30})\)\s*(?P<rest>\S.*)$")
_LABELLED = re.compile(rf"(?i)^(?:publish(?:ed)?\s*date|publication\s+date|published|posted|written|date)"
                       rf"(?:\s+on)?\s*:?\s*(?P<date>{_DATE})(?![\w:])")
_NUMBERED = re.compile(rf"^(?i:no|nr|ref)\.?:?\s*\d[\d/-]*,?\s+(?P<date>{_DATE})$")  # "No: 284, 11 May 2016"
_NAMED = re.compile(rf"^(?P<name>[^\W\d_][\w'’.&-]*(?:\s[^\W\d_][\w'’.&-]*){{0,5}})[\s,|]+(?P<date>{_DATE})$")
_DMY = re.compile(rf"(?i)(?P<d>\d{{1,2}})(?:st|nd|rd|th|\.)?\s+(?P<m>{_MON}),?(?:\s+(?P<y>\d{{4}}))?$")
_MDY = re.compile(rf"(?i)(?P<m>{_MON})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:(?:,?\s+|/)(?P<y>\d{{4}}))?$")
_ISO = re.compile(r"(?P<y>\d{4})([-.])(?P<m>\d{2})\2(?P<d>\d{2})$")
_DOTTED = re.compile(r"(?P<d>\d{1,2})([.-])(?P<m>\d{1,2})\2(?P<y>\d{4})$")
_SLASHED = re.compile(r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})$")  # day/month or month/day
_CLOCK = re.compile(r"(?i)(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?:[:.]\d{2})?\s*(?:(?P<ap>[ap])\.?m\.?)?")

# "LONDON, January 27. /TASS/.", "GENEVA (Reuters) -", "KYIV, Ukraine (AP) —", "BRUSSELS —",
# "MOSCOW. Jan 27 (Interfax) -"
_PLACE_CAPS = r"[A-Z][A-Z'’.-]*(?:\s[A-Z][A-Z'’.-]*){0,3}"
_REGION = (r"(?:,\s(?!(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s\d)"
           r"(?P<region>[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?))?")
_SEP = r"(?:—|–|--|-|:|\.)"
_DATELINE_TAIL = (rf"(?:[,.]\s(?P<date>{_DATE}))?\.?\s*"
                  r"(?:(?:\((?P<agency>[A-Z][\w .&-]{1,30})\)|/(?P<agency2>[A-Z][\w .&-]{1,30})/)\.?\s*"
                  rf"(?P<sep>{_SEP})?|(?P<bare>—|–|--|-|(?(date)[.:]|(?!))))\s+\S")
_DATELINE = re.compile(rf"^(?P<place>{_PLACE_CAPS}){_REGION}{_DATELINE_TAIL}")
# "ISLAMABAD: ...", "KYIV: ...": a place in capitals and a colon, a dateline only when the place is known
# (a label such as "WATCH:" or "NOTE:" is not a place).
_COLON_DATELINE = re.compile(rf"^(?P<place>{_PLACE_CAPS}):\s+(?=[A-Z“\"])")
_NOT_PLACES = frozenset({"BREAKING", "BREAKING NEWS", "EXCLUSIVE", "UPDATE", "UPDATED", "WATCH", "LIVE",
                         "ANALYSIS", "OPINION", "EXPLAINER", "FILE", "PHOTO", "VIDEO", "FACT CHECK"})
_AGENCY_ONLY = re.compile(r"^\((?P<agency>[A-Z][\w .&-]{1,30})\)\s*(?:—|–|--|-)\s+\S")  # "(CNN) — "
_DATELINE_TITLED = re.compile(  # "Kyiv, 3 March 2025 (Ukrinform) -", "London CNN —", "New Delhi [India],"
    rf"^(?P<place>[A-Z][a-z]+(?:[\s-][A-Z][a-z]+)?)(?:\s\[[A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+)?\])?{_REGION}(?:\s(?P<agency3>[A-Z]{{2,6}})\s(?=[—–-]))?"
    rf"{_DATELINE_TAIL}")

_NAME = r"[A-Z][\w'’.-]*(?:\s(?:(?:de|da|van|von|der|al|bin|ibn|le|la|du|dos|del)\s)?[A-Z][\w'’.-]*){1,3}"
_NAMES = rf"{_NAME}(?:(?:,\s{_NAME})*\s(?:and|&)\s{_NAME})?"  # "A", "A and B", "A, B and C"
_NAMES_CAPS = r"[A-Z][A-Z'’.-]*(?:(?:\s|,\s|\sAND\s|\s&\s)[A-Z][A-Z'’.-]*){1,7}"
_BYLINE = re.compile(
    rf"^(?i:by|written\sby|words\sby|authors?:?|reporting\sby)\s+(?P<names>{_NAMES}|{_NAMES_CAPS})"
    r"(?:\s*(?:,|\||—|–|-|\bin\b|\bfor\b).*)?$")
_IN_PLACE = r"\s+in\s+[A-Z][a-z]+(?:\s[A-Z][a-z]+)?"
_BYLINE_IN_PLACE = re.compile(rf"^(?P<names>{_NAME}(?:{_IN_PLACE})?(?:\s(?:and|&)\s{_NAME})*){_IN_PLACE}$")
_REPORTING = re.compile(
    rf"^\(?(?i:reporting|written)\s+by\s+(?P<names>{_NAME}(?:{_IN_PLACE})?(?:(?:,\s|\s(?:and|&)\s){_NAME}"
    rf"(?:{_IN_PLACE})?)*)")

# The closing credit of a Reuters story: reporters, then the editors after a semicolon.
_WIRE_CREDIT = re.compile(
    r"(?i)^\(?reporting\s+by\s+[^;()]{3,120};\s*(?:additional\s+reporting|writing|editing)\s+by\b")
_RIGHTS_MARK = re.compile(r"(?i)©|\(c\)|\bcopyright\b")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_CAPTION_WORDS = 8  # words before a rights mark that make its line a picture's caption, not a notice
_HOLDER_START = re.compile(
    r"(?i)(?:[\s©,.]|\(c\)|copyright)*(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?)?[\s,.©]*")
_HOLDER_END = re.compile(r"\.\s|\.$|[|;©]|,\s")
_OUTLET_CUES = (
    re.compile(r"(?i)^a message from\s+(?P<name>.{2,60}?)\s*:?$"),
    re.compile(r"(?i)^source\s*:\s*(?P<name>[^,;]{2,60}?)(?:\s+and\s+(?:news\s+)?agencies|[,;].*)?\.?$"),
    re.compile(r"(?i)\bhyperlink\s+to\s+(?P<name>[\w.-]+\.[a-z]{2,})"),
    # the site asking to be followed or installed: "Follow ERR News on Facebook", "Stay tuned with 24 News
    # HD Android App"
    re.compile(r"^(?i:follow)\s+(?P<name>[A-Z0-9][\w.&'’-]*(?:\s[A-Z0-9][\w.&'’-]*){0,3})\s+(?i:on)\s+"
               r"(?i:facebook|twitter|x|instagram|telegram|linkedin|youtube|whatsapp)\b"),
    re.compile(r"^(?i:stay\s+tuned\s+with|download|get)\s+(?:the\s+)?"
               r"(?P<name>[A-Z0-9][\w.&'’-]*(?:\s[A-Z0-9][\w.&'’-]*){0,3}?)\s+(?i:android\s+|ios\s+|mobile\s+)?"
               r"(?i:app)\b"),
    # "Translated and edited by the Syrian Observer": a news organisation, as people take no article
    re.compile(r"^(?i:translated|edited|compiled|produced|published)(?:\s(?i:and)\s(?i:translated|edited|compiled))?"
               r"\s(?i:by\sthe)\s(?P<name>[A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*){0,4})\.?$"),
)
# A yearless notice after the service's name: "BBC Monitoring. Copyright BBC." (not a caption's
# "Crowds in Kyiv. Copyright AFP", nor "Image copyright Reuters").
_BARE_RIGHTS = re.compile(
    r"(?<=[.!?])\s(?i:copyright)\s(?P<name>[A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*){0,3})\.?$")
# An agency credited under the story: "- BLOOMBERG", "— AFP".
_CLOSING_AGENCY = re.compile(r"^[-–—]\s*(?P<name>[A-Z][A-Z&.]+(?:\s[A-Z][A-Z&.]+){0,2})$")
# A site naming itself as it reports another's story: "APA reports citing Anadolu Agency".
_SELF_REPORT = re.compile(
    r"\b(?P<name>[A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*){0,2})\sreports,?\s(?:citing|with\sreference\sto)\s")
_CORPORATE = re.compile(
    r"(?i)[\s,]+(?:all rights reserved|or its affiliated companies|llc|ltd|limited|inc|plc|gmbh|ag)\.?$"
    r"|[\s,.]+$")
_ALIASES = {
    "ap": "Associated Press", "the associated press": "Associated Press",
    "associated press": "Associated Press", "guardian news & media": "The Guardian",
    "guardian news and media": "The Guardian", "politico": "Politico", "bbc": "BBC",
}
_NOT_OUTLETS = re.compile(
    r"(?i)^(?:ap photo|photo|file|pool|video|getty images|handout|staff|shutterstock|alamy|epa(?:-efe)?)$"
    # a credit to unnamed agencies ("Source: News Agencies", cut short as "News Ag") names none
    r"|(?i:^(?:news|agencies|agency|wires?|wire services|news (?:agencies|agency|services|wires?|desk)"
    r"|news ag\w*))$"
    # 'Source: Ministry of Foreign Affairs' under a story: the press release it came from, not the outlet
    r"|^(?i:(?:the\s+)?(?:ministry|department|office|embassy|government|presidency|police)\b)"
    r"|/|^\W*$")


@dataclass(frozen=True)
class WrittenDate:
    """A date found in the text: ISO 8601 when the year is stated, and the words as written."""

    iso: str | None
    text: str
    month: int
    day: int


@dataclass(frozen=True)
class Dateline:
    """The place (and agency, date) that open an article's lead paragraph."""

    place: str | None
    agency: str | None
    date: WrittenDate | None


def parse_date(text: str) -> WrittenDate | None:
    """A date written on its own ("06 November 2025 13:24", "January 27"); None if it is not one."""
    text = text.strip()
    match = _DATE_LINE.match(text)
    if not match:
        return None
    day = _day(match["date"]) or _day_of_week(match["date"], match["when"])
    if day is None:
        return None
    month, dom, year = day
    iso = _iso_day(day)
    if year is not None and iso is None:
        return None
    clock = match["post"] or match["pre"]
    if iso and clock:
        iso = _with_time(iso, clock)
    return WrittenDate(iso, match["when"], month, dom)


def lead_in_date(line: str) -> tuple[str | None, WrittenDate] | None:
    """(agency or None, full date) of a line that sets a full date after other words, or None:
    "(Xinhua) 16:57, May 31, 2024", "date 2023-07-26 + A- A+", "No: 284, 11 November 2016",
    "Foreign Ministry 11.11.2016", "| 24/04/2017"."""
    line = line.strip(" |•·")  # "| 24/04/2017" after an empty byline
    alone = parse_date(line)
    if alone and alone.iso:
        return None, alone
    credit = _AGENCY_LEAD.match(line)
    if credit:
        written = parse_date(credit["rest"])
        return (canonical_outlet(credit["agency"]), written) if written and written.iso else None
    match = _LABELLED.match(line) or _NUMBERED.match(line) or _NAMED.match(line)
    if not match or match.re is _NAMED and not all(map(_MASTHEAD_WORD.fullmatch, match["name"].split())):
        return None
    day = _day(match["date"])
    iso = _iso_day(day)
    if day is None or iso is None:
        return None
    return None, WrittenDate(iso, match["date"], day[0], day[1])


def complete_date(written: WrittenDate, known: str | None) -> str | None:
    """The ISO date for a day written without a year, using the year of a known full date."""
    full = parse_iso(known)
    if written.iso or full is None:
        return written.iso
    if (full.month, full.day) == (written.month, written.day):
        return known
    return _iso_day((written.month, written.day, full.year))


def normalise_published(value: object) -> str | None:
    """A sidecar's published value as ISO 8601 when it is a full date, else None."""
    text = str(value).strip() if value else ""
    if not text:
        return None
    if parse_iso(text):
        return text
    written = parse_date(text)
    return written.iso if written else None


def parse_iso(value: str | None) -> datetime | None:
    """An ISO 8601 date or datetime string as a datetime, or None."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None


def parse_dateline(paragraph: str) -> Dateline | None:
    """The dateline opening a lead paragraph ("LONDON, January 27. /TASS/. ..."), or None."""
    match = _DATELINE.match(paragraph) or _titled_dateline(paragraph)
    if not match:
        colon = _COLON_DATELINE.match(paragraph)
        if colon and len(colon["place"]) > 2 and (place := canonical_place(colon["place"])):
            return Dateline(place, None, None)
        alone = _AGENCY_ONLY.match(paragraph)
        return Dateline(None, _agency(alone["agency"]), None) if alone else None
    agency = match["agency"] or match["agency2"] or match.groupdict().get("agency3")
    written = match["date"]
    if agency and not written and _day(agency):
        agency, written = None, agency  # 'KUALA LUMPUR (May 10):' brackets the day, not an agency
    place = match["place"].strip(" .")
    if len(place) < 2 or place.upper() in _NOT_PLACES:
        return None
    if place.isupper():
        place = " ".join(w.capitalize() if w.isalpha() else w.title() for w in place.split())
    when = None
    if written:
        day = _day(written)
        when = WrittenDate(_iso_day(day), written, day[0], day[1]) if day else None
    return Dateline(place, _agency(agency), when)


def _agency(bracketed: str | None) -> str | None:
    """The news agency a dateline credits ("(Reuters)"), never a place set in its brackets ("LONDON (UK)")."""
    if not bracketed or canonical_place(bracketed.strip()):
        return None
    return canonical_outlet(bracketed)


def byline(line: str, head: bool = False) -> str | None:
    """The author names in a byline line ("By Jeyhun Aghazada"); in the head also "Name in Place"."""
    if len(line) > 120:
        return None
    match = _BYLINE.match(line) or (_BYLINE_IN_PLACE.match(line) if head else None)
    if not match:
        return None
    names = re.sub(_IN_PLACE, "", match["names"])
    return names.title().replace(" And ", " and ") if names.isupper() else names


def wire_credit_outlet(line: str) -> str | None:
    """'Reporting by Ann Lee; Editing by Mark Potter' closes Reuters copy: the outlet is Reuters."""
    return "Reuters" if _WIRE_CREDIT.match(line) else None


def reporting_credit(line: str) -> str | None:
    """The reporters named in a closing credit ("Reporting by Guy Faulconbridge; Editing by ...")."""
    match = _REPORTING.match(line)
    return re.sub(_IN_PLACE, "", match["names"]) if match else None


_MASTHEAD_WORD = re.compile(r"[A-Z][\w'’.&-]*|of|the|and|&|de|al|\d{1,3}")
_SITE_NAME = re.compile(r"[A-Z][\w-]*\.(?:[a-z]{2,4}|[A-Z][a-z])")  # "Panorama.am", "News.Az"
_TICKER = re.compile(r"[A-Z0-9]{1,6}\.[A-Z]{1,3}")  # "(MOT.N)" after a company's name


def masthead(line: str) -> str | None:
    """The outlet a short line names on its own: a masthead ("Manchester Evening News"), a label line
    ("Reuters", "Targeted News Service") or a site name ("Caliber.az"); not a section ("World News").
    A masthead may carry its motto after a dash: "Coast News - Your News, Your Views"."""
    name, dash, motto = line.partition(" - ")
    if dash and "," in motto and name.count(" ") < 5:
        line = name
    words = line.split()
    if not 1 <= len(words) <= 5 or not all(_MASTHEAD_WORD.fullmatch(w) for w in words):
        return None
    if len(words) == 1 and _SITE_NAME.fullmatch(words[0]):
        return canonical_outlet(line)
    if words[-1].lower() in BYLINE_HEADS and any(w.lower() in ROLE_MODIFIERS for w in words[:-1]):
        return None  # 'Tendai Rupapa Senior Court Reporter': a byline's role, not 'The Hollywood Reporter'
    if words[-1].lower() in OUTLET_HEADS and words[0].lower() not in SECTION_WORDS and len(words) >= 2:
        return canonical_outlet(line)
    return None


_PLACE_SPLIT = re.compile(r"\s+[|•·]\s+")


def place_credit(line: str) -> str | None:
    """The agency of a line naming only it and a place ("Kyiv • UNN", "Reuters | London")."""
    parts = _PLACE_SPLIT.split(line.strip())
    if len(parts) != 2:
        return None
    for place, name in (parts, parts[::-1]):
        if canonical_place(place) and not canonical_place(name) and (
                name.isalpha() and name.isupper() and 2 <= len(name) <= 6 or masthead(name)):
            return canonical_outlet(name)
    return None


def credit_line(line: str) -> tuple[str | None, WrittenDate | None] | None:
    """An agency, place and date set in one line ("PTI | Istanbul | Updated: 29-03-2022 18:49 IST"), or a
    date followed by links ("Feb. 5, 2013 at 3:15 PM | Comments")."""
    parts = [p.strip() for p in line.split("|")]
    if len(parts) < 2:
        return None
    leading = parse_date(parts[0])
    if leading and all(p.count(" ") < 2 and not any(c.isdigit() for c in p) for p in parts[1:]):
        return None, leading  # "Feb. 5, 2013 at 3:15 PM | Comments": the date, then the page's links
    written = next((d for d in map(parse_date, parts[1:]) if d), None)
    if written is None:
        return None
    first = parts[0]
    agency = canonical_outlet(first) if first.isupper() and 2 <= len(first) <= 6 or masthead(first) else None
    return agency, written


def outlet_cue(line: str) -> str | None:
    """An outlet named by a copyright line, a "Source:" line, a footer or a rights notice."""
    for pattern in _OUTLET_CUES:
        match = pattern.search(line)
        if match:
            return canonical_outlet(match["name"])
    return _copyright_holder(line)


def closing_agency(line: str) -> str | None:
    """The agency a dash credits under the story ("- BLOOMBERG"), spelled as a name."""
    match = _CLOSING_AGENCY.match(line.strip())
    if not match:
        return None
    name = match["name"]
    return canonical_outlet(name.title() if len(name) > 4 and " " not in name else name)


def self_report(paragraph: str, credits: list[str]) -> str | None:
    """The site a lead names as reporting ("APA reports citing ..."), when a picture credit or a
    notice on the page ("© APA") names it too: alone the words could report another outlet's story."""
    match = _SELF_REPORT.search(paragraph) if credits and " reports" in paragraph else None
    if not match:
        return None
    name = re.escape(match["name"])
    return canonical_outlet(match["name"]) if any(
        re.search(rf"(?:©|\(c\))\s*{name}\b", credit) for credit in credits) else None


def _copyright_holder(line: str) -> str | None:
    """The holder named in a dated copyright line ("Caliber.az © 2025", "© 2025 BBC.") or in a
    closing sentence ("Copyright BBC."); photo credits ("© EPA-EFE/WILL OLIVER") carry no year."""
    mark = _RIGHTS_MARK.search(line)
    if not mark:
        return None
    if line[:mark.start()].count(" ") >= _CAPTION_WORDS:
        return None  # a caption crediting its picture: "…lost to the rebels in 2014 ©Ann Lee (AFP/File)"
    if not _YEAR.search(line):
        bare = _BARE_RIGHTS.search(line)
        if not bare:
            return None
        words = line[:bare.start()].strip(" .,|-–—").split()  # a service's name, not a caption
        named = 0 < len(words) <= 4 and all(w[:1].isupper() for w in words)
        return canonical_outlet(" ".join(words)) if named else None
    before = line[:mark.start()].strip(" .,|-–—")
    if before and before.count(" ") < 4 and not _YEAR.search(before) and before[:1].isupper():
        return canonical_outlet(before)  # not the "logo" of a picture glued to the notice
    start = _HOLDER_START.match(line, mark.end())  # every part optional: it always matches
    after = line[start.end() if start else mark.end():]
    name = re.sub(r"\s+(?:19|20)\d{2}$", "", _HOLDER_END.split(after, maxsplit=1)[0])  # "© The Star 2024."
    return canonical_outlet(name) if 2 <= len(name) <= 60 else None


def canonical_outlet(name: str) -> str | None:
    """An outlet's name without corporate suffixes, with the usual short forms spelled out."""
    previous = None
    name = name.strip()
    while previous != name:
        previous, name = name, _CORPORATE.sub("", name).strip()
    if not name or _NOT_OUTLETS.match(name):
        return None
    return _ALIASES.get(name.lower(), name)


def _titled_dateline(paragraph: str) -> re.Match[str] | None:
    """'Kyiv, 3 March 2025 (Ukrinform) -': an agency in brackets needs its dash, else it is a
    company's ticker or an aside ('Motorola Inc (MOT.N) reported'); with no agency, a dash after a
    date with its year ('Addis Abeba, November 18/2021 –')."""
    match = _DATELINE_TITLED.match(paragraph)
    if match and not (match["agency"] or match["agency2"] or match["agency3"]):
        dated = match["date"] and _YEAR.search(match["date"]) and match["bare"] in ("—", "–", "--", "-")
        return match if dated else None
    if not match:
        return None
    if match["agency"] and (_TICKER.fullmatch(match["agency"]) or not (match["sep"] or match["date"])):
        return None
    return match


def _day(text: str) -> tuple[int, int, int | None] | None:
    """(month, day, year or None) of a written date."""
    text = text.strip()
    for pattern in (_DMY, _MDY, _ISO, _DOTTED):
        match = pattern.match(text)
        if match:
            month = match["m"]
            number = int(month) if month.isdigit() else _MONTHS[month[:3].lower()]
            year = int(match["y"]) if match["y"] else None
            return number, int(match["d"]), year
    match = _SLASHED.match(text)
    if not match:
        return None
    first, second, year = int(match["a"]), int(match["b"]), int(match["y"])
    if first > 12 >= second or first == second:
        return second, first, year  # day/month
    if second > 12 >= first:
        return first, second, year  # month/day
    return None  # "03/04/2024" could be either: left unread


_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _day_of_week(text: str, written: str) -> tuple[int, int, int | None] | None:
    """(month, day, year) of a date like '09/07/2012' that could be either way round, read the one way
    whose day of the week is the one written before it ('Fri, 09/07/2012' is 7 September)."""
    match = _SLASHED.match(text.strip())
    low = written.strip().lower()[:3]
    if not match or low not in _WEEKDAYS:
        return None
    a, b, year = int(match["a"]), int(match["b"]), int(match["y"])
    fits = []
    for month, day in ((a, b), (b, a)):
        try:
            if date(year, month, day).weekday() == _WEEKDAYS.index(low):
                fits.append((month, day, year))
        except ValueError:
            continue
    return fits[0] if len(fits) == 1 else None


def _iso_day(day: tuple[int, int, int | None] | None) -> str | None:
    if day is None or day[2] is None:
        return None
    try:
        return date(day[2], day[0], day[1]).isoformat()
    except ValueError:
        return None


def _with_time(iso: str, clock: str) -> str:
    match = _CLOCK.match(clock)
    if not match:
        return iso
    hour, minute = int(match["h"]), int(match["mi"])
    if match["ap"]:
        hour = hour % 12 + (12 if match["ap"].lower() == "p" else 0)
    if hour > 23 or minute > 59:
        return iso
    return f"{iso}T{hour:02d}:{minute:02d}"
