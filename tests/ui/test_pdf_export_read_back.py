"""claimmark's own PDF export, opened back in claimmark: its headings are headings.

Qt set the article's <h3> at 10.8 pt under 12-point paragraphs (a size step from
its 9-point default font won over the style sheet's size), so "1. Introduction"
and each note's "N1 Supported" read as claims of the exported report.
"""

from __future__ import annotations

from pathlib import Path

from app.core.annotations import annotation_for_span
from app.core.claims import find_claims
from app.core.export import build_export_model
from app.core.export.html_export import to_html
from app.core.load_pdf import load_pdf
from app.core.loaders import load_article
from app.core.pdf_lines import iter_pages, open_pdf
from app.ui.pdf_export import write_pdf

REPORT = """# Vitamin D and Falls in Older Adults

## 1. Introduction

Falls are a leading cause of injury among adults over sixty-five. Vitamin D supplements are
often recommended to prevent them.

## 2. Methods

We pooled data from twelve randomised trials that enrolled 24,000 participants.

### 2.1 Outcomes

The main outcome was the number of people who fell at least once.

## 3. Results

Supplements did not reduce the risk of falling.
"""


def _exported(tmp_path: Path) -> tuple[list[tuple[str, str]], list[str], dict[str, float]]:
    source = tmp_path / "report.md"
    source.write_text(REPORT, encoding="utf-8")
    article = load_article(source)
    text = article.text
    claims = find_claims(article)

    def on(words: str, **fields: object) -> object:
        claim = next(c for c in claims if words in text[c.start:c.end])
        return annotation_for_span(text, claim.start, claim.end, **fields)

    notes = [on("Falls are a leading", label="supported"),  # a label and no note, then
             on("Vitamin D supplements", label="uncertain", note="Recommended by whom?"),
             on("We pooled", label="supported", note="Checked the trial list.")]
    out = tmp_path / "report.pdf"
    write_pdf(to_html(build_export_model(article, notes, len(claims), author="Ada")), out)
    read = load_pdf(out)
    sizes = {line.text: line.size for page in iter_pages(open_pdf(out.read_bytes(), out.name))
             for line in page.lines}
    return ([(b.kind, read.text[b.start:b.end]) for b in read.blocks],
            [read.text[c.start:c.end] for c in find_claims(read)], sizes)


def test_the_articles_headings_and_the_notes_labels_are_headings(qapp: object,
                                                                 tmp_path: Path) -> None:
    blocks, claims, sizes = _exported(tmp_path)
    # Set in the style sheet's sizes, larger than the 12-point paragraphs as in a browser.
    assert sizes["1. Introduction"] >= 14.5 and sizes["2.1 Outcomes"] >= 12.5, sizes
    for heading in ("1. Introduction", "2. Methods", "2.1 Outcomes", "3. Results",
                    "N1 Supported", "N2 Uncertain", "N3 Supported"):
        assert ("heading", heading) in blocks, heading
        assert heading not in claims
    assert "Supplements did not reduce the risk of falling." in claims
    assert "Recommended by whom?" in claims  # a note's own words are the reviewer's claims


def test_an_export_made_before_its_headings_were_sized_reads_them_as_headings(
        qapp: object, tmp_path: Path) -> None:
    # How claimmark printed a report until session 15: Qt's own heading sizes, from
    # its 9-point default font, under 12-point paragraphs (<h3> 10.8 pt, <h4> 9 pt).
    from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

    document = QTextDocument()
    document.setHtml("<html><body style=\"font-family: 'DejaVu Serif'; font-size: 12pt\">"
                     "<h3 style=\"font-family: 'DejaVu Sans'\">1. Introduction</h3>"
                     "<p>Falls are a leading cause of injury among adults over sixty-five. "
                     "Vitamin D supplements are often recommended to prevent them.</p>"
                     "<h4 style=\"font-family: 'DejaVu Sans'\">1.1 Outcomes</h4>"
                     "<p>The main outcome was the number of people who fell at least once.</p>"
                     "</body></html>")
    out = tmp_path / "old.pdf"
    writer = QPdfWriter(str(out))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    document.print_(writer)
    del writer
    read = load_pdf(out)
    blocks = [(b.kind, read.text[b.start:b.end]) for b in read.blocks]
    assert ("heading", "1. Introduction") in blocks and ("heading", "1.1 Outcomes") in blocks
    assert [read.text[c.start:c.end] for c in find_claims(read)][-1] == (
        "The main outcome was the number of people who fell at least once.")
