"""The words that cue an attribution: verbs of saying in every inflection, and the titles, nations,
institutions, honorifics and first names that speaker resolution recognises."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

# base form -> irregular past (None: regular -ed). Present forms only for verbs that are rarely nouns.
_PRESENT_TOO: dict[str, str | None] = {
    "say": "said", "tell": "told", "write": "wrote", "add": None, "warn": None, "explain": None,
    "insist": None, "stress": None, "argue": None, "urge": None, "admit": "admitted",
    "acknowledge": None, "concede": None, "predict": None, "suggest": None, "reveal": None,
    "reiterate": None, "maintain": None, "deny": "denied", "recall": None, "emphasise": None,
    "emphasize": None, "underline": None, "declare": None, "announce": None, "assert": None,
    "allege": None, "complain": None, "describe": None, "castigate": None, "accuse": None,
    "criticise": None, "criticize": None, "condemn": None, "dismiss": None, "reject": None,
    "observe": None, "expect": None, "conclude": None, "confirm": None, "continue": None, "ask": None,
}
_PAST_ONLY: dict[str, str | None] = {
    "note": None, "reply": "replied", "remark": None, "caution": None, "vow": None, "promise": None,
    "comment": None, "quip": "quipped", "respond": None, "counter": None, "state": None,
    "claim": None, "protest": None, "recount": None, "pledge": None, "tweet": None, "post": None,
    "point": None, "call": None, "dub": "dubbed", "brand": None, "label": "labelled", "term": None,
    "demand": None, "praise": None, "cite": None, "welcome": None, "hail": None, "blast": None,
    "report": None, "quote": None, "assure": None, "reassure": None, "urge": None, "probe": None,
    "express": None, "voice": None, "deem": None, "underscore": None, "opine": None, "lament": None,
    "reckon": None, "agree": None, "echo": None, "wonder": None, "inform": None,
}


def _forms(base: str, past: str | None, present: bool) -> set[str]:
    consonant_y = base.endswith("y") and base[-2] not in "aeiou"
    regular = base[:-1] + "ied" if consonant_y else (base + "d" if base.endswith("e") else base + "ed")
    past = past or regular
    doubled = past == base + base[-1] + "ed"
    stem = base[:-1] if base.endswith("e") and not base.endswith("ee") else base  # 'agree': 'agreeing'
    gerund = stem + (base[-1] if doubled else "") + "ing"
    forms = {past, gerund}
    if present:
        third = base[:-1] + "ies" if consonant_y else (
            base + "es" if base.endswith(("s", "sh", "ch", "x")) else base + "s")
        forms |= {base, third}
    return forms


CUE_WORDS: frozenset[str] = frozenset(
    {w for base, past in _PRESENT_TOO.items() for w in _forms(base, past, True)}
    | {w for base, past in _PAST_ONLY.items() for w in _forms(base, past, False)}
)
CUE_RE = re.compile(r"\b(?:" + "|".join(sorted(CUE_WORDS, key=len, reverse=True)) + r")\b")


def is_cue(word: str) -> bool:
    """True when `word` (lower case) is an inflection of a verb of saying."""
    return word in CUE_WORDS


def is_participle(word: str) -> bool:
    """True for a cue in -ing form ("saying", "adding"), whose subject is the clause's subject."""
    return word.endswith("ing") and word in CUE_WORDS


# The vocabulary of speakers: nations, titles, bodies, honorifics, first names (for he/she).


def office_rank(role: str) -> int:
    """How much a role says of an office: 0 only a relation ('his counterpart'), 1 an office ('the UK
    minister'), 2 an office and its field ('UK Defence Secretary')."""
    said = set(re.findall(r"[\w'’-]+", role.lower()))
    if said & RELATIONAL_HEADS:
        return 0
    return 2 if said & OFFICE_DOMAINS else 1


def words(text: str) -> frozenset[str]:
    """A vocabulary written as one space-separated string."""
    return frozenset(text.split())


# Nationality words, each with the code of the country or union it describes.
DEMONYMS: dict[str, str] = {}
# Names of each country, its capital and seats of power, by code; with DEMONYMS, the words naming a nation.
_NATION_WORDS: dict[str, str] = {}
for _code, _demonyms, _names in (
    ("GB", "british english scottish welsh", "uk u.k. britain england scotland wales london whitehall"),
    ("RU", "russian russians soviet", "russia moscow kremlin"),
    ("US", "american americans", "us u.s. usa america washington"),
    ("UA", "ukrainian ukrainians", "ukraine kyiv kiev"), ("FR", "french", "france paris"),
    ("DE", "german", "germany berlin"), ("CN", "chinese", "china beijing"),
    ("EU", "european", "eu brussels"), ("NATO", "", "nato"), ("PL", "polish", "poland warsaw"),
    ("BY", "belarusian", "belarus minsk"), ("TR", "turkish", "turkey ankara"), ("IL", "israeli", "israel"),
    ("IR", "iranian", "iran tehran"), ("IN", "indian", "india delhi"), ("JP", "japanese", "japan tokyo"),
    ("IT", "italian", "italy rome"), ("ES", "spanish", "spain madrid"),
    ("HU", "hungarian", "hungary budapest"), ("SE", "swedish", "sweden stockholm"),
    ("FI", "finnish", "finland helsinki"), ("NO", "norwegian", "norway oslo"),
    ("EE", "estonian", "estonia tallinn"), ("LV", "latvian", "latvia riga"),
    ("LT", "lithuanian", "lithuania vilnius"), ("CA", "canadian", "canada ottawa"),
    ("AU", "australian", "australia canberra"), ("KR", "korean", "korea seoul"),
    ("SY", "syrian", "syria damascus"), ("GE", "georgian", "georgia tbilisi"),
    ("QA", "qatari", "qatar doha"), ("SA", "saudi", "riyadh"), ("EG", "egyptian", "egypt cairo"),
    ("PS", "palestinian", "gaza"), ("NL", "dutch", "netherlands"), ("BE", "belgian", "belgium"),
    ("DK", "danish", "denmark copenhagen"), ("RO", "romanian", "romania bucharest"),
    ("IE", "irish", "ireland dublin"), ("AT", "austrian", "austria vienna"),
    ("CH", "swiss", "switzerland bern"), ("CZ", "czech", "prague"), ("SK", "slovak", "slovakia bratislava"),
    ("GR", "greek", "greece athens"), ("PT", "portuguese", "portugal lisbon"), ("MX", "mexican", "mexico"),
    ("BR", "brazilian", "brazil"), ("ZA", "african", ""), ("NG", "nigerian", "nigeria abuja"),
    ("KE", "kenyan", "kenya nairobi"), ("SD", "sudanese", "sudan"), ("ML", "malian", "mali bamako"),
    ("PK", "pakistani", "pakistan islamabad"), ("AF", "afghan", "afghanistan kabul"),
    ("IQ", "iraqi", "iraq baghdad"), ("LB", "lebanese", "lebanon beirut"),
    ("AM", "armenian", "armenia yerevan"), ("AZ", "azerbaijani", "azerbaijan baku"),
    ("MD", "moldovan", "moldova chisinau"), ("RS", "serbian", "serbia belgrade"),
    ("KZ", "kazakh", "kazakhstan astana"), ("JO", "jordanian", "jordan amman"), ("YE", "yemeni", "yemen"),
    ("BG", "bulgarian", "bulgaria"), ("HR", "croatian", "croatia zagreb"), ("AE", "emirati", "uae"),
    ("TH", "thai", "thailand bangkok"),
):
    DEMONYMS.update(dict.fromkeys(_demonyms.split(), _code))
    _NATION_WORDS.update(dict.fromkeys(_names.split(), _code))
NATIONS: dict[str, str] = DEMONYMS | _NATION_WORDS
NATIONALITY_ADJECTIVES = frozenset(DEMONYMS)
PLACE_WORDS = frozenset({"united", "states", "kingdom", "europe", "west", "western", "east", "eastern"})
# Words of a role written before or after a name: 'UK Defence Secretary', 'the bank's chief executive'.
ROLE_HEADS = words(
    "minister ministers pm secretary secretaries official officials chief chiefs spokesman spokeswoman "
    "spokesperson spokespeople president leader leaders diplomat diplomats envoy ambassador brigadier "
    "commander premier chancellor counterpart adviser advisor aide head director chairman chairwoman chair "
    "mayor governor lawmaker lawmakers senator mp representative negotiator prosecutor king queen prince "
    "princess pope ceo cfo coo cto officer deputy executive coordinator founder undersecretary commissioner "
    "attorney candidate senators governors mayors councillors chairperson speaker "
    "general analyst economist researcher professor expert co-founder cofounder colonel major captain "
    "lieutenant admiral marshal sergeant emir sheikh sultan taoiseach tánaiste tanaiste "
    # sport, business and science: 'Norwich boss Chris Hughton', 'physicist Ibrahima Bah'
    "boss coach manager skipper striker midfielder defender goalkeeper owner physicist scientist "
    "engineer doctor editor correspondent reporter columnist lawyer judge justice nurse medic "
    # local government and parties: 'Cllr Jane Doe', 'the Lindley Lib-Dem said'
    "councillor councilor alderman democrat republican tory lib-dem libdem"
)
# Last words of a news organisation's name, as a masthead prints it: 'Evening News', 'Khaleej Times'.
# Roles that say how someone stands to another ('his British counterpart'), not which office they hold.
RELATIONAL_HEADS = words("counterpart counterparts colleague colleagues predecessor successor")
# A newsroom's jobs, which end a byline's role ('Senior Court Reporter') and some outlets' names.
BYLINE_HEADS = words("reporter correspondent editor writer")
OUTLET_HEADS = words(
    "news times post agency press service radio television tv herald journal gazette tribune telegraph "
    "guardian independent standard express mirror mail observer chronicle wire review reporter monitor "
    "bulletin courier examiner inquirer globe insider magazine broadcasting channel dispatch daily"
)
# First words of a section label that ends like a masthead: 'World News', 'Latest News', 'Top Stories'.
SECTION_WORDS = words(
    "world latest top breaking business local national international sport sports tech science health "
    "all more related other popular trending live politics entertainment fake today's us uk "
    "europe asia africa personal good financial weekend in from on inside behind"
)
# months that are surnames after a first name or a title
MONTH_SURNAMES = frozenset({"May", "March", "April", "June"})
PLURAL_HEADS = words("ministers secretaries officials chiefs leaders diplomats lawmakers spokespeople "
                     "senators governors mayors councillors")
SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson"})
# Role heads of people who speak or work for someone else, whose own office they are not.
SUBORDINATES = SPOKESPEOPLE | {"aide", "adviser", "advisor", "assistant"}
# Heads that say someone leads or serves, not which office: 'the defence chief' is its minister or secretary.
GENERIC_HEADS = frozenset({"official", "officials", "chief", "chiefs", "leader", "leaders", "head"})
MINISTERIAL = frozenset({"minister", "ministers", "secretary", "secretaries", "chancellor", "premier"})
# The domain of an office, which tells one minister from another ('defence minister', 'foreign minister').
OFFICE_DOMAINS = words("defence defense foreign prime military interior finance")
ROLE_MODIFIERS = words(
    "foreign defence defense interior home finance prime deputy vice top senior military former policy "
    "security national state affairs economy trade justice health armed forces staff press acting new "
    "junior shadow permanent first high chief general the of for intelligence army navy air presidential "
    "government ministry kremlin white house cabinet statement source sources energy environment education "
    "transport business culture housing science climate treasury communities work pensions humanitarian "
    "naval founding managing executive commerce agriculture economic digital sports emergencies emergency "
    "industry labour labor social information communications infrastructure veterans development "
    "communication supreme allied assistant interim caretaker"
)
# Offices that 'General' completes ('Secretary General', 'Attorney General'): there it is no military rank.
OFFICES_GENERAL = words("secretary attorney solicitor surgeon director inspector governor auditor postmaster "
                        "procurator comptroller consul prosecutor")
# Words after 'Miss' that make it a beauty pageant ('Miss World'), as a country does ('Miss India').
PAGEANT_WORDS = words("world universe earth international supranational grand teen")
# Words that name a body even in lower case ('the ministry said', 'the Kremlin').
SEATS_OF_POWER = words(
    "kremlin pentagon government ministry embassy elysee élysée bundestag duma knesset parliament "
    "army military cabinet administration presidency"
)
# Words that make a capitalised name a body ('Defence Ministry', 'Azov Steel', 'Foreign Office').
BODY_WORDS = words(
    "office department council commission agency service command senate congress assembly committee navy "
    "force forces guard bank court party union alliance coalition organization organisation street house "
    "institute university group company corporation fund federation palace republic republics nato eu un "
    "g7 g20 osce iaea imf opec csto brics asean who bloc secretariat directorate bureau authority "
    "authorities police steel motors airlines airways energy oil gas holdings inc ltd corp capital "
    "partners technologies industries pharma media telecom foundation times post news front movement brigade "
    "brigades battalion regiment militia association society league chamber board trust"
)
INSTITUTION_WORDS = SEATS_OF_POWER | BODY_WORDS
# Bodies named by a common noun, even in lower case ('police said', 'said the police in a statement').
COMMON_BODIES = frozenset({"police"})
GROUP_NOUNS = frozenset({"grouping", "bloc", "alliance", "group", "organisation", "organization", "body",
                         "company", "firm", "carrier", "airline", "bank", "operator", "regulator",
                         "union", "coalition", "ministry", "government", "agency", "council", "force",
                         "department"})
COMMON = words(
    "The A An This That These Those But And Or So Then When While After Before Also However Meanwhile On "
    "Added Adds Says Wrote Writes "
    "In At For As If Asked Speaking According Last Next Earlier Later During Since Under Over With Without "
    "By From To His Her Their Its Our My Your We He She They It I Some Many Both Each All Any Another "
    "Such Even Only Still Yet Now Today Yesterday Instead Although Though Despite Unfortunately Recently "
    "Separately Elsewhere Here There What Who Why How Where Read More Photo Image Video Watch Dear "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July "
    "August September October November December Updated Published Copyright Sign Share Critics Officials "
    "Analysts Experts Residents Witnesses Sources Diplomats Protesters Activists Observers Campaigners "
    "Lawmakers Ministers Officers Troops Doctors Investigators Prosecutors Rescuers Supporters Opponents "
    "About Against Amid Among Regarding Following Throughout Within Most Several Few Others Everyone "
    "Everybody Someone Somebody Nobody Anyone None Neither Either"
)
# Titles written before a name, with the gender they tell (None: either). The short ones are also
# stripped from a name to match it ('Mr Wallace' is 'Wallace').
COURTESY_TITLES: dict[str, str | None] = {
    "Mr": "m", "Sir": "m", "Lord": "m", "Mrs": "f", "Ms": "f", "Miss": "f", "Dame": "f", "Lady": "f",
    "Dr": None, "Gen": None, "Col": None, "Adm": None, "Rep": None, "Sen": None, "Gov": None, "Lt": None,
    "Sec": None, "Maj": None, "Capt": None, "Prof": None, "Sgt": None, "Cpl": None, "Insp": None,
    "Supt": None, "Datuk": None, "Dato": None, "Datin": "f", "Seri": None, "Sheikh": "m", "Shri": "m",
    "Smt": "f", "Alhaji": "m", "Hajia": "f", "Hon": None, "Rt": None, "Honourable": None,
    "Cllr": None, "Clr": None,
}
# Letters written after a name for a seat or an honour ('Jane Doe MP', 'John Roe KC'): not a role before one.
POST_NOMINALS = frozenset(words("MP MPs MSP MS MEP TD MLA MHA QC KC OBE CBE MBE KBE DBE"))
RANKS: dict[str, str | None] = dict.fromkeys(
    words("Colonel General Major Captain Lieutenant Admiral Sergeant Marshal Brigadier"))
HONORIFICS: dict[str, str | None] = COURTESY_TITLES | RANKS
# Words written with a full stop that does not end a sentence ('Sgt. Smith', 'Jan. 5', 'No. 10').
_WHOLE_WORDS = ("Sir", "Lord", "Miss", "Dame", "Lady", "Datuk", "Dato", "Datin", "Seri", "Sheikh",
                "Shri", "Alhaji", "Hajia", "Honourable")
ABBREVIATIONS = frozenset(t for t in COURTESY_TITLES if t not in _WHOLE_WORDS) | words(
    "St Rev Jr Sr No Vol Jan Feb Mar Apr Aug Sep Sept Oct Nov Dec approx vs Mt Ft Gen Corp Inc Ltd Co Bros")
# An abbreviation just before a full stop at the end of the searched text.
ABBREVIATION_RE = re.compile(r"\b(?:" + "|".join(sorted(ABBREVIATIONS, key=len, reverse=True)) + r")$")
SENTENCE_END = re.compile(r"(?<!\b[A-Z])[.!?][”\"’']?(?=\s+[“\"‘A-Z(])")
FEMALE_NAMES = words(
    "liz elizabeth ursula kaja annalena maria olena kamala theresa angela hillary nancy giorgia marine "
    "rachel yvette kemi priti penny anne anna emma sarah victoria mette sanna kristalina christine "
    "maia iryna yulia natalia olga tatiana svetlana marianne jacinda julia margaret helen catherine "
    "karine linda samantha nikki condoleezza madeleine federica roberta ylva jane mary susan karen lisa "
    "laura claire kate sophie emily alice amanda jennifer jessica michelle nicola hanna ingrid ewa marta "
    "elena irina ekaterina valentina lyudmila mariya oksana olha yuliia kateryna magdalena alicia elvira "
    "mathilde sanae salome paula olivia sylvie ana lucia isabel beatriz fatima aisha leila nadia"
)
MALE_NAMES = words(
    "john ben boris vladimir sergei sergey dmitry dmitri jens josep donald joe emmanuel olaf rishi keir "
    "david james michael volodymyr andriy dmytro oleksii mark antony tony lloyd pete jake antonio xi "
    "recep viktor alexander alexei aleksandr mikhail yuri nikolai valery ruslan kyrylo charles "
    "william richard robert thomas peter paul george grant gavin jeremy dominic matt wes"
)
# Verbs after a subject that end neither in -s nor in -ed: irregular pasts and modals ('Ann Lee met').
IRREGULAR_FINITE = words(
    "said told met went made took gave came left held spoke wrote won lost began ran saw sent kept led set "
    "put got found thought felt became brought stood sat read paid can could may might must shall should"
)
# Plural subjects that report speech without naming anyone: 'Critics said the deal “would reward…”'.
UNNAMED_SUBJECTS = words(
    "critics officials sources analysts experts residents witnesses observers diplomats opponents "
    "campaigners protesters activists supporters others villagers voters fans workers parents farmers "
    "shareholders students"
)
# Last words of a place's name, and words of a headline, that no person's name has:
# 'Helmand Province', 'Guantanamo Bay'; 'Iran Is Open To Talks'.
PLACE_HEADS = words("province region district county bay island islands valley strait camp base port river "
                    "sea lake ocean canal peninsula desert mountains strip")
SETTLEMENT_HEADS = words("capital city town village")
HEADLINE_WORDS = words("is are was were be has have says said to with for no not")
# Last words of a building's name: after 'at the' or 'in' it is where something happened ('at Buckingham
# Palace'), not a body taking part (as 'the White House said' is).
BUILDING_HEADS = words(
    "palace house hall castle square street building hotel centre center stadium arena auditorium")
# Verbs that report their words (not 'describe … as', 'call … a'), for unnamed plural subjects.
REPORTING_VERBS = words(
    "said say says warned warn argued argue argues told tell insisted claimed claim claims")
INDEFINITE = frozenset({"a", "an", "one", "two", "three", "four", "several", "some", "another"})
DETERMINERS = INDEFINITE | {"the", "his", "her", "its", "their"}
PARTICLES = words("bin ibn al el de da di van von der den du dos del la le")
NON_VERBS = words(
    "and or of in on at to for with from by the a an as than into about over after before during between "
    "against that which while but if when where whose via per"
)


def _kept(package: str, data: str, build: Callable[[], Any]) -> Any:
    """What `build` makes of a package's data file, kept between processes (caches.kept_for, stamped
    with this module too, which decides the kept form): parsing the lists costs more than answering a
    question."""
    from pathlib import Path

    from clipdesk.store.index.caches import kept_for, package_file

    return kept_for([package_file(package, data), Path(__file__)], package, build)


@lru_cache(maxsize=1)
def _englishwords() -> dict[str, str]:
    """The lower-case word list by first two letters, each group one string of words between
    newlines: read back from the kept file, 210,000 words as a list or a set would cost a question
    more than looking up its few capitalised words."""
    def build() -> dict[str, str]:
        from english_words import get_english_words_set

        groups: dict[str, list[str]] = {}
        for word in sorted(w for w in get_english_words_set(["web2"], lower=False) if w.islower()):
            groups.setdefault(word[:2], []).append(word)
        return {start: "\n" + "\n".join(group) + "\n" for start, group in groups.items()}

    return _kept("english_words", "data/web2.pickle", build)


def is_english_word(word: str) -> bool:
    """True when `word` (any case) is an ordinary English word: 'nice', 'reading', 'split'."""
    low = word.lower()
    return bool(low) and "\n" not in low and f"\n{low}\n" in _englishwords().get(low[:2], "")


_GENDERS = {"female": "f", "mostly_female": "f", "male": "m", "mostly_male": "m"}


@lru_cache(maxsize=1)
def _first_names() -> dict[str, str]:
    """The lower-case first names gender-guesser gives mostly to one gender, by first two letters,
    each group one string of "name<tab>f" or "name<tab>m" lines (read back as fast as the word list)."""
    def build() -> dict[str, str]:
        from gender_guesser.detector import Detector

        detector = Detector(case_sensitive=False)
        groups: dict[str, list[str]] = {}
        for name in sorted(detector.names):
            if (gender := detector.get_gender(name)) in _GENDERS:
                groups.setdefault(name[:2], []).append(f"{name}\t{_GENDERS[gender]}")
        return {start: "\n" + "\n".join(group) + "\n" for start, group in groups.items()}

    return _kept("gender_guesser", "data/nam_dict.txt", build)


def first_name_gender(word: str) -> str | None:
    """'f' or 'm' when `word` is a first name mostly given to women or men (gender-guesser's list)."""
    if not word.isalpha():
        return None
    low = word.lower()
    group = _first_names().get(low[:2], "")
    at = group.find(f"\n{low}\t")
    return group[at + len(low) + 2] if at >= 0 else None


# what a short form in a question stands for in the coverage ("the coalition's HQ": its headquarters)
EXPANSIONS: dict[str, frozenset[str]] = {
    "hq": frozenset({"headquarters"}), "pm": frozenset({"prime minister"}),
    "ussr": frozenset({"soviet union"}), "mod": frozenset({"ministry of defence", "defence ministry"}),
    "un": frozenset({"united nations"}), "eu": frozenset({"european union"}),
    "mp": frozenset({"member of parliament"}), "mps": frozenset({"members of parliament"}),
    "govt": frozenset({"government"}), "intel": frozenset({"intelligence"}),
    "ww2": frozenset({"wwii", "second world war", "world war ii", "world war two"}),
    "wwii": frozenset({"ww2", "second world war", "world war ii", "world war two"}),
    "ww1": frozenset({"wwi", "first world war", "world war i", "world war one"}),
    "wwi": frozenset({"ww1", "first world war", "world war i", "world war one"}),
}

# other words for a role's head, so "the Kremlin's press secretary" finds the Kremlin spokesman
ROLE_SYNONYMS: dict[str, frozenset[str]] = {
    word: frozenset({"spokesman", "spokeswoman", "spokesperson", "press secretary", "spokesmen"})
    for word in SPOKESPEOPLE
} | {
    "defense": frozenset({"defence"}), "defence": frozenset({"defense"}),
    "head": frozenset({"chief", "leader"}), "chief": frozenset({"head", "leader"}),
}


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
