"""One polite, safe HTTP fetcher for feeds and pages: limits, robots.txt, backoff, no private addresses."""

from __future__ import annotations

import http.client
import ipaddress
import os
import re
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

MAX_BYTES = 5_000_000  # the same limit as article files
MAX_REDIRECTS = 5
DEFAULT_TIMEOUT = 20.0  # seconds, for connecting and for each read
BODY_TIMEOUTS = 3  # the whole body must arrive within this many timeouts (a server dripping bytes is cut)
DEFAULT_INTERVAL = 1.0  # seconds between two requests to one host
MAX_RETRY_WAIT = 10.0  # a Retry-After this short is waited out once; a longer one fails the fetch
DEFAULT_RETRY = 60.0  # seconds to hold off a host that said 429/503 without Retry-After
ROBOTS_TTL = 3600.0
MAX_CRAWL_DELAY = 60.0  # a robots.txt Crawl-delay is honoured up to this many seconds
ROBOTS_MAX_BYTES = 500_000
USER_AGENT = "clipdesk/0.1 (news coverage bot; +https://github.com/clipdesk/clipdesk)"

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
XML_TYPES = frozenset({"application/xml", "text/xml", "application/rss+xml", "application/atom+xml",
                       "application/rdf+xml", "application/feed+xml"})
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']""")


class FetchError(Exception):
    """A fetch that failed; the message is one line naming the URL and what went wrong.

    `retry_after` is set (seconds) when the server asked to be left alone for a while.
    """

    def __init__(self, url: str, reason: str, retry_after: float | None = None) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.retry_after = retry_after


class Refused(FetchError):
    """A fetch that clipdesk will not make or keep: a private address, robots.txt, a type or size."""


@dataclass(frozen=True)
class Fetched:
    """A response: 200 with its body, or 304 (not modified, no body). `url` is the one after redirects."""

    url: str
    status: int
    body: bytes = b""
    content_type: str = ""
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    def text(self) -> str:
        """The body decoded: the declared charset, else the document's own declaration, else UTF-8 or
        (failing that) Windows-1252."""
        return decode(self.body, self.charset)


def decode(body: bytes, charset: str | None = None) -> str:
    """Bytes of an HTML or XML document as text, by BOM, declared charset, meta/XML declaration, sniffing."""
    if body.startswith(b"\xef\xbb\xbf"):
        return body[3:].decode("utf-8", errors="replace")
    if body.startswith((b"\xff\xfe", b"\xfe\xff")):
        return body.decode("utf-16", errors="replace")
    head = body[:4096]
    found = _CHARSET.search(head) or _XML_ENCODING.search(head)
    for name in filter(None, (charset, found.group(1).decode("ascii") if found else None)):
        try:
            return body.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return body.decode("cp1252", errors="replace")


@dataclass(frozen=True)
class FetchSettings:
    """The fetcher's limits and manners, from the environment (CLIPDESK_FETCH_*)."""

    timeout: float = DEFAULT_TIMEOUT
    interval: float = DEFAULT_INTERVAL
    allow_private: bool = False
    max_bytes: int = MAX_BYTES
    max_redirects: int = MAX_REDIRECTS
    max_retry_wait: float = MAX_RETRY_WAIT
    user_agent: str = USER_AGENT

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> FetchSettings:
        """CLIPDESK_FETCH_TIMEOUT, CLIPDESK_FETCH_INTERVAL (seconds) and CLIPDESK_FETCH_ALLOW_PRIVATE=1."""
        env = os.environ if env is None else env
        return cls(timeout=_seconds(env, "CLIPDESK_FETCH_TIMEOUT", DEFAULT_TIMEOUT),
                   interval=_seconds(env, "CLIPDESK_FETCH_INTERVAL", DEFAULT_INTERVAL),
                   allow_private=env.get("CLIPDESK_FETCH_ALLOW_PRIVATE", "").strip() in ("1", "true", "yes"))


def _seconds(env: Mapping[str, str], name: str, default: float) -> float:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError as exc:
        raise ValueError(f"{name} must be a number of seconds, not {raw!r}") from exc
    if value < 0:
        raise ValueError(f"{name} must not be negative")
    return value


Resolver = Callable[[str, int], list[str]]


def resolve(host: str, port: int) -> list[str]:
    """Every address a host name resolves to."""
    return sorted({str(info[4][0]) for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)})


def private_reason(address: str) -> str | None:
    """Why an address may not be fetched (loopback, private, link-local...), or None for a public one."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    for kind in ("unspecified", "loopback", "link_local", "private", "multicast", "reserved"):
        if getattr(ip, f"is_{kind}"):
            return f"{address} is a {kind.replace('_', '-')} address"
    return None if ip.is_global else f"{address} is not a public address"


@dataclass
class _Host:
    """Per host: one request at a time, the time of the last one, and how long it asked to be left alone."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    last: float = float("-inf")
    hold_until: float = float("-inf")
    robots: RobotFileParser | None = None
    robots_at: float = float("-inf")
    crawl_delay: float = 0.0  # robots.txt's Crawl-delay for clipdesk, when it asks for one


class Fetcher:
    """Fetches http(s) URLs politely; safe to share between threads."""

    def __init__(self, settings: FetchSettings | None = None, *, resolver: Resolver = resolve,
                 screen: Callable[[str], str | None] = private_reason,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.settings = settings or FetchSettings.from_env()
        self.resolver = resolver
        self.screen = screen
        self.clock = clock
        self.sleep = sleep
        self._hosts: dict[str, _Host] = {}
        self._hosts_lock = threading.Lock()

    def _host(self, netloc: str) -> _Host:
        with self._hosts_lock:
            return self._hosts.setdefault(netloc, _Host())

    def fetch(self, url: str, *, accept: frozenset[str] = HTML_TYPES | XML_TYPES, etag: str | None = None,
              last_modified: str | None = None) -> Fetched:
        """GET `url` (following up to max_redirects redirects, each checked again); raise FetchError."""
        conditional = {"If-None-Match": etag, "If-Modified-Since": last_modified}
        for _ in range(self.settings.max_redirects + 1):
            self._check_robots(url)
            status, headers, response = self._request(url, {k: v for k, v in conditional.items() if v})
            try:
                if status in (301, 302, 303, 307, 308):
                    location = headers.get("location")
                    if not location:
                        raise FetchError(url, f"HTTP {status} redirect without a Location")
                    url = urljoin(url, location.strip())
                    continue
                return self._finish(url, status, headers, response, accept)
            finally:
                response.close()
        raise FetchError(url, f"more than {self.settings.max_redirects} redirects")

    def _finish(self, url: str, status: int, headers: http.client.HTTPMessage,
                response: http.client.HTTPResponse, accept: frozenset[str]) -> Fetched:
        etag, modified = headers.get("etag"), headers.get("last-modified")
        if status == 304:
            return Fetched(url, 304, etag=etag, last_modified=modified)
        if status != 200:
            raise FetchError(url, f"HTTP {status} {response.reason}".strip())
        content_type = headers.get_content_type() if headers.get("content-type") else ""
        if content_type and content_type not in accept and not (
                content_type.endswith("+xml") and XML_TYPES & accept):
            raise Refused(url, f"content type {content_type} is not an HTML or XML document")
        body = self._read(url, headers, response, self.settings.max_bytes)
        return Fetched(url, 200, body, content_type, headers.get_content_charset(), etag, modified)

    def _read(self, url: str, headers: http.client.HTTPMessage, response: http.client.HTTPResponse,
              limit: int) -> bytes:
        too_big = Refused(url, f"larger than {limit // 1_000_000} MB" if limit >= 1_000_000
                          else f"larger than {limit} bytes")
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > limit:
            raise too_big
        encoding = (headers.get("content-encoding") or "identity").strip().lower()
        if encoding not in ("identity", "gzip", "x-gzip", "deflate"):
            raise FetchError(url, f"unsupported content encoding {encoding}")
        inflate = zlib.decompressobj(47 if "gzip" in encoding else zlib.MAX_WBITS) \
            if encoding != "identity" else None
        out = bytearray()
        budget = self.settings.timeout * BODY_TIMEOUTS
        deadline = self.clock() + budget
        try:
            while chunk := response.read1(65536):
                if inflate is not None:
                    chunk = inflate.decompress(chunk, limit + 1 - len(out))
                out += chunk
                if len(out) > limit:
                    raise too_big
                if self.clock() > deadline:
                    raise FetchError(url, f"the page took longer than {budget:g} s to arrive")
        except (TimeoutError, OSError, http.client.HTTPException) as exc:
            raise FetchError(url, f"reading the response failed: {_why(exc)}") from exc
        except zlib.error as exc:
            raise FetchError(url, f"broken {encoding} body: {exc}") from exc
        return bytes(out)

    def _request(self, url: str, extra: dict[str, str]) -> tuple[int, http.client.HTTPMessage,
                                                                 http.client.HTTPResponse]:
        """One GET, at most one at a time per host and no sooner than `interval` after the last one;
        a 429/503 with a short Retry-After is waited out once."""
        parts = urlsplit(url)
        host = self._host(parts.netloc.lower())
        for attempt in range(2):
            with host.lock:
                held = host.hold_until - self.clock()
                if held > self.settings.max_retry_wait:
                    raise FetchError(url, f"the server asked to wait {held:.0f} s more", held)
                spacing = max(self.settings.interval, host.crawl_delay)
                wait = max(host.last + spacing, host.hold_until) - self.clock()
                if wait > 0:
                    self.sleep(wait)
                try:
                    response = self._send(url, extra)
                finally:
                    host.last = self.clock()
                status = response.status
                if status not in (429, 503):
                    return status, response.headers, response
                retry = retry_after(response.headers.get("retry-after"), DEFAULT_RETRY)
                response.close()
                host.hold_until = self.clock() + retry
            if attempt or retry > self.settings.max_retry_wait:
                raise FetchError(url, f"HTTP {status}: the server asks to wait {retry:.0f} s", retry)
        raise AssertionError("unreachable")

    def check(self, url: str) -> tuple[str, int, str]:
        """(host, port, address) of a URL this fetcher may fetch; raise Refused or FetchError if not."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise Refused(url, f"only http and https URLs can be fetched, not {parts.scheme or 'this'}")
        if parts.username or parts.password:
            raise Refused(url, "URLs with a user name or password are not fetched")
        if not parts.hostname:
            raise Refused(url, "no host in the URL")
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError as exc:
            raise Refused(url, f"bad port: {exc}") from exc
        return parts.hostname, port, self._address(url, parts.hostname, port)

    def _send(self, url: str, extra: dict[str, str]) -> http.client.HTTPResponse:
        parts = urlsplit(url)
        host, port, address = self.check(url)
        timeout = self.settings.timeout
        conn: http.client.HTTPConnection
        if parts.scheme == "https":
            conn = _PinnedHTTPS(host, port, address, timeout=timeout, context=ssl.create_default_context())
        else:
            conn = _PinnedHTTP(host, port, address, timeout=timeout)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        headers = {"User-Agent": self.settings.user_agent, "Accept-Encoding": "gzip, deflate",
                   "Accept": "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml,"
                             " application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1", **extra}
        try:
            conn.request("GET", path, headers=headers)
            return conn.getresponse()
        except TimeoutError as exc:
            conn.close()
            raise FetchError(url, f"no answer within {timeout:g} s") from exc
        except ssl.SSLError as exc:
            conn.close()
            raise FetchError(url, f"TLS failed: {exc.reason or exc}") from exc
        except (OSError, http.client.HTTPException) as exc:
            conn.close()
            raise FetchError(url, f"connection failed: {_why(exc)}") from exc

    def _address(self, url: str, host: str, port: int) -> str:
        """The checked address to connect to: every address the name resolves to must be public."""
        try:
            addresses = self.resolver(host, port)
        except (OSError, UnicodeError) as exc:
            raise FetchError(url, f"cannot resolve {host}: {_why(exc)}") from exc
        if not addresses:
            raise FetchError(url, f"cannot resolve {host}")
        if not self.settings.allow_private:
            for address in addresses:
                reason = self.screen(address)
                if reason:
                    raise Refused(url, f"refused to fetch from {host}: {reason}; "
                                       "set CLIPDESK_FETCH_ALLOW_PRIVATE=1 to allow it")
        return addresses[0]

    def _check_robots(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.path == "/robots.txt":
            return
        host = self._host(parts.netloc.lower())
        now = self.clock()
        if host.robots is None or now - host.robots_at > ROBOTS_TTL:
            host.robots, host.robots_at = self._robots(f"{parts.scheme}://{parts.netloc}/robots.txt"), now
            delay = host.robots.crawl_delay(self.settings.user_agent)
            host.crawl_delay = min(float(delay), MAX_CRAWL_DELAY) if delay else 0.0
        if not host.robots.can_fetch(self.settings.user_agent, url):
            raise Refused(url, "robots.txt disallows fetching it")

    def _robots(self, robots_url: str) -> RobotFileParser:
        """The site's rules: none on a 4xx, everything disallowed while robots.txt cannot be read."""
        parser = RobotFileParser(robots_url)
        try:
            status, headers, response = self._request(robots_url, {})
            with response:
                if status == 200:
                    rules = self._read(robots_url, headers, response, ROBOTS_MAX_BYTES)
                    parser.parse(decode(rules).splitlines())
                    return parser
        except Refused:
            raise
        except FetchError as exc:
            reason = f"robots.txt could not be read ({exc.reason})"
            raise FetchError(exc.url, reason, exc.retry_after) from exc
        parser.parse([] if 400 <= status < 500 else ["User-agent: *", "Disallow: /"])
        return parser


def retry_after(value: str | None, default: float) -> float:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date); `default` when absent or bad."""
    if not value:
        return default
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return default
    return max(0.0, when.timestamp() - time.time())


def _why(exc: BaseException) -> str:
    return str(getattr(exc, "strerror", None) or exc) or type(exc).__name__


class _PinnedHTTP(http.client.HTTPConnection):
    """An HTTP connection to an address checked beforehand (no second DNS lookup to be fooled by)."""

    def __init__(self, host: str, port: int, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class _PinnedHTTPS(http.client.HTTPSConnection):
    """An HTTPS connection to a checked address, verifying the certificate for the host name."""

    def __init__(self, host: str, port: int, address: str, timeout: float, context: ssl.SSLContext) -> None:
        super().__init__(host, port, timeout=timeout, context=context)
        self.address = address
        self.tls = context

    def connect(self) -> None:
        sock = socket.create_connection((self.address, self.port), self.timeout)
        self.sock = self.tls.wrap_socket(sock, server_hostname=self.host)
