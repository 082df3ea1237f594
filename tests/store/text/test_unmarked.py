"""Speech without quotation marks: transcript turns and press-release statements after 'said:'."""

from clipdesk.store.text.article import parse_article
from clipdesk.store.text.quotes import extract_quotes


def said(text: str) -> list[tuple[str, str | None]]:
    quotes = extract_quotes(parse_article(text, "page.txt"))
    return [(" ".join(q.text.split()[:4]), q.speaker) for q in quotes]


BRIEFING = """Ministry Spokesperson Lina Ortega's Regular Briefing on 14 March 2024

2024-03-14 18:02

Harbour Radio: The fishing report published on Monday says quotas were broken. What is your comment?

Lina Ortega: I have seen the report. The ministry has asked the coastal provinces for their figures \
and will respond once it has them.

We expect every fleet to respect the agreed quotas, and we will keep talking to our neighbours.

Coast Daily: Will the minister visit the ports this month?

Lina Ortega: I have no information to release on that at the moment.
"""


def test_transcript_turns_are_the_named_speakers_words_and_questions_are_not():
    assert said(BRIEFING) == [
        ("I have seen the", "Lina Ortega"),
        ("We expect every fleet", "Lina Ortega"),
        ("I have no information", "Lina Ortega")]


PODIUM = """Department of Harbours Press Briefing by Press Secretary Tom Reyes

Feb. 2, 2017

TOM REYES: Good afternoon, everybody.

I have two announcements before I take your questions about the storm.

First, the department has opened three shelters on the coast and will keep them open all week.
"""


def test_a_briefing_opened_by_its_speaker_in_capitals_is_all_his():
    assert [s for _, s in said(PODIUM)] == ["Tom Reyes", "Tom Reyes"]


PRESS_RELEASE = """New ferry timetable to keep island routes open

The press release issued by the Department for Transport on 3 May 2024.

The department today set out a winter timetable for the island ferries.

Minister for Maritime Affairs, Jane Pell said:

We are keeping every island connected through the winter, and this timetable does that.

The timetable starts in November and runs until March.
"""


def test_a_statement_after_said_colon_is_the_speakers_and_narrative_after_it_is_not():
    assert said(PRESS_RELEASE) == [("We are keeping every", "Jane Pell")]


def test_an_ordinary_story_gets_no_unmarked_speech():
    story = ("Ferry talks end without a deal\n\nThe operator and the islands' council met on Tuesday but "
             "could not agree on the winter timetable, the council said.\n\nNote: the talks resume in May.\n")
    assert said(story) == []


def test_a_label_in_capitals_before_a_colon_is_not_a_speaker():
    roundup = ("Congressional Roundup\n\nBUDGET VOTE: The Senate passed the budget on Friday. A supporter, "
               'Sen. Ada Morrow, said the plan "keeps every promise we made to voters this year."\n')
    assert said(roundup) == [("keeps every promise we", "Ada Morrow")]


def test_a_cue_word_in_the_clause_before_the_quote_does_not_hide_the_speaker():
    story = ('An opponent, Sen. Hal Price, R-Kan., said confirming the judge would continue the trend of a '
             'court "that favors employers over the people who work for them."')
    assert said("Judge confirmed\n\n" + story + "\n") == [("that favors employers over", "Hal Price")]
