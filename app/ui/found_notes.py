"""The message bar's offer of this article's notes left under another path (helper N15).

An article moved to another folder opened with no notes of its own: its notes may be
beside its old path, or in the data folder under it (:mod:`app.core.moved_notes`
finds them, and tells the same article from another one of that name). The window's
message bar says so and offers them, never taking them in unasked: "N notes for this
article were found at OLD — Take them in / Not now". Taking them in merges them as
File ▸ Import Notes… does (one undo step) and writes them beside the article; the
file found is left where it was, and the message says both. Not now asks again at
the article's next opening (not at a reload, nor while it stays open).
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.core.annotation_jsonld import annotation_from_jsonld
from app.core.article import LoadError
from app.core.importing import ImportFormatError, parse_payload
from app.core.moved_notes import FoundNotes, find_moved_notes, later_versions
from app.core.notes_rescue import recorded_deletions, without_deleted
from app.core.reading import read_bytes
from app.core.storage import MAX_NOTES_BYTES
from app.ui.annotation_editor import AnnotationEditor
from app.ui.button_style import outline_buttons
from app.ui.commands import ReplaceAll
from app.ui.document_controller import DocumentController
from app.ui.recent_files import RecentFiles
from app.ui.status_widgets import MessageBar, StatusWidgets

PATH_WIDTH = 420  # pixels of the path shown; the whole path is in the tooltip


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
        self._declined = False  # Not now, for that article while it is open
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

    def _article_ready(self) -> None:
        session = self._documents.session
        if session is None:
            return
        path = session.article.source_path
        if path != self._article:  # another article: another offer, asked anew
            self._withdraw()
            self._article, self._declined = path, False
        elif self.isVisible() or self._declined:
            return  # reloaded: offered already
        if session.notes_problem is not None:
            return  # the notes file is not used: its own offer comes first
        try:  # it has notes of its own: only a rescue copy made since is looked for
            own: int | None = session.notes_path.stat().st_mtime_ns
        except OSError:
            own = None
        found = find_moved_notes(Path(path), session.article.sha256, self._recent.paths(),
                                 own)
        if found is not None:
            self._offer(found)

    def _offer(self, found: FoundNotes) -> None:
        self.found = found
        count = (f"{found.count} notes for this article were" if found.count != 1
                 else "1 note for this article was")
        shown = self.label.fontMetrics().elidedText(str(found.path),
                                                    Qt.TextElideMode.ElideMiddle, PATH_WIDTH)
        said = f"{count} found at {found.path}"
        self.label.setText(f"{count} found at {shown}")
        self.label.setAccessibleDescription(said)
        self.setToolTip(f"{said} ({found.evidence}). Take them in: they are written beside "
                        "this article, and that file is left where it is.")
        self.show()

    def _withdraw(self) -> None:
        self.found = None
        self.hide()

    def _not_now(self) -> None:
        found = self.found
        self._withdraw()
        self._declined = True
        if found is not None:
            self._bar.showMessage(f"The notes found at {found.path} stay there: offered again "
                                  "at the next opening, or File ▸ Import Notes… takes them in",
                                  15000)

    def _take_in(self) -> None:
        found, session = self.found, self._documents.session
        self._withdraw()
        if found is None or session is None or session.article.source_path != self._article:
            return
        try:
            data = read_bytes(found.path, MAX_NOTES_BYTES)
            items = parse_payload(data)
        except (ImportFormatError, LoadError) as error:
            self._bar.showMessage(f"{found.path.name}: {error}; nothing taken in", 15000)
            return
        result = session.import_result(items)  # merged as File ▸ Import Notes… merges
        theirs = [annotation_from_jsonld(item) for item in items]
        after, newer = later_versions(result.annotations, theirs)
        after, gone = without_deleted(after, session.annotations.values(),
                                      {a.id for a in theirs}, recorded_deletions(data))
        if result.added or newer or gone:
            self._annotator.undo_stack.push(ReplaceAll(
                session, list(session.annotations.values()), after,
                f"Take in notes from {found.path.name}"))
        if session.last_error:
            return  # the save failed: the window said so, and kept a copy
        also = f", {newer} edited there later taken" if newer else ""
        also += f", {gone} deleted there removed" if gone else ""
        self._bar.showMessage(f"Took in the notes found at {found.path} ({result.summary()}"
                              f"{also}); that file is left where it was; they are saved in "
                              f"{session.notes_path}", 0)
