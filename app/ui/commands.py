"""Every annotation edit is one QUndoCommand on the window's QUndoStack."""

from __future__ import annotations

import logging

from PySide6.QtGui import QUndoCommand

from app.core.annotations import Annotation
from app.core.notes_undo import reapply, same
from app.ui.session import ArticleSession

Edit = tuple[str, Annotation | None, Annotation | None]
log = logging.getLogger(__name__)

NOTE_EDIT_ID = 1  # QUndoCommand.id() of note edits, which merge while one note is typed


def put_again(session: ArticleSession, ident: str, old: Annotation | None,
              new: Annotation | None) -> bool:
    """Make the change ``old`` → ``new`` on the note as it is now, when another
    window has changed it since the step was made (notes_undo). False, and
    nothing written, when the step does not apply (never expected: the
    history is cut below such a step when the other's change comes in)."""
    current = session.annotations.get(ident)
    ok, result = reapply(current, old, new)
    if not ok:
        log.warning("undo step on %s skipped: the note changed elsewhere since", ident)
        return False
    if not same(result, current):
        session.put(ident, result)
    return True


class EditAnnotation(QUndoCommand):
    """Replace one annotation (None = absent) by another; undo swaps back.

    Consecutive note edits of the same annotation merge into one undo step
    (the editor commits a note at every pause in typing).
    """

    def __init__(self, session: ArticleSession, ident: str, before: Annotation | None,
                 after: Annotation | None, text: str, note_edit: bool = False) -> None:
        super().__init__(text)
        self.session = session
        self.ident = ident
        self.before = before
        self.after = after
        self.note_edit = note_edit
        self.before_orphaned = session.is_orphaned(ident)
        self.pushed_again = False  # a copy put back on a cut history: nothing to redo

    def edits(self) -> list[Edit]:
        return [(self.ident, self.before, self.after)]

    def copy(self) -> EditAnnotation:
        """The same step, to push on a cut history without doing it again."""
        twin = EditAnnotation(self.session, self.ident, self.before, self.after, self.text(),
                              self.note_edit)
        twin.before_orphaned, twin.pushed_again = self.before_orphaned, True
        return twin

    def id(self) -> int:
        return NOTE_EDIT_ID if self.note_edit else -1

    def idents(self) -> frozenset[str] | None:
        """The notes this step changes (None: all of them)."""
        return frozenset({self.ident})

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt override)
        if not (isinstance(other, EditAnnotation) and other.note_edit
                and other.ident == self.ident):
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        if self.pushed_again:
            self.pushed_again = False
            return
        if not same(self.session.annotations.get(self.ident), self.before):
            put_again(self.session, self.ident, self.before, self.after)
            return
        if self.after is not None and self.before_orphaned and self.before is not None \
                and (self.after.start, self.after.end) != (self.before.start, self.before.end):
            self.session.reattach(self.ident, self.after)
        else:
            self.session.put(self.ident, self.after)

    def undo(self) -> None:
        if not same(self.session.annotations.get(self.ident), self.after):
            put_again(self.session, self.ident, self.after, self.before)
            return
        restore_orphan = self.before_orphaned and self.before is not None
        self.session.put(self.ident, self.before, orphaned=True if restore_orphan else None)


class BatchEdit(QUndoCommand):
    """Several annotation edits as one undo step and one save (accept all)."""

    def __init__(self, session: ArticleSession,
                 edits: list[tuple[str, Annotation | None, Annotation | None]],
                 text: str) -> None:
        super().__init__(text)
        self.session = session
        self.changes = edits
        self.pushed_again = False

    def idents(self) -> frozenset[str] | None:
        return frozenset(ident for ident, _before, _after in self.changes)

    def edits(self) -> list[Edit]:
        return self.changes

    def copy(self) -> BatchEdit:
        twin = BatchEdit(self.session, self.changes, self.text())
        twin.pushed_again = True
        return twin

    def redo(self) -> None:
        if self.pushed_again:
            self.pushed_again = False
            return
        with self.session.batch():
            for ident, before, after in self.changes:
                if same(self.session.annotations.get(ident), before):
                    self.session.put(ident, after)
                else:
                    put_again(self.session, ident, before, after)

    def undo(self) -> None:
        with self.session.batch():
            for ident, before, after in reversed(self.changes):
                if same(self.session.annotations.get(ident), after):
                    self.session.put(ident, before)
                else:
                    put_again(self.session, ident, after, before)


class ReplaceAll(QUndoCommand):
    """The whole set of notes replaced at once (File ▸ Import Notes…); undo puts
    the set as it was back. Each way is saved (the window refreshes on the
    stack's indexChanged, as after any edit)."""

    def __init__(self, session: ArticleSession, before: list[Annotation],
                 after: list[Annotation], text: str) -> None:
        super().__init__(text)
        self.session = session
        self.before = before
        self.after = after

    def idents(self) -> frozenset[str] | None:
        return None  # undone, the whole set as it was: notes taken in since would go

    def redo(self) -> None:
        self.session.replace_all(self.after)

    def undo(self) -> None:
        self.session.replace_all(self.before)
