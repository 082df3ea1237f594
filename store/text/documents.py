"""Statements, tweets and readouts: who issued each, so that 'the statement added' has a speaker."""

from __future__ import annotations

import re

from clipdesk.store.text.attribution import (
    LOCATIVE_BEFORE_RE,
    LOCATIVE_REACH,
    OBJECT_BEFORE_RE,
    Discourse,
    Entity,
    Mention,
    speaker_of,
)
from clipdesk.store.text.lexicon import CUE_RE

NOUNS = r"statement|tweet|readout|communiqu[eé]|release|post"
# 'the statement', 'the official readout', 'the tweet posted by X', 'a statement from X': the document as a
# subject.
DOCUMENT_RE = re.compile(
    rf"\b(?:[Tt]he|(?P<a>[Aa]n?))\s+(?:(?:official|joint|written|same|ministry['’]s|press|latest|earlier|full)\s+)?"
    rf"({NOUNS})\b(?:\s+(?:(?:issued|released|published|posted|put\s+out|sent)?\s*by|from)\s+)?")
# A document named by its issuer's possessive: "the Kremlin's statement", "the ministry’s official readout".
OWNED_RE = re.compile(rf"(?P<the>[Tt]he\s+)?(?P<owner>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){{0,4}})['’]s\s+"
                      rf"(?:(?:official|joint|written|latest|full)\s+)?(?P<noun>{NOUNS})\b")
# How the words of a document are reported: 'the statement reads', besides the verbs of saying.
READS_RE = re.compile(r",?\s+(?:reads|read|runs|ran)\b")
# Where a sentence says that what it reports was issued as a document, and which kind.
ISSUED_RE = re.compile(
    rf"\b(?i:in|via|through|with|issued|released|published|put\s+out)\s+(?:a|an|its|his|her|their|the)\s+"
    rf"(?:[\w-]+\s+){{0,2}}?({NOUNS})\b"
    r"|\b(tweet)(?:ed|s)\b|\bon\s+(?:Twitter|X)\b|\b(post)(?:ed|s)\s+on\b")
HINT_RE = re.compile(rf"{NOUNS}|tweet|Twitter|\bX\b")  # what any of the above needs, found fast
SOCIAL = ("tweet", "post")
SENTENCE_RE = re.compile(r"[^.!?]+(?:[.!?]+|$)")


def document_mentions(masked: str, mentions: list[Mention], discourse: Discourse) -> list[Mention]:
    """`mentions` with the documents that speak in `masked` ('the statement said'), each resolved to its
    issuer, and the issuers that `masked` names ('X said in a statement') noted for the sentences after."""
    if not HINT_RE.search(masked):
        return mentions
    result = list(mentions)
    for sentence in SENTENCE_RE.finditer(masked):
        for match in DOCUMENT_RE.finditer(masked, sentence.start(), sentence.end()):
            at = match.start()
            if any(m.start <= at < m.end for m in result) \
                    or LOCATIVE_BEFORE_RE.search(masked, max(0, at - LOCATIVE_REACH), at):
                continue  # 'in the statement' is where words were said, not who said them
            end = match.end()
            if match["a"] and not masked[match.end(2):end].strip():
                continue  # 'a statement' alone is a new one, of nobody known yet
            issuer = discourse.documents.get(_noun(match.group(2))) \
                or (None if match["a"] else _last_voice(discourse))
            if masked[match.end(2):end].strip():  # '… by India's Ministry of External Affairs'
                by = next((m for m in result if m.start == end), None)
                if by is None:
                    continue
                end, issuer = by.end, _entity(by)
                result.remove(by)
                if issuer is not None:  # 'A release issued by X said …' ⏎ '"…," the release added.'
                    discourse.documents[_noun(match.group(2))] = issuer
            result.append(Mention(match.start(), end, "document", masked[match.start():end], issuer))
        for owned in OWNED_RE.finditer(masked, sentence.start(), sentence.end()):
            issuer = _owner(owned, discourse)
            if issuer is None or any(m.start < owned.end() and owned.start() < m.end and m.kind == "document"
                                     for m in result):
                continue
            # "the Kremlin's statement reads": the Kremlin issued it, and 'the statement' after it
            result = [m for m in result if not (m.start < owned.end() and owned.start() < m.end)]
            result.append(Mention(owned.start(), owned.end(), "document", owned[0], issuer))
            discourse.documents[_noun(owned["noun"])] = issuer
        result.sort(key=lambda m: m.start)
        _note_issuer(masked, sentence.start(), sentence.end(), result, discourse)
    return result


def speaks(masked: str, mention: Mention) -> str | None:
    """The verb a document mention reports its words with ('reads', 'added'), if one follows it."""
    match = READS_RE.match(masked, mention.end) or CUE_RE.match(masked, mention.end + 1)
    return match.group().strip(" ,") if match else None


def _note_issuer(masked: str, start: int, end: int, mentions: list[Mention], discourse: Discourse) -> None:
    """Remember who issued the document a sentence reports ('the ministry said in a statement', 'X
    tweeted'): the last subject before its verb of saying, else the first person or body it names there
    who was not spoken to or placed."""
    issued = ISSUED_RE.search(masked, start, end)
    if issued is None:
        return
    noun = next((_noun(g) for g in issued.groups() if g), None)
    cue = CUE_RE.search(masked, start, end)
    stop = cue.start() if cue else end
    named = [m for m in mentions if start <= m.start and m.end <= stop and m.kind != "document"
             and (m.entity or m.kind == "role" or m.kind == "bare" and _after_the(masked, m))
             and not OBJECT_BEFORE_RE.search(masked, start, m.start)
             and not LOCATIVE_BEFORE_RE.search(masked, max(start, m.start - LOCATIVE_REACH), m.start)]
    subjects = [m for m in named if m.subject]
    issuer = _entity(subjects[-1] if subjects else named[0]) if named else None
    if issuer is not None:  # a post on social media is a tweet too, and the other way round
        for kind in SOCIAL if noun is None or noun in SOCIAL else (noun,):
            discourse.documents[kind] = issuer


def _owner(owned: re.Match[str], discourse: Discourse) -> Entity | None:
    """Who a possessive before a document names: a person or body met before ('Lee's statement'), or a
    body never met before when the possessive follows 'the' ("the Elysée's statement")."""
    name = owned["owner"]
    known = discourse.entities.get(name.lower()) or discourse.surnames.get(name.split()[-1].lower())
    if known is not None:
        return discourse.touch(known)
    return discourse.institution(name) if owned["the"] else None


def _last_voice(discourse: Discourse) -> Entity | None:
    """Who 'the statement' is when the article named no statement: the body that spoke last ('The Foreign
    Office said it was concerned.'), unless a person has been named since."""
    body = discourse.acting()
    if body is None or not body.spoke:
        return None
    people = (e.seen for e in discourse.entities.values() if e.kind == "person")
    return body if body.spoke >= max(people, default=0) else None


def _after_the(masked: str, mention: Mention) -> bool:
    """A name never met before, written after 'the', is a body's ('the US Treasury said')."""
    return masked.startswith(("the ", "The "), mention.start) \
        or masked[max(0, mention.start - 4):mention.start] in ("the ", "The ")


def _noun(word: str) -> str:
    word = word.lower()
    return "communique" if word.startswith("communiqu") else word


def _entity(mention: Mention) -> Entity | None:
    """The person or body a mention stands for, or the name it gives as written."""
    if mention.entity is not None:
        return mention.entity
    name, _ = speaker_of(mention)
    return Entity(name, "as-written") if name else None
