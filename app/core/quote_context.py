"""How well a stored quote's context agrees with the text beside a candidate.

Tolerant on purpose: case and runs of white space do not count, the context
must reach the candidate but its far end may drift, and a side we cannot
judge — absent from the note, or reaching past the edge of the text — is
unknown (None), not a disagreement.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.approximate import leading_distance

EDGE_REACH = 16  # characters beside a candidate compared with a short context


@dataclass(frozen=True, slots=True)
class Query:
    """A stored quote. ``prefix``/``suffix``: None unknown, "" at the text's edge.
    ``unique``: the quote stood once in the whole text when it was taken."""

    quote: str
    prefix: str | None
    suffix: str | None
    hint: int | None
    unique: bool = False


def wordy(ch: str) -> bool:
    """Part of a space-separated word (CJK characters are words of their own)."""
    return len(ch) == 1 and ch.isalnum() and ord(ch) < 0x2E80


def _squeeze(s: str) -> str:
    return " ".join(s.split()).casefold()


def _side(context: str | None, window: str, at_edge: bool, is_prefix: bool
          ) -> tuple[float, int] | None:
    """(edits, characters compared) of a stored context side beside a candidate.

    None when unknown: not stored, or the candidate is at the text's edge and
    there is nothing to compare with. The context must reach the candidate;
    its far end may drift (a few characters more or less in the window).
    """
    if context is None:
        return None
    c, w = _squeeze(context), _squeeze(window)
    if context == "":  # at the edge: any text between is that many edits
        return (0.0, 1) if not w and at_edge else (float(max(1, len(w))), max(1, len(w)))
    if not c:
        return (0.0, 1) if not w else (1.0, 1)
    if at_edge and len(w) < len(c):
        if not w:
            return None
        c = c[-len(w):] if is_prefix else c[:len(w)]
    if is_prefix:
        c, w = c[::-1], w[::-1]
    return float(leading_distance(c, w)), len(c)


def _similarity(side: tuple[float, int] | None) -> float | None:
    return None if side is None else max(0.0, 1.0 - side[0] / side[1])


def prefix_side(q: Query, text: str, start: int) -> tuple[float, int] | None:
    if q.prefix is None:
        return None
    lo = max(0, start - max(EDGE_REACH, len(q.prefix) + len(q.prefix) // 2))
    return _side(q.prefix, text[lo:start], lo == 0, True)


def suffix_side(q: Query, text: str, end: int) -> tuple[float, int] | None:
    if q.suffix is None:
        return None
    hi = min(len(text), end + max(EDGE_REACH, len(q.suffix) + len(q.suffix) // 2))
    return _side(q.suffix, text[end:hi], hi == len(text), False)


def prefix_similarity(q: Query, text: str, start: int) -> float | None:
    """How well the stored prefix agrees with the text before ``start``."""
    return _similarity(prefix_side(q, text, start))


def suffix_similarity(q: Query, text: str, end: int) -> float | None:
    """How well the stored suffix agrees with the text after ``end``."""
    return _similarity(suffix_side(q, text, end))


def context_similarity(q: Query, text: str, start: int, end: int
                       ) -> tuple[float | None, float | None]:
    """(prefix, suffix) similarity at ``text[start:end]``; None where unknown."""
    return prefix_similarity(q, text, start), suffix_similarity(q, text, end)
