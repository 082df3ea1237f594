"""A per-user question limit: at most N questions in any sliding minute, one notice per window."""

from __future__ import annotations

import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass

WINDOW = 60.0


@dataclass(frozen=True)
class Verdict:
    """What to do with one question: answer it, tell the user to wait (`wait` seconds), or stay quiet."""

    allowed: bool
    notify: bool = False
    wait: float = 0.0


class RateLimit:
    """Counts each key's recent questions. Over the limit, the first question gets a notice and the
    rest of that window gets silence, so a flood costs one message, not one per question."""

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic,
                 window: float = WINDOW) -> None:
        self.per_minute = per_minute
        self.clock = clock
        self.window = window
        self._recent: defaultdict[str, deque[float]] = defaultdict(deque)
        self._quiet_until: dict[str, float] = {}

    def check(self, key: str) -> Verdict:
        """Record a question from `key` and say whether it is answered, noticed or ignored."""
        now = self.clock()
        recent = self._recent[key]
        while recent and now - recent[0] >= self.window:
            recent.popleft()
        if len(recent) < self.per_minute:
            recent.append(now)
            return Verdict(allowed=True)
        wait = self.window - (now - recent[0])
        if now < self._quiet_until.get(key, 0.0):
            return Verdict(allowed=False, wait=wait)
        self._quiet_until[key] = now + self.window
        return Verdict(allowed=False, notify=True, wait=wait)
