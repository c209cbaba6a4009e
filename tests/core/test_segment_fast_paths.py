"""The segmenter's fast paths find exactly what the plain patterns find (library claim counts)."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from app.core import reading, segment
from app.core.segment import _OPENERS

# The patterns as they were written first: the reference for the faster forms.
PLAIN_UNIT_AT_END = re.compile(
    r"\b\d+(?:\.\d+)?\s?(?:h|hr|min|s|ms|d|wk|mo|yr|g|mg|µg|ng|kg|ml|µl|mM|nM|µM|M|V|"
    r"°C|bp|kb|kDa|cm|mm)\.(?=\s+[A-Z][a-z])")
PLAIN_INITIALISM_AT_END = re.compile(
    rf"(?<![\w.])(?:[A-Z]\.){{2,3}}(?=\s+(?:{_OPENERS}\s|[A-Z][a-z]+[^\Ws]s\s+[a-z]))")

PIECES = ["1", "2", "3", "12", "123", "1234", "a", "b", "c", "x", "K", "U", "S", "A", "The",
          "Doctors", "are", "h", "mg", "°C", ".", ". ", ")", "(", " ", "  ", "\n", "\t", "•",
          "◦", "- ", "é", "_", "10.", "1000/xyz", "@", "mail.org", "http://", "WWW.", "://",
          "é1", "1.)", "a)", "No.", "5 mg", "12h", ". The ", " Doctors are", "U.S.", "K.",
          "A.B.C.D."]
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@settings(max_examples=500)
@given(texts)
def test_list_markers_are_the_plain_patterns_matches(text: str) -> None:
    plain = [(m.start(), m.group("label"), m.group("punct"))
             for m in segment._LIST_MARKER.finditer(text)]
    assert segment._list_markers(text) == plain


@settings(max_examples=500)
@given(texts)
@example("x5 mg. The dose")  # a letter glued to the number: no boundary
@example("at 5 mg. The dose")
@example("in the U.S.A.K. The rest")  # four initials: not an initialism of 2-3
@example("in the U.S. Doctors are here")
def test_rewritten_rules_match_the_plain_patterns(text: str) -> None:
    for fast, plain in ((segment._UNIT_AT_END, PLAIN_UNIT_AT_END),
                        (segment._INITIALISM_AT_END, PLAIN_INITIALISM_AT_END)):
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


@settings(max_examples=500)
@given(texts)
def test_masking_is_skipped_only_when_nothing_can_be_masked(text: str) -> None:
    assert segment._mask(text) == segment._MASKABLE.sub(lambda m: "x" * len(m.group(0)), text)


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from(["a", " ", "\n", "\t", "\x00", "\x01", "\x07", "\x0b",
                                         "\x0c", "\x1b", "\x1f", "\r", "é"]), max_size=300))
def test_control_count_is_the_plain_count(text: str) -> None:
    sample = text[:65536]
    plain = sum(1 for ch in sample if ch < " " and ch not in reading._ALLOWED_CONTROLS)
    assert sum(map(sample.count, reading._CONTROLS)) == plain
