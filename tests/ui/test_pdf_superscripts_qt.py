"""Superscripts in a PDF written by Qt (tester T10): PDFium breaks the line
before the raised number there, not after it as in reportlab's PDFs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

from app.core.claims import find_claims
from app.core.loaders import load_article


def test_a_superscript_opening_pdfiums_line_is_read_with_its_word(qapp, tmp_path: Path) -> None:
    path = tmp_path / "qt.pdf"
    document = QTextDocument()
    document.setHtml(
        "<p>Risk factors include age, dark skin, obesity, malabsorption, bariatric surgery "
        "and breastfed infants<sup>1</sup> and severe deficiency affects one in eight "
        "people in Europe.<sup>2</sup> The role of diet in rickets was found between 1918 "
        "and 1920.<sup>3</sup> Cells were seeded at 1.5 x 10<sup>6</sup> cells/ml over "
        "4 cm<sup>2</sup> of skin.</p>")
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    document.print_(writer)
    del writer
    article = load_article(path)
    claims = [article.text[c.start:c.end] for c in find_claims(article)]
    assert claims[0].startswith("Risk factors include")
    assert "breastfed infants[1] and severe" in claims[0]
    assert claims[0].endswith("in Europe.[2]")
    assert claims[1] == "The role of diet in rickets was found between 1918 and 1920.[3]"
    assert claims[2] == "Cells were seeded at 1.5 x 10⁶ cells/ml over 4 cm² of skin."
