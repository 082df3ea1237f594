"""A fake Slack Web API: a real aiohttp server on 127.0.0.1 that records calls and can fail on demand.

Start it as an async context manager and point slack_sdk at it::

    async with FakeSlackApi() as slack:
        client = AsyncWebClient(token="xoxb-test", base_url=slack.base_url)
        await client.chat_postMessage(channel="C1", text="hi")
        [call] = slack.calls("chat.postMessage")      # the decoded JSON/form body, blocks as a list
        assert call["channel"] == "C1"

Every request is kept in `slack.requests` (Recorded: method, body, headers, at). Web API methods
are served at `/api/<method>` (auth.test, chat.postMessage, chat.postEphemeral, views.publish,
conversations.members from `slack.members` (channel -> user ids; paged two at a time; an unknown
channel is channel_not_found), and any other method answers {"ok": true}).
`slack.response_url("name")` is a URL for slash-command and shortcut `response_url`s; posts to it
are recorded under the method "response_url/<name>".

Switches, each for the next `times` calls of a method (None: until cleared with `slack.reset()`):
  slack.rate_limit("chat.postMessage", times=1, retry_after=1)  -> HTTP 429 with Retry-After
  slack.fail("chat.postMessage", "channel_not_found", times=1)  -> HTTP 200 {"ok": false, "error": ...}
  slack.server_error("chat.postMessage", times=1, status=503)   -> HTTP 5xx
  slack.slow("chat.postMessage", 0.5)                            -> answers after half a second
Wait for calls made by a running app with `await slack.wait_for("chat.postMessage", count=1)`.

Socket Mode: apps.connections.open hands out `ws://127.0.0.1:<port>/socket`; the fake says hello on
connect, `await slack.socket_send("events_api", body)` pushes an envelope to every connected client,
and the clients' acknowledgements are recorded as method "socket/ack" ({"envelope_id": ...}).

The other direction, Slack calling the app over HTTP, is `SignedDelivery(secret, events_url)`: it posts event
JSON (`await deliver.event({...})`), slash commands and shortcuts (form bodies) signed with
slack_sdk's SignatureVerifier, optionally with a bad signature, an old timestamp or X-Slack-Retry-Num.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode

import aiohttp
from aiohttp import web
from slack_sdk.signature import SignatureVerifier

BOT_USER_ID = "UCLIPBOT"
BOT_ID = "BCLIPBOT"
TEAM_ID = "TCLIPTEAM"
MEMBERS_PAGE = 2


@dataclass
class Recorded:
    """One request the fake received."""

    method: str
    body: dict[str, Any]
    headers: dict[str, str]
    at: float = field(default_factory=time.monotonic)


@dataclass
class _Switch:
    kind: str  # "ratelimit" | "error" | "status"
    value: Any
    times: int | None


class FakeSlackApi:
    """The fake Web API server; `base_url` is what AsyncWebClient(base_url=...) takes."""

    def __init__(self) -> None:
        self.requests: list[Recorded] = []
        self._switches: dict[str, list[_Switch]] = {}
        self._delays: dict[str, float] = {}
        self._ts = itertools.count(1)
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self.sockets: list[web.WebSocketResponse] = []
        self.members: dict[str, list[str]] = {}
        self.port = 0

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/"

    def response_url(self, name: str = "cmd") -> str:
        """A response_url whose posts are recorded as method "response_url/<name>"."""
        return f"http://127.0.0.1:{self.port}/response/{name}"

    def rate_limit(self, method: str, times: int | None = 1, retry_after: int = 1) -> None:
        self._switches.setdefault(method, []).append(_Switch("ratelimit", retry_after, times))

    def fail(self, method: str, error: str, times: int | None = 1) -> None:
        self._switches.setdefault(method, []).append(_Switch("error", error, times))

    def server_error(self, method: str, times: int | None = 1, status: int = 503) -> None:
        self._switches.setdefault(method, []).append(_Switch("status", status, times))

    def slow(self, method: str, seconds: float) -> None:
        """Answer `method` only after `seconds` (it is recorded on arrival), until reset."""
        self._delays[method] = seconds

    def reset(self) -> None:
        """Forget every switch and every recorded request."""
        self._switches.clear()
        self._delays.clear()
        self.requests.clear()

    def calls(self, method: str) -> list[dict[str, Any]]:
        """The bodies of every request made to `method`, in order."""
        return [r.body for r in self.requests if r.method == method]

    async def wait_for(self, method: str, count: int = 1, timeout: float = 5.0) -> list[dict[str, Any]]:
        """Wait until `method` was called at least `count` times; return those bodies."""
        async with self._changed:
            await asyncio.wait_for(
                self._changed.wait_for(lambda: len(self.calls(method)) >= count), timeout)
        return self.calls(method)

    async def __aenter__(self) -> FakeSlackApi:
        app = web.Application()
        app.router.add_post("/api/{method}", self._api)
        app.router.add_get("/api/{method}", self._api)  # slack_sdk reads some methods with GET
        app.router.add_post("/response/{name}", self._response_url)
        app.router.add_get("/socket", self._socket)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = self._runner.addresses[0][1]
        return self

    async def __aexit__(self, *exc: object) -> None:
        for ws in list(self.sockets):
            await ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    async def _record(self, method: str, request: web.Request) -> None:
        raw = await request.text()
        if request.method == "GET":
            body: dict[str, Any] = dict(request.query)
        elif request.content_type == "application/json":
            body = json.loads(raw or "{}")
        else:
            body = dict(parse_qsl(raw, keep_blank_values=True))
            for key in ("blocks", "view", "attachments"):
                if isinstance(body.get(key), str):
                    body[key] = json.loads(body[key])
        async with self._changed:
            self.requests.append(Recorded(method, body, dict(request.headers)))
            self._changed.notify_all()

    def _switched(self, method: str) -> web.Response | None:
        switches = self._switches.get(method, [])
        if not switches:
            return None
        switch = switches[0]
        if switch.times is not None:
            switch.times -= 1
            if switch.times <= 0:
                switches.pop(0)
        if switch.kind == "ratelimit":
            return web.json_response({"ok": False, "error": "ratelimited"}, status=429,
                                     headers={"Retry-After": str(switch.value)})
        if switch.kind == "status":
            return web.Response(status=switch.value, text="upstream trouble")
        return web.json_response({"ok": False, "error": switch.value})

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        await self._record(method, request)
        await asyncio.sleep(self._delays.get(method, 0))
        switched = self._switched(method)
        if switched is not None:
            return switched
        body = self.requests[-1].body
        if method == "auth.test":
            return web.json_response({"ok": True, "url": "https://clip.slack.com/", "team": "Clip",
                                      "user": "clipdesk", "team_id": TEAM_ID, "user_id": BOT_USER_ID,
                                      "bot_id": BOT_ID})
        if method in ("chat.postMessage", "chat.postEphemeral"):
            ts = f"{1_700_000_000 + next(self._ts)}.000100"
            key = "ts" if method == "chat.postMessage" else "message_ts"
            return web.json_response({"ok": True, "channel": body.get("channel"), key: ts,
                                      "message": {"text": body.get("text"), "ts": ts}})
        if method == "apps.connections.open":
            return web.json_response({"ok": True, "url": f"ws://127.0.0.1:{self.port}/socket"})
        if method == "conversations.members":
            return web.json_response(self._members(body))
        if method == "views.publish":
            return web.json_response({"ok": True, "view": {"id": "V1", **(body.get("view") or {})}})
        return web.json_response({"ok": True})

    def _members(self, body: dict[str, Any]) -> dict[str, Any]:
        if body.get("channel") not in self.members:
            return {"ok": False, "error": "channel_not_found"}
        everyone = self.members[body["channel"]]
        start = int(body.get("cursor") or 0)
        page = everyone[start:start + MEMBERS_PAGE]
        more = start + MEMBERS_PAGE < len(everyone)
        return {"ok": True, "members": page,
                "response_metadata": {"next_cursor": str(start + MEMBERS_PAGE) if more else ""}}

    async def socket_send(self, kind: str, payload: dict[str, Any]) -> str:
        """Push a Socket Mode envelope ("events_api", "slash_commands", "interactive"); its envelope_id."""
        envelope_id = f"env-{next(self._ts)}"
        envelope = {"envelope_id": envelope_id, "type": kind, "payload": payload,
                    "accept_response_payload": kind != "events_api", "retry_attempt": 0, "retry_reason": ""}
        for ws in self.sockets:
            await ws.send_json(envelope)
        return envelope_id

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        self.sockets.append(ws)
        await ws.send_json({"type": "hello", "num_connections": len(self.sockets),
                            "connection_info": {"app_id": "ACLIP"}})
        try:
            async for message in ws:
                if message.type == aiohttp.WSMsgType.TEXT:
                    async with self._changed:
                        self.requests.append(Recorded("socket/ack", json.loads(message.data), {}))
                        self._changed.notify_all()
        finally:
            self.sockets.remove(ws)
        return ws

    async def _response_url(self, request: web.Request) -> web.Response:
        method = f"response_url/{request.match_info['name']}"
        await self._record(method, request)
        await asyncio.sleep(self._delays.get(method, 0))
        switched = self._switched(method)
        return switched if switched is not None else web.Response(text="ok")


class SignedDelivery:
    """Slack's side of HTTP mode: signed POSTs of events, slash commands and shortcuts to the app."""

    def __init__(self, secret: str, url: str) -> None:
        self.verifier = SignatureVerifier(secret)
        self.url = url
        self._events = itertools.count(1)

    async def post(self, body: str, content_type: str, *, age: int = 0, bad_signature: bool = False,
                   retry_num: int | None = None) -> tuple[int, str]:
        """POST `body` signed as Slack does; (status, response text)."""
        timestamp = str(int(time.time()) - age)
        signature = self.verifier.generate_signature(timestamp=timestamp, body=body)
        if bad_signature:
            signature = signature[:-4] + "0000"
        headers = {"Content-Type": content_type, "X-Slack-Request-Timestamp": timestamp,
                   "X-Slack-Signature": signature}
        if retry_num is not None:
            headers |= {"X-Slack-Retry-Num": str(retry_num), "X-Slack-Retry-Reason": "http_timeout"}
        async with aiohttp.ClientSession() as session, session.post(self.url, data=body.encode(),
                                                                   headers=headers) as response:
            return response.status, await response.text()

    def event_body(self, event: dict[str, Any], event_id: str | None = None) -> dict[str, Any]:
        """An Events API envelope around `event`."""
        return {"token": "legacy", "team_id": TEAM_ID, "api_app_id": "ACLIP", "type": "event_callback",
                "event": event, "event_id": event_id or f"Ev{next(self._events):08d}",
                "event_time": int(time.time()), "authorizations": [
                    {"team_id": TEAM_ID, "user_id": BOT_USER_ID, "is_bot": True}]}

    async def event(self, body: dict[str, Any], **options: Any) -> tuple[int, str]:
        return await self.post(json.dumps(body), "application/json", **options)

    async def command(self, fields: dict[str, str], **options: Any) -> tuple[int, str]:
        return await self.post(urlencode(fields), "application/x-www-form-urlencoded", **options)

    async def interaction(self, payload: dict[str, Any], **options: Any) -> tuple[int, str]:
        return await self.post(urlencode({"payload": json.dumps(payload)}),
                               "application/x-www-form-urlencoded", **options)
