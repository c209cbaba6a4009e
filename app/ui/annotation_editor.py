"""Every change to the annotations: labels, notes, sources, suggestions,
re-attaching, deleting, importing — each one QUndoCommand on one QUndoStack.

The commands (``commands.py``) call the session, which saves before it
returns. What an edit applies to comes from the navigator (the current row)
or from the article's selection.

Signals:
    statusMessage(str, int): a short message and how long to show it (ms).
"""

from __future__ import annotations

from collections.abc import Sequence
from time import monotonic

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from app.core.anchoring import anchor_all
from app.core.annotations import (
    Annotation,
    annotation_for_span,
    counted_annotation,
    occurrences_of_spans,
    rebase,
)
from app.core.importing import ImportResult
from app.core.notes_draft import NoteJournal, forget, left_behind, taken_back
from app.core.notes_merge import DiskChanges
from app.core.notes_undo import reapply
from app.core.wording import count_of
from app.ui.article_view import ArticleView
from app.ui.claim_editor import ClaimEditor
from app.ui.claim_model import ANNOTATION_ID_ROLE, SPAN_ROLE, SUGGESTION_ROLE
from app.ui.claim_navigator import ClaimNavigator
from app.ui.commands import BatchEdit, EditAnnotation, ReplaceAll
from app.ui.notes_status import disk_changes_said
from app.ui.session import ArticleSession
from app.ui.typing_spot import TypingSpot

Edit = tuple[str, Annotation | None, Annotation | None]

# A note another window changed this recently (seconds) is not deleted at the
# first Del: its new words were on screen too briefly to have been read.
UNSEEN_S = 2.0


def _edits(step: object) -> list[Edit] | None:
    """What an undo step changes, note by note (None: the whole set)."""
    return step.edits() if isinstance(step, (EditAnnotation, BatchEdit)) else None


def _touches(step: object, idents: set[str]) -> bool:
    edits = _edits(step)
    return edits is None or any(ident in idents for ident, _before, _after in edits)


def _undoable(session: ArticleSession, steps: Sequence[object]) -> int:
    """How many of the newest ``steps`` undo one after the other on the notes
    as they are now without writing over another writer's change."""
    notes: dict[str, Annotation | None] = {}
    kept = 0
    for step in reversed(steps):
        edits = _edits(step)
        if edits is None:
            break
        for ident, before, after in reversed(edits):
            now = notes[ident] if ident in notes else session.annotations.get(ident)
            ok, notes[ident] = reapply(now, after, before)
            if not ok:
                return kept
        kept += 1
    return kept


class AnnotationEditor(QObject):
    statusMessage = Signal(str, int)

    def __init__(self, navigator: ClaimNavigator, view: ArticleView, editor: ClaimEditor,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.session: ArticleSession | None = None
        self._navigator = navigator
        self._view = view
        self._editor = editor
        self._came_in: dict[str, float] = {}  # note id: when another writer's change came in
        self._journal: NoteJournal | None = None  # the note being typed, at every key
        self._draft_base: Annotation | None = None  # a new note's, made at its first key
        editor.labelChosen.connect(self.apply_label)
        editor.noteCommitted.connect(self.set_note)
        editor.noteTyped.connect(self.journal_note)
        editor.sourceAdded.connect(self.add_source)
        editor.sourceRemoved.connect(self.remove_source)
        editor.acceptSuggestionRequested.connect(self.accept_suggestion)
        editor.keepNewWordingRequested.connect(self.keep_new_wording)

    def set_session(self, session: ArticleSession | None) -> None:
        """A new article: its edits start a new history."""
        if self.session is not None:
            self.session.tookInWhileSaving.disconnect(self._took_in_while_saving)
        self.session = session
        if session is not None:
            session.tookInWhileSaving.connect(self._took_in_while_saving)
        self.undo_stack.clear()
        self._came_in.clear()
        # The last article's draft stays if its note could not be saved: the
        # next run takes it back.
        self._journal = NoteJournal(session.article.source_path) if session else None
        self._draft_base = None

    def _took_in_while_saving(self, changes: DiskChanges) -> None:
        """An edit's save first took in another window's changes (notes_merge):
        said, and the undo steps they touch dropped once the edit is on the stack."""
        QTimer.singleShot(0, self, lambda: self._after_taking_in(changes))

    def _after_taking_in(self, changes: DiskChanges) -> None:
        session = self.session
        if session is None:
            return
        forgot = self.forget_steps_touching(changes.touching())
        for ident in changes.back:  # the reader was just told why it is back
            self._came_in.pop(ident, None)
        said = disk_changes_said(changes, session.annotations, forgot)
        self.statusMessage.emit(f"{said} ({session.notes_path.name})", 15000)

    def forget_steps_touching(self, idents: set[str]) -> int | None:
        """Another writer changed these notes (taken in from the notes file).
        This window's undo steps are then made on the notes as they are now
        (``commands.put_again``): the other's change stays. A step that cannot
        be (it made or deleted such a note, or changed the words or the label
        the other changed too) would write over it (tester T10: an undo in one
        window wiped a note typed in the other), so the history is cut below
        the newest such step, and redo steps on these notes go. None when
        nothing was cut, else how many undo steps are kept (0: none). Also
        noted for :meth:`delete_current`."""
        now = monotonic()
        self._came_in = {i: t for i, t in self._came_in.items() if now - t < UNSEEN_S}
        self._came_in.update(dict.fromkeys(idents, now))
        stack, session = self.undo_stack, self.session
        steps = [stack.command(index) for index in range(stack.count())]
        top = stack.index()
        kept = _undoable(session, steps[:top]) if session is not None else 0
        if kept == top and not any(_touches(step, idents) for step in steps[top:]):
            return None
        copies = [step.copy() for step in steps[top - kept:top]
                  if isinstance(step, (EditAnnotation, BatchEdit))]
        if not copies:
            stack.clear()
            return kept
        stack.blockSignals(True)  # one refresh of the window, not one per step
        try:
            stack.clear()
            for step in copies:  # pushed without being done again
                stack.push(step)
        finally:
            stack.blockSignals(False)
        stack.indexChanged.emit(stack.index())
        stack.canUndoChanged.emit(stack.canUndo())
        stack.canRedoChanged.emit(stack.canRedo())
        stack.undoTextChanged.emit(stack.undoText())
        stack.redoTextChanged.emit(stack.redoText())
        return kept

    # ---- the one path for an edit ----------------------------------------------
    def _edit(self, ident: str, before: Annotation | None, after: Annotation | None,
              text: str, note_edit: bool = False) -> None:
        if after is not None and after.is_empty:
            after = None
        if self.session is None or (before is None and after is None):
            return
        # Its save may take in another window's words for this note: the
        # reader goes on typing where they were.
        typing = TypingSpot.capture()
        self.undo_stack.push(EditAnnotation(self.session, ident, before, after, text,
                                            note_edit=note_edit))
        if typing is not None:
            typing.restore()

    def _change_current(self, text: str, note_edit: bool = False, **changes: object) -> None:
        """Give the current row's annotation these field values (creating it if
        needed); nothing happens when they are already so."""
        target = self._navigator.current_target()
        if target is None or self.session is None:
            return
        annotation = target.annotation
        if annotation is None:
            new = annotation_for_span(self.session.article.text, target.start, target.end,
                                      **changes)
            self._edit(new.id, None, new, text, note_edit)
        elif "label" in changes and self.session.judged_quote(target.ident) is not None:
            # Labelling a changed sentence again judges its new wording.
            confirmed = self._confirmed(self.session, annotation)
            self._edit(target.ident, annotation, confirmed.edited(**changes), text)
        elif any(getattr(annotation, name) != value for name, value in changes.items()):
            self._edit(target.ident, annotation,
                       annotation.edited(**changes), text, note_edit)

    @staticmethod
    def _confirmed(session: ArticleSession, annotation: Annotation) -> Annotation:
        """The note rebased onto the text now at its place (quote and context)."""
        return rebase(annotation, session.article.text, annotation.start, annotation.end)

    def _current_annotation(self) -> Annotation | None:
        target = self._navigator.current_target()
        return target.annotation if target else None

    # ---- commands ------------------------------------------------------------------
    def apply_label(self, label: str) -> None:
        if self.session is None:
            return
        # A selection in the article is annotated exactly when the reader is there
        # (a key in the article, its context menu); otherwise the current claim.
        span = self._view.selected_span() if self._view.hasFocus() else None
        if span is not None:
            self._label_span(self.session, span, label)
            return
        self._change_current(f"Mark {label}" if label != "none" else "Clear label", label=label)

    def _label_span(self, session: ArticleSession, span: tuple[int, int], label: str) -> None:
        start, end = span
        text = session.article.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end <= start:
            return
        existing = session.annotation_at(start, end)
        ident = ""
        if existing is not None:
            judged = session.judged_quote(existing.id) is not None
            base = self._confirmed(session, existing) if judged else existing
            self._edit(existing.id, existing, base.edited(label=label), f"Mark {label}")
            ident = existing.id
        elif label != "none":
            new = annotation_for_span(text, start, end, label=label)
            self._edit(new.id, None, new, f"Mark selection {label}")
            ident = new.id
        cursor = self._view.textCursor()
        cursor.clearSelection()
        self._view.setTextCursor(cursor)
        self._navigator.select_annotation(ident)

    def set_note(self, note: str) -> None:
        self._change_current("Edit note", note_edit=True, note=note)
        if self._journal is not None and self.session is not None \
                and not self.session.last_error:
            self._journal.clear()  # saved: nothing to take back

    def journal_note(self, text: str) -> None:
        """A key in the note box: the words are in the draft before the next key
        (a note is committed only after a pause; T11 killed the program in it)."""
        target = self._navigator.current_target()
        if self._journal is None or self.session is None or target is None:
            return
        before = target.annotation
        if before is not None:
            self._journal.write(before, before.edited(note=text))
            return
        base = self._draft_base
        if base is None or (base.start, base.end) != (target.start, target.end):
            base = self._draft_base = annotation_for_span(self.session.article.text,
                                                          target.start, target.end)
        self._journal.write(None, base.edited(note=text))

    def take_back_drafts(self) -> str:
        """Notes typed in a window that was killed before it saved them, taken
        back, one undo step each; what to say ("" when there were none)."""
        session = self.session
        if session is None:
            return ""
        taken: list[Annotation] = []
        for draft in left_behind(session.article.source_path):
            current = session.annotations.get(draft.draft.id)
            after = taken_back(draft, current)
            if after is not None and current is None:  # placed in the text as it is now
                after = anchor_all([after], session.article.text)[0].annotation
            if after is not None:
                self._edit(after.id, current, after, "Take back a note typed before a crash")
                if session.last_error:
                    continue  # not saved: the draft stays for the next time
                taken.append(after)
            forget(draft)
        if not taken:
            return ""
        quote = taken[0].exact if len(taken[0].exact) <= 32 else taken[0].exact[:31] + "…"
        return (f"Took back {count_of(len(taken), 'note')} typed just before claimmark "
                f"stopped (Ctrl+Z undoes it): on “{quote}”")

    def add_source(self, url: str) -> None:
        current = self._current_annotation()
        sources = current.sources if current else ()
        if url not in sources:
            self._change_current("Add source", sources=(*sources, url))

    def remove_source(self, url: str) -> None:
        current = self._current_annotation()
        if current is not None:
            self._change_current("Remove source",
                                 sources=tuple(s for s in current.sources if s != url))

    def enter_pressed(self) -> None:
        if self._navigator.current_suggestion() is not None:
            self.accept_suggestion()
        else:
            self._editor.note.setFocus()

    def accept_suggestion(self) -> None:
        suggestion = self._navigator.current_suggestion()
        if suggestion is not None:
            self.apply_label(suggestion.label)

    def accept_all_suggestions(self) -> None:
        session = self.session
        if session is None:
            return
        model = self._navigator.w.model
        edits: list[Edit] = []
        text = session.article.text
        rows = [model.index(row) for row in model.suggested_rows()]
        counts = iter(occurrences_of_spans(  # one pass over a book, not one per note
            text, [index.data(SPAN_ROLE) for index in rows
                   if not session.annotations.get(str(index.data(ANNOTATION_ID_ROLE) or ""))]))
        for index in rows:
            suggestion = index.data(SUGGESTION_ROLE)
            ident = str(index.data(ANNOTATION_ID_ROLE) or "")
            before = session.annotations.get(ident) if ident else None
            start, end = index.data(SPAN_ROLE)
            if before is None:
                after = counted_annotation(text, start, end, next(counts),
                                           label=suggestion.label)
                edits.append((after.id, None, after))
            else:
                edits.append((ident, before, before.edited(label=suggestion.label)))
        if edits:
            self.undo_stack.push(BatchEdit(session, edits, f"Accept {len(edits)} suggestions"))
        self.statusMessage.emit(f"Accepted {len(edits)} suggestions", 8000)

    def reattach_current(self) -> None:
        target = self._navigator.current_target()
        span = self._view.selected_span()
        if self.session is None or target is None or target.annotation is None \
                or span is None:
            self.statusMessage.emit("Select the text to attach the note to first", 8000)
            return
        moved = rebase(target.annotation, self.session.article.text, *span)
        self._edit(target.ident, target.annotation, moved.edited(), "Re-attach note")

    def keep_new_wording(self) -> None:
        """The reader confirms a changed sentence's note for its new wording."""
        target = self._navigator.current_target()
        session = self.session
        if session is None or target is None or target.annotation is None \
                or session.judged_quote(target.ident) is None:
            return
        confirmed = self._confirmed(session, target.annotation).edited()
        self._edit(target.ident, target.annotation, confirmed, "Keep note for the new wording")

    def delete_current(self) -> None:
        target = self._navigator.current_target()
        if self.session is None or target is None or target.annotation is None:
            return
        came_in = self._came_in.pop(target.ident, None)
        if came_in is not None and monotonic() - came_in < UNSEEN_S:
            # Tester T11: Del 0.1-0.7 s after another window's words came in
            # deleted them in both windows, unread. The next Del deletes.
            self.statusMessage.emit(
                f"Not deleted: another window changed this note {monotonic() - came_in:.1f} s "
                f"ago; Del again deletes it ({self.session.notes_path.name})", 15000)
            return
        self.undo_stack.push(EditAnnotation(self.session, target.ident, target.annotation,
                                            None, "Delete annotation"))

    def import_notes(self, result: ImportResult, name: str) -> None:
        """Take in what an import found (one undo step; nothing when it adds nothing)."""
        if self.session is None or not result.added:
            return
        before = list(self.session.annotations.values())
        self.undo_stack.push(ReplaceAll(self.session, before, result.annotations,
                                        f"Import {result.added} notes from {name}"))
