"""File ▸ Reopen with Encoding: the reader corrects the encoding claimmark
guessed for a text or HTML file (as a browser's Text Encoding menu does). The
choice is remembered for that file (``settings.ENCODINGS``) and used when it is
opened again; "Automatic" forgets it. The notes re-anchor as after any change.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from app.core.reading import DAMAGED_UTF8, ENCODING_TITLES, codec_name, encoding_title
from app.ui import settings
from app.ui.document_controller import DocumentController
from app.ui.session import ArticleSession

REOPENABLE = frozenset(("txt", "md", "html"))  # PDFs, EPUBs and MHTML say their own
MENU_NAME = "reopenEncodingMenu"
AUTOMATIC = "encoding_automatic"


def action_name(encoding: str) -> str:
    """The name of ``encoding``'s entry among the window's actions."""
    return f"encoding_{codec_name(encoding).replace('-', '_')}"


def with_letters(titles: list[str]) -> list[str]:
    """``titles`` each with a menu letter no title before it has taken."""
    taken: set[str] = set()
    marked = []
    for title in titles:
        at = next((i for i, ch in enumerate(title)
                   if ch.isalnum() and ch.lower() not in taken), None)
        if at is None:
            marked.append(title.replace("&", "&&"))
            continue
        taken.add(title[at].lower())
        marked.append(f"{title[:at]}&{title[at:]}")
    return marked


class EncodingMenu(QObject):
    """Fills File ▸ Reopen with Encoding and keeps it true to the open article:
    on for text and HTML, the encoding in use checked."""

    def __init__(self, window: QWidget, actions: dict[str, QAction],
                 documents: DocumentController) -> None:
        super().__init__(window)
        menu = window.findChild(QMenu, MENU_NAME)
        assert menu is not None, "window_actions.build_menus makes it"
        self._menu, self._actions, self._documents = menu, actions, documents
        group = QActionGroup(self)
        titles = with_letters(["Automatic", *ENCODING_TITLES.values()])
        for encoding, title in zip((None, *ENCODING_TITLES), titles, strict=True):
            action = QAction(title, window)
            action.setCheckable(True)
            name = AUTOMATIC if encoding is None else action_name(encoding)
            action.setObjectName(f"action_{name}")
            action.triggered.connect(lambda _=False, e=encoding: self._chosen(e))
            group.addAction(action)
            menu.addAction(action)
            if encoding is None:
                action.setToolTip("Detect the encoding, as when the file was first opened")
                menu.addSeparator()
            actions[name] = action
        menu.setEnabled(False)
        documents.sessionChanged.connect(self._session_changed)

    def _chosen(self, encoding: str | None) -> None:
        """Read the article again in ``encoding`` (None: detected), remembered for
        it; notes the wrong reading cannot place are lost until a right one."""
        session = self._documents.session
        if session is None:
            return
        path = session.article.source_path
        settings.choose_encoding(path, encoding)
        said = encoding_title(encoding) if encoding else "its detected encoding"
        self._documents.reload(f"Reopening {Path(path).name} as {said}…", "reopened")

    def _session_changed(self, session: ArticleSession) -> None:
        article = session.article
        self._menu.setEnabled(article.format in REOPENABLE)
        chosen = settings.chosen_encoding(article.source_path)
        automatic = self._actions[AUTOMATIC]
        detected = "" if chosen or article.encoding == DAMAGED_UTF8 else article.encoding
        short = encoding_title(detected).split(" (")[0]  # "Windows-1252", not its region
        automatic.setText(f"&Automatic (detected {short})" if detected else "&Automatic")
        checked = self._actions.get(action_name(chosen)) if chosen else automatic
        (checked or automatic).setChecked(True)
