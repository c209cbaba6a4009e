"""The free cue patterns are searched a slice at a time (re holds the interpreter
for a whole search); the matches must be exactly those of one whole search."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from app.core.cues import find_cues, find_in_slices, load_lexicon, lower_same_length

# Pieces that the free patterns match, half-match or sit beside: prices, codes,
# quotations, named studies, trade marks, camel-case names.
_PIECES = ["$5", "£12.99", "per serving", "a cup", "30% off", "30-day money-back guarantee",
           "Code SAVE20", "code", "“I felt", "my life", "changed”", '"', "The", "Nurses", "Health",
           "Study", "Trial", "Published in", "The Lancet", "reported in", "Nature", "™", "®",
           "(tm)", "VitaBoost", "NervaCalm Pro", "Max", "is", "the", "best", "and", "it", "I",
           "\n\n", ".", ",", "!", "each", "19.99/month", "€3 a day", "10p per portion"]
_FREE = [(entry, regex) for scanner in load_lexicon().scanners for entry, regex in scanner.free]


def spans(matches: object) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in matches]  # type: ignore[attr-defined]


def text_of(pieces: list[str], glue: list[str]) -> str:
    return "".join(piece + glue[i % len(glue)] for i, piece in enumerate(pieces))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=120),
       st.lists(st.sampled_from([" ", " ", "  ", "\n", ""]), min_size=1, max_size=7),
       st.integers(min_value=1, max_value=120))
@example(["Code SAVE20"] * 40, [" "], 7)  # matches across every slice's edge
@example(["“I felt", "my life", "changed”"] * 10, [" "], 5)  # long quotations
def test_slices_find_what_one_search_finds(pieces: list[str], glue: list[str],
                                           window: int) -> None:
    text = text_of(pieces, glue)
    lowered = lower_same_length(text)
    for entry, regex in _FREE:
        haystack = text if entry.case_sensitive else lowered
        whole = spans(regex.finditer(haystack))
        assert spans(find_in_slices(regex, haystack, window, reach=600)) == whole, regex.pattern


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=80),
       st.integers(min_value=16, max_value=200))
def test_cues_are_the_same_in_slices(pieces: list[str], window: int) -> None:
    text = " ".join(pieces)
    scanners = load_lexicon().scanners
    assert find_cues(text, scanners, window=window) == find_cues(text, scanners)


def test_a_match_across_a_slice_edge_is_found_once() -> None:
    regex = re.compile(r"Code [A-Z]{4,}")
    text = "x" * 10 + "Code SAVEBIG and Code MORE"
    assert spans(find_in_slices(regex, text, window=12, reach=50)) == [(10, 22), (27, 36)]
    assert spans(find_in_slices(regex, "", window=12)) == []
