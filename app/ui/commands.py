"""Every annotation edit is one QUndoCommand on the window's QUndoStack."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from app.core.annotations import Annotation
from app.ui.session import ArticleSession

NOTE_EDIT_ID = 1  # QUndoCommand.id() of note edits, which merge while one note is typed


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
        if self.after is not None and self.before_orphaned and self.before is not None \
                and (self.after.start, self.after.end) != (self.before.start, self.before.end):
            self.session.reattach(self.ident, self.after)
        else:
            self.session.put(self.ident, self.after)

    def undo(self) -> None:
        restore_orphan = self.before_orphaned and self.before is not None
        self.session.put(self.ident, self.before, orphaned=True if restore_orphan else None)


class BatchEdit(QUndoCommand):
    """Several annotation edits as one undo step and one save (accept all)."""

    def __init__(self, session: ArticleSession,
                 edits: list[tuple[str, Annotation | None, Annotation | None]],
                 text: str) -> None:
        super().__init__(text)
        self.session = session
        self.edits = edits

    def idents(self) -> frozenset[str] | None:
        return frozenset(ident for ident, _before, _after in self.edits)

    def redo(self) -> None:
        with self.session.batch():
            for ident, _before, after in self.edits:
                self.session.put(ident, after)

    def undo(self) -> None:
        with self.session.batch():
            for ident, before, _after in reversed(self.edits):
                self.session.put(ident, before)


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
