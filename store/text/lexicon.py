"""The words that cue an attribution: verbs of saying in every inflection, and the titles, nations,
institutions, honorifics and first names that speaker resolution recognises."""

from __future__ import annotations

import re

# base form -> irregular past (None: regular -ed). Present forms only for verbs that are rarely nouns.
_PRESENT_TOO: dict[str, str | None] = {
    "say": "said", "tell": "told", "write": "wrote", "add": None, "warn": None, "explain": None,
    "insist": None, "stress": None, "argue": None, "urge": None, "admit": "admitted",
    "acknowledge": None, "concede": None, "predict": None, "suggest": None, "reveal": None,
    "reiterate": None, "maintain": None, "deny": "denied", "recall": None, "emphasise": None,
    "emphasize": None, "underline": None, "declare": None, "announce": None, "assert": None,
    "allege": None, "complain": None, "describe": None, "castigate": None, "accuse": None,
    "criticise": None, "criticize": None, "condemn": None, "dismiss": None, "reject": None,
    "observe": None, "conclude": None, "confirm": None, "continue": None, "ask": None,
}
_PAST_ONLY: dict[str, str | None] = {
    "note": None, "reply": "replied", "remark": None, "caution": None, "vow": None, "promise": None,
    "comment": None, "quip": "quipped", "respond": None, "counter": None, "state": None,
    "claim": None, "protest": None, "recount": None, "pledge": None, "tweet": None, "post": None,
    "point": None, "call": None, "dub": "dubbed", "brand": None, "label": "labelled", "term": None,
    "demand": None, "praise": None, "cite": None, "welcome": None, "hail": None, "blast": None,
    "report": None, "quote": None,
}


def _forms(base: str, past: str | None, present: bool) -> set[str]:
    consonant_y = base.endswith("y") and base[-2] not in "aeiou"
    regular = base[:-1] + "ied" if consonant_y else (base + "d" if base.endswith("e") else base + "ed")
    past = past or regular
    doubled = past == base + base[-1] + "ed"
    gerund = (base[:-1] if base.endswith("e") else base) + (base[-1] if doubled else "") + "ing"
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


def _words(text: str) -> frozenset[str]:
    """A vocabulary written as one space-separated string."""
    return frozenset(text.split())


NATIONS: dict[str, str] = {}
for _code, _names in {
    "GB": "uk u.k. britain british england english scotland scottish wales welsh london whitehall",
    "RU": "russia russian russians moscow kremlin soviet",
    "US": "us u.s. usa america american americans washington",
    "UA": "ukraine ukrainian ukrainians kyiv kiev",
    "FR": "france french paris", "DE": "germany german berlin", "CN": "china chinese beijing",
    "EU": "eu european brussels", "NATO": "nato", "PL": "poland polish warsaw",
    "BY": "belarus belarusian minsk", "TR": "turkey turkish ankara", "IL": "israel israeli",
    "IR": "iran iranian tehran", "IN": "india indian delhi", "JP": "japan japanese tokyo",
    "IT": "italy italian rome", "ES": "spain spanish madrid", "HU": "hungary hungarian budapest",
    "SE": "sweden swedish stockholm", "FI": "finland finnish helsinki", "NO": "norway norwegian oslo",
    "EE": "estonia estonian tallinn", "LV": "latvia latvian riga", "LT": "lithuania lithuanian vilnius",
    "CA": "canada canadian ottawa", "AU": "australia australian canberra", "KR": "korea korean seoul",
    "SY": "syria syrian damascus", "GE": "georgia georgian tbilisi", "QA": "qatar qatari doha",
    "SA": "saudi riyadh", "EG": "egypt egyptian cairo", "PS": "palestinian gaza", "NL": "dutch netherlands",
    "BE": "belgium belgian", "DK": "denmark danish copenhagen", "RO": "romania romanian bucharest",
    "IE": "ireland irish dublin", "AT": "austria austrian vienna", "CH": "switzerland swiss bern",
    "CZ": "czech prague", "SK": "slovakia slovak bratislava", "GR": "greece greek athens",
    "PT": "portugal portuguese lisbon", "MX": "mexico mexican", "BR": "brazil brazilian",
    "ZA": "african", "NG": "nigeria nigerian abuja", "KE": "kenya kenyan nairobi", "SD": "sudan sudanese",
    "ML": "mali malian bamako", "PK": "pakistan pakistani islamabad", "AF": "afghanistan afghan kabul",
    "IQ": "iraq iraqi baghdad", "LB": "lebanon lebanese beirut", "AM": "armenia armenian yerevan",
    "AZ": "azerbaijan azerbaijani baku", "MD": "moldova moldovan chisinau", "RS": "serbia serbian belgrade",
    "KZ": "kazakhstan kazakh astana", "JO": "jordan jordanian amman", "YE": "yemen yemeni",
}.items():
    for _w in _names.split():
        NATIONS[_w] = _code
PLACE_WORDS = frozenset({"united", "states", "kingdom", "europe", "west", "western", "east", "eastern"})
ROLE_HEADS = _words(
    "minister ministers secretary secretaries official officials chief chiefs spokesman spokeswoman "
    "spokesperson spokespeople president leader leaders diplomat diplomats envoy ambassador brigadier "
    "commander premier chancellor counterpart adviser advisor aide head director chairman chair mayor "
    "governor lawmaker lawmakers senator mp representative negotiator prosecutor king queen prince pope "
    "ceo officer deputy executive coordinator founder undersecretary commissioner attorney analyst "
    "economist researcher professor expert co-founder cofounder"
)
NATIONALITY_ADJECTIVES = frozenset(
    w for w in NATIONS if w.endswith(("ian", "ish", "ese", "ch", "can", "ean", "ern", "ic"))
) | _words("israeli qatari saudi iraqi swiss greek thai pakistani azerbaijani yemeni afghan kazakh slovak")
PLURAL_HEADS = _words("ministers secretaries officials chiefs leaders diplomats lawmakers spokespeople")
SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson"})
GENERIC_HEADS = frozenset({"official", "officials", "chief", "chiefs", "leader", "leaders", "head"})
MINISTERIAL = frozenset({"minister", "ministers", "secretary", "secretaries", "chancellor", "premier"})
ROLE_MODIFIERS = _words(
    "foreign defence defense interior home finance prime deputy vice top senior military former policy "
    "security national state affairs economy trade justice health armed forces staff press acting new "
    "junior shadow permanent first high chief general of for intelligence army navy air presidential "
    "government ministry kremlin white house cabinet statement source sources energy environment education "
    "transport business culture housing science climate treasury communities work pensions humanitarian "
    "naval founding managing executive commerce agriculture economic digital sports emergencies emergency "
    "industry labour labor social information communications infrastructure veterans development "
    "communication policy"
)
INSTITUTION_WORDS = _words(
    "kremlin pentagon government ministry embassy elysee élysée bundestag duma knesset parliament "
    "army military cabinet administration presidency"
)
ORG_HEADS = _words(
    "Ministry Office Department Government Council Commission Embassy Agency Service Command Parliament "
    "Steel Motors Airlines Airways Energy Oil Gas Holdings Inc Ltd Corp Capital Partners Technologies "
    "Industries Pharma Media Telecom Foundation "
    "Duma Senate Congress Assembly Committee Army Navy Force Forces Guard Bank Court Party Union Alliance "
    "Coalition Organization Organisation Street House Kremlin Pentagon Times Post News Institute "
    "University Group Company Corporation Fund Republic Republics Federation Palace Cabinet"
)
GROUP_NOUNS = frozenset({"grouping", "bloc", "alliance", "group", "organisation", "organization", "body",
                         "company", "firm", "carrier", "airline", "bank", "operator", "regulator",
                         "union", "coalition", "ministry", "government", "agency", "council"})
COMMON = _words(
    "The A An This That These Those But And Or So Then When While After Before Also However Meanwhile On "
    "In At For As If Asked Speaking According Last Next Earlier Later During Since Under Over With Without "
    "By From To His Her Their Its Our My Your We He She They It I Some Many Both Each All Any Another "
    "Such Even Only Still Yet Now Today Yesterday Instead Although Though Despite Unfortunately Recently "
    "Separately Elsewhere Here There What Who Why How Where Read More Photo Image Video Watch Dear "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July "
    "August September October November December Updated Published Copyright Sign Share Critics Officials "
    "Analysts Experts Residents Witnesses Sources Diplomats Protesters Activists Observers Campaigners "
    "Lawmakers Ministers Officers Troops Doctors Investigators Prosecutors Rescuers Supporters Opponents"
)
HONORIFICS = {"Mr": "m", "Sir": "m", "Lord": "m", "Mrs": "f", "Ms": "f", "Miss": "f", "Dame": "f",
              "Lady": "f", "Dr": None, "Gen": None, "Col": None, "Adm": None, "Rep": None, "Sen": None,
              "Gov": None, "Lt": None, "Maj": None, "Capt": None, "Prof": None, "Colonel": None,
              "General": None, "Major": None, "Captain": None, "Lieutenant": None, "Admiral": None,
              "Sergeant": None, "Marshal": None, "Brigadier": None}
FEMALE_NAMES = _words(
    "liz elizabeth ursula kaja annalena maria olena kamala theresa angela hillary nancy giorgia marine "
    "rachel yvette kemi priti penny anne anna emma sarah victoria mette sanna kristalina christine "
    "maia iryna yulia natalia olga tatiana svetlana marianne jacinda julia margaret helen catherine "
    "karine linda samantha nikki condoleezza madeleine federica roberta ylva jane mary susan karen lisa "
    "laura claire kate sophie emily alice amanda jennifer jessica michelle nicola hanna ingrid ewa marta "
    "elena irina ekaterina valentina lyudmila mariya oksana olha yuliia kateryna magdalena alicia elvira "
    "mathilde sanae salome paula olivia sylvie ana lucia isabel beatriz fatima aisha leila nadia"
)
MALE_NAMES = _words(
    "john ben boris vladimir sergei sergey dmitry dmitri jens josep donald joe emmanuel olaf rishi keir "
    "david james michael volodymyr andriy dmytro oleksii mark antony tony lloyd pete jake antonio xi "
    "recep viktor alexander alexei aleksandr mikhail yuri nikolai valery ruslan kyrylo charles "
    "william richard robert thomas peter paul george grant gavin jeremy dominic matt wes"
)
INDEFINITE = frozenset({"a", "an", "one", "two", "three", "four", "several", "some", "another"})
DETERMINERS = INDEFINITE | {"the", "his", "her", "its", "their"}
PARTICLES = _words("bin ibn al el de da di van von der den du dos del")
NON_VERBS = _words(
    "and or of in on at to for with from by the a an as than into about over after before during between "
    "against that which while but if when where whose via per"
)

# other words for a role's head, so "the Kremlin's press secretary" finds the Kremlin spokesman
ROLE_SYNONYMS: dict[str, frozenset[str]] = {
    word: frozenset({"spokesman", "spokeswoman", "spokesperson", "press secretary", "spokesmen"})
    for word in SPOKESPEOPLE
} | {
    "defense": frozenset({"defence"}), "defence": frozenset({"defense"}),
    "head": frozenset({"chief", "leader"}), "chief": frozenset({"head", "leader"}),
}
