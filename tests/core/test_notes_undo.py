"""An undo step made again on a note another window changed since (core/notes_undo.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.core.annotations import annotation_for_span
from app.core.notes_undo import reapply

TEXT = "Magnesium may help. Doctors agree. Buy it now."
NOTE = annotation_for_span(TEXT, 0, 19, label="supported", note="Which trial?")


def test_a_step_on_the_note_it_was_made_from_gives_its_result() -> None:
    after = NOTE.edited(label="uncertain")
    assert reapply(NOTE, NOTE, after) == (True, after)
    assert reapply(None, None, NOTE) == (True, NOTE)
    assert reapply(NOTE, NOTE, None) == (True, None)


def test_undoing_a_label_keeps_the_words_another_window_added() -> None:
    before, after = NOTE, NOTE.edited(label="advertising")
    theirs = after.edited(note="Which trial? Funded by the maker.")
    ok, undone = reapply(theirs, after, before)
    assert ok and undone is not None
    assert (undone.label, undone.note) == ("supported", "Which trial? Funded by the maker.")


def test_undoing_typed_words_keeps_the_label_another_window_chose() -> None:
    before, after = NOTE.edited(note=""), NOTE
    theirs = after.edited(label="advertising")
    ok, undone = reapply(theirs, after, before)
    assert ok and undone is not None and (undone.label, undone.note) == ("advertising", "")


def test_undoing_words_where_the_other_window_wrote_other_words_merges() -> None:
    before = NOTE.edited(note="Check the trial. Ask the maker.")
    after = NOTE.edited(note="Check the trial size. Ask the maker.")
    theirs = after.edited(note="Check the trial size. Ask the maker for data.")
    ok, undone = reapply(theirs, after, before)
    assert ok and undone is not None
    assert undone.note == "Check the trial. Ask the maker for data."


def test_what_cannot_be_undone_without_losing_the_other_change_conflicts() -> None:
    made = NOTE
    assert reapply(made.edited(note="Their words."), made, None) == (False, None)
    relabelled = NOTE.edited(label="uncertain")
    assert reapply(NOTE.edited(label="advertising"), relabelled, NOTE) == (False, None)
    before, after = NOTE.edited(note="A b c."), NOTE.edited(note="A x c.")
    assert reapply(after.edited(note="A y c."), after, before) == (False, None)


LABELS = st.sampled_from(["none", "supported", "uncertain", "advertising"])
NOTES = st.sampled_from(["", "Which trial?", "Funded by the maker.", "See the review."])
SOURCES = st.lists(st.sampled_from(["https://a.example/1", "https://b.example/2",
                                    "https://c.example/3"]), unique=True).map(tuple)


@given(LABELS, NOTES, SOURCES, LABELS, NOTES, SOURCES, st.integers(0, 2), st.integers(0, 2))
def test_a_field_only_the_other_window_changed_survives_the_undo(
        label: str, note: str, sources: tuple[str, ...], label2: str, note2: str,
        sources2: tuple[str, ...], mine: int, theirs: int) -> None:
    """The step changed one field, the other window another: undone, the
    step's field is as before the step, the other's as the other left it."""
    fields = ("label", "note", "sources")
    first = {"label": label, "note": note, "sources": sources}
    second = {"label": label2, "note": note2, "sources": sources2}
    before = NOTE.edited(**first)
    after = before.edited(**{fields[mine]: second[fields[mine]]})
    now = after.edited(**{fields[theirs]: second[fields[theirs]]}) if theirs != mine else after
    ok, undone = reapply(now, after, before)
    assert ok and undone is not None
    assert getattr(undone, fields[mine]) == first[fields[mine]]
    if theirs != mine:
        assert getattr(undone, fields[theirs]) == second[fields[theirs]]
    ok, redone = reapply(undone, before, after)  # and Ctrl+Shift+Z puts it back
    assert ok and redone is not None
    assert (redone.label, redone.note, redone.sources) == (now.label, now.note, now.sources)
