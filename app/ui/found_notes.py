"""The message bar's offer of this article's notes left under another path (helper N15).

An article moved to another folder opened with no notes of its own: its notes may be
beside its old path, or in the data folder under it (:mod:`app.core.moved_notes`
finds them, and tells the same article from another one of that name). The window's
message bar says so and offers them, never taking them in unasked: "N notes for this
article were found at OLD — Take them in / Not now". Taking them in merges them as
File ▸ Import Notes… does (one undo step) and writes them beside the article; the
file found is left where it was, and the message says both. Several files of its notes
found are offered and taken in together (helper N16: :func:`app.core.moved_notes.gather`).
Not now is remembered for that article and those files in the settings (helper N16: it
was asked again at every opening); File ▸ Offer Notes Found Elsewhere brings it back.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.core.moved_notes import FoundNotes, find_moved_notes, gather, later_versions
from app.core.notes_rescue import without_deleted
from app.ui import settings
from app.ui.annotation_editor import AnnotationEditor
from app.ui.button_style import outline_buttons
from app.ui.commands import ReplaceAll
from app.ui.document_controller import DocumentController
from app.ui.recent_files import RecentFiles
from app.ui.status_widgets import MessageBar, StatusWidgets

PATH_WIDTH = 420  # pixels of the path shown; the whole path is in the tooltip
MAX_DECLINED = 200  # articles whose Not now is remembered (the oldest forgotten first)


def declined(article: str) -> list[str]:
    """The files found for ``article`` the reader said Not now to."""
    return _all_declined().get(article, [])


def decline(article: str, paths: list[str]) -> None:
    """Remember Not now for ``paths`` of ``article`` (the newest article last)."""
    kept = _all_declined()
    before = kept.pop(article, [])
    kept[article] = sorted({*before, *paths})
    _put_declined(dict(list(kept.items())[-MAX_DECLINED:]))


def forget_declined(article: str) -> None:
    kept = _all_declined()
    if kept.pop(article, None) is not None:
        _put_declined(kept)


def _all_declined() -> dict[str, list[str]]:
    try:
        kept = json.loads(settings.get(settings.FOUND_NOT_NOW) or "{}")
    except ValueError:  # damaged by hand: forgotten, never a traceback
        return {}
    if not isinstance(kept, dict):
        return {}
    return {k: [p for p in v if isinstance(p, str)] for k, v in kept.items()
            if isinstance(k, str) and isinstance(v, list)}


def _put_declined(kept: dict[str, list[str]]) -> None:
    settings.put(settings.FOUND_NOT_NOW, json.dumps(kept, ensure_ascii=False))


def _places(found: FoundNotes) -> str:
    """"PATH", or "PATH and 2 other places"."""
    more = len(found.others)
    return f"{found.path}" + (f" and {more} other place{'s' if more > 1 else ''}" if more
                              else "")


class Host(Protocol):
    """What the offer needs of the window."""

    documents: DocumentController
    annotator: AnnotationEditor
    recent: RecentFiles
    status_widgets: StatusWidgets


class FoundNotesOffer(QWidget):
    """The offer, in the status bar left of where the notes are; hidden when none."""

    def __init__(self, host: Host) -> None:
        bar = host.status_widgets.bar
        super().__init__(bar)
        self.setObjectName("foundNotes")
        self._documents, self._annotator, self._recent = (host.documents, host.annotator,
                                                          host.recent)
        self._bar = bar
        self.found: FoundNotes | None = None
        self._article = ""  # the article the offer was looked for (and shown) for
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.take_in = QPushButton("Take them in", self)
        self.not_now = QPushButton("Not now", self)
        outline_buttons(self.take_in, self.not_now, padding="2px 8px")
        for widget in (self.label, self.take_in, self.not_now):
            layout.addWidget(widget)
        bar.insertPermanentWidget(0, self)
        if isinstance(bar, MessageBar):  # the message ends before it
            bar.permanent.insert(0, self)
        self.hide()
        self._documents.articleReady.connect(self._article_ready)
        self.take_in.clicked.connect(self._take_in)
        self.not_now.clicked.connect(self._not_now)

    def text(self) -> str:
        """What the offer says, whole (the label shortens the path)."""
        return self.label.accessibleDescription()

    def offer_again(self) -> None:
        """File ▸ Offer Notes Found Elsewhere: Not now forgotten for this article, and
        its notes looked for again."""
        session = self._documents.session
        if session is None:
            self._bar.showMessage("Open an article first: its notes are looked for under "
                                  "the paths it had", 8000)
            return
        forget_declined(session.article.source_path)
        self._withdraw()
        self._article = ""
        self._article_ready(everywhere=True)
        if not self.isVisible():
            self._bar.showMessage("No notes of this article were found under another path "
                                  "(beside the recent files that are gone, or in the data "
                                  "folder)", 8000)

    def _article_ready(self, everywhere: bool = False) -> None:
        session = self._documents.session
        if session is None:
            return
        path = session.article.source_path
        if path != self._article:  # another article: another offer, asked anew
            self._withdraw()
            self._article = path
        elif self.isVisible():
            return  # reloaded: offered already
        if session.notes_problem is not None:
            return  # the notes file is not used: its own offer comes first
        own: int | None = None  # asked from the menu: every file, whatever is here
        if not everywhere:  # it has notes of its own: only a rescue copy made since
            try:
                own = session.notes_path.stat().st_mtime_ns
            except OSError:
                pass
        found = find_moved_notes(Path(path), session.article.sha256, self._recent.paths(),
                                 own, set(declined(path)))
        if found is not None:
            self._offer(found)

    def _offer(self, found: FoundNotes) -> None:
        self.found = found
        count = (f"{found.total} notes for this article were" if found.total != 1
                 else "1 note for this article was")
        shown = self.label.fontMetrics().elidedText(_places(found),
                                                    Qt.TextElideMode.ElideMiddle, PATH_WIDTH)
        said = f"{count} found at {_places(found)}"
        self.label.setText(f"{count} found at {shown}")
        every = "".join(f"\n{path}" for path in found.paths) if found.others else ""
        self.label.setAccessibleDescription(said + every)
        files = "those files are left where they are" if found.others else \
            "that file is left where it is"
        self.setToolTip(f"{said} ({found.evidence}){every}\nTake them in: they are written "
                        f"beside this article, and {files}.")
        self.show()

    def _withdraw(self) -> None:
        self.found = None
        self.hide()

    def _not_now(self) -> None:
        found = self.found
        self._withdraw()
        if found is not None:
            decline(self._article, [str(path) for path in found.paths])
            self._bar.showMessage(f"The notes found at {_places(found)} stay there, not "
                                  "offered again: File ▸ Offer Notes Found Elsewhere brings "
                                  "the offer back, File ▸ Import Notes… takes them in", 15000)

    def _take_in(self) -> None:
        found, session = self.found, self._documents.session
        self._withdraw()
        if found is None or session is None or session.article.source_path != self._article:
            return
        gathered = gather(found.paths)
        if len(gathered.unread) == len(found.paths):
            path, error = gathered.unread[0]
            self._bar.showMessage(f"{path.name}: {error}; nothing taken in", 15000)
            return
        result = session.import_result(gathered.items)  # merged as Import Notes… merges
        after, newer = later_versions(result.annotations, gathered.notes)
        after, gone = without_deleted(after, session.annotations.values(),
                                      {a.id for a in gathered.notes}, gathered.deleted)
        if result.added or newer or gone:
            self._annotator.undo_stack.push(ReplaceAll(
                session, list(session.annotations.values()), after,
                f"Take in notes from {found.path.name}"))
        if session.last_error:
            return  # the save failed: the window said so, and kept a copy
        also = f", {newer} edited there later taken" if newer else ""
        also += f", {gone} deleted there removed" if gone else ""
        also += "".join(f"; {path.name} not read ({error})" for path, error in gathered.unread)
        files = "those files are left where they were" if found.others else \
            "that file is left where it was"
        self._bar.showMessage(f"Took in the notes found at {_places(found)} "
                              f"({result.summary()}{also}); {files}; they are saved in "
                              f"{session.notes_path}", 0)
