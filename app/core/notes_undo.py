"""An undo step made again on a note another writer has changed since.

Session 10 dropped the whole undo history when another window's change to a
note an undo step touches was taken in: undoing the step would have put back
the note as this window had it, over the other's change. C11 left it so;
T11's readers lost their own steps with it. An undo step here is a change of
one note from ``old`` to ``new`` (undone: from ``new`` to ``old``), and
:func:`reapply` makes that change on the note as it is now, field by field,
as ``git revert`` applies the inverse of a commit on a later tree:

- a field the step did not change keeps its value now (the other's change);
- a field the step changed that nobody changed since takes the step's value;
- the note text changed on both sides is merged word by word
  (``note_conflicts.merge_words``), the sources by additions and removals;
- a label both changed, a place (re-attaching, a confirmed new wording)
  changed since, or a note the step made or deleted that was changed since,
  cannot be: the step conflicts, and the history stops below it.
"""

from __future__ import annotations

from app.core.annotations import Annotation
from app.core.note_conflicts import merge_sources, merge_words

Place = tuple[int, int, str, str | None, str | None]


def _place(a: Annotation) -> Place:
    return a.start, a.end, a.exact, a.prefix, a.suffix


def same(a: Annotation | None, b: Annotation | None) -> bool:
    """The same note in every field the reader can change, and in the same place."""
    if a is None or b is None:
        return a is b
    return a.signature() == b.signature() and _place(a) == _place(b)


def reapply(current: Annotation | None, old: Annotation | None,
            new: Annotation | None) -> tuple[bool, Annotation | None]:
    """The step ``old`` → ``new`` made on ``current``, the note as it is now:
    (True, the note it becomes; None: absent), or (False, None) when it
    conflicts with what changed since."""
    if same(current, old):
        return True, new
    if current is None or old is None or new is None or _place(old) != _place(new):
        return False, None
    if old.label == new.label:
        label = current.label
    elif current.label in (old.label, new.label):
        label = new.label
    else:
        return False, None
    if old.note == new.note:
        note = current.note
    else:
        merged = merge_words(old.note, new.note, current.note)
        if merged is None:
            return False, None
        note = merged
    sources = current.sources if old.sources == new.sources else \
        merge_sources(old.sources, new.sources, current.sources)
    if (label, note, sources) == (current.label, current.note, current.sources):
        return True, current
    return True, current.edited(label=label, note=note, sources=sources)
