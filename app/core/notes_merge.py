"""Notes another writer saved while an article was open, taken in before saving.

Tester T9: with the article open in the window, ``claimmark import`` (or a
second window) added a note to the notes file; the window's next save wrote
its own set over it, and the note was gone, ``.bak`` included. Now a save
first looks whether the file changed since this session last read or wrote
it (``notes_ahead.file_signature``), and if so takes in what the other
writer did: notes it added or edited that this session has not touched
since. What this session changed or deleted wins.

A note missing from the file is kept (and written back) unless the writer
says it deleted it (``NotesDocument.deleted``, session 10): a sync tool that
puts back an older file, or a truncated one, says nothing, and no note is
lost by such a merge; a second claimmark window where the reader deleted a
note says so, and the note goes here too instead of coming back there.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from app.core.anchoring import Status, anchor_all
from app.core.annotations import Annotation
from app.core.notes_format import NotesDocument

log = logging.getLogger(__name__)


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


def deleted_on_disk(ours: Mapping[str, Annotation], disk: Sequence[Annotation],
                    deleted: Sequence[str], touched: set[str]) -> list[str]:
    """The notes here that the other writer deleted: named in its ``deleted``,
    gone from the file, and not changed here since it was last read or written."""
    there = {annotation.id for annotation in disk}
    return [ident for ident in deleted
            if ident in ours and ident not in there and ident not in touched]


class DiskChanges(NamedTuple):
    """The ids of the notes another writer added or edited, and deleted."""

    taken: tuple[str, ...] = ()
    gone: tuple[str, ...] = ()


def merge_from_disk(annotations: dict[str, Annotation], status: dict[str, Status],
                    doc: NotesDocument | None, touched: set[str], text: str) -> DiskChanges:
    """Take in what another writer did to the notes file (``doc``, None when it
    is gone): its new and edited notes placed in ``text``, its deletions
    applied; ``annotations`` and ``status`` are changed in place."""
    disk, deleted = (doc.annotations, doc.deleted) if doc else ([], ())
    taken = taken_from_disk(annotations, disk, touched)
    gone = deleted_on_disk(annotations, disk, deleted, touched)
    for ident in gone:
        del annotations[ident]
        status.pop(ident, None)
    for placed in anchor_all(taken, text):
        annotations[placed.annotation.id] = placed.annotation
        status[placed.annotation.id] = placed.anchor.status
    if taken or gone:
        log.info("another writer added or edited %d notes, deleted %d", len(taken), len(gone))
    return DiskChanges(tuple(a.id for a in taken), tuple(gone))
