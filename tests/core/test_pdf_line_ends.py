"""How a PDF paragraph's rows join: the superscript sweep's last cut sentences
(session 12 left 21 of 160 reportlab layouts wrong)."""

from __future__ import annotations

from pathlib import Path

from app.core.claims import find_claims
from app.core.loaders import load_article

_TEXT = (
    "Low vitamin D status is common in older adults, especially in northern latitudes."
    "<super>1,2</super> Observational studies have linked low serum 25-hydroxyvitamin D "
    "concentrations to a higher risk of hip fracture.<super>3</super> However, earlier "
    "trials gave conflicting results.<super>4-6</super> Some trials combined vitamin D with "
    "calcium, which may have contributed to the benefit seen in institutionalised women."
    "<super>7</super> Cells were seeded at 1.5 x 10<super>6</super> cells/ml over 4 cm"
    "<super>2</super> of skin, and breastfed infants<super>8</super> were excluded from the "
    "analysis.")
_WANT = [
    "Low vitamin D status is common in older adults, especially in northern latitudes.[1,2]",
    "Observational studies have linked low serum 25-hydroxyvitamin D concentrations to a "
    "higher risk of hip fracture.[3]",
    "However, earlier trials gave conflicting results.[4-6]",
    "Some trials combined vitamin D with calcium, which may have contributed to the benefit "
    "seen in institutionalised women.[7]",
    "Cells were seeded at 1.5 x 10⁶ cells/ml over 4 cm² of skin, and breastfed infants[8] "
    "were excluded from the analysis."]


def _claims(path: Path, font: str, width: int, align: int = 0) -> list[str]:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    style = getSampleStyleSheet()["BodyText"].clone("s", fontName=font, fontSize=9.5,
                                                   leading=12, alignment=align)
    SimpleDocTemplate(str(path), pagesize=A4, leftMargin=57,
                      rightMargin=595 - 57 - width).build([Paragraph(_TEXT, style)])
    article = load_article(path)
    return [article.text[c.start:c.end] for c in find_claims(article)]


def test_a_row_that_ends_in_a_superscript_keeps_its_space_before_the_next_row(
        tmp_path: Path) -> None:
    """PDFium gave "…1.5 x 10⁶" / "cells/ml over…" (no space character: the row
    ended there); the next row was read as glued to the mark: "10⁶cells/ml",
    "cm²of skin" (17 of the 21 layouts)."""
    for font, width, align in (("Times-Roman", 243, 0), ("Times-Roman", 411, 4),
                               ("Helvetica", 369, 0), ("Helvetica", 257, 4)):
        assert _claims(tmp_path / f"{font}-{width}.pdf", font, width, align) == _WANT, (
            font, width)


def test_a_ragged_row_short_before_a_long_word_goes_on(tmp_path: Path) -> None:
    """Left-aligned text: "…have linked low serum" stopped at two thirds of the
    column because "25-hydroxyvitamin" did not fit after it; a row under 0.7 of
    the column ended the paragraph, and the sentence was cut in two claims (the
    last 3 of the 21 layouts)."""
    for font, width in (("Times-Roman", 201), ("Helvetica", 187), ("Helvetica", 215)):
        assert _claims(tmp_path / f"{font}-{width}.pdf", font, width) == _WANT, (font, width)


def _drawn_list(path: Path, marks: int = 0) -> list[tuple[str, str]]:
    """Three items with a disc drawn before each (as Qt draws them), a paragraph
    before them whose last row is full, and ``marks`` dots of a drawing."""
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path))
    canvas.setFont("Times-Roman", 10)
    rows = ["Most people can get all the vitamin D they need from sunlight between",
            "March and September, and these groups should take a daily supplement"]
    items = ["babies from birth to one year old who are being breastfed by the mother",
             "children aged one to four years old who are growing fast in the winter",
             "people who are not often outdoors"]
    y = 760.0
    for row in rows:
        canvas.drawString(72, y, row)
        y -= 12
    for item in items:
        canvas.circle(86, y + 3.3, 1.7, stroke=0, fill=1)
        canvas.drawString(93, y, item)
        y -= 12
    for k in range(marks):
        canvas.rect(72 + k % 40 * 10, 300 + k // 40 * 10, 3, 3, stroke=0, fill=1)
    canvas.save()
    article = load_article(path)
    return [(b.kind, article.text[b.start:b.end]) for b in article.blocks]


def test_a_bullet_drawn_as_a_shape_starts_a_list_item(tmp_path: Path) -> None:
    blocks = _drawn_list(tmp_path / "list.pdf")
    assert [text for kind, text in blocks if kind == "list_item"] == [
        "babies from birth to one year old who are being breastfed by the mother",
        "children aged one to four years old who are growing fast in the winter",
        "people who are not often outdoors"], blocks
    # Many small shapes on a page are a drawing: nothing is read as a bullet there.
    assert not [kind for kind, _ in _drawn_list(tmp_path / "dots.pdf", 600)
                if kind == "list_item"]


def test_a_page_of_very_many_objects_is_not_walked_for_bullets(tmp_path: Path,
                                                               monkeypatch) -> None:
    """A hostile page of a million shapes would cost a second or more to walk."""
    from app.core import pdf_bullets

    monkeypatch.setattr(pdf_bullets, "MAX_OBJECTS", 100)
    assert not [kind for kind, _ in _drawn_list(tmp_path / "many.pdf", 100)
                if kind == "list_item"]
    monkeypatch.setattr(pdf_bullets, "MAX_OBJECTS", 1000)
    assert [kind for kind, _ in _drawn_list(tmp_path / "some.pdf", 100)
            if kind == "list_item"] == ["list_item"] * 3


def test_urw_courier_is_monospaced() -> None:
    """dblatex (shared-mime-info's spec, bzip2's manual) and groff set code in
    URW's NimbusMonL, whose flags do not say it is fixed-pitch."""
    from app.core.pdf_chars import is_mono_name

    for name in ("NimbusMonL-Bold", "NimbusMonoPS-Regular", "Courier", "CMTT10", "SFTT1000",
                 "DejaVuSansMono"):
        assert is_mono_name(name), name
    for name in ("NimbusRomNo9L-Regu", "NimbusSanL-Bold", "Times-Roman", "CMR10", "Helvetica"):
        assert not is_mono_name(name), name


def _mixed(path: Path, rows: list[list[tuple[str, str]]]) -> list[str]:
    """Rows of (font, text) runs drawn one under the other, 12 pt apart."""
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path))
    for k, runs in enumerate(rows):
        text = canvas.beginText(72, 760 - 12 * k)
        for font, words in runs:
            text.setFont(font, 9 if font.startswith("Courier") else 10)
            text.textOut(words)
        canvas.drawText(text)
    canvas.save()
    article = load_article(path)
    return [article.text[c.start:c.end] for c in find_claims(article)]


def test_a_row_that_opens_and_ends_with_code_words_is_read_in_its_text_face(
        tmp_path: Path) -> None:
    """shared-mime-info's spec: "• alias elements … given by the type" opens and
    ends with a word in bold code type; two of the three letters asked were code,
    so the row read as 9 pt bold, and "attribute." after it as a paragraph apart."""
    claims = _mixed(tmp_path / "alias.pdf", [
        [("Courier-Bold", "alias"), ("Times-Roman", " elements indicate that the type is "
                                     "also sometimes known by another name, given by the "),
         ("Courier-Bold", "type")],
        [("Times-Roman", "attribute. For example, audio/midi has an alias of audio/x-midi.")]])
    assert claims[0] == ("alias elements indicate that the type is also sometimes known by "
                         "another name, given by the type attribute."), claims


def test_a_row_all_in_code_type_ends_the_sentence_above_it(tmp_path: Path) -> None:
    """bzip2's manual, valgrind's: "…you should definitely not include" /
    "bzlib_private.h." — the row in code type became a code block and the sentence
    was cut. A code block after a colon (or after a sentence) stays code."""
    claims = _mixed(tmp_path / "code.pdf", [
        [("Times-Roman", "To use the library in a program of your own, you should definitely "
                         "not include")],
        [("Courier", "bzlib_private.h.")],
        [("Times-Roman", "Include bzlib.h instead, as in this short example that opens a file:")],
        [("Courier", "int main(void) {")],
        [("Courier", "    return BZ2_bzopen(name, mode) != NULL;")],
        [("Courier", "}")]])
    assert claims == [
        "To use the library in a program of your own, you should definitely not include "
        "bzlib_private.h.",
        "Include bzlib.h instead, as in this short example that opens a file:"], claims
