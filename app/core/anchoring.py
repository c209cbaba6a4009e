"""Find where each annotation belongs in a (possibly changed) text.

The steps, cheapest first, as the Hypothesis client does:

1. position check: the stored offsets still hold the stored quote → ``exact``;
2. exact quote search, near the expected place first, each occurrence scored
   by its prefix/suffix context and distance → ``moved``;
3. fuzzy search with edlib (Myers' bit-vector algorithm) for the quote with
   up to a quarter of its characters changed, scored like Hypothesis'
   ``matchQuote`` (quote 50, prefix 20, suffix 20, position 2) → ``fuzzy``.

A candidate must agree with the quote's context (prefix or suffix) unless the
annotation has none, so a near-duplicate sentence elsewhere is never taken.
What cannot be placed above the minimum score is ``orphaned``: kept, never
put in a wrong place.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import edlib

from app.core.annotations import Annotation, rebase

Status = Literal["exact", "moved", "fuzzy", "orphaned"]
STATUSES: tuple[Status, ...] = ("exact", "moved", "fuzzy", "orphaned")

QUOTE_WEIGHT, PREFIX_WEIGHT, SUFFIX_WEIGHT, POSITION_WEIGHT = 50.0, 20.0, 20.0, 2.0
MAX_QUOTE_ERROR = 0.25  # fraction of the quote's characters that may differ
MIN_CONTEXT_SIMILARITY = 0.7  # prefix or suffix must be this similar
MIN_FUZZY_SCORE = 0.75  # of the weighted total
MIN_FUZZY_QUOTE = 8  # shorter quotes are matched exactly or not at all
NEAR = 2000  # characters around the expected place searched first
MAX_OCCURRENCES = 500


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where an annotation now is; ``start``/``end`` are -1 when orphaned."""

    start: int
    end: int
    status: Status
    score: float = 1.0


@dataclass(frozen=True, slots=True)
class Anchored:
    """An annotation (rebased onto the new text when found) and its anchor."""

    annotation: Annotation
    anchor: Anchor


def similarity(a: str, b: str) -> float:
    """1 − edit distance / length of the longer string (1.0 for two empty)."""
    if a == b:
        return 1.0
    longest = max(len(a), len(b))
    if not a or not b:
        return 0.0
    try:
        distance = int(edlib.align(a, b, mode="NW", task="distance")["editDistance"])
    except ValueError:  # more than 256 distinct symbols
        distance = sum(x != y for x, y in zip(a, b, strict=False)) + abs(len(a) - len(b))
    return max(0.0, 1.0 - distance / longest)


def _context_scores(a: Annotation, text: str, start: int, end: int) -> tuple[float, float]:
    # An empty context means "at the very start/end of the text" and agrees
    # only there.
    if a.prefix:
        prefix_sim = similarity(a.prefix, text[max(0, start - len(a.prefix)):start])
    else:
        prefix_sim = 1.0 if start == 0 else 0.0
    if a.suffix:
        suffix_sim = similarity(a.suffix, text[end:end + len(a.suffix)])
    else:
        suffix_sim = 1.0 if end == len(text) else 0.0
    return prefix_sim, suffix_sim


def _context_agrees(a: Annotation, prefix_sim: float, suffix_sim: float) -> bool:
    if not a.prefix and not a.suffix:
        return True  # the annotation was the whole text: nothing to compare
    return max(prefix_sim, suffix_sim) >= MIN_CONTEXT_SIMILARITY


def _score(a: Annotation, text: str, start: int, end: int, quote_sim: float,
           expected: int) -> tuple[float, bool]:
    prefix_sim, suffix_sim = _context_scores(a, text, start, end)
    position_sim = 1.0 - min(1.0, abs(start - expected) / max(1, len(text)))
    total = (QUOTE_WEIGHT * quote_sim + PREFIX_WEIGHT * prefix_sim
             + SUFFIX_WEIGHT * suffix_sim + POSITION_WEIGHT * position_sim)
    weights = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT
    return total / weights, _context_agrees(a, prefix_sim, suffix_sim)


def anchor(a: Annotation, text: str, expected: int | None = None) -> Anchor:
    """Place one annotation in ``text``; ``expected`` is where to look first."""
    if expected is None:
        expected = max(0, a.start)
    if not a.exact:
        if 0 <= a.start <= a.end <= len(text) and a.end > a.start:
            return Anchor(a.start, a.end, "exact")
        return Anchor(-1, -1, "orphaned", 0.0)
    if 0 <= a.start and text[a.start:a.end] == a.exact and a.end - a.start == len(a.exact):
        return Anchor(a.start, a.end, "exact")
    found = _exact_search(a, text, expected)
    if found is not None:
        return found
    return _fuzzy_search(a, text, expected)


def _exact_search(a: Annotation, text: str, expected: int) -> Anchor | None:
    size = len(a.exact)
    lo, hi = max(0, expected - NEAR), min(len(text), expected + size + NEAR)
    for window_lo, window_hi in ((lo, hi), (0, len(text))):
        best: Anchor | None = None
        position = text.find(a.exact, window_lo, window_hi)
        seen = 0
        while position != -1 and seen < MAX_OCCURRENCES:
            seen += 1
            score, agrees = _score(a, text, position, position + size, 1.0, expected)
            if agrees and (best is None or score > best.score):
                best = Anchor(position, position + size, "moved", score)
            position = text.find(a.exact, position + 1, window_hi)
        if best is not None:
            return best
    return None


def _fuzzy_search(a: Annotation, text: str, expected: int) -> Anchor:
    size = len(a.exact)
    if size < MIN_FUZZY_QUOTE:
        return Anchor(-1, -1, "orphaned", 0.0)
    max_errors = int(size * MAX_QUOTE_ERROR)
    margin = NEAR + 2 * size
    windows = [(max(0, expected - margin), min(len(text), expected + size + margin))]
    if windows[0] != (0, len(text)):
        windows.append((0, len(text)))
    for lo, hi in windows:
        found = _best_fuzzy_in(a, text, lo, hi, max_errors, expected)
        if found is not None:
            return found
    return Anchor(-1, -1, "orphaned", 0.0)


def _best_fuzzy_in(a: Annotation, text: str, lo: int, hi: int, max_errors: int,
                   expected: int) -> Anchor | None:
    """The best acceptable fuzzy match in ``text[lo:hi]``.

    edlib reports only the locations with the least distance; when those
    disagree with the context (a near-duplicate elsewhere), they are blotted
    out and the search repeats, a few rounds at most.
    """
    size = len(a.exact)
    window = text[lo:hi]
    blot = "\x00"
    for _round in range(4):
        try:
            result = edlib.align(a.exact, window, mode="HW", task="locations", k=max_errors)
        except ValueError:  # more than 256 distinct symbols
            return None
        distance = result["editDistance"]
        if distance < 0:
            return None
        quote_sim = 1.0 - distance / size
        best: Anchor | None = None
        for loc_start, loc_end in result["locations"][:MAX_OCCURRENCES]:
            start, end = _trim(text, lo + loc_start, lo + loc_end + 1)
            if end <= start:
                continue
            score, agrees = _score(a, text, start, end, quote_sim, expected)
            if agrees and score >= MIN_FUZZY_SCORE and (best is None or score > best.score):
                best = Anchor(start, end, "fuzzy", score)
        if best is not None:
            return best
        pieces = []
        previous = 0
        for loc_start, loc_end in result["locations"][:MAX_OCCURRENCES]:
            if loc_start < previous:
                continue
            pieces.append(window[previous:loc_start])
            pieces.append(blot * (loc_end + 1 - loc_start))
            previous = loc_end + 1
        pieces.append(window[previous:])
        window = "".join(pieces)
    return None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def anchor_all(annotations: Sequence[Annotation], text: str) -> list[Anchored]:
    """Anchor every annotation; found ones are rebased onto ``text``.

    Annotations are visited in their stored order and the shift of the last
    placed one predicts where the next one is, so scattered edits cost a
    local search, not a whole-text one.
    """
    result: list[Anchored] = []
    shift = 0
    for a in sorted(annotations, key=lambda x: (x.start, x.end)):
        found = anchor(a, text, max(0, a.start + shift) if a.start >= 0 else None)
        if found.status == "orphaned":
            result.append(Anchored(a, found))
            continue
        if a.start >= 0:
            shift = found.start - a.start
        placed = a if found.status == "exact" and a.exact else rebase(
            a, text, found.start, found.end)
        result.append(Anchored(placed, found))
    order = {a.id: i for i, a in enumerate(annotations)}
    result.sort(key=lambda item: order.get(item.annotation.id, 0))
    return result
