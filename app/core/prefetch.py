"""Reading the article named on the command line in a child process while the
window starts.

Why: ``claimmark FILE`` spends ~0.6 s importing Qt and building the window on
one core. Reading the article, splitting its claims and suggesting labels
costs ~0.3 s more the first time, nearly all of it one-time set-up (importing
Python-Markdown, loading Punkt's model, compiling the cue lexicons). Done in
the window's worker thread it only starts once the window is up, and the two
share one interpreter lock. A child forked before Qt is imported does it on
the other core meanwhile and hands back the Article, then the claims and
suggestions, pickled through a pipe. If anything goes wrong the window loads
the file itself as before, so the child never decides what the reader sees:
its answer is used only when the file has not changed since the child read it.

Only on Linux (``os.fork`` before any thread or Qt library exists; macOS and
Windows start the window as before), never for PDFs (their own loader shows
the first page early), and only for articles of up to :data:`MAX_CHARS`: a
book's claims come from the worker with progress, and unpickling a 3 MB
book's Article would hold the interpreter for ~0.1 s in one call. A child
that gives no answer within :data:`WAIT_SECONDS` is stopped (the worker then
reads the file itself), and the kernel stops it if the window's process ends
first (``PR_SET_PDEATHSIG``). The pipe carries only what our own child
wrote, each message framed by its length.
"""

from __future__ import annotations

import logging
import os
import pickle
import select
import signal
import struct
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the child imports them; the parent only unpickles (fork first)
    from app.core.article import Article
    from app.core.claims import Claim

log = logging.getLogger(__name__)

MAX_CHARS = 300_000
WAIT_SECONDS = 20.0  # then the child is stopped and the worker reads the file itself
_HEADER = struct.Struct("!Q")  # each message: its length, then the pickle
_MAX_MESSAGE = 256 << 20
_SKIPPED_SUFFIXES = {".pdf"}

Stamp = tuple[int, int]  # size and mtime in ns of the file the child read


def _stamp(path: str) -> Stamp | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


class Prefetch:
    """The parent's end: one forked child working on ``path``."""

    def __init__(self, path: str, pid: int, fd: int) -> None:
        self.path = path
        self._pid = pid
        self._fd: int | None = fd
        self._stamp: Stamp | None = None

    def article(self) -> Article | None:
        """The child's Article (waits for it), or None: load the file yourself."""
        message = self._receive()
        if message is None or message[0] != "article" or message[1] != _stamp(self.path):
            self.close()
            return None
        self._stamp = message[1]
        return message[2]  # type: ignore[no-any-return]

    def claims(self) -> tuple[list[Claim], dict[int, Any]] | None:
        """The claims and suggestions (waits for them), or None: find them yourself."""
        message = self._receive()
        self.close()
        if message is None or message[0] != "claims" or _stamp(self.path) != self._stamp:
            return None
        return message[1], message[2]

    def _receive(self) -> tuple[Any, ...] | None:
        if self._fd is None:
            return None
        deadline = time.monotonic() + WAIT_SECONDS
        try:
            size = _HEADER.unpack(self._read(_HEADER.size, deadline))[0]
            if size > _MAX_MESSAGE:
                raise ValueError(f"a message of {size} bytes")
            message = pickle.loads(self._read(size, deadline))  # noqa: S301 - our child's
        except Exception:  # noqa: BLE001 - the child stopped, failed or hangs: load here
            log.debug("prefetch of %s gave nothing", self.path, exc_info=True)
            return None
        return message if isinstance(message, tuple) and message else None

    def _read(self, size: int, deadline: float) -> bytes:
        assert self._fd is not None
        chunks: list[bytes] = []
        while size:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._fd], [], [], left)[0]:
                raise TimeoutError(f"no answer within {WAIT_SECONDS:.0f} s")
            chunk = os.read(self._fd, min(size, 1 << 20))
            if not chunk:
                raise EOFError("the child stopped")
            chunks.append(chunk)
            size -= len(chunk)
        return b"".join(chunks)

    def close(self) -> None:
        """Stop the child (if still working) and reap it."""
        if self._fd is None:
            return
        os.close(self._fd)
        self._fd = None
        try:
            os.kill(self._pid, signal.SIGKILL)
        except OSError:
            pass  # already gone
        try:
            os.waitpid(self._pid, 0)
        except OSError:
            pass


def prefetch_article(path: str) -> Prefetch | None:
    """Start reading ``path`` in a forked child; None where that is not done.

    Call before PySide6 is imported and before any thread is started.
    """
    absolute = str(Path(path).absolute())
    if (not sys.platform.startswith("linux") or Path(path).suffix.lower() in _SKIPPED_SUFFIXES
            or not os.path.isfile(absolute)):
        return None
    parent = os.getpid()
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return None
    if pid == 0:  # the child
        _child(absolute, read_end, write_end, parent)
    os.close(write_end)
    return Prefetch(absolute, pid, read_end)


def _child(path: str, read_end: int, write_end: int, parent: int) -> None:
    """Read, split and suggest; send each result; never return."""
    try:
        os.close(read_end)
        die_with(parent)
        logging.disable(logging.CRITICAL)  # the window logs what happens to the file
        with os.fdopen(write_end, "wb") as out:
            from app.core.loaders import load_article

            stamp = _stamp(path)
            article = load_article(path)
            if len(article.text) > MAX_CHARS:
                return  # a book: the worker reads it, with progress
            _send(out, ("article", stamp, article))
            from app.core.claims import find_claims
            from app.core.suggest import suggest_for_claims

            claims = find_claims(article)
            _send(out, ("claims", claims, suggest_for_claims(article, claims)))
    except BaseException:  # noqa: BLE001, S110 - the window loads the file itself
        pass
    finally:
        os._exit(0)


def _send(out: Any, message: tuple[Any, ...]) -> None:
    data = pickle.dumps(message, pickle.HIGHEST_PROTOCOL)
    out.write(_HEADER.pack(len(data)) + data)
    out.flush()


def die_with(parent: int) -> None:
    """Have the kernel stop this child if the window's process ends first."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:
        os._exit(0)
