"""Writing an export of the open article's notes (the window's File ▸ Export…).

``ExportingMixin`` is the main window's part: choose a format and a file, write.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from app.core.export import build_export_model, save_text_export
from app.ui import settings
from app.ui.session import ArticleSession

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object


def write_export(session: ArticleSession, fmt: str, path: str | Path,
                 author: str | None = None) -> None:
    """Write ``session``'s notes as ``fmt`` to ``path``; OSError on failure."""
    model = build_export_model(session.article, list(session.annotations.values()),
                               len(session.claims), status=dict(session.status), author=author)
    if fmt == "pdf":
        from app.core.export.html_export import to_html
        from app.ui.pdf_export import write_pdf

        write_pdf(to_html(model), path, title=session.article.title)
        return
    save_text_export(model, fmt, str(path))


class ExportingMixin(_Base):
    def export_notes(self) -> None:
        """File ▸ Export…: choose a format and a file; write it."""
        if self.session is None:
            return
        self.editor.commit_note()
        names = {"Markdown (.md)": "md", "HTML (.html)": "html", "PDF (.pdf)": "pdf",
                 "CSV for spreadsheets (.csv)": "csv", "W3C Web Annotation (.jsonld)": "jsonld",
                 "schema.org ClaimReview (.json)": "claimreview"}
        choice = self.dialogs.choose("Export notes", "Format:", list(names))
        if choice is None:
            return
        fmt = names[choice]
        from app.core.export import SUFFIXES

        article_path = Path(self.session.article.source_path)
        suggested = str(article_path.with_name(article_path.stem + "-notes" + SUFFIXES[fmt]))
        path = self.dialogs.save_path("Export notes", suggested, f"{choice} (*{SUFFIXES[fmt]})")
        if not path:
            return
        self.progress_bar.setRange(0, 0)  # busy: a book's PDF takes a moment
        self.progress_bar.show()
        self.statusBar().showMessage(f"Exporting {Path(path).name}…")
        QApplication.processEvents()
        try:
            write_export(self.session, fmt, path, settings.get(settings.AUTHOR) or None)
        except OSError as error:
            self.dialogs.error("Export failed", f"Cannot write {path}: {error.strerror or error}")
            return
        finally:
            self.progress_bar.hide()
            self.progress_bar.setRange(0, 1000)
        self.statusBar().showMessage(f"Exported to {path}", 10000)
        self.exported.emit(path)

    def set_author(self) -> None:
        from app.core.export.model import default_author

        current = settings.get(settings.AUTHOR) or default_author()
        name = self.dialogs.ask_text("Author name", "Your name, as the reviewer in "
                                     "ClaimReview exports:", current)
        if name is not None:
            settings.put(settings.AUTHOR, name.strip())
