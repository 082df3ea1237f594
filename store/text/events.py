"""Event extraction: meetings, talks, calls, visits, invitations, conferences, sanctions."""

from __future__ import annotations

import re
from dataclasses import replace

from clipdesk.store.text.attribution import Discourse, Entity, Mention, scan
from clipdesk.store.text.dates import WrittenDate, find_date, year_in
from clipdesk.store.text.lexicon import (
    NATIONS,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    is_english_word,
    sentences,
)
from clipdesk.store.text.model import Article, Event
from clipdesk.store.text.parties import (
    DELEGATION_HINT,
    DELEGATIONS,
    GROUP_REFERENCE,
    PLACE_CUE,
    TOPIC_WORD,
    WORD,
    bystander,
    common_words,
    is_country_word,
    once,
    participants,
    reporter_end,
    spokesperson,
)
from clipdesk.store.text.places import (
    canonical_place,
    country_of,
    is_country,
    place_variants,
    recognise_places,
)
from clipdesk.store.text.venues import Venue, background, holders, inside, venues

# Kinds in order of precedence (a sentence reporting an invitation to visit is an invitation), the word
# stems that must be present before the pattern is tried, and the pattern.
TRIGGERS: tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...] = tuple(
    (kind, tuple(stems.split()), re.compile(pattern, re.I)) for kind, stems, pattern in (
        ("invitation", "invit", r"\binvit(?:ation|ations|e|ed|es|ing)\b"),
        ("phone call", "call phone conversation",
         r"\b(?:phone|telephone|video)[- ](?:call|calls|conversation|talks?)\b"
         r"|\b(?:spoke|talked)\s+(?:(?:to|with)\b[^;]{0,80}?\s)?(?:by|on\s+the|over\s+the)\s+(?:tele)?phone\b"
         r"|\b(?:tele)?phoned\b"
         r"|\b(?:the|a|this|that|their|[’']s)\s+call\b(?!\s+(?:for|on|to|from)\b)"
         # 'Varga called Chancellor Ute Brandt on Sunday': a person called another, then when or why
         r"|(?<=[A-Za-z] )\bcalled\s+(?:(?-i:[A-Z])[\w'’.-]+\s+){1,4}"
         r"(?=(?:on|to|late|early|yesterday|last|this)\b)"),
        ("summit", "summit", r"\bsummit\b"),
        ("conference", "conference forum", r"(?<!press )(?<!news )\bconference\b(?!\s+call)|\bforum\b"),
        ("visit", "visit trip travel arrived",
         r"\bvisit(?:s|ed|ing)?\b|\btrip\s+to\b|\btravell?ed\s+to\b|\barrived\s+in\b"),
        ("meeting", "meet met hosted hosts hosting welcomed welcomes welcoming credence credentials courtesy "
         "received",
         # 'hosted President X to a dinner', 'welcomed the President, X, to Downing Street', 'received
         # Letters of Credence from the Ambassador', 'paid a courtesy call on President X', 'was received
         # by Foreign Minister X'
         r"\bhost(?:ed|s|ing)\s+(?=(?-i:[A-Z]))(?!(?-i:[A-Z])\w*\s+(?:summit|conference|forum|talks)\b)"
         r"|\bcourtesy\s+(?:call|visit)\s+on\b|\b(?:was|were)\s+received\s+by\s+(?=(?:the\s+)?(?-i:[A-Z]))"
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
        # 'Pakistan and Turkiye signed a trade agreement', 'ink landmark deal', 'the signing of the accord'
        ("agreement", "sign ink",
         r"\b(?:sign(?:ed|s|ing)?|ink(?:ed|s)?)\b(?:\s+(?!that\b|up\b)[\w’'-]+){0,4}?\s+"
         r"(?:agreements?|accords?|deals?|pacts?|treaty|treaties|memorand(?:um|a)|mous?)\b"),
    ))
SANCTION_STEMS = ("sanction", "blacklist")
# Whom sanctions are put on: 'sanctions on Russia', 'against 14 Belarusian officials' (not 'on Russia's
# company Wagner': the company).
SANCTIONED = re.compile(r"\bsanctions?\s+(?:on|against)\s+(?:(?:\d+|[a-z]+)\s+){0,3}"
                        r"(?P<word>[A-Z][\w-]+)\b(?!['’])")
SANCTION_REACH = 40  # characters after the trigger searched for whom the sanctions are on
ANY_STEM = tuple(dict.fromkeys([stem for _, stems, _ in TRIGGERS for stem in stems] + list(SANCTION_STEMS)))
SANCTIONS = re.compile(
    r"\b(?:impos\w*|slap\w*|announc\w*|adopt\w*|introduc\w*|unveil\w*|approv\w*|levie[sd]|agreed|extend\w*"
    r"|expand\w*|hit|hits)\b[^.;]{0,60}?\bsanctions?\b|\bsanctioned\b|\bblacklist(?:ed|ing|s)?\b", re.I)
# Words shortly before a trigger that make it a wish, a condition or a denial, not something that happened.
_HYPOTHETICAL_WORDS = """any no without cannot can't can must should would could might if unless
want wants wanted not never won't wouldn't urge urged urges urging
demand demands demanded need needs needed willingness readiness ready begin resume refuse refused refuses
hope hopes hoped hoping possibility possible
considering consider considers considered may proposed propose proposes offer offered offers seek seeks
sought seeking aim aims aimed aiming next whether open return willing upcoming
prepare prepares preparing intention intentions arrange invite invites invited inviting invitation
committal noncommittal reluctant future potential decline declined declines declining reject rejected
rejects rejecting requesting requested request requests organise organize organising organizing arranging
restore restoring restoration resumption"""
HYPOTHETICAL = frozenset(_HYPOTHETICAL_WORDS.split())
# Words shortly before a trigger that announce it as planned: 'Hale will visit Riga', 'she plans to meet Lee'.
_PLAN_WORDS = """will shall ll plan plans planned planning expected expects schedule scheduled intend intends
intended due"""
PLAN_WORDS = frozenset(_PLAN_WORDS.split())
FUTURE = re.compile(r"\b(?:will|shall)\b|['’]ll\b")
# A plan stated after its trigger: 'talks will be held on July 1', 'the visit is scheduled for May'.
PLANNED_AFTER = re.compile(r"(?:(?!\bthat\b)[^,.;:]){0,50}?\b(?:will\s+(?:be\s+held|take\s+place)"
                           r"|(?:is|are)\s+(?:planned|scheduled|expected|due))\b")
# A clause that opens with a condition: 'If Lee meets Hale next week, the deal could be signed.'
CONDITIONAL = re.compile(r"(?:if|unless|whether|should|in\s+case)\b")
# How two people first met, not a meeting: 'the couple, who met while working at a nature preserve'.
HOW_THEY_MET = re.compile(
    r"\s+(?:while|when|as)\s+(?:\w+\s+)?\w+ing\b|\s+(?:at|in)\s+(?:university|college|school)\b")
HYPOTHETICAL_PHRASES = ("moment to", "time to", "chance to", "opportunity to", "rather than", "instead of",
                        "focus on", "rule out", "ruled out", "calls for", "called for", "call for", "was to",
                        "were to", "prepared to", "ahead of", "hold out on", "holds out on", "holding out on",
                        "held out on", "calling for", "asking for", "asked for", "asked the", "asked him",
                        "asked her", "turned down", "failed to", "fails to", "fail to")
# 'was set to' is what would have been: UNREAL_BEFORE
PLAN_PHRASES = ("is to", "are to", "set to", "agreed to", "decided to", "promised to", "promises to")
# Words anywhere before a trigger in its sentence that make it a plan, a question, what would have been or
# what is denied: 'he was set to be welcomed ..., followed by a meeting', 'he was scheduled to chair a
# meeting yesterday', 'asked whether she will attend
# the conference', 'she had been due to visit', 'his spokesman denied that he met'.
UNREAL_BEFORE = re.compile(r"\b(?:would|whether|(?:was|were)\s+(?:set|scheduled)\s+to"
                           r"|(?:had\s+been|was|were)\s+due\s+to"
                           r"|den(?:ied|ies|y|ying)(?:\s+(?:reports?|claims?))?\s+that)\b")
# A role named after the event ('the spokesman for the talks', 'envoy to the summit'): a title, not news.
ROLE_OF = re.compile(r"\b(?:spokes(?:man|woman|person)|envoy|negotiator|delegate|representative|chief|head)"
                     r"\s+(?:for|to|at|of)\s+(?:the\s+)?(?:[\w-]+\s+)?$")
# Words anywhere in a sentence that say its meeting did not happen, or that it only mentions one.
CALLED_OFF = re.compile(
    r"\b(?:cancel(?:l?ed|l?ing|s|lation)?|call(?:ed|s)?\s+off|postpon(?:e|ed|es|ing|ement)|put\s+off|"
    r"scrapped|delayed|on\s+hold|suspend(?:ed|s)?|did\s+not\s+(?:respond|answer|take\s+place|happen|disclose|give|provide|reveal)|didn[’']t\s+(?:respond|happen)|"
    r"no\s+(?:response|reply|details)|unclear|uncertain|not\s+(?:planned|yet)|yet\s+to\s+be|fell\s+through"
    r"|no\s+longer"
    r"|would\s+have)\b", re.I)
# A second clause that only plans another event: 'X called Merkel and plans to call Macron soon'.
PLANNED_CLAUSE = re.compile(r"(?:,|\band\b|\bbut\b|\bwhile\b)\s+(?:\w+\s+)?(?:also\s+)?"
                            r"(?:plans?|planned|wants?|hopes?|intends?|expects?|will|would|is\s+to|was\s+to)\b")
GATHERINGS = frozenset({"summit", "conference"})  # named after whoever holds them
TALKING_KINDS = frozenset({"meeting", "talks", "negotiations"})  # 'the meeting' may refer back to talks
# Kinds a noun alone names ('the talks'): with nobody taking part, the sentence only mentions them.
LISTED_WITH = re.compile(r"\s*(?:,|,?\s+and)\s+(?:the\s+)?")  # between names listed together
NOUN_KINDS = frozenset({"talks", "negotiations", "agreement"})  # kept only when someone takes part
LOOKBACK = 40  # characters before a trigger searched for hypothetical words
# Kinds that happen in one place, so an article's dateline can place them when the sentence does not.
LOCAL_KINDS = frozenset({"meeting", "talks", "negotiations", "conference", "summit"})
LEAD_PARAGRAPHS = 3  # the dateline places events reported within this many paragraphs
# Modal words after a trigger in its clause: 'talks between the two sides could begin' is a possibility,
# 'talks will prove difficult' a forecast, and 'for talks to take place' a condition, not an event.
MODAL_AFTER = re.compile(r"(?:(?!\bthat\b)(?:[^,.;:]|(?:(?<=mr)|(?<=ms)|(?<=dr)|(?<=mrs))\.)){0,60}?\b"
                         r"(?:to\s+(?:take\s+place|happen|begin|start|resume)"
                         r"|could|would|should|must|might|may|cannot|can|will|won't|"
                         r"(?:are|is|was|were|remain|remains)\s+(?:still\s+)?(?:possible|planned|expected|"
                         r"likely|unlikely|scheduled|due))\b")
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
# A trigger that is a verb: 'The Chinese president met X' is a new meeting, not 'the meeting' again.
VERB_TRIGGER = re.compile(r"(?i)(?:met|meets|visited|visits|hosted|hosts|welcomed|welcomes|discussed|"
                          r"travell?ed|arrived|received|was\s+received|were\s+received)\b")
DEFINITE_START = re.compile(r"(?i)(?:the|this|that|their|its|[’']s)\s")
# What a visit is for, another event: 'arrived in Kyiv for talks with', 'travelled to Riga to hold talks'.
PURPOSE = re.compile(r"\b(?:for|to\s+hold)\s+(?:[\w-]+\s+){0,2}?(?P<what>talks|meetings?|negotiations)\b",
                     re.I)
PURPOSE_KINDS = {"talk": "talks", "meeting": "meeting", "negotiation": "negotiations"}
# Words before a trigger that report another event than the one before: 'he also met', 'earlier, she visited'.
ANOTHER = re.compile(r"\b(?:[Aa]lso|[Ee]arlier|[Ll]ater|[Pp]reviously|[Ss]eparately|[Ii]n addition"
                     r"|[Aa]dditionally)\b")
CLAUSE_OPENING = re.compile(r"(?:^|[,;:]|\bthat|\band)\s*(?:[Tt]he\s+)?$")  # before a clause's subject
MONTH_MAY = re.compile(r"(?<=\S )May\b")  # the capital month (or a Mrs May) inside a sentence, not a modal
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
                  if m.entity and m.entity.kind == "person" and not common_words(m.entity)]
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
                    or common_words(entity) \
                    or spokesperson(entity, mentions[number + 1:number + 2], sentence, offset):
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
        reporter = reporter_end(masked, mentions, offset, kinds[0][1].start())
        topics = [m.end() for m in TOPIC_WORD.finditer(masked)]
        taking_part = [m for m in mentions if not bystander(masked, m.start - offset, m.end - offset, topics)
                       and (plan is None or m.start - offset < plan.start())
                       and not inside(m.start - offset, held) and m.start - offset >= reporter]
        if plan is not None:
            sentence = sentence[:plan.start() - (len(masked) - len(masked.lstrip()))].rstrip(" ,")
        cited = {m.entity.name for m in mentions if m.entity and m not in taking_part}
        before = None if self.before is not None and self.before.name in cited else self.before
        # 'According to X, ... his counterpart': the 'his' is not X
        names = participants(taking_part, masked, before, offset, kinds[0][1].start())
        if not names and len(self.named) > 1 and GROUP_REFERENCE.search(masked):
            names = list(self.named)
        if DELEGATION_HINT.search(masked):
            delegations = list(DELEGATIONS.finditer(masked))
            names = once([self._delegate(name, masked, delegations) for name in names])
        low = masked.lower()
        planned = False  # what a planned visit is for is planned too: 'will travel to Riga to meet Hale'
        for number, (kind, trigger, venue) in enumerate(kinds):
            planned = planned or _planned(low, trigger)
            if venue is not None:
                hosts = holders(venue, masked)
                if hosts:
                    when = find_date(masked, self.article.published, self.year, trigger.span())
                    _add(self.found, _event(kind, n, sentence, hosts, _place(masked, trigger), when, planned),
                         False)
                continue
            if kind in ("sanctions", "agreement"):  # 'Chile and Peru signed a pact'
                names = once(names + _subject_countries(masked, taking_part, offset, trigger.start())
                             + (_sanctioned(masked, trigger) if kind == "sanctions" else []))
            elif not names:  # 'Israel and Hamas held talks': the sides are countries and bodies
                names = _subject_countries(masked, taking_part, offset, trigger.start())
            if kind in NOUN_KINDS and not names or trigger[0].lower() == "discussed" and len(names) < 2:
                continue
            purpose = next((t for _, t, _ in kinds[number + 1:] if t.re is PURPOSE), None)
            people = names
            if purpose is not None:  # the visitors are named before 'for talks with ...'
                visitors = [m for m in taking_part if m.start - offset < purpose.start()]
                people = participants(visitors, masked, before, offset, trigger.start()) or names
            setting = next((v for v in venues(masked) if v.trigger and v.trigger.start() == trigger.start()),
                           None)
            if setting is not None:  # 'Lee spoke at the G7 summit': the G7 and Lee; 'ahead of' it: the G7
                people = once([*holders(setting, masked), *([] if setting.ahead else names)])
            when = find_date(masked, self.article.published, self.year, trigger.span())
            place = _place(masked, trigger)
            if place is None and number == 0 and n < LEAD_PARAGRAPHS and kind in LOCAL_KINDS:
                place = self.dateline
            definite = not VERB_TRIGGER.match(trigger[0]) and bool(
                DEFINITE.search(masked, 0, trigger.start()) or DEFINITE_START.match(trigger[0]))
            another = not definite and bool(ANOTHER.search(masked, 0, trigger.start()))
            event = _event(kind, n, sentence, people, place, when, planned)
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


def _has_stem(low: str, stems: tuple[str, ...]) -> bool:
    return any(stem in low for stem in stems)


def _kinds(sentence: str) -> list[tuple[str, re.Match[str], Venue | None]]:
    """The kind of event the sentence reports (at most one, plus sanctions and the summit or conference it
    happened at) and the words that say so."""
    kinds: list[tuple[str, re.Match[str], Venue | None]] = []
    low = MONTH_MAY.sub("mxy", sentence).lower()  # 'in May' is no 'may'; the same length keeps the offsets
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
            purpose = PURPOSE.search(sentence, match.end()) if kind == "visit" else None
            if purpose:  # 'arrived in Kyiv for talks with X': the visit, and the talks it is for
                kinds.append((PURPOSE_KINDS[purpose["what"].lower().rstrip("s")], purpose, None))
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


def _subject_countries(sentence: str, mentions: list[Mention], offset: int, trigger: int) -> list[str]:
    """The countries that are the subject before the trigger, with those listed with them ('Chile and
    Peru signed', 'Chile, Peru and Ecuador imposed')."""
    before = [m for m in mentions if m.start - offset < trigger and (
        m.kind == "bare" and m.entity is None or m.kind == "institution" and _named_body(m))]
    taking: list[Mention] = []
    for m in reversed(before):
        listed = taking and LISTED_WITH.fullmatch(sentence, m.end - offset, taking[-1].start - offset)
        if (m.subject and not taking or listed) and (is_country_word(m) or _named_body(m)):
            taking.append(m)
        elif taking:
            break
    if not any(is_country_word(m) for m in taking) or not CLAUSE_OPENING.search(
            sentence, 0, taking[-1].start - offset):
        return []  # a body listed with a country takes part ('Israel and Hamas'), not bare names alone;
        # 'departed Cairo following talks', 'toward a Gaza ceasefire': the name is no subject
    return [m.entity.name if m.entity else m.text for m in reversed(taking)]


def _named_body(mention: Mention) -> bool:
    """A capitalised single name that is no English word: a movement or group ('Hamas', 'the ELN')."""
    name = mention.text.removeprefix("the ")
    return " " not in name and name[:1].isupper() and not is_english_word(name)


def _sanctioned(sentence: str, trigger: re.Match[str]) -> list[str]:
    """The country that sanctions are put on, by its name or its people's ('sanctions against Belarus',
    'on 14 Russian officials'), as a participant; [] when they are on firms or people of no stated country."""
    target = SANCTIONED.search(sentence, trigger.start(), trigger.end() + SANCTION_REACH)
    if target is None:
        return []
    word = target["word"]
    country = country_of(word) or (canonical_place(word) if is_country(word) else None)
    return [country] if country else []


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
    return bool(PLANNED_AFTER.match(low, match.end(), match.end() + 70)) \
        or not MODAL_AFTER.match(low, match.end(), match.end() + 70)


def _planned(low: str, match: re.Match[str]) -> bool:
    """Whether a trigger that reports something reports it as planned rather than done."""
    before = low[max(0, match.start() - LOOKBACK):match.start()]
    words = {w.split("'")[-1] for w in WORD.findall(before)[-4:]}  # "they'll": ll
    clause = low[low.rfind(",", 0, match.start()) + 1:match.start()]  # 'will travel to Riga to meet'
    return bool(PLAN_WORDS.intersection(words)) or any(p in before for p in PLAN_PHRASES) \
        or bool(FUTURE.search(clause)) \
        or bool(PLANNED_AFTER.match(low, match.end(), match.end() + 70))


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
           when: WrittenDate | None, planned: bool) -> Event:
    return Event(kind=kind, paragraph=n, summary=sentence, participants=tuple(names), place=place,
                 date=when.iso if when else None, date_text=when.text if when else None, planned=planned)


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
    names = tuple(once([*a.participants, *extra]))
    dated = a if a.date_text else b
    return replace(a, participants=names, place=a.place or b.place, date=dated.date,
                   date_text=dated.date_text, planned=a.planned and b.planned)
