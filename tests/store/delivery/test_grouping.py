"""Story grouping: retellings of one story group together among many others, whatever the batch size."""

from __future__ import annotations

import random

from clipdesk.store.delivery.digest import NewArticle, NewEvent, group_stories

COMMON = ["talks", "minister", "says", "new", "the", "over", "in", "on", "with", "after"]


def _article(i: int, title: str, events: tuple[NewEvent, ...] = ()) -> NewArticle:
    return NewArticle(id=f"a{i:05}", source=f"a{i:05}.txt", url=None, outlet=None, title=title,
                      published=None, ingested_at=f"2026-12-01T{i // 3600:02}:{i // 60 % 60:02}:{i % 60:02}",
                      quotes=(), events=events, text="")


def _batch(stories: int, seed: int = 5) -> tuple[list[NewArticle], dict[str, int]]:
    """Each story told three times: two rare words and three of the day's common ones, one word changed."""
    rnd = random.Random(seed)
    told: list[tuple[int, str]] = []
    for s in range(stories):
        rare = ["".join(rnd.choices("bcdfghjklmnpqrstvwxz", k=9)) for _ in range(2)]
        kept = [*rare, *rnd.sample(COMMON, 3)]
        for _ in range(3):
            words = [*kept, rnd.choice(["latest", "again", "more", "fresh"])]
            rnd.shuffle(words)
            told.append((s, " ".join(words).capitalize()))
    rnd.shuffle(told)
    batch = [_article(i, title) for i, (_, title) in enumerate(told)]
    return batch, {a.id: s for a, (s, _) in zip(batch, told, strict=True)}


def test_every_retelling_joins_its_story_and_no_two_stories_merge():
    for stories in (5, 400):
        batch, story_of = _batch(stories)
        grouped = group_stories(batch)
        assert len(grouped) == stories
        for story in grouped:
            assert len({story_of[a.id] for a in story.articles}) == 1 and len(story.articles) == 3


def test_a_shared_dated_event_with_the_same_people_groups_unlike_headlines():
    meeting = NewEvent("meeting", "2026-11-30", "Monday", "Geneva", ("Ana Polsky",), "Polsky met Vik")
    first = _article(1, "Polsky and Vik meet in Geneva for a second day", (meeting,))
    second = _article(2, "Energy prices lead the agenda of a quiet week", (meeting,))
    other = _article(3, "Harbour strike enters its fourth week in Rotterdam")
    [pair, alone] = group_stories([first, other, second])
    assert [a.id for a in pair.articles] == ["a00001", "a00002"] and alone.articles == (other,)
