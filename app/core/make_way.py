"""A worker thread making way for the window's thread now and then.

CPython gives the interpreter (the GIL) to a waiting thread only when it has
waited a whole switch interval without the holder letting go once. A worker
that lets go for a moment and takes it straight back, many times a
millisecond, restarts that wait each time: sanitising a note (nh3 lets go
around its Rust code) or reading a module's file does exactly this. Measured
while exporting a 3 MB book's 371 notes: the worker let go 721 times in
136 ms (0.19 ms apart), and the window's thread, woken each time and each
time too late, waited 50–90 ms for its 5 ms timer. A short sleep is the one
let-go the waiting thread is sure to win.
"""

from __future__ import annotations

import time
from collections.abc import Callable

EVERY_S = 0.004  # at most this long between two turns given away
PAUSE_S = 0.0003  # long enough for a woken thread to take the interpreter


class MakeWay:
    """Call it between small steps; every ``every`` seconds it sleeps ``pause``
    seconds, so a thread waiting for the interpreter takes it."""

    def __init__(self, every: float = EVERY_S, pause: float = PAUSE_S,
                 clock: Callable[[], float] = time.perf_counter,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self._every = every
        self._pause = pause
        self._clock = clock
        self._sleep = sleep
        self._last = clock()
        self.turns = 0  # how many times it slept

    def __call__(self) -> None:
        if self._clock() - self._last >= self._every:
            self._sleep(self._pause)
            self.turns += 1
            self._last = self._clock()


def keep_going() -> None:
    """For a caller with no other thread to make way for."""
