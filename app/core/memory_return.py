"""Freed memory handed back to the system once a big article is replaced.

Qt's layout of a book's text costs ~40 bytes a character (310 MB for 7 MB of
text). Opening another article frees it, but glibc keeps the freed pages for
the process: with a three-line article open after a 7 MB book the window
stayed at 439 MB, 130 MB once trimmed, and an epub → 7 MB text → epub cycle
read as growth (tester T15, F11: 209 → 641 MB). ``malloc_trim(0)`` hands them
back. It runs in a thread of its own (ctypes lets go of the interpreter), so
the window never waits for it; elsewhere than glibc it is not there and
nothing is done.
"""

from __future__ import annotations

import ctypes
import functools
import logging
import sys
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        trim: Callable[[int], int] = ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):  # musl and others: no malloc_trim
        return None
    return trim


def give_back_freed_memory() -> threading.Thread | None:
    """Start handing freed heap pages back to the system; the thread doing it
    (None where there is no ``malloc_trim``)."""
    trim = _malloc_trim()
    if trim is None:
        return None
    thread = threading.Thread(target=_trim, args=(trim,), name="claimmark-trim", daemon=True)
    thread.start()
    return thread


def _trim(trim: Callable[[int], int]) -> None:
    try:
        trim(0)
    except Exception:  # noqa: BLE001 - memory not given back is no failure
        log.debug("malloc_trim failed", exc_info=True)
