"""Which rows of the claim list show: the filter box's modes and titles, and
the proxy that filters the rows by mode and by a search text.

Notes not in the article's text are of two kinds, listed apart as the
exports list them (helper I15): lost ones lost their place (re-attach or
delete them); page notes and replies never marked any text (another tool's
note on the whole page, or its reply) and have no place to lose. "Lost their
place" lists only the first, "Page notes and replies" only the second, "Lost
and page notes" both (the lost first: the model's order). Each title counts
its notes.

The search ignores case and accents as the library's does ("ubersicht" finds
"Übersicht", :mod:`app.core.search_fold`). Each row's searched text (its quote,
note and sources) is read from the model and folded once, at the first search
after the rows change, not at every key: asking a 60,000-row model for three
texts a row at each key took seconds (tester T15, F11).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    SignalInstance,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QLineEdit

from app.core.anchoring import Status
from app.core.annotations import Annotation
from app.core.search_fold import fold
from app.ui.claim_model import (
    LABEL_ROLE,
    NO_TEXT_ROLE,
    NOTE_ROLE,
    SOURCES_ROLE,
    STATUS_ROLE,
    SUGGESTION_ROLE,
)

Index = QModelIndex | QPersistentModelIndex

FILTER_TITLES = {"all": "All claims", "supported": "Supported", "uncertain": "Uncertain",
                 "advertising": "Advertising", "unmarked": "Unmarked",
                 "suggested": "Suggested", "changed": "Reworded since labelled",
                 "lost": "Lost their place", "page_notes": "Page notes and replies",
                 "orphaned": "Lost and page notes"}
FILTERS = tuple(FILTER_TITLES)
OFF_TEXT = ("lost", "page_notes", "orphaned")  # the notes not in the text (status orphaned)


def show_off_text_counts(box: QComboBox, status: Mapping[str, Status],
                         annotations: Mapping[str, Annotation]) -> None:
    """Each title of the filters of notes not in the text says how many it
    lists ("Lost their place (2)"); the others list claims and say nothing."""
    off = [ident for ident, s in status.items() if s == "orphaned"]
    pages = sum(1 for ident in off if annotations[ident].marks_no_text)
    for mode, count in (("lost", len(off) - pages), ("page_notes", pages),
                        ("orphaned", len(off))):
        index = box.findData(mode)
        if index >= 0:
            box.setItemText(index, f"{FILTER_TITLES[mode]} ({count})" if count
                            else FILTER_TITLES[mode])


class ClaimFilterProxy(QSortFilterProxyModel):
    """Filters rows by label/state and by a search text over quote and note."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.mode = "all"
        self.query = ""  # the search as typed (stripped)
        self.needle = ""  # and folded
        # Each source row's searched text folded; None until a search needs
        # them after the rows changed. ``_read`` holds those read so far.
        self._folded: list[str] | None = None
        self._read: list[str] = []
        self._then: Callable[[], None] | None = None  # when read_ahead is done
        self._found: set[int] | None = None  # the rows the search finds

    def setSourceModel(self, model: QAbstractItemModel) -> None:  # noqa: N802
        """Connected before the proxy itself is (Qt calls slots in the order
        they were connected), so that rows are read again before it filters them."""
        old = self.sourceModel()
        if old is not None:
            for signal in self._resets(old):
                signal.disconnect(self._forget)
            old.dataChanged.disconnect(self._rows_changed)
        if model is not None:
            for signal in self._resets(model):
                signal.connect(self._forget)
            model.dataChanged.connect(self._rows_changed)
        self._forget()
        super().setSourceModel(model)

    @staticmethod
    def _resets(model: QAbstractItemModel) -> tuple[SignalInstance, ...]:
        return (model.modelReset, model.rowsInserted, model.rowsRemoved, model.rowsMoved,
                model.layoutChanged)

    def _forget(self) -> None:
        self._folded, self._found, self._read = None, None, []

    def _rows_changed(self, top: QModelIndex, bottom: QModelIndex,
                      _roles: Sequence[int] = ()) -> None:
        if self._folded is None:
            del self._read[top.row():]  # read again from there
            return
        rows = range(top.row(), bottom.row() + 1)
        if len(rows) > 100 or rows.stop > len(self._folded):
            self._forget()  # suggestions of every row: read again when searched
            return
        for row in rows:
            self._folded[row] = fold(self._row_text(row))
            if self._found is not None:
                self._found.discard(row)
                if self.needle in self._folded[row]:
                    self._found.add(row)

    def set_mode(self, mode: str) -> None:
        if mode not in FILTERS:
            raise ValueError(mode)
        self._begin()
        self.mode = mode
        self._end()

    def set_search(self, text: str) -> None:
        self._begin()
        self.query = text.strip()
        self.needle = fold(self.query)
        self._found = None
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
        if self.mode == "all":  # a search alone asks the model nothing (60,000 rows a key)
            return not self.needle or source_row in self._found_rows()
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        if self.mode != "all":
            label = model.data(index, LABEL_ROLE)
            status = model.data(index, STATUS_ROLE)
            if self.mode in ("orphaned", "changed"):
                if status != ("fuzzy" if self.mode == "changed" else "orphaned"):
                    return False
            elif self.mode in OFF_TEXT:  # lost, or page notes: never both
                if status != "orphaned" or \
                        model.data(index, NO_TEXT_ROLE) != (self.mode == "page_notes"):
                    return False
            elif self.mode == "unmarked":
                if label != "none":
                    return False
            elif self.mode == "suggested":
                if model.data(index, SUGGESTION_ROLE) is None:
                    return False
            elif label != self.mode:
                return False
        return not self.needle or source_row in self._found_rows()

    # ---- the search ---------------------------------------------------------
    def _row_text(self, row: int) -> str:
        """What the search looks in: the row's quote, note and sources."""
        model = self.sourceModel()
        index = model.index(row, 0)
        sources = "\n".join(model.data(index, SOURCES_ROLE) or [])  # T9: "18397984"
        return f"{model.data(index)}\n{model.data(index, NOTE_ROLE)}\n{sources}"

    def _found_rows(self) -> set[int]:
        """The rows whose folded text holds the folded search. Part of a
        character's folding counts ("stras" finds "Straße" while "strasse" is
        typed: a row does not vanish and come back between two keys)."""
        if self._found is None:
            folded = self._read_rows(None)
            needle = self.needle
            self._found = {row for row, text in enumerate(folded) if needle in text}
        return self._found

    def _read_rows(self, most: int | None) -> list[str]:
        """Read (at most ``most``) more rows; every row's folded text once all are."""
        if self._folded is None:
            count = self.sourceModel().rowCount()
            start = len(self._read)
            stop = count if most is None else min(count, start + most)
            self._read.extend(fold(self._row_text(row)) for row in range(start, stop))
            if len(self._read) >= count:
                self._folded, self._read = self._read[:count], []
        return self._folded if self._folded is not None else self._read

    def read_ahead(self, then: Callable[[], None]) -> None:
        """Read the rows' texts a slice at a time between events, then call
        ``then`` (at once when they are read): a book's 60,000 rows took 1.3 s
        read at once, the window frozen meanwhile."""
        pending, self._then = self._then, then
        if pending is None:
            self._read_slice()

    def _read_slice(self) -> None:
        self._read_rows(READ_SLICE_ROWS)
        if self._folded is None:
            QTimer.singleShot(0, self, self._read_slice)
            return
        then, self._then = self._then, None
        if then is not None:
            then()


class SearchTyping(QObject):
    """The search box's text to the search: at once in a list of up to
    ``AT_ONCE_ROWS`` rows, else when typing pauses (``PAUSE_MS``), so that a
    key shows in the box at once in a book's list too (T15 F11: "t" showed
    after 1.9 s in 60,968 claims). An emptied box, Enter and Down search at
    once (Enter and Down then go on to the matches)."""

    AT_ONCE_ROWS = 5_000
    PAUSE_MS = 250

    def __init__(self, box: QLineEdit, proxy: ClaimFilterProxy,
                 search: Callable[[str], None]) -> None:
        super().__init__(box)
        self._box, self._proxy, self._search = box, proxy, search
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.PAUSE_MS)
        self._timer.timeout.connect(lambda: proxy.read_ahead(self._paused))
        box.textChanged.connect(self._changed)
        box.installEventFilter(self)

    def _changed(self, text: str) -> None:
        if not text.strip() or self._proxy.sourceModel().rowCount() <= self.AT_ONCE_ROWS:
            self._timer.stop()
            self._search(text)
        else:
            self._timer.start()

    def _paused(self) -> None:
        if not self._timer.isActive() and self._proxy.query != self._box.text().strip():
            self._search(self._box.text())

    def flush(self) -> None:
        """Search now for what the box holds, if that is still to be done."""
        self._timer.stop()
        if self._proxy.query != self._box.text().strip():
            self._search(self._box.text())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and \
                isinstance(event, QKeyEvent) and event.key() in GO_KEYS:
            self.flush()
        return False


READ_SLICE_ROWS = 2_000  # ~40 ms
GO_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down)
