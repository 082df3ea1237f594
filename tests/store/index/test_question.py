"""A question as the store understands it: role phrases for role holders, places in any of their words."""

from clipdesk.store.index.question import understand
from clipdesk.store.index.search import search
from clipdesk.store.ingest import ingest_text

ARTICLE = """Ministers meet over the harbour dispute

VALMORA, May 4 - French Foreign Minister Odile Marchetti said on Tuesday that the harbour dispute
could be settled by the summer.

"We are close to an agreement," Marchetti told reporters after the talks.
"""


def _asked(db, question: str) -> set[str]:
    ids = understand(db, question).speaker_ids
    return {db.execute("SELECT name FROM people WHERE id = ?", [i]).fetchone()[0] for i in ids}


def test_a_role_phrase_stands_for_the_person_given_that_role(db):
    ingest_text(db, ARTICLE, "harbour.txt")
    assert _asked(db, "What did the French foreign minister say?") == {"Odile Marchetti"}


def test_a_role_phrase_with_another_portfolio_is_not_that_person(db):
    """Two words of three in common, but "defence" is not her portfolio."""
    ingest_text(db, ARTICLE, "harbour.txt")
    assert _asked(db, "What did the French defence minister say?") == set()


def test_a_generic_head_stands_for_the_office_of_that_field(db):
    """"the foreign chief" is the foreign minister; "the defence chief" is still not her."""
    ingest_text(db, ARTICLE, "harbour.txt")
    assert _asked(db, "What did the French foreign chief say?") == {"Odile Marchetti"}
    assert _asked(db, "What did the French defence chief say?") == set()


def test_a_role_phrase_is_the_person_beside_another_role_phrase_sharing_a_word(db):
    """"foreign" is in both phrases: the second names other people, not a word the first left out."""
    ingest_text(db, ARTICLE, "harbour.txt")
    assert _asked(db, "What does the French foreign minister want EU foreign ministers to agree?") \
        == {"Odile Marchetti"}


NAVY = """Storm damages fleet off the coast

PORTHAVEN, March 2 - The British navy said its ships had been caught in Sunday's storm.

Three frigates were damaged by the waves, and their repairs are expected to take until the autumn.

Fishing boats in the harbour were also hit, and the coastguard rescued nine crew from the water.
"""


def test_a_country_named_in_the_question_is_found_as_its_peoples_word_in_the_article(seeded_db):
    """The article never says "UK", only "British": the answer in it is about the country asked of."""
    ingest_text(seeded_db, NAVY, "navy.txt")
    result = search(seeded_db, "How many UK frigates were damaged by the storm?", k=3)
    assert result.found and "Three frigates" in result.hits[0].text


ACCORD = """Fisheries accord signed after long talks

VALMORA, June 3 - Norway and Iceland signed the fisheries accord in Valmora on Tuesday, ending two
years of talks over the northern cod grounds.

The accord sets the catch each fleet may land and a joint patrol of the grounds from next spring.

Fishing crews in both countries welcomed the signing, saying the quotas were fair.
"""


COUNCIL = """City council delays the vote on the harbour

The signing of the harbour accord will take place in the city hall next month, the city council said.

Council members said the city cannot afford a second delay, and the place of the wall is agreed.
"""


def test_a_when_or_where_question_need_not_find_its_kind_of_answer_or_that_it_took_place(db):
    """"city", "take place" are what the answer is, not what the coverage says (another article uses
    those words): the paragraph that states the place and day answers."""
    ingest_text(db, ACCORD, "accord.txt")
    ingest_text(db, COUNCIL, "council.txt")
    for question in ("In which city did the signing of the fisheries accord take place?",
                     "On what day was the fisheries accord signing held?"):
        hits = search(db, question).hits
        assert hits and "in Valmora on Tuesday" in hits[0].text, question



MARKET = """Fish market opens a new hall

Boats from the fisheries accord fill the harbour, and the busiest day of the week for the accord's
crews is now Saturday, market staff said.
"""


def test_what_day_of_the_week_asks_for_a_day_and_not_for_a_week(db):
    """"day of the week" names the kind of answer: a paragraph that says "of the week" is no better."""
    ingest_text(db, ACCORD, "accord.txt")
    ingest_text(db, MARKET, "market.txt")
    hits = search(db, "What day of the week was the fisheries accord signed?").hits
    assert hits and "in Valmora on Tuesday" in hits[0].text


HEALEY_LIKE = """Defence secretary warns Moscow over losses

BRUSSELS — British Defence Secretary Tom Hale on Thursday warned Russia over the cost of the war.

“You are losing 1,500 troops per day. You are spending a third of your budget on war,” Hale said.
"""

UK_SANCTIONS = """UK widens sanctions

The UK imposed sanctions on Belarus on Monday, the foreign office said.
"""


def test_a_country_asked_about_is_no_speaker_whose_own_quotations_every_hit_must_be(db):
    """'according to the UK' is what its officials said: the country's taking part in an event elsewhere
    (which registers it as a body) must not narrow the answer to quotations by 'UK'."""
    ingest_text(db, HEALEY_LIKE, "hale.txt")
    ingest_text(db, UK_SANCTIONS, "sanctions.txt")
    hits = search(db, "How many Russian soldiers a day are being lost, according to the UK?").hits
    assert hits and "1,500 troops per day" in hits[0].text


FOREIGN_TALKS = """Ministers hold talks in Delhi

NEW DELHI — External Affairs Minister Ravi Menon on Friday held talks with French Foreign Minister Anne
Roux on trade and the war in Ukraine.
"""


def test_a_minister_of_another_office_does_not_answer_a_question_about_a_defence_minister(db):
    """'the French defence minister': a French foreign minister shares every word but the office's domain."""
    ingest_text(db, FOREIGN_TALKS, "talks.txt")
    assert not search(db, "Who is the current French defence minister?").found
    assert search(db, "Who is the current French foreign minister?").found


def test_a_misspelt_country_and_a_short_form_in_a_question_are_the_coverages_words(db):
    ingest_text(db, "Envoy visits memorial\n\nDuring his visit to Russia, the envoy visited an exhibition "
                    "on the Allies in WWII.\n", "memorial.txt")
    hits = search(db, "envoy exhibition WW2 allies Rusia visit", k=3).hits
    assert hits and "exhibition on the Allies" in hits[0].text
