"""Progress of a long build on a terminal: the language, the phase, pages done and the time so far, at most every
two seconds. Off unless the `tayho` command asks for it (on a terminal, and not under CI)."""

from __future__ import annotations

import sys
import time


class Progress:
    """Prints `[vi] pages 350/1010 · 12 s` lines to standard error while a language builds."""

    EVERY = 2.0  # seconds between two lines

    def __init__(self, lang: str, enabled: bool):
        self.lang, self.enabled = lang, enabled
        self.started = time.monotonic()
        self._last = 0.0

    def pages(self, done: int, total: int) -> None:
        if done == total or time.monotonic() - self._last >= self.EVERY:
            self._say(f"pages {done}/{total}")

    def phase(self, name: str) -> None:
        self._say(name)

    def _say(self, what: str) -> None:
        if not self.enabled:
            return
        self._last = time.monotonic()
        print(f"[{self.lang}] {what} · {self._last - self.started:.0f} s", file=sys.stderr, flush=True)
