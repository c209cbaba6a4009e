"""Writing an export of the open article's notes (the window's File ▸ Export…)."""

from __future__ import annotations

from pathlib import Path

from app.core.export import build_export_model, save_text_export
from app.ui.session import ArticleSession


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
