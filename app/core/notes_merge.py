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

A note changed here and there since the file was last read or written is
combined (``note_conflicts``, session 11): no text either side wrote is
dropped. One deleted here and changed there comes back (the change wins,
as in Syncthing). A note made here and one made there on the same words
since then (two windows labelling one claim at once) become one note.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import NamedTuple

from app.core.anchoring import Status, anchor_all
from app.core.annotations import Annotation
from app.core.article import Article
from app.core.note_conflicts import SEPARATOR, combine
from app.core.notes_ahead import FileSignature, file_signature
from app.core.notes_format import NotesDocument
from app.core.storage import NotesStore

# The notes changed or deleted here since the file was last read or written,
# each with its version then (None: made here since).
Touched = dict[str, Annotation | None]

log = logging.getLogger(__name__)


def taken_from_disk(ours: Mapping[str, Annotation], disk: Sequence[Annotation],
                    touched: Mapping[str, object]) -> list[Annotation]:
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
                    deleted: Sequence[str], touched: Mapping[str, object]) -> list[str]:
    """The notes here that the other writer deleted: named in its ``deleted``,
    gone from the file, and not changed here since it was last read or written."""
    there = {annotation.id for annotation in disk}
    return [ident for ident in deleted
            if ident in ours and ident not in there and ident not in touched]


class BothChanged(NamedTuple):
    """A note changed here and by the other writer, now one note."""

    ident: str
    joined: str | None  # this session's own new note on the same words, now gone
    both_texts: bool  # both texts kept, the other's under note_conflicts.SEPARATOR
    their_label: str | None  # the other writer's label, set aside for this one's


class DiskChanges(NamedTuple):
    """The ids of the notes another writer added or edited, and deleted; the
    notes both changed; those deleted here and changed there, back; those of
    the taken that now hold two versions (the other writer combined them)."""

    taken: tuple[str, ...] = ()
    gone: tuple[str, ...] = ()
    both: tuple[BothChanged, ...] = ()
    back: tuple[str, ...] = ()
    versions: tuple[str, ...] = ()

    def touching(self) -> set[str]:
        """Every note this changed here (an undo step on one would write over it)."""
        return {*self.taken, *self.gone, *(b.ident for b in self.both),
                *(b.joined for b in self.both if b.joined)}


class SyncState:
    """What a session knows of its notes file: its signature as last read,
    written or seen, the notes changed here since (``Touched``), and the ids
    deleted in this session (named in the file: ``NotesDocument.deleted``)."""

    def __init__(self) -> None:
        self.stamp: FileSignature | None = None
        self.touched: Touched = {}
        self.deleted: set[str] = set()
        self.since = ""  # when the file was last read or written (a note's ``created``)

    def touch(self, ident: str, before: Annotation | None) -> None:
        self.touched.setdefault(ident, before)

    def written(self, path: Path) -> None:
        """The file is what the session holds: read or written just now."""
        self.stamp, self.touched = file_signature(path), {}
        # Times are to the second, and another process's clock may lag a little.
        self.since = (datetime.now(UTC) - timedelta(seconds=2)).strftime("%Y-%m-%dT%H:%M:%SZ")

    def changed(self, path: Path) -> bool:
        return file_signature(path) != self.stamp

    def take_in(self, store: NotesStore, article: Article, annotations: dict[str, Annotation],
                status: dict[str, Status]) -> DiskChanges:
        """What another writer did to ``store``'s file since it was last read,
        written or seen, merged into ``annotations`` and ``status`` (nothing
        when the file is as seen). Raises NotesFileError when it is unusable."""
        signature = file_signature(store.path)
        if signature == self.stamp:
            return DiskChanges()
        doc = store.load(Path(article.source_path).name, article.sha256)
        self.stamp = signature  # seen; what was changed here is merged with it
        changes = merge_from_disk(annotations, status, doc, self.touched, article.text,
                                  self.since)
        # Deleted here and written since, changed, by the other writer: back.
        back = tuple(i for i in changes.taken if i in self.deleted and i not in changes.back)
        self.deleted -= annotations.keys()
        return changes._replace(back=changes.back + back) if back else changes


def merge_from_disk(annotations: dict[str, Annotation], status: dict[str, Status],
                    doc: NotesDocument | None, touched: Touched, text: str,
                    since: str = "") -> DiskChanges:
    """Take in what another writer did to the notes file (``doc``, None when it
    is gone): its new and edited notes placed in ``text``, its deletions
    applied, notes changed on both sides combined; ``annotations``, ``status``
    and ``touched`` are changed in place. A note made here and one the other
    writer made ``since`` then (an ISO time) on the same words become one."""
    disk, deleted = (doc.annotations, doc.deleted) if doc else ([], ())
    taken = taken_from_disk(annotations, disk, touched)
    gone = deleted_on_disk(annotations, disk, deleted, touched)
    for ident in gone:
        del annotations[ident]
        status.pop(ident, None)
    both: list[BothChanged] = []
    back: list[str] = []
    versions: list[str] = []
    for theirs in disk:
        if theirs.id not in touched:
            continue
        base, ours = touched[theirs.id], annotations.get(theirs.id)
        if base is not None and theirs.signature() == base.signature():
            continue  # not changed there: this session's change stands
        if ours is None:  # deleted here, changed there: the change wins
            taken.append(theirs)
            back.append(theirs.id)
        elif ours.signature() != theirs.signature():
            result = combine(base, ours, theirs, keep=ours)
            annotations[ours.id] = result.annotation
            touched[ours.id] = theirs  # the next merge is against what was seen
            both.append(BothChanged(ours.id, None, result.both_texts, result.their_label))
    made_here = {(a.start, a.end, a.exact): a for a in annotations.values()
                 if a.id in touched and touched[a.id] is None
                 and status.get(a.id) != "orphaned"}
    for placed in anchor_all(taken, text):
        theirs = placed.annotation
        mine = None
        if placed.anchor.status != "orphaned" and theirs.id not in annotations \
                and theirs.created >= since:
            mine = made_here.pop((theirs.start, theirs.end, theirs.exact), None)
        if mine is not None:  # made here and there on the same words: one note
            result = combine(None, mine, theirs, keep=theirs)
            del annotations[mine.id], touched[mine.id]
            status.pop(mine.id, None)
            theirs = result.annotation
            if theirs is not placed.annotation:
                touched[theirs.id] = placed.annotation
            both.append(BothChanged(theirs.id, mine.id, result.both_texts, result.their_label))
        was = annotations.get(theirs.id)
        if was is not None and theirs.note.count(SEPARATOR) > was.note.count(SEPARATOR):
            versions.append(theirs.id)
        annotations[theirs.id] = theirs
        status[theirs.id] = placed.anchor.status
    if taken or gone or both:
        log.info("another writer added or edited %d notes, deleted %d; %d changed on both "
                 "sides", len(taken), len(gone), len(both))
    return DiskChanges(tuple(a.id for a in taken), tuple(gone), tuple(both), tuple(back),
                       tuple(versions))
