"""A fake Telegram Bot API: a real aiohttp server on 127.0.0.1 that records calls and can fail on demand.

Start it as an async context manager and point python-telegram-bot at it::

    async with FakeTelegramApi() as telegram:
        settings = TelegramSettings(token=TOKEN, api_base_url=telegram.base_url)
        telegram.queue(telegram.message_update("hello", chat_id=42))
        [sent] = await telegram.wait_for("sendMessage")      # the decoded request body
        assert sent["chat_id"] == 42

Methods are served at `/bot<token>/<method>`: getMe, getUpdates (real offset semantics: an update is
handed out until a later call's offset passes its id; long polls wait at most POLL_WAIT seconds),
sendMessage (answers a Message), answerInlineQuery, setMyCommands, deleteWebhook, setWebhook,
getWebhookInfo, getChatMember and getChatAdministrators (from `telegram.members`: chat id -> {user id:
"member" | "administrator" | "creator"}; anyone else has "left"), and any other method answers true.
Every call is kept in `telegram.requests`.

Switches, each for the next `times` calls of a method (None: until `telegram.reset()`):
  telegram.rate_limit("sendMessage", times=1, retry_after=1)   -> 429 with parameters.retry_after
  telegram.fail("sendMessage", 403, "Forbidden: bot was blocked by the user")
  telegram.fail("sendMessage", 400, "Bad Request: chat not found")
  telegram.migrate("sendMessage", new_chat_id=-100123)          -> 400 with parameters.migrate_to_chat_id
  telegram.fail("sendMessage", 502, "Bad Gateway")              -> 5xx
  telegram.slow("sendMessage", 0.5)                             -> answers after half a second
  telegram.slow_chat(-100555, 0.5)                              -> sendMessage to that chat, likewise
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

BOT_ID = 7000000001
BOT_USERNAME = "clipdesk_bot"
POLL_WAIT = 0.2
ADMINS = ("administrator", "creator")
ADMIN_RIGHTS = ("can_be_edited", "can_manage_chat", "can_delete_messages", "can_manage_video_chats",
                "can_restrict_members", "can_promote_members", "can_change_info", "can_invite_users",
                "can_post_stories", "can_edit_stories", "can_delete_stories")


def _member(user_id: int, status: str) -> dict[str, Any]:
    """A ChatMember as the Bot API sends it."""
    member: dict[str, Any] = {"status": status, "user": {"id": user_id, "is_bot": False, "first_name": "Ana"}}
    if status in ADMINS:
        member["is_anonymous"] = False
    if status == "administrator":
        member |= dict.fromkeys(ADMIN_RIGHTS, False)
    return member


@dataclass
class Recorded:
    """One request the fake received."""

    method: str
    body: dict[str, Any]
    at: float = field(default_factory=time.monotonic)


@dataclass
class _Switch:
    status: int
    description: str
    parameters: dict[str, Any] | None
    times: int | None


class FakeTelegramApi:
    """The fake Bot API server; `base_url` is what TELEGRAM_API_BASE_URL takes."""

    def __init__(self) -> None:
        self.requests: list[Recorded] = []
        self.updates: list[dict[str, Any]] = []
        self._confirmed = 0
        self._switches: dict[str, list[_Switch]] = {}
        self._delays: dict[str, float] = {}
        self._chat_delays: dict[int, float] = {}
        self._message_ids = itertools.count(1000)
        self._update_ids = itertools.count(1)
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self.members: dict[int, dict[int, str]] = {}
        self.port = 0

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # -- switches ---------------------------------------------------------------------------
    def fail(self, method: str, status: int, description: str, times: int | None = 1,
             parameters: dict[str, Any] | None = None) -> None:
        self._switches.setdefault(method, []).append(_Switch(status, description, parameters, times))

    def rate_limit(self, method: str, times: int | None = 1, retry_after: int = 1) -> None:
        self.fail(method, 429, f"Too Many Requests: retry after {retry_after}", times,
                  {"retry_after": retry_after})

    def migrate(self, method: str, new_chat_id: int, times: int | None = 1) -> None:
        self.fail(method, 400, "Bad Request: group chat was upgraded to a supergroup chat", times,
                  {"migrate_to_chat_id": new_chat_id})

    def slow(self, method: str, seconds: float) -> None:
        self._delays[method] = seconds

    def slow_chat(self, chat_id: int, seconds: float) -> None:
        self._chat_delays[chat_id] = seconds

    def reset(self) -> None:
        """Forget every switch and every recorded request."""
        self._switches.clear()
        self._delays.clear()
        self._chat_delays.clear()
        self.requests.clear()

    # -- updates ----------------------------------------------------------------------------
    def queue(self, update: dict[str, Any]) -> dict[str, Any]:
        """Hand `update` to the bot's next getUpdates (an update_id is added when missing)."""
        update.setdefault("update_id", next(self._update_ids))
        self.updates.append(update)
        return update

    def message_update(self, text: str, chat_id: int = 42, chat_type: str = "private", user_id: int = 42,
                       **message: Any) -> dict[str, Any]:
        """A message update as Telegram sends it; extra keys go into the message."""
        chat = {"id": chat_id, "type": chat_type}
        if chat_type != "private":
            chat["title"] = "News desk"
        return {"message": {"message_id": next(self._message_ids), "date": int(time.time()), "chat": chat,
                            "from": {"id": user_id, "is_bot": False, "first_name": "Ana"}, "text": text,
                            **message}}

    def calls(self, method: str) -> list[dict[str, Any]]:
        """The bodies of every request made to `method`, in order."""
        return [r.body for r in self.requests if r.method == method]

    async def wait_for(self, method: str, count: int = 1, timeout: float = 10.0) -> list[dict[str, Any]]:
        """Wait until `method` was called at least `count` times; return those bodies."""
        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(lambda: len(self.calls(method)) >= count), timeout)
        return self.calls(method)

    # -- server -----------------------------------------------------------------------------
    async def __aenter__(self) -> FakeTelegramApi:
        app = web.Application()
        app.router.add_post("/bot{token}/{method}", self._api)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self.port = self._runner.addresses[0][1]
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def _body(self, request: web.Request) -> dict[str, Any]:
        if request.content_type == "application/json":
            return await request.json()
        form = await request.post()
        body: dict[str, Any] = {}
        for key, value in form.items():
            text = value if isinstance(value, str) else str(value)
            try:
                body[key] = json.loads(text)
            except ValueError:
                body[key] = text
        return body

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        body = await self._body(request)
        if method != "getUpdates":
            async with self._changed:
                self.requests.append(Recorded(method, body))
                self._changed.notify_all()
        await asyncio.sleep(self._delays.get(method, 0))
        if method == "sendMessage" and str(body.get("chat_id", "")).lstrip("-").isdigit():
            await asyncio.sleep(self._chat_delays.get(int(body["chat_id"]), 0))
        switched = self._switched(method)
        if switched is not None:
            return switched
        return web.json_response({"ok": True, "result": await self._result(method, body)})

    def _switched(self, method: str) -> web.Response | None:
        switches = self._switches.get(method, [])
        if not switches:
            return None
        switch = switches[0]
        if switch.times is not None:
            switch.times -= 1
            if switch.times <= 0:
                switches.pop(0)
        answer: dict[str, Any] = {"ok": False, "error_code": switch.status, "description": switch.description}
        if switch.parameters:
            answer["parameters"] = switch.parameters
        return web.json_response(answer, status=switch.status)

    async def _result(self, method: str, body: dict[str, Any]) -> Any:
        if method == "getMe":
            return {"id": BOT_ID, "is_bot": True, "first_name": "clipdesk", "username": BOT_USERNAME,
                    "can_join_groups": True, "can_read_all_group_messages": False,
                    "supports_inline_queries": True}
        if method == "getUpdates":
            return await self._get_updates(body)
        if method == "sendMessage":
            chat_id = int(body["chat_id"])
            message = {"message_id": next(self._message_ids), "date": int(time.time()),
                       "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"},
                       "from": {"id": BOT_ID, "is_bot": True, "first_name": "clipdesk"},
                       "text": body.get("text", "")}
            if body.get("message_thread_id"):
                message["message_thread_id"] = int(body["message_thread_id"])
            return message
        if method == "getChatMember":
            user_id = int(body["user_id"])
            return _member(user_id, self.members.get(int(body["chat_id"]), {}).get(user_id, "left"))
        if method == "getChatAdministrators":
            chat = self.members.get(int(body["chat_id"]), {})
            return [_member(user, status) for user, status in chat.items() if status in ADMINS]
        if method == "getWebhookInfo":
            return {"url": "", "has_custom_certificate": False, "pending_update_count": 0}
        return True

    async def _get_updates(self, body: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(body.get("offset") or 0)
        if offset:
            self._confirmed = max(self._confirmed, offset)
        wait = min(float(body.get("timeout") or 0), POLL_WAIT)
        deadline = time.monotonic() + wait
        while True:
            ready = [u for u in self.updates if u["update_id"] >= self._confirmed]
            if ready or time.monotonic() >= deadline:
                return ready[: int(body.get("limit") or 100)]
            await asyncio.sleep(0.02)

    def redeliver(self) -> None:
        """Forget confirmed offsets, as Telegram may after a bot restarts: every update comes again."""
        self._confirmed = 0
