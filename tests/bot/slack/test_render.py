"""Reply -> Block Kit: quote sections, citation contexts, fallback text, escaping and Slack's limits."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from clipdesk.bot.slack.render import MAX_BLOCKS, MESSAGE_CHARS, SECTION_CHARS, escape, fit, render
from clipdesk.handlers.types import Reply, Snippet

QUOTE = Snippet(kind="quote", text="The talks were constructive.", speaker="Ana Ruiz", outlet="Al Jazeera",
                published="2024-05-01", url="https://example.org/story?id=7&lang=en", source="aj.txt")
HOSTILE = "<!channel> <!here> <@U0BOSS> <#C0GEN> <https://evil.example|click> & more"


def texts(message: dict) -> list[str]:
    """Every mrkdwn/plain text field of a message, the fallback first."""
    found = [message["text"]]
    for block in message["blocks"]:
        if "text" in block:
            found.append(block["text"]["text"])
        found += [e["text"] for e in block.get("elements", [])]
    return found


def test_a_quote_is_a_block_quote_section_with_a_citation_context_and_a_fallback():
    [message] = render(Reply(text="Ana Ruiz said:", snippets=(QUOTE,), found=True))
    lead, quote, cite = message["blocks"]
    assert lead == {"type": "section", "text": {"type": "mrkdwn", "text": "Ana Ruiz said:"}}
    assert quote["text"]["text"] == "&gt; \u201cThe talks were constructive.\u201d"
    assert cite["elements"][0]["text"] == (
        "Ana Ruiz \u00b7 Al Jazeera \u00b7 2024-05-01 \u00b7 <https://example.org/story?id=7&amp;lang=en|source>")
    assert "The talks were constructive." in message["text"] and "Al Jazeera" in message["text"]


def test_unknown_citation_parts_are_left_out_not_invented():
    bare = Snippet(kind="quote", text="No comment.", source="wire-0412.txt")
    [message] = render(Reply(text="Quotations:", snippets=(bare,)))
    cite = message["blocks"][2]["elements"][0]["text"]
    assert cite == "wire-0412.txt"
    assert "None" not in json.dumps(message) and "unknown" not in cite


def test_only_web_addresses_become_links():
    for url in ("javascript:alert(1)", "https://a.example/x|y", "https://a.example/<!channel>"):
        odd = Snippet(kind="quote", text="x", url=url, source="s.txt")
        cite = render(Reply(text="", snippets=(odd,)))[0]["blocks"][2]["elements"][0]["text"]
        assert "<" not in cite and ">" not in cite


def test_hostile_text_in_the_reply_and_in_the_coverage_is_escaped_everywhere():
    evil = Snippet(kind="quote", text=HOSTILE, speaker=HOSTILE, outlet=HOSTILE, published=HOSTILE,
                   source=HOSTILE)
    [message] = render(Reply(text=HOSTILE, snippets=(evil,)))
    for text in texts(message):
        assert "<!" not in text and "<@" not in text and "<#" not in text and "<https://evil" not in text
        assert "&lt;!channel&gt;" in text and "&amp; more" in text


def test_long_answers_go_out_as_several_messages_of_at_most_50_blocks_in_order():
    snippets = tuple(Snippet(kind="quote", text=f"Quotation number {i}.", speaker="Ana Ruiz", source="a.txt")
                     for i in range(60))
    messages = render(Reply(text="Many:", snippets=snippets))
    assert len(messages) == 3
    assert all(len(m["blocks"]) <= MAX_BLOCKS for m in messages)
    order = [t for m in messages for t in texts(m)[1:] if t.startswith("&gt;")]
    assert order == [f"&gt; \u201cQuotation number {i}.\u201d" for i in range(60)]
    assert all(b["type"] != "context" for b in (m["blocks"][0] for m in messages[1:]))


def test_sections_stay_within_3000_characters_and_messages_within_the_text_limit():
    long = Snippet(kind="paragraph", text="Tariffs & quotas " * 1000, speaker="Li Wei", source="b.txt")
    messages = render(Reply(text="Long & longer " * 500, snippets=(long,) * 40))
    assert len(messages) > 1
    for message in messages:
        assert len(message["text"]) <= MESSAGE_CHARS
        for block in message["blocks"]:
            if block["type"] == "section":
                assert len(block["text"]["text"]) <= SECTION_CHARS
                assert not block["text"]["text"].rstrip("\u2026").endswith(("&", "&a", "&am", "&amp"))


@given(st.text())
def test_escaping_leaves_no_angle_brackets_and_loses_nothing(text):
    escaped = escape(text)
    assert "<" not in escaped and ">" not in escaped
    assert escaped.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") == text


@given(st.text(), st.integers(min_value=10, max_value=200))
def test_fit_never_exceeds_its_limit(text, limit):
    assert len(fit(text, limit)) <= limit


def test_a_5000_character_title_speaker_and_url_are_cut_with_an_ellipsis_within_slacks_limits():
    huge = Snippet(kind="quote", text="We will not accept it", speaker="Sergey " * 800, title="Talks " * 850,
                   url="https://example.org/" + "a" * 5000, source="b" * 5000, published="2022-02-11")
    for message in render(Reply(text="Sergey Shoigu said:", snippets=(huge,) * 30, found=True)):
        assert len(message["text"]) <= MESSAGE_CHARS and len(message["blocks"]) <= MAX_BLOCKS
        assert "\u2026" in message["text"]
        for block in message["blocks"]:
            pieces = [block["text"]] if block["type"] == "section" else block["elements"]
            assert all(len(p["text"]) <= SECTION_CHARS for p in pieces)
