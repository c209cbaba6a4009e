"""A note whose sentence changed a little while the sentence beside it was
deleted or rewritten (tester T8: "a note is lost when two nearby edits
combine"). One stored context side then disagrees however well the quote
matches; the note must still be found, while a sibling sentence must not take
the place of a quote that was itself cut out."""

from __future__ import annotations

import random
from pathlib import Path

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from app.core.anchoring import anchor, similarity
from app.core.annotations import annotation_for_span

# Sentences of real English words, each used once in the whole text: words
# from a small vocabulary (or strings like "aab aac") make sentences and
# 32-character contexts that share runs by chance, which real prose rarely
# does and no anchoring can tell apart (bench/anchor_realistic.py's "nearby"
# kind measures the same edits on real text).
_LIST = Path(__file__).resolve().parents[2] / "resources" / "segmentation" / "common_words.txt"
_LINES = _LIST.read_text(encoding="utf-8").splitlines()
VOCABULARY = sorted({line.strip().casefold() for line in _LINES
                     if line.strip() and not line.startswith("#") and line.strip().isalpha()})
WORD = st.sampled_from(VOCABULARY)


@st.composite
def distinct_sentences(draw: st.DrawFn) -> list[str]:
    count = draw(st.integers(4, 8))
    words = draw(st.lists(WORD, min_size=count * 10, max_size=count * 10, unique=True))
    return [" ".join(words[i * 10:i * 10 + 10]).capitalize() + "." for i in range(count)]


REPLACEMENTS = ["vitamin", "zinc", "xq", "tea"]
REWRITES = ["", "Nobody wrote this sentence before today."]


def test_t8_sentence_before_deleted_and_a_word_changed() -> None:
    text = ("Magnesium is a mineral found in many foods. It plays a part in hundreds of "
            "reactions in the body. Low levels are common in older adults. Most people get "
            "enough from a varied diet of greens and nuts. Supplements are sold in many forms.")
    claim = "Most people get enough from a varied diet of greens and nuts."
    start = text.index(claim)
    a = annotation_for_span(text, start, start + len(claim))
    new = (text.replace("Low levels are common in older adults. ", "")
           .replace("varied diet", "balanced diet"))
    found = anchor(a, new)
    assert found.status == "fuzzy"
    assert new[found.start:found.end] == claim.replace("varied", "balanced")


def _case(sentences: list[str], index: int, before: bool, rewrite: str, which: int,
          replacement: str) -> tuple[str, tuple[int, int], str, tuple[int, int]] | None:
    """The text, the noted sentence's span, the edited text and its new span;
    None where the edit changes nothing or the sentence is too far changed
    for the rule (less than 0.85 alike)."""
    words = sentences[index].rstrip(".").split(" ")
    if replacement.casefold() == words[which].casefold():
        return None
    changed = " ".join(words[:which] + [replacement] + words[which + 1:]) + "."
    if similarity(sentences[index], changed) < 0.85:
        return None
    text = " ".join(sentences)
    start = sum(len(s) + 1 for s in sentences[:index])
    edited = list(sentences)
    edited[index] = changed
    edited[index - 1 if before else index + 1] = rewrite
    new = " ".join(s for s in edited if s)
    if new.count(changed) != 1:
        return None
    return text, (start, start + len(sentences[index])), new, (
        new.index(changed), new.index(changed) + len(changed))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return inter / (max(a[1], b[1]) - min(a[0], b[0]))


@settings(max_examples=200, deadline=None)
@given(distinct_sentences(), st.data())
def test_after_a_neighbour_and_a_word_changed_a_note_is_never_put_elsewhere(
        sentences: list[str], data: st.DataObject) -> None:
    """Orphaned, or on its own sentence (≥ 80 % overlap, as the benchmark judges)."""
    index = data.draw(st.integers(1, len(sentences) - 2))
    words = sentences[index].count(" ") + 1
    case = _case(sentences, index, data.draw(st.booleans()), data.draw(st.sampled_from(REWRITES)),
                 data.draw(st.integers(0, words - 1)), data.draw(st.sampled_from(REPLACEMENTS)))
    assume(case is not None)
    assert case is not None
    text, (start, end), new, truth = case
    found = anchor(annotation_for_span(text, start, end), new)
    if found.status != "orphaned":
        assert found.status == "fuzzy"
        assert _overlap((found.start, found.end), truth) >= 0.8


def test_after_a_neighbour_and_a_word_changed_nine_notes_in_ten_are_found() -> None:
    """Found, not only kept: 300 seeded cases (the property above allows
    orphans). Before session 9 about a quarter were found."""
    rng = random.Random(9)
    found = total = 0
    while total < 300:
        words = rng.sample(VOCABULARY, 60)
        sentences = [" ".join(words[i:i + 10]).capitalize() + "." for i in range(0, 60, 10)]
        index = rng.randrange(1, 5)
        case = _case(sentences, index, rng.random() < 0.5, rng.choice(REWRITES),
                     rng.randrange(10), rng.choice(REPLACEMENTS))
        if case is None:
            continue
        text, (start, end), new, truth = case
        total += 1
        placed = anchor(annotation_for_span(text, start, end), new)
        if placed.status != "orphaned":
            assert _overlap((placed.start, placed.end), truth) >= 0.8
            found += 1
    assert found >= 0.9 * total, f"{found} of {total} found"


def test_a_cut_out_quote_is_not_replaced_by_a_sibling_that_agrees_on_one_side() -> None:
    """A series differing by a symbol: the quote deleted, its old prefix and
    suffix now stand together, so the next sibling (agreeing with the old
    suffix through the series' sameness) is not the quote rewritten."""
    rules = ["(not a < b) and (a != b)", "(not a > b) and (a != b)",
             "(not a < b) or (a == b)", "(not a > b) or (a == b)"]
    text = ("The ordering methods below are filled in by the decorator. "
            f"Computed by total ordering from {rules[0]}.")
    for op, rule in zip(["a < b", "a >= b", "a <= b"], rules[1:], strict=True):
        text += f"\n\nReturn {op}. Computed by total ordering from {rule}."
    quote = f"Computed by total ordering from {rules[0]}."
    start = text.index(quote)
    a = annotation_for_span(text, start, start + len(quote))
    new = text.replace(quote, "", 1)
    assert anchor(a, new).status == "orphaned"


def test_a_sentence_whose_first_or_last_word_was_replaced_is_still_a_sentence() -> None:
    """bench/anchor_book.py: "EGFP+ cells were analyzed…" with its first word
    replaced was found as "cells were analyzed…" (cheaper by edit distance)."""
    from app.core.annotations import Annotation

    first = "EGFP+ cells were analyzed after a 1 hour BrdU pulse for BrdU and 7-AAD uptake."
    last = "Cells were counted twice by two observers blinded to the group assignment."
    text = f"Methods were as before. {first} {last} Results follow below."
    for quote, old, new in ((first, "EGFP+", "Reporter"), (last, "assignment.", "allocations.")):
        start = text.index(quote)
        note = Annotation(id="n", start=start, end=start + len(quote), exact=quote,
                          prefix=None, suffix=None)  # a quote and a position only
        edited = text.replace(quote, quote.replace(old, new))
        found = anchor(note, edited)
        assert edited[found.start:found.end] == quote.replace(old, new), (old, found)



def test_a_sentence_whose_second_word_was_replaced_keeps_its_first_word() -> None:
    """The property above, exploring (dev profile), found a note placed from
    the sentence's third word: "Aye bed backs…" → "Aye vitamin backs…" with
    the sentence before it deleted; leaving out "Aye vitamin " cost one edit
    more than taking it, but the prefix context, gone with that sentence,
    tipped the edge. A few words (not one) back to the sentence's start are
    taken back in on the same terms as one."""
    sentences = ["Abs accent acres add arcade admin approx ann ago alike.",
                 "Amen alt aims asses aloud all biting arrows scandal hard.",
                 "Ant apt applause app bat anarchy axe ashore auto wig.",
                 "Aye bed backs bail bank barn bee ben bets bin.",
                 "Black bold bombed bond book bra brad bro broad brock."]
    case = _case(sentences, 3, True, "", 1, "vitamin")
    assert case is not None
    text, (start, end), new, truth = case
    found = anchor(annotation_for_span(text, start, end), new)
    assert (found.status, found.start, found.end) == ("fuzzy", *truth)
    again = _case(sentences, 3, False, "", 7, "vitamin")  # the same at the other end
    assert again is not None
    text, (start, end), new, truth = again
    found = anchor(annotation_for_span(text, start, end), new)
    assert found.status == "orphaned" or (found.start, found.end) == truth
