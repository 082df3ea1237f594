"""Places: other spellings and misspellings of a place are recognised as one place."""

import marshal

import pytest

from clipdesk.store.text import places
from clipdesk.store.text.places import (
    canonical_place,
    capital_and_country,
    country_of,
    place_variants,
    recognise_places,
)


@pytest.mark.parametrize("text, expected", [
    ("Talks were held in Kiev and later in Kharkov.", ["Kyiv", "Kharkiv"]),
    ("Troops massed in Byelorussia", ["Belarus"]),
    ("ODESSA port reopened", ["Odesa"]),
    ("what did shoigu say about cooperation with london?", ["London"]),
    ("Moscow\u2019s concerns were heard in Brussels", ["Moscow", "Brussels"]),
    ("the summit in Brussells", ["Brussels"]),
    ("U.S. and UK officials", ["United States", "United Kingdom"]),
    ("a meeting in Bod\u00f8", ["Bod\u00f8"]),
    ("what did the uk say to the eu?", ["United Kingdom", "European Union"]),
    ("the UK's position", ["United Kingdom"]),
    ("sanctions on Rusia", ["Russia"]),
    ("talks between Chnia and Ukriane", ["China", "Ukraine"]),
])
def test_places_are_recognised_under_any_spelling(text, expected):
    assert recognise_places(text) == expected


@pytest.mark.parametrize("text", [
    "tell us what they said", "Russian forces", "parts of the home front", "a Ukrainian drone", "",
    "Putin said", "Biden and Sunak",
])
def test_words_that_are_not_places_name_none(text):
    assert recognise_places(text) == []


def test_every_spelling_of_a_place_is_given_for_search():
    assert {"Kyiv", "Kiev"} <= place_variants("kiev")
    assert {"Kharkiv", "Kharkov"} <= place_variants("Kharkiv")
    assert place_variants("Springfield") == {"Springfield"}


def test_canonical_place_accepts_datelines_as_written():
    assert canonical_place("LONDON") == "London"
    assert canonical_place("Kiev") == "Kyiv"
    assert canonical_place("Atlantis") is None


@pytest.mark.parametrize("text, expected", [
    ("Floods closed roads in Jakarta and Surabaya", ["Jakarta", "Surabaya"]),
    ("JAKARTA, March 3 - ministers met", ["Jakarta"]),
    ("The delegation flew from Nice to Reading", ["Nice", "Reading"]),
    ("The minister visited Riga and Vilnius", ["Riga", "Vilnius"]),  # a large capital named like a first name
])
def test_cities_of_the_gazetteer_are_recognised(text, expected):
    assert recognise_places(text) == expected


@pytest.mark.parametrize("text", [
    "We had a nice time reading in the bath before the split",
    "Victoria Beckham and Florence Welch sang",
    "a mobile phone was found",
    "Nice work, said Reading's manager",
])
def test_cities_named_like_words_or_first_names_are_places_only_where_text_says_so(text):
    assert recognise_places(text) == []


@pytest.mark.parametrize("word, country", [
    ("Norwegian", "Norway"), ("Dutch", "Netherlands"), ("dutch", "Netherlands"), ("Russian", "Russia"),
])
def test_nationality_words_name_their_country(word, country):
    assert country_of(word) == country


def test_a_word_that_is_no_nationality_names_no_country():
    assert country_of("Tuesday") is None


def test_the_gazetteer_is_a_small_shipped_file_not_a_179_mb_download():
    from importlib import resources

    data = resources.files("clipdesk.store.text") / "data" / "places.tsv"
    assert len(data.read_bytes()) < 1_000_000
    assert recognise_places("Floods hit Surabaya and Jakarta.") == ["Surabaya", "Jakarta"]
    assert (country_of("Norwegian"), country_of("Dutch")) == ("Norway", "Netherlands")



@pytest.fixture
def fresh_gazetteer(tmp_path, monkeypatch):
    """A user cache of its own, and the gazetteer loaded again as by a new process."""
    monkeypatch.setenv("CLIPDESK_CACHE", str(tmp_path))

    def forget() -> None:
        places._gazetteer.cache_clear()
        places._recognise.cache_clear()

    forget()
    yield forget
    forget()


def _answers() -> tuple[object, ...]:
    return (recognise_places("From Kiev to NICE, then Reading and Brussells"), place_variants("Kiev"),
            country_of("Norwegian"), canonical_place("Nice"), canonical_place("U.S."))


def test_a_new_process_reads_the_kept_gazetteer_and_answers_the_same(tmp_path, monkeypatch, fresh_gazetteer):
    built = _answers()
    assert (tmp_path / "gazetteer.marshal").exists()
    fresh_gazetteer()  # as a new process: read back, not rebuilt
    monkeypatch.setattr(places, "_build_gazetteer", lambda: pytest.fail("rebuilt although kept"))
    assert _answers() == built


def test_a_gazetteer_kept_from_other_sources_is_rebuilt(tmp_path, fresh_gazetteer):
    (tmp_path / "gazetteer.marshal").write_bytes(marshal.dumps((
        ["other"], {"by_alias": {}, "names": {}, "short": {}, "guarded": [], "countries": {}, "fuzzy": []})))
    assert recognise_places("Talks in Kiev") == ["Kyiv"]


@pytest.mark.parametrize(("place", "related"), [
    ("Kiev", {"Ukraine"}), ("Moscow", {"Russia"}), ("Britain", {"London"}), ("New Delhi", {"India"}),
    ("Tromso", set()),  # no capital
])
def test_a_capital_and_its_country(place, related):
    assert capital_and_country(place) == related
