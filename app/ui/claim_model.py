"""The claims (and other annotated spans) as a Qt item model (claim_filter filters it).

One row per claim in document order, so the list counts the claims however
many notes there are. A note on part of a sentence (a reader's selection,
a Hypothesis quote of a few words) belongs to the claim it starts in: that
row shows it, and its own quote stays as it was. When a claim holds several
notes, the row's note is the one on the whole claim, else the first; the
others are listed with it (``OTHERS_ROLE``). A note on text that is no claim
(a heading, a byline) gets a row of its own, not counted as a claim; notes
that lost their place come last, then page notes and replies. The model
wraps the session's plain data and emits its own signals.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from app.core.article import LINE_SEPARATOR
from app.core.claim_labels import labelled_claims
from app.ui.row_words import spoken_row, status_remark
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
OTHERS_ROLE = Qt.ItemDataRole.UserRole + 9  # the other notes on a claim's row (ids)
NO_TEXT_ROLE = Qt.ItemDataRole.UserRole + 10  # a page note or a reply: marks no text

QUOTE_CHARS = 300


@dataclass(slots=True)
class Row:
    start: int
    end: int
    claim: int | None  # claim index, or None for a free span / orphan
    annotation: str | None  # the row's annotation id (a claim's: on it, else the first in it)
    orphan: bool = False
    others: tuple[str, ...] = ()  # more notes in this claim


class ClaimListModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session: ArticleSession | None = None
        self.rows: list[Row] = []
        self.claim_count = 0  # rows that are claims ("Claim 3 of N")
        self._row_of_annotation: dict[str, int] = {}
        self._span_of: dict[str, tuple[int, int]] = {}  # each note's span when placed in a row
        self._row_of_claim: dict[int, int] = {}
        self.suggestions: dict[int, Any] = {}
        self.show_suggestions = True
        # The claims' spans and starts for labelled_claims, made once per list
        # of claims (an article's), not at every count (18,000 tuples each).
        self._spans_of: tuple[object, list[tuple[int, int]], list[int]] = (None, [], [])

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
        orphans: list[Row] = []  # lost their place, then the page notes (as exported)
        page_notes: list[Row] = []
        if not session.annotations:  # a book without notes: 18,000 spans need no lookup
            return rows
        by_span = {(c.start, c.end): i for i, c in enumerate(session.claims)}
        held: dict[int, list[str]] = {}
        shared: set[int] = set()
        annotations = session.annotations
        for a in annotations.values():
            if session.status.get(a.id) == "orphaned":
                (page_notes if a.marks_no_text else orphans).append(
                    Row(a.start, a.end, None, a.id, orphan=True))
                continue
            claim = by_span.get((a.start, a.end))
            if claim is None:
                claim = self._claim_holding(a.start, a.end)
            if claim is None:
                extra.append(Row(a.start, a.end, None, a.id))
                continue
            ids = held.setdefault(claim, [])
            ids.append(a.id)
            if len(ids) > 1:
                shared.add(claim)
        for claim, ids in held.items():
            row = rows[claim]
            if claim in shared:  # the note on the whole claim first, then in text order
                ids.sort(key=lambda i: ((annotations[i].start, annotations[i].end)
                                        != (row.start, row.end),
                                        annotations[i].start, annotations[i].end))
            row.annotation, row.others = ids[0], tuple(ids[1:])
        if extra:
            rows.extend(extra)
            rows.sort(key=lambda r: (r.start, r.end))
        return rows + orphans + page_notes

    def _claim_holding(self, start: int, end: int) -> int | None:
        """The claim a note on ``[start, end)`` belongs to: the one it starts in,
        else the one it ends in (a quote that begins in the space before)."""
        session = self.session
        if session is None:
            return None
        for position in (start, max(start, end - 1)):
            claim = session.claim_at(position)
            if claim is not None and claim.start <= position < claim.end:
                return claim.index
        return None

    def _index_rows(self) -> None:
        self.claim_count = sum(1 for r in self.rows if r.claim is not None)
        self._row_of_annotation = {ident: i for i, r in enumerate(self.rows)
                                   for ident in ((r.annotation, *r.others) if r.annotation
                                                 else ())}
        self._row_of_claim = {r.claim: i for i, r in enumerate(self.rows) if r.claim is not None}
        # Spans of the notes on part of a claim or on no claim (a row's span is its own).
        notes = self.session.annotations if self.session is not None else {}
        self._span_of = {}
        for r in self.rows:
            for ident in (r.annotation, *r.others) if r.annotation else ():
                a = notes.get(ident)
                if a is not None and (a.start, a.end) != (r.start, r.end):
                    self._span_of[ident] = (a.start, a.end)

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
            if annotation is not None:
                span = (annotation.start, annotation.end)
                if r.orphan == orphan and self._span_of.get(ident, (r.start, r.end)) == span:
                    self.dataChanged.emit(self.index(row), self.index(row))  # an edit
                    return
            elif r.claim is not None and (ident in r.others or not r.others):
                if ident in r.others:
                    r.others = tuple(i for i in r.others if i != ident)
                else:
                    r.annotation = None
                del self._row_of_annotation[ident]
                self.dataChanged.emit(self.index(row), self.index(row))
                return
        elif annotation is not None and not orphan:
            home = self._home_row(annotation.start, annotation.end)
            span = (annotation.start, annotation.end)
            claim_row = self.rows[home] if home is not None else None
            if claim_row is not None and home is not None and (
                    claim_row.annotation is None or self._comes_after(span, claim_row)):
                if claim_row.annotation is None:
                    claim_row.annotation = ident
                else:
                    claim_row.others = (*claim_row.others, ident)
                self._row_of_annotation[ident] = home
                if span != (claim_row.start, claim_row.end):
                    self._span_of[ident] = span
                self.dataChanged.emit(self.index(home), self.index(home))
                return
        self.rebuild()  # a row's notes changed place, or a free span or an orphan did

    def _comes_after(self, span: tuple[int, int], row: Row) -> bool:
        """A new note with ``span`` joins ``row``'s others (else the row's note
        changes: the one on the whole claim, else the first in the text)."""
        whole = (row.start, row.end)
        first = self._span_of.get(row.annotation, whole) if row.annotation else None
        return span != whole and first is not None and (first == whole or first <= span)

    def _home_row(self, start: int, end: int) -> int | None:
        """The claim row a placed note on ``[start, end)`` belongs to (None: its own row)."""
        session = self.session
        if session is None:
            return None
        claim = session.claim_at(start)
        if claim is None or (claim.start, claim.end) != (start, end):
            index = self._claim_holding(start, end)
            return None if index is None else self._row_of_claim.get(index)
        return self._row_of_claim.get(claim.index)

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

    def bring_forward(self, row: int, ident: str) -> None:
        """Make ``ident``, one of the row's other notes, the note the row shows
        and edits (the reader clicked its words); the others keep their order."""
        r = self.rows[row]
        if r.annotation is None or ident not in r.others:
            return
        r.others = tuple(i for i in (r.annotation, *r.others) if i != ident)
        r.annotation = ident
        self.dataChanged.emit(self.index(row), self.index(row))

    def labelled_claims(self) -> set[int]:
        """Claims whose row's note has a label (their suggestion is not shown):
        the rule every "N unmarked" follows (``core/claim_labels.py``)."""
        session = self.session
        if session is None:
            return set()
        claims = session.claims
        kept, spans, starts = self._spans_of
        if kept is not claims:
            spans = [(c.start, c.end) for c in claims]
            starts = [c.start for c in claims]
            self._spans_of = (claims, spans, starts)
        status = session.status
        placed = ((a.start, a.end, a.label) for a in session.annotations.values()
                  if status.get(a.id) != "orphaned")
        return {claims[i].index for i in labelled_claims(spans, placed, starts)}

    def row_for_claim(self, claim_index: int) -> int | None:
        return self._row_of_claim.get(claim_index)

    def row_for_annotation(self, ident: str) -> int | None:
        return self._row_of_annotation.get(ident)

    def words_of(self, row: int | None) -> str:
        """The article's text at a row without a note ("" for any other)."""
        if self.session is None or row is None or self.rows[row].annotation is not None:
            return ""
        return self.session.article.text[self.rows[row].start:self.rows[row].end]

    def row_for_words(self, words: str) -> int | None:
        """The first row without a note whose text reads ``words`` (not "")."""
        return next((i for i in range(len(self.rows)) if self.words_of(i) == words != ""), None)

    # ---- Qt model API ------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows) or self.session is None:
            return None
        row = self.rows[index.row()]
        annotation = self.session.annotations.get(row.annotation) if row.annotation else None
        if role == Qt.ItemDataRole.DisplayRole:
            if row.orphan and annotation is not None:
                quote = annotation.exact
            else:
                quote = self.session.article.text[row.start:row.end]
            quote = quote.replace(LINE_SEPARATOR, " ")  # a wrapped claim on one line
            return quote if len(quote) <= QUOTE_CHARS else quote[:QUOTE_CHARS - 1] + "…"
        if role == LABEL_ROLE:
            return annotation.label if annotation else "none"
        if role == NOTE_ROLE:
            return annotation.note if annotation else ""
        if role == SOURCES_ROLE:
            return list(annotation.sources) if annotation else []
        if role == STATUS_ROLE:
            return self.session.status.get(annotation.id, "exact") if annotation else ""
        if role == NO_TEXT_ROLE:
            return bool(annotation and annotation.marks_no_text)
        if role == SPAN_ROLE:
            return (row.start, row.end)
        if role == ANNOTATION_ID_ROLE:
            return row.annotation or ""
        if role == CLAIM_ROLE:
            return -1 if row.claim is None else row.claim
        if role == OTHERS_ROLE:
            return list(row.others)
        if role == SUGGESTION_ROLE:
            if row.claim is None or not self.show_suggestions:
                return None
            if annotation is not None and annotation.label != "none":
                return None
            return self.suggestions.get(row.claim)
        if role == Qt.ItemDataRole.ToolTipRole:
            return annotation.note or None if annotation else None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            suggestion = self.data(index, SUGGESTION_ROLE)
            status = self.session.status.get(annotation.id, "exact") if annotation else ""
            return spoken_row(
                annotation.label if annotation else None, str(self.data(index)),
                suggestion.label if suggestion is not None else None,
                status_remark(bool(annotation and annotation.marks_no_text), status),
                annotation.note if annotation else "")
        return None
