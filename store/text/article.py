"""Raw scraped text (plus optional sidecar metadata) in, a clean Article out."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from clipdesk.store.text.clean import (
    Kind,
    Line,
    classify,
    ends_sentence,
    is_headline,
    looks_binary,
    mostly_letters,
    normalise,
    opens_list,
)
from clipdesk.store.text.lexicon import BYLINE_HEADS, COMMON, is_english_word, words
from clipdesk.store.text.metadata import (
    DATED_START,
    WrittenDate,
    byline,
    canonical_outlet,
    closing_agency,
    complete_date,
    credit_line,
    lead_in_date,
    masthead,
    normalise_published,
    outlet_cue,
    parse_date,
    parse_dateline,
    place_credit,
    reporting_credit,
    self_report,
    wire_credit_outlet,
)
from clipdesk.store.text.model import Article
from clipdesk.store.text.places import canonical_place, is_country

_OUTLET_GATE = re.compile(r"©|\(c\)|copyright|message from|^source\s*:|hyperlink|by the ")  # on lower case
# A page title line: the headline, a section of news, the site ("…, Latest Singapore News - The New Paper").
_SECTIONED_TITLE = re.compile(r"(?P<headline>.{20,}?),\s+(?:[A-Z][\w'’]*\s+){0,3}News\s+[-–|]\s+"
                              r"(?P<site>(?:The\s+)?[A-Z][\w.&'’]*(?:\s+[A-Z][\w.&'’]*){0,3})$")
# a section of the site after a dash at the end of a page title
_SECTION_SUFFIX = re.compile(r"\s[-–—|]\s([A-Z][a-z]+)$")
_SECTIONS = words("politics world business sport sports news opinion economy culture science health tech "
                  "technology europe africa asia americas uk us society entertainment lifestyle")
_DATELINE_REACH = 4  # the prose paragraphs searched for a dateline opening the body
_SELF_PROMOTION = re.compile(r"(?i)(?:follow|stay tuned with|download|get) .{2,40}(?: on | app\b)")
_BYLINE_GATE = re.compile(r"(?i)^(?:by|written|words|authors?)\b")
_BY_AGENCY = re.compile(r"[Bb]y\s+([A-Z][\w.-]+)")  # one name, not a word ('By Staff'): an agency
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’']?\s+[\"“‘]?[A-Z]")
# Words of a news lead rather than a standfirst: reported speech, perfect tenses, the day it happened.
_LEAD_WORDS = re.compile(
    r"(?i)\b(?:said|told|has|have|had|was|were|announced|warned|on\s+(?:monday|tuesday|wednesday|thursday"
    r"|friday|saturday|sunday)|yesterday|today|last\s+(?:week|month|night))\b")
_QUOTE_MARKS = frozenset("\"“”«»")
_DIGIT = re.compile(r"\d")
_COPYRIGHT_YEAR = re.compile(r"(?i)(?:©|\(c\)|copyright)\s*(?:©\s*|copyright\s*)?(\d{4})\b(?!\s*[-–]\s*\d)")
_MIN_BODY_WORDS = 8
_NAME_LINE_WORDS = 8  # a line naming a speaker above a quotation is shorter than this
# A weekday and a day without a time, as a site's top bar shows today: above the headline it is not the
# story's date, and elsewhere it loses to a later full date. Any date above the headline loses to one
# set between the headline and the body.
_TOP_BAR_DATE = re.compile(r"(?i)^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s[^:]*$")
_ACRONYM = re.compile(r"[A-Z]{2,6}")
_DASHES = "-–—"
_LEAD_IN_WORDS = 12  # a line setting a date after an agency, a label or a site's name is shorter
_LABEL_WORDS = 3  # a label line naming the outlet has fewer words than this
_LABEL_PARAGRAPHS = 12  # paragraphs searched for the outlet a label line names
# Where a story was reported, on a line of its own under the headline: 'Santa Maria and Naga, Philippines'.
_PLACE_LINE = re.compile(r"(?P<first>(?:[A-Z][\w'’.-]*\s?){1,3})(?:(?:,|\sand)\s(?:[A-Z][\w'’.-]*\s?){1,3})*"
                         r",\s(?P<country>[A-Z][\w ]+)")
# A masthead's staff credit above the headline: 'Editor in Chief Mohamed Wadie', 'Supervisor Elham Fateh'.
_STAFF_LINE = re.compile(r"(?:(?:Managing|Executive|Deputy|Chief|Senior)\s+)?"
                         r"(?:Editor(?:[-\s]in[-\s]Chief)?|Supervisor|Publisher|Editorial\s+Director)"
                         r"\s*:?\s+[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){0,3}")
_STANDFIRST_GAP = 3  # lines a standfirst (and a picture) take between a headline and its repeat
_BELOW_WORDS = 15  # a headline set under the lead has at most this many words
_FURNITURE_WORDS = 4  # a caption or banner between two headline-shaped lines has at least this many words
# A label over a release rather than its headline ('Press Release: New Zealand Government'), or the
# name of whoever issued it ('Rt Hon Winston Peters').
_LABEL_LINE = re.compile(r"(?i:(?:press|media|news)\s+release\s*[:|–—-])"
                         r"|(?:Rt\.?\s+Hon\.?|Hon\.?|Sir|Dame|Dr\.?|Prof\.?)(?:\s+[A-Z][\w'’.-]*){1,3}$")
_BARE_NAME = re.compile(r"[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){1,2}")  # 'Elliot Mulley-Goodbarne'
_NAVIGATION = re.compile(r"(?i)search|menu|home|log ?in|sign ?in|sign ?up|subscribe(?: now)?|register")
_GLUED_CASE = re.compile(r"[a-z][A-Z]")  # two words run together: 'TillettForeign'
_CHROME_WORDS = 10  # a body paragraph before the headline has at least this many words
_GLUED = re.compile(r"\b(?:[A-Z][a-z]{2,}){2,}\b")  # "NewsMilitary", "AfricaNewsTop": links run together
_GLUED_WORD = re.compile(r"[A-Z][a-z]+")
_CUT_WORDS = 4  # words a line cut short with an ellipsis shares with the line it teases
_CHROME_PARAGRAPHS = 3  # sentences of site chrome (a banner, an archive notice) above a headline
_CRUMB = r"[A-Z][\w&'’-]*(?:\s[\w&'’-]+){0,2}\s[»›>]\s"  # "Home » ", a breadcrumb trail's step
_TITLE_GLUE = re.compile(rf"^(?:[•·▪►▶■◆◦‣⁃*✕×✖|]+\s*|[-–]\s+|{_CRUMB})+"
                         r"(?:(?i:close|menu|search)\s+(?=[A-Z\"“‘']))?")
# A caption's credit to a picture agency after the photographer: "Photo: Ann Lee/PA Wire."
_PICTURE_CREDIT = re.compile(
    r"(?i:photo|picture|image|credit)s?\s*:[^/]{1,60}/\s*(?P<agency>[A-Z][\w .&-]{1,30}?)[.)]?$")
# A wire service's version slug before a headline: "1st LD Writethru:", "2nd LD:", "UPDATE 2-", "URGENT:".
_WIRE_SLUG = re.compile(
    r"^(?:\d+(?:st|nd|rd|th)\s+LD(?:\s+Writethru)?\s*:|UPDATE\s+\d+\s*-|URGENT\s*:)\s*(?=\S)")


def _labels_quote(lines: list[Line], i: int) -> bool:
    """A short line naming whoever speaks in the quotation under it: 'Tom Hale (Rovers)', 'Ann Lee, MP'."""
    text = lines[i].text
    words = text.split()
    after = next((line for line in lines[i + 1:] if line.kind is not Kind.BLANK), None)
    return (after is not None and after.kind is Kind.PROSE and after.text[:1] in _QUOTE_MARKS
            and 2 <= len(words) < _NAME_LINE_WORDS and words[0] not in COMMON
            and all(w[:1].isupper() and w[:1].isalpha() for w in words[:2])
            and not text.endswith((".", "?", "!")))


class NotAnArticle(ValueError):
    """The text holds no article (empty, or nothing left after boilerplate is dropped)."""


def article_id(raw: str) -> str:
    """The content hash that identifies an article: the same text is the same article."""
    return hashlib.sha256(raw.strip().encode("utf-8")).hexdigest()[:16]


@dataclass
class _Cues:
    """Metadata the text states, gathered line by line."""

    outlets: list[str | None] = field(default_factory=list)
    mastheads: list[str] = field(default_factory=list)  # names set alone above the story or closing it
    labels: list[str] = field(default_factory=list)  # short lines above the story that may name its outlet
    closing: list[str | None] = field(default_factory=list)  # "Source:" lines: an outlet only after the body
    dates: list[WrittenDate] = field(default_factory=list)
    date_lines: list[int] = field(default_factory=list)  # the line each of `dates` was found on
    byline: str | None = None
    credit: str | None = None  # reporters named in a closing "Reporting by" credit
    wire: str | None = None  # the agency a closing credit's house style names ("...; Editing by ...")
    promoted: str | None = None  # the site asking to be followed ("Follow ERR News on Facebook")
    meta: set[int] = field(default_factory=set)  # lines that are a byline or a date
    credits: list[str] = field(default_factory=list)  # rights notices and picture credits
    lists: list[int] = field(default_factory=list)  # labels over lists of other stories ("Most read")


@dataclass(frozen=True)
class _Layout:
    """Where the title, the standfirst and the body are among the lines."""

    title: int | None
    standfirst: int | None
    start: int


def parse_article(raw: str, source: str, sidecar: dict | None = None) -> Article:
    """Clean `raw` and pull out its metadata; raise NotAnArticle when there is no article."""
    if not raw.strip():
        raise NotAnArticle("no article text")
    if looks_binary(raw):
        raise NotAnArticle("binary or garbled text")
    lines = classify(normalise(raw))
    cues = _gather(lines)
    cues.outlets.extend(cues.closing)
    closing_name = _closing_masthead(lines)
    if closing_name:
        cues.mastheads.append(closing_name)
    sidecar = sidecar or {}
    layout = _layout(lines, cues, sidecar.get("title"))
    paragraphs = tuple(line.text for i, line in enumerate(lines)
                       if i >= layout.start and i not in cues.meta and (
                           line.kind is Kind.PROSE or line.kind is Kind.SHORT and _labels_quote(lines, i)))
    if sum(p.count(" ") + 1 for p in paragraphs) < _MIN_BODY_WORDS:
        raise NotAnArticle("nothing but page furniture")
    if not mostly_letters(paragraphs[0]):
        raise NotAnArticle("garbled text")
    cues.mastheads.extend(_confirmed_labels(cues.labels, paragraphs))
    cues.mastheads.extend(filter(None, (self_report(p, cues.credits) for p in paragraphs[:2])))
    title = _clean_title(lines[layout.title].text) if layout.title is not None else None
    parts = title.split(" | ") if title else []
    if len(parts) > 2 and max(parts, key=len) == parts[-1]:  # "Home | News | Headline": a breadcrumb trail
        title = parts[-1]
    elif title and " | " in title:  # "Headline | Site name"
        title, _, site = title.partition(" | ")
        site = site.rsplit(" | ", 1)[-1]
        cues.outlets.append(canonical_outlet(site) if site.count(" ") < 4 else None)
    elif title and (sectioned := _SECTIONED_TITLE.match(title)):  # "Headline, Latest World News - Site"
        title = sectioned["headline"]
        cues.outlets.append(canonical_outlet(sectioned["site"]))
    elif title and layout.title is not None and (alone := _printed_alone(title, lines, layout.title)):
        site = title[len(alone) + 3:] if title.startswith(alone + " - ") else ""  # "Headline - Site name"
        if site and site.count(" ") < 4:
            cues.outlets.append(canonical_outlet(site))
        title = alone
    elif title and (section := _SECTION_SUFFIX.search(title)) and section[1].lower() in _SECTIONS:
        title = title[:section.start()]  # "Crosetto visits troops in Latvia – Politics": the site's section
    lead = parse_dateline(paragraphs[0])
    if lead and lead.agency:
        cues.outlets.insert(0, lead.agency)
    if lead and lead.date:
        cues.dates.append(lead.date)
    placed = list(zip(cues.dates, [*cues.date_lines, len(lines)], strict=False))
    headed = layout.title is not None and any(layout.title < at < layout.start for _, at in placed)
    listed = min(cues.lists, default=len(lines))  # dates under "Most read" above the title are its stories'
    copyrighted = _copyright_year(lines)
    dates = [d for d, at in placed if layout.title is None or at > layout.title
             or not (headed or at > listed or _TOP_BAR_DATE.match(d.text) or _viewed(d, copyrighted)
                     or _under_furniture(lines, at))]
    if lead and lead.date and not lead.date.iso:
        # 'Santiago, Nov 27 (EFE).-' under a page's 'October 1, 2023': the story's own day is the dateline's,
        # completed only by a full date of that same day
        dates = [d for d in dates if (d.month, d.day) == (lead.date.month, lead.date.day)]
    published, published_text = _published(dates, sidecar.get("published"))
    return Article(
        id=article_id(raw),
        source=source,
        paragraphs=paragraphs,
        title=title or sidecar.get("title") or None,
        standfirst=lines[layout.standfirst].text if layout.standfirst is not None else None,
        outlet=next((o for o in [*cues.outlets, *_not_pictures(cues.mastheads, lines), cues.wire,
                                 cues.promoted] if o), None) or sidecar.get("outlet") or None,
        url=sidecar.get("url") or None,
        published=published,
        published_text=published_text,
        byline=cues.byline or cues.credit,
        dateline=lead.place if lead else None,
    )


def _gather(lines: list[Line]) -> _Cues:
    """Outlet, date and byline cues, including those on lines that are dropped as boilerplate."""
    cues = _Cues()
    prose_seen = 0
    long_seen = False  # a body paragraph has been seen: mastheads sit above it
    for i, (text, kind) in enumerate(lines):
        long_seen = long_seen or kind is Kind.PROSE and text.count(" ") + 1 >= _CHROME_WORDS \
            and ends_sentence(text)
        if kind in (Kind.BOILER, Kind.FOOTER, Kind.SHORT) and not long_seen and opens_list(text):
            cues.lists.append(i)
        if not cues.promoted and _SELF_PROMOTION.match(text):  # "Follow ERR News on Facebook", anywhere
            cues.promoted = outlet_cue(text)
        if kind in (Kind.BOILER, Kind.FOOTER):
            if not long_seen and _ACRONYM.fullmatch(text):
                cues.labels.append(text)  # "BBC", "AFP" alone on a line read as a label in capitals
            low = text.lower()
            credited = credit_line(text) if not prose_seen and "|" in text and _DIGIT.search(text) else None
            if credited and credited[1]:  # 'Source: Xinhua | 2018-03-29 20:48:37 | Editor: huaxia' on top
                cues.dates.append(credited[1])
                cues.date_lines.append(i)
                cues.meta.add(i)
            if low.startswith("source"):
                cues.closing = [*cues.closing, outlet_cue(text)] if prose_seen else []
            elif _OUTLET_GATE.search(low):
                cues.outlets.append(outlet_cue(text))
                cues.credits.append(text)
            if prose_seen >= 2 and text[0] in _DASHES:
                cues.wire = cues.wire or closing_agency(text)
            if not cues.credit and text[0] in "(RrWw":
                cues.credit = reporting_credit(text)
                cues.wire = cues.wire or wire_credit_outlet(text)
            if not cues.byline and _BYLINE_GATE.match(text):  # "BY JIM HEINTZ" reads as a label
                cues.byline = byline(text)
            continue
        if kind is Kind.PROSE:
            cues.closing = []  # a source line followed by more prose is a chart's or a quote's source
        if kind is Kind.BLANK or text.count(" ") > 12 and not DATED_START.match(text):
            prose_seen += kind is Kind.PROSE
            continue
        written = parse_date(text) if _DIGIT.search(text) else None
        credited = credit_line(text) if not written and "|" in text and _DIGIT.search(text) else None
        if not written and not credited and _DIGIT.search(text) and text.count(" ") < _LEAD_IN_WORDS:
            credited = lead_in_date(text)
        if credited:
            agency, written = credited
            if agency:
                cues.outlets.append(agency)
        if kind is Kind.SHORT and not long_seen:
            name = masthead(text.removesuffix(" logo")) or place_credit(text)  # "Pulse.ng logo": its picture
            if name:
                cues.mastheads.append(name)
            elif text.count(" ") < _LABEL_WORDS and text[:1].isalpha():
                cues.labels.append(text)
        if written:
            cues.dates.append(written)
            cues.date_lines.append(i)
            cues.meta.add(i)
            continue
        found = byline(text) if _BYLINE_GATE.match(text) else None
        if not found and kind is Kind.SHORT and prose_seen < 2 and not cues.byline and " in " in text:
            found = byline(text, head=True)
        if found:
            cues.byline = cues.byline or found
            cues.meta.add(i)
        elif (by := _BY_AGENCY.fullmatch(text)) and not is_english_word(by[1].lower()):
            cues.outlets.append(canonical_outlet(by[1]))  # "By Yonhap": a byline naming a news agency
            cues.meta.add(i)
        prose_seen += kind is Kind.PROSE
    return cues


def _copyright_year(lines: list[Line]) -> int | None:
    """The earliest year a rights line gives ("© 2008 The Associated Press"), not a span ("© 1999-2024")."""
    years = [int(m[1]) for line in lines if "©" in line.text or "opyright" in line.text
             for m in _COPYRIGHT_YEAR.finditer(line.text)]
    return min(years, default=None)


def _under_furniture(lines: list[Line], at: int) -> bool:
    """A date above the headline set straight under a navigation link ('Search' ⏎ '08 Sept 2025'): the
    top bar's day, the one the page was viewed on."""
    above = next((line for line in reversed(lines[:at]) if line.kind is not Kind.BLANK), None)
    return above is not None and _NAVIGATION.fullmatch(above.text.strip(" .:")) is not None


def _viewed(written: WrittenDate, copyrighted: int | None) -> bool:
    """A date above the headline in a year after the story's copyright: the day the page was viewed."""
    return copyrighted is not None and written.iso is not None and int(written.iso[:4]) > copyrighted


def _confirmed_labels(labels: list[str], paragraphs: tuple[str, ...]) -> list[str]:
    """Label lines above the story ("GlobalPost", "al jazeera") that the story itself uses as a news
    organisation's name: "GlobalPost's Noga Tarnopolsky", "told Al Jazeera", "Al Jazeera reported"."""
    body = " ".join(paragraphs[:_LABEL_PARAGRAPHS])
    folded = " ".join(body.split()).lower()
    found = []
    for label in labels:
        if " ".join(label.split()).lower() not in folded:  # a quick test before a pattern is compiled
            continue
        name = re.escape(label).replace(r"\ ", r"\s")
        use = re.search(rf"(?i:\b({name}))(?:['’]s\s+[A-Z][a-z]|\s+(?:reported|reports)\b)"
                        rf"|\b(?:told|telling|tells|according\s+to|interview\s+with|spoke\s+to|speaking\s+to)"
                        rf"\s+(?:the\s+)?(?i:({name}))\b", body)
        written = use and (use[1] or use[2])
        if written and written[:1].isupper():
            found.append(canonical_outlet(written) or written)
    return [name for name in found if name]


def _closing_masthead(lines: list[Line]) -> str | None:
    """A site's name set alone as the last line of the page, under the story ("British News Agency")."""
    last = next((line for line in reversed(lines) if line.kind is not Kind.BLANK), None)
    return masthead(last.text) if last is not None and last.kind is Kind.SHORT else None


def _layout(lines: list[Line], cues: _Cues, known_title: str | None = None) -> _Layout:
    """Find the title and standfirst before the body, and the line where the body starts.

    A headline the sidecar names is looked for first; otherwise the headline is found by its shape."""
    content = [i for i, line in enumerate(lines)
               if line.kind in (Kind.PROSE, Kind.SHORT) and i not in cues.meta]
    content = [i for n, i in enumerate(content)
               if n + 1 == len(content) or not _cut_short(lines[i].text, lines[content[n + 1]].text)]
    prose = [i for i in content if lines[i].kind is Kind.PROSE]
    if not prose:
        raise NotAnArticle("no article paragraphs")
    first = _first_paragraph(lines, content, prose)
    # the head ends at the date or byline nearest the body that is set under a headline-shaped line: one
    # above every headline, or set straight above another headline, is a top bar's or a blog's date
    headlines = [i for i in content if i < first and is_headline(lines[i].text)]
    under = [m for m in cues.meta if headlines and headlines[0] < m < first and (
        _signed(lines, content, m) or is_headline(lines[max(i for i in content if i < m)].text)
        and not _above_headline(lines, m))]
    head_end = max(under, default=first)
    title = _named(lines, content, first, known_title)
    if title is None:
        title = _repeated(lines, content, first)
    if title is None:
        title = _title(lines, content, head_end, cues.meta)
    if title is None:
        title = _above_date(lines, content, cues.meta)
    if title is None and len(prose) > 1 and content[0] == first and _question_headline(lines[first].text):
        title = first
    after = [i for i in prose if title is None or i > title]
    if not after:  # the only paragraph is no headline over nothing: it is the body
        title, after = None, prose
    lead = next((i for i in after[:4] if parse_dateline(lines[i].text)), None)
    limit = after[1] if len(after) > 1 else len(lines)
    marks = [i for i in cues.meta if (title is None or i > title) and i < limit]
    if lead is not None:
        start = lead
    elif marks:
        start = next((i for i in after if i > max(marks)), after[0])
    else:
        start = after[0]
    if title is None:
        return _Layout(_headline_below(lines, content, prose), None, start)
    head_end = min((i for i in marks if i > title), default=start)  # a standfirst sits above byline and date
    head = [i for i in range(title + 1, head_end) if i in content and lines[i].text != lines[title].text and (
        lines[i].kind is Kind.PROSE or lines[i].text.count(" ") >= 4 and is_headline(lines[i].text))]
    if head:
        return _Layout(title, head[0], start)
    if lead is None and not marks and start == title + 1 and len(after) >= 3 \
            and not _LEAD_WORDS.search(lines[start].text) and (
            _standfirst_shaped(lines[start].text) or _furniture_follows(lines, start, after[1])):
        return _Layout(title, start, after[1])
    return _Layout(title, None, start)


def _signed(lines: list[Line], content: list[int], mark: int) -> bool:
    """A date under a bare name under a headline-shaped line: the story's byline and date ('Google and HTC
    announce …' ⏎ 'Elliot Mulley-Goodbarne' ⏎ 'September 21, 2017'), whatever follows them."""
    above = [i for i in content if i < mark][-2:]
    return len(above) == 2 and _BARE_NAME.fullmatch(lines[above[1]].text) is not None \
        and is_headline(lines[above[0]].text)


def _above_headline(lines: list[Line], mark: int) -> bool:
    """True when the next line shown under a date or byline is shaped like a headline."""
    below = next((line for line in lines[mark + 1:] if line.kind is not Kind.BLANK), None)
    return below is not None and below.kind in (Kind.PROSE, Kind.SHORT) and is_headline(below.text) \
        and not _place_line(below.text)


def _place_line(text: str) -> bool:
    """A line naming only where the story was reported (a known place first, its country last): no
    headline."""
    match = _PLACE_LINE.fullmatch(text.strip())
    return match is not None and is_country(match["country"].strip()) \
        and canonical_place(match["first"].strip()) is not None


def _first_paragraph(lines: list[Line], content: list[int], prose: list[int]) -> int:
    """The first body paragraph: page chrome of a few words ending in a full stop ("No announcement yet.",
    "Get all your news in one place.") before a headline-shaped line does not start the body, nor does a
    banner's prose above a headline when a paragraph opening with a dateline follows it."""
    dated = next((i for i in prose[1:_DATELINE_REACH] if parse_dateline(lines[i].text)), None)
    if dated is not None and any(prose[0] < i < dated and is_headline(lines[i].text) for i in content):
        return dated  # a banner's sentences above the headline: the body opens at its dateline
    long = next((i for i in prose if lines[i].text.count(" ") + 1 >= _CHROME_WORDS
                 and ends_sentence(lines[i].text)), prose[0])
    opening = prose[0] if not ends_sentence(lines[prose[0]].text) else prose[0] + 1  # a headline of 10+ words
    if long == prose[0] or not any(opening <= i < long and is_headline(lines[i].text) for i in content):
        return prose[0]
    return long


def _cut_short(text: str, below: str) -> bool:
    """True when a line is the next line's start cut short with an ellipsis, as a breadcrumb trail or a
    teaser prints a long headline ("HomeNewsBlack expects the issue to come back to..." over "Black
    expects the issue to come back to council"), or a page title that the headline under it goes on
    ("Navies hold drills" over "Navies hold drills in the Andaman Sea")."""
    if below.startswith(text + " ") and text.count(" ") >= _CUT_WORDS and is_headline(below) \
            and not below.endswith("."):  # a lead paragraph that opens with the headline's words is prose
        return True
    if not text.endswith(("...", "…")):
        return False
    cut = text.rstrip(".… ")
    tail = " ".join(cut.split()[-_CUT_WORDS:])
    at = below.find(tail)
    return cut.count(" ") >= _CUT_WORDS and at >= 0 and cut.endswith(below[:at + len(tail)])


def _not_pictures(mastheads: list[str], lines: list[Line]) -> list[str]:
    """The mastheads that no caption credits its picture to: "PA Wire" set alone under "Photo: Ann
    Lee/PA Wire." is the picture agency, not the outlet."""
    credited = {found["agency"] for line in lines
                if "/" in line.text and (found := _PICTURE_CREDIT.search(line.text))}
    return [name for name in mastheads if name not in credited]


def _printed_alone(title: str, lines: list[Line], at: int) -> str | None:
    """The headline printed alone just under a title line that holds it with page chrome: a page title
    "Headline - Site name", or section links and a date before it ("India All India 03 Aug 2019
    Headline"). A dash in a headline printed once is its own ("Talks must include everyone - Fidan")."""
    for line in lines[at + 1:at + _STANDFIRST_GAP + 2]:
        text = _clean_title(line.text) if line.text else ""
        if text and text != title and is_headline(text) and (
                title.startswith(text + " - ") or title.endswith(" " + text)):
            return text
    return None


def _repeated(lines: list[Line], content: list[int], first: int) -> int | None:
    """The headline a page prints twice above the story (as its page title and its heading): the
    repeat nearest the body, so that teasers repeated higher up in the navigation lose."""
    seen: dict[str, int] = {}
    found = None
    for n, i in enumerate(content):
        if i >= first:
            break
        text = _clean_title(lines[i].text)
        if not is_headline(text) or text.endswith("."):  # a caption printed twice is no headline
            continue
        key = text.casefold()
        if key in seen:  # a standfirst between the two stays under the first; navigation does not
            found = content[seen[key]] if n - seen[key] <= _STANDFIRST_GAP else i
        seen.setdefault(key, n)
    return found


def _above_date(lines: list[Line], content: list[int], meta: set[int]) -> int | None:
    """A headline-shaped line set directly above the story's date or byline, below page chrome."""
    for mark in sorted(meta):
        above = [i for i in content if i < mark]
        if not above:
            continue
        line = lines[above[-1]].text
        chrome = sum(lines[i].kind is Kind.PROSE for i in above[:-1])
        if is_headline(line) and chrome <= _CHROME_PARAGRAPHS and not _LEAD_WORDS.search(line):
            return above[-1]
        return None
    return None


def _clean_title(title: str) -> str:
    """A title without the bullet, close button or wire slug in front of it ("• Headline", "✕ Close
    Headline", "2nd LD Writethru: Headline")."""
    return _WIRE_SLUG.sub("", _TITLE_GLUE.sub("", title).strip()) or title


def _named(lines: list[Line], content: list[int], first: int, known_title: str | None) -> int | None:
    """The line, above the first paragraph, that is the headline a sidecar names."""
    if not known_title:
        return None
    wanted = " ".join(known_title.split()).casefold()
    return next((i for i in content if i <= first and lines[i].text.casefold() == wanted), None)


def _title(lines: list[Line], content: list[int], head_end: int, meta: set[int]) -> int | None:
    """The first of the last run of headline-shaped lines before the byline, date or body.

    Section labels and taglines before the headline are cut off from it by other short lines;
    a standfirst set under the headline continues its run. In a run of three or more, a first
    line of four words or fewer is a kicker ("Russia-Ukraine war live") above the headline, and
    sentences ending in a full stop over one that has none are captions. A picture's caption or a date
    line between two lines starts a new run; a masthead is in none."""
    runs: list[list[int]] = []
    previous = None
    for i in content:
        if i >= head_end:
            break
        if is_headline(lines[i].text) and not masthead(lines[i].text) and not _glued_links(lines[i].text) \
                and not _LABEL_LINE.match(lines[i].text) and not _byline_role(lines[i].text) \
                and not _place_line(lines[i].text) and not _STAFF_LINE.fullmatch(lines[i].text.strip()):
            if previous is None or _furniture_between(lines, previous, i) or any(
                    previous < m < i for m in meta):
                runs.append([])
            runs[-1].append(i)
            previous = i
        else:
            previous = None
    if not runs:
        return None
    run = runs[-1]
    kicker = len(run) >= 3 and lines[run[0]].text.count(" ") < 4
    # sentences with their full stop over a headline without one are the picture's caption: 'Cllr Philip
    # Brady (FF) confirmed the meeting.' over 'Minister Ryan to meet council early in New Year'
    if lines[run[0]].text.endswith("."):
        return next((i for i in run if not lines[i].text.endswith(".")), run[0])
    return run[1] if kicker else run[0]


def _byline_role(text: str) -> bool:
    """A reporter's name run into their job: 'Andrew TillettForeign affairs, defence correspondent'."""
    words = text.split()
    return words[-1].lower() in BYLINE_HEADS and ("," in text or _GLUED_CASE.search(text) is not None)


def _glued_links(text: str) -> bool:
    """True when a line holds menu links scraped without spaces between them ("In The NewsMilitary and
    Defense", "North AfricaNewsTop Stories"): two words glued at a capital, each an English word."""
    def word(w: str) -> bool:
        return is_english_word(w) or w.endswith("s") and is_english_word(w[:-1])
    for run in _GLUED.finditer(text):
        words = _GLUED_WORD.findall(run[0])
        if any(word(a) and word(b) for a, b in zip(words, words[1:], strict=False)):
            return True
    return False


def _headline_below(lines: list[Line], content: list[int], prose: list[int]) -> int | None:
    """A page that opens with its lead sets the headline under it, or under the whole story: a short
    line there that names what the lead names first ("Deere profit rises, but stock takes hit")."""
    lead = lines[prose[0]].text
    after_lead = [i for i in content if i > prose[0]][:1]
    closing = [i for i in content if i > prose[-1]][-1:]
    for i in [*after_lead, *closing]:
        text = lines[i].text
        words = text.split()
        if lines[i].kind is Kind.SHORT and is_headline(text) and len(words) <= _BELOW_WORDS and (
                words[0] not in COMMON and re.search(rf"\b{re.escape(words[0])}\b", lead)):
            return i
    return None


def _furniture_between(lines: list[Line], above: int, below: int) -> bool:
    """True when a block of page furniture (a picture's caption, a banner) stands between two lines."""
    return any(line.kind is Kind.BOILER and line.text.count(" ") >= _FURNITURE_WORDS - 1
               for line in lines[above + 1:below])


def _furniture_follows(lines: list[Line], start: int, end: int) -> bool:
    """True when page furniture (a picture, its caption, a link) separates a line from the next prose."""
    return lines[start].text.count(" ") < 60 and any(
        line.kind in (Kind.BOILER, Kind.SHORT) for line in lines[start + 1:end])


def _question_headline(text: str) -> bool:
    """A headline that ends in a question or exclamation mark."""
    return text[-1] in "?!" and text.count(" ") < 15 and not _QUOTE_MARKS.intersection(text)


def _standfirst_shaped(text: str) -> bool:
    """One sentence of at most 30 words, as a standfirst set directly under the headline is."""
    return text.count(" ") < 30 and not _SENTENCE_BREAK.search(text)


def _published(dates: list[WrittenDate], sidecar: str | None) -> tuple[str | None, str | None]:
    """(ISO published, as written): a full date in the text, else the sidecar's, completing a partial one."""
    known = normalise_published(sidecar)
    full = next((d for i, d in enumerate(dates) if d.iso and not (
        _TOP_BAR_DATE.match(d.text) and any(later.iso for later in dates[i + 1:]))), None)
    if full:
        return full.iso, full.text
    if dates:
        return complete_date(dates[0], known), dates[0].text
    return known, None
