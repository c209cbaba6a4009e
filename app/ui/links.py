"""Links in the article: in-page anchors scroll; web links open in the system
browser only after the reader confirms the full address; other schemes never."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices

from app.ui.article_view import ArticleView
from app.ui.dialogs import DialogService


class LinkHandler(QObject):
    def __init__(self, view: ArticleView, dialogs: DialogService,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self._dialogs = dialogs
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        view.linkActivated.connect(self.activate)

    def activate(self, url: QUrl) -> None:
        scheme = url.scheme().lower()
        if not scheme and url.hasFragment():
            self._view.scrollToAnchor(url.fragment())
            return
        if scheme in ("http", "https"):
            if self._dialogs.confirm("Open link in your browser?", url.toString(),
                                     "Open in browser"):
                self.open_url(url)
            return
        if not scheme:  # "other-page.html": a file beside a saved page
            self._dialogs.error("Link not opened",
                                f"“{url.toString()}” is a file beside this page, not a web "
                                "address. To read it, open it with File ▸ Open… (Ctrl+O).")
            return
        self._dialogs.error("Link not opened",
                            f"claimmark opens only web links (http, https), not “{scheme}:” "
                            "links.")
