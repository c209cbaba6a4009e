"""Searching a book for suggestion cues in a child process while the worker
thread splits its claims.

Why: opening a 3 MB book spends ~1.5 s splitting claims and ~0.9 s
searching the cue lexicons before it can weigh a single suggestion. Both are
pure Python: in one process they take turns on one core (and ``re`` holds
the interpreter for each search). The cue search needs only the text, not the
claims, so a child (``python -m app.core.cue_search``) does it on the other
core meanwhile: the text goes in on stdin as UTF-8, the hits come back on
stdout as JSON, ``{"chars": n, "digest": …, "hits": [[model, start, end,
entry id, entry rank], …]}`` (a cue may have several rows, one reason each: the
rank names the row). The answer is used only if it is for the same text and
every entry it names exists here; anything else (the child failed, took
longer than :data:`TIMEOUT`, wrote something else) gives ``None``, and the
suggester searches the text itself as before.
"""

from __future__ import annotations

import hashlib
import json
import logging
import subprocess
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.core.cues import Entry, Lexicon

log = logging.getLogger(__name__)

MIN_CHARS = 300_000  # below this the child's start (~0.3 s) costs more than it saves
TIMEOUT = 120.0  # seconds; then the child is stopped and the text searched here

Hits = dict[str, list[tuple[int, int, "Entry"]]]


def command() -> list[str]:
    """How the child is started (tests put other children in its place)."""
    return [sys.executable, "-m", "app.core.cue_search"]


def digest_of(text: str) -> str:
    """What tells the child's answer is for this very text."""
    return _digest_of_bytes(_encoded(text))


def _encoded(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def _digest_of_bytes(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


class CueSearch:
    """The parent's end: one child searching one text."""

    def __init__(self, chars: int, digest: str, process: subprocess.Popen[bytes]) -> None:
        self._chars = chars
        self._digest = digest
        self._process: subprocess.Popen[bytes] | None = process

    @classmethod
    def start(cls, text: str) -> CueSearch | None:
        """A child searching ``text``, or None if none could be started."""
        try:
            process = subprocess.Popen(  # noqa: S603 - our own module, no shell
                command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL)
        except OSError:
            log.warning("cannot start the cue search child", exc_info=True)
            return None
        data = _encoded(text)  # once: sent, and digested to check the answer
        search = cls(len(text), _digest_of_bytes(data), process)
        try:
            assert process.stdin is not None
            process.stdin.write(data)
            process.stdin.close()
            process.stdin = None  # so that communicate() does not flush it
        except OSError:
            log.warning("the cue search child took no text", exc_info=True)
            search.close()
            return None
        return search

    def hits(self, lexicon: Lexicon) -> Hits | None:
        """The child's hits as :func:`app.core.cues.find_cues` gives them (waits
        for the child), or None: search the text yourself."""
        process, self._process = self._process, None
        if process is None:
            return None
        try:
            out, _ = process.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            log.warning("the cue search child gave no answer within %.0f s", TIMEOUT)
            _stop(process)
            return None
        if process.returncode != 0:
            log.warning("the cue search child failed (exit %s)", process.returncode)
            return None
        try:
            return self._read(json.loads(out), lexicon)
        except (ValueError, TypeError, KeyError) as error:
            log.warning("the cue search child's answer was not usable: %s", error)
            return None

    def _read(self, answer: Any, lexicon: Lexicon) -> Hits:
        if answer["chars"] != self._chars or answer["digest"] != self._digest:
            raise ValueError("an answer for another text")
        entries = {(entry.model, entry.id, entry.rank): entry
                   for found in lexicon.entries.values() for entry in found}
        hits: Hits = {model: [] for model in lexicon.entries}
        for model, start, end, ident, rank in answer["hits"]:
            if not (type(start) is int and type(end) is int  # noqa: E721 - not bool
                    and 0 <= start <= end <= self._chars):
                raise ValueError(f"a hit at {start!r}..{end!r}")
            hits[model].append((start, end, entries[model, ident, rank]))
        for found in hits.values():
            found.sort(key=lambda hit: hit[0])
        return hits

    def close(self) -> None:
        """Stop the child if it still works (a superseded or failed job)."""
        process, self._process = self._process, None
        if process is not None:
            _stop(process)


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.kill()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        log.warning("the cue search child %s did not stop", process.pid)
    if process.stdout is not None:
        process.stdout.close()


def main() -> int:
    """The child: text on stdin, hits on stdout."""
    data = sys.stdin.buffer.read()
    text = data.decode("utf-8", "surrogatepass")
    from app.core.cues import find_cues, lower_same_length
    from app.core.suggest import load_lexicons

    lexicon = load_lexicons()
    found = find_cues(text, lexicon.scanners, lower_same_length(text))
    hits = [[model, start, end, entry.id, entry.rank] for model, items in found.items()
            for start, end, entry in items]
    sys.stdout.buffer.write(json.dumps(
        {"chars": len(text), "digest": _digest_of_bytes(data), "hits": hits}).encode("ascii"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
