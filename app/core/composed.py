"""A text in composed form (NFC), with offsets mapped back to the text exactly.

The same words can be stored two ways: "é" as one code point (composed, NFC,
what most tools write) or as "e" plus a combining accent (decomposed, NFD, as
macOS tools write). A note's quote taken from one form is compared with an
article saved in the other in composed form (:mod:`app.core.anchoring`); the
place found there is mapped back to the canonical text, whose offsets are
never changed (design.md, "The canonical text").

Only the stretches that composing changes are recorded: a non-ASCII run (with
the character before it, which an accent may join) split before each
character that starts a cluster of its own. Between two such stretches the
two texts agree, shifted by a constant; an offset inside a stretch is moved
to its start or end (``snap``), never into the middle of a character.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right

# Characters of combining class 0 that compose with the character before them
# (the second half of a canonical pair: Indic vowel signs, Hangul vowels and
# final consonants). No boundary falls before one of these. Derived from
# unicodedata once; each split is checked, so a newer Unicode costs precision,
# never correctness.
_JOINS_BACK = frozenset(
    [chr(c) for c in (0x102E, 0x11127, 0x1133E, 0x11357, 0x114B0, 0x114BA, 0x114BD, 0x115AF,
                      0x11930, 0x1B35, 0x9BE, 0x9D7, 0xB3E, 0xB56, 0xB57, 0xBBE, 0xBD7, 0xCC2,
                      0xCD5, 0xCD6, 0xD3E, 0xD57, 0xDCF, 0xDDF, 0xFB5, 0xFB7)]
    + [chr(c) for c in range(0x1161, 0x1176)] + [chr(c) for c in range(0x11A8, 0x11C3)])
# ASCII never composes with what stands before it: a boundary before any.
_RUN = re.compile(r"[\x00-\x7f]?[^\x00-\x7f]+")


def composed(s: str) -> str:
    """``s`` in composed form (NFC); ``s`` itself when it already is."""
    return s if unicodedata.is_normalized("NFC", s) else unicodedata.normalize("NFC", s)


def same_wording(a: str, b: str) -> bool:
    """The two read the same: equal, or equal once composed (NFC)."""
    return a == b or composed(a) == composed(b)


def is_boundary(text: str, at: int) -> bool:
    """No character is cut at ``at``: the next one starts a cluster of its own."""
    if at <= 0 or at >= len(text):
        return 0 <= at <= len(text)
    ch = text[at]
    return ch < "\x80" or (unicodedata.combining(ch) == 0 and ch not in _JOINS_BACK)


class Composed:
    """``text`` (NFC) of ``raw``, and the stretches where the two differ."""

    __slots__ = ("raw", "text", "_raw_starts", "_raw_ends", "_starts", "_ends")

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self._raw_starts: list[int] = []
        self._raw_ends: list[int] = []
        self._starts: list[int] = []
        self._ends: list[int] = []
        if unicodedata.is_normalized("NFC", raw):
            self.text = raw
            return
        pieces: list[str] = []
        previous = shift = 0
        for run in _RUN.finditer(raw):
            chunk = run.group()
            nfc = unicodedata.normalize("NFC", chunk)
            if nfc == chunk:
                continue
            pieces.append(raw[previous:run.start()])
            for start, end, piece in _split(chunk, nfc, run.start()):
                if piece != raw[start:end]:
                    self._raw_starts.append(start)
                    self._raw_ends.append(end)
                    self._starts.append(start + shift)
                    self._ends.append(start + shift + len(piece))
                    shift += len(piece) - (end - start)
            pieces.append(nfc)
            previous = run.end()
        pieces.append(raw[previous:])
        self.text = "".join(pieces)

    def to_composed(self, at: int, snap_up: bool = False) -> int:
        """An offset of the raw text in the composed one."""
        return _map(at, self._raw_starts, self._raw_ends, self._starts, self._ends, snap_up)

    def to_raw(self, at: int, snap_up: bool = False) -> int:
        """An offset of the composed text in the raw one."""
        return _map(at, self._starts, self._ends, self._raw_starts, self._raw_ends, snap_up)


def _split(chunk: str, nfc: str, offset: int) -> list[tuple[int, int, str]]:
    """``chunk`` cut before each character that starts a cluster, each piece
    composed: ``(start, end, composed piece)`` at ``offset``; the whole chunk
    as one piece when the pieces would not compose to ``nfc``."""
    cuts = [i for i in range(1, len(chunk)) if is_boundary(chunk, i)]
    pieces: list[tuple[int, int, str]] = []
    for start, end in zip([0, *cuts], [*cuts, len(chunk)], strict=True):
        pieces.append((offset + start, offset + end,
                       unicodedata.normalize("NFC", chunk[start:end])))
    if "".join(piece for _s, _e, piece in pieces) != nfc:
        return [(offset, offset + len(chunk), nfc)]
    return pieces


def _map(at: int, starts: list[int], ends: list[int], to_starts: list[int],
         to_ends: list[int], snap_up: bool) -> int:
    k = bisect_right(starts, at) - 1
    if k < 0:
        return at
    if at >= ends[k]:
        return at - ends[k] + to_ends[k]
    if at == starts[k]:
        return to_starts[k]
    return to_ends[k] if snap_up else to_starts[k]
