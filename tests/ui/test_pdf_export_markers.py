"""claimmark's own PDF export, opened back in claimmark: its note markers and its legend.

A report marks the text each note is on with "N3" (white on the label's colour) and
explains the markers in a grey legend. Read back, the markers were claims ("N2", "N5"
alone after a paragraph's last sentence) or sat inside them ("…trials N4 that
enrolled…", "N1 Vitamin D supplements…"), and the legend was a claim suggested as
advertising ("a click on the marker goes to the note").
"""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium

from app.core.annotations import annotation_for_span
from app.core.claims import find_claims
from app.core.export import build_export_model
from app.core.export.html_export import to_html
from app.core.load_pdf import load_pdf
from app.core.loaders import load_article
from app.core.pdf_pages import PdfPages
from app.core.suggest import suggest_for_claims
from app.ui.pdf_export import write_pdf

REPORT = """# Vitamin D and Falls in Older Adults

Falls are a leading cause of injury among adults over sixty-five. Vitamin D supplements are
often recommended to prevent them.

We pooled data from twelve randomised trials that enrolled 24,000 participants. The main
outcome was the number of people who fell at least once.

- Supplements did not reduce the risk of falling.
- Only N2 fixation in plants was measured.
"""
SENTENCES = ["Falls are a leading cause of injury among adults over sixty-five.",
             "Vitamin D supplements are often recommended to prevent them.",
             "We pooled data from twelve randomised trials that enrolled 24,000 participants.",
             "The main outcome was the number of people who fell at least once.",
             "Supplements did not reduce the risk of falling.",
             "Only N2 fixation in plants was measured."]  # the article's own "N2" stays
MARKER = re.compile(r"(?<!\w)N\d+(?!\w)")


def _html(tmp_path: Path) -> str:
    source = tmp_path / "report.md"
    source.write_text(REPORT, encoding="utf-8")
    article = load_article(source)
    text = article.text
    claims = find_claims(article)

    def on(words: str, **fields: object) -> object:
        claim = next(c for c in claims if words in text[c.start:c.end])
        return annotation_for_span(text, claim.start, claim.end, **fields)

    def part(words: str, **fields: object) -> object:
        at = text.index(words)
        return annotation_for_span(text, at, at + len(words), **fields)

    notes = [on("Falls are a leading", label="supported"),
             on("Vitamin D supplements", label="uncertain", note="Recommended by whom?"),
             part("twelve randomised trials", label="advertising", note="Which twelve?"),
             on("We pooled", label="supported"),
             on("Supplements did not", label="uncertain"),
             on("Only N2 fixation", label="supported")]
    return to_html(build_export_model(article, notes, len(claims), author="Ada"))


def test_an_exports_markers_are_no_claims_and_its_legend_is_meta(qapp: object,
                                                                 tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    write_pdf(_html(tmp_path), out)
    # To a person the report is as it was: every marker is still drawn in the text.
    drawn = pdfium.PdfDocument(out)[0].get_textpage().get_text_range()
    assert all(f"N{n}" in drawn for n in range(1, 7)), drawn
    read = load_pdf(out)
    claims = find_claims(read)
    said = [read.text[c.start:c.end] for c in claims]
    for sentence in SENTENCES:
        assert sentence in said, (sentence, said)
    assert not [s for s in said if MARKER.search(s.replace("N2 fixation", ""))], said
    blocks = [(b.kind, read.text[b.start:b.end]) for b in read.blocks]
    legend = next(b for b in blocks if "marks the reviewer's note" in b[1])
    assert legend[0] == "meta" and legend[1].startswith("N1 marks"), legend
    assert not any("click on the marker" in s for s in said)
    assert not any(s.label == "advertising" for s in suggest_for_claims(read, claims).values())
    for head in ("N1 Supported", "N2 Uncertain", "N3 Supported", "N4 Advertising",
                 "N5 Uncertain", "N6 Supported"):
        assert ("heading", head) in blocks, head  # a note's head keeps its marker
    assert "Recommended by whom?" in said and "Which twelve?" in said  # the notes' own words
    pages = PdfPages(out)  # View ▸ Original Page finds a claim a marker was drawn inside
    try:
        assert pages.quote_boxes(1, SENTENCES[2])
    finally:
        pages.close()


def test_white_markers_in_a_pdf_another_program_wrote_are_read(qapp: object,
                                                               tmp_path: Path) -> None:
    # The same report printed by Qt without claimmark's Creator: nothing says whose
    # white "N4" is, so it is text like any other.
    from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

    document = QTextDocument()
    document.setHtml(_html(tmp_path))
    out = tmp_path / "other.pdf"
    writer = QPdfWriter(str(out))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    document.print_(writer)
    del writer
    read = load_pdf(out)
    assert any("trials N4 that" in read.text[c.start:c.end] for c in find_claims(read))
