"""Checking that a message is HTML Telegram accepts: only its tags, all balanced, within 4096."""

from __future__ import annotations

from html.parser import HTMLParser

ALLOWED = {"b", "i", "a", "blockquote", "code", "pre"}


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        assert tag in ALLOWED, f"tag <{tag}> is not one Telegram knows"
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, f"</{tag}> closes nothing open"
        self.open.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def visible_text(message: str) -> str:
    """The text a user sees; fails when the HTML is not valid for Telegram."""
    assert 0 < len(message) <= 4096
    checker = _Checker()
    checker.feed(message)
    checker.close()
    assert not checker.open, f"unclosed {checker.open}"
    return "".join(checker.text)
