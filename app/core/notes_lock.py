"""One writer at a time between reading a notes file and writing it back.

Every save reads the notes file first and takes in what another writer did
(``notes_merge``), then replaces the file. Two windows (two processes) on
one article that save at the same moment both read the file before either
wrote it, and the second rename dropped the first one's note (seen in two
real windows, session 11: both labelling one claim within a few
milliseconds; the windows then disagreed for good, each thinking the file
was its own). So the read, merge and write of a notes file are done under
an advisory lock (``flock``) on the notes file's folder: the second writer
waits a few milliseconds, then reads the first one's file.

The folder is locked, not a file beside the notes (no extra file in the
reader's folder; the notes file itself is replaced by a rename, so a lock on
it would lock the old copy). The lock is re-entered freely in one process
(a save that shows what it took in may save again). Where it cannot be had
— no ``fcntl`` (Windows), a folder that cannot be opened, a writer holding
it for more than :data:`WAIT_S` — the save goes on without it, as before:
never a hang.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - not on POSIX
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

WAIT_S = 2.0
_held: dict[str, tuple[int, int]] = {}  # folder -> (its open descriptor, depth)


@contextmanager
def notes_folder_locked(notes_path: Path) -> Iterator[bool]:
    """Hold the lock of ``notes_path``'s folder; yields whether it is held."""
    folder = os.path.abspath(notes_path.parent)
    if folder in _held:
        fd, depth = _held[folder]
        _held[folder] = (fd, depth + 1)
        try:
            yield True
        finally:
            _release(folder)
        return
    acquired = _acquire(folder)
    if acquired is None:
        yield False
        return
    _held[folder] = (acquired, 1)
    try:
        yield True
    finally:
        _release(folder)


def _acquire(folder: str) -> int | None:
    if fcntl is None:
        return None
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return None
    deadline = time.monotonic() + WAIT_S
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return fd
        except BlockingIOError:
            if time.monotonic() > deadline:
                log.warning("another writer holds the notes folder %s: saving without "
                            "waiting longer", folder)
                break
            time.sleep(0.005)
        except OSError:  # a file system without locks
            break
    os.close(fd)
    return None


def _release(folder: str) -> None:
    fd, depth = _held[folder]
    if depth > 1:
        _held[folder] = (fd, depth - 1)
        return
    del _held[folder]
    os.close(fd)  # closing the last descriptor releases the flock
