"""Synthetic coverage for benchmarks: scraped-looking articles with people, places, quotes and events."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate

SYLLABLES = ["ka", "lo", "mir", "sen", "tav", "ro", "vik", "an", "dre", "pol", "us", "zen", "mar", "tio",
             "gor", "el", "bas", "ni", "kov", "sky", "ber", "gen", "ham", "lin", "ford", "ley", "son"]
ROLES = ["Foreign Minister", "Defence Secretary", "Prime Minister", "spokesman", "Finance Minister",
         "army chief", "ambassador", "energy minister", "trade envoy", "party leader"]
OUTLETS = [("Reuters", "{place}, {month} {day} (Reuters) -"), ("TASS", "{PLACE}, {month} {day}. /TASS/."),
           ("AP", "{PLACE} (AP) —"), ("Interfax", "{PLACE}. {month} {day} (Interfax) -")]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
CUES = ['"{q}," {name} said.', '"{q}," {surname} told reporters.', '{name} said: "{q}"',
        'According to {name}, "{q}"', '"{q}," the {role} added.', '"{q}," {pronoun} said.']
EVENTS = ["{a} met {b} in {place} on {weekday} to discuss {topic}.",
          "{a} held talks with {b} in {place} on {weekday}.",
          "{a} spoke by phone with {b} on {weekday} about {topic}.",
          "{a} will visit {place} next week, the ministry said.",
          "The government imposed sanctions on {place} exporters over {topic}."]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
FILLER = ["the", "a", "of", "in", "and", "to", "on", "for", "with", "as", "by", "that", "was", "is"]
BOILERPLATE = ["Share", "Read more:", "© 2025 All rights reserved.", "Sign up for our newsletter"]


@dataclass(frozen=True)
class Person:
    first: str
    surname: str
    role: str

    @property
    def name(self) -> str:
        return f"{self.first} {self.surname}"


def _word(rnd: random.Random, parts: int) -> str:
    return "".join(rnd.choice(SYLLABLES) for _ in range(parts))


class World:
    """A fixed pool of people, places and topic words (Zipf-distributed), deterministic by seed."""

    def __init__(self, seed: int = 1, people: int = 5000, places: int = 300, vocabulary: int = 20000) -> None:
        rnd = random.Random(seed)
        self.people = [Person(_word(rnd, 2).title(), _word(rnd, 3).title(), rnd.choice(ROLES))
                       for _ in range(people)]
        self.places = sorted({_word(rnd, 2).title() + rnd.choice(["", "grad", "ville", "stan", "ia"])
                              for _ in range(places)})
        self.words = sorted({_word(rnd, rnd.randint(2, 4)) for _ in range(vocabulary)})
        rnd.shuffle(self.words)  # frequency rank independent of spelling
        self._weights = list(accumulate(1 / (rank + 1) for rank in range(len(self.words))))
        self._people_weights = list(accumulate(1 / (rank + 1) ** 0.8 for rank in range(len(self.people))))

    def topic(self, rnd: random.Random, k: int) -> list[str]:
        return rnd.choices(self.words, cum_weights=self._weights, k=k)

    def person(self, rnd: random.Random) -> Person:
        return rnd.choices(self.people, cum_weights=self._people_weights)[0]

    def sentence(self, rnd: random.Random, k: int) -> str:
        words = [w if rnd.random() < 0.6 else rnd.choice(FILLER) for w in self.topic(rnd, k)]
        return " ".join(words).capitalize()


def article(world: World, rnd: random.Random) -> str:
    """One raw article as a scraper gives it."""
    outlet, dateline = rnd.choice(OUTLETS)
    place = rnd.choice(world.places)
    speaker, other = world.person(rnd), world.person(rnd)
    lines = [rnd.choice(BOILERPLATE), world.sentence(rnd, rnd.randint(5, 9)), "",
             f"By {world.person(rnd).name}", ""]
    lead = dateline.format(place=place, PLACE=place.upper(), month=rnd.choice(MONTHS), day=rnd.randint(1, 28))
    lines.append(f"{lead} {speaker.role} {speaker.name} {world.sentence(rnd, 14).lower()}.")
    for _ in range(rnd.randint(4, 19)):
        roll = rnd.random()
        if roll < 0.35:
            q = world.sentence(rnd, rnd.randint(8, 16))
            cue = rnd.choice(CUES)
            lines.append(cue.format(q=q, name=speaker.name, surname=speaker.surname,
                                    role=speaker.role.lower(), pronoun=rnd.choice(["he", "she"])))
        elif roll < 0.5:
            lines.append(rnd.choice(EVENTS).format(
                a=speaker.name, b=other.name, place=rnd.choice(world.places), weekday=rnd.choice(WEEKDAYS),
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
        person, place = world.person(rnd), rnd.choice(world.places)
        asked += [
            ("who said", f"Who said {' '.join(words[start:start + 4])}?"),
            ("when", f"When did {person.name} meet in {place}?"),
            ("quote lookup", f"What did {surname} say about {max(words, key=len)}?"),
            ("free question", f"{' '.join(world.topic(rnd, 3))} {place}"),
            ("typo'd name", f"what did {typo.lower()} say"),
            ("off-topic", rnd.choice(["What is the capital of Australia?", "Who won the 1998 World Cup?",
                                      "How do I bake sourdough bread?", "What is the weather in Lima?"])),
        ]
    return asked
