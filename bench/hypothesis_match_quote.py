"""A faithful Python port of the Hypothesis client's quote matcher, to compare with.

Ports ``matchQuote`` (hypothesis/client, ``src/annotator/anchoring/match-quote.ts``)
and the search semantics of the ``approx-string-match`` package it uses
(Robert Knight): only the matches with the least number of errors (≤ the
budget, half the quote, at most 256) are returned, each end with the start
that makes the match longest; exact matches, if any, are taken without the
approximate search. Scores: quote 50, prefix 20, suffix 20, position 2; no
minimum score. The search itself is edlib's (the same Myers bit-vector
algorithm). ``anchor_like_hypothesis`` adds what the client does before:
the stored position is taken when it still holds the quote.

Hypothesis client: Copyright (c) 2013-2016 Hypothes.is Project and
contributors, BSD-2-Clause (the licence text is in
tests/core/test_match_quote_hypothesis.py).
"""

from __future__ import annotations

from dataclasses import dataclass

import edlib

from app.core.approximate import _encode  # only maps the alphabet (edlib: ≤ 256 symbols)


@dataclass(frozen=True)
class StringMatch:
    start: int
    end: int
    errors: int


def _find_match_ends(text: str, pattern: str, max_errors: float) -> list[StringMatch]:
    """approx-string-match's findMatchEnds: every end with the least errors."""
    if not pattern or not text:
        return []
    k = int(min(max_errors, len(pattern)))
    p, t = _encode(pattern, text)
    result = edlib.align(p, t, mode="HW", task="locations", k=k)
    errors = int(result["editDistance"])
    if errors < 0:
        return []
    ends = sorted({int(e) + 1 for _, e in result["locations"]})
    return [StringMatch(-1, end, errors) for end in ends]


def approx_search(text: str, pattern: str, max_errors: float) -> list[StringMatch]:
    """approx-string-match's ``search``: ends, then for each the longest start."""
    matches = _find_match_ends(text, pattern, max_errors)
    found = []
    for m in matches:
        min_start = max(0, m.end - len(pattern) - m.errors)
        text_rev = text[min_start:m.end][::-1]
        start = m.end
        for rm in _find_match_ends(text_rev, pattern[::-1], m.errors):
            start = min(start, m.end - rm.end)
        found.append(StringMatch(start, m.end, m.errors))
    return found


def search(text: str, s: str, max_errors: float) -> list[StringMatch]:
    """match-quote.ts ``search``: exact matches first, else approximate."""
    exact = []
    position = text.find(s)
    while position != -1:
        exact.append(StringMatch(position, position + len(s), 0))
        position = text.find(s, position + 1)
    if exact:
        return exact
    return approx_search(text, s, max_errors)


def text_match_score(text: str, s: str) -> float:
    if not s or not text:
        return 0.0
    matches = search(text, s, len(s))
    return 1 - matches[0].errors / len(s)


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    score: float


def match_quote(text: str, quote: str, prefix: str | None = None, suffix: str | None = None,
                hint: int | None = None) -> Match | None:
    if not quote:
        return None
    max_errors = min(256, len(quote) / 2)
    matches = search(text, quote, max_errors)
    if not matches:
        return None

    def score(m: StringMatch) -> float:
        quote_score = 1 - m.errors / len(quote)
        prefix_score = (text_match_score(text[max(0, m.start - len(prefix)):m.start], prefix)
                        if prefix else 1.0)
        suffix_score = (text_match_score(text[m.end:m.end + len(suffix)], suffix)
                        if suffix else 1.0)
        pos_score = 1.0
        if hint is not None:
            pos_score = 1.0 - abs(m.start - hint) / len(text)
        raw = 50 * quote_score + 20 * prefix_score + 20 * suffix_score + 2 * pos_score
        return raw / 92

    scored = [Match(m.start, m.end, score(m)) for m in matches]
    scored.sort(key=lambda m: -m.score)  # stable, as JavaScript's sort
    return scored[0]


def anchor_like_hypothesis(text: str, quote: str, prefix: str, suffix: str,
                           start: int, end: int) -> tuple[int, int] | None:
    """Position selector if it still holds the quote, else ``matchQuote`` with the hint."""
    if 0 <= start <= end <= len(text) and text[start:end] == quote:
        return start, end
    found = match_quote(text, quote, prefix or None, suffix or None, start)
    return None if found is None else (found.start, found.end)
