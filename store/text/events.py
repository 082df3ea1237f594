"""Event extraction: meetings, talks, calls, visits, invitations, conferences, sanctions."""

from __future__ import annotations

import re
from dataclasses import replace

from clipdesk.store.text.attribution import Discourse, Entity, Mention, scan
from clipdesk.store.text.dates import WrittenDate, find_date, year_in
from clipdesk.store.text.lexicon import (
    ABBREVIATION_RE,
    BUILDING_HEADS,
    COMMON,
    HEADLINE_WORDS,
    INSTITUTION_WORDS,
    NATIONALITY_ADJECTIVES,
    NATIONS,
    PLACE_HEADS,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    SEATS_OF_POWER,
    SPOKESPEOPLE,
    first_name_gender,
    is_english_word,
)
from clipdesk.store.text.model import Article, Event
from clipdesk.store.text.names import normalise_name
from clipdesk.store.text.places import canonical_place, is_country, place_variants, recognise_places
from clipdesk.store.text.venues import Venue, background, holders, inside, venues

# Kinds in order of precedence (a sentence reporting an invitation to visit is an invitation), the word
# stems that must be present before the pattern is tried, and the pattern.
TRIGGERS: tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...] = tuple(
    (kind, tuple(stems.split()), re.compile(pattern, re.I)) for kind, stems, pattern in (
        ("invitation", "invit", r"\binvit(?:ation|ations|e|ed|es|ing)\b"),
        ("phone call", "call phone conversation",
         r"\b(?:phone|telephone|video)[- ](?:call|calls|conversation|talks?)\b"
         r"|\bspoke\s+(?:by|on\s+the|over\s+the)\s+(?:tele)?phone\b|\bphoned\b"
         r"|\b(?:the|a|this|that|their|[’']s)\s+call\b(?!\s+(?:for|on|to|from)\b)"
         # 'Varga called Chancellor Ute Brandt on Sunday': a person called another, then when or why
         r"|(?<=[A-Za-z] )\bcalled\s+(?:(?-i:[A-Z])[\w'’.-]+\s+){1,4}"
         r"(?=(?:on|to|late|early|yesterday|last|this)\b)"),
        ("summit", "summit", r"\bsummit\b"),
        ("conference", "conference forum", r"(?<!press )(?<!news )\bconference\b(?!\s+call)|\bforum\b"),
        ("visit", "visit trip travel arrived",
         r"\bvisit(?:s|ed|ing)?\b|\btrip\s+to\b|\btravell?ed\s+to\b|\barrived\s+in\b"),
        ("meeting", "meet met hosted hosts hosting welcomed welcomes welcoming credence credentials",
         # 'hosted President X to a dinner', 'welcomed the President, X, to Downing Street', 'received
         # Letters of Credence from the Ambassador'
         r"\bhost(?:ed|s|ing)\s+(?=(?-i:[A-Z]))(?!(?-i:[A-Z])\w*\s+(?:summit|conference|forum|talks)\b)"
         r"|\bwelcom(?:ed|es|ing)\s+(?=(?:the\s+)?(?-i:[A-Z]))[^.;]{0,80}?\bto\s+(?:the\s+)?(?-i:[A-Z])"
         r"|\breceiv(?:ed|es|ing)\b[^.;]{0,40}?\b(?:letters\s+of\s+credence|credentials)\b"
         r"|\b(?:meet(?:s|ing|ings)?|met)\b(?!\s+(?:the\s+|its\s+|their\s+|all\s+|other\s+|any\s+|these\s+)?"
         r"(?:demands?|needs?|targets?|criteria|requirements?|expectations?|deadlines?|standards?|obligations?"
         r"|goals?|costs?|conditions?)\b)"
         # an answer, not a meeting: 'his overtures met with silence'
         r"(?!\s+with\s+(?:silence|criticism|resistance|scepticism|skepticism|protests?|applause"
         r"|approval|anger|outrage|opposition|hostility|derision|disbelief)\b)"),
        ("talks", "talks conversation discuss",
         # 'X (left) talks during a press conference' speaks: no talks are held
         r"(?<!\bhe )(?<!\bshe )(?<!\bwho )(?<!\) )\btalks\b(?!\s+(?:during|to\s+reporters|to\s+the\s+media)"
         r"\b)"
         r"|\bconversation\b|\b(?:held|had|hold|holds|holding)\s+(?:[\w-]+\s+){0,2}discussions?\b"
         r"|\bdiscussed\b"),
        ("negotiations", "negotiat", r"\bnegotiat(?:e|ed|es|ing|ion|ions)\b"),
    ))
SANCTION_STEMS = ("sanction", "blacklist")
ANY_STEM = tuple(dict.fromkeys([stem for _, stems, _ in TRIGGERS for stem in stems] + list(SANCTION_STEMS)))
SANCTIONS = re.compile(
    r"\b(?:impos\w*|slap\w*|announc\w*|adopt\w*|introduc\w*|unveil\w*|approv\w*|levie[sd]|agreed|extend\w*"
    r"|expand\w*|hit|hits)\b[^.;]{0,60}?\bsanctions?\b|\bsanctioned\b|\bblacklist(?:ed|ing|s)?\b", re.I)
# Words shortly before a trigger that make it a wish, a condition or a denial, not something that happened.
_HYPOTHETICAL_WORDS = """any no without cannot can't can must should would could might if unless
want wants wanted not never won't wouldn't urge urged urges urging
demand demands demanded need needs needed willingness readiness ready begin resume refuse refused refuses
plan plans planned planning expected expects scheduled hope hopes hoped hoping possibility possible
considering consider considers considered may proposed propose proposes offer offered offers seek seeks
sought seeking aim aims aimed aiming next intend intends intended due upcoming whether open return willing
prepare prepares preparing"""
HYPOTHETICAL = frozenset(_HYPOTHETICAL_WORDS.split())
# A clause that opens with a condition: 'If Lee meets Hale next week, the deal could be signed.'
CONDITIONAL = re.compile(r"(?:if|unless|whether|should|in\s+case)\b")
# How two people first met, not a meeting: 'the couple, who met while working at a nature preserve'.
HOW_THEY_MET = re.compile(
    r"\s+(?:while|when|as)\s+(?:\w+\s+)?\w+ing\b|\s+(?:at|in)\s+(?:university|college|school)\b")
EVENT_NAME_ENDS = frozenset({"meeting", "summit", "conference", "forum", "retreat", "talks", "dialogue"})
HYPOTHETICAL_PHRASES = ("moment to", "time to", "chance to", "opportunity to", "rather than", "instead of",
                        "focus on", "rule out", "ruled out", "calls for", "called for", "call for", "was to",
                        "were to", "is to", "are to", "set to", "prepared to")
# Words anywhere before a trigger in its sentence that make it a plan, a question or what would have been:
# 'he was set to be welcomed ..., followed by a meeting', 'asked whether she will attend the conference'.
UNREAL_BEFORE = re.compile(r"\b(?:would|whether|(?:was|were|is|are)\s+set\s+to)\b")
# A role named after the event ('the spokesman for the talks', 'envoy to the summit'): a title, not news.
ROLE_OF = re.compile(r"\b(?:spokes(?:man|woman|person)|envoy|negotiator|delegate|representative|chief|head)"
                     r"\s+(?:for|to|at|of)\s+(?:the\s+)?(?:[\w-]+\s+)?$")
# Words anywhere in a sentence that say its meeting did not happen, or that it only mentions one.
CALLED_OFF = re.compile(
    r"\b(?:cancel(?:l?ed|l?ing|s|lation)?|call(?:ed|s)?\s+off|postpon(?:e|ed|es|ing|ement)|put\s+off|"
    r"scrapped|delayed|did\s+not\s+(?:respond|answer|take\s+place|happen|disclose|give|provide|reveal)|didn[’']t\s+(?:respond|happen)|"
    r"no\s+(?:response|reply|details)|unclear|not\s+(?:planned|yet)|fell\s+through|no\s+longer"
    r"|would\s+have)\b", re.I)
# A second clause that only plans another event: 'X called Merkel and plans to call Macron soon'.
PLANNED_CLAUSE = re.compile(r"(?:,|\band\b|\bbut\b|\bwhile\b)\s+(?:\w+\s+)?(?:also\s+)?"
                            r"(?:plans?|planned|wants?|hopes?|intends?|expects?|will|would|is\s+to|was\s+to)\b")
# Words before a name that cite it as the source of the report, not as someone taking part.
SOURCE_BEFORE = re.compile(r"\b(?:citing|according\s+to|quoted\s+by|reported\s+by)\s+(?:the\s+)?$", re.I)
# A role 'of' a body: 'the Ambassador of the Republic of Guinea', 'the secretary of the Security Council'.
ROLE_OF_BODY = re.compile(r"(?i)\b(?:ambassador|secretary|minister|head|chief|director|president|chairman"
                          r"|chair|governor|envoy|commissioner|representative|member|leader|commander)s?"
                          r"\s+(?:of|to|for|at)\s+(?:the\s+)?(?:[\w-]+\s+){0,5}$")
# Between a role or a body and the person it belongs to: ' of the Republic of Guinea, Dr '.
APPOSED = re.compile(r"(?:\s+(?:of|to|for)\s+[^,.;]{0,60})?[^,.;]{0,25},\s*(?:(?:Dr|Mr|Ms|Mrs)\.?\s+)?")
# Words after which names are what was talked about, up to a 'with' that names who talked.
TOPIC_WORD = re.compile(r"\b(?:discussed|discussing|about|regarding|concerning"
                        r"|(?:relations|ties|cooperation)\s+(?:between|with))\b")
TOPIC_BREAK = re.compile(r"\bwith\b|[;.:]")
TOPIC_REACH = 100
REPORTING = re.compile(r"\b(?:said|says|stated|reported|announced|confirmed|tweeted|wrote|posted|added|noted"
                       r"|revealed|told\s+[\w.]+)\b(?:\s+that\b)?")
SUBJECT_START = re.compile(r"\s*(?:(?:on|last|this)\s+\w+\s+)?")  # 'said on Friday (that) ...'
# A verb of reporting right after a name (or its bracketed abbreviation) that closes the sentence:
# ", the ministry (MoD) has confirmed".
TAIL_SOURCE = re.compile(r"(?:\s*\([^)]{1,12}\)|\))?\s*(?:also\s+|has\s+|have\s+)?"
                         r"(?:said|says|reported|announced|stated|added|confirmed|noted)\b")
# Words of a byline or a wire credit: a name with one of them reported the event, it did not take part.
BYLINE_WORDS = frozenset({"reporter", "correspondent", "editor", "writer", "photographer", "news"})
GATHERINGS = frozenset({"summit", "conference"})  # named after whoever holds them
TALKING_KINDS = frozenset({"meeting", "talks", "negotiations"})  # 'the meeting' may refer back to talks
# Kinds a noun alone names ('the talks'): with nobody taking part, the sentence only mentions them.
NOUN_KINDS = frozenset({"talks", "negotiations"})
LOOKBACK = 40  # characters before a trigger searched for hypothetical words
# Kinds that happen in one place, so an article's dateline can place them when the sentence does not.
LOCAL_KINDS = frozenset({"meeting", "talks", "negotiations", "conference", "summit"})
LEAD_PARAGRAPHS = 3  # the dateline places events reported within this many paragraphs
SPOKEN_TO = re.compile(r"\b(?:call|calls|letter|message|spoke|spoken|talked|wrote)\s+to\s+$")  # not a place
PLACE_CUE = re.compile(r"\b(?:in|at|to|visit(?:ed|ing|s)?|near)\s+(?:the\s+)?$", re.I)
_DELEGATES = (r"\b(?P<noun>ministers|leaders|officials|envoys|diplomats|delegations|representatives"
              r"|counterparts?)\s+(?:of|from|that\s+included|including)\s+")
# Countries whose people take part: 'ministers from Brazil and Norway', 'his counterparts from the
# Netherlands, Chile and the United Arab Emirates', 'the foreign minister of Tajikistan'.
_NAME = r"(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*"
DELEGATIONS = re.compile(rf"{_DELEGATES}(?P<list>{_NAME}(?:(?:,\s*|,?\s+and\s+){_NAME})*)")
DELEGATION_HINT = re.compile(r"(?:ministers|leaders|officials|envoys|diplomats|delegations|representatives"
                             r"|counterparts?)\s")  # a cheap look before DELEGATIONS
LIST_SEPARATOR = re.compile(r",?\s+and\s+|,\s*")
PICTURE_CREDIT = re.compile(r"(?i)\b(?:photo|picture|image|credit)s?\s*:")
POSSESSIVE_PRONOUN = re.compile(r"\b(?:his|her)\b", re.I)
SENTENCE_END = re.compile(r"(?<!\b[A-Z])[.!?][”\"’']?(?=\s+[“\"‘A-Z(])")
# Modal words after a trigger in its clause: 'talks between the two sides could begin' is a possibility,
# 'talks will prove difficult' a forecast, and 'for talks to take place' a condition, not an event.
MODAL_AFTER = re.compile(r"(?:(?!\bthat\b)[^,.;:]){0,50}?\b(?:to\s+(?:take\s+place|happen|begin|start|resume)"
                         r"|could|would|should|must|might|may|cannot|can|will|won't|"
                         r"(?:are|is|was|were|remain|remains)\s+(?:still\s+)?(?:possible|planned|expected|"
                         r"likely|unlikely|scheduled|due))\b")
WORD = re.compile(r"[\w'-]+")  # 'six-way' is one word
PLACE_BEFORE, PLACE_AFTER = 40, 60  # how far from its trigger a place may be written
# A dateline opening the first paragraph ('BERLIN, May 12 (Reuters) -', 'LONDON, January 27. /TASS/.'):
# its date is the day of the report, not of the event.
DATELINE = re.compile(r"^(?:[A-Z][A-Z .'’-]{2,}\b(?:,[^()\n—–]{0,30}?)?"
                      r"|[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?)"
                      r"\s*(?:\([^)]{1,30}\)\s*[-—–]+|[-—–]+|\.?\s*/[^/]{1,12}/\.?)\s")
# 'The call', 'the first meeting', 'that visit': a trigger referring back to an event already reported.
DEFINITE = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]heir|[Ii]ts)\s+(?:[\w-]+\s+){0,2}$")
# 'His visit', "the minister's trip" (not 'his first visit') refer back to an event too.
BACK_REFERENCE = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[\w-]+[’']s)\s+"
                            r"(?:(?!first\b|second\b|third\b|last\b|latest\b|next\b)[\w-]+\s+)?$")
BACK_REACH = 40  # characters before a trigger that may refer it back
DEFINITE_START = re.compile(r"(?i)(?:the|this|that|their|its|[’']s)\s")
# Words before a trigger that report another event than the one before: 'he also met', 'earlier, she visited'.
ANOTHER = re.compile(r"\b(?:[Aa]lso|[Ee]arlier|[Ll]ater|[Pp]reviously|[Ss]eparately|[Ii]n addition"
                     r"|[Aa]dditionally)\b")
# Words that refer back to the people of the sentence before: 'the two ministers', 'both sides', 'they'.
GROUP_REFERENCE = re.compile(r"\b(?:[Tt]he two|[Bb]oth|[Tt]hey|[Tt]he (?:\w+ )?(?:ministers|leaders|sides|men"
                             r"|women|officials|delegations|presidents))\b")
# 'It was', 'it is' after which the sentence says what something was: the 'it' refers to nobody.
EXPLETIVE_IT = re.compile(r"\s+(?:is|was|has\s+been|had\s+been)\b")
POSSESSIVE_END = re.compile(r"['’]s$")
QUOTE_MARK = re.compile(r'[“”«»"]')


def extract_events(article: Article) -> list[Event]:
    """Every event the article reports, with participants, place and date where known."""
    reading = _Reading(article)
    last = max((n for n, p in enumerate(article.paragraphs) if _has_stem(p.lower(), ANY_STEM)), default=-1)
    for n, paragraph in enumerate(article.paragraphs[:last + 1]):
        reading.paragraph(n, paragraph)
    if reading.counterpart is not None and last + 1 < len(article.paragraphs):
        reading.paragraph(last + 1, article.paragraphs[last + 1])  # it may name the counterpart
    return reading.found


class _Reading:
    """An article read in order: who has been named so far, and the events found."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.year = year_in(article.published_text) if not article.published else None
        self.dateline = canonical_place(article.dateline) if article.dateline else None
        self.discourse = Discourse()
        self.salient: list[Entity] = []
        self.found: list[Event] = []
        self.before: Entity | None = None  # the last person a sentence was about
        self.named: list[str] = []  # the people of the last sentence that named any
        # the event just reported with 'his (Polish) counterpart' unnamed, and the words of that role
        self.counterpart: tuple[int, set[str]] | None = None
        self.previous: list[Entity] = []  # the people the sentence before named

    def paragraph(self, n: int, paragraph: str) -> None:
        """Read paragraph n, sentence by sentence."""
        masked = mask_quotations(paragraph)
        if n == 0:
            masked = DATELINE.sub(lambda m: " " * len(m[0]), masked, count=1)
        mentions = scan(masked, self.discourse, self.salient)
        for start, end in sentences(masked):
            here = [m for m in mentions if start <= m.start < end]
            self.sentence(n, paragraph[start:end].strip(), masked[start:end], here, start)

    def sentence(self, n: int, sentence: str, masked: str, mentions: list[Mention], offset: int = 0) -> None:
        """Record the events `sentence` (paragraph n, at `offset`; quotations blanked in `masked`) reports."""
        kinds = _kinds(masked)
        if self.counterpart is not None:
            self._name_counterpart(n, mentions, masked, offset)
        if kinds and not CALLED_OFF.search(masked):
            self._record(n, sentence, masked, [self._resolved(m, mentions) for m in mentions], offset, kinds)
            self.counterpart = _unnamed_counterpart(self.found, n, sentence, mentions)
        people = [m.entity for m in mentions  # whom 'they' and 'the two' refer to next
                  if m.entity and m.entity.kind == "person" and not _common_words(m.entity)]
        self.previous = list({id(e): e for e in people}.values())
        self.before = next((m.entity for m in reversed(mentions) if m.subject and m.entity
                            and m.entity.kind == "person"), self.before)
        if people:
            self.named = list(dict.fromkeys(e.name for e in people))

    def _resolved(self, mention: Mention, mentions: list[Mention]) -> Mention:
        """A he or she opening a sentence is the one person the sentence before named ('It was the last day
        of Lee's trip. On Thursday, she met ...'), when that person may be a he or she."""
        gender = {"he": "m", "she": "f"}.get(mention.text.lower())
        if gender is None or len(self.previous) != 1 or mention is not mentions[0] \
                or self.previous[0].gender not in (None, gender):
            return mention
        return replace(mention, entity=self.previous[0])

    def _name_counterpart(self, n: int, mentions: list[Mention], sentence: str, offset: int) -> None:
        """Add to the event before the counterpart this sentence names ('X held talks with his Polish
        counterpart. Polish Defence Minister Y said ...'): a person of the counterpart's country, or of
        the same office when no country is given."""
        index, wanted = self.counterpart or (0, set())
        self.counterpart = None
        event = self.found[index] if index < len(self.found) else None
        if event is None or n - event.paragraph > 1:
            return
        for number, mention in enumerate(mentions):
            entity = mention.entity
            if entity is None or entity.kind != "person" or entity.name in event.participants \
                    or _common_words(entity) \
                    or _spokesperson(entity, mentions[number + 1:number + 2], sentence, offset):
                continue
            roles = set(WORD.findall(" ".join(entity.roles).lower().replace("defense", "defence")))
            if wanted and wanted <= roles | {NATIONS[w] for w in roles if w in NATIONS}:
                self.found[index] = replace(event, participants=(*event.participants, entity.name))
                return

    def _record(self, n: int, sentence: str, masked: str, mentions: list[Mention], offset: int,
                kinds: list[tuple[str, re.Match[str], Venue | None]]) -> None:
        """The events of the `kinds` a sentence reports, with whoever took part."""
        plan = PLANNED_CLAUSE.search(masked)
        held = [(v.start, v.end) for _, _, v in kinds if v is not None]  # the G7 of 'at the G7 summit'
        reporter = _reporter_end(masked, mentions, offset, kinds[0][1].start())
        topics = [m.end() for m in TOPIC_WORD.finditer(masked)]
        taking_part = [m for m in mentions if not _bystander(masked, m.start - offset, m.end - offset, topics)
                       and (plan is None or m.start - offset < plan.start())
                       and not inside(m.start - offset, held) and m.start - offset >= reporter]
        if plan is not None:
            sentence = sentence[:plan.start() - (len(masked) - len(masked.lstrip()))].rstrip(" ,")
        cited = {m.entity.name for m in mentions if m.entity and m not in taking_part}
        before = None if self.before is not None and self.before.name in cited else self.before
        # 'According to X, ... his counterpart': the 'his' is not X
        names = _participants(taking_part, masked, before, offset, kinds[0][1].start())
        if not names and len(self.named) > 1 and GROUP_REFERENCE.search(masked):
            names = list(self.named)
        if DELEGATION_HINT.search(masked):
            delegations = list(DELEGATIONS.finditer(masked))
            names = _once([self._delegate(name, masked, delegations) for name in names])
        for number, (kind, trigger, venue) in enumerate(kinds):
            if venue is not None:
                hosts = holders(venue, masked)
                if hosts:
                    when = find_date(masked, self.article.published, self.year, trigger.span())
                    _add(self.found, _event(kind, n, sentence, hosts, _place(masked, trigger), when), False)
                continue
            if kind == "sanctions":  # 'Britain imposed sanctions on three banks': Britain takes part
                names = _once(names + [m.text for m in taking_part if m.start - offset < trigger.start()
                                       and m.subject and _is_country_word(m)])
            if kind in NOUN_KINDS and not names or trigger[0].lower() == "discussed" and len(names) < 2:
                continue
            setting = next((v for v in venues(masked) if v.trigger and v.trigger.start() == trigger.start()),
                           None)
            if setting is not None:  # 'Lee spoke at the G7 summit': the G7 and Lee; 'ahead of' it: the G7
                names = _once([*holders(setting, masked), *([] if setting.ahead else names)])
            when = find_date(masked, self.article.published, self.year, trigger.span())
            place = _place(masked, trigger)
            if place is None and number == 0 and n < LEAD_PARAGRAPHS and kind in LOCAL_KINDS:
                place = self.dateline
            definite = bool(DEFINITE.search(masked, 0, trigger.start()) or DEFINITE_START.match(trigger[0]))
            another = not definite and bool(ANOTHER.search(masked, 0, trigger.start()))
            event = _event(kind, n, sentence, names, place, when)
            if not _detail(self.found, event, trigger):
                _add(self.found, event, definite, another)


    def _delegate(self, name: str, sentence: str, delegations: list[re.Match[str]]) -> str:
        """The person a country stands for in 'the foreign ministers of Pakistan and Russia': the one person
        named so far whose role is of that country and the same kind ('Pakistan's Foreign Minister Ali
        Khan', 'his Russian counterpart Ivan Sokolov'); the country itself when nobody or several fit."""
        listed = [m for m in delegations if name in m["list"]]
        nation = NATIONS.get(name.lower())
        if not listed or nation is None:
            return name
        head = listed[0]["noun"].rstrip("s")
        # 'the defence ministers of ...': a foreign minister is not one of them
        kind = WORD.findall(sentence[:listed[0].start()].lower().replace("defense", "defence"))[-1:]
        kind = [w for w in kind if w in ROLE_MODIFIERS and w not in ("the", "of", "for")]
        fits = [e.name for e in self.discourse.entities.values() if e.kind == "person" and any(
            nation in {NATIONS.get(w) for w in WORD.findall(role.lower())}
            and ("counterpart" in role.lower() or head in role.lower()
                 and all(w in role.lower().replace("defense", "defence") for w in kind)) for role in e.roles)]
        return fits[0] if len(set(fits)) == 1 else name


def _unnamed_counterpart(found: list[Event], n: int, sentence: str,
                         mentions: list[Mention]) -> tuple[int, set[str]] | None:
    """The last event, when `sentence` reported it with an unnamed counterpart ('met his Polish counterpart'),
    and what the counterpart must be: of that country ('PL'), or of the office of the one who met them."""
    role = next((m for m in mentions if m.kind == "role" and m.entity is None
                 and "counterpart" in m.text.lower()), None)
    if role is None or not found or found[-1].paragraph != n or found[-1].summary != sentence:
        return None
    nations = {NATIONS[w] for w in WORD.findall(role.text.lower()) if w in NATIONS}
    if nations:
        return len(found) - 1, nations
    office = next((m.entity.roles for m in mentions if m.entity and m.entity.kind == "person"
                   and m.entity.name in found[-1].participants and m.entity.roles), None)
    words = set(WORD.findall(" ".join(office or []).lower().replace("defense", "defence")))
    words = {w for w in words if w in ROLE_HEADS or w in ROLE_MODIFIERS} - {"the", "of", "for", "new"}
    return (len(found) - 1, words) if words else None


def mask_quotations(paragraph: str) -> str:
    """The paragraph with quoted words blanked out (a closing mark with no opener blanks from the start)."""
    marks = list(QUOTE_MARK.finditer(paragraph))
    if not marks:
        return paragraph
    chars = list(paragraph)
    opened: int | None = None
    straight = False
    for mark in marks:
        i, char = mark.start(), mark[0]
        if char in "“«" and opened is None:
            opened, straight = i, False
        elif char in "”»" and not straight:
            _blank(chars, 0 if opened is None else opened, i)
            opened = None
        elif char == '"':
            if opened is None:
                opened, straight = i, True
            elif straight:
                _blank(chars, opened, i)
                opened = None
    if opened is not None:
        chars[opened:] = " " * (len(chars) - opened)
    return "".join(chars)


def _blank(chars: list[str], start: int, end: int) -> None:
    """Blank chars[start..end]; a quotation that ended a sentence still ends it (a full stop is kept)."""
    ends = "".join(chars[max(start, end - 2):end]).rstrip().endswith((".", "!", "?"))
    chars[start:end + 1] = " " * (end + 1 - start)
    if ends:
        chars[end] = "."


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a paragraph; abbreviations and initials do not end one."""
    spans, start = [], 0
    for match in SENTENCE_END.finditer(text):
        if ABBREVIATION_RE.search(text, max(0, match.start() - 6), match.start()):
            continue
        spans.append((start, match.end()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def _has_stem(low: str, stems: tuple[str, ...]) -> bool:
    return any(stem in low for stem in stems)


def _kinds(sentence: str) -> list[tuple[str, re.Match[str], Venue | None]]:
    """The kind of event the sentence reports (at most one, plus sanctions and the summit or conference it
    happened at) and the words that say so."""
    kinds: list[tuple[str, re.Match[str], Venue | None]] = []
    low = sentence.lower()
    if not _has_stem(low, ANY_STEM):
        return kinds
    scene: list[tuple[int, int]] | None = None
    first: tuple[str, re.Match[str]] | None = None
    mentioned: tuple[str, re.Match[str]] | None = None  # 'his visit', 'the trip': an event reported before
    for kind, stems, pattern in TRIGGERS:
        if not _has_stem(low, stems):
            continue
        match = None
        for candidate in pattern.finditer(sentence):
            if _happened(low, candidate):
                first = first or (kind, candidate)
                scene = background(sentence) if scene is None else scene
                if not inside(candidate.start(), scene):
                    match = candidate
                    break
        if match and BACK_REFERENCE.search(sentence, max(0, match.start() - BACK_REACH), match.start()):
            mentioned = mentioned or (kind, match)
        elif match:
            kinds.append((kind, match, None))
            break
    if not kinds and mentioned:  # 'On the first day of his visit, Lee held talks with Hale': the talks
        kinds.append((*mentioned, None))
    if kinds:  # 'X met Y on the sidelines of the G7 summit': the summit too, with whoever holds it
        kinds += [(v.kind, v.trigger, v) for v in venues(sentence)
                  if v.kind and v.trigger and _happened(low, v.trigger)]
    elif first:  # 'X spoke at the summit': the summit is what the sentence reports
        kinds.append((*first, None))
    sanction = SANCTIONS.search(sentence) if _has_stem(low, SANCTION_STEMS) else None
    if sanction and _happened(low, sanction):
        kinds.append(("sanctions", sanction, None))
    return kinds


def _happened(low: str, match: re.Match[str]) -> bool:
    """Whether a trigger reports something, rather than a wish, a condition or a possibility."""
    before = low[max(0, match.start() - LOOKBACK):match.start()]
    words = WORD.findall(before)[-4:]
    if HYPOTHETICAL.intersection(words) or any(p in before for p in HYPOTHETICAL_PHRASES) \
            or UNREAL_BEFORE.search(low, 0, match.start()):
        return False
    clause = low[low.rfind(",", 0, match.start()) + 1:match.start()].lstrip(" (")
    if CONDITIONAL.match(clause) or HOW_THEY_MET.match(low, match.end()) or ROLE_OF.search(before):
        return False
    return not MODAL_AFTER.match(low, match.end(), match.end() + 70)


def _participants(mentions: list[Mention], sentence: str, before: Entity | None,
                  offset: int = 0, trigger: int = 0) -> list[str]:
    """People and bodies named (or referred to by pronoun) in the sentence, in order, once each."""
    names: list[str] = []
    lists = _delegations(sentence) if DELEGATION_HINT.search(sentence) else {}
    for number, mention in enumerate(mentions):
        entity = mention.entity
        at = next((span for span in lists if span[0] <= mention.start - offset < span[1]), None)
        if at is not None:  # 'ministers from Brazil and Norway met'
            names.extend(lists.pop(at))
            continue
        if entity is None or (entity.kind == "institution" and not _is_body(entity.name)):
            continue
        if mention.kind == "role" and _apposed(mention, mentions[number + 1:number + 4], sentence, offset):
            continue  # 'the Ambassador of Chile, Ilse Marr': the role is hers, not someone named before
        if mention.text.lower() == "it" and (EXPLETIVE_IT.match(sentence, mention.end - offset)
                                             or mention.start - offset > trigger):
            continue  # 'It was his first visit': nobody; 'after the talks, ... it has received': not a party
        if BYLINE_WORDS.intersection(f"{entity.name} {mention.role or ''}".lower().split()) \
                or _glued_to_place(entity.name):  # '(Reporter Lin Bo)' wrote the story
            continue
        if PICTURE_CREDIT.search(sentence, 0, max(0, mention.start - offset)):
            continue  # '(Photo: Ann Lee / Getty Images)' took the picture
        if entity.kind == "institution" and (_building(entity, mention, sentence, offset)
                                             or _employer(mention, mentions[number + 1:number + 3], sentence,
                                                          offset)):
            continue
        if entity.kind == "person" and _spokesperson(entity, mentions[number + 1:number + 2], sentence,
                                                     offset):
            continue  # 'the ministry's spokesman Jo Tan said the two met': he reports the meeting
        if entity.kind == "person" and _common_words(entity) or entity.kind == "person" and _placed(
                entity, mention, sentence, offset):
            continue
        name = POSSESSIVE_END.sub("", entity.name)  # "the Trump administration's concerns"
        if entity.kind in ("person", "institution") and name not in names:
            names.append(name)
    names.extend(country for countries in lists.values() for country in countries)
    pronoun = POSSESSIVE_PRONOUN.search(sentence)
    named_first = pronoun and any(
        m.entity and m.entity.kind == "person" and m.start - offset < pronoun.start() for m in mentions)
    if before is not None and before.name not in names and pronoun and not named_first:
        names.insert(0, before.name)
    return _once(names)


def _once(names: list[str]) -> list[str]:
    """Each participant once: a name that ends another one ("De Mistura" of "Staffan de Mistura") is it."""
    names = list(dict.fromkeys(names))
    folded = [name.casefold().split() for name in names]
    return [name for name, words in zip(names, folded, strict=True)
            if not any(len(other) > len(words) and other[-len(words):] == words for other in folded)]


def _spokesperson(entity: Entity, after: list[Mention], sentence: str, offset: int) -> bool:
    """Someone who speaks for a party ('spokesman Jo Tan', 'Jo Tan, spokesperson of the ministry')."""
    roles = [*entity.roles, *(m.text for m in after if m.kind == "role" and m.role
                              and re.fullmatch(r",\s*", sentence[m.start - offset - 2:m.start - offset]))]
    return any(SPOKESPEOPLE.intersection(WORD.findall(role.lower())) for role in roles)


def _employer(mention: Mention, after: list[Mention], sentence: str, offset: int) -> bool:
    """A body in the role of the person named next ('the Ambassador of the Republic of Guinea, Siaka
    Cissoko', 'the secretary of the Security Council, Ivan Petrenko'): the person takes part, not it."""
    start = mention.start - offset
    return bool(ROLE_OF_BODY.search(sentence, max(0, start - 60), start)) \
        and _apposed(mention, after, sentence, offset)


def _apposed(mention: Mention, after: list[Mention], sentence: str, offset: int) -> bool:
    """Whether the person named next is set beside the mention ('the Ambassador of Chile, Ilse Marr')."""
    person = next((m for m in after if m.kind == "person"), None)
    return person is not None and APPOSED.fullmatch(sentence, mention.end - offset, person.start - offset) \
        is not None


def _building(entity: Entity, mention: Mention, sentence: str, offset: int) -> bool:
    """A building after 'at the' or 'in' ('at Marlow Palace'): where the event happened, not who took part."""
    before = sentence[max(0, mention.start - offset - 20):mention.start - offset]
    return entity.name.split()[-1].lower() in BUILDING_HEADS and bool(PLACE_CUE.search(before))


def _is_country_word(mention: Mention) -> bool:
    """A country named as such ('Britain', 'the United States'), not its people's adjective."""
    low = mention.text.lower()
    return mention.kind == "bare" and mention.entity is None \
        and (low in NATIONS or is_country(mention.text)) \
        and low not in NATIONALITY_ADJECTIVES and low not in SEATS_OF_POWER


def _delegations(sentence: str) -> dict[tuple[int, int], list[str]]:
    """The countries listed after 'ministers from', 'counterparts from', by where the list is written."""
    lists: dict[tuple[int, int], list[str]] = {}
    for match in DELEGATIONS.finditer(sentence):
        items = [re.sub(r"^the\s+", "", item) for item in LIST_SEPARATOR.split(match["list"])]
        countries = [item for item in items if is_country(item)]
        if countries:
            lists[match.span("list")] = countries
    return lists


def _placed(entity: Entity, mention: Mention, sentence: str, offset: int) -> bool:
    """A name after 'in', 'at' or 'visited' with no role or first name to say it is a person: a place
    the gazetteer does not know ('troops in Lashkar Gah')."""
    before = sentence[max(0, mention.start - offset - 20):mention.start - offset]
    named = bool(entity.roles) or first_name_gender(entity.name.split()[0]) is not None
    return not named and bool(PLACE_CUE.search(before)) and not SPOKEN_TO.search(before)


def _common_words(entity: Entity) -> bool:
    """A 'person' that is a place, has a function word, or is only capitalised ordinary words ('Framework
    Convention', 'Land Use'): a headline fragment or a thing, unless a first name or a role says otherwise."""
    words = entity.name.split()
    ends = {words[0].lower(), words[-1].lower()}
    if any(w in COMMON or w.lower() in HEADLINE_WORDS for w in words) or ends & PLACE_HEADS \
            or words[-1].lower() in EVENT_NAME_ENDS or canonical_place(entity.name) is not None:
        return True  # 'Is Open' of a headline, 'Lashkar Gah', 'Hiroshima Summit': not someone
    return not entity.roles and first_name_gender(words[0]) is None and all(_ordinary(w) for w in words)


def _ordinary(word: str) -> bool:
    """An English word, inflected or not ('Receiving Letters' is no one's name)."""
    low = word.lower()
    stems = (low, low[:-1] if low.endswith("s") else "", low[:-3] if low.endswith("ing") else "",
             low[:-3] + "e" if low.endswith("ing") else "", low[:-2] if low.endswith("ed") else "",
             low[:-1] if low.endswith("ed") else "")
    return any(is_english_word(stem) for stem in stems if len(stem) > 2)


def _glued_to_place(name: str) -> bool:
    """A name run into the dateline's place ('Xinhua News Agency Moscow'), not a body of that place."""
    words = name.split()
    return (len(words) > 2 and words[-2].lower() not in ("of", "in", "for")
            and canonical_place(words[-1]) is not None)


def _reporter_end(sentence: str, mentions: list[Mention], offset: int, trigger: int) -> int:
    """Where the words of whoever reports the event end ('The ministry, in a statement, said the two
    ministers met'): the verb of reporting before the trigger whose clause has a subject of its own."""
    verbs = list(REPORTING.finditer(sentence, 0, trigger))
    if not verbs:
        return 0
    verb = verbs[-1]
    # 'said the two ministers met': the clause has a subject of its own
    start = SUBJECT_START.match(sentence, verb.end())
    after = start.end() if start else verb.end()
    subject = any(m.start - offset == after for m in mentions) \
        or GROUP_REFERENCE.match(sentence, after) is not None
    return verb.start() if subject and after < trigger else 0


def _topic(sentence: str, start: int, topics: list[int]) -> bool:
    """Whether the name at `start` follows 'discussed' or 'relations between' (ending at one of `topics`)
    in its clause, with no 'with' (which names who talked) in between."""
    last = max((end for end in topics if start - TOPIC_REACH <= end <= start), default=None)
    return last is not None and TOPIC_BREAK.search(sentence, last, start) is None


def _bystander(sentence: str, start: int, end: int, topics: list[int]) -> bool:
    """A name cited as the source of the report ('citing the Russian ministry', ', the ministry said'), or
    what was talked about ('discussed relations between Ukraine and the EU', ending at one of `topics`), not
    a participant."""
    if _topic(sentence, start, topics):
        return True
    return bool(SOURCE_BEFORE.search(sentence, max(0, start - 20), start)) or bool(
        TAIL_SOURCE.match(sentence, end)
        and re.search(r",\s*(?:the\s+)?[\w\s'’.()-]{0,30}$", sentence[:start]))


def _is_body(name: str) -> bool:
    """An institution worth naming as a participant (a ministry, NATO), not a stray capitalised word."""
    words = name.split()
    if len(words) == 1 and is_english_word(name):
        return False  # 'his Cabinet post', 'the Presidency announced': a common noun capitalised
    if words[-1].lower() in EVENT_NAME_ENDS:
        return False  # 'the ASEAN Defence Ministers’ Meeting': the event itself, not who takes part
    return name[:1].isupper() and bool(set(normalise_name(name).split()) & INSTITUTION_WORDS)


def _place(sentence: str, trigger: re.Match[str]) -> str | None:
    """Where the sentence puts the event: a place near its trigger after 'in', 'at', 'to' or 'visit'."""
    low, high = max(0, trigger.start() - PLACE_BEFORE), trigger.end() + PLACE_AFTER
    for place in recognise_places(sentence[low:high + 40]):
        for written in _written_forms(place):
            for match in re.finditer(rf"\b{re.escape(written)}\b", sentence, re.I):
                if low <= match.start() <= high and PLACE_CUE.search(
                        sentence[max(0, match.start() - 20):match.start()]):
                    return place
    return None


def _written_forms(place: str) -> list[str]:
    return sorted(place_variants(place), key=len, reverse=True)


def _event(kind: str, n: int, sentence: str, names: list[str], place: str | None,
           when: WrittenDate | None) -> Event:
    return Event(kind=kind, paragraph=n, summary=sentence, participants=tuple(names), place=place,
                 date=when.iso if when else None, date_text=when.text if when else None)


def _detail(found: list[Event], event: Event, trigger: re.Match[str]) -> bool:
    """Fold 'Both leaders discussed trade' into the call or meeting just reported by (some of) the same
    people: what they discussed there, not another event."""
    last = found[-1] if found else None
    if last is None or trigger[0].lower() != "discussed" or event.paragraph - last.paragraph > 1 \
            or not set(event.participants) <= set(last.participants):
        return False
    found[-1] = replace(_merged(last, event), place=last.place)  # 'developments in Kabul' is a topic
    return True


def _add(found: list[Event], event: Event, definite: bool, another: bool = False) -> None:
    """Record an event, or fold it into an earlier mention of the same one ('the call' after 'a call');
    `another` one ('he also met', 'earlier, she visited') is new, unless the same people 'also discussed'."""
    for family in (False, True):  # 'the meeting' after 'held talks' is those talks, unless a meeting was
        for n in range(len(found) - 1, -1, -1):
            again = another and not (event.kind in TALKING_KINDS and found[n].kind in TALKING_KINDS
                                     and set(event.participants) == set(found[n].participants))
            if not again and _same(found[n], event, definite, family):
                found[n] = _merged(found[n], event)
                return
    found.append(event)


def _same(a: Event, b: Event, definite: bool, family: bool = False) -> bool:
    """Whether b is a later mention of a: the same kind (or, for a definite reference and `family`, a kind
    of the same family: 'the meeting' of talks), nothing contradicting, and shared people or a definite
    reference ('the call')."""
    if a.kind != b.kind and not (family and {a.kind, b.kind} <= TALKING_KINDS and (
            definite or set(b.participants) <= set(a.participants))):
        return False
    if a.date_text and b.date_text and _day_words(a.date_text) != _day_words(b.date_text) and (
            a.date != b.date or a.date is None):
        return False
    if a.place and b.place and a.place != b.place:
        return False
    theirs, these = set(a.participants), set(b.participants)
    if a.kind in GATHERINGS and theirs and these and not theirs & these:
        return False  # 'the EU summit' is not the NATO summit before it
    if definite:
        return True
    # the same people, or some of them ('Lee met Hale and Ozols. Lee and Hale discussed ...'); 'Lee met
    # Hale' and 'Lee met Ozols' are two meetings
    return bool(theirs & these) and (theirs <= these or these <= theirs)


def _day_words(text: str) -> str:
    return re.sub(r"^on\s+|['’]s$", "", text.lower())


def _merged(a: Event, b: Event) -> Event:
    """a with what b adds. A visit or a call mentioned again ('during the visit he met ...') is only
    referred to, so the people of that sentence join it only when a had nobody."""
    mention = a.participants and a.kind not in LOCAL_KINDS
    extra = () if mention else tuple(p for p in b.participants if p not in a.participants)
    names = tuple(_once([*a.participants, *extra]))
    dated = a if a.date_text else b
    return replace(a, participants=names, place=a.place or b.place, date=dated.date,
                   date_text=dated.date_text)
