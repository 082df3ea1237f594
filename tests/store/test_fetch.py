"""The fetcher against a real local site: limits, manners, and refusing private addresses."""

from __future__ import annotations

import time

import pytest

from clipdesk.store.fetch import (
    MAX_BYTES,
    Fetcher,
    FetchError,
    FetchSettings,
    Refused,
    decode,
    private_reason,
)
from tests.fakes.news_site import NewsSite

ALLOWED = FetchSettings(allow_private=True, interval=0.0, timeout=2.0)


@pytest.fixture
def site():
    with NewsSite() as running:
        running.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
        yield running


def test_a_page_comes_back_with_its_text_validators_and_a_user_agent_naming_clipdesk(site):
    site.add("/a", "<html><body><p>Hello</p></body></html>")
    got = Fetcher(ALLOWED).fetch(site.url("/a"))
    assert got.status == 200 and "Hello" in got.text() and got.etag and got.last_modified
    assert "clipdesk" in site.hits("/a")[0].headers["user-agent"]


def test_a_conditional_request_gets_a_304_without_a_body(site):
    site.add("/feed.xml", "<rss/>", "application/rss+xml")
    fetcher = Fetcher(ALLOWED)
    first = fetcher.fetch(site.url("/feed.xml"))
    again = fetcher.fetch(site.url("/feed.xml"), etag=first.etag, last_modified=first.last_modified)
    assert again.not_modified and again.body == b""
    assert site.hits("/feed.xml")[-1].headers["if-none-match"] == first.etag


def test_gzip_bodies_are_inflated(site):
    site.add("/z", "<html><body><p>" + "squeezed " * 500 + "</p></body></html>", gzip=True)
    assert Fetcher(ALLOWED).fetch(site.url("/z")).text().count("squeezed") == 500


def test_redirects_are_followed_to_the_final_url_and_bounded(site):
    site.add("/final", "<html><body>arrived</body></html>")
    site.redirect("/one", "/two")
    site.redirect("/two", site.url("/final"), 302)
    got = Fetcher(ALLOWED).fetch(site.url("/one"))
    assert got.url == site.url("/final") and "arrived" in got.text()
    site.redirect("/loop", "/loop")
    with pytest.raises(FetchError, match="more than 5 redirects"):
        Fetcher(ALLOWED).fetch(site.url("/loop"))


def test_a_page_over_the_limit_is_refused_whether_or_not_it_says_its_length(site):
    site.add("/big", b"<html>" + b"x" * (MAX_BYTES + 10))
    with pytest.raises(Refused, match="larger than 5 MB"):
        Fetcher(ALLOWED).fetch(site.url("/big"))
    site.add("/bomb", b"<html>" + b"x" * 3000, gzip=True)
    small = FetchSettings(allow_private=True, interval=0.0, max_bytes=1000)
    with pytest.raises(Refused, match="larger than 1000 bytes"):
        Fetcher(small).fetch(site.url("/bomb"))


def test_other_content_types_are_refused(site):
    site.add("/photo.jpg", b"\xff\xd8\xff\xe0 not html", "image/jpeg")
    with pytest.raises(Refused, match="content type image/jpeg"):
        Fetcher(ALLOWED).fetch(site.url("/photo.jpg"))


def test_a_slow_server_times_out_with_a_clear_message(site):
    site.add("/slow", "<html></html>", delay=1.5)
    with pytest.raises(FetchError, match=r"no answer within 0.3 s"):
        Fetcher(FetchSettings(allow_private=True, interval=0.0, timeout=0.3)).fetch(site.url("/slow"))


def test_a_server_dripping_its_page_is_cut_off(site):
    site.add("/drip", "<html><body>" + "x" * 20000 + "</body></html>", drip=0.05)  # 2 s in all
    settings = FetchSettings(allow_private=True, interval=0.0, timeout=0.5)  # each piece well in time
    with pytest.raises(FetchError, match=r"took longer than 1.5 s"):
        Fetcher(settings).fetch(site.url("/drip"))


def test_robots_txt_is_respected(site):
    site.add("/private/memo", "<html>secret</html>")
    with pytest.raises(Refused, match="robots.txt disallows"):
        Fetcher(ALLOWED).fetch(site.url("/private/memo"))
    assert not site.hits("/private/memo")


def test_a_crawl_delay_in_robots_txt_spaces_the_requests(site):
    site.add("/robots.txt", "User-agent: *\nCrawl-delay: 1\n", "text/plain")
    site.add("/a", "<html>a</html>")
    fetcher = Fetcher(ALLOWED)
    fetcher.fetch(site.url("/a"))
    fetcher.fetch(site.url("/a"))
    first, second = site.hits("/a")
    assert second.at - first.at >= 0.95


def test_a_short_retry_after_is_waited_out_and_a_long_one_fails_with_it(site):
    site.add("/busy", "<html>ok</html>")
    site.rate_limit("/busy", retry_after=1)
    fetcher = Fetcher(ALLOWED)
    assert "ok" in fetcher.fetch(site.url("/busy")).text()
    first, second = site.hits("/busy")
    assert second.at - first.at >= 0.9
    site.rate_limit("/busy", retry_after=3600, status=503)
    with pytest.raises(FetchError, match="HTTP 503") as failed:
        fetcher.fetch(site.url("/busy"))
    assert failed.value.retry_after == 3600
    started, before = time.monotonic(), len(site.requests)
    with pytest.raises(FetchError, match="asked to wait") as held:  # the host is left alone meanwhile
        fetcher.fetch(site.url("/busy"))
    assert time.monotonic() - started < 1 and len(site.requests) == before and held.value.retry_after > 3500


def test_requests_to_one_host_keep_the_minimum_interval(site):
    site.add("/a", "<html>a</html>")
    fetcher = Fetcher(FetchSettings(allow_private=True, interval=0.3))
    fetcher.fetch(site.url("/a"))
    fetcher.fetch(site.url("/a"))
    times = [r.at for r in site.requests]
    assert all(b - a >= 0.28 for a, b in zip(times, times[1:], strict=False))


def test_loopback_is_refused_without_the_setting_and_nothing_is_requested(site):
    site.add("/a", "<html>a</html>")
    with pytest.raises(Refused, match="loopback.*CLIPDESK_FETCH_ALLOW_PRIVATE=1"):
        Fetcher(FetchSettings(interval=0.0)).fetch(site.url("/a"))
    assert site.requests == []


def test_a_redirect_to_a_private_address_is_refused(site):
    """A public name that redirects inward is checked again at every hop, before connecting."""
    port = site.url("").rsplit(":", 1)[1]
    site.redirect("/out", f"http://intranet.example:{port}/admin")

    def names(host: str, port: int) -> list[str]:
        return ["127.0.0.1"] if host == "127.0.0.1" else ["127.0.0.2"]

    def screen(address: str) -> str | None:  # 127.0.0.1 stands for a public address here
        return None if address == "127.0.0.1" else f"{address} is a private address"

    fetcher = Fetcher(FetchSettings(interval=0.0), resolver=names, screen=screen)
    with pytest.raises(Refused, match="from intranet.example: 127.0.0.2 is a private address"):
        fetcher.fetch(site.url("/out"))
    assert [r.path for r in site.requests] == ["/robots.txt", "/out"]


@pytest.mark.parametrize(("address", "kind"), [
    ("10.1.2.3", "private"), ("192.168.0.1", "private"), ("169.254.169.254", "link-local"),
    ("::1", "loopback"), ("fe80::1", "link-local"), ("::ffff:127.0.0.1", "loopback"),
    ("0.0.0.0", "unspecified"),
    ("100.64.0.1", "not a public"),
])
def test_internal_addresses_are_named(address, kind):
    assert kind in (private_reason(address) or "")


def test_public_addresses_pass():
    assert private_reason("93.184.216.34") is None and private_reason("2606:4700::1111") is None


def test_other_schemes_and_credentials_are_refused():
    fetcher = Fetcher(ALLOWED)
    with pytest.raises(Refused, match="only http and https"):
        fetcher.fetch("file:///etc/passwd")
    with pytest.raises(Refused, match="user name or password"):
        fetcher.fetch("http://me:secret@127.0.0.1:9/")


def test_a_server_that_is_not_there_is_a_connection_error():
    with pytest.raises(FetchError, match="connection failed"):
        Fetcher(ALLOWED).fetch("http://127.0.0.1:9/nothing")


def test_encodings_are_detected_from_header_meta_or_bytes():
    latin = "<html><head><meta charset=\"windows-1252\"></head><p>caf\u00e9 \u201cquoted\u201d</p>"
    assert "caf\u00e9 \u201cquoted\u201d" in decode(latin.encode("cp1252"))
    assert "caf\u00e9" in decode("<p>caf\u00e9</p>".encode("cp1252"))
    assert decode("<p>\u00fcber</p>".encode("iso-8859-1"), "iso-8859-1") == "<p>\u00fcber</p>"
    assert decode('<?xml version="1.0" encoding="koi8-r"?><t>\u043c\u0438\u0440</t>'.encode("koi8-r")) \
        .endswith("\u043c\u0438\u0440</t>")


def test_the_settings_come_from_the_environment():
    settings = FetchSettings.from_env({"CLIPDESK_FETCH_TIMEOUT": "7", "CLIPDESK_FETCH_ALLOW_PRIVATE": "1"})
    assert settings.timeout == 7 and settings.allow_private
    assert not FetchSettings.from_env({}).allow_private
    with pytest.raises(ValueError, match="CLIPDESK_FETCH_TIMEOUT"):
        FetchSettings.from_env({"CLIPDESK_FETCH_TIMEOUT": "soon"})
