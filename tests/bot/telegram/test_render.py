"""Telegram HTML: quotations in blockquotes, citations in italics, escaping, and splitting at 4096."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from clipdesk.bot.telegram.render import render_html
from clipdesk.handlers.types import Reply, Snippet
from tests.bot.telegram.html import visible_text


def quote(text: str, **more) -> Snippet:
    return Snippet(kind="quote", text=text, speaker=more.pop("speaker", "Ben Wallace"), outlet="TASS",
                   published="2022-02-11", source="003.txt", **more)


def test_a_quotation_is_a_blockquote_with_an_italic_citation_and_a_link():
    [message] = render_html(Reply(text="Ben Wallace said:", snippets=(
        quote("We will not accept it", url="https://example.org/a?x=1&y=2", title="Talks"),), found=True))
    assert "<blockquote>\u201cWe will not accept it\u201d</blockquote>" in message
    assert "<i>Ben Wallace · TASS · 2022-02-11</i>" in message
    assert '<a href="https://example.org/a?x=1&amp;y=2">Talks</a>' in message
    visible_text(message)


def test_coverage_and_user_text_is_escaped():
    [message] = render_html(Reply(text="You asked <b>&</b>", snippets=(
        quote('Say <a href="x">hi</a> & bye', speaker="<script>"),)))
    text = visible_text(message)
    assert "You asked <b>&</b>" in text and 'Say <a href="x">hi</a> & bye' in text and "<script>" in text


def test_a_link_that_is_not_http_is_not_made_a_link():
    [message] = render_html(Reply(text="x", snippets=(quote("words", url="javascript:alert(1)"),)))
    assert "<a " not in message


def test_long_answers_are_split_between_snippets_never_inside_a_tag():
    snippets = tuple(quote(f"{n} " + "word & <more> " * 40) for n in range(40))
    parts = render_html(Reply(text="Many:", snippets=snippets))
    assert len(parts) > 1
    seen = "".join(visible_text(part) for part in parts)
    assert all(f"\u201c{n} word" in seen for n in range(40))


def test_one_huge_text_is_cut_at_word_boundaries_into_valid_messages():
    words = ("Sources & notes " * 2000).split()
    parts = render_html(Reply(text=" ".join(words)))
    assert len(parts) > 1
    assert " ".join(visible_text(p) for p in parts).split() == words


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=3000), st.lists(st.text(min_size=1, max_size=2500), max_size=6))
def test_any_text_renders_as_valid_messages(lead, texts):
    parts = render_html(Reply(text=lead or "x", snippets=tuple(quote(t) for t in texts)))
    for part in parts:
        visible_text(part)


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def test_a_5000_character_title_speaker_and_url_are_cut_with_an_ellipsis_within_4096():
    long = "Talks " * 850
    snippet = Snippet(kind="quote", text="We will not accept it", speaker="Sergey " * 800, outlet=None,
                      published="2022-02-11", title=long, url="https://example.org/" + "a" * 5000,
                      source="b" * 5000)
    parts = render_html(Reply(text="Sergey Shoigu said:", snippets=(snippet,) * 3, found=True))
    for part in parts:
        assert _utf16(part) <= 4096
        shown = visible_text(part)
        assert "\u2026" in shown and "\u201cWe will not accept it\u201d" in shown


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=6000), st.text(max_size=6000), st.text(max_size=3000))
def test_any_citation_renders_within_telegrams_limit_counted_in_utf16(title, speaker, text):
    snippet = Snippet(kind="quote", text=text or "x", speaker=speaker or None, outlet=None, published=None,
                      title=title, url="https://example.org/" + title, source=title)
    for part in render_html(Reply(text=title, snippets=(snippet, snippet))):
        assert _utf16(part) <= 4096
        visible_text(part)
