"""Freed memory goes back to the system (glibc keeps it otherwise: a 7 MB book's
freed layout held 310 MB after a small article replaced it; tester T15, F11)."""

from __future__ import annotations

import ctypes
import sys

import pytest

from app.core.memory_return import give_back_freed_memory


def _glibc() -> bool:
    try:
        return sys.platform.startswith("linux") and hasattr(ctypes.CDLL("libc.so.6"),
                                                              "malloc_trim")
    except OSError:
        return False


pytestmark = pytest.mark.skipif(not _glibc(), reason="glibc's malloc_trim only")


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def test_freed_heap_memory_is_given_back() -> None:
    # Many middle-sized blocks (over pymalloc's 512 bytes, under mmap's threshold):
    # malloc's heap, as Qt's layout of a book is.
    # Some stay, here and there, as the window's own objects do: the heap cannot
    # just shrink from its top.
    blocks = [bytes(2000) + bytes([n % 256]) for n in range(100_000)]  # ~200 MB
    staying = blocks[::100]
    held = _rss_mb()
    del blocks
    freed = _rss_mb()
    thread = give_back_freed_memory()
    assert thread is not None
    thread.join(10)
    given_back = _rss_mb()
    assert held - given_back > 100, (held, freed, given_back)
    assert len(staying) == 1000
