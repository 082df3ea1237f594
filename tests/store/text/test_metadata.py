"""Metadata read from the text: dates, datelines, bylines and outlets; the sidecar only fills gaps."""

import pytest

from clipdesk.store.ingest import ingest_text
from clipdesk.store.text.article import parse_article
from clipdesk.store.text.metadata import (
    byline,
    canonical_outlet,
    complete_date,
    outlet_cue,
    parse_date,
    parse_dateline,
    place_credit,
    reporting_credit,
)


@pytest.mark.parametrize(("line", "iso"), [
    ("06 November 2025 13:24", "2025-11-06T13:24"),
    ("Published On 2 Mar 2025", "2025-03-02"),
    ("Tue 11 Mar 2025 14.05 GMT", "2025-03-11T14:05"),
    ("Updated 3:14 PM GMT, March 4, 2025", "2025-03-04T15:14"),
    ("November 5, 2025 4:08 pm CET", "2025-11-05T16:08"),
    ("Nov. 5, 2025, at 9:30 a.m.", "2025-11-05T09:30"),
    ("Published: 2025-11-06", "2025-11-06"),
    ("06.11.2025 13:24", "2025-11-06T13:24"),
    ("Monday, 3rd March 2025", "2025-03-03"),
    ("Published on 23/10/2024 - 14:05 GMT+2", "2024-10-23T14:05"),
    ("10/23/2024", "2024-10-23"),
    ("January 22, 202512:50 PM GMTUpdated 3 hours ago", "2025-01-22T12:50"),
    ("Published On 2 Mar 20252 Mar 2025", "2025-03-02"),
    ("March 3, 2025 6:02 PM 2 min read", "2025-03-03T18:02"),
    ("Wednesday 5 November 2025 14:30, UK", "2025-11-05T14:30"),
    ("5 November 2025 2:30pm GMT", "2025-11-05T14:30"),
    ("Issued on: 25/11/2025 - 14:30", "2025-11-25T14:30"),
    ("Tue 11 Mar 2025 14.05 GMTLast modified on Tue 11 Mar 2025 16.20 GMT", "2025-03-11T14:05"),
    ("2022.02.08", "2022-02-08"),
    ("Press release issued: 21 January 2025", "2025-01-21"),
    ("November 18/2021", "2021-11-18"),
])
def test_full_dates_become_iso(line, iso):
    written = parse_date(line)
    assert written.iso == iso
    assert written.text in line  # the date as written, without "Published" or "Updated"
    assert not written.text.lower().startswith(("published", "updated"))


def test_a_day_without_a_year_keeps_only_the_words():
    written = parse_date("January 27")
    assert (written.iso, written.text) == (None, "January 27")


@pytest.mark.parametrize("line", [
    "Updated 2 hours ago", "31 February 2025", "He said on 3 March 2025 that talks would resume.",
    "1,500 troops per day", "Views: 86", "03/04/2024",
])
def test_other_lines_are_not_dates(line):
    assert parse_date(line) is None


def test_a_known_full_date_completes_a_partial_one_without_changing_its_day():
    partial = parse_date("January 27")
    assert complete_date(partial, "2022-01-27T09:00") == "2022-01-27T09:00"
    assert complete_date(partial, "2022-01-28") == "2022-01-27"
    assert complete_date(partial, None) is None
    assert complete_date(partial, "not a date") is None


@pytest.mark.parametrize(("lead", "place", "agency", "date_text"), [
    ("LONDON, January 27. /TASS/. British Defense Secretary Ben Wallace", "London", "TASS", "January 27"),
    ("LONDON, Feb 12 (Reuters) - Britain and Norway agreed", "London", "Reuters", "Feb 12"),
    ("KYIV, Ukraine (AP) — Russian forces struck", "Kyiv", "Associated Press", None),
    ("MOSCOW. Jan 27 (Interfax) - Russian Foreign Minister", "Moscow", "Interfax", "Jan 27"),
    ("WASHINGTON, Feb. 3, 2025 (UPI) -- The State Department", "Washington", "UPI", "Feb. 3, 2025"),
    ("BRUSSELS — British Defense Secretary John Healey", "Brussels", None, None),
    ("NEW YORK (AP) — The United Nations", "New York", "Associated Press", None),
    ("Kyiv, 3 March 2025 (Ukrinform) - The Ukrainian", "Kyiv", "Ukrinform", "3 March 2025"),
    ("ISLAMABAD: The finance ministry said on Monday", "Islamabad", None, None),
    ("NEW DELHI: “We are ready,” the minister said.", "New Delhi", None, None),
    ("New Delhi [India], September 26 (ANI): A delegation", "New Delhi", "ANI", "September 26"),
    ("Addis Abeba, November 18/2021 – At today’s briefing", "Addis Abeba", None, "November 18/2021"),
])
def test_datelines(lead, place, agency, date_text):
    found = parse_dateline(lead)
    assert (found.place, found.agency) == (place, agency)
    assert (found.date.text if found.date else None) == date_text


@pytest.mark.parametrize("paragraph", [
    "US President Joe Biden said on Monday that talks would resume.",
    "UK tells Russia to ‘de-escalate tensions’ with Ukraine.",
    "NATO. The alliance said nothing.",
    "BREAKING — Russia expels two British diplomats.",
    "WATCH: The minister answers questions from readers.",
    "UK: Ministers will meet on Friday.",
    "Paris, France – The minister said nothing.",
    "Paris, 3 March – The minister said nothing.",
    "“I would tell them [Russia]: you are weak,” he said.",
])
def test_ordinary_first_sentences_have_no_dateline(paragraph):
    assert parse_dateline(paragraph) is None


@pytest.mark.parametrize(("line", "names"), [
    ("By Jeyhun Aghazada", "Jeyhun Aghazada"),
    ("BY JIM HEINTZ AND ILLIA NOVIKOV, Associated Press", "Jim Heintz and Illia Novikov"),
    ("By Laura Gozzi, BBC News", "Laura Gozzi"),
    ("by Martin Fornusek", "Martin Fornusek"),
    ("Author: Martin Fornusek", "Martin Fornusek"),
    ("By Andrew MacAskill, Guy Faulconbridge and Gwladys Fouche",
     "Andrew MacAskill, Guy Faulconbridge and Gwladys Fouche"),
])
def test_bylines(line, names):
    assert byline(line) == names


def test_sentences_starting_with_by_are_not_bylines():
    assert byline("By the time the talks began, officials had left.") is None
    assert byline("By supporting The Moscow Times, you're defending journalism.") is None
    assert byline("Pjotr Sauer in Moscow") is None
    assert byline("Pjotr Sauer in Moscow", head=True) == "Pjotr Sauer"


def test_closing_reporting_credit_names_the_reporters():
    credit = "Reporting by Guy Faulconbridge and Andrew Osborn; Editing by Mark Heinrich"
    assert reporting_credit(credit) == "Guy Faulconbridge and Andrew Osborn"
    credit = "Reporting by Andrew MacAskill in London and Gwladys Fouche in Oslo; Editing by Mark Heinrich"
    assert reporting_credit(credit) == "Andrew MacAskill and Gwladys Fouche"


@pytest.mark.parametrize(("line", "outlet"), [
    ("Caliber.az © 2025. .", "Caliber.az"),
    ("© 2025 BBC. The BBC is not responsible for the content of external sites.", "BBC"),
    ("Copyright 2025 The Associated Press. All rights reserved.", "Associated Press"),
    ("© 2025 Guardian News & Media Limited or its affiliated companies.", "The Guardian"),
    ("A Message from The Moscow Times:", "The Moscow Times"),
    ("Source: Al Jazeera and news agencies", "Al Jazeera"),
    ("Any use of materials is allowed only if there is a hyperlink to Caliber.az", "Caliber.az"),
    ("© Copyright 2025, Interfax", "Interfax"),
    ("© EPA-EFE/WILL OLIVER", None),
    ("Ministers arrive in Moscow. © Sputnik / Russian Foreign Ministry", None),
    ("© 2025 Getty Images", None),
    ("An offensive since January has recaptured swathes of territory lost in 2014 ©Ann Lee (AFP/File)", None),
    ("Source: News Agencies", None),
    ("Source: News Ag", None),  # cut short at the end of a scrape
    ("Source: Agencies", None),
])
def test_outlet_cues(line, outlet):
    assert outlet_cue(line) == outlet


def test_a_source_line_is_the_outlet_only_when_it_closes_the_story():
    chart = ("Ministers met in Geneva on Tuesday to discuss the ceasefire, officials said.\n"
             "Source: IISS Military Balance\n"
             "Talks are due to resume next month, diplomats said.\n")
    assert parse_article(chart, "a.txt").outlet is None
    assert parse_article(chart + "Source: Al Jazeera and news agencies\n", "a.txt").outlet == "Al Jazeera"


def test_canonical_outlet_names():
    assert canonical_outlet("AP") == "Associated Press"
    assert canonical_outlet("POLITICO LLC") == "Politico"
    assert canonical_outlet("Reuters") == "Reuters"


def seed(seeds, prefix):
    [path] = seeds.glob(f"{prefix}_*.txt")
    return parse_article(path.read_text(encoding="utf-8"), path.name)


def test_seed_metadata_from_text_cues(seeds):
    moscow_times = seed(seeds, "000")
    assert (moscow_times.outlet, moscow_times.dateline, moscow_times.title) == (
        "The Moscow Times", "Brussels", None)
    caliber = seed(seeds, "001")
    assert caliber.title == "Trump can persuade Putin to enter Ukraine peace talks, UK defence chief says"
    assert (caliber.outlet, caliber.published, caliber.published_text, caliber.byline) == (
        "Caliber.az", "2025-11-06T13:24", "06 November 2025 13:24", "Jeyhun Aghazada")
    tass = seed(seeds, "003")
    assert (tass.outlet, tass.dateline, tass.published, tass.published_text) == (
        "TASS", "London", None, "January 27")
    assert tass.title == "British defense chief confirms plans to meet with Russian counterpart Shoigu"
    assert tass.standfirst.startswith("Wallace also said that considering tensions")


def test_seeds_without_cues_leave_outlet_and_date_unknown(seeds):
    for prefix in ("002", "004"):
        article = seed(seeds, prefix)
        assert (article.outlet, article.published, article.published_text, article.byline) == (None,) * 4
    assert seed(seeds, "002").standfirst == (
        "Russian and UK defense ministers meet in Moscow amid growing tensions")
    assert seed(seeds, "004").standfirst.startswith("UK tells Russia to ‘de-escalate tensions’")


def test_ingested_article_row_carries_metadata_and_sidecar_fills_the_gaps(db, seeds):
    [path] = seeds.glob("003_*.txt")
    sidecar = {"url": "https://tass.com/world/1393399", "outlet": "Other", "published": "2022-01-27T14:05"}
    outcome = ingest_text(db, path.read_text(encoding="utf-8"), path.name, sidecar)
    row = db["articles"].get(outcome.article_id)
    assert row["outlet"] == "TASS"
    assert row["url"] == "https://tass.com/world/1393399"
    assert row["published"] == "2022-01-27T14:05"
    assert row["published_text"] == "January 27"
    assert row["dateline"] == "London"
    first = db.execute("SELECT text FROM paragraphs WHERE article_id = ? AND position = 0",
                       [outcome.article_id]).fetchone()[0]
    assert first.startswith("LONDON, January 27. /TASS/.")


@pytest.mark.parametrize("lead", ["LONDON (UK) – The harbour board said on Tuesday it would meet.",
                                  "DOHA (Qatar) - The harbour board said on Tuesday it would meet."])
def test_a_country_in_a_datelines_brackets_is_no_outlet(lead):
    dateline = parse_dateline(lead)
    assert dateline is not None and dateline.agency is None


def test_an_agency_in_a_datelines_brackets_is_the_outlet():
    dateline = parse_dateline("LONDON (Reuters) - The harbour board said on Tuesday it would meet.")
    assert dateline is not None and dateline.agency == "Reuters"


@pytest.mark.parametrize(("line", "outlet"), [
    ("Kyiv • UNN", "UNN"), ("Harbour Gazette | London", "Harbour Gazette"),
    ("London • Paris", None), ("Sport • Football", None), ("Kyiv • Politics • UNN", None),
])
def test_a_line_of_a_place_and_a_name_credits_the_name(line, outlet):
    assert place_credit(line) == outlet
