"""The Hypothesis client's tests of its quote matcher, run against ours.

Ported from hypothesis/client, ``src/annotator/anchoring/test/match-quote-test.js``
(the cases and fixtures are theirs; the Python and the mapping onto
``anchor()`` are ours). ``matchQuote(text, quote, {prefix, suffix, hint})``
becomes an annotation with that quote, context (absent → unknown) and
position (``hint``; absent → none), and a ``null`` result becomes
``orphaned``. Every case Hypothesis places, we place at the same span.

Copyright (c) 2013-2016 Hypothes.is Project and contributors

Redistribution and use in source and binary forms, with or without
modification, are permitted provided that the following conditions are met:

1. Redistributions of source code must retain the above copyright notice, this
   list of conditions and the following disclaimer.
2. Redistributions in binary form must reproduce the above copyright notice,
   this list of conditions and the following disclaimer in the documentation
   and/or other materials provided with the distribution.

THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT OWNER OR CONTRIBUTORS BE LIABLE FOR
ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES
(INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES;
LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND
ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT
(INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS
SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
"""

from __future__ import annotations

import re

import pytest

from app.core.anchoring import Anchor, anchor
from app.core.annotations import Annotation


def _normalize(s: str) -> str:
    return re.sub(r"\s+", " ", s)


SOLITUDE = _normalize("""Many years later, as he faced the firing squad,
    Colonel Aureliano Buendía was to remember that distant afternoon
    when his father took him to discover ice""")

TWO_CITIES = _normalize("""It was the best of times, it was the worst of times,
    it was the age of wisdom, it was the age of foolishness, it was the epoch of belief,
    it was the epoch of incredulity, it was the season of Light, it was the
    season of Darkness, it was the spring of hope, it was the winter of despair, we had
    everything before us, we had nothing before us, we were all going direct to Heaven,
    we were all going direct the other way.""")


def match_quote(text: str, quote: str, prefix: str | None = None,
                suffix: str | None = None, hint: int | None = None) -> Anchor | None:
    """``matchQuote`` through ``anchor()``: None where the note is orphaned."""
    start = -1 if hint is None else hint
    note = Annotation(id="urn:x", start=start, end=start + len(quote) if hint is not None else -1,
                      exact=quote, prefix=prefix, suffix=suffix)  # type: ignore[arg-type]
    found = anchor(note, text)
    return None if found.status == "orphaned" else found


def test_finds_exact_match() -> None:
    match = match_quote(SOLITUDE, "discover ice")
    assert match is not None and match.score == 1.0
    assert SOLITUDE[match.start:match.end] == "discover ice"


def test_finds_best_approximate_match_if_there_is_no_exact_match() -> None:
    match = match_quote(SOLITUDE, "some years later")
    assert match is not None and 0 < match.score < 1
    assert SOLITUDE[match.start:match.end] == "Many years later"


def _scores(matches: list[Anchor | None]) -> list[float]:
    assert all(m is not None for m in matches)
    return [m.score for m in matches if m is not None]


def _descending(scores: list[float]) -> bool:
    return all(later < earlier for earlier, later in zip(scores, scores[1:], strict=False))


def test_scores_matches_based_on_quote_similarity() -> None:
    quotes = ["Many years later", "Many yers later", "Some years later", "Some years after"]
    assert _descending(_scores([match_quote(SOLITUDE, q) for q in quotes]))


def test_scores_matches_based_on_prefix_similarity() -> None:
    prefixes = ["Many years later", "Many yers later", "Some years later", "Some years after"]
    quote = ", as he faced the firing squad"
    assert _descending(_scores([match_quote(SOLITUDE, quote, prefix=p) for p in prefixes]))


def test_scores_matches_based_on_suffix_similarity() -> None:
    suffixes = [", as he faced the firing squad", ", as she faced the firing squad",
                ", as he awaited the firing squad", ", as he awaited his death"]
    quote = "Many years later"
    assert _descending(_scores([match_quote(SOLITUDE, quote, suffix=s) for s in suffixes]))


def test_returns_null_if_there_is_no_acceptable_approximate_match() -> None:
    assert match_quote(TWO_CITIES, SOLITUDE) is None


def test_returns_null_if_quote_is_empty() -> None:
    assert match_quote("foobar", "") is None


def test_returns_null_if_text_is_empty() -> None:
    assert match_quote("", "foobar") is None


@pytest.mark.parametrize(("quote", "prefix", "suffix", "expected"), [
    # Exact prefix matches.
    ("before us", "we had everything", None, "before us, we had nothing"),
    ("before us", "we had nothing", None, "before us, we were all going"),
    # Approximate prefix matches.
    ("before us", "we had every-thing", None, "before us, we had nothing"),
    ("before us", "we had nout", None, "before us, we were all going"),
    # Exact suffix matches.
    ("we had", None, "everything", "we had everything"),
    ("we had", None, "nothing", "we had nothing"),
    # Approximate suffix matches.
    ("we had", None, "ever ting", "we had everything"),
    ("we had", None, "nutting", "we had nothing"),
])
def test_finds_match_with_best_context_match(quote: str, prefix: str | None,
                                             suffix: str | None, expected: str) -> None:
    match = match_quote(TWO_CITIES, quote, prefix=prefix, suffix=suffix)
    assert match is not None
    assert TWO_CITIES[match.start:match.end] == quote
    assert match.start == TWO_CITIES.index(expected)


def test_uses_hint_as_a_tie_breaker_between_matches_with_close_scores() -> None:
    pos_a = TWO_CITIES.index("everything before us") + len("everything ")
    pos_b = TWO_CITIES.index("nothing before us") + len("nothing ")
    hint_a = match_quote(TWO_CITIES, "befor us", hint=pos_a)
    hint_b = match_quote(TWO_CITIES, "befor us", hint=pos_b)
    no_hint = match_quote(TWO_CITIES, "befor us")
    assert hint_a is not None and hint_a.start == pos_a
    assert hint_b is not None and hint_b.start == pos_b
    # No hint: the first match (lowest start).
    assert no_hint is not None and no_hint.start == pos_a


def test_matches_when_prefix_length_is_greater_than_the_match_start_offset() -> None:
    prefix = "It used to be many"
    match = match_quote(SOLITUDE, "years later", prefix=prefix)
    assert match is not None and len(prefix) > match.start
    assert SOLITUDE[match.start:match.end] == "years later"


def test_matches_when_match_ends_at_end_of_text_and_there_is_a_non_empty_suffix() -> None:
    text = "Some document text"
    match = match_quote(text, "text", suffix="missing")
    assert match is not None and text[match.start:match.end] == "text"
