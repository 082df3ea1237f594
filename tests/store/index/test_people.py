"""People and aliases: one person per name across spellings, roles split off, names found in questions."""

import random

import pytest

from clipdesk.store.index.people import recognise_people, resolve_person, split_role
from clipdesk.store.ingest import ingest_text

REUTERS = """Ukraine's Zelenskiy meets Stoltenberg in Kyiv

KYIV, March 3 (Reuters) - Ukrainian President Volodymyr Zelenskiy met NATO Secretary General Jens Stoltenberg
in Kyiv on Thursday, his office said.

"We discussed air defence," Zelenskiy said after the talks.

Stoltenberg told reporters that allies would keep sending weapons.
"""

AP = """Zelensky and Stoltenberg discuss air defense

KYIV, Ukraine (AP) - Ukraine's President Volodymyr Zelensky said Friday he had spoken with NATO's Jens
Stoltenberg about air defense.

"Our skies must be protected," Zelensky said in his nightly address.
"""


def names(db) -> list[str]:
    return [row[0] for row in db.execute("SELECT name FROM people ORDER BY id")]


def test_spellings_of_one_name_are_one_person(db):
    first = resolve_person(db, "Sergey Shoigu")
    assert resolve_person(db, "Sergei Shoigu") == first
    assert resolve_person(db, "Shoigu") == first
    assert resolve_person(db, "Shoygu") == first
    assert names(db) == ["Sergey Shoigu"]


def test_the_role_written_before_a_name_is_split_off_and_kept(db):
    pid, name = resolve_person(db, "UK Defense Secretary Ben Wallace")
    assert name == "Ben Wallace"
    assert resolve_person(db, "Wallace") == (pid, "Ben Wallace")
    role = db.execute("SELECT role FROM people WHERE id = ?", [pid]).fetchone()[0]
    assert role == "UK Defense Secretary"


@pytest.mark.parametrize("roles", [("British counterpart", "Defence Secretary"),
                                   ("Defence Secretary", "British counterpart")])
def test_a_person_keeps_the_office_they_hold_rather_than_how_they_stand_to_someone(db, roles):
    pid = [resolve_person(db, "Ben Wallace", role)[0] for role in roles][0]
    assert db.execute("SELECT role FROM people WHERE id = ?", [pid]).fetchone()[0] == "Defence Secretary"


@pytest.mark.parametrize("roles", [("UK minister", "Defence Secretary"),
                                   ("Defence Secretary", "UK minister")])
def test_a_person_keeps_the_role_that_names_the_field_of_their_office(db, roles):
    """'the UK minister' says less of the office than 'Defence Secretary', whichever is written first."""
    pid = [resolve_person(db, "Ben Wallace", role)[0] for role in roles][0]
    assert db.execute("SELECT role FROM people WHERE id = ?", [pid]).fetchone()[0] == "Defence Secretary"


def test_split_role_keeps_a_role_that_names_nobody_whole():
    assert split_role("Russia's Minister of Defense Sergey Shoigu") == ("Russia's Minister of Defense",
                                                                          "Sergey Shoigu")
    assert split_role("NATO chief") == (None, "NATO chief")
    assert split_role("Keir Starmer") == (None, "Keir Starmer")
    assert split_role("Prime Minister Sir Keir Starmer") == ("Prime Minister", "Keir Starmer")


def test_honorifics_are_not_part_of_the_name(db):
    pid, name = resolve_person(db, "Mr Blinken")
    assert name == "Blinken"
    assert resolve_person(db, "US Secretary of State Antony Blinken") == (pid, "Antony Blinken")


def test_a_surname_seen_first_becomes_the_full_name_when_it_is_written(db):
    pid, _ = resolve_person(db, "Lammy")
    assert resolve_person(db, "David Lammy") == (pid, "David Lammy")
    assert names(db) == ["David Lammy"]


def test_people_sharing_a_surname_stay_apart_when_first_names_differ(db):
    boris = resolve_person(db, "Boris Johnson")
    lyndon = resolve_person(db, "Lyndon Johnson")
    assert boris != lyndon
    assert resolve_person(db, "B. Johnson") == boris


def test_institutions_match_across_spellings_and_word_order(db):
    pid, name = resolve_person(db, "Russian Defence Ministry")
    assert resolve_person(db, "Russia's Ministry of Defense") == (pid, name)
    assert resolve_person(db, "the Russian Defense Ministry")[0] == pid
    kinds = {row[0] for row in db.execute("SELECT kind FROM people")}
    assert kinds == {"institution"}
    assert resolve_person(db, "Kremlin")[0] != pid


def test_aliases_are_lower_case_names_and_surnames(db):
    pid, _ = resolve_person(db, "Olaf Scholz")
    assert resolve_person(db, "Olaf Scholtz")[0] == pid
    aliases = {row[0] for row in db.execute("SELECT alias FROM aliases WHERE person_id = ?", [pid])}
    assert {"olaf scholz", "scholz", "olaf scholtz"} <= aliases
    assert all(a == a.lower() for a in aliases)


def test_articles_from_two_outlets_share_their_people(db):
    ingest_text(db, REUTERS, "reuters.txt")
    ingest_text(db, AP, "ap.txt")
    speakers = {row[0] for row in db.execute("SELECT DISTINCT speaker FROM quotes WHERE speaker IS NOT NULL")}
    assert len(speakers) == 1
    assert speakers <= {"Volodymyr Zelenskiy", "Volodymyr Zelensky"}


@pytest.mark.parametrize("question, expected", [
    ("what did shoygu say about london?", "Sergey Shoigu"),
    ("what did Shoigo say about cooperation with britain", "Sergey Shoigu"),
    ("healy on ukraine", "John Healey"),
    ("STOLTENBERG", "Jens Stoltenberg"),
    ("Did Sergei Shoigu meet him?", "Sergey Shoigu"),
    ("what does the kremlin say", "Kremlin"),
    ("quotes by jens stoltenburg", "Jens Stoltenberg"),
    ("what did Peskoff say about the invasion allegations", "Dmitry Peskov"),
    ("what has Zelenskiy said about the talks", "Volodymyr Zelenskyy"),
    ("what did peksov say about the talks", "Dmitry Peskov"),
])
def test_names_are_recognised_in_questions_even_misspelt(db, question, expected):
    for name in ("Sergey Shoigu", "John Healey", "Jens Stoltenberg", "Kremlin", "Liz Truss",
                 "Vladimir Putin", "Dmitry Peskov", "Volodymyr Zelenskyy"):
        resolve_person(db, name)
    found = recognise_people(db, question)
    assert found and found[0].name == expected


@pytest.mark.parametrize("question", [
    "do they trust the process?", "putting pressure on allies", "what is the latest?", "who said below zero",
    "", "the minister said", "wallet", "may I ask about the talks?",
])
def test_ordinary_words_name_nobody(db, question):
    for name in ("Liz Truss", "Vladimir Putin", "Ben Wallace", "Theresa May"):
        resolve_person(db, name)
    assert recognise_people(db, question) == []


def test_a_misspelt_name_is_found_among_thousands_of_people(db):
    letters = random.Random(7)
    surnames = ["".join(letters.choices("bcdfghjklmnprstvwxz", k=7)) + "ov" for _ in range(5000)]
    for n, surname in enumerate(surnames):
        resolve_person(db, f"{('Ivan', 'Anna', 'Mark', 'Ruth')[n % 4]} {surname.title()}")
    resolve_person(db, "Sergey Shoigu")
    assert db.execute("SELECT COUNT(*) FROM people").fetchone()[0] > 4500
    [best, *_] = recognise_people(db, "what did shoygu say about cooperation with london?")
    assert best.name == "Sergey Shoigu"
    for question in ["who met the defence secretary", "timeline of talks in kyiv last week",
                     "anything on sanctions?"]:
        assert recognise_people(db, question) == []


def test_seed_spellings_end_up_one_person(seeded_db):
    shoigu = recognise_people(seeded_db, "Shoygu")[0]
    assert shoigu.name == "Sergey Shoigu"
    assert resolve_person(seeded_db, "Sergei Shoigu")[0] == shoigu.id
    wallace = resolve_person(seeded_db, "UK Defense Secretary Ben Wallace")
    assert wallace == resolve_person(seeded_db, "Wallace")
    assert wallace[1] == "Ben Wallace"


def test_a_surname_that_is_an_everyday_word_counts_when_capitalised(db):
    resolve_person(db, "Theresa May")
    assert recognise_people(db, "what did May say about Brexit?")[0].name == "Theresa May"
    assert recognise_people(db, "what may happen next?") == []


def test_a_name_written_with_letters_missing_or_changed_is_still_found(db):
    """A capitalised word that is no English word is read as the nearest name a letter or two off
    per word, even when short ("Kuzn"), but an unknown name well away from every known one is not."""
    pid, _ = resolve_person(db, "Anatol Kuzin")
    other, _ = resolve_person(db, "Mirela Castellano")
    assert [p.id for p in recognise_people(db, "What did Kuzn promise?")] == [pid]
    assert [p.id for p in recognise_people(db, "What did Mirelka Castelanno say?")] == [other]
    assert recognise_people(db, "What did Kazimierz Wrobel say?") == []
    assert recognise_people(db, "Did the cousin arrive?") == []


def test_a_body_of_three_words_is_recognised_by_its_initials(db):
    pid, _ = resolve_person(db, "Joint Expeditionary Force", kind="institution")
    resolve_person(db, "British Embassy", kind="institution")
    resolve_person(db, "Council Against Terrorism", kind="institution")
    assert [p.id for p in recognise_people(db, "What did the JEF countries sign?")] == [pid]
    assert recognise_people(db, "Will it be signed?") == []  # 'BE' is too short to stand for the embassy
    assert recognise_people(db, "Was the cat found?") == []  # 'CAT' is a word, not the council
