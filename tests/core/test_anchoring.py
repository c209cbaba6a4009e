"""Re-anchoring: right place or orphaned, never a wrong place."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from app.core.anchoring import anchor, anchor_all, similarity
from app.core.annotations import annotation_for_span

WORDS = st.sampled_from(
    "magnesium nerve pain may help study trial dose blood sugar diet the a of and in "
    "to with for patients doctors suggest evidence shows research".split())
SENTENCE = st.lists(WORDS, min_size=6, max_size=14, unique=True).map(
    lambda words: " ".join(words).capitalize() + ".")


def test_unchanged_text_is_exact() -> None:
    text = "One claim. Two claim here. Three."
    a = annotation_for_span(text, 11, 26)
    assert anchor(a, text).status == "exact"


def test_position_only_annotation_is_taken_at_its_place() -> None:
    text = "One claim. Two claim here."
    a = replace(annotation_for_span(text, 11, 26), exact="", prefix="", suffix="")
    assert anchor(a, text).status == "exact"
    assert anchor(replace(a, start=50, end=60), text).status == "orphaned"


@settings(max_examples=150, deadline=None)
@given(st.lists(SENTENCE, min_size=3, max_size=8), st.data())
def test_edits_away_from_an_annotation_keep_it_in_place(sentences: list[str],
                                                         data: st.DataObject) -> None:
    text = " ".join(sentences)
    index = data.draw(st.integers(0, len(sentences) - 1))
    start = sum(len(s) + 1 for s in sentences[:index])
    end = start + len(sentences[index])
    a = annotation_for_span(text, start, end, label="uncertain")
    # An edit at least 40 characters away (outside the 32-character context).
    where = data.draw(st.sampled_from(["before", "after"]))
    insert = data.draw(st.text(alphabet="abc XYZ.", min_size=1, max_size=30))
    if where == "before":
        assume(start >= 40)
        cut = data.draw(st.integers(0, start - 40))
        new = text[:cut] + insert + text[cut:]
        expected = start + len(insert)
    else:
        assume(len(text) - end >= 40)
        cut = data.draw(st.integers(end + 40, len(text)))
        new = text[:cut] + insert + text[cut:]
        expected = start
    found = anchor(a, new)
    assert found.status in ("exact", "moved")
    assert (found.start, found.end) == (expected, expected + len(a.exact))


@settings(max_examples=150, deadline=None)
@given(st.lists(SENTENCE, min_size=3, max_size=8, unique=True), st.data())
def test_edits_inside_give_fuzzy_at_the_right_place_or_orphaned(
        sentences: list[str], data: st.DataObject) -> None:
    text = " ".join(sentences)
    index = data.draw(st.integers(0, len(sentences) - 1))
    assume(text.count(sentences[index]) == 1)
    start = sum(len(s) + 1 for s in sentences[:index])
    end = start + len(sentences[index])
    a = annotation_for_span(text, start, end)
    lo = data.draw(st.integers(start, end - 1))
    hi = data.draw(st.integers(lo, min(end, lo + 12)))
    replacement = data.draw(st.text(alphabet="xyz q", max_size=12))
    assume(text[lo:hi] != replacement)
    new = text[:lo] + replacement + text[hi:]
    new_end = end + len(replacement) - (hi - lo)
    found = anchor(a, new)
    if found.status == "orphaned":
        return
    assert found.status in ("fuzzy", "moved", "exact")
    # Overlaps the edited sentence's new extent and lies within it (give or
    # take the edit), nowhere else.
    assert found.start < new_end and found.end > start
    assert start - 12 <= found.start and found.end <= new_end + 12


@settings(max_examples=150, deadline=None)
@given(SENTENCE, st.lists(SENTENCE, min_size=4, max_size=6, unique=True), st.data())
def test_a_near_duplicate_elsewhere_is_never_taken(claim: str, others: list[str],
                                                   data: st.DataObject) -> None:
    assume(all(claim not in o and o not in claim for o in others))
    # claim appears twice, in different contexts; the first one is annotated.
    text = " ".join([others[0], claim, others[1], others[2], claim, others[3]])
    start = len(others[0]) + 1
    a = annotation_for_span(text, start, start + len(claim))
    other = text.rindex(claim)
    other_prefix = text[max(0, other - len(a.prefix)):other]
    other_suffix = text[other + len(claim):][:len(a.suffix)]
    # The property: where the contexts differ, the context decides. (With these
    # few words two contexts can be near-identical; then nobody could tell.)
    assume(similarity(a.prefix, other_prefix) < 0.7 and similarity(a.suffix, other_suffix) < 0.7)
    # Rewrite the annotated occurrence heavily; the second stays identical.
    mangled = data.draw(st.sampled_from(["", "Something else entirely was said here."]))
    new = text[:start] + mangled + text[start + len(claim):]
    second = new.rindex(claim)
    found = anchor(a, new)
    assert not (found.status != "orphaned" and found.start == second)


def test_anchor_all_follows_a_shift() -> None:
    sentences = [f"Sentence number {i} says something new." for i in range(200)]
    text = " ".join(sentences)
    items = []
    pos = 0
    for s in sentences:
        items.append(annotation_for_span(text, pos, pos + len(s)))
        pos += len(s) + 1
    new = "A new opening line. " + text
    placed = anchor_all(items, new)
    assert all(p.anchor.status == "moved" for p in placed)
    assert all(new[p.anchor.start:p.anchor.end] == p.annotation.exact for p in placed)
