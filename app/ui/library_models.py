"""Item models of the Library window: the articles, and the search hits by article."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from app.core.library import ArticleEntry, Hit
from app.ui.note_preview import plain_note
from app.ui.palette import LABEL_COLORS, LABEL_MARKS

Index = QModelIndex | QPersistentModelIndex
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
HIT_ROLE = Qt.ItemDataRole.UserRole + 2
HTML_ROLE = Qt.ItemDataRole.UserRole + 3
COLUMNS = ("Title", "Labels", "File", "Last edited")  # "File": its whole path (T15, F8)
TITLE, BAR, FOLDER, EDITED = range(4)
MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"  # snippet marks no note contains

SortKey = Callable[[ArticleEntry], Any]
SORTS: dict[str, tuple[str, SortKey, bool]] = {
    "title": ("Title", lambda e: (e.title.casefold(), e.path), False),
    "folder": ("Folder", lambda e: (e.folder.casefold(), e.title.casefold()), False),
    "advertising": ("Most advertising",
                    lambda e: (e.counts.get("advertising", 0), _share(e, "advertising")), True),
    "uncertain": ("Most uncertain",
                  lambda e: (e.counts.get("uncertain", 0), _share(e, "uncertain")), True),
    "modified": ("Last edited", lambda e: (e.modified, e.path), True),
}
COLUMN_SORTS = {TITLE: "title", BAR: "advertising", FOLDER: "folder", EDITED: "modified"}


def _share(entry: ArticleEntry, label: str) -> float:
    total = max(entry.claims or 0, sum(entry.counts.values()), 1)
    return entry.counts.get(label, 0) / total


def counts_text(entry: ArticleEntry) -> str:
    c = entry.counts
    unmarked = "?" if entry.unmarked is None else str(entry.unmarked)
    return (f"{c.get('supported', 0)} supported, {c.get('uncertain', 0)} uncertain, "
            f"{c.get('advertising', 0)} advertising, {unmarked} unmarked")


class ArticleTableModel(QAbstractTableModel):
    """The library's articles, one row each, sorted by one of :data:`SORTS`."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.entries: list[ArticleEntry] = []
        self.sort_key = "title"

    def set_entries(self, entries: list[ArticleEntry]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self._sort()
        self.endResetModel()

    def sort_by(self, key: str) -> None:
        if key not in SORTS:
            raise ValueError(key)
        self.layoutAboutToBeChanged.emit()
        self.sort_key = key
        self._sort()
        self.layoutChanged.emit()

    def _sort(self) -> None:
        _title, key, descending = SORTS[self.sort_key]
        self.entries.sort(key=key, reverse=descending)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_by(COLUMN_SORTS.get(column, "title"))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        entry = self.entries[index.row()]
        column = index.column()
        if role == ENTRY_ROLE:
            return entry
        if role == Qt.ItemDataRole.DisplayRole:
            if column == TITLE:
                return ("⚠ " if entry.problem else "") + entry.title
            if column == BAR:
                return counts_text(entry)
            if column == FOLDER:  # copies of one article differ by their files only
                return entry.path
            if column == EDITED:
                return local_time(entry.modified)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"{entry.path}\n{counts_text(entry)}"
            return f"{tip}\n⚠ {entry.problem}" if entry.problem else tip
        if role == Qt.ItemDataRole.AccessibleTextRole:  # each cell its own column (T13)
            if column == FOLDER:
                return f"Folder {entry.folder}"
            if column == EDITED:
                return f"Last edited {local_time(entry.modified)}"
            if column == BAR:
                return counts_text(entry)
            title = f"{entry.title}: {counts_text(entry)}"
            return f"{title}. Could not be read: {entry.problem}" if entry.problem else title
        return None


class HitTreeModel(QStandardItemModel):
    """Search hits grouped by article: an article row, its hits under it."""

    def set_hits(self, hits: list[Hit]) -> None:
        self.clear()
        groups: dict[str, QStandardItem] = {}
        for hit in hits:
            parent = groups.get(hit.path)
            if parent is None:
                parent = QStandardItem(hit.title)
                parent.setEditable(False)
                parent.setToolTip(hit.path)
                groups[hit.path] = parent
                self.appendRow(parent)
            item = QStandardItem(f"{LABEL_MARKS.get(hit.label, '·')} {hit.exact}")
            item.setEditable(False)
            item.setData(hit, HIT_ROLE)
            item.setData(hit_html(hit), HTML_ROLE)
            item.setToolTip(plain_note(hit.note) or hit.exact)
            item.setData(f"{hit.label}: {hit.exact}. Note: {plain_note(hit.note)}",
                         Qt.ItemDataRole.AccessibleTextRole)
            parent.appendRow(item)
        for path, parent in groups.items():
            count = parent.rowCount()
            parent.setText(f"{parent.text()} — {count} note{'s' if count != 1 else ''}")
            parent.setData(path, ENTRY_ROLE)


def hit_html(hit: Hit, quote: str | None = None) -> str:
    """The quote (or ``quote``, the view's shortened one), then the snippet
    with its matches in bold."""
    color = LABEL_COLORS[hit.label].name() if hit.label in LABEL_COLORS else "palette(mid)"
    if quote is None:
        quote = hit.exact if len(hit.exact) <= 160 else hit.exact[:159] + "…"
    snippet = html.escape(plain_note(hit.snippet))  # the note's words, not its Markdown
    snippet = snippet.replace(MARK_OPEN, "<b>").replace(MARK_CLOSE, "</b>")
    return (f"<span style='color:{color}; font-weight:bold'>"
            f"{LABEL_MARKS.get(hit.label, '·')}</span> “{html.escape(quote)}”"
            f"<br><span style='margin-left:12px'>{snippet}</span>")


def local_time(stamp: str) -> str:
    """A note's W3C ``modified`` (UTC, "…Z", or with an offset) in this computer's
    time zone, as the reader's clock reads (UTC shown as local was hours off)."""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp.replace("T", " ").rstrip("Z")
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%Y-%m-%d %H:%M:%S")
