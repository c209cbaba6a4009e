"""The claims (and other annotated spans) as a Qt item model, with a filter proxy.

One row per claim in document order, plus a row for each annotation that is
not on a claim (a selected span), plus orphans at the end. The model wraps
the session's plain data and emits its own signals.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from app.ui.session import ArticleSession

Index = QModelIndex | QPersistentModelIndex

LABEL_ROLE = Qt.ItemDataRole.UserRole + 1
NOTE_ROLE = Qt.ItemDataRole.UserRole + 2
STATUS_ROLE = Qt.ItemDataRole.UserRole + 3
SPAN_ROLE = Qt.ItemDataRole.UserRole + 4
SUGGESTION_ROLE = Qt.ItemDataRole.UserRole + 5
ANNOTATION_ID_ROLE = Qt.ItemDataRole.UserRole + 6
CLAIM_ROLE = Qt.ItemDataRole.UserRole + 7
SOURCES_ROLE = Qt.ItemDataRole.UserRole + 8

FILTERS = ("all", "supported", "uncertain", "advertising", "unmarked", "suggested", "orphaned")
QUOTE_CHARS = 300


@dataclass(slots=True)
class Row:
    start: int
    end: int
    claim: int | None  # claim index, or None for a free span / orphan
    annotation: str | None  # annotation id
    orphan: bool = False


class ClaimListModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session: ArticleSession | None = None
        self.rows: list[Row] = []
        self.placed_rows = 0  # rows that are places in the article (orphans aside)
        self._row_of_annotation: dict[str, int] = {}
        self._row_of_claim: dict[int, int] = {}
        self.suggestions: dict[int, Any] = {}
        self.show_suggestions = True

    # ---- wiring -----------------------------------------------------------
    def set_session(self, session: ArticleSession | None,
                    suggestions: dict[int, Any] | None = None) -> None:
        if self.session is not None:
            self.session.annotationChanged.disconnect(self._annotation_changed)
            self.session.annotationsReset.disconnect(self.rebuild)
        self.session = session
        self.suggestions = suggestions or {}
        if session is not None:
            session.annotationChanged.connect(self._annotation_changed)
            session.annotationsReset.connect(self.rebuild)
        self.rebuild()

    def set_suggestions(self, suggestions: dict[int, Any]) -> None:
        self.suggestions = suggestions
        if self.rows:
            self.dataChanged.emit(self.index(0), self.index(len(self.rows) - 1))

    def rebuild(self) -> None:
        self.beginResetModel()
        self.rows = self._compute_rows()
        self._index_rows()
        self.endResetModel()

    def _compute_rows(self) -> list[Row]:
        session = self.session
        if session is None:
            return []
        rows = [Row(c.start, c.end, c.index, None) for c in session.claims]
        extra: list[Row] = []
        orphans: list[Row] = []
        if not session.annotations:  # a book without notes: 18,000 spans need no lookup
            return rows
        by_span = {(c.start, c.end): i for i, c in enumerate(session.claims)}
        for a in session.annotations.values():
            if session.status.get(a.id) == "orphaned":
                orphans.append(Row(a.start, a.end, None, a.id, orphan=True))
            elif (a.start, a.end) in by_span:
                rows[by_span[(a.start, a.end)]].annotation = a.id
            else:
                extra.append(Row(a.start, a.end, None, a.id))
        if extra:
            rows.extend(extra)
            rows.sort(key=lambda r: (r.start, r.end))
        return rows + orphans

    def _index_rows(self) -> None:
        # Orphans come last and are not places in the article ("Claim 3 of N").
        self.placed_rows = sum(1 for r in self.rows if not r.orphan)
        self._row_of_annotation = {r.annotation: i for i, r in enumerate(self.rows)
                                   if r.annotation}
        self._row_of_claim = {r.claim: i for i, r in enumerate(self.rows) if r.claim is not None}

    def _annotation_changed(self, ident: str) -> None:
        """Update in place where the row set stays the same; rebuild otherwise."""
        session = self.session
        if session is None:
            return
        annotation = session.annotations.get(ident)
        orphan = session.status.get(ident) == "orphaned"
        row = self._row_of_annotation.get(ident)
        if row is not None:
            r = self.rows[row]
            same_span = annotation is not None and (r.start, r.end) == (annotation.start,
                                                                         annotation.end)
            if same_span and r.orphan == orphan:
                self.dataChanged.emit(self.index(row), self.index(row))
                return
            if annotation is None and r.claim is not None:
                r.annotation = None
                del self._row_of_annotation[ident]
                self.dataChanged.emit(self.index(row), self.index(row))
                return
        elif annotation is not None and not orphan:
            claim_row = self._claim_row_for_span(annotation.start, annotation.end)
            if claim_row is not None:
                self.rows[claim_row].annotation = ident
                self._row_of_annotation[ident] = claim_row
                self.dataChanged.emit(self.index(claim_row), self.index(claim_row))
                return
        self.rebuild()  # a free span or an orphan appeared, moved or went

    def _claim_row_for_span(self, start: int, end: int) -> int | None:
        session = self.session
        if session is None:
            return None
        claim = session.claim_at(start)
        if claim is not None and (claim.start, claim.end) == (start, end):
            return self._row_of_claim.get(claim.index)
        return None

    # ---- lookups ----------------------------------------------------------
    def suggested_rows(self) -> list[int]:
        """Rows whose claim has a suggestion the reader has not overridden."""
        if not self.show_suggestions or self.session is None or not self.suggestions:
            return []
        annotations = self.session.annotations
        if not annotations:  # nothing overrides a suggestion
            row_of_claim = self._row_of_claim
            return sorted(row_of_claim[claim] for claim in self.suggestions
                          if claim in row_of_claim)
        rows = []
        for number, row in enumerate(self.rows):
            if row.claim is None or row.claim not in self.suggestions:
                continue
            annotation = annotations.get(row.annotation) if row.annotation else None
            if annotation is None or annotation.label == "none":
                rows.append(number)
        return rows

    def row_for_claim(self, claim_index: int) -> int | None:
        return self._row_of_claim.get(claim_index)

    def row_for_annotation(self, ident: str) -> int | None:
        return self._row_of_annotation.get(ident)

    # ---- Qt model API ------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows) or self.session is None:
            return None
        row = self.rows[index.row()]
        annotation = self.session.annotations.get(row.annotation) if row.annotation else None
        if role == Qt.ItemDataRole.DisplayRole:
            if annotation is not None and self.session.status.get(annotation.id) == "orphaned":
                quote = annotation.exact
            else:
                quote = self.session.article.text[row.start:row.end]
            return quote if len(quote) <= QUOTE_CHARS else quote[:QUOTE_CHARS - 1] + "…"
        if role == LABEL_ROLE:
            return annotation.label if annotation else "none"
        if role == NOTE_ROLE:
            return annotation.note if annotation else ""
        if role == SOURCES_ROLE:
            return list(annotation.sources) if annotation else []
        if role == STATUS_ROLE:
            return self.session.status.get(annotation.id, "exact") if annotation else ""
        if role == SPAN_ROLE:
            return (row.start, row.end)
        if role == ANNOTATION_ID_ROLE:
            return row.annotation or ""
        if role == CLAIM_ROLE:
            return -1 if row.claim is None else row.claim
        if role == SUGGESTION_ROLE:
            if row.claim is None or not self.show_suggestions:
                return None
            if annotation is not None and annotation.label != "none":
                return None
            return self.suggestions.get(row.claim)
        if role == Qt.ItemDataRole.ToolTipRole:
            return annotation.note or None if annotation else None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            label = annotation.label if annotation else "unmarked"
            return f"{label}: {self.session.article.text[row.start:row.end]}"
        return None


class ClaimFilterProxy(QSortFilterProxyModel):
    """Filters rows by label/state and by a search text over quote and note."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.mode = "all"
        self.needle = ""

    def set_mode(self, mode: str) -> None:
        if mode not in FILTERS:
            raise ValueError(mode)
        self._begin()
        self.mode = mode
        self._end()

    def set_search(self, text: str) -> None:
        self._begin()
        self.needle = text.strip().casefold()
        self._end()

    def refilter(self) -> None:
        """Re-evaluate every row (labels or suggestions changed)."""
        self._begin()
        self._end()

    # Qt 6.10 replaced invalidateFilter() by begin/endFilterChange(); 6.9 lacks them.
    def _begin(self) -> None:
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()

    def _end(self) -> None:
        if hasattr(self, "endFilterChange"):
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        if self.mode == "all" and not self.needle:
            return True
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        if self.mode != "all":
            label = model.data(index, LABEL_ROLE)
            status = model.data(index, STATUS_ROLE)
            if self.mode == "orphaned":
                if status != "orphaned":
                    return False
            elif self.mode == "unmarked":
                if label != "none":
                    return False
            elif self.mode == "suggested":
                if model.data(index, SUGGESTION_ROLE) is None:
                    return False
            elif label != self.mode:
                return False
        if self.needle:
            haystack = f"{model.data(index)}\n{model.data(index, NOTE_ROLE)}".casefold()
            return self.needle in haystack
        return True
