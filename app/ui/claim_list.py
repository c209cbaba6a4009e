"""The claim list's view: laid out in batches, and still scrolled to the row asked for.

A book has tens of thousands of claims, so the list lays its rows out in
batches (``QListView.LayoutMode.Batched``) and stays responsive while it does.
But Qt's ``scrollTo`` does nothing for a row not laid out yet: after End in the
article of a 7,932-claim book the current row was the last one while the list
stayed on chapter 1 (tester T15, F6), and a reload's restored row did the same.
So a scroll to a row not yet laid out is asked again, a few times a second,
until the row is in sight or another row has been asked for; and a new
layout (a reset, a reload) brings the current row back into sight.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QTimer
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

BATCH_ROWS = 200
RETRY_MS = 40
RETRIES = 250  # 10 s: a book's layout on a loaded two-core machine


class ClaimList(QListView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUniformItemSizes(True)  # a book has tens of thousands of rows
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(BATCH_ROWS)
        self._pending = QPersistentModelIndex()
        self._hint = QAbstractItemView.ScrollHint.EnsureVisible
        self._tries = 0
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self._scroll_again)

    def scrollTo(self, index: QModelIndex | QPersistentModelIndex,  # noqa: N802 (Qt's name)
                 hint: QAbstractItemView.ScrollHint
                 = QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        super().scrollTo(index, hint)
        self._pending, self._hint, self._tries = QPersistentModelIndex(index), hint, 0
        self._check()

    def doItemsLayout(self) -> None:  # noqa: N802 (Qt's name)
        """A new layout (the model reset, a reload, the theme) starts the batches
        again from the top: keep the current row in sight through it."""
        super().doItemsLayout()
        current = self.currentIndex()
        if current.isValid():
            self._pending, self._tries = QPersistentModelIndex(current), 0
            self._retry.start()

    def in_sight(self, index: QModelIndex | QPersistentModelIndex) -> bool:
        """Whether ``index``'s row is drawn in the viewport now."""
        return self.viewport().rect().intersects(self.visualRect(index))

    def _check(self) -> None:
        if not self._pending.isValid() or self.in_sight(self._pending) \
                or self._tries >= RETRIES:
            self._pending = QPersistentModelIndex()
            self._retry.stop()
            return
        self._retry.start()

    def _scroll_again(self) -> None:
        if not self._pending.isValid():
            return
        self._tries += 1
        super().scrollTo(self._pending, self._hint)
        self._check()
