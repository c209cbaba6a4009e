"""Following the open article's notes file, so another writer's notes appear at once.

Tester T9: with the article open, ``claimmark import`` (or a second window)
saved notes; the window took them in only at its next save (notes_merge), so
until the reader edited something they were neither listed nor highlighted.

:class:`NotesWatch` watches the notes file — its folder while there is none
yet, since a writer creates it by renaming a temporary file into place — and
says ``changed`` after a short quiet spell (a writer's temporary file,
rename and ``.bak`` come as several events). Every atomic replace, the
window's own saves included, drops the watch on the replaced file; it is
taken up again at each change. The window's own saves trigger it too: the
session tells them apart by the file's signature and takes in nothing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

QUIET_MS = 300


class NotesWatch(QObject):
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path: Path | None = None
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._seen)
        self._watcher.directoryChanged.connect(self._seen)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(QUIET_MS)
        self._timer.timeout.connect(self._quiet)

    def follow(self, path: Path | None) -> None:
        """Watch ``path`` from now on (None: nothing)."""
        if path != self._path:
            self._timer.stop()
            self._path = path
        self._arm()

    def _arm(self) -> None:
        """Watch the file if it is there, else its folder (to see it made).
        Always anew: after an atomic replace Qt may still list the path while
        watching the old file (kept alive as the ``.bak`` hard link)."""
        watched = self._watcher.files() + self._watcher.directories()
        if watched:
            self._watcher.removePaths(watched)
        if self._path is None:
            return
        if self._path.is_file():
            self._watcher.addPath(str(self._path))
        elif self._path.parent.is_dir():
            self._watcher.addPath(str(self._path.parent))

    def _seen(self, _path: str) -> None:
        self._timer.start()

    def _quiet(self) -> None:
        self._arm()
        self.changed.emit()
