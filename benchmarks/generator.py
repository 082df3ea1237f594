"""Synthetic coverage for benchmarks: scraped-looking articles with people, places, quotes and events."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate

from clipdesk.store.text.places import ALIASES

# Names and ordinary words are built from different syllables, as in real text, so a topic word is not
# taken for a misspelt surname.
NAME_SYLLABLES = ["ka", "lo", "mir", "sen", "tav", "ro", "vik", "an", "dre", "pol", "us", "zen", "mar",
                  "tio", "gor", "el", "bas", "ni", "kov", "sky", "ber", "gen", "ham", "lin", "ford", "ley",
                  "son"]
WORD_SYLLABLES = ["tra", "con", "ment", "port", "ex", "dis", "ure", "ing", "pro", "ate", "sion", "lec",
                  "fer", "gram", "ric", "tal", "ous", "mo", "ab", "cy", "ism", "qua", "duc", "ple", "ef"]
ROLES = ["Foreign Minister", "Defence Secretary", "Prime Minister", "spokesman", "Finance Minister",
         "army chief", "ambassador", "energy minister", "trade envoy", "party leader"]
OUTLETS = [("Reuters", "{PLACE}, {month} {day} (Reuters) -"), ("TASS", "{PLACE}, {month} {day}. /TASS/."),
           ("AP", "{PLACE} (AP) —"), ("Interfax", "{PLACE}. {month} {day} (Interfax) -"),
           ("AFP", "{place} (AFP) -")]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
CUES = ['{o}{q},{c} {name} said.', '{o}{q},{c} {surname} told reporters.', '{name} said: {o}{q}{c}',
        'According to {name}, {o}{q}{c}', '{o}{q},{c} the {role} added.', '{o}{q},{c} {pronoun} said.',
        '{o}{q},{c} said {name}.', '{name} told the {outlet} news agency: {o}{q}.{c}',
        '{name} was quoted as saying {o}{q}.{c}']
QUOTE_MARKS = [('"', '"'), ("\u201c", "\u201d")]
EVENTS = ["{a} met {b} in {place} on {weekday} to discuss {topic}.",
          "{a} held talks with {b} in {place} on {weekday}.",
          "{a} spoke by phone with {b} on {weekday} about {topic}.",
          "{a} will visit {place} next week, the ministry said.",
          "The government imposed sanctions on {place} exporters over {topic}."]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
FILLER = ["the", "a", "of", "in", "and", "to", "on", "for", "with", "as", "by", "that", "was", "is"]
BOILERPLATE = ["Share", "Read more:", "© 2025 All rights reserved.", "Sign up for our newsletter",
               "Advertisement", "Follow us on Twitter"]


@dataclass(frozen=True)
class Person:
    """A speaker with the other ways the coverage writes the name (transliterations, misspellings)."""

    first: str
    surname: str
    role: str
    other_firsts: tuple[str, ...] = ()
    other_surnames: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return f"{self.first} {self.surname}"

    def written(self, rnd: random.Random) -> str:
        """The full name as one article writes it: usually canonical, sometimes another spelling."""
        roll = rnd.random()
        if roll < 0.1 and self.other_firsts:
            return f"{rnd.choice(self.other_firsts)} {self.surname}"
        if roll < 0.15 and self.other_surnames:
            return f"{self.first} {rnd.choice(self.other_surnames)}"
        return self.name


def _word(rnd: random.Random, syllables: list[str], parts: int) -> str:
    return "".join(rnd.choice(syllables) for _ in range(parts))


def _transliterations(first: str) -> tuple[str, ...]:
    """Other ways a first name is transliterated: Sergei/Sergey, Aleksandr/Alexandr."""
    if first.endswith(("i", "y")):
        return (first[:-1] + ("y" if first.endswith("i") else "i"),)
    if "k" in first:
        return (first.replace("k", "x", 1),)
    return (first + "i",)


def _misspellings(surname: str) -> tuple[str, ...]:
    """A letter doubled and one dropped: Shoigu -> Shoiggu, Shoigu -> Shogu."""
    middle = len(surname) // 2
    return (surname[:middle] + surname[middle] + surname[middle:], surname[:middle] + surname[middle + 1:])


class World:
    """A fixed pool of people, places and topic words (Zipf-distributed), deterministic by seed."""

    def __init__(self, seed: int = 1, people: int = 5000, places: int = 2000,
                 vocabulary: int = 20000) -> None:
        rnd = random.Random(seed)
        self.people = []
        for _ in range(people):
            first, surname = _word(rnd, NAME_SYLLABLES, 2).title(), _word(rnd, NAME_SYLLABLES, 3).title()
            self.people.append(Person(first, surname, rnd.choice(ROLES), _transliterations(first),
                                      _misspellings(surname)))
        known = [[w.strip() for w in line.split("|")] for line in ALIASES.strip().splitlines()]
        invented: set[str] = set()
        while len(invented) < places - len(known):
            suffix = rnd.choice(["", "grad", "ville", "stan", "ia"])
            invented.add(_word(rnd, NAME_SYLLABLES, 2).title() + suffix)
        # each place with every way it is written (known places have aliases: Kyiv, Kiev)
        self.places = known + [[p] for p in sorted(invented)]
        names = {w.lower() for p in self.people for w in (p.first, p.surname, *p.other_surnames)}
        words: set[str] = set()
        while len(words) < vocabulary:
            word = _word(rnd, WORD_SYLLABLES, rnd.randint(2, 4))
            if word not in names:
                words.add(word)
        self.words = sorted(words)
        rnd.shuffle(self.words)  # frequency rank independent of spelling
        self._weights = list(accumulate(1 / (rank + 1) for rank in range(len(self.words))))
        self._people_weights = list(accumulate(1 / (rank + 1) ** 0.8 for rank in range(len(self.people))))

    def topic(self, rnd: random.Random, k: int) -> list[str]:
        return rnd.choices(self.words, cum_weights=self._weights, k=k)

    def person(self, rnd: random.Random) -> Person:
        return rnd.choices(self.people, cum_weights=self._people_weights)[0]

    def place(self, rnd: random.Random) -> str:
        """A place as one article writes it (any of its names)."""
        return rnd.choice(rnd.choice(self.places))

    def sentence(self, rnd: random.Random, k: int) -> str:
        words = [w if rnd.random() < 0.6 else rnd.choice(FILLER) for w in self.topic(rnd, k)]
        return " ".join(words).capitalize()


def article(world: World, rnd: random.Random) -> str:
    """One raw article as a scraper gives it."""
    outlet, dateline = rnd.choice(OUTLETS)
    place = world.place(rnd)
    speaker, other = world.person(rnd), world.person(rnd)
    name = speaker.written(rnd)  # one article keeps to one spelling
    opening, closing = rnd.choice(QUOTE_MARKS)
    lines = [rnd.choice(BOILERPLATE), world.sentence(rnd, rnd.randint(5, 9)), "",
             f"By {world.person(rnd).name}", ""]
    lead = dateline.format(place=place, PLACE=place.upper(), month=rnd.choice(MONTHS), day=rnd.randint(1, 28))
    lines += [f"{lead} {speaker.role} {name} {world.sentence(rnd, 14).lower()}.", ""]
    for _ in range(rnd.randint(4, 19)):
        roll = rnd.random()
        if roll < 0.35:
            lines.append(rnd.choice(CUES).format(
                q=world.sentence(rnd, rnd.randint(8, 16)), o=opening, c=closing, name=name,
                surname=name.split()[-1], role=speaker.role.lower(), pronoun=rnd.choice(["he", "she"]),
                outlet=outlet))
        elif roll < 0.5:
            lines.append(rnd.choice(EVENTS).format(
                a=name, b=other.written(rnd), place=world.place(rnd), weekday=rnd.choice(WEEKDAYS),
                topic=" ".join(world.topic(rnd, 2))))
        else:
            lines.append(f"{world.sentence(rnd, rnd.randint(12, 30))}.")
        lines.append("")
    if rnd.random() < 0.5:
        lines.append(rnd.choice(BOILERPLATE))
    return "\n".join(lines)


def articles(n: int, seed: int = 1, world: World | None = None) -> Iterator[tuple[str, str]]:
    """(file name, raw text) for n articles."""
    world = world or World(seed)
    rnd = random.Random(seed * 7919)
    for i in range(n):
        yield f"a{i:07d}.txt", article(world, rnd)


KINDS = ("who said", "when", "quote lookup", "free question", "typo'd name", "off-topic", "common words")
COMMON = 40  # the most frequent topic words, which common-word questions are made of
OFF_TOPIC = ["What is the capital of Australia?", "Who won the 1998 World Cup?",
             "How do I bake sourdough bread?", "What is the weather in Lima?"]


def questions(world: World, quotes: list[tuple[str, str]], seed: int = 1,
              per_kind: int = 20) -> list[tuple[str, str]]:
    """A fixed mix of question kinds, (kind, question); `quotes` are stored (speaker, text) to ask about."""
    rnd = random.Random(seed + 17)
    asked: list[tuple[str, str]] = []
    for n in range(per_kind):
        speaker, text = quotes[n % len(quotes)]
        words = text.split()
        start = rnd.randrange(max(1, len(words) - 4))
        surname = speaker.split()[-1]
        typo = surname[:2] + surname[3:] if len(surname) > 5 else surname + "e"
        person = world.person(rnd)
        asked += list(zip(KINDS, [
            f"Who said {' '.join(words[start:start + 4])}?",
            f"When did {person.name} meet in {world.place(rnd)}?",
            f"What did {surname} say about {max(words, key=len)}?",
            f"{' '.join(world.topic(rnd, 3))} {world.place(rnd)}",
            f"what did {typo.lower()} say",
            rnd.choice(OFF_TOPIC),
            " ".join(rnd.sample(world.words[:COMMON], rnd.randint(2, 6))),
        ], strict=True))
    return asked
