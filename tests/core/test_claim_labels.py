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


def reference_labelled(claims, notes) -> set[int]:
    """The rule as first written (372602a), each note ranked, no short cut."""
    def holding(start: int, end: int) -> int | None:
        for position in (start, max(start, end - 1)):
            for index, (s, e) in enumerate(claims):
                if s <= position < e:
                    return index
        return None

    chosen: dict[int, tuple[bool, int, int, bool]] = {}
    for start, end, label in notes:
        index = holding(start, end)
        if index is None:
            continue
        rank = ((start, end) != claims[index], start, end, label == "none")
        if index not in chosen or rank < chosen[index]:
            chosen[index] = rank
    return {index for index, rank in chosen.items() if not rank[3]}


@st.composite
def claims_and_notes(draw):
    gaps = draw(st.lists(st.tuples(st.integers(0, 3), st.integers(1, 6)), max_size=8))
    claims, position = [], 0
    for gap, length in gaps:
        position += gap
        claims.append((position, position + length))
        position += length
    edge = position + 3
    whole = st.sampled_from(claims) if claims else st.nothing()
    span = st.one_of(whole, st.tuples(st.integers(-1, edge), st.integers(0, 8)).map(
        lambda s: (s[0], s[0] + s[1])))
    label = st.sampled_from(["supported", "uncertain", "advertising", "none"])
    notes = draw(st.lists(st.tuples(span, label).map(lambda n: (*n[0], n[1])), max_size=14))
    return claims, notes


@given(claims_and_notes())
def test_the_rule_with_its_short_cut_is_the_rule_as_first_written(case) -> None:
    claims, notes = case
    expected = reference_labelled(claims, notes)
    assert labelled_claims(claims, notes) == expected
    assert labelled_claims(claims, list(reversed(notes))) == expected
    assert labelled_claims(claims, notes, [s for s, _ in claims]) == expected
