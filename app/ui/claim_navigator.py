"""Which claim is current, and showing it: the list row, the article frame and
highlights, the editor's fields, the summary.

The navigator keeps the list, the article and the editor in step; it never
changes an annotation (that is :class:`app.ui.annotation_editor.AnnotationEditor`).

Signals:
    suggestedCountChanged(int): how many suggestions could be accepted now.
    currentSpanChanged(int, int): the current claim's start and end (-1, -1: none placed).
    statusMessage(str, int): a short message and how long to show it (ms).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QObject, Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QListView

from app.core.annotations import Annotation
from app.core.article import page_at
from app.core.citations import CitationIndex
from app.ui.article_view import ArticleView, Highlight
from app.ui.claim_editor import ClaimEditor
from app.ui.claim_filter import ClaimFilterProxy, SearchTyping, show_off_text_counts
from app.ui.claim_model import (
    ANNOTATION_ID_ROLE,
    NO_TEXT_ROLE,
    SPAN_ROLE,
    SUGGESTION_ROLE,
    ClaimListModel,
)
from app.ui.palette import NOTED
from app.ui.row_words import notes_in_claim
from app.ui.session import ArticleSession
from app.ui.summary_bar import SummaryWidget

if TYPE_CHECKING:
    from app.core.suggestion import Suggestion


@dataclass(frozen=True)
class Target:
    """What the next edit applies to: a row's span and its annotation (if any)."""

    ident: str
    annotation: Annotation | None
    start: int
    end: int


@dataclass(frozen=True)
class NavigatorWidgets:
    """The widgets the navigator keeps in step (all owned by the window)."""

    view: ArticleView
    claims: QListView
    model: ClaimListModel
    proxy: ClaimFilterProxy
    editor: ClaimEditor
    summary: SummaryWidget
    filter_box: QComboBox
    search_box: QLineEdit


def suggestion_html(suggestion: Suggestion) -> str:
    items = "".join(f"<li>{html.escape(reason)}</li>" for reason in suggestion.reasons())
    return (f"<b>Why suggested: {html.escape(suggestion.label)}</b>"
            f"<ul style='margin:0'>{items}</ul>")


class ClaimNavigator(QObject):
    suggestedCountChanged = Signal(int)
    currentSpanChanged = Signal(int, int)
    statusMessage = Signal(str, int)

    def __init__(self, widgets: NavigatorWidgets, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.w = widgets
        self.session: ArticleSession | None = None
        self.citations: CitationIndex | None = None
        self.suggestions: Mapping[int, Suggestion] = {}
        self._scroll_article = True  # False while a row is selected from the article
        selection = widgets.claims.selectionModel()
        selection.currentChanged.connect(self._list_current_changed)
        self._place: tuple[ArticleSession, str, int, tuple[int, int]] | None = None
        self._held = ""  # the words of a claim with no note yet when the article is read again
        widgets.model.modelAboutToBeReset.connect(self._remember_place)
        widgets.model.modelReset.connect(self._model_reset)
        widgets.view.clickedAt.connect(self.article_clicked)
        widgets.filter_box.currentIndexChanged.connect(
            lambda: self._show_rows(widgets.proxy.set_mode, widgets.filter_box.currentData()))
        self.typing = SearchTyping(widgets.search_box, widgets.proxy,
                                   lambda text: self._show_rows(widgets.proxy.set_search, text))

    def _show_rows(self, change: Callable[[str], None], value: str) -> None:
        """Filter or search the list: the current claim stays if it is still
        shown, else the first row shown is current; with none shown no claim
        is. Never a claim the list does not show (tester T10: the editor still
        named a claim a search had hidden, and a note typed there went nowhere)."""
        change(value)
        w = self.w
        if w.claims.currentIndex().isValid():
            return
        if w.proxy.rowCount():
            self.select_row(w.proxy.mapToSource(w.proxy.index(0, 0)).row())
        else:
            self._none_current()

    def _none_current(self) -> None:
        self.w.view.set_current(None)
        self.w.editor.clear()

    def set_session(self, session: ArticleSession | None,
                    suggestions: Mapping[int, Suggestion] | None = None) -> None:
        self.session = session
        self.citations = CitationIndex(session.article) if session is not None else None
        self.suggestions = suggestions or {}
        self.w.model.set_session(session, dict(self.suggestions))

    # ---- the current row ------------------------------------------------------
    def current_source_row(self) -> int | None:
        index = self.w.claims.currentIndex()
        if not index.isValid():
            return None
        return self.w.proxy.mapToSource(index).row()

    def current_annotation_id(self) -> str:
        row = self.current_source_row()
        if row is None:
            return ""
        return str(self.w.model.data(self.w.model.index(row), ANNOTATION_ID_ROLE) or "")

    def current_suggestion(self) -> Suggestion | None:
        row = self.current_source_row()
        if row is None:
            return None
        suggestion: Suggestion | None = self.w.model.data(self.w.model.index(row),
                                                          SUGGESTION_ROLE)
        return suggestion

    def current_target(self) -> Target | None:
        """The annotation id, annotation and span the next edit applies to."""
        row = self.current_source_row()
        if self.session is None or row is None:
            return None
        index = self.w.model.index(row)
        start, end = index.data(SPAN_ROLE)
        ident = str(index.data(ANNOTATION_ID_ROLE) or "")
        annotation = self.session.annotations.get(ident) if ident else None
        return Target(ident, annotation, start, end)

    def select_row(self, source_row: int | None, scroll_article: bool = True) -> None:
        w = self.w
        if source_row is None or not 0 <= source_row < len(w.model.rows):
            w.claims.clearSelection()
            w.view.set_current(None)
            w.editor.clear()
            return
        proxy_index = w.proxy.mapFromSource(w.model.index(source_row))
        if not proxy_index.isValid():  # filtered out: show everything again
            w.filter_box.setCurrentIndex(0)
            w.search_box.clear()
            proxy_index = w.proxy.mapFromSource(w.model.index(source_row))
        self._scroll_article = scroll_article
        w.claims.selectionModel().setCurrentIndex(
            proxy_index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        w.claims.scrollTo(proxy_index)
        self._scroll_article = True

    def select_annotation(self, ident: str) -> None:
        row = self.w.model.row_for_annotation(ident) if ident else None
        if row is not None:
            self.select_row(row, scroll_article=False)

    def move_current(self, step: int) -> None:
        """J/K: the next or previous row of the list shown (lost notes come
        last). Stepping from a claim onto a lost note says so (tester T11: a
        label key then changed a note the article does not show)."""
        w = self.w
        count = w.proxy.rowCount()
        if not count:
            return
        index = w.claims.currentIndex()
        row = index.row() + step if index.isValid() else (0 if step > 0 else count - 1)
        row = max(0, min(count - 1, row))
        was = self._off_text()
        proxy_index = w.proxy.index(row, 0)
        w.claims.selectionModel().setCurrentIndex(
            proxy_index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        w.claims.scrollTo(proxy_index)
        now = self._off_text()
        if now == "lost" != was:
            self.statusMessage.emit(
                "Past the claims: the notes that lost their place. A label key labels the "
                "one shown; Claims ▸ Re-attach to Selection puts it back in the article", 15000)
        elif now == "page" != was:  # I15: they were called lost
            self.statusMessage.emit(
                f"Past the {'lost notes' if was else 'claims'}: page notes and replies, which "
                "mark no text. A label key labels the one shown", 15000)

    def current_is_lost(self) -> bool:
        """The current row is a note not in the text (lost, or a page note)."""
        return self._off_text() != ""

    def _off_text(self) -> str:
        """"lost", "page" (a page note or a reply: marks no text) or "" (in the text)."""
        row = self.current_source_row()
        if row is None or not self.w.model.rows[row].orphan:
            return ""
        return "page" if self.w.model.index(row).data(NO_TEXT_ROLE) else "lost"

    def restore_position(self, annotation_id: str | None, scroll: int) -> None:
        row = self.w.model.row_for_annotation(annotation_id) if annotation_id else \
            self.w.model.row_for_words(self._held)  # no note yet: the claim by its words
        self.select_row(row if row is not None else 0, scroll_article=False)
        self.w.view.verticalScrollBar().setValue(scroll)

    def article_clicked(self, position: int) -> None:
        session = self.session
        if session is None:
            return
        # A note on a selected span wins over the sentence around it (the
        # shortest one when several overlap), as in Hypothesis.
        spans = [a for a in session.annotations.values()
                 if a.start <= position < a.end and not session.is_orphaned(a.id)]
        for annotation in sorted(spans, key=lambda a: a.end - a.start):
            row = self.w.model.row_for_annotation(annotation.id)
            if row is not None:  # its claim's row (editing this note), or its own row
                self.w.model.bring_forward(row, annotation.id)
                if row == self.current_source_row():
                    self.show_current(scroll=False)
                else:
                    self.select_row(row, scroll_article=False)
                return
        claim = session.claim_at(position)
        if claim is None:
            return
        row = self.w.model.row_for_claim(claim.index)
        if row is not None:
            self.select_row(row, scroll_article=False)

    # ---- showing ----------------------------------------------------------------
    def _list_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.show_current(scroll=self._scroll_article)

    def show_current(self, scroll: bool = True) -> None:
        w = self.w
        w.editor.commit_note()  # first: the note read below holds the keys typed (T13)
        row = self.current_source_row()
        if row is None or self.session is None:
            w.editor.clear()
            return
        index = w.model.index(row)
        start, end = index.data(SPAN_ROLE)
        ident = str(index.data(ANNOTATION_ID_ROLE) or "")
        annotation = self.session.annotations.get(ident) if ident else None
        orphan = bool(ident) and self.session.is_orphaned(ident)
        w.view.set_current(None if orphan else (start, end), scroll=scroll)
        claim = w.model.rows[row].claim
        heading = (f"Claim {claim + 1} of {w.model.claim_count}" if claim is not None
                   else "Note on text that is not a claim")
        page = None if orphan else page_at(self.session.article, start)
        if page is not None:
            heading += f" · p. {page}"
        self.currentSpanChanged.emit(-1 if orphan else start, -1 if orphan else end)
        if orphan and annotation is not None and annotation.marks_no_text:
            heading = "This note marks no text: another tool's note on the whole " \
                      "page, or its reply to a note."
        elif orphan and annotation is not None and annotation.position_only:
            heading = "This note came with a position only, which may count another " \
                      "text (the page it was made on). Select its words and choose " \
                      "Claims ▸ Re-attach to Selection, or delete it."
        elif orphan:
            heading = "This note lost its place in the article. Select text and choose " \
                      "Claims ▸ Re-attach to Selection, or delete it."
        suggestion: Suggestion | None = index.data(SUGGESTION_ROLE)
        w.view.set_cues([(c.start, c.end, suggestion.label) for c in suggestion.cues
                         if c.end - c.start < end - start or len(suggestion.cues) == 1]
                        if suggestion is not None and not orphan else [])
        w.editor.show_item(
            heading,
            annotation.label if annotation else "none",
            annotation.note if annotation else "",
            list(annotation.sources) if annotation else [],
            suggestion_html(suggestion) if suggestion is not None else None,
            cited=[r.short() for r in self.citations.cited(start, end)]
            if self.citations is not None and not orphan else [],
            judged=self.session.judged_quote(ident) if ident else None,
            also=[] if orphan else self._notes_in_claim(row),
            key=(claim, start, end),
        )

    def _notes_in_claim(self, row: int) -> list[str]:
        session, r = self.session, self.w.model.rows[row]
        if session is None or r.claim is None or r.annotation is None:
            return []
        return notes_in_claim([session.annotations.get(i) for i in (r.annotation, *r.others)],
                              (r.start, r.end))

    def _remember_place(self) -> None:
        """The rows are about to be rebuilt (an import, an undo, a note moved):
        note which claim or note is current, to keep the reader there."""
        row = self.current_source_row()
        model = self.w.model
        if row is None or model.session is None or not 0 <= row < len(model.rows):
            self._place = None
            return
        r = model.rows[row]
        self._place = (model.session, r.annotation or "",
                       -1 if r.claim is None else r.claim, (r.start, r.end))

    def _restore_place(self) -> None:
        place, self._place = self._place, None
        model = self.w.model
        if place is None or place[0] is not model.session:  # another article: its own place
            return
        _session, ident, claim, span = place
        row = model.row_for_annotation(ident) if ident else None
        if row is None and claim >= 0:
            row = model.row_for_claim(claim)
        if row is None:  # the note went (an undone import): the row now at its place
            row = next((i for i, r in enumerate(model.rows) if (r.start, r.end) >= span
                        and not r.orphan), None)
        if row is not None:
            self.select_row(row, scroll_article=False)
        else:
            self.w.editor.clear()

    def _model_reset(self) -> None:
        self._restore_place()
        self._show_counts()

    def _show_counts(self, labelled: set[int] | None = None) -> None:
        """Notes per label; unmarked: the claims without a label (not the claims
        less the labels: a lost note, or a second one on a claim, is no claim)."""
        session = self.session
        claims = len(session.claims) if session else 0
        if labelled is None:
            labelled = self.w.model.labelled_claims()
        self.w.summary.set_counts(session.counts() if session else {}, claims,
                                  claims - len(labelled))
        if session is not None:
            show_off_text_counts(self.w.filter_box, session.status, session.annotations)

    def edited(self, _undo_index: int = 0) -> None:
        """An edit was done or undone (a slot for QUndoStack.indexChanged)."""
        self.refresh()

    def refresh(self) -> None:
        """After an edit (or an undo): highlights, summary, the editor's fields."""
        session = self.session
        if session is None:
            return
        labelled = self.w.model.labelled_claims()  # once: a book has 18,000 rows
        self.refresh_highlights(labelled)
        self._show_counts(labelled)
        self.suggestedCountChanged.emit(len(self.w.model.suggested_rows()))
        if self.w.claims.currentIndex().isValid():
            self.show_current(scroll=False)
        elif not self.w.proxy.rowCount():  # the edit took the last row out of the filter
            self._none_current()

    def refresh_highlights(self, labelled: set[int] | None = None) -> None:
        session = self.session
        if session is None:
            return
        # A note without a label is marked too ("noted"), or an imported one is unseen.
        highlights = [Highlight(a.start, a.end, a.label if a.label != "none" else NOTED)
                      for a in session.annotations.values()
                      if (a.label != "none" or a.note or a.sources)
                      and not session.is_orphaned(a.id)]
        if self.w.model.show_suggestions and self.suggestions:
            if labelled is None:
                labelled = self.w.model.labelled_claims()
            for claim_index, suggestion in self.suggestions.items():
                if claim_index not in labelled:
                    claim = session.claims[claim_index]
                    highlights.append(Highlight(claim.start, claim.end, suggestion.label, True))
        self.w.view.set_highlights(highlights)

    def set_show_suggestions(self, show: bool) -> None:
        self.w.model.show_suggestions = show
        self.w.model.set_suggestions(dict(self.suggestions))
        self.refresh()

    def clear(self, another_article: bool = True) -> None:
        """An article is being (re)loaded: nothing current or marked; a reload keeps the search."""
        self._held = "" if another_article else self.w.model.words_of(self.current_source_row())
        self.w.view.set_highlights([])
        self.set_session(None)
        if another_article:
            self.w.editor.clear()
            self.w.search_box.clear()
        else:  # the reader may be typing a note: the box stays for the same claim
            self.w.editor.hold()
