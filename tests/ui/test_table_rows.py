"""A Markdown pipe table in the article view: one block a row, as the text
contract says, with the bars between cells drawn as grey rules."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QTextDocument

from app.core.loaders import load_article
from app.ui.document_builder import CELL_RULE_COLOR, build_document

TABLE = """Shops sell several salts.

| Form | Note |
|------|------|
| Oxide 💊 | Poor. Most of it stays in the gut. |
| Citrate | Good, especially on an empty stomach. |
"""


def test_cell_bars_are_grey_and_the_text_is_unchanged(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "salts.md"
    path.write_text(TABLE, encoding="utf-8")
    article = load_article(str(path))
    document = QTextDocument()
    build_document(article, document, QColor("#0000ee"))
    assert document.toPlainText().replace("\u2029", "\n") == article.text
    rows = [b for b in article.blocks if b.kind in ("table_header", "table_row")]
    assert len(rows) == 3
    for row in rows:
        block = document.findBlock(_utf16(article.text[:row.start]))
        colors: dict[str, set[str]] = {"|": set(), "text": set()}
        for fragment_iter in block:
            fragment = fragment_iter.fragment()
            color = fragment.charFormat().foreground().color().name()
            for char in fragment.text():
                colors["|" if char == "|" else "text"].add(color)
        assert colors["|"] == {CELL_RULE_COLOR.lower()}, row
        assert CELL_RULE_COLOR.lower() not in colors["text"], row


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2
