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
book's Article would hold the interpreter for ~0.1 s in one call. The pipe
carries only what our own child wrote.
"""

from __future__ import annotations

import logging
import os
import pickle
import signal
import sys
from pathlib import Path
from typing import IO, Any

from app.core.article import Article
from app.core.claims import Claim

log = logging.getLogger(__name__)

MAX_CHARS = 300_000
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

    def __init__(self, path: str, pid: int, pipe: IO[bytes]) -> None:
        self.path = path
        self._pid = pid
        self._pipe: IO[bytes] | None = pipe
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
        if self._pipe is None:
            return None
        try:
            message = pickle.load(self._pipe)  # noqa: S301 - written by our own child
        except Exception:  # noqa: BLE001 - the child stopped or failed: load here instead
            log.debug("prefetch of %s gave nothing", self.path, exc_info=True)
            return None
        return message if isinstance(message, tuple) and message else None

    def close(self) -> None:
        """Stop the child (if still working) and reap it."""
        if self._pipe is None:
            return
        self._pipe.close()
        self._pipe = None
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
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return None
    if pid == 0:  # the child
        _child(absolute, read_end, write_end)
    os.close(write_end)
    return Prefetch(absolute, pid, os.fdopen(read_end, "rb"))


def _child(path: str, read_end: int, write_end: int) -> None:
    """Read, split and suggest; send each result; never return."""
    try:
        os.close(read_end)
        logging.disable(logging.CRITICAL)  # the window logs what happens to the file
        with os.fdopen(write_end, "wb") as out:
            from app.core.loaders import load_article

            stamp = _stamp(path)
            article = load_article(path)
            if len(article.text) > MAX_CHARS:
                return  # a book: the worker reads it, with progress
            pickle.dump(("article", stamp, article), out, pickle.HIGHEST_PROTOCOL)
            out.flush()
            from app.core.claims import find_claims
            from app.core.suggest import suggest_for_claims

            claims = find_claims(article)
            suggestions = suggest_for_claims(article, claims)
            pickle.dump(("claims", claims, suggestions), out, pickle.HIGHEST_PROTOCOL)
    except BaseException:  # noqa: BLE001, S110 - the window loads the file itself
        pass
    finally:
        os._exit(0)
