"""Which rows of the claim list show: the filter box's modes and titles, and
the proxy that filters the rows by mode and by a search text.

Notes not in the article's text are of two kinds, listed apart as the
exports list them (helper I15): lost ones lost their place (re-attach or
delete them); page notes and replies never marked any text (another tool's
note on the whole page, or its reply) and have no place to lose. "Lost their
place" lists only the first, "Page notes and replies" only the second, "Lost
and page notes" both (the lost first: the model's order). Each title counts
its notes.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel
from PySide6.QtWidgets import QComboBox

from app.core.anchoring import Status
from app.core.annotations import Annotation
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
        if self.needle:
            sources = "\n".join(model.data(index, SOURCES_ROLE) or [])  # T9: "18397984"
            haystack = (f"{model.data(index)}\n{model.data(index, NOTE_ROLE)}\n"
                        f"{sources}").casefold()
            return self.needle in haystack
        return True
