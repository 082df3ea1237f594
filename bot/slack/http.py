"""Slack's HTTP mode, before Bolt: requests whose signature headers cannot even be read get 401.

Bolt verifies every request's signature; a timestamp that is not a whole number of seconds ("abc",
"1796162707.413") made its verifier raise, answering 500 with a traceback in the log, which lets an
unauthenticated client fill the logs. This middleware answers those with 401 and one log line.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable

from aiohttp import web

log = logging.getLogger(__name__)

TIMESTAMP = re.compile(r"\d{1,12}")
SIGNATURE = re.compile(r"v0=[0-9a-f]{64}")
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@web.middleware
async def readable_signature(request: web.Request, handler: Handler) -> web.StreamResponse:
    """401 for a POST without a numeric X-Slack-Request-Timestamp and a well-formed X-Slack-Signature."""
    if request.method == "POST" and not (
            TIMESTAMP.fullmatch(request.headers.get("X-Slack-Request-Timestamp", ""))
            and SIGNATURE.fullmatch(request.headers.get("X-Slack-Signature", ""))):
        log.warning("unsigned or malformed Slack request refused", extra={
            "platform": "slack", "event": "unauthorized", "error": "bad signature headers"})
        return web.Response(status=401, text="")
    return await handler(request)


def guarded(app: web.Application) -> web.Application:
    """`app` (Bolt's aiohttp application) with the header check in front of it."""
    app.middlewares.insert(0, readable_signature)
    return app
