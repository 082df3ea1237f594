"""Places and their other spellings (Kyiv/Kiev, Kharkiv/Kharkov), recognised in text."""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from clipdesk.store.text.spelling import fold

# Canonical name first, then the other names and transliterations it is written as.
GAZETTEER = """
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
Donetsk
Donbas | Donbass
Crimea | Krym
Sevastopol | Sebastopol
Kherson
Mariupol
Bakhmut | Artemivsk | Artemovsk
Sumy
Poltava
Vinnytsia | Vinnitsa
Zhytomyr | Zhitomir
Chernobyl | Chornobyl
Russia | Russian Federation
Moscow | Moskva
St Petersburg | Saint Petersburg | St. Petersburg | Petersburg | Leningrad
Belgorod
Kursk
Rostov-on-Don | Rostov
Kaliningrad | Koenigsberg
Belarus | Byelorussia | Belorussia | Bielorussia
Minsk
Moldova | Moldavia
Chisinau | Kishinev
Georgia
Tbilisi | Tiflis
Armenia
Yerevan | Erevan
Azerbaijan
Baku
Kazakhstan
Astana | Nur-Sultan
Almaty | Alma-Ata
Kyrgyzstan | Kirghizia | Kirgizia
Uzbekistan
Tashkent | Toshkent
Turkmenistan
Tajikistan
United Kingdom | UK | U.K. | Britain | Great Britain
England
Scotland
Wales
Northern Ireland
London
Edinburgh
United States | US | U.S. | USA | U.S.A. | America | United States of America
Washington | Washington DC | Washington D.C.
New York | New York City
European Union | EU
Europe
Brussels | Bruxelles | Brussel
Paris
Berlin
Munich | Muenchen | Munchen
Cologne | Koln
Frankfurt
Germany
France
Italy
Rome | Roma
Spain
Madrid
Portugal
Lisbon | Lisboa
Netherlands | Holland
The Hague | Hague | Den Haag
Amsterdam
Belgium
Luxembourg
Switzerland
Geneva | Geneve
Zurich
Davos
Austria
Vienna | Wien
Poland
Warsaw | Warszawa
Krakow | Cracow
Rzeszow
Czech Republic | Czechia
Prague | Praha
Slovakia
Bratislava
Hungary
Budapest
Romania | Rumania
Bucharest
Bulgaria
Sofia
Serbia
Belgrade
Croatia
Slovenia
Greece
Athens
Turkey | Turkiye
Ankara
Istanbul | Constantinople
Lithuania
Vilnius
Latvia
Riga
Estonia
Tallinn
Finland
Helsinki
Sweden
Stockholm
Norway
Oslo
Bodø | Bodo
Denmark
Copenhagen
Iceland
Reykjavik
Ireland
Dublin
Canada
Ottawa
Mexico
Brazil
China | People's Republic of China | PRC
Beijing | Peking
Shanghai
Hong Kong
Taiwan
Taipei
Japan
Tokyo
North Korea | DPRK
South Korea
Korea
Pyongyang
Seoul
India
New Delhi | Delhi
Mumbai | Bombay
Kolkata | Calcutta
Chennai | Madras
Pakistan
Islamabad
Afghanistan
Kabul
Iran | Persia
Tehran | Teheran
Iraq
Baghdad
Syria
Damascus
Aleppo
Lebanon
Beirut
Israel
Jerusalem
Tel Aviv
Gaza | Gaza Strip
West Bank
Jordan
Egypt
Cairo
Saudi Arabia
Riyadh
Qatar
Doha
United Arab Emirates | UAE
Abu Dhabi
Dubai
Yemen
Libya
Tripoli
Tunisia
Algeria
Morocco
Sudan
Ethiopia
Addis Ababa
Kenya
Nairobi
Nigeria
South Africa
Myanmar | Burma
Yangon | Rangoon
Vietnam | Viet Nam
Australia
Canberra
New Zealand
Ivory Coast | Cote d'Ivoire
Transnistria | Transdniestria | Pridnestrovie
Arctic
Black Sea
Baltic Sea
Mediterranean
"""

SHORT = 3  # aliases this short (US, UK, EU) are matched as abbreviations
LOWER_CASE_WORDS = frozenset({"us"})  # abbreviations that are ordinary words when written in lower case
FUZZY_MIN = 6  # words shorter than this are never taken for a misspelt place
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_]+(?:[-'][^\W_]+)*")
_POSSESSIVE = re.compile(r"'s?$")


def _load() -> tuple[dict[str, str], dict[str, list[str]], dict[str, str]]:
    by_alias: dict[str, str] = {}
    names: dict[str, list[str]] = {}
    short: dict[str, str] = {}
    for line in GAZETTEER.strip().splitlines():
        written = [w.strip() for w in line.split("|")]
        names[written[0]] = written
        for alias in written:
            if len(alias.replace(".", "")) <= SHORT and alias.isupper():
                short[alias] = written[0]
            else:
                by_alias[fold(alias)] = written[0]
    return by_alias, names, short


_BY_ALIAS, _NAMES, _SHORT = _load()
_LONGEST = max(len(a.split()) for a in _BY_ALIAS)
_SINGLE = sorted(a for a in _BY_ALIAS if " " not in a and len(a) >= FUZZY_MIN)


def canonical_place(name: str) -> str | None:
    """The canonical name of a place written any known way ('Kiev' -> 'Kyiv'), else None."""
    name = name.strip()
    return _SHORT.get(name) or _BY_ALIAS.get(_POSSESSIVE.sub("", fold(name)))


def place_variants(name: str) -> set[str]:
    """Every known way of writing the place `name` names ('Kiev' -> {'Kyiv', 'Kiev', ...})."""
    canonical = canonical_place(name)
    return set(_NAMES[canonical]) if canonical else {name}


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
    short = _short(tokens[i])
    if short:
        return short, 1
    for width in range(min(_LONGEST, len(tokens) - i), 0, -1):
        place = _BY_ALIAS.get(" ".join(keys[i:i + width]))
        if place:
            return place, width
    return _fuzzy(keys[i]), 1


def _short(token: str) -> str | None:
    """The place an abbreviation names: 'UK', "UK's", 'U.S.'; in lower case too, except 'us'."""
    bare = re.sub(r"'s$", "", token)
    if bare in _SHORT:
        return _SHORT[bare]
    if bare.islower() and bare not in LOWER_CASE_WORDS:
        return _SHORT.get(bare.upper())
    return None


@lru_cache(maxsize=1 << 14)
def _fuzzy(word: str) -> str | None:
    """A place a longer word misspells by a letter or two (never a derived word like 'Russian')."""
    if len(word) < FUZZY_MIN or not word.isalpha():
        return None
    allowed = 1 if len(word) < 9 else 2
    candidates = [a for a in _SINGLE if a[0] == word[0] and abs(len(a) - len(word)) <= allowed]
    best = process.extractOne(word, candidates, scorer=Levenshtein.distance, score_cutoff=allowed)
    if best is None or word.startswith(best[0]) or best[0].startswith(word):
        return None
    return _BY_ALIAS[best[0]]
