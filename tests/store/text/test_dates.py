"""Dates in sentences: absolute dates, weekdays and relative days resolved from the publication day."""

import pytest

from clipdesk.store.text.dates import find_date, published_day, year_in


@pytest.mark.parametrize("sentence, published, text, iso", [
    ("The ministers met on 17 January 2022 in Moscow.", None, "on 17 January 2022", "2022-01-17"),
    ("On January 17, Wallace sent an invitation.", "2022-01-27", "On January 17", "2022-01-17"),
    ("On January 17, Wallace sent an invitation.", None, "On January 17", None),
    ("They spoke on Jan. 21, 2022, officials said.", None, "on Jan. 21, 2022", "2022-01-21"),
    ("Shoigu warned during a meeting on Friday.", "2022-02-14T09:00:00+00:00", "on Friday", "2022-02-11"),
    ("Shoigu warned during a meeting on Friday.", None, "on Friday", None),
    ("Putin said in Monday\u2019s call that talks were needed.", "2021-12-14", "Monday", "2021-12-13"),
    ("The foreign ministers met yesterday.", "2022-02-11", "yesterday", "2022-02-10"),
    ("The two leaders will meet on Friday.", "2022-02-09", "on Friday", "2022-02-11"),
    ("The envoys met on December 28.", "2023-01-05", "on December 28", "2022-12-28"),
    ("They held talks last week.", "2022-02-11", "last week", None),
    ("Talks resumed last Friday.", "2022-02-11", "last Friday", "2022-02-04"),
])
def test_date_phrases_and_the_days_they_mean(sentence, published, text, iso):
    found = find_date(sentence, published)
    assert (found.text, found.iso) == (text, iso)


def test_a_year_known_from_a_partial_published_date_completes_a_day():
    assert find_date("They met on March 3.", None, year=year_in("March 2023")).iso == "2023-03-03"


@pytest.mark.parametrize("sentence", [
    "The ministers discussed security.", "May I ask a question?", "Some 100,000 troops are massed.",
])
def test_no_date_words_no_date(sentence):
    assert find_date(sentence, "2022-02-11") is None


def test_published_day_reads_dates_and_datetimes_only():
    assert published_day("2025-11-06T13:24").isoformat() == "2025-11-06"
    assert published_day("November 2025") is None
    assert published_day(None) is None


def test_an_event_takes_the_date_written_near_it_or_opening_the_sentence():
    sentence = ("He said his conversation with the envoy was frank, unlike the negotiations that, according "
                "to the ministry, took place in Geneva yesterday.")
    trigger = sentence.index("conversation")
    assert find_date(sentence, "2022-02-11", near=(trigger, trigger + 12)) is None
    later = sentence.index("negotiations")
    assert find_date(sentence, "2022-02-11", near=(later, later + 12)).iso == "2022-02-10"
    opening = "On 4 May 2023, after weeks of shuttle diplomacy between the two capitals, the ministers met."
    met = opening.index("met")
    assert find_date(opening, None, near=(met, met + 3)).iso == "2023-05-04"
