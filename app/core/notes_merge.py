"""Notes another writer saved while an article was open, taken in before saving.

Tester T9: with the article open in the window, ``claimmark import`` (or a
second window) added a note to the notes file; the window's next save wrote
its own set over it, and the note was gone, ``.bak`` included. Now a save
first looks whether the file changed since this session last read or wrote
it (``notes_ahead.file_signature``), and if so takes in what the other
writer did: notes it added or edited that this session has not touched
since. What this session changed or deleted wins; a note the other writer
deleted is kept (a note is never lost by a merge).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from app.core.annotations import Annotation


def taken_from_disk(ours: Mapping[str, Annotation], disk: Sequence[Annotation],
                    touched: set[str]) -> list[Annotation]:
    """The notes on disk to take in: new to this session, or edited there,
    and not changed or deleted here since the file was last read or written
    (``touched``)."""
    taken: list[Annotation] = []
    for annotation in disk:
        if annotation.id in touched:
            continue
        mine = ours.get(annotation.id)
        if mine is None or mine.signature() != annotation.signature():
            taken.append(annotation)
    return taken
