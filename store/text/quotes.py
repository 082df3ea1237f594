"""Quotation extraction for a cleaned article: find quoted spans, then attribute each to a speaker."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from clipdesk.store.text.attribution import (
    BRACKET_RE,
    JOINED_AFTER_RE,
    LOCATIVE_BEFORE_RE,
    LOCATIVE_REACH,
    OBJECT_BEFORE_RE,
    Discourse,
    Entity,
    Mention,
    apposed,
    aside_end,
    is_plural_role,
    role_speaker,
    scan,
    speaker_of,
)
from clipdesk.store.text.documents import NOUNS, document_mentions, speaks
from clipdesk.store.text.lexicon import (
    ABBREVIATION_RE,
    CUE_RE,
    GROUP_NOUNS,
    INDEFINITE,
    REPORTING_VERBS,
    UNNAMED_SUBJECTS,
    first_name_gender,
    is_cue,
    is_participle,
)
from clipdesk.store.text.model import Article, Quote
from clipdesk.store.text.places import is_country
from clipdesk.store.text.spans import TRIM, Span, find_spans, spans_by_paragraph
from clipdesk.store.text.unmarked import unmarked_quotes

SENTENCE_END_RE = re.compile(r"(?<!\b[A-Z])[.!?](?=\s+[A-Z“\"‘«(]|[“«]|\s*$)")  # also glued: "Friday.“We"
CREDIT_WORDS = 10  # a sentence after a quotation that only credits it is shorter than this
FRAGMENT_WORDS = 3  # a quoted phrase this short may be a name or label (a scare quote), not speech
# Words before a quoted phrase that make it a noun's name: 'the “Kremlin report”', 'a “breakage plane”'.
LABEL_BEFORE_RE = re.compile(r"(?:\b(?:the|a|an|this|that|its|their|his|her|our|so-called|dubbed|"
                             r"nicknamed|known\s+as))\s*[\"“‘«']?$")
# A quoted title of a report, a book or a film: 'a report entitled “Empire of Hacking”', 'the book “City of
# Gold”' names, not speaks.
TITLED_RE = re.compile(r"\b(?:entitled|titled|headlined|(?:book|paper|film|novel|album|song|study|documentary"
                       r"|memoir|report),?)\s*$")
NAME_LINE_REST_RE = re.compile(r"\s*(?:\([^()]{0,60}\)|[,–—-]\s*[^.!?]{0,60})?\s*:?\s*")
VERB_AFTER_RE = re.compile(r",?\s+(?:also\s+|then\s+)?[a-z]+(?:ed|s)\b")  # 'Ann Lee shared', ', who spoke'
# '"…," he estimated in the article': any verb in the past right after the closing mark and its speaker
PAST_AFTER_RE = re.compile(
    r"\s+([a-z]{3,}ed)\b(?=\s*[.,;]|\s+(?:in|on|at|during|after|before|to|while|when|about|of)\b)")
# 'according to a press statement signed by X': the document's signatory
ACCORDING_BY_RE = re.compile(r"(?i:according\s+to)\s+(?:a|an|the|his|her|its)\s+(?:[\w-]+\s+){0,3}?"
                             r"(?:signed|issued|released|sent)?\s*by\s+$")
# 'Ann Lee thanking her predecessor', 'Ann Lee believes ...', 'Ann Lee in her first speech', under her words
DOING_RE = re.compile(r",?\s+(?:[a-z]+ing|[a-z]+s|in\s+(?:his|her|their|its|a|an|the))\b")
# what a lead-in says follows ('The full text of the statement:', 'X made the following remarks:')
DOCUMENT_NOUN_RE = re.compile(rf"\b(?:{NOUNS}|text|transcript|remarks|comments|speech|address)\b")
BY_BEFORE_RE = re.compile(r"\b(?:by|from)\s+$")  # 'Remarks by', 'A message from'
QUOTED_BEFORE_RE = re.compile(r"(?i)\bquot(?:ed|ing)\s+$")  # 'Quoting Jane Doe:': the one quoted speaks
QUOTED_PRONOUN_RE = re.compile(r"(?i)\bquot(?:ed|ing)\s+(him|her)\b(?:\s+as\s+saying)?\s*:?\s*$")
# '“…,” Karim quoted him as telling the premier.': the him or her speaks, not whoever quotes them
QUOTED_PRONOUN_AFTER_RE = re.compile(r"[\s,]*(?:[\w.'’-]+\s+){1,4}quot(?:ed|es)\s+(him|her)\s+as\s+"
                                     r"(?:saying|telling|stating)\b")
LEAD_RE = re.compile(r"[\s,;:.!?—–-]*")
# 'the ', 'party ', "the journal's ", 'trial participant ', 'Tambov region '
MODIFIERS_RE = re.compile(r"the\s+|(?:the\s+)?(?:[A-Z][\w-]*\s+){0,2}(?:[a-z][\w-]*(?:['’]s)?\s+){1,2}")
COMPLEMENT = r"\s+(?:of|from|at|for)\s+(?:the\s+)?(?:[a-z0-9-]+\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*"
ADVERBS = r"(?:also|has|had|have|was|is|later|then|again|further|once|previously|earlier|repeatedly|" \
          r"will|would|(?:is|was|are)\s+(?:expected|set|due|going)\s+to|on\s+[A-Z]\w+|\w+ly|" \
          r"today|yesterday|tonight|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|" \
          r"himself|herself|itself|themselves|" \
          r"(?:on|in|via)\s+(?:his|her|its|their)\s+(?:[\w-]+\s+){0,2}?" \
          r"(?:page|account|handle|blog|website),?|(?:on|upon)\s+(?:his|her|their)\s+(?:arrival|return|departure))"
# 'X said', 'X, also, said', 'X of the Teachers Union said'
CUE_AFTER_RE = re.compile(rf",?(?:{COMPLEMENT})?(?:,?\s+{ADVERBS})*\s+({CUE_RE.pattern})")
# 'Ms Callaghan who represents Uddingston and Bellshill, said': a relative clause with no comma before it,
# between a name and the cue, which any name inside it does not take
WHO_CLAUSE_RE = re.compile(r"\s+who\s+[a-z][^.;:!?“”\"]{0,120}?,?\s+")
OPENING_MARK_RE = re.compile(r"[“\"«]")
QUOTED_BEFORE_NAME_RE = re.compile(r"\bquoted\s+(?:(?:[A-Z][\w.-]*|the)\s+){0,3}$")  # 'quoted President '
QUOTED_AS_AFTER_RE = re.compile(rf"\s+as\s+(?:{CUE_RE.pattern})")
INVERTED_CREDIT_RE = re.compile(rf"[,”\"]\s*(?:{CUE_RE.pattern})\s+$")  # ', said Cavusoglu', '” said Lee'
RELATIVE_WHO_RE = re.compile(rf",\s+who(?:\s+{ADVERBS})*\s+")  # 'Jane Roe, who then said'
# ', adding that ', ', adding, ' between a credit and the quotation that follows it
PARTICIPLE_TAIL_RE = re.compile(r",\s+([a-z]+ing)(?:\s+that)?[\s,:]*")
GAP_RE = re.compile(rf"(?:\s*,[^,.;:“”\"]{{1,90}},|\s*,|{COMPLEMENT})?(?:\s+{ADVERBS})*\s+")
COMPLEMENT_RE = re.compile(r"\b(?:of|from|at|for)\s+(?:the\s+)?(?:(?!which|who|that)[a-z0-9][\w-]*\s+)?$")
# A speech verb after a possessor is an adjective: "India's stated position", 'his reported remarks'.
POSSESSOR_RE = re.compile(r"(?:\w['’]s|\b(?:his|her|its|their|our|my|your))\s+$", re.I)
ROLE_COMPLEMENT_RE = re.compile(  # '... of the talks', '... of Supply Chain and Customs Policy'
    r"\s+(?:(?:for|of|at|on|to)\s+(?:the\s+)?(?:[a-z-]+\s+){1,3}|(?:and|&)\s+(?:[A-Z][\w'’-]*\s+){0,4})")
# '... to China Jose Santa Romana': a country, then the holder's name (see _held_in_country)
PLACE_COMPLEMENT_RE = re.compile(r"\s+(?:for|of|at|on|to|in)\s+(?:the\s+)?")
DASH_LEAD_RE = re.compile(r"[\s,]*[–—-]\s*")
GOES_ON_LEAD_RE = re.compile(r"\s*(?:Adding|Continuing|Concluding)\s*[,;:–—-]?\s*")  # 'Adding; “…”'
PAIR_AFTER_RE = re.compile(
    rf"[\s,]*(?:[Tt]he\s+two|[Bb]oth)(?:\s+[a-z]+)?\s+[a-z]+s\s+(?:also\s+)?({CUE_RE.pattern})")
HELD_IN_RE = re.compile(r"\s+(?:for|of|at|in|to)\s+[^,.;:“”\"]{1,60}?,?\s+")  # ' for the Foreign Office, '
DOCUMENT_FIRST_RE = re.compile(r"(read|reads|added|included|includes|continued)\s+")  # its verb before it
MET_BEFORE_RE = re.compile(r"\b(?:met|meets|received|welcomed|hosted|thanked|visited|invited|called\s+on"
                           r"|told|urged|informed|asked)\s+(?:with\s+)?(?:the\s+|his\s+|her\s+)?$")
DESCRIBED_AFTER_RE = re.compile(
    rf"[\s,]*the\s+(?:[a-z0-9][\w-]*\s+){{0,3}}?(?P<noun>[a-z][\w-]*)\s+(?:also\s+)?(?P<cue>{CUE_RE.pattern})")
DESCRIBED_FRONTED_RE = re.compile(  # '‘…,’ said the man who led them to success'
    rf"[\s,]*(?P<cue>{CUE_RE.pattern})\s+the\s+(?:[a-z0-9][\w-]*\s+){{0,3}}?(?P<noun>[a-z][\w-]*)\b(?!\s+[A-Z])")
DESCRIBED_REACH = 2  # paragraphs back in which the quotation whose speaker a description refers to may be
# What may come between a credit line's dash and the name: "Ivory Coast's", 'A prophetic comment from
# Senegal star'
CREDIT_LEAD_RE = re.compile(r"(?:[A-Z][\w.-]*(?:['’]s)?\s+){0,3}(?:[a-z]+\s+)?"
                            r"|(?:(?i:an?|the)\s+)?(?:[a-z]+\s+){0,3}(?:from|by)\s+"
                            r"(?:[A-Z][\w.-]*\s+){0,3}(?:[a-z]+\s+)?")
CONJUNCT_RE = re.compile(r"(?:\band|\bbut|,)\s+(?:\w+ly\s+|also\s+|then\s+)*$")
FULL_STOP_RE = re.compile(r"\s+[A-Z“\"«‘]|(?<=[”»])[A-Z]")  # also glued: "talks.”Island Premier …"
PASSIVE_RE = re.compile(r"\b(?:be|been|being|was|were|is|are)\s+(?:\w+ly\s+)?$")
ACCORDING_RE = re.compile(r"according to\s+")
UNNAMED_RE = re.compile(
    rf"(?:a|an|the|one|two|three|several|some|other|senior|officials|sources|people|diplomats|analysts)\s+"
    rf"(?:[\w’'-]+\s+){{0,6}}?({CUE_RE.pattern})")
UNNAMED_SUBJECT_RE = re.compile(
    rf"\s*(?:(?:many|some|other|several)\s+)?(?:{'|'.join(sorted(UNNAMED_SUBJECTS))})\b", re.I)
POSSESSIVE_RE = re.compile(r"\b(?:[Hh]is|[Hh]er)\b")
# a sentence that is only a lead-in to the words it introduces: 'His words, “…”', 'In her own words:'
WORDS_LEAD_RE = re.compile(r"^\s*(?:[Ii]n\s+)?(?:[Hh]is|[Hh]er)\s+(?:own\s+)?words\s*[,:]\s*$")
FRONTED_CUE_RE = re.compile(r"\s*(Said|Says|Added|Adds|Wrote|Writes)\s")  # the verb first: 'Said X, “…”'
BULLET_RE = re.compile(r"[•●▪◦‣∙*]\s")  # a paragraph that is an item of a list
LIST_LEAD_REACH = 2  # paragraphs before a list in which the person it reports may be named
ANONYMOUS_RE = re.compile(r"\b(?:on\s+(?:the\s+)?condition\s+of\s+anonymity"
                          r"|(?:was|is|were|are)\s+not\s+authori[sz]ed\s+to\s+(?:speak|talk|comment))\b")
SUBORDINATE_RE = re.compile(r"\s*[\"“]?(?:Although|Though|While|Whilst|After|When|Since|Despite|Before)\s")
# between a body and the person it employs: 'Harvard University political scientist', 'University of
# Wisconsin law professor'
EMPLOYER_ROLE_RE = re.compile(
    r"(?:\s+[A-Z][\w'’-]*)*(?:\s+(?!(?:and|or|with|to|for|of|in|at|by)\s)[a-z][\w-]*){1,3}\s+")
DESCRIPTOR_RE = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,4}?(?=[A-Z])")
# A name between commas after an unnamed role: 'the commander, Samson, 55, who ...'.
APPOSED_RE, APPOSED_END_RE = re.compile(r",\s*"), re.compile(r"\s*(?:[,.;]|$)")


def _mask(paragraph: str, spans: list[Span]) -> str:
    chars = list(paragraph)
    for span in spans:
        chars[span.start:span.end] = " " * (span.end - span.start)
    return "".join(chars)


def _sentence_start(masked: str, pos: int, floor: int) -> int:
    start = floor
    for match in SENTENCE_END_RE.finditer(masked, floor, pos):
        if not ABBREVIATION_RE.search(masked, max(0, match.start() - 6), match.start()):
            start = match.end()
    return start


def _sentence_end(masked: str, pos: int) -> int:
    for match in SENTENCE_END_RE.finditer(masked, pos):
        if not ABBREVIATION_RE.search(masked, max(0, match.start() - 6), match.start()):
            return match.end()
    return len(masked)


def _mention_at(mentions: list[Mention], pos: int) -> Mention | None:
    return next((m for m in mentions if m.start == pos), None)


def _after(masked: str, span: Span, stop: int,
           mentions: list[Mention]) -> tuple[Mention | None, str | None] | None:
    """Attribution right after the closing mark: ', he said', ', said Shoigu', ', according to X';
    ', a source close to the talks said' gives the cue with no speaker."""
    lead = LEAD_RE.match(masked, span.close_mark + 1)  # matches, if only the empty string
    pos = lead.end() if lead else span.close_mark + 1
    window = [m for m in mentions if pos <= m.start < stop]
    for mention in window:
        if _quoted_as(masked, mention, speaking=True):
            return mention, "quoted"
    quoted = QUOTED_PRONOUN_AFTER_RE.match(masked, span.close_mark + 1)
    if quoted:
        pronoun = "he" if quoted[1].lower() == "him" else "she"
        return Mention(quoted.start(1), quoted.end(1), "pronoun", pronoun), "quoted"
    first = _mention_at(window, pos)
    if first is None or first.kind == "bare" and first.entity is None:  # 'Tambov region Governor X said'
        first = _role_holder_at(masked, window, pos) or first
    verb = speaks(masked, first) if first and first.kind == "document" else None
    if first and verb:
        return first, verb
    fronted = DOCUMENT_FIRST_RE.match(masked, pos)
    document = _mention_at(window, fronted.end()) if fronted else None
    if fronted and document and document.kind == "document":
        return document, fronted[1]  # '“…,” read a statement from the party.'
    if first:
        end = aside_end(masked, first.end) if first.kind == "person" else None
        cue = CUE_AFTER_RE.match(masked, first.end) or end and CUE_AFTER_RE.match(masked, end + 1) \
            or (PAST_AFTER_RE.match(masked, first.end) if first.kind in ("person", "pronoun") else None)
        if cue:
            return first, cue.group(1)
        joint = _joint_speaker(masked, first, window) or _member_of(masked, first, window)
        if joint:
            return joint
        introduced = _named_after_role(masked, first, window)
        if introduced:
            return introduced
    # a name after a dash credits the quotation: '"…" – Wigan's Roberto Martinez after a 4-0 defeat'
    dash = DASH_LEAD_RE.match(masked, span.close_mark + 1)
    named = next((m for m in window if m.kind == "person" and m.entity), None) if dash else None
    if named and dash and _possessor_only(masked[dash.end():named.start]):
        return named, None
    cue = CUE_RE.match(masked, pos)
    if cue and not is_participle(cue.group().lower()):  # '…,” urging Moscow to': Moscow is spoken to
        between = DESCRIPTOR_RE.match(masked, cue.end())
        # 'said his lawyer Ann Lee', 'said mayoral candidate Ann Lee': the mention opens at its role
        after = _mention_at(window, cue.end() + 1) or between and next(
            (m for m in window if cue.end() < m.start <= between.end()), None)
        if after and after.kind in ("institution", "bare"):
            # 'said Harvard University political scientist Ryan Owens': the body is where the person works
            person = next((m for m in window if m.start > after.end and m.kind == "person" and m.entity),
                          None)
            if person and EMPLOYER_ROLE_RE.fullmatch(masked, after.end, person.start):
                return person, cue.group()
        if after and cue.group() in ("reported", "reports") and _speaks_before(masked, span, mentions):
            return None  # 'X has said … “…”, reported Al Jazeera.': the outlet reports X's words
        if after:
            holder = _apposed(masked, after, window) or _holder_named(masked, after, window)
            return holder or after, cue.group()
    according = ACCORDING_RE.match(masked, pos)
    if according:
        after = _mention_at(window, according.end())
        if after:
            return after, "according to"
    unnamed = UNNAMED_RE.match(masked, pos)
    return (None, unnamed.group(1)) if unnamed else None


def _joint_speaker(masked: str, first: Mention, window: list[Mention]) -> tuple[Mention, str] | None:
    """The first of two who speak together: '“…,” Foreign Minister Ann Lee and Energy Minister Tom Roe said
    in a joint statement'."""
    joined = JOINED_AFTER_RE.match(masked, first.end)
    speaking = ("person", "institution")
    if first.kind not in speaking or first.entity is None or joined is None:
        return None
    second = next((m for m in window if m.start == joined.end() and m.kind in speaking), None)
    cue = CUE_AFTER_RE.match(masked, second.end) if second else None
    return (first, cue.group(1)) if cue else None


def _member_of(masked: str, body: Mention, window: list[Mention]) -> tuple[Mention, str] | None:
    """The person named after a party or body and its bracketed initials: '“…,” Shiv Sena (UBT) MP
    Sanjay Raut said'."""
    bracket = BRACKET_RE.match(masked, body.end)  # ' (UBT)'
    after = bracket.end() + masked.startswith(" ", bracket.end()) if bracket else -1
    person = next((m for m in window if m.start == after), None)
    if person is None or person.kind != "person" or person.entity is None:
        return None
    cue = CUE_AFTER_RE.match(masked, person.end)
    return (person, cue.group(1)) if cue else None


def _speaks_before(masked: str, span: Span, mentions: list[Mention]) -> bool:
    """Whether someone is the subject of a verb of saying earlier in the quotation's sentence."""
    start = _sentence_start(masked, span.open_mark, 0)
    return any(m.subject and m.kind in ("person", "pronoun", "role") and m.entity
               and CUE_AFTER_RE.match(masked, m.end) for m in mentions if start <= m.start < span.open_mark)


def _role_holder_at(masked: str, mentions: list[Mention], pos: int) -> Mention | None:
    """A named person whose role follows a word or two of lower case that the mention does not take in:
    '"…," party spokesman Aung Min said', '"…," the journal's editor Ann Lee wrote', '"…," trial
    participant Sascha Roth told the Post'."""
    for mention in mentions:
        if pos < mention.start <= pos + 40 and mention.kind == "person" and mention.entity \
                and (mention.role or CUE_AFTER_RE.match(masked, mention.end)) \
                and MODIFIERS_RE.fullmatch(masked, pos, mention.start) \
                and not any(CUE_RE.fullmatch(w) for w in masked[pos:mention.start].split()):
            return mention
    return None


def _named_after_role(masked: str, role: Mention,
                      window: list[Mention]) -> tuple[Mention, str] | None:
    """The person a role with a complement introduces: "Seoul's spokesman for the talks Shin Eon-sang
    said"."""
    after = next((m for m in window if m.start > role.start), None)
    if role.kind != "role" or after is None or after.kind != "person" or not (
            ROLE_COMPLEMENT_RE.fullmatch(masked, role.end, after.start)
            or _held_in_country(masked, role, after)):
        return None
    cue = CUE_AFTER_RE.match(masked, after.end)
    return (after, cue.group(1)) if cue else None


def _held_in_country(masked: str, role: Mention, person: Mention) -> bool:
    """Whether a role is held in the country a person's mention takes in before the name ('Ambassador
    to China Jose Santa Romana'): the role's complement, not a title of the person."""
    if not PLACE_COMPLEMENT_RE.fullmatch(masked, role.end, person.start):
        return False
    words, name = masked[person.start:person.end].split(), person.text.split()
    lead = words[:len(words) - len(name)]
    return bool(lead) and words[len(lead):] == name and all(is_country(w) for w in lead)


def _apposed(masked: str, role: Mention, window: list[Mention]) -> Mention | None:
    """The name set after an unnamed role between commas: 'said the commander, Samson, 55, who ...'."""
    if role.kind != "role" or role.entity is not None:
        return None
    name = next((m for m in window if m.start > role.start), None)
    if name is None or name.kind not in ("bare", "person"):
        return None
    between = APPOSED_RE.fullmatch(masked, role.end, name.start)
    return name if between and APPOSED_END_RE.match(masked, name.end) else None


def _holder_named(masked: str, role: Mention, window: list[Mention]) -> Mention | None:
    """The person named after a role and the body or country it is held in: 'said the spokesman for
    the Foreign Office, Tom Hale', 'said the spokesperson at the ministry Ann Lee', 'said Ambassador to
    China Jose Santa Romana' (whoever the role alone would stand for)."""
    if role.kind != "role":
        return None
    after = [m for m in window if m.start >= role.end]
    person = next((m for m in after if m.kind == "person" and m.entity), None)
    if person is None or any(m.kind not in ("institution", "bare") for m in after if m.start < person.start):
        return None
    held = HELD_IN_RE.fullmatch(masked, role.end, person.start) or _held_in_country(masked, role, person)
    return person if held else None


def _possessor_only(words: str) -> bool:
    """Words before a name that only say whose it is: "Wigan's", 'Huddersfield boss', 'Rovers coach'."""
    return not words or bool(re.fullmatch(r"(?:[A-Z][\w.-]*['’]?s?\s+){1,3}(?:[a-z]+\s+)?", words))


def _closing(paragraph: str, masked: str, span: Span, mentions: list[Mention]) -> tuple[Mention, str] | None:
    """A sentence that ends ', the ministry said.' (or goes on ', adding, “…”') reports everything quoted
    in it, the credit's comma also inside a later quotation's marks ('“…,” towards “credible talks,” the
    envoy said')."""
    stop = _sentence_end(masked, span.close_mark + 1)
    for mention in reversed([m for m in mentions if span.close_mark < m.start < stop]):
        if masked[max(0, mention.start - 15):mention.start].lower().endswith(", according to ") \
                and not masked[mention.end:stop].strip(" ."):
            return mention, "according to"  # '“…” at Mariupol, according to the spokeswoman.'
        if paragraph[:mention.start].rstrip().rstrip("”\"»").endswith(","):
            cue = CUE_AFTER_RE.match(masked, mention.end)
            rest = OPENING_MARK_RE.split(masked[cue.end():stop], 1)[0] if cue else ""
            if cue and (not rest.strip(" .").count(",") or _goes_on_to_quote(rest)):
                return mention, cue.group(1)
            return None
    return None


def _goes_on_to_quote(rest: str) -> bool:
    """True for what joins a credit to the next quotation: ', adding that', ', saying'."""
    tail = PARTICIPLE_TAIL_RE.fullmatch(rest)
    return tail is not None and is_cue(tail[1]) and is_participle(tail[1])


def _speaker_at(masked: str, window: list[Mention], cue: re.Match[str]) -> tuple[Mention, str] | None:
    """The mention a cue directly follows: 'X said', 'X, who chairs the panel, said', 'X (D-Md.) said'."""
    word = cue.group()
    participle = is_participle(word)
    owner = next((m for m in window if m.kind in ("person", "role") and m.end < cue.start()
                  and WHO_CLAUSE_RE.fullmatch(masked, m.end, cue.start()) and not _placed(masked, m)), None)
    if owner:
        return owner, word
    for mention in reversed([m for m in window if m.end <= cue.start()]):
        if mention.kind in ("person", "role") and RELATIVE_WHO_RE.fullmatch(masked, mention.end, cue.start()):
            return mention, word  # 'Curry welcomed Jane Roe, who said:', 'told Jane Roe, who described'
        if mention.kind != "pronoun" and _placed(masked, mention):
            continue
        end = aside_end(masked, mention.end)
        if participle and "," in masked[mention.end:cue.start()] \
                and not masked[mention.end:cue.start()].strip(" ,"):
            if INVERTED_CREDIT_RE.search(masked, max(0, mention.start - 20), mention.start):
                return mention, word  # 'Turkey strives for peace, said Cavusoglu, adding “…”'
            continue
        if participle and any(mention.end < m.start and m.end <= cue.start() for m in window):
            continue  # '…, including Latvia, Lithuania and Poland, describing': a list, not an aside
        bracketed = masked[mention.start - 1:mention.start] == "(" and masked.startswith(")", mention.end)
        if bracketed and GAP_RE.fullmatch(masked, mention.end + 1, cue.start()):
            return mention, word  # 'the ministry of external affairs (MEA) said': the body, by its initials
        if GAP_RE.fullmatch(masked, mention.end, cue.start()) or mention.end == cue.start() or (
                end is not None and GAP_RE.fullmatch(masked, end + 1, cue.start())):
            holder = next((m for m in window if mention.kind == "role" and mention.end < m.start
                           and m.end <= cue.start() and m.kind == "person" and m.entity), None)
            pair = next((m for m in window if m.end < mention.start and m.kind in ("person", "pronoun")
                         and masked[m.end:mention.start] == " and "), None)
            # 'Hu said he and Obama agreed': the first of two who speak together
            return holder or pair or mention, word  # 'senior vice president of hardware Rick Osterloh said
        if _quoted_as(masked, mention, speaking=False):
            return mention, "quoted"
    return None


def _quoted_as(masked: str, mention: Mention, speaking: bool) -> bool:
    """True for the one an outlet quoted: 'quoted Ann Lee as saying', 'quoted President Jokowi as telling'
    (`speaking`: the verb after 'as' must be one of saying; else any 'as' clause)."""
    if speaking:
        after = QUOTED_AS_AFTER_RE.match(masked, mention.end) is not None
    else:
        after = masked.startswith(" as ", mention.end)
    before = QUOTED_BEFORE_NAME_RE.search(masked, max(0, mention.start - 40), mention.start)
    return after and before is not None


def _placed(masked: str, mention: Mention) -> bool:
    """A name that is a complement, a place or who was spoken to ('analysts at Barclays', 'told Sky'),
    so not the subject of the verb after it."""
    return bool(COMPLEMENT_RE.search(masked, max(0, mention.start - 30), mention.start)
                or LOCATIVE_BEFORE_RE.search(masked, max(0, mention.start - LOCATIVE_REACH), mention.start)
                or apposed(masked, mention)
                or OBJECT_BEFORE_RE.search(masked, max(0, mention.start - 40), mention.start))


def _before(masked: str, start: int, stop: int, mentions: list[Mention],
            sentence: int | None = None) -> tuple[Mention | None, str | None] | None:
    """Attribution between `start` (after any earlier quote) and the opening mark: 'X said that', 'X told Y:';
    the subject of 'and said', ', saying' is looked for back to the `sentence` start."""
    quoted = QUOTED_PRONOUN_RE.search(masked, start, stop)
    if quoted:  # 'The paper quoted him:': the he or she is resolved as a 'he said' would be
        pronoun = "he" if quoted[1].lower() == "him" else "she"
        return Mention(quoted.start(1), quoted.end(1), "pronoun", pronoun), quoted[0].split()[0]
    window = [m for m in mentions if start <= m.start and m.end <= stop]
    cues = [c for c in CUE_RE.finditer(masked, start, stop)
            if not PASSIVE_RE.search(masked, max(0, c.start() - 20), c.start())
            and not POSSESSOR_RE.search(masked, max(0, c.start() - 20), c.start())]
    if cues:
        cue = cues[-1]
        word = cue.group()
        found = _speaker_at(masked, window, cue)
        if found:
            return found
        participle = is_participle(word)
        sentence = start if sentence is None else sentence
        subjects = [m for m in mentions if sentence <= m.start and m.end <= cue.start() and m.subject
                    and masked[m.end:cue.start()].strip(" ,")]
        if subjects and participle:
            # '… X stated the airport has been “…”, adding the plane will “…”': the one who speaks
            speaking = [m for m in subjects if CUE_AFTER_RE.match(masked, m.end)]
            return speaking[-1] if speaking else subjects[0], word
        if subjects and CONJUNCT_RE.search(masked, start, cue.start()):
            return subjects[0], word
        unnamed = UNNAMED_SUBJECT_RE.match(masked, sentence)
        if unnamed and word.lower() in REPORTING_VERBS \
                and all(_placed(masked, m) for m in window if m.end <= cue.start()):
            return None, word  # 'Critics said the deal “would…”': someone unnamed speaks
        opener = next((m for m in mentions if m.start >= sentence), None)
        article = masked[opener.start:opener.end].split()[0].lower() if opener else ""
        if opener and opener.entity is None and article in INDEFINITE \
                and not masked[sentence:opener.start].strip() and word.lower() in REPORTING_VERBS:
            return None, word  # 'A military source in the capital said the attack ended “when …”'
        # an earlier cue, when a verb such as 'continue' or 'confirming' in the clause before the quote
        # has no speaker of its own ('X said confirming Y would continue the trend of a court "that..."')
        return next((f for c in reversed(cues[:-1]) if (f := _speaker_at(masked, window, c))), None)
    fronted = FRONTED_CUE_RE.match(masked, start)
    named = next((m for m in reversed(window) if m.kind == "person" and m.entity), None) if fronted else None
    if fronted and named and not masked[named.end:stop].strip(" ,:"):
        return named, fronted[1].lower()  # 'Said producer Stanley Kwan, “…”'
    lead_in = masked[start:stop].rstrip().endswith(":") or masked.startswith(":", stop)
    author = next((m for m in window if m.kind == "person" and m.entity and (
        BY_BEFORE_RE.search(masked, max(0, m.start - 6), m.start)
        or QUOTED_BEFORE_RE.search(masked, max(0, m.start - 9), m.start))), None) if lead_in else None
    if author:  # 'Statement by Jane Doe, director of the office:', 'Quoting Jane Doe after the win:'
        return author, None
    document = DOCUMENT_NOUN_RE.search(masked, start, stop) if lead_in else None
    issuers = [m for m in window if document and m.end <= document.start() and m.entity
               and m.kind in ("person", "institution")]
    # the subject that made the remarks, else the last body or person named before them
    issuer = next((m for m in issuers if m.subject), issuers[-1] if issuers else None)
    if issuer:  # 'The full White House readout of the call:'
        return issuer, None
    if window and not masked[window[-1].end:stop].strip() and not _placed(masked, window[-1]) \
            and not masked.endswith(("’s", "'s"), 0, window[-1].end):  # "Russia's “unprovoked” war"
        return window[-1], None
    if window and masked[start:stop].rstrip().endswith(":"):
        subject = next((m for m in window if m.subject and (m.entity or m.kind != "pronoun")), None)
        if subject:
            return subject, None
        label = _name_line(masked[:stop].rstrip()[:-1], window)
        if label and window[0].start >= start:
            return label
    for mention in window:
        if masked[max(0, mention.start - 14):mention.start].lower().endswith("according to ") \
                or ACCORDING_BY_RE.search(masked, max(start, mention.start - 70), mention.start):
            return mention, "according to"
    return None


def _is_label(paragraph: str, start: int, text: str) -> bool:
    """A short quoted phrase that names or labels something rather than reports speech: written in
    capitals ('“Night Wolves”', 'Alexander “The Surgeon” Z.') or after an article ('the “Kremlin report”')."""
    words = text.split()
    if not words:
        return False
    if len(words) > FRAGMENT_WORDS:
        # 'the “Measures for Administering the Release of News”': a document's title, in capitals
        return all(w[:1].isupper() for w in words if len(w) > 3) \
            and bool(LABEL_BEFORE_RE.search(paragraph, max(0, start - 20), start))
    if all(w[:1].isupper() or not w[:1].isalpha() for w in words) and words[0] not in ("I", "We", "It"):
        return True
    return bool(LABEL_BEFORE_RE.search(paragraph, max(0, start - 20), start))


def is_fragment(text: str) -> bool:
    """A quoted phrase of one to three words ('glad', 'no collusion', 'on the agenda'): kept, and found
    when asked who said it, but not listed as anyone's quotation."""
    return len(text.split()) <= FRAGMENT_WORDS


def _is_partial(text: str) -> bool:
    first = re.search(r"[^\W\d_]", re.sub(r"\[[^\]]*\]", "", text) or text)
    return bool(first and first.group().islower()) or len(text.split()) <= 2


@dataclass
class _Found:
    span: Span
    mention: Mention | None
    cue: str | None
    narrated: Entity | None = None  # whom the paragraph before was about (for a role nobody holds)


def extract_quotes(article: Article) -> list[Quote]:
    """Every quotation in the article body, in order, with its speaker where it can be known."""
    all_spans = spans_by_paragraph(article.paragraphs)
    last = max((i for i, spans in enumerate(all_spans) if spans), default=-1)
    if last < 0:
        return unmarked_quotes(article)
    discourse = Discourse()
    for heading in (article.title, article.standfirst):
        if heading:
            scan(heading, discourse, [])
    salient: list[Entity] = []
    found: list[_Found] = []
    bare: set[int] = set()  # paragraphs that are nothing but a quotation
    captions: set[int] = set()  # paragraphs naming the speaker of the bare quotation above them
    previous: tuple[str, list[Mention]] = ("", [])
    lead: tuple[int, Mention | None] = (-LIST_LEAD_REACH - 1, None)  # the last paragraph about someone
    listed: Mention | None = None  # whom the bulleted list under way reports
    for index, paragraph in enumerate(article.paragraphs[:last + 2]):
        if index > last and index - 1 not in bare:
            break  # the line under the last quotation is read only for a bare quotation's speaker
        spans = all_spans[index]
        masked = _mask(paragraph, spans)
        mentions = document_mentions(masked, scan(masked, discourse, salient), discourse)
        if index - 1 in bare and _credit_from_caption(found, index - 1, masked, mentions):
            captions.add(index)
        bullet = bool(BULLET_RE.match(paragraph))
        if not bullet:
            listed = None
            narrated = None if spans else _narrator(masked, mentions)
            if narrated:
                lead = (index, narrated[0])
        elif listed is None and index - 1 - lead[0] <= LIST_LEAD_REACH:
            listed = lead[1]  # 'Klopp held his press conference today.' ⏎ '• Happy with the squad.' ...
        here: list[_Found] = []
        for n, span in enumerate(spans):
            if TITLED_RE.search(paragraph, 0, span.open_mark):
                continue  # a title, which a quotation in the next paragraph does not continue
            result = _attribute(paragraph, masked, spans, n, mentions)
            if result is None and _unattributed_start(paragraph, masked, spans, n, mentions):
                prior = here[-1] if here else (found[-1] if found and found[-1].span.paragraph == index - 1
                                               else None)
                label = _name_line(*previous) if not n else None
                result = label or (_inherit(prior, *previous) if prior or not n else None)
                if result is None and not n and not prior:
                    result = _possessive_lead(previous[0], discourse, salient)
                if result is None and not n and index and not all_spans[index - 1] \
                        and index - 1 not in captions:
                    result = _narrator(*previous)
            if result is None and WORDS_LEAD_RE.search(masked, _sentence_start(masked, span.open_mark, 0),
                                                       span.open_mark):
                result = _possessive_lead(masked[:span.open_mark], discourse, salient)  # 'His words, “…”'
            if result is None:
                result = _speaker_before(masked, span, mentions)
            if result is None or result[0] is None:  # '“…,” the two officials wrote' has no name of its own
                result = _pair_speaking(masked, span, mentions, previous[1]) or result
            if result is None or result[0] is None:
                result = _described(masked, span, here or found, index, article.paragraphs,
                                    [m for m in mentions if m.end <= span.open_mark] or previous[1]) or result
            if result is None and bullet and listed \
                    and not any(m.kind in ("person", "role") for m in mentions):
                result = listed, None  # '• “We feel strong.”' in the list of what he said
            mention, cue = result if result else (None, None)
            if mention and mention.kind == "pronoun" and ANONYMOUS_RE.search(
                    masked, span.close_mark, _sentence_end(masked, span.close_mark + 1)):
                mention = None  # '"…," he said on condition of anonymity': a source the story does not name
            if mention and mention.kind == "pronoun" and mention.entity is None \
                    and mention.text.lower() != "it":
                # 'he said' after '…, said coach Dan Ruiz.' in the same paragraph: the speaker just named
                # (an 'it' is never a person)
                mention.entity = discourse.pronoun(mention.text, salient)
            if mention and mention.kind == "pronoun":
                fronted = _fronted_subject(masked, mention, mentions)
                if fronted is None and not n and index and not all_spans[index - 1] and not any(
                        m.kind == "person" and m.entity for m in mentions if m.end <= span.open_mark):
                    fronted = _subject_before(mention, *previous)  # unless this paragraph named someone
                mention = replace(mention, entity=fronted) if fronted else mention
                mention = _subject_not_object(masked, span, mentions, mention)
            narrated = _narrator(*previous) if mention and mention.kind == "role" and index else None
            here.append(_Found(span, mention, cue, narrated[0].entity if narrated else None))
            entity = role_speaker(mention) if mention else None
            if entity and entity.kind == "person":
                salient.append(entity)
        if not spans:  # 'Judge Ann Lee said the case had failed.' ⏎ '"…," he said.': she or he spoke last
            salient.extend(m.entity for m in mentions if m.kind == "person" and m.entity and m.subject
                           and CUE_AFTER_RE.match(masked, m.end))
        _share_with_next(masked, here)
        _share_across_paragraphs(found, here)
        if here and not masked[:here[0].span.open_mark].strip(" \"“”«»"):
            _share_back_over_run(found, here[0], bare)
        if not masked.strip(" \"“”«»,.;:"):
            bare.add(index)
        found.extend(here)
        previous = (masked, mentions)
    held: dict[int, Entity] = {}  # a role known by itself alone -> its holder, for the he or she after it
    for n, item in enumerate(found):
        entity = item.mention.entity if item.mention else None
        if item.mention and entity is not None and id(entity) in held:
            item.mention = replace(item.mention, entity=held[id(entity)])  # '…,” she added' after the role
        elif item.mention and item.mention.kind == "role" and not item.mention.indefinite \
                and (entity is None or entity.roles == [entity.name]):  # not 'a ministry spokesman'
            holder = discourse.named_later(item.mention.text) or _quoted_before(found, n)
            item.mention = replace(item.mention, entity=holder) if holder else item.mention
            if holder and entity is not None:
                held[id(entity)] = holder
    quotes = _to_quotes(article, found)
    return _with_unmarked(article, _heading_quotes(article, discourse, salient, quotes) + quotes)


def _heading_quotes(article: Article, discourse: Discourse, salient: list[Entity],
                    body: list[Quote]) -> list[Quote]:
    """Quotations of the headline and standfirst that the body does not repeat ('“Cristiano is the best”
    – Ole praises star forward'), when the heading names their speaker and the body names that speaker
    too; they are cited at the lead paragraph, the nearest place in the body. Fragments stay out."""
    quotes: list[Quote] = []
    for heading in (article.title, article.standfirst):
        spans = find_spans(heading, 0, False) if heading else []
        if not heading or not spans:
            continue
        masked = _mask(heading, spans)
        mentions = scan(masked, discourse, salient)
        for n, span in enumerate(spans):
            text = heading[span.start:span.end].strip(TRIM)
            words = _plain_words(text)
            if is_fragment(text) or _is_label(heading, span.start, text) \
                    or any(words in _plain_words(q.text) for q in body):
                continue
            result = _attribute(heading, masked, spans, n, mentions)
            mention, cue = result if result else (None, None)
            # a headline's capitals make false names ('Hun Sen Admits …'): the speaker must be in the body
            named = mention is not None and mention.entity is not None and re.search(
                rf"\b{re.escape(mention.entity.name.split()[-1])}\b", " ".join(article.paragraphs))
            speaker, role = speaker_of(mention) if mention and named else (None, None)
            if speaker is None:
                continue  # a headline's words with no speaker are kept only where the body has them
            quotes.append(Quote(text=text, paragraph=0, speaker=speaker, speaker_role=role,
                                cue=cue.lower() if cue else None, partial=_is_partial(text)))
    return quotes


def _plain_words(text: str) -> str:
    """The words of a text in lower case, one space apart, for telling whether one quotation repeats
    another."""
    return " ".join(re.findall(r"\w+", text.lower()))


def _attribute(paragraph: str, masked: str, spans: list[Span], n: int,
               mentions: list[Mention]) -> tuple[Mention | None, str | None] | None:
    """The speaker named for spans[n] after it, before it, or at the end of its sentence."""
    span = spans[n]
    floor = spans[n - 1].close_mark + 1 if n else 0
    stop = spans[n + 1].open_mark if n + 1 < len(spans) else len(masked)
    stop = min(stop, _sentence_end(masked, span.close_mark + 1))
    ended = paragraph[:span.end].rstrip().endswith(".")
    if ended and FULL_STOP_RE.match(paragraph, span.close_mark + 1):
        stop = span.close_mark + 1
    result = _after(masked, span, stop, mentions) if not span.runs_on else None
    start = _sentence_start(masked, span.open_mark, floor)
    sentence = _sentence_start(masked, span.open_mark, 0)
    last = n + 1 == len(spans)
    return result or _main_clause(masked, span, sentence, mentions) \
        or _before(masked, start, span.open_mark, mentions, sentence) \
        or _closing(paragraph, masked, span, mentions) \
        or (_credit_after(masked, span, mentions) if last else None)


def _main_clause(masked: str, span: Span, sentence: int,
                 mentions: list[Mention]) -> tuple[Mention, str] | None:
    """The speaker of the main clause for words quoted in the clause that opens the sentence: 'While the
    United States “continues to uphold its commitments”, she said the council must act'."""
    if not SUBORDINATE_RE.match(masked, sentence):
        return None
    end = _sentence_end(masked, span.close_mark + 1)
    comma = masked.find(",", span.close_mark, end)
    lead = LEAD_RE.match(masked, comma + 1) if comma >= 0 else None
    speaker = _mention_at(mentions, lead.end()) if lead else None
    if speaker is None or speaker.kind not in ("person", "pronoun"):
        return None
    cue = CUE_AFTER_RE.match(masked, speaker.end)
    return (speaker, cue.group(1)) if cue else None


def _credit_after(masked: str, span: Span, mentions: list[Mention]) -> tuple[Mention, str] | None:
    """A short sentence that only says who spoke ends the paragraph after a quotation that ended with a
    full stop: '"…is solid." The company said in a press release.'"""
    rest = masked[span.close_mark + 1:]
    lead = len(rest) - len(rest.lstrip())
    first = _mention_at(mentions, span.close_mark + 1 + lead)
    if first is None or len(rest.split()) > CREDIT_WORDS or _sentence_end(rest, lead + 1) != len(rest):
        return None
    cue = CUE_AFTER_RE.match(masked, first.end)
    return (first, cue.group(1)) if cue else None


def _unattributed_start(paragraph: str, masked: str, spans: list[Span], n: int,
                        mentions: list[Mention]) -> bool:
    """True when spans[n] goes on from the quote before it: same sentence, a new sentence with no
    words of its own before it, or a paragraph that opens with the quotation as a whole sentence."""
    span = spans[n]
    if not n:
        if not masked.strip(" \"“”«»,.;:") or GOES_ON_LEAD_RE.fullmatch(masked, 0, span.open_mark):
            return True
        whole = not masked[:span.open_mark].strip() and paragraph[:span.end].rstrip()[-1:] in (".", "!", "?")
        return whole and bool(FULL_STOP_RE.match(paragraph, span.close_mark + 1))
    floor = spans[n - 1].close_mark + 1
    between = masked[floor:span.open_mark]
    if _sentence_end(between, 0) == len(between) and not CUE_RE.search(between):
        return True
    if CUE_RE.search(between) and between.rstrip()[-1:] in (".", "!", "?") and any(
            m.kind == "person" and m.entity and floor <= m.start < span.open_mark for m in mentions):
        return False  # '“…” Ann Lee said she was hopeful.“We …': a sentence naming who speaks next between
    return not masked[_sentence_start(masked, span.open_mark, floor):span.open_mark].strip(" ,;–—-")


def _name_line(masked: str, mentions: list[Mention]) -> tuple[Mention, None] | None:
    """The person a paragraph of nothing but a name names ('Tom Smith (Rovers)', 'Jane Doe:'), as the
    speaker of the quotation under it."""
    first = next((m for m in mentions if m.kind == "person"), None)
    if first is None or masked[:first.start].strip(" -–—•*"):
        return None
    return (first, None) if NAME_LINE_REST_RE.fullmatch(masked, first.end) else None


def _narrator(masked: str, mentions: list[Mention]) -> tuple[Mention, None] | None:
    """The person the paragraph before (with no quotation of its own) was about, by name or as the he or
    she its last sentence opens with, for a paragraph that is nothing but a quotation: 'Analyst Ann Lee
    shared her view.' ⏎ '“Prices fell again.”'."""
    last = _sentence_start(masked, max(0, len(masked.rstrip()) - 1), 0)
    subject = next((m for m in mentions if m.start >= last and m.entity and m.entity.kind == "person"
                    and (m.subject or m.kind != "pronoun" and (VERB_AFTER_RE.match(masked, m.end)
                                                                or CUE_AFTER_RE.match(masked, m.end)))
                    and not _placed(masked, m)), None)
    return (subject, None) if subject else None


def _speaker_before(masked: str, span: Span, mentions: list[Mention]) -> tuple[Mention, None] | None:
    """The speaker of the sentence of reported speech just before a quotation that opens a sentence of
    its own in the same paragraph: '… the ex-minister replied that the war was with the US. “The war must
    end.”'."""
    opens = _sentence_start(masked, span.open_mark, 0)
    if opens == 0 or masked[opens:span.open_mark].strip():
        return None
    before = masked[:opens].rstrip()
    last = _sentence_start(before, max(0, len(before) - 1), 0)
    if not CUE_RE.search(before, last):  # 'Alok Sharma opened the plenary. “It is decision time.”'
        return _narrator(before, [m for m in mentions if m.end <= opens])
    said = [m for m in mentions if last <= m.start and m.end <= opens and m.subject and m.entity
            and CUE_AFTER_RE.match(masked, m.end)]
    if said and said[0].entity and said[0].entity.kind == "person" and not masked[last:said[0].start].strip():
        return said[0], None  # 'He said after NA rejected it, NC wrote to NA …': who says it all
    body = next((m for m in reversed(said) if m.entity and m.entity.kind == "institution"), None)
    return (body, None) if body else _narrator(before, [m for m in mentions if m.end <= opens])


def _pair_speaking(masked: str, span: Span, mentions: list[Mention],
                   previous: list[Mention]) -> tuple[Mention, str] | None:
    """The first of the two people named just before for '“…,” the two officials wrote': those this
    paragraph names before the quotation, or else those the paragraph before named."""
    cue = PAIR_AFTER_RE.match(masked, span.close_mark + 1)
    if cue is None:
        return None
    for candidates in ([m for m in mentions if m.end <= span.open_mark], previous):
        named = [m for m in candidates if m.entity and m.entity.kind == "person"
                 and m.kind not in ("pronoun", "role")]
        people = list({m.entity.name: m for m in named if m.entity}.values())
        if len(people) == 2:
            return people[0], cue[1]
        if people:
            return None
    return None


def _described(masked: str, span: Span, before: list[_Found], index: int,
               paragraphs: tuple[str, ...], named: list[Mention]) -> tuple[Mention, str] | None:
    """The speaker of the quotation just before, for one credited to a description nobody was introduced
    by ('“…,” the heartthrob explained', 'said the man who led them'): not a group, not a source, not a
    plural, and not a noun the story used for someone unnamed ('a woman', …, 'the woman said'). With no
    quotation before it, the one person `named` just before it (in its paragraph, else the one before)."""
    described = DESCRIBED_AFTER_RE.match(masked, span.close_mark + 1) \
        or DESCRIBED_FRONTED_RE.match(masked, span.close_mark + 1)
    if described is None:
        return None
    noun = described["noun"]
    told = " ".join(paragraphs[:index]) + masked[:span.open_mark]
    plural = noun.endswith("s") and not noun.endswith("ss")
    if plural or noun in GROUP_NOUNS or f"{noun}s" in UNNAMED_SUBJECTS or noun in ("source", "person") \
            or DOCUMENT_NOUN_RE.fullmatch(noun) or noun == "report" \
            or re.search(rf"\b(?:an?|one|another)\s+(?:[\w-]+\s+){{0,3}}{noun}\b", told, re.I):
        return None
    last = next((f for f in reversed(before) if f.mention and f.mention.entity), None)
    if last is None or index - last.span.paragraph > DESCRIBED_REACH:
        people = list({m.entity.name: m for m in named if m.kind == "person" and m.entity}.values())
        return (people[0], described["cue"]) if len(people) == 1 else None
    if last.mention is None or last.mention.entity is None or last.mention.entity.kind != "person":
        return None
    return last.mention, described["cue"]


def _quoted_before(found: list[_Found], n: int) -> Entity | None:
    """For a singular role nobody in the story holds, the person quoted just before it (in its paragraph
    or the one before), else the one the paragraph before was about, when the story gives them no role:
    '“…,” Simonyte said.' ⏎ '“…,” the Lithuanian prime minister said.'"""
    role = found[n].mention
    if role is None or is_plural_role(role.text):
        return None
    before = next((f for f in reversed(found[:n]) if f.mention), None)
    entity = before.mention.entity if before and before.mention else None
    if before is None or found[n].span.paragraph - before.span.paragraph > 1:
        entity = found[n].narrated  # '“…,” the Captain said' under 'Mathews said no player was to blame.'
    if entity is None or entity.kind != "person" or entity.roles or is_plural_role(entity.name):
        return None
    return entity


def _subject_not_object(masked: str, span: Span, mentions: list[Mention], pronoun: Mention) -> Mention:
    """A he or she after a quotation that went to the one met, thanked or told in the sentence before
    ('Lee also met Foreign Minister Ann Park here. “…,” he tweeted.') is that sentence's subject instead,
    when the subject is another person the pronoun may stand for."""
    gender = {"he": "m", "she": "f"}.get(pronoun.text.lower())
    if pronoun.entity is None or gender is None:
        return pronoun
    last = len(masked[:span.open_mark].rstrip()) - 1
    start = _sentence_start(masked, max(0, last), 0)
    sentence = [m for m in mentions if start <= m.start and m.end <= span.open_mark]
    met = next((m for m in sentence if m.entity is pronoun.entity), None)
    if met is None or not MET_BEFORE_RE.search(masked, max(0, met.start - 30), met.start):
        return pronoun
    subject = next((m for m in sentence if m.start < met.start and m.entity and m.entity.kind == "person"
                    and m.entity is not pronoun.entity and m.entity.gender in (None, gender)), None)
    return replace(pronoun, entity=subject.entity) if subject else pronoun


def _fronted_subject(masked: str, pronoun: Mention, mentions: list[Mention]) -> Entity | None:
    """The person a he or she stands for when a clause opening the sentence has that person as its
    subject: 'Although the Taoiseach welcomed the talks between Ann Lee and Jo Tan, he added …'."""
    start = _sentence_start(masked, pronoun.start, 0)
    if not SUBORDINATE_RE.match(masked, start):
        return None
    first = next((m for m in mentions if start <= m.start < pronoun.start), None)
    gender = {"he": "m", "she": "f"}.get(pronoun.text.lower())
    if first is None or not first.subject or first.entity is None or first.entity.kind != "person" \
            or gender is None or first.entity.gender not in (None, gender):
        return None
    return first.entity


def _subject_before(pronoun: Mention, previous_masked: str,
                    previous_mentions: list[Mention]) -> Entity | None:
    """The person the paragraph before (with no quotation of its own) was about, for the he or she that
    speaks the next paragraph's quotation: 'Villar, for her part, filed two bills.' ⏎ '“…,” she said.'"""
    narrated = _narrator(previous_masked, previous_mentions)
    entity = narrated[0].entity if narrated else None
    gender = {"he": "m", "she": "f"}.get(pronoun.text.lower())
    if entity is None or gender is None:
        return None
    known = entity.gender or first_name_gender(entity.name.split()[0])  # 'Grace Okafor' is likely a she
    return entity if known in (None, gender) else None


def _inherit(prior: _Found | None, previous_masked: str,
             previous_mentions: list[Mention]) -> tuple[Mention | None, str | None] | None:
    """The speaker of the quotation this one continues, or of a 'X said:' ending the paragraph before."""
    if prior is not None:
        return (prior.mention, prior.cue) if prior.mention else None
    if previous_masked.rstrip().endswith(":"):
        colon = len(previous_masked.rstrip()) - 1
        return _before(previous_masked, _sentence_start(previous_masked, colon, 0), colon, previous_mentions)
    return None


def _possessive_lead(previous_masked: str, discourse: Discourse,
                     salient: list[Entity]) -> tuple[Mention, None] | None:
    """The person a lead-in ending with a colon (or a comma: 'His words, “…”') names by 'his' or 'her'
    ('Excerpts of his remarks:', 'In her statement, she wrote:') for the quotation under it: the last
    salient person of that sex."""
    lead = previous_masked.rstrip()
    if not lead.endswith((":", ",")):
        return None
    sentence = lead[_sentence_start(lead, len(lead) - 1, 0):]
    word = POSSESSIVE_RE.search(sentence)
    if word is None:
        return None
    pronoun = "he" if word.group().lower() == "his" else "she"
    entity = discourse.pronoun(pronoun, salient)
    return (Mention(0, 0, "pronoun", pronoun, entity), None) if entity else None


def _share_with_next(masked: str, here: list[_Found]) -> None:
    """Quotes set one after another with nothing but 'and' between them ('“We will not wait. “The money
    must come now,” she said.', '"…" and "…" asserted Adorni') have the speaker named after the last."""
    for k in range(len(here) - 2, -1, -1):
        this, following = here[k], here[k + 1]
        if this.mention is None and following.mention is not None \
                and masked[this.span.close_mark + 1:following.span.open_mark].strip() in ("", "and"):
            this.mention, this.cue = following.mention, following.cue


def _share_across_paragraphs(found: list[_Found], here: list[_Found]) -> None:
    """A quote running over several paragraphs has one speaker: the one named on any of its parts."""
    if not (here and here[0].span.continued and found):
        return
    chain = [found[-1]]
    while chain[0].span.continued and len(found) > len(chain):
        chain.insert(0, found[-len(chain) - 1])
    parts = chain + [here[0]]
    named = next((p for p in parts if p.mention), None)
    if named:
        for part in parts:
            if part.mention is None:
                part.mention, part.cue = named.mention, named.cue


def _credit_from_caption(found: list[_Found], paragraph: int, masked: str, mentions: list[Mention]) -> bool:
    """A quotation set alone with no speaker, over a line that opens with a name and what they were doing
    ('“He made the right call.” ⏎ Prime Minister Ann Lee thanking her predecessor for ...') or with a
    dash and a name ('– Ivory Coast's Sebastien Haller after the final'): theirs. True when the line
    credited one."""
    first = mentions[0] if mentions else None
    dash = DASH_LEAD_RE.match(masked)
    if dash:  # '– Ivory Coast's Sebastien Haller after scoring', '– A prophetic comment from Senegal star X'
        # '– Ivory Coast star Franck Kessie': the player, not the country
        first = next((m for m in mentions
                      if m.kind == "person" and m.entity and not is_country(m.entity.name)), None)
        if first is None or not CREDIT_LEAD_RE.fullmatch(masked, dash.end(), first.start):
            return False
    elif first is None or first.entity is None or first.kind not in ("person", "institution") \
            or masked[:first.start].strip() not in ("", "The", "the") \
            or not DOING_RE.match(masked, first.end):
        return False
    credited = False
    later: _Found | None = None
    for item in reversed(found):  # the quotation, and the paragraphs before that it continues
        if item.span.paragraph != paragraph and not (
                later and later.span.continued and item.span.paragraph == paragraph - 1):
            break
        if item.mention is None or dash:  # a dash's credit outranks a guess from the paragraph before
            item.mention, credited = first, True
        paragraph, later = item.span.paragraph, item
    return credited


def _share_back_over_run(found: list[_Found], first: _Found, bare: set[int]) -> None:
    """Paragraphs of nothing but quotation, one after another with no speaker, are the words of the one
    named on the quotation that opens the paragraph after them ('“…” ⏎ “…” ⏎ “…,” said Ann Lee.')."""
    if first.mention is None:
        return
    paragraph = first.span.paragraph
    for item in reversed(found):
        if item.span.paragraph == paragraph:
            continue
        if item.mention is not None or item.span.paragraph != paragraph - 1 or paragraph - 1 not in bare:
            return
        item.mention, item.cue = first.mention, first.cue
        paragraph = item.span.paragraph


def _with_unmarked(article: Article, quotes: list[Quote]) -> list[Quote]:
    """The quotations plus speech given without quotation marks, in paragraph order."""
    unmarked = unmarked_quotes(article)
    return sorted(quotes + unmarked, key=lambda q: q.paragraph) if unmarked else quotes


def _to_quotes(article: Article, found: list[_Found]) -> list[Quote]:
    quotes = []
    for item in found:
        span = item.span
        text = article.paragraphs[span.paragraph][span.start:span.end].strip(TRIM)
        speaker, role = speaker_of(item.mention) if item.mention else (None, None)
        partial = _is_partial(text)
        if partial:
            text = text.rstrip(".")
        paragraph = article.paragraphs[span.paragraph]
        if partial and not (speaker or item.cue) or _is_label(paragraph, span.start, text) \
                or not any(c.isalnum() for c in text):
            continue
        quotes.append(Quote(text=text, paragraph=span.paragraph, speaker=speaker, speaker_role=role,
                            cue=item.cue.lower() if item.cue else None, partial=partial))
    return quotes
