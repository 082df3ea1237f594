"""Statements, tweets and readouts quoted sentences after the one that says who issued them."""

from clipdesk.store.text.model import Article
from clipdesk.store.text.quotes import extract_quotes


def speakers(*paragraphs: str) -> list[tuple[str, str | None]]:
    article = Article(id="t", source="t.txt", paragraphs=paragraphs)
    return [(q.text.split()[0], q.speaker) for q in extract_quotes(article)]


def test_the_statement_added_is_the_body_that_issued_the_statement_sentences_before():
    assert speakers(
        "Meanwhile, the Ministry of Foreign Affairs of Norway, in an official statement, said the two "
        "envoys discussed fishing rights in the Barents Sea.",
        "Talks in Oslo lasted three hours.",
        "“Both sides agreed to meet again before the end of the year to settle the open questions,” "
        "the statement added.",
    ) == [("Both", "Ministry of Foreign Affairs of Norway")]


def test_the_tweet_is_the_spokespersons_whose_aside_lacks_its_closing_comma():
    assert speakers(
        "After the meeting, Ama Owusu, spokesperson of the Ghana Foreign Ministry tweeted, “The minister "
        "met his Togolese counterpart in Accra today.”",
        "“Cooperation on border security will deepen,” the tweet added.",
    ) == [("The", "Ama Owusu"), ("Cooperation", "Ama Owusu")]


def test_a_statement_issued_by_a_named_body_reads_with_that_body_as_speaker():
    assert speakers(
        "The two prime ministers spoke by telephone on Monday.",
        "“The leaders welcomed the progress made on the trade agreement this year,” the statement issued "
        "by Chile's Ministry of Foreign Affairs reads.",
    ) == [("The", "Chile's Ministry of Foreign Affairs")]


def test_a_statement_reported_in_reported_speech_first_speaks_later():
    assert speakers(
        "In a written statement, the US Treasury said that the measures would cut the network off from "
        "the banking system.",
        "“The designations target twelve companies that shipped parts to the drone plant,” the statement "
        "said.",
    ) == [("The", "US Treasury")]


def test_a_statement_whose_issuer_was_never_named_stays_unattributed():
    assert speakers(
        "Lena Berg, the mayor, opened the new bridge on Friday.",
        "“The bridge will carry twenty thousand cars a day from next spring,” the statement said.",
    ) == [("The", None)]


def test_a_body_that_issued_a_statement_speaks_its_words():
    said = speakers(
        "The Finance Ministry on Thursday issued a statement announcing sanctions on four shipping firms.",
        "\u201cThese firms moved oil for the regime for years,\u201d the statement said.")
    assert [s for _, s in said] == ["Finance Ministry"]


def test_the_department_is_the_department_named_before_not_the_latest_body():
    said = speakers(
        "The Treasury Department announced sanctions on Thursday over hacks by the Harbour Research Agency.",
        "The department said in a statement that the measures were \u201ca response to years of attacks on "
        "our networks.\u201d",
        "\u201cThis attack was the costliest in history,\u201d the statement says.")
    assert [s for _, s in said] == ["Treasury Department", "Treasury Department"]


def test_the_statement_is_the_body_that_spoke_last_when_no_statement_was_named():
    said = speakers(
        "The Harbour Authority said on Monday it was concerned by the strike at the container terminal.",
        "“We urge both sides to return to talks before the cranes stop for good,” the statement said.")
    assert [s for _, s in said] == ["Harbour Authority"]


def test_the_statement_stays_unattributed_when_a_person_was_named_after_the_body_spoke():
    said = speakers(
        "The Harbour Authority said on Monday it was concerned by the strike at the container terminal.",
        "Union leader Mara Quist walked out of the talks an hour later.",
        "“We urge both sides to return to talks before the cranes stop for good,” the statement said.")
    assert [s for _, s in said] == [None]


def test_a_release_issued_by_a_named_body_is_that_body_s_when_quoted_later():
    said = speakers(
        "A release issued by the Office of the Mayor (OTM) described the flood as a disaster for the valley.",
        "“We trust the people of the valley will rebuild what the river took from them,” the release said.")
    assert [s for _, s in said] == ["Office of the Mayor"]


def test_a_statement_named_by_its_issuers_possessive_is_the_issuers():
    assert speakers(
        "“A wide range of trade questions were discussed at the talks,” the Elysée’s statement reads.",
        "“Both sides will meet again in May,” the statement added.",
    ) == [("A", "Elysée"), ("Both", "Elysée")]


def test_a_statement_whose_verb_comes_first_after_the_quotation_is_its_issuers():
    assert speakers(
        "The Unity Party said on Monday that its delegation was ready to meet the envoys.",
        "“We can only assume the meeting was cancelled at the ruling party’s demand,” read a statement "
        "from the Unity Party.",
    ) == [("We", "Unity Party")]
