"""W3C Web Annotation collection with an absolute file URI as target source."""

from __future__ import annotations

import json
from pathlib import Path

from app.core.export.model import ExportModel
from app.core.notes_format import ArticleRef, NotesDocument, to_jsonld


def to_jsonld_text(model: ExportModel) -> str:
    article = model.article
    ref = ArticleRef(model.article_uri, article.sha256, article.title, article.format,
                     page_breaks=article.page_breaks)
    doc = NotesDocument(ref, [i.annotation for i in model.items])
    stored = Path(article.source_path).name  # how the notes file names the article
    return json.dumps(to_jsonld(doc, target_source=model.article_uri, stored_source=stored),
                      ensure_ascii=False,
                      indent=1) + "\n"
