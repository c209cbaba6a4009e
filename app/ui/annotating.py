"""Annotation edits in the main window: labels, notes, sources, suggestions.

A mixin of :class:`app.ui.main_window.MainWindow`. Every edit becomes one
QUndoCommand on the window's stack (``commands.py``); the session saves it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.core.annotations import Annotation, annotation_for_span, rebase
from app.ui.claim_model import ANNOTATION_ID_ROLE, SPAN_ROLE, SUGGESTION_ROLE
from app.ui.commands import BatchEdit, EditAnnotation

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object


class AnnotatingMixin(_Base):
    def _edit(self, ident: str, before: Annotation | None, after: Annotation | None,
              text: str, note_edit: bool = False) -> None:
        if after is not None and after.is_empty:
            after = None
        if before is None and after is None:
            return
        self.undo_stack.push(EditAnnotation(self.session, ident, before, after, text,
                                            note_edit=note_edit))

    def _change_current(self, text: str, note_edit: bool = False, **changes: object) -> None:
        """Give the current row's annotation these field values (creating it if
        needed); nothing happens when they are already so."""
        target = self._current_target()
        if target is None:
            return
        ident, annotation, start, end = target
        if annotation is None:
            new = annotation_for_span(self.session.article.text, start, end, **changes)
            self._edit(new.id, None, new, text, note_edit)
        elif any(getattr(annotation, name) != value for name, value in changes.items()):
            self._edit(ident, annotation, annotation.edited(**changes), text, note_edit)

    def _current_annotation(self) -> Annotation | None:
        target = self._current_target()
        return target[1] if target else None

    def _current_target(self) -> tuple[str, Annotation | None, int, int] | None:
        """The annotation id, annotation, and span the next edit applies to."""
        if self.session is None:
            return None
        row = self.current_source_row()
        if row is None:
            return None
        index = self.model.index(row)
        start, end = index.data(SPAN_ROLE)
        ident = index.data(ANNOTATION_ID_ROLE)
        if ident:
            return ident, self.session.annotations.get(ident), start, end
        return "", None, start, end

    def apply_label(self, label: str) -> None:
        if self.session is None:
            return
        # A selection in the article is annotated exactly when the reader is there
        # (a key in the article, its context menu); otherwise the current claim.
        span = self.view.selected_span() if self.view.hasFocus() else None
        if span is not None:
            self._label_span(span, label)
            return
        self._change_current(f"Mark {label}" if label != "none" else "Clear label", label=label)

    def _label_span(self, span: tuple[int, int], label: str) -> None:
        start, end = span
        text = self.session.article.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end <= start:
            return
        existing = self.session.annotation_at(start, end)
        if existing is not None:
            self._edit(existing.id, existing, existing.edited(label=label), f"Mark {label}")
        elif label != "none":
            new = annotation_for_span(text, start, end, label=label)
            self._edit(new.id, None, new, f"Mark selection {label}")
        cursor = self.view.textCursor()
        cursor.clearSelection()
        self.view.setTextCursor(cursor)
        ident = existing.id if existing else (new.id if label != "none" else "")
        row = self.model.row_for_annotation(ident) if ident else None
        if row is not None:
            self.select_row(row, scroll_article=False)

    def _note_committed(self, note: str) -> None:
        self._change_current("Edit note", note_edit=True, note=note)

    def _source_added(self, url: str) -> None:
        current = self._current_annotation()
        sources = current.sources if current else ()
        if url not in sources:
            self._change_current("Add source", sources=(*sources, url))

    def _source_removed(self, url: str) -> None:
        current = self._current_annotation()
        if current is not None:
            self._change_current("Remove source",
                                 sources=tuple(s for s in current.sources if s != url))

    def enter_pressed(self) -> None:
        row = self.current_source_row()
        if row is not None and self.model.data(self.model.index(row), SUGGESTION_ROLE):
            self.accept_suggestion()
        else:
            self.editor.note.setFocus()

    def accept_suggestion(self) -> None:
        row = self.current_source_row()
        if row is None:
            return
        suggestion = self.model.data(self.model.index(row), SUGGESTION_ROLE)
        if suggestion is not None:
            self.apply_label(suggestion.label)

    def accept_all_suggestions(self) -> None:
        if self.session is None:
            return
        edits = []
        text = self.session.article.text
        for row in self.model.suggested_rows():
            index = self.model.index(row)
            suggestion = index.data(SUGGESTION_ROLE)
            ident = index.data(ANNOTATION_ID_ROLE)
            before = self.session.annotations.get(ident) if ident else None
            start, end = index.data(SPAN_ROLE)
            if before is None:
                after = annotation_for_span(text, start, end, label=suggestion.label)
                edits.append((after.id, None, after))
            else:
                edits.append((ident, before, before.edited(label=suggestion.label)))
        if edits:
            self.undo_stack.push(BatchEdit(self.session, edits,
                                           f"Accept {len(edits)} suggestions"))
        self.statusBar().showMessage(f"Accepted {len(edits)} suggestions", 8000)

    def reattach_current(self) -> None:
        target = self._current_target()
        span = self.view.selected_span()
        if target is None or target[1] is None or span is None:
            self.statusBar().showMessage("Select the text to attach the note to first", 8000)
            return
        ident, annotation, _, _ = target
        moved = rebase(annotation, self.session.article.text, *span)
        self._edit(ident, annotation, moved.edited(), "Re-attach note")

    def delete_current(self) -> None:
        target = self._current_target()
        if target is None or target[1] is None:
            return
        ident, annotation, _, _ = target
        self.undo_stack.push(EditAnnotation(self.session, ident, annotation, None,
                                            "Delete annotation"))
