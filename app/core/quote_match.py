"""Where a quote is now: candidates scored by quote, context and position.

Scored like the Hypothesis client's ``matchQuote`` (quote 50, prefix 20,
suffix 20, position 2), with our own rules on top so that a note is never put
in a wrong place:

- context is compared tolerantly (case, runs of white space; it must reach
  the candidate but its far end may drift), and a context we do not know —
  absent from the note, or reaching past the edge of the text — is not held
  against a candidate: its weight moves to the quote and the position;
- a candidate whose known context disagrees on both sides is never taken
  (a near-duplicate sentence elsewhere); with one side known and disagreeing
  only an exact quote may be taken; a changed quote with one side agreeing
  and the other not (its neighbour sentence edited too) only when the quote
  barely changed, that side is sure, and the two stored sides are not found
  standing together nearby (then the quote itself was cut out);
- the error budget is a quarter of the quote, more where the context agrees
  (it then pins the place), half for a bare quote with nothing else to go by
  (as Hypothesis);
- fuzzy spans start and end on word boundaries unless the stored quote did
  not, and reach out to the quote's edge words;
- where nothing else is found, a quote that stood once in the whole text when
  it was taken (the notes file records it) and stands once in it now is taken
  whatever its context: both neighbour sentences were rewritten. A quote
  that stood twice is never taken so: its double may be what is left.

Search cost: the window around the expected place first; the whole text once,
only when that fails.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.approximate import best_locations, edit_distance
from app.core.quote_context import (
    Query,
    context_similarity,
    prefix_similarity,
    suffix_similarity,
)
from app.core.span_edges import refine

__all__ = ["Match", "Query", "context_similarity", "evaluate", "find"]

QUOTE_WEIGHT, PREFIX_WEIGHT, SUFFIX_WEIGHT, POSITION_WEIGHT = 50.0, 20.0, 20.0, 2.0
TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT
AGREE = 0.6  # a context side this similar agrees (tuned on bench/anchor_realistic.py)
AGREE_FUZZY = 0.65  # a changed quote needs both known sides this close
MIN_EVIDENCE = 0.75  # a changed quote: quote and known context, weighted, at least this
SURE_CONTEXT = 0.9  # an exact quote with context this close needs no fuzzy rival
ONE_SIDE_QUOTE = 0.8  # a changed quote this close may go with one sure side (bench: "nearby")
BUDGET = 0.25  # errors allowed, as a fraction of the quote
BUDGET_PER_AGREEING_SIDE = 0.125
BARE_BUDGET = 0.5  # no context, no position: Hypothesis' own budget
MIN_FUZZY_QUOTE = 8  # shorter quotes: changed only between two agreeing context sides
NEAR = 2000  # characters around the expected place searched first
TIGHT = 32  # an exact quote this close to the expected place, with no context, is it
MAX_OCCURRENCES = 500
LOCAL_ROUNDS = 4
STRONG = 0.9  # a fuzzy candidate this good ends the local rounds
BLOT = "\x00"
PINNED_CONTEXT = 16  # context sides this long found intact pin the span between
PINNED_MIN_QUOTE = 0.2


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    score: float
    quote_similarity: float


def _budget(q: Query, agreeing: int, known: int, start: int | None = None) -> float:
    """Errors allowed: more where context (or, with none, the position) agrees."""
    if known == 0:
        if q.hint is None:
            return BARE_BUDGET
        at_hint = start is None or abs(start - q.hint) <= TIGHT
        return BUDGET + BUDGET_PER_AGREEING_SIDE * at_hint
    return BUDGET + BUDGET_PER_AGREEING_SIDE * agreeing


def _position(q: Query, start: int) -> float:
    if q.hint is None:
        return 0.0
    return 1.0 / (1.0 + abs(start - q.hint) / (len(q.quote) + TIGHT))


def evaluate(q: Query, text: str, start: int, end: int,
             quote_sim: float | None = None) -> Match | None:
    """The candidate ``text[start:end]`` scored, or None where our rules refuse it."""
    if quote_sim is None:
        quote_sim = 1.0 - edit_distance(q.quote, text[start:end]) / len(q.quote)
    p, s = context_similarity(q, text, start, end)
    known = [x for x in (p, s) if x is not None]
    agreeing = sum(x >= AGREE for x in known)
    # A stored side with nothing to meet it (the candidate at the text's edge)
    # is no leave to ignore the other side: a copy of the noted sentence as
    # the text's last one, the sentence itself rewritten, was taken (helper A).
    past_edge = (p is None and bool(q.prefix)) or (s is None and bool(q.suffix))
    if known and not agreeing and (len(known) == 2 or quote_sim < 1.0 or past_edge):
        return None
    if 1.0 - quote_sim > _budget(q, agreeing, len(known), start) + 1e-9:
        return None
    if quote_sim < 1.0 and known:
        # A changed quote beside one agreeing side is what a deleted sentence
        # leaves behind: its neighbour, against the old prefix or suffix.
        # Unless the other side is sure and the quote barely changed: the
        # neighbour sentence was edited too (deleted, rewritten) — provided
        # the stored sides do not still stand together, the quote cut out.
        # The evidence is then the quote and the side that agrees.
        one_sided = len(known) == 2 and min(known) < AGREE_FUZZY
        if one_sided and (max(known) < SURE_CONTEXT or quote_sim < ONE_SIDE_QUOTE
                          or _quote_cut_out(q, text, start, end)):
            return None
        if _gap_closed(q, text, start, end):
            return None
        if len(q.quote) < MIN_FUZZY_QUOTE and (len(known) < 2 or min(known) < SURE_CONTEXT):
            return None
        sides = [(w, x) for w, x in zip((PREFIX_WEIGHT, SUFFIX_WEIGHT), (p, s), strict=True)
                 if x is not None and not (one_sided and x < AGREE_FUZZY)]
        evidence = ((QUOTE_WEIGHT * quote_sim + sum(w * x for w, x in sides))
                    / (QUOTE_WEIGHT + sum(w for w, _ in sides)))
        if evidence < MIN_EVIDENCE:
            return None
    weights = {"q": QUOTE_WEIGHT, "pos": POSITION_WEIGHT if q.hint is not None else 0.0}
    weights["q"] += 0.0 if q.hint is not None else POSITION_WEIGHT
    total = weights["q"] * quote_sim + weights["pos"] * _position(q, start)
    for sim, weight in ((p, PREFIX_WEIGHT), (s, SUFFIX_WEIGHT)):
        if sim is None:  # unknown: its weight goes to the quote and the position
            moved = weight / 2 if q.hint is not None else 0.0
            total += (weight - moved) * quote_sim + moved * _position(q, start)
        else:
            total += weight * sim
    return Match(start, end, total / TOTAL_WEIGHT, quote_sim)


def _gap_closed(q: Query, text: str, start: int, end: int) -> bool:
    """The candidate is what stood beside the quote: the quote itself is gone.

    After a deleted sentence, the stored prefix is followed by the text the
    stored suffix describes; a candidate starting there (or ending where the
    stored prefix ends) is the neighbour, however alike (parallel sentences
    agree with both sides).
    """
    after = suffix_similarity(q, text, start) if q.prefix and q.suffix else None
    before = prefix_similarity(q, text, end) if q.prefix and q.suffix else None
    return (after is not None and after >= SURE_CONTEXT) or (
        before is not None and before >= SURE_CONTEXT)


def _quote_cut_out(q: Query, text: str, start: int, end: int) -> bool:
    """The stored prefix and suffix stand side by side near the candidate.

    Then the quote that stood between them was deleted, and a candidate that
    agrees with only one side is a sibling sentence (one of a series that
    differ by a word), not the quote rewritten.
    """
    if q.prefix is None or q.suffix is None or len(q.prefix.strip()) < PINNED_CONTEXT:
        return False
    lo, hi = max(0, start - NEAR), min(len(text), end + NEAR)
    at = text.find(q.prefix, lo, hi)
    while at != -1:
        after = suffix_similarity(q, text, at + len(q.prefix))
        if after is not None and after >= SURE_CONTEXT:
            return True
        at = text.find(q.prefix, at + 1, hi)
    return False


def _old_place_stands(q: Query, text: str) -> bool:
    """The stored prefix and suffix still stand a quote's length apart: the
    note's own place is there, its words rewritten (the quote found elsewhere
    is a copy). With one side too short to tell, that the other still stands."""
    sides = [side for side in (q.prefix, q.suffix)
             if side is not None and len(side.strip()) >= PINNED_CONTEXT]
    if len(sides) < 2:
        return any(side in text for side in sides)
    prefix, suffix = sides
    reach = 2 * len(q.quote) + TIGHT
    at = text.find(prefix)
    for _ in range(MAX_OCCURRENCES):
        if at == -1:
            break
        after = at + len(prefix)
        if text.find(suffix, after, after + reach) != -1:
            return True
        at = text.find(prefix, at + 1)
    return False


def _better(a: Match, b: Match | None, q: Query) -> bool:
    if b is None:
        return True
    if abs(a.score - b.score) > 1e-12:
        return a.score > b.score
    if q.hint is not None and abs(a.start - q.hint) != abs(b.start - q.hint):
        return abs(a.start - q.hint) < abs(b.start - q.hint)
    return a.start < b.start


def find(q: Query, text: str) -> Match | None:
    """The best acceptable place for ``q`` in ``text``, or None (orphaned)."""
    if not q.quote or not text:
        return None
    if q.hint is not None and len(text) > 2 * NEAR + 3 * len(q.quote):
        margin = NEAR + 2 * len(q.quote)
        lo, hi = max(0, q.hint - margin), min(len(text), q.hint + len(q.quote) + margin)
        found = _search(q, text, lo, hi, LOCAL_ROUNDS)
        if found is None:
            found = _search(q, text, 0, len(text), 1)
    else:
        found = _search(q, text, 0, len(text), LOCAL_ROUNDS)
    if not q.unique or (found is not None and found.quote_similarity >= 1.0):
        return found
    # A quote unique when taken and still standing once, unchanged, nearer to
    # where it was than an altered one the contexts chose: the noted words.
    # (A sibling docstring, "assertWarns" for "assertRaises", had neighbours
    # like the rewritten ones'.)
    exact = _still_unique(q, text)
    if exact is None or found is None:
        return exact or found
    if q.hint is not None and abs(exact.start - q.hint) < abs(found.start - q.hint):
        return exact
    return found


def _still_unique(q: Query, text: str) -> Match | None:
    """The one place of a quote that was unique when taken and is unique now."""
    if len(q.quote) < MIN_FUZZY_QUOTE:  # a word or two may well be new elsewhere
        return None
    start = text.find(q.quote)
    if start == -1 or text.find(q.quote, start + 1) != -1:
        return None
    if _old_place_stands(q, text):
        return None
    weight = QUOTE_WEIGHT + POSITION_WEIGHT * _position(q, start)
    return Match(start, start + len(q.quote), weight / TOTAL_WEIGHT, 1.0)


def _occurrences(quote: str, text: str, lo: int, hi: int) -> list[int]:
    found: list[int] = []
    position = text.find(quote, lo, hi)
    while position != -1 and len(found) < MAX_OCCURRENCES:
        found.append(position)
        position = text.find(quote, position + 1, hi)
    return found


def _is_sure(q: Query, text: str, m: Match) -> bool:
    p, s = context_similarity(q, text, m.start, m.end)
    known = [x for x in (p, s) if x is not None]
    if known:
        return min(known) >= SURE_CONTEXT
    return q.hint is None or abs(m.start - q.hint) <= TIGHT


def _search(q: Query, text: str, lo: int, hi: int, rounds: int) -> Match | None:
    best: Match | None = None
    occurrences = _occurrences(q.quote, text, lo, hi)
    for position in occurrences:
        m = evaluate(q, text, position, position + len(q.quote), 1.0)
        if m is not None and _better(m, best, q):
            best = m
    if best is not None and _is_sure(q, text, best):
        return best
    if len(q.quote) < MIN_FUZZY_QUOTE and (not q.prefix or not q.suffix):
        return best
    for m in _fuzzy_candidates(q, text, lo, hi, occurrences, rounds):
        if _better(m, best, q):
            best = m
    if best is None:
        best = _pinned(q, text, lo, hi)
    return best


def _pinned(q: Query, text: str, lo: int, hi: int) -> Match | None:
    """The span between the stored prefix and suffix, both found unchanged.

    Words inserted into a short quote can change most of it, yet a prefix and
    a suffix found intact and side by side leave one place it can be. The
    span must keep a part of the quote (a sentence replaced by another is
    not the note's place), and one of each context side only is taken.
    """
    if (q.prefix is None or q.suffix is None or len(q.prefix.strip()) < PINNED_CONTEXT
            or len(q.suffix.strip()) < PINNED_CONTEXT):
        return None
    first = text.find(q.prefix, lo, hi)
    if first == -1 or text.find(q.prefix, first + 1, hi) != -1:
        return None
    start = first + len(q.prefix)
    end = text.find(q.suffix, start, min(hi, start + 2 * len(q.quote) + TIGHT))
    if end <= start:
        return None
    quote_sim = 1.0 - edit_distance(q.quote, text[start:end]) / len(q.quote)
    if quote_sim < PINNED_MIN_QUOTE:
        return None
    score = (QUOTE_WEIGHT * quote_sim + PREFIX_WEIGHT + SUFFIX_WEIGHT
             + POSITION_WEIGHT * _position(q, start)) / TOTAL_WEIGHT
    return Match(start, end, score, quote_sim)


def _max_errors(q: Query) -> int:
    known = (q.prefix is not None) + (q.suffix is not None)
    return int(len(q.quote) * _budget(q, known, known))


def _blot(window: str, spans: list[tuple[int, int]]) -> str:
    pieces: list[str] = []
    previous = 0
    for start, end in sorted(spans):
        start = max(start, previous)
        if end <= start:
            continue
        pieces.append(window[previous:start])
        pieces.append(BLOT * (end - start))
        previous = end
    pieces.append(window[previous:])
    return "".join(pieces)


def _clusters(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _fuzzy_candidates(q: Query, text: str, lo: int, hi: int, occurrences: list[int],
                      rounds: int) -> list[Match]:
    """Acceptable fuzzy matches in ``text[lo:hi]``, best edit distance first.

    edlib reports only the locations of the least distance; they are blotted
    out and the search repeats, so a near-duplicate with a smaller distance
    cannot hide the true place (a few rounds in the local window, one for the
    whole text).
    """
    size = len(q.quote)
    window = _blot(text[lo:hi], [(p - lo, p - lo + size) for p in occurrences])
    max_errors = _max_errors(q)
    found: list[Match] = []
    for _round in range(rounds):
        distance, spans = best_locations(q.quote, window, max_errors)
        if distance < 0:
            break
        for start, end in _clusters(spans)[:MAX_OCCURRENCES]:
            if (start == 0 < lo) or (end == hi - lo and hi < len(text)):
                continue  # cut by the window's edge: the whole text will be searched
            if _contradicted(q, text, lo + start, lo + end):
                continue
            start, end = refine(q, text, lo + start, lo + end, max_errors)
            if end > start:
                m = evaluate(q, text, start, end)
                if m is not None:
                    found.append(m)
        if any(m.score >= STRONG for m in found):
            break
        window = _blot(window, spans)
    return found


def _contradicted(q: Query, text: str, start: int, end: int) -> bool:
    """Both context sides far off already: not worth refining (a cheap test)."""
    p, s = context_similarity(q, text, start, end)
    return p is not None and s is not None and max(p, s) < AGREE - 0.2
