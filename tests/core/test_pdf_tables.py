"""Table rows in PDFs read the same way row after row (tester T10's handout),
and a running head is never a table row."""

from __future__ import annotations

from pathlib import Path

from app.core.claims import find_claims
from app.core.loaders import load_article
from app.core.pdf_blocks import PdfBlock
from app.core.pdf_tables import mark_table_headers, mark_table_rows


def blocks_of(path: Path) -> list[tuple[str, str]]:
    article = load_article(path)
    return [(b.kind, article.text[b.start:b.end]) for b in article.blocks]


def test_every_row_of_a_table_is_a_row_with_its_cells_apart(tmp_path: Path) -> None:
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    path = tmp_path / "handout.pdf"
    body = getSampleStyleSheet()["BodyText"]
    SimpleDocTemplate(str(path)).build([
        Paragraph("Many websites say vitamin C cures colds, but the evidence is weak.", body),
        Table([["Claim", "Evidence"], ["Vitamin C shortens colds", "Small effect"],
               ["Zinc prevents colds", "Unclear"]]),
        Paragraph("Source: a Cochrane review of 2013.", body)])
    blocks = blocks_of(path)
    assert blocks[1:4] == [("table_header", "Claim | Evidence"),
                           ("table_row", "Vitamin C shortens colds | Small effect"),
                           ("table_row", "Zinc prevents colds | Unclear")]
    article = load_article(path)
    claims = [article.text[c.start:c.end] for c in find_claims(article)]
    assert not any("colds |" in claim or "Small effect" in claim for claim in claims)


def test_a_running_head_ending_in_the_page_number_goes_on_every_page(tmp_path: Path) -> None:
    """T10: "Chapter 2" on PDF page 2 read as that page's number, so page 1's
    copy of the head counted once and stayed, as a table row."""
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "heads.pdf"
    canvas = Canvas(str(path), pagesize=(595, 842))
    for number, text in ((14, "Teachers described the club as an important part of the day."),
                         (15, "Finally, cost matters: the club cost 40p per child per day.")):
        canvas.setFont("Helvetica-Oblique", 8)
        canvas.drawString(72, 802, "Breakfast clubs: a pilot evaluation")
        canvas.drawRightString(523, 802, "Chapter 2")
        canvas.setFont("Times-Roman", 11)
        canvas.drawString(72, 760, text)
        canvas.setFont("Helvetica", 9)
        canvas.drawCentredString(297, 40, str(number))
        canvas.showPage()
    canvas.save()
    blocks = blocks_of(path)
    assert {kind for kind, _ in blocks} == {"paragraph"}
    assert not any("Chapter" in text or "Breakfast clubs" in text for _, text in blocks)


def test_a_head_above_page_ones_title_is_meta(tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "journal.pdf"
    canvas = Canvas(str(path), pagesize=(595, 842))
    canvas.setFont("Helvetica", 8)
    canvas.drawString(72, 805, "Nutrients 2019, 11, 812")
    canvas.drawRightString(523, 805, "doi:10.3390/nu11040812")
    canvas.setFont("Times-Bold", 18)
    canvas.drawString(72, 760, "Fruit at school and attention in class")
    canvas.setFont("Times-Roman", 11)
    for k in range(30):
        canvas.drawString(72, 720 - 14 * k, f"Pupils in class {k + 1} who ate fruit at school "
                          "scored higher on the test than the year before.")
    canvas.save()
    blocks = blocks_of(path)
    assert blocks[0] == ("meta", "Nutrients 2019, 11, 812 | doi:10.3390/nu11040812")
    assert "table_row" not in [kind for kind, _ in blocks]


def row(text: str, kind: str = "paragraph", cells: tuple[str, ...] = ()) -> PdfBlock:
    return PdfBlock(kind, text, 1, cells=cells)  # type: ignore[arg-type]


def test_a_row_set_close_joins_a_row_with_as_many_cells_and_no_more() -> None:
    blocks = [row("A | B", "table_row", ("A", "B")),
              row("one two", cells=("one", "two")),
              row("three four", cells=("three", "four")),  # beside a row found here only
              row("x | y | z", "table_row", ("x", "y", "z")),
              row("p q", cells=("p", "q")),  # two cells beside a row of three
              row("A line of prose set with wide spaces beside a formula",
                  cells=("A line of prose set with", "wide spaces")),
              row("m | n", "table_row", ("m", "n"))]
    mark_table_rows(blocks)
    mark_table_headers(blocks)
    assert [(b.kind, b.text) for b in blocks] == [
        ("table_header", "A | B"), ("table_row", "one | two"), ("paragraph", "three four"),
        ("table_row", "x | y | z"), ("paragraph", "p q"),
        ("paragraph", "A line of prose set with wide spaces beside a formula"),
        ("table_row", "m | n")]
