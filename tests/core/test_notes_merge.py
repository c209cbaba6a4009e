"""Notes another writer saved meanwhile (app/core/notes_merge.py)."""

from __future__ import annotations

from app.core.annotations import annotation_for_span
from app.core.notes_merge import taken_from_disk

TEXT = "Magnesium may help. Click here to buy now. Sleep matters."


def test_new_and_edited_elsewhere_are_taken_what_we_touched_is_not() -> None:
    mine = annotation_for_span(TEXT, 0, 19, label="uncertain")
    theirs_new = annotation_for_span(TEXT, 20, 42, label="advertising")
    untouched = annotation_for_span(TEXT, 43, 57, label="supported")
    ours = {a.id: a for a in (mine, untouched)}
    disk = [mine.edited(label="supported"), theirs_new, untouched.edited(note="checked")]
    taken = taken_from_disk(ours, disk, touched={mine.id})
    assert [a.id for a in taken] == [theirs_new.id, untouched.id]
    assert taken_from_disk(ours, [mine, untouched], touched=set()) == []  # nothing new
