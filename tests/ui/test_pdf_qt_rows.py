"""A paper printed by Qt's PDF writer (tester T11): PDFium runs rows together
there, so the affiliations, the abstract and the keywords came as one line (and
one meta block), headings were glued into paragraphs and the references were one
paragraph of claims."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

from app.core.claims import find_claims
from app.core.loaders import load_article

_PAPER = """
<p align="center" style="font-size:16pt"><b>Vitamin D supplementation and fracture risk in
older adults: a randomised trial</b></p>
<p align="center">Anna Berg<sup>1</sup>, Tomas Lind<sup>1,2</sup>, Mei Chen<sup>3</sup></p>
<p align="center"><i><sup>1</sup>Department of Medicine, Uppsala University, Sweden;
<sup>2</sup>Karolinska Institutet; <sup>3</sup>University of Hong Kong</i></p>
<p><b>Abstract.</b> Vitamin D supplements are widely recommended for older adults to prevent
fractures. We randomly assigned 2,400 adults aged 70 years or older to 20 µg of vitamin D3
daily or placebo for three years. Vitamin D did not reduce fracture risk in this
population.</p>
<p><b>1. Introduction</b></p>
<p>Low vitamin D status is common in older adults, especially in northern
latitudes.<sup>1,2</sup> However, earlier trials gave conflicting results.<sup>4-6</sup></p>
<p><b>2. Discussion</b></p>
<p>Our findings agree with recent large trials such as VITAL<sup>9</sup> and
D-Health.<sup>10</sup> Vitamin D supplementation may still benefit people with very low
levels, but this needs further study.</p>
<p><b>References</b></p>
<p>1. Holick MF. Vitamin D deficiency. N Engl J Med. 2007;357:266-281.<br>
2. Cashman KD, et al. Vitamin D deficiency in Europe: pandemic? Am J Clin Nutr.
2016;103:1033-1044.</p>
"""


def _print(path: Path, resolution: int | None = None) -> Path:
    document = QTextDocument()
    document.setHtml(f'<html><body style="font-family: serif; font-size: 10pt">{_PAPER}'
                     "</body></html>")
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    if resolution is not None:  # T11's script: the page given in the writer's pixels
        writer.setResolution(resolution)
        document.setPageSize(QSizeF(writer.width(), writer.height()))
    document.print_(writer)
    del writer
    return path


@pytest.mark.parametrize("resolution", [None, 300])
def test_rows_pdfium_ran_together_are_read_apart(qapp, tmp_path: Path,
                                                 resolution: int | None) -> None:
    article = load_article(_print(tmp_path / "qt.pdf", resolution))
    blocks = [(b.kind, article.text[b.start:b.end]) for b in article.blocks]
    claims = [article.text[c.start:c.end] for c in find_claims(article)]
    assert ("heading", "1. Introduction") in blocks
    assert ("heading", "2. Discussion") in blocks
    assert [text for kind, text in blocks if kind == "reference"] == [
        "1. Holick MF. Vitamin D deficiency. N Engl J Med. 2007;357:266-281.",
        "2. Cashman KD, et al. Vitamin D deficiency in Europe: pandemic? Am J Clin Nutr. "
        "2016;103:1033-1044."]
    assert "Vitamin D did not reduce fracture risk in this population." in claims
    assert not [claim for claim in claims if "Department" in claim or "Berg" in claim]
    assert "However, earlier trials gave conflicting results.[4-6]" in claims
    # "…such as VITAL" / "⁹ and D-" + "Health.¹⁰ …": PDFium's line opened with the mark.
    assert "Our findings agree with recent large trials such as VITAL[9] and D-Health.[10]" in (
        claims)



def test_original_page_finds_every_claim_of_a_qt_print(qapp, tmp_path: Path) -> None:
    """View ▸ Original Page: each claim read from rows PDFium ran together is found
    on its page (tiny print too: a 300 dpi writer given a page size in pixels)."""
    from app.core.article import page_at
    from app.core.pdf_pages import PdfPages

    for path in (_print(tmp_path / "qt.pdf"), _print(tmp_path / "tiny.pdf", 300)):
        article = load_article(path)
        pages = PdfPages(path)
        try:
            for claim in find_claims(article):
                quote = article.text[claim.start:claim.end]
                assert pages.quote_boxes(page_at(article, claim.start) or 1, quote), quote
        finally:
            pages.close()


def test_a_line_drawn_again_under_the_clip_is_read_once(qapp, tmp_path: Path) -> None:
    """Qt draws each page as the whole layout, moved and clipped: with the page
    given in the writer's points and margins set, the line before a page break
    is drawn again inside the next page's top margin, hidden. It was read
    twice ("Mean Baseline characteristics …" and a lone "Mean")."""
    sentences = [f"Participant group {k} took vitamin D every morning and reported how well "
                 f"they slept during the following weeks of the trial." for k in range(1, 61)]
    document = QTextDocument()
    document.setHtml("<p>" + " ".join(sentences) + "</p>")
    path = tmp_path / "clipped.pdf"
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A5))
    writer.setPageMargins(QMarginsF(20, 20, 20, 20))
    writer.setResolution(72)
    document.setPageSize(QSizeF(writer.width(), writer.height()))
    document.print_(writer)
    del writer
    article = load_article(path)
    assert len(article.page_breaks) > 1  # (the paragraph crosses a page break)
    assert [article.text[c.start:c.end] for c in find_claims(article)] == sentences
