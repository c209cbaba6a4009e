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
  only an exact quote may be taken;
- the error budget is a quarter of the quote, more where the context agrees
  (it then pins the place), half for a bare quote with nothing else to go by
  (as Hypothesis);
- fuzzy spans start and end on word boundaries unless the stored quote did
  not, and reach out to the quote's edge words.

Search cost: the window around the expected place first; the whole text once,
only when that fails.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.approximate import best_locations, edit_distance, leading_distance

QUOTE_WEIGHT, PREFIX_WEIGHT, SUFFIX_WEIGHT, POSITION_WEIGHT = 50.0, 20.0, 20.0, 2.0
TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT
AGREE = 0.6  # a context side this similar agrees (tuned on bench/anchor_realistic.py)
SURE_CONTEXT = 0.9  # an exact quote with context this close needs no fuzzy rival
BUDGET = 0.25  # errors allowed, as a fraction of the quote
BUDGET_PER_AGREEING_SIDE = 0.125
BARE_BUDGET = 0.5  # no context, no position: Hypothesis' own budget
MIN_FUZZY_QUOTE = 8  # shorter quotes are matched exactly or not at all
NEAR = 2000  # characters around the expected place searched first
TIGHT = 32  # an exact quote this close to the expected place, with no context, is it
MAX_OCCURRENCES = 500
LOCAL_ROUNDS = 4
STRONG = 0.9  # a fuzzy candidate this good ends the local rounds
BLOT = "\x00"


@dataclass(frozen=True, slots=True)
class Query:
    """A stored quote. ``prefix``/``suffix``: None unknown, "" at the text's edge."""

    quote: str
    prefix: str | None
    suffix: str | None
    hint: int | None


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    score: float
    quote_similarity: float


def _wordy(ch: str) -> bool:
    """Part of a space-separated word (CJK characters are words of their own)."""
    return len(ch) == 1 and ch.isalnum() and ord(ch) < 0x2E80


def _squeeze(s: str) -> str:
    return " ".join(s.split()).casefold()


def _side(context: str | None, window: str, at_edge: bool, is_prefix: bool) -> float | None:
    """Similarity of a stored context side to the text beside a candidate.

    None when unknown: not stored, or the candidate is at the text's edge and
    there is nothing to compare with.
    """
    if context is None:
        return None
    if context == "":
        return 1.0 if not window.strip() and at_edge else 0.0
    c, w = _squeeze(context), _squeeze(window)
    if not c:
        return 1.0 if not w else 0.0
    if at_edge and len(w) < len(c):
        if not w:
            return None
        c = c[-len(w):] if is_prefix else c[:len(w)]
    # The context must reach the candidate; its far end may drift.
    if is_prefix:
        c, w = c[::-1], w[::-1]
    return max(0.0, 1.0 - leading_distance(c, w) / len(c))


def prefix_similarity(q: Query, text: str, start: int) -> float | None:
    """How well the stored prefix agrees with the text before ``start``."""
    if q.prefix is None:
        return None
    lo = max(0, start - len(q.prefix) - max(4, len(q.prefix) // 2))
    return _side(q.prefix, text[lo:start], lo == 0, True)


def suffix_similarity(q: Query, text: str, end: int) -> float | None:
    """How well the stored suffix agrees with the text after ``end``."""
    if q.suffix is None:
        return None
    hi = min(len(text), end + len(q.suffix) + max(4, len(q.suffix) // 2))
    return _side(q.suffix, text[end:hi], hi == len(text), False)


def context_similarity(q: Query, text: str, start: int, end: int
                       ) -> tuple[float | None, float | None]:
    """(prefix, suffix) similarity at ``text[start:end]``; None where unknown."""
    return prefix_similarity(q, text, start), suffix_similarity(q, text, end)


def _budget(q: Query, agreeing: int, known: int) -> float:
    if known == 0:
        return BARE_BUDGET if q.hint is None else BUDGET
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
    if known and not agreeing and (len(known) == 2 or quote_sim < 1.0):
        return None
    if 1.0 - quote_sim > _budget(q, agreeing, len(known)) + 1e-9:
        return None
    weights = {"q": QUOTE_WEIGHT, "pos": POSITION_WEIGHT if q.hint is not None else 0.0}
    weights["q"] += 0.0 if q.hint is not None else POSITION_WEIGHT
    total = weights["q"] * quote_sim + weights["pos"] * _position(q, start)
    for sim, weight in ((p, PREFIX_WEIGHT), (s, SUFFIX_WEIGHT)):
        if sim is None:  # unknown: its weight goes to the quote and the position
            moved = weight / 4 if q.hint is not None else 0.0
            total += (weight - moved) * quote_sim + moved * _position(q, start)
        else:
            total += weight * sim
    return Match(start, end, total / TOTAL_WEIGHT, quote_sim)


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
        if found is not None:
            return found
        return _search(q, text, 0, len(text), 1)
    return _search(q, text, 0, len(text), LOCAL_ROUNDS)


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
    if len(q.quote) < MIN_FUZZY_QUOTE:
        return best
    for m in _fuzzy_candidates(q, text, lo, hi, occurrences, rounds):
        if _better(m, best, q):
            best = m
    return best


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
            start, end = refine(q, text, lo + start, lo + end, max_errors)
            if end > start:
                m = evaluate(q, text, start, end)
                if m is not None:
                    found.append(m)
        if any(m.score >= STRONG for m in found):
            break
        window = _blot(window, spans)
    return found


def _mid_word_start(q: Query) -> bool:
    """The stored quote began inside a word (so may its new span)."""
    return _wordy(q.quote[0]) and q.prefix is not None and _wordy(q.prefix[-1:])


def _mid_word_end(q: Query) -> bool:
    return _wordy(q.quote[-1]) and q.suffix is not None and _wordy(q.suffix[:1])


def _edge_word(quote: str, first: bool) -> str:
    chars = quote if first else reversed(quote)
    word: list[str] = []
    for ch in chars:
        if not _wordy(ch):
            break
        word.append(ch)
    return "".join(word if first else reversed(word))


def refine(q: Query, text: str, start: int, end: int, max_errors: int) -> tuple[int, int]:
    """Move a fuzzy span's edges onto word boundaries, best quote and context.

    The end is chosen first (the start fixed), then the start. A span edge
    that carries the quote's own first or last word whole is worth that word:
    with an inserted word at the quote's edge, the shortest span is cheaper by
    a character or two, yet the reader's sentence still starts at its word.
    """
    reach = min(max_errors, 16) + 4
    size = len(q.quote)
    free_start, free_end = _mid_word_start(q), _mid_word_end(q)
    first = "" if free_start else _edge_word(q.quote, True)
    last = "" if free_end else _edge_word(q.quote, False)

    def allowed(p: int, is_start: bool) -> bool:
        if p <= 0 or p >= len(text):
            return True
        if (text[p] if is_start else text[p - 1]).isspace():
            return False
        if (free_start if is_start else free_end):
            return True
        return not (_wordy(text[p - 1]) and _wordy(text[p]))

    def value(s: int, e: int, is_start: bool) -> float:
        d = edit_distance(q.quote, text[s:e])
        if is_start and first and text.startswith(first, s):
            d -= len(first)
        if not is_start and last and text.endswith(last, s, e):
            d -= len(last)
        side = prefix_similarity(q, text, s) if is_start else suffix_similarity(q, text, e)
        weight = PREFIX_WEIGHT if is_start else SUFFIX_WEIGHT
        return QUOTE_WEIGHT * (1.0 - d / size) + weight * (side or 0.0)

    ends = [e for e in range(max(start + 1, end - reach), min(len(text), end + reach) + 1)
            if allowed(e, False)]
    if ends:
        end = max(ends, key=lambda e: (value(start, e, False), e))
    starts = [s for s in range(max(0, start - reach), min(end - 1, start + reach) + 1)
              if allowed(s, True)]
    if starts:
        start = min(starts, key=lambda s: (-value(s, end, True), s))
    return start, end
