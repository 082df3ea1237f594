"""A per-user question limit: at most N questions in any sliding minute."""

from __future__ import annotations

import time
from collections import defaultdict, deque
from collections.abc import Callable

WINDOW = 60.0


class RateLimit:
    """Counts each user's recent questions; `check` says how long to wait (0 when allowed)."""

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute = per_minute
        self.clock = clock
        self._recent: dict[str, deque[float]] = defaultdict(deque)

    def check(self, user: str) -> float:
        """Record a question from `user` and return 0, or the seconds until one is allowed again."""
        now = self.clock()
        recent = self._recent[user]
        while recent and now - recent[0] >= WINDOW:
            recent.popleft()
        if len(recent) >= self.per_minute:
            return WINDOW - (now - recent[0])
        recent.append(now)
        return 0.0
