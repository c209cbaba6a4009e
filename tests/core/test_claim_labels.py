"""The one rule behind every "N unmarked" (window, library, exports)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.core.claim_labels import labelled_claims, pack_spans, unmarked_count, unpack_spans

CLAIMS = [(0, 10), (11, 20), (21, 30), (40, 50)]


def test_two_notes_on_one_claim_label_it_once() -> None:
    notes = [(0, 10, "supported"), (2, 5, "uncertain"), (11, 20, "none")]
    assert labelled_claims(CLAIMS, notes) == {0}
    assert unmarked_count(CLAIMS, notes) == 3


def test_the_note_on_the_whole_claim_decides_over_one_on_its_words() -> None:
    assert labelled_claims(CLAIMS, [(2, 5, "uncertain"), (0, 10, "none")]) == set()
    assert labelled_claims(CLAIMS, [(4, 6, "none"), (2, 5, "uncertain")]) == {0}


def test_a_note_in_no_claim_or_starting_in_the_space_before() -> None:
    assert labelled_claims(CLAIMS, [(31, 38, "advertising")]) == set()  # between claims
    assert labelled_claims(CLAIMS, [(38, 45, "advertising")]) == {3}  # ends in claim 3
    assert labelled_claims(CLAIMS, [(-1, -1, "supported")]) == set()  # no position at all


@given(st.lists(st.tuples(st.integers(0, 3), st.sampled_from(
    ["supported", "uncertain", "advertising", "none"])), max_size=12))
def test_notes_on_whole_claims_unmark_exactly_the_claims_without_any_label(marks) -> None:
    notes = [(*CLAIMS[claim], label) for claim, label in marks]
    expected = {claim for claim, label in marks if label != "none"}
    assert labelled_claims(CLAIMS, notes) == expected
    assert labelled_claims(CLAIMS, list(reversed(notes))) == expected  # order never matters


def test_spans_pack_and_unpack() -> None:
    assert unpack_spans(pack_spans(CLAIMS)) == CLAIMS
    assert unpack_spans(pack_spans([])) == []
