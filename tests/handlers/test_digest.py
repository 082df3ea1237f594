"""The digest commands and what a digest holds: stories grouped across outlets, topics, quotes, events."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from clipdesk.handlers.digest import DIGEST_COMMANDS
from clipdesk.handlers.digest_compose import compose_digest
from clipdesk.handlers.types import Request
from clipdesk.store.delivery.digest import newest_ingest
from clipdesk.store.delivery.subscriptions import get_subscription, list_subscriptions
from tests.bot.test_digest_support import add_article, distinct_headline

DAY = date(2026, 2, 10)
T0 = datetime(2026, 2, 10, 6, 0, tzinfo=UTC)


def at(minutes: int) -> str:
    return (T0 + timedelta(minutes=minutes)).isoformat(timespec="microseconds")


def say(db, text: str, platform: str = "telegram", **kw):
    words = text.split()
    if platform == "slack":  # "/clipdesk subscribe 08:00 ..." arrives as command "subscribe"
        words = words[1:]
    command, args = words[0].lstrip("/"), " ".join(words[1:])
    request = Request(platform=platform, chat_id="chat-1", user_id="u1", text=text, command=command,
                      args=args, **kw)
    return DIGEST_COMMANDS[command](request, db)


def coverage(db) -> None:
    """One story from three outlets, an unrelated one, and one about a minister with a rare name."""
    meeting = {"kind": "meeting", "date": "2026-02-09", "place": "Geneva",
               "participants": ["Sergei Shoigu", "John Healey"], "summary": "Shoigu and Healey met in Geneva"}
    add_article(db, "Shoigu and Healey hold first defence talks in Geneva since 2022", "Reuters", at(1),
                published="2026-02-09", url="https://reuters.example/talks",
                quotes=(("We had a frank exchange and agreed to keep the channel open.", "John Healey"),
                        ("talks", None)), events=(meeting,))
    add_article(db, "Shoigu, Healey hold first defence talks in Geneva since 2022 - agencies", "Interfax",
                at(2), published="2026-02-09",
                quotes=(("Moscow is ready for dialogue if London respects our interests.", "Sergei Shoigu"),),
                events=(meeting,))
    add_article(db, "Russian and British defence chiefs meet in Geneva", "Al Jazeera", at(3),
                quotes=(("We had a frank exchange and agreed to keep the channel open.", "John Healey"),),
                events=(meeting,))
    add_article(db, "EU agrees fresh sanctions on shadow fleet tankers", "BBC", at(4), published="February 8",
                body="BRUSSELS - EU envoys agreed new sanctions on tankers; Sergei Lavrov called it piracy.",
                events=({"kind": "sanction", "date_text": "on Thursday", "place": "Brussels",
                         "summary": "EU agreed sanctions on tankers"},))


def test_subscribe_with_time_zone_and_topics_then_show_it(db):
    reply = say(db, "/subscribe 07:30 Europe/London shoigu NATO")
    assert reply.found and "07:30 Europe/London" in reply.text and "shoigu, nato" in reply.text
    shown = say(db, "/subscription")
    assert "07:30 Europe/London" in shown.text and "shoigu, nato" in shown.text
    assert "nothing on days with nothing new" in shown.text


def test_defaults_and_the_word_always(db):
    say(db, "/subscribe always")
    sub = get_subscription(db, "telegram", "chat-1")
    assert (sub.time, sub.tz, sub.topics, sub.notify_empty) == ("08:00", "UTC", (), True)
    assert "one-line notice" in say(db, "/subscription").text


def test_resubscribing_changes_the_settings_of_the_one_subscription(db):
    say(db, "/subscribe 08:00 Europe/London")
    say(db, "/subscribe 18:45 america/new_york sanctions")
    [sub] = list_subscriptions(db)
    assert (sub.time, sub.tz, sub.topics) == ("18:45", "America/New_York", ("sanctions",))


@pytest.mark.parametrize(("args", "complaint"), [
    ("25:00 Europe/London", "not a time of day"),
    ("8.75", "not a time of day"),
    ("8am", "not a time of day"),
    ("08:00 Europe/Lndon", "time zone 'Europe/Lndon'"),
    ("08:00 Mars/Olympus", "time zone"),
])
def test_a_bad_time_or_zone_is_explained_with_an_example(db, args, complaint):
    reply = say(db, f"/subscribe {args}")
    assert complaint in reply.text and "Example: /subscribe 08:00 Europe/London" in reply.text
    assert list_subscriptions(db) == []


def test_slack_examples_use_the_clipdesk_command(db):
    reply = say(db, "/clipdesk subscribe 08:00 Europe/Nowhere", platform="slack")
    assert "Example: /clipdesk subscribe 08:00 Europe/London" in reply.text
    assert "/clipdesk subscribe" in say(db, "/clipdesk subscription", platform="slack").text


def test_only_admins_change_a_group_digest_when_an_allow_list_is_set(db):
    refused = say(db, "/subscribe 08:00 UTC", is_group=True, is_admin=False)
    assert "admins" in refused.text and list_subscriptions(db) == []
    say(db, "/subscribe 08:00 UTC", is_group=True, is_admin=True)
    assert "admins" in say(db, "/unsubscribe", is_group=True, is_admin=False).text
    assert get_subscription(db, "telegram", "chat-1").active
    say(db, "/subscribe 09:00 UTC", is_group=False, is_admin=False)  # a private chat is the user's own
    assert get_subscription(db, "telegram", "chat-1").time == "09:00"


def test_unsubscribe_stops_it(db):
    say(db, "/subscribe")
    assert "Unsubscribed" in say(db, "/unsubscribe").text
    assert "no daily digest to stop" in say(db, "/unsubscribe").text
    assert "No daily digest here" in say(db, "/subscription").text


def test_a_story_from_several_outlets_is_grouped_not_repeated(db):
    coverage(db)
    reply = compose_digest(db, None, newest_ingest(db), DAY)
    assert "4 new articles" in reply.text and "2 stories" in reply.text
    sources = [s for s in reply.snippets if s.kind == "source"]
    assert [s.outlet for s in sources] == ["Reuters", "BBC"]  # one headline per story
    assert sources[0].text.endswith("covered by Reuters, Interfax, Al Jazeera")
    assert "covered by" not in sources[1].text
    quotes = [s for s in reply.snippets if s.kind == "quote"]
    assert sorted(q.speaker for q in quotes) == ["John Healey", "Sergei Shoigu"]  # repeated words once
    events = [s.text for s in reply.snippets if s.kind == "event"]
    assert events == ["2026-02-09: Shoigu and Healey met in Geneva",
                      "on Thursday: EU agreed sanctions on tankers"]


def test_citations_keep_unknown_dates_unknown(db):
    coverage(db)
    reply = compose_digest(db, None, newest_ingest(db), DAY)
    assert next(s for s in reply.snippets if s.outlet == "Interfax").published == "2026-02-09"
    assert next(s for s in reply.snippets if s.outlet == "BBC").published == "February 8"
    assert next(s for s in reply.snippets if s.outlet == "Reuters").url == "https://reuters.example/talks"


@pytest.mark.parametrize(("topics", "outlets"), [
    (("shoygu",), {"Reuters", "Interfax", "Al Jazeera"}),  # a misspelt name
    (("tankers",), {"BBC"}),  # a word
    (("brussels",), {"BBC"}),  # a place
    (("lavrow",), {"BBC"}),  # a misspelt name that is only written in the text
    (("nation",), set()),  # close to "nato" in letters, but not a name in the coverage
    (("healy", "sanctions"), {"Reuters", "Interfax", "Al Jazeera", "BBC"}),  # any of them
    (("wallace",), set()),
])
def test_topics_keep_only_matching_coverage(db, topics, outlets):
    coverage(db)
    reply = compose_digest(db, None, newest_ingest(db), DAY, topics)
    heads = [s for s in (reply.snippets if reply else ()) if s.kind == "source"]
    assert {o for s in heads for o in ("Reuters", "Interfax", "Al Jazeera", "BBC") if o in s.text
            or o == s.outlet} == outlets


def test_nothing_new_is_nothing_or_one_line(db):
    coverage(db)
    newest = newest_ingest(db)
    assert compose_digest(db, newest, newest, DAY) is None
    line = compose_digest(db, newest, newest, DAY, ("nato",), notify_empty=True)
    assert line.text == "Daily digest, Tue 10 Feb 2026: no new coverage about nato since the last digest."
    assert line.snippets == ()


def test_digest_preview_shows_what_is_new_and_records_nothing(db):
    add_article(db, "Ministers discuss Arctic security", "Guardian", datetime.now(UTC).isoformat())
    say(db, "/subscribe 08:00 Europe/London")
    before = get_subscription(db, "telegram", "chat-1")
    preview = say(db, "/digest")
    assert preview.found and any(s.outlet == "Guardian" for s in preview.snippets)
    assert say(db, "/digest").snippets == preview.snippets
    assert get_subscription(db, "telegram", "chat-1") == before
    assert db["deliveries"].count == 0


def test_digest_preview_without_a_subscription_covers_the_last_day(db):
    three_days_ago = (datetime.now(UTC) - timedelta(days=3)).isoformat()
    add_article(db, "Old story about grain exports", "AP", three_days_ago)
    assert say(db, "/digest").text == "Nothing new since the last 24 hours."
    add_article(db, "New story about naval drills", "AP", datetime.now(UTC).isoformat())
    titles = [s.text for s in say(db, "/digest").snippets if s.kind == "source"]
    assert titles == ["New story about naval drills"]


@pytest.mark.parametrize(("topics", "outlets"), [
    (("-tankers",), {"Reuters"}),  # the sanctions story names tankers
    (("-healey",), {"BBC"}),  # a person quoted in the Geneva story
    (("geneva", "-lavrov"), {"Reuters"}),
    (("-shoygu",), {"Reuters", "BBC"}),  # exclusions take the word as written, no misspellings
])
def test_excluded_words_leave_out_the_coverage_that_names_them(db, topics, outlets):
    coverage(db)
    reply = compose_digest(db, None, newest_ingest(db), DAY, topics)
    assert {s.outlet for s in reply.snippets if s.kind == "source"} == outlets


def test_exclusions_are_subscribed_to_and_described(db):
    reply = say(db, "/subscribe 08:00 UTC nato -football -Transfer")
    assert get_subscription(db, "telegram", "chat-1").topics == ("nato", "-football", "-transfer")
    assert "about nato except what names football, transfer" in reply.text


def test_stories_most_outlets_covered_come_first_and_an_unknown_date_stays_unknown(db):
    add_article(db, "Lone report on harbour dredging costs rising again", None, at(1))
    coverage(db)
    heads = [s for s in compose_digest(db, None, newest_ingest(db), DAY).snippets if s.kind == "source"]
    assert [s.outlet for s in heads] == ["Reuters", None, "BBC"]
    assert heads[1].published is None and "covered by" not in heads[1].text


def test_digest_all_shows_every_story_of_the_day(db):
    now = datetime.now(UTC)
    for i in range(14):
        add_article(db, distinct_headline(i), "AP",
                    (now - timedelta(minutes=i)).isoformat(timespec="microseconds"))
    short = say(db, "/digest")
    assert short.text.endswith("4 more stories \u2014 /digest all")
    assert len([s for s in short.snippets if s.kind == "source"]) == 10
    full = say(db, "/digest all")
    assert len([s for s in full.snippets if s.kind == "source"]) == 14 and "more" not in full.text
    assert "/clipdesk digest all" in say(db, "/clipdesk digest", platform="slack").text
