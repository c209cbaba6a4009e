"""The recent-files list (kept in the settings) and how each entry is named.

Signals:
    changed(list): the recent paths, newest first.
"""

from __future__ import annotations

from pathlib import PurePath

from PySide6.QtCore import QObject, Signal

from app.ui import settings


def distinguishing_labels(paths: list[str]) -> list[str]:
    """A short label per path: the file name alone when it is unique in the
    list, else the name and as much of its folder as tells it from the others
    with the same name (``article.txt — blog/2024`` and ``article.txt — news``)."""
    parts = [PurePath(p).parts for p in paths]
    labels = []
    for index, these in enumerate(parts):
        name, folders = these[-1], these[:-1]
        twins = [other[:-1] for i, other in enumerate(parts)
                 if i != index and other[-1:] == these[-1:]]
        if not twins:
            labels.append(name)
            continue
        depth = 1
        while depth < len(folders) and any(t[-depth:] == folders[-depth:] for t in twins):
            depth += 1
        shown = "/".join(folders[-depth:]).replace("//", "/")
        prefix = "…/" if depth < len(folders) else ""
        labels.append(f"{name} — {prefix}{shown}")
    return labels


class RecentFiles(QObject):
    changed = Signal(list)

    def paths(self) -> list[str]:
        return list(settings.get(settings.RECENT_FILES))

    def add(self, path: str) -> None:
        self.changed.emit(settings.add_recent(path))

    def renamed(self, old: str, new: str) -> None:
        """The file at ``old`` is now ``new`` (a rename followed): one entry, in its place."""
        self.changed.emit(settings.rename_recent(old, new))
