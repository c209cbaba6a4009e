"""Approximate string search for any alphabet, on top of edlib.

edlib (Myers' bit-vector algorithm, as Hypothesis' approx-string-match) works
on at most 256 distinct symbols. Only the pattern's own characters can match,
so every other character of the searched text is folded into one code: the
pattern then needs at most 255 codes, whatever the text's alphabet (Chinese,
Japanese, emoji). A pattern with more than 255 distinct characters (a long
Chinese quote) gets its rarest characters one shared code; the distance of
the chosen span is then recomputed exactly (``edit_distance``).
"""

from __future__ import annotations

from functools import lru_cache

import edlib

_OTHER = 0  # the code of every text character that is not in the pattern
_MAX_CODES = 255


class _Codes(dict[int, int]):
    """Pattern characters to codes 1..255; any other character to ``_OTHER``.

    A character met for the first time is remembered, so ``str.translate``
    stays in C for the rest of the text.
    """

    def __missing__(self, key: int) -> int:
        self[key] = _OTHER
        return _OTHER


@lru_cache(maxsize=32)
def _codes(pattern: str) -> _Codes:
    counts: dict[str, int] = {}
    for ch in pattern:
        counts[ch] = counts.get(ch, 0) + 1
    ranked = sorted(counts, key=lambda ch: -counts[ch])
    return _Codes({ord(ch): min(i + 1, _MAX_CODES) for i, ch in enumerate(ranked)})


def _encode(pattern: str, *texts: str) -> tuple[bytes, ...]:
    """``pattern`` and ``texts`` as bytes edlib accepts, equal where they matched."""
    if pattern.isascii() and all(t.isascii() for t in texts):
        return (pattern.encode("ascii"), *(t.encode("ascii") for t in texts))
    codes = _codes(pattern)
    # str.translate maps code points to code points; latin-1 turns them into bytes.
    return tuple(s.translate(codes).encode("latin-1") for s in (pattern, *texts))


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance of ``a`` and ``b`` (any alphabet)."""
    if a == b:
        return 0
    if not a or not b:
        return max(len(a), len(b))
    if len(set(a)) > _MAX_CODES - 1:
        if len(set(b)) > _MAX_CODES - 1:
            return _dp_distance(a, b)
        a, b = b, a  # Levenshtein distance is symmetric
    x, y = _encode(a, b)
    return int(edlib.align(x, y, mode="NW", task="distance")["editDistance"])


def _dp_distance(a: str, b: str) -> int:
    """Plain dynamic programming: only for two long texts of a huge alphabet."""
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def infix_distance(pattern: str, text: str) -> int:
    """Fewest edits turning ``pattern`` into some substring of ``text``."""
    if not pattern:
        return 0
    if not text:
        return len(pattern)
    p, t = _encode(pattern, text)
    return int(edlib.align(p, t, mode="HW", task="distance")["editDistance"])


def leading_distance(pattern: str, text: str) -> int:
    """Fewest edits turning ``pattern`` into some prefix of ``text``."""
    if not pattern:
        return 0
    if not text:
        return len(pattern)
    p, t = _encode(pattern, text)
    return int(edlib.align(p, t, mode="SHW", task="distance")["editDistance"])


def best_locations(pattern: str, text: str, max_errors: int
                   ) -> tuple[int, list[tuple[int, int]]]:
    """The least number of errors (≤ ``max_errors``) and where it is reached.

    Returns ``(-1, [])`` when no substring is within ``max_errors``; spans are
    ``(start, end)`` with ``end`` exclusive, as edlib reports them (one start
    per end). The distance is exact unless the pattern has more than 255
    distinct characters; callers re-measure the span they choose.
    """
    if not pattern or not text:
        return -1, []
    p, t = _encode(pattern, text)
    result = edlib.align(p, t, mode="HW", task="locations", k=max_errors)
    distance = int(result["editDistance"])
    if distance < 0:
        return -1, []
    return distance, [(int(s), int(e) + 1) for s, e in result["locations"]]
