"""Find where each annotation belongs in a (possibly changed) text.

The steps, cheapest first, as the Hypothesis client does:

1. position check: the stored offsets still hold the stored quote → ``exact``;
2. the quote searched near the expected place, then (only if that fails) once
   in the whole text: exact occurrences and fuzzy matches (edlib, Myers'
   bit-vector algorithm, any alphabet), each scored by quote, prefix/suffix
   context and distance like Hypothesis' ``matchQuote`` → ``moved`` when the
   quote is found unchanged, ``fuzzy`` otherwise (``app.core.quote_match``).
   A note with no position (another tool's, a quote only) found unchanged where
   the quote stands once is ``exact``: nothing moved (helper N16).

A candidate whose known context disagrees (a near-duplicate sentence
elsewhere) is never taken, and nor is one with too much of the quote changed:
what cannot be placed is ``orphaned`` — kept, never put in a wrong place.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Literal, NamedTuple

from app.core.annotations import Annotation, placed_at
from app.core.approximate import edit_distance
from app.core.article import text_sha256
from app.core.composed import Composed, composed, is_boundary
from app.core.composed import same_wording as same_wording  # for the window and the CLI
from app.core.gc_pause import collector_paused
from app.core.quote_match import Query, find

Status = Literal["exact", "moved", "fuzzy", "orphaned"]
STATUSES: tuple[Status, ...] = ("exact", "moved", "fuzzy", "orphaned")


class Anchor(NamedTuple):
    """Where an annotation now is; ``start``/``end`` are -1 when orphaned.

    Anchor and Anchored are named tuples rather than frozen dataclasses: two
    are made per note on opening, and a tuple is made in a third of the time
    (~30 ms of opening 10,000 notes).
    """

    start: int
    end: int
    status: Status
    score: float = 1.0


class Anchored(NamedTuple):
    """An annotation (shown at its new place when found) and its anchor."""

    annotation: Annotation
    anchor: Anchor


def similarity(a: str, b: str) -> float:
    """1 − edit distance / length of the longer string (1.0 for two empty)."""
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    return max(0.0, 1.0 - edit_distance(a, b) / max(len(a), len(b)))


def query_for(a: Annotation, expected: int | None = None) -> Query:
    """What the matcher knows of ``a``: quote, context, expected place.

    A context side that is None (absent from the notes file) is unknown; so
    are both when both are empty — a note saved with no context at all (a
    quote-and-position note from another tool), not a note spanning the
    whole text. One empty side means "at the edge of the text".
    """
    prefix: str | None = a.prefix
    suffix: str | None = a.suffix
    if not prefix and not suffix:
        prefix = suffix = None
    hint = expected if expected is not None else (a.start if a.start >= 0 else None)
    return Query(a.exact, prefix, suffix, hint, a.occurrences == 1)


def anchor(a: Annotation, text: str, expected: int | None = None) -> Anchor:
    """Place one annotation in ``text``; ``expected`` is where to look first.

    A position without a quote is taken only where the notes file says it
    counts this very text (:func:`positions_count`); another tool's offsets
    count its own text (Hypothesis: the web page's DOM text) and would put
    the note on unrelated words (tester T8).
    """
    if not a.exact:
        if (0 <= a.start < a.end <= len(text)) and positions_count(a, text):
            return Anchor(a.start, a.end, "exact")
        return Anchor(-1, -1, "orphaned", 0.0)
    if 0 <= a.start and text[a.start:a.end] == a.exact and a.end - a.start == len(a.exact):
        return Anchor(a.start, a.end, "exact")
    alike = _anchor_composed(a, text, expected) if _forms_differ(a, text) else None
    if alike is not None and alike.status != "fuzzy":
        return alike
    found = find(query_for(a, expected), text)
    if found is None:
        return alike or Anchor(-1, -1, "orphaned", 0.0)
    status: Status = "moved" if text[found.start:found.end] == a.exact else "fuzzy"
    if status == "moved" and a.start < 0 and _stands_once(text, a.exact, found.start):
        status = "exact"
    if alike is not None and alike.score > found.score:
        return alike
    return Anchor(found.start, found.end, status, found.score)


_composed: list[Composed] = []  # the last text composed


def _forms_differ(a: Annotation, text: str) -> bool:
    """The note or the text is not in composed form (NFC): the same words may
    be stored differently (an article re-saved decomposed, as macOS tools do)."""
    if not _composed or _composed[0].raw is not text:
        _composed[:] = [Composed(text)]
    return (_composed[0].text is not text or composed(a.exact) is not a.exact
            or composed(a.prefix or "") is not (a.prefix or "")
            or composed(a.suffix or "") is not (a.suffix or ""))


def _anchor_composed(a: Annotation, text: str, expected: int | None) -> Anchor | None:
    """``a`` placed by comparing quote, context and text in composed form; the
    place is mapped back to ``text`` exactly. At its stored offsets it is in
    place; elsewhere moved (fuzzy when the words differ even composed)."""
    c = _composed[0]
    quote = composed(a.exact)
    if (0 <= a.start < a.end <= len(text) and is_boundary(text, a.start)
            and is_boundary(text, a.end) and composed(text[a.start:a.end]) == quote):
        return Anchor(a.start, a.end, "exact")
    query = query_for(a, expected)
    hint = query.hint
    if hint is not None and not c.text.startswith(quote, hint):
        hint = c.to_composed(hint)
    found = find(replace(query, quote=quote, hint=hint, prefix=_composed_or_none(query.prefix),
                         suffix=_composed_or_none(query.suffix)), c.text)
    if found is None:
        return None
    start, end = c.to_raw(found.start), c.to_raw(found.end, snap_up=True)
    status: Status = "moved" if composed(text[start:end]) == quote else "fuzzy"
    if status == "moved" and a.start < 0 and _stands_once(c.text, quote, found.start):
        status = "exact"
    return Anchor(start, end, status, found.score)


def _stands_once(text: str, quote: str, at: int) -> bool:
    """``quote``, found at ``at``, stands nowhere else in ``text`` (overlaps counted)."""
    return text.find(quote, at + 1) < 0 and text.rfind(quote, 0, at + len(quote) - 1) < 0


def _composed_or_none(s: str | None) -> str | None:
    return None if s is None else composed(s)


_hashed: list[tuple[str, str]] = []  # the last text hashed, and its sha256


def positions_count(a: Annotation, text: str) -> bool:
    """The notes file recorded ``text``'s sha256 for the article ``a`` names:
    its positions count this text."""
    counts = a.origin.counts if a.origin is not None else None
    if counts is None:
        return False
    if not _hashed or _hashed[0][0] is not text:
        _hashed[:] = [(text, text_sha256(text))]
    return _hashed[0][1] == counts


def lost_reason(a: Annotation) -> str:
    """Why a note has no place in the text, for the reader."""
    if a.marks_no_text:
        return "marks no text: a note on the whole page, or a reply"
    if a.position_only:
        return ("only a position, which may count another text (another tool's page): "
                "select its words and re-attach it")
    return "cannot be placed in this text"


def anchor_all(annotations: Sequence[Annotation], text: str) -> list[Anchored]:
    """Anchor every annotation; found ones are shown at their new place.

    The rebase policy (#11): only ``start``/``end`` follow the text. The
    stored quote (exact, prefix, suffix) stays as the reader judged it, even
    when the text there now reads differently (a fuzzy match), until the
    reader confirms the new wording (:func:`app.core.annotations.rebase`).
    An orphan keeps its last known position.

    Annotations are visited in their stored order and the shift of the last
    placed one predicts where the next one is, so scattered edits cost a
    local search, not a whole-text one.
    """
    with collector_paused():
        return _anchor_in_order(annotations, text)


def _anchor_in_order(annotations: Sequence[Annotation], text: str) -> list[Anchored]:
    result: list[Anchored | None] = [None] * len(annotations)
    shift = 0
    by_place = sorted(range(len(annotations)),
                      key=lambda i: (annotations[i].start, annotations[i].end))
    for index in by_place:
        a = annotations[index]
        found = anchor(a, text, max(0, a.start + shift) if a.start >= 0 else None)
        if found.status == "orphaned":
            result[index] = Anchored(a, found)
            continue
        if a.start >= 0:
            shift = found.start - a.start
        result[index] = Anchored(placed_at(a, found.start, found.end), found)
    return [item for item in result if item is not None]
