"""Superscript citation markers in PDFs (tester T10: "fruit5", "12%3,4")."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from app.core.claims import find_claims
from app.core.export import build_export_model
from app.core.export.claimreview import to_claimreviews
from app.core.loaders import load_article
from app.core.pdf_superscripts import CANDIDATE, cites_after, is_raised, with_markers


def test_a_raised_number_cites_after_a_word_or_a_sentence_not_as_a_power() -> None:
    for before in ("Pupils who ate fruit", "as others found.", "Smith et al.", "by 12%",
                   "between 1918 and 1920.", "called “superfood”", "Hemilä", "(2020)."):
        assert cites_after(before), before
    for before in ("1.5 x 10", "25 mg/m", "an area of 4 cm", "the form y", "Ca", "x",
                   "(a + b)", "P(x) = x", "SOURCE_DATE_EPOCH", "2 = 1 +dx", ""):
        assert not cites_after(before), before


def test_only_smaller_raised_characters_are_superscripts() -> None:
    assert is_raised(7.0, 4.0, 11.0)  # reportlab's <super> at 11 pt
    assert not is_raised(11.0, 4.0, 11.0)  # same size: a line above, not a superscript
    assert not is_raised(7.0, 0.0, 11.0)  # on the baseline: small type, not raised
    assert not is_raised(7.0, -3.0, 11.0)  # lowered: a subscript (CO₂)


def test_citing_runs_read_as_bracketed_markers_and_powers_stay() -> None:
    text = "fruit5 scored 12%3,4 and 10-3 ml in 4 cm2, as found.6"
    runs = [(5, 6), (17, 20), (27, 29), (40, 41), (52, 53)]  # the raised ones
    # A power is written in superscript digits, as it is drawn.
    assert with_markers(text, runs) == "fruit[5] scored 12%[3,4] and 10⁻³ ml in 4 cm², as found.[6]"
    # A run at the start of a line cites after the line before it.
    assert with_markers("1 and severe", [(0, 1)], "breastfed infants") == "[1] and severe"
    assert with_markers("6 cells/ml", [(0, 1)], "1.5 x 10") == "⁶ cells/ml"
    # After a bracket or an identifier a raised number is neither: left as it was.
    assert with_markers("(a + b)2 SOURCE_DATE_EPOCH1", [(7, 8), (26, 27)]) == (
        "(a + b)2 SOURCE_DATE_EPOCH1")


_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")


@given(st.text(alphabet="abcdef .,%1234-", max_size=40), st.data())
def test_markers_only_add_brackets(text: str, data: st.DataObject) -> None:
    """A run read as a marker gains brackets and loses only its inner spaces,
    a power is written in superscript; nothing else of the line changes, and a
    line without runs is kept as is."""
    runs = [m.span() for m in CANDIDATE.finditer(text)]
    chosen = sorted(data.draw(st.lists(st.sampled_from(runs), unique=True))) if runs else []
    marked = with_markers(text, chosen).translate(_DIGITS)
    inner = sum(text[a:b].count(" ") for a, b in chosen)
    assert marked.replace("[", "").replace("]", "").replace(" ", "") == text.replace(" ", "")
    assert marked.count(" ") >= text.count(" ") - inner
    assert with_markers(text, []) == text


def _paper(path: Path) -> Path:
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    body = getSampleStyleSheet()["BodyText"]
    SimpleDocTemplate(str(path)).build([Paragraph(text, body) for text in (
        "Teachers reported<super>2</super> better attention after breakfast in the autumn "
        "term. Iron intake in the intervention schools rose by 12%<super>3,4</super>. Pupils "
        "who ate fruit<super>5</super> scored higher on the test, as others found.<super>6"
        "</super> The effect faded by the summer term.",
        "Cells were seeded at 1.5 x 10<super>6</super> cells/ml, the dose was 25 "
        "mg/m<super>2</super> per week over 4 cm<super>2</super> of skin.",
        "References",
        "5. Lee H. Fruit at school. Nutrients 2019;11:812.")])
    return path


def test_a_superscript_citation_in_a_pdf_reads_as_a_marker(tmp_path: Path) -> None:
    article = load_article(_paper(tmp_path / "superscripts.pdf"))
    claims = [article.text[c.start:c.end] for c in find_claims(article)]
    assert claims[:4] == [
        "Teachers reported[2] better attention after breakfast in the autumn term.",
        "Iron intake in the intervention schools rose by 12%[3,4].",
        "Pupils who ate fruit[5] scored higher on the test, as others found.[6]",
        "The effect faded by the summer term."]
    # Powers are not citations: they are written as powers.
    assert ("Cells were seeded at 1.5 x 10⁶ cells/ml, the dose was 25 mg/m² per week over "
            "4 cm² of skin.") in claims


def test_claimreview_drops_a_pdf_superscript_marker(tmp_path: Path) -> None:
    from app.core.annotations import annotation_for_span

    path = _paper(tmp_path / "superscripts.pdf")
    article = load_article(path)
    claims = find_claims(article)
    claim = next(c for c in claims if "fruit" in article.text[c.start:c.end])
    note = annotation_for_span(article.text, claim.start, claim.end, label="uncertain")
    review, = to_claimreviews(build_export_model(article, [note], claims))
    assert review["claimReviewed"] == (
        "Pupils who ate fruit scored higher on the test, as others found.")


def test_a_superscript_where_pdfium_broke_the_line_leaves_no_space(tmp_path: Path) -> None:
    """PDFium ends its line after a superscript drawn on its own ("12%³˒⁴" then
    "."): the two are read with no space between, as they are drawn."""
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "canvas.pdf"
    canvas = Canvas(str(path))
    x = 72.0
    for text, raised in (("Iron intake rose by 12%", False), ("3,4", True), (".", False),
                         (" Pupils who ate fruit", False), ("5", True),
                         (" scored higher.", False)):
        size = 7 if raised else 11
        canvas.setFont("Times-Roman", size)
        canvas.drawString(x, 704 if raised else 700, text)
        x += canvas.stringWidth(text, "Times-Roman", size)
    canvas.save()
    article = load_article(path)
    assert [article.text[c.start:c.end] for c in find_claims(article)] == [
        "Iron intake rose by 12%[3,4].", "Pupils who ate fruit[5] scored higher."]


def test_a_power_in_superscript_is_no_citation_marker() -> None:
    from app.core.citations import find_markers

    text = ("Over 4 cm² of skin, 10⁶ cells, 10⁻³ ml/s and y² = x³ grew; sleep¹ helps.² "
            "Magnesium³ too.")
    assert [text[m.start:m.end] for m in find_markers(text)] == ["¹", "²", "³"]


def test_original_page_finds_claims_with_markers_and_powers(tmp_path: Path) -> None:
    """View ▸ Original Page: "fruit[5]" and "10⁶" are "fruit5" and "106" on the page."""
    from app.core.pdf_pages import PdfPages

    path = _paper(tmp_path / "superscripts.pdf")
    article = load_article(path)
    pages = PdfPages(path)
    try:
        for claim in find_claims(article):
            quote = article.text[claim.start:claim.end]
            assert pages.quote_boxes(1, quote), quote
    finally:
        pages.close()


def test_a_justified_line_broken_after_a_superscript_stays_one_sentence(tmp_path: Path) -> None:
    """Tester T11: in a justified column PDFium ended its line after "fracture.³"
    and the rest of the row ("However, earlier trials gave") came 0.95 em on;
    the sentence "However, … conflicting results." was cut in two claims."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    style = getSampleStyleSheet()["BodyText"].clone("j", fontName="Times-Roman",
                                                   fontSize=9.5, leading=12, alignment=4)
    path = tmp_path / "justified.pdf"
    SimpleDocTemplate(str(path), pagesize=A4, leftMargin=51, rightMargin=306).build([Paragraph(
        "Low vitamin D status is common in older adults, especially in northern "
        "latitudes.<super>1,2</super> Observational studies have linked low serum "
        "25-hydroxyvitamin D concentrations to a higher risk of hip fracture.<super>3</super> "
        "However, earlier trials gave conflicting results.<super>4-6</super> Some trials "
        "combined vitamin D with calcium, which may have contributed to the benefit seen in "
        "institutionalised women.<super>7</super>", style)])
    article = load_article(path)
    claims = [article.text[c.start:c.end] for c in find_claims(article)]
    assert "However, earlier trials gave conflicting results.[4-6]" in claims, claims


def test_a_power_minus_may_open_pdfiums_line() -> None:
    """Qt's PDFs: PDFium breaks "a clearance of 10" / "-3 ml/s"; the raised "-3"
    opens the line and is a power of the number before ("10 -3" was read)."""
    assert [m.group() for m in CANDIDATE.finditer("-3 ml/s and Ca")] == ["-3"]
    assert with_markers("-3 ml/s", [(0, 2)], "with a clearance of 10") == "⁻³ ml/s"


def test_a_mark_pdfium_put_on_the_next_line_joins_its_word_with_no_space() -> None:
    """Qt at 72 dpi: "latitudes." then "¹˒² Observational…" as the next line, its
    mark 0.16 em after the full stop's glyph box (a space is a quarter em or more);
    it read "latitudes. [1,2]", a citation apart from its sentence."""
    from app.core.pdf_lines import Line, _rows_joined

    words = Line("especially in northern latitudes.", 61.7, 434.0, 100.0, 444.2, 13.0, False)
    mark = Line("[1,2] Observational studies", 102.1, 434.0, 300.0, 444.2, 13.0, False,
                glued=True)
    joined, = _rows_joined(iter([words, mark]))
    assert joined.text == "especially in northern latitudes.[1,2] Observational studies"


def test_a_mark_pdfium_set_on_a_line_of_its_own_stays_with_its_word(tmp_path: Path) -> None:
    """PDFium gave "institutionalised" / "women." / "7" / " Cells were seeded…": the
    mark, alone on its line, was never joined to "women." (its box is above that
    of a word with no ascender), and "[7] Cells…" became a paragraph of its own."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    style = getSampleStyleSheet()["BodyText"].clone("l", fontName="Times-Roman",
                                                   fontSize=9.5, leading=12)
    path = tmp_path / "mark-alone.pdf"
    SimpleDocTemplate(str(path), pagesize=A4, leftMargin=57, rightMargin=337).build([Paragraph(
        "Low vitamin D status is common in older adults, especially in northern latitudes."
        "<super>1,2</super> Observational studies have linked low serum 25-hydroxyvitamin D "
        "concentrations to a higher risk of hip fracture.<super>3</super> However, earlier "
        "trials gave conflicting results.<super>4-6</super> Some trials combined vitamin D with "
        "calcium, which may have contributed to the benefit seen in institutionalised women."
        "<super>7</super> Cells were seeded at 1.5 x 10<super>6</super> cells/ml over 4 cm"
        "<super>2</super> of skin, and breastfed infants<super>8</super> were excluded from the "
        "analysis.", style)])
    article = load_article(path)
    claims = [article.text[c.start:c.end] for c in find_claims(article)]
    assert ("Some trials combined vitamin D with calcium, which may have contributed to the "
            "benefit seen in institutionalised women.[7]") in claims, claims
    assert ("Cells were seeded at 1.5 x 10⁶ cells/ml over 4 cm² of skin, and breastfed "
            "infants[8] were excluded from the analysis.") in claims, claims


def test_rows_with_superscripts_do_not_read_as_a_paragraph_break(tmp_path: Path) -> None:
    """The gap between two rows was measured between their glyph boxes: a row
    with a superscript reaches up to the row above, so in a short text the usual
    gap fell under 1 pt, and a row with no descender ("…have linked low") before
    one with ascenders ("serum 25-hydroxy…") read as a paragraph break."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    style = getSampleStyleSheet()["BodyText"].clone("l", fontName="Times-Roman",
                                                   fontSize=9.5, leading=12)
    path = tmp_path / "rows.pdf"
    SimpleDocTemplate(str(path), pagesize=A4, leftMargin=57, rightMargin=281).build([Paragraph(
        "Low vitamin D status is common in older adults, especially in northern latitudes."
        "<super>1,2</super> Observational studies have linked low serum 25-hydroxyvitamin D "
        "concentrations to a higher risk of hip fracture.<super>3</super> However, earlier "
        "trials gave conflicting results.<super>4-6</super> Some trials combined vitamin D with "
        "calcium, which may have contributed to the benefit seen in institutionalised women."
        "<super>7</super> Cells were seeded at 1.5 x 10<super>6</super> cells/ml over 4 cm"
        "<super>2</super> of skin, and breastfed infants<super>8</super> were excluded from the "
        "analysis.", style)])
    article = load_article(path)
    claims = [article.text[c.start:c.end] for c in find_claims(article)]
    assert ("Observational studies have linked low serum 25-hydroxyvitamin D concentrations "
            "to a higher risk of hip fracture.[3]") in claims, claims
