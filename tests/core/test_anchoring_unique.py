"""An unchanged sentence whose neighbours before and after were both rewritten
(tester T9: its note was lost). Its quote stood once in the text when the note
was made, which the notes file now records ("claimmark:occurrences"); found
once again it is the noted sentence, whatever its context. A quote that stood
twice, or a note from an older file that does not record it, is never placed
so: its double may be what is left."""

from __future__ import annotations

import json
from dataclasses import replace

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from app.core.anchoring import anchor
from app.core.annotations import annotation_for_span
from app.core.notes_format import ArticleRef, NotesDocument, from_jsonld
from app.core.storage import encode_notes
from tests.core.test_anchoring_neighbours import REWRITES, distinct_sentences

T9_TEXT = ("Turmeric is a yellow spice from the ginger family. Some trials used 1 g a day "
           "for eight weeks. Turmeric eases stiff joints in most adults. Curcumin is poorly "
           "absorbed unless taken with black pepper. Talk to your doctor first.")
T9_QUOTE = "Turmeric eases stiff joints in most adults."


def _both_sides_rewritten(sentences: list[str], index: int, before: str, after: str
                          ) -> tuple[str, int, str, int]:
    text = " ".join(sentences)
    edited = list(sentences)
    edited[index - 1], edited[index + 1] = before, after
    new = " ".join(s for s in edited if s)
    return text, text.index(sentences[index]), new, new.index(sentences[index])


def test_t9_sentence_between_two_rewritten_ones_keeps_its_note() -> None:
    start = T9_TEXT.index(T9_QUOTE)
    a = annotation_for_span(T9_TEXT, start, start + len(T9_QUOTE), label="supported")
    assert a.occurrences == 1
    new = (T9_TEXT.replace("Some trials used 1 g a day for eight weeks.",
                           "Doses in the trials varied widely.")
           .replace("Curcumin is poorly absorbed unless taken with black pepper. ", ""))
    found = anchor(a, new)
    assert found.status == "moved"
    assert new[found.start:found.end] == T9_QUOTE


def test_the_count_is_kept_by_the_notes_file() -> None:
    """Saved and read again (the fast reader of our own shape), the note still
    knows its quote was unique, and is found."""
    start = T9_TEXT.index(T9_QUOTE)
    a = annotation_for_span(T9_TEXT, start, start + len(T9_QUOTE))
    doc = NotesDocument(ArticleRef("t9.txt"), [a])
    data = json.loads(encode_notes(doc))
    quote = data["first"]["items"][0]["target"]["selector"][0]
    assert quote["claimmark:occurrences"] == 1
    (back,) = from_jsonld(data).annotations
    assert back.occurrences == 1 and back.untouched
    new = (T9_TEXT.replace("Some trials used 1 g a day for eight weeks. ", "")
           .replace("Curcumin is poorly absorbed unless taken with black pepper.",
                    "Few side effects were reported."))
    assert anchor(back, new).status == "moved"


def test_a_rewritten_quote_records_its_new_count() -> None:
    """Another tool's object with a count, re-attached by the reader: the
    count written is the new quote's, not the old one's."""
    from app.core.annotation_jsonld import annotation_from_jsonld, annotation_to_jsonld
    from app.core.annotations import rebase

    item = {"id": "https://example.org/anno/1", "type": "Annotation", "motivation": "commenting",
            "body": {"type": "TextualBody", "value": "Which trial?"}, "creator": "ana",
            "target": {"source": "https://example.org/t9", "selector": {
                "type": "TextQuoteSelector", "exact": "Talk to your doctor first.",
                "claimmark:occurrences": 3}}}
    read = annotation_from_jsonld(item)
    assert read.occurrences == 3
    assert annotation_to_jsonld(read, "t9.txt") is item  # untouched: written back as read
    start = T9_TEXT.index(T9_QUOTE)
    moved = rebase(read, T9_TEXT, start, start + len(T9_QUOTE))
    written = annotation_to_jsonld(moved, "t9.txt")
    quotes = [s for s in written["target"]["selector"] if s["type"] == "TextQuoteSelector"]
    assert [(q["exact"], q["claimmark:occurrences"]) for q in quotes] == [(T9_QUOTE, 1)]
    assert written["creator"] == "ana"
    unknown = annotation_to_jsonld(replace(moved, occurrences=None), "t9.txt")
    quotes = [s for s in unknown["target"]["selector"] if s["type"] == "TextQuoteSelector"]
    assert [sorted(q) for q in quotes] == [["exact", "prefix", "suffix", "type"]]  # no count


def test_an_older_note_without_the_count_keeps_todays_behaviour() -> None:
    start = T9_TEXT.index(T9_QUOTE)
    a = replace(annotation_for_span(T9_TEXT, start, start + len(T9_QUOTE)), occurrences=None)
    new = (T9_TEXT.replace("Some trials used 1 g a day for eight weeks.", "Doses varied.")
           .replace("Curcumin is poorly absorbed unless taken with black pepper. ", ""))
    assert anchor(a, new).status == "orphaned"


@settings(max_examples=150, deadline=None)
@given(distinct_sentences(), st.data())
def test_a_unique_sentence_between_two_rewritten_ones_is_found(
        sentences: list[str], data: st.DataObject) -> None:
    """Red when the rule is off: both context sides then disagree."""
    index = data.draw(st.integers(1, len(sentences) - 2))
    before = data.draw(st.sampled_from(REWRITES))
    after = data.draw(st.sampled_from(["", "Somebody else wrote this one yesterday."]))
    text, start, new, truth = _both_sides_rewritten(sentences, index, before, after)
    a = annotation_for_span(text, start, start + len(sentences[index]))
    found = anchor(a, new)
    assert (found.status, found.start, found.end) == ("moved", truth, truth + len(a.exact))


@settings(max_examples=150, deadline=None)
@given(distinct_sentences(), st.data())
def test_a_copy_is_not_taken_where_the_noted_sentence_was_rewritten(
        sentences: list[str], data: st.DataObject) -> None:
    """The noted sentence rewritten in place (its neighbours stand) and an
    identical copy written elsewhere afterwards: the copy is not the note's
    place, though the quote was unique when the note was made."""
    index = data.draw(st.integers(1, len(sentences) - 2))
    text = " ".join(sentences)
    start = text.index(sentences[index])
    a = annotation_for_span(text, start, start + len(sentences[index]))
    rewrite = data.draw(st.sampled_from(["Nobody wrote this sentence before today.", "Yes."]))
    edited = list(sentences)
    edited[index] = rewrite
    # Away from the text's edges, where a context side is unknown and the
    # other side alone decides (an older rule, not this one).
    if data.draw(st.booleans()):
        edited = ["This opening line was added later.", sentences[index], *edited]
    else:
        edited = [*edited, sentences[index], "This closing line was added later."]
    new = " ".join(edited)
    assume(new.count(a.exact) == 1)
    found = anchor(a, new)
    assert found.status == "orphaned" or found.start != new.index(a.exact)


def test_a_quote_that_stood_twice_is_not_taken_without_its_context() -> None:
    """The near-duplicate rule (issue 12) stays: the count says there was a double."""
    text = T9_TEXT + " " + T9_QUOTE + " A closing remark from the editor."
    start = text.index(T9_QUOTE)
    a = annotation_for_span(text, start, start + len(T9_QUOTE))
    assert a.occurrences == 2
    new = text.replace("Some trials used 1 g a day for eight weeks. " + T9_QUOTE,
                       "Doses varied widely.")
    assert new.count(T9_QUOTE) == 1
    assert anchor(a, new).status == "orphaned"


def test_overlapping_occurrences_count() -> None:
    """``str.count`` says "ab ab" stands once in "ab ab ab": it stands twice."""
    from app.core.annotations import occurrences_in, occurrences_of_spans

    assert occurrences_in("ab ab ab", "ab ab") == 2
    text = "So it is as it is as it is."
    assert text[3:17] == "it is as it is"
    assert occurrences_of_spans(text, [(3, 17)]) == [occurrences_in(text, "it is as it is")] \
        == [2]


WORDS = st.sampled_from(["magnesium", "may", "help", "nerves", "it", "is", "a", "mineral",
                         "x", "amay", "helps"])


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=40), st.lists(st.tuples(st.integers(0, 39),
                                                                    st.integers(1, 6))),
       st.sampled_from([" ", ". ", "\n", "—"]))
def test_counting_many_spans_at_once_counts_each_as_alone(
        words: list[str], picks: list[tuple[int, int]], joint: str) -> None:
    """One pass over the text gives each span's count, as counting it alone
    does — but for an occurrence inside a word ("amay" for "may …"), which
    the one pass does not see (only ever fewer, never more)."""
    import re

    from app.core.annotations import occurrences_in, occurrences_of_spans

    text = joint.join(words)
    starts = [m.start() for m in re.finditer(r"\S+", text)]
    spans = [(starts[i], min(len(text), starts[i] + 2 + n * 4)) for i, n in picks
             if i < len(starts)]
    batch = occurrences_of_spans(text, spans)
    for (start, end), counted in zip(spans, batch, strict=True):
        quote = text[start:end]
        alone = occurrences_in(text, quote)
        at_word_starts = sum(1 for p in range(len(text)) if text.startswith(quote, p)
                             and (p == 0 or not text[p - 1].isalnum()))
        if len(quote) < 8 or not quote[0].isalnum():
            assert counted == alone
        else:
            assert counted == (at_word_starts or None)
            assert (counted or 0) <= (alone or 0)


@settings(max_examples=200, deadline=None)
@given(distinct_sentences(), st.data())
def test_a_copy_at_the_very_start_or_end_is_not_taken_either(
        sentences: list[str], data: st.DataObject) -> None:
    """As above with the copy as the text's first or last sentence, where one
    context side is past the edge: the other side, which disagrees, decides
    (before, an exact quote with one side unknown was taken)."""
    index = data.draw(st.integers(1, len(sentences) - 2))
    text = " ".join(sentences)
    start = text.index(sentences[index])
    a = annotation_for_span(text, start, start + len(sentences[index]))
    edited = list(sentences)
    edited[index] = data.draw(st.sampled_from(["Nobody wrote this sentence before today.",
                                               "Yes."]))
    edited = ([sentences[index], *edited] if data.draw(st.booleans())
              else [*edited, sentences[index]])
    new = " ".join(edited)
    assume(new.count(a.exact) == 1)
    found = anchor(a, new)
    assert found.status == "orphaned" or found.start != new.index(a.exact)


def test_an_unchanged_unique_quote_beats_an_altered_sibling_with_the_old_neighbours() -> None:
    """anchor_realistic's "both sides" wrong cases: sibling docstrings. The
    noted sentence stands once, unchanged, where it was; its neighbours were
    rewritten; further on a sibling differing by one word has neighbours like
    the old ones (all but a word). The noted words win (before, the sibling
    was taken). Were the sibling's neighbours the very words of the old ones,
    its place would be the note's own, rewritten (test above): no telling."""
    before = "Use it in a with statement to check the exception."
    after = "The exception is stored on the context object afterwards."
    noted = "An optional keyword argument 'msg' can be given when assertRaises is used."
    sibling = noted.replace("assertRaises", "assertWarns")
    text = " ".join([before, noted, after, "Other methods follow below here.",
                     before.replace("exception", "warning"), sibling,
                     after.replace("exception", "warning")])
    start = text.index(noted)
    a = annotation_for_span(text, start, start + len(noted))
    assert a.occurrences == 1
    new = text.replace(before + " " + noted + " " + after,
                       "This first paragraph was rewritten. " + noted
                       + " So was the sentence after it.", 1)
    found = anchor(a, new)
    assert (found.start, found.end) == (new.index(noted), new.index(noted) + len(noted))
