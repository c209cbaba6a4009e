"""Shapes of real TeX-made PDFs the made-up papers lacked (the tester's PDFs in /usr/share/doc)."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen.canvas import Canvas

from app.core.claims import find_claims
from app.core.load_pdf import load_pdf
from app.core.pdf_lines import iter_pages, open_pdf

PAGE_W, PAGE_H = letter
PARAGRAPHS = [
    ["MakeIndex is a program for making an index in a document generated with",
     "LaTeX. The first step is to put the necessary index commands in your",
     "document, as described in the next section. Here, I describe how to",
     "generate the index after the index commands are in place."],
    ["You then run LaTeX on your entire document, causing it to generate the",
     "file myfile.idx, which I will call the idx file. Next, run the program",
     "by typing the command shown below on the line that follows this one."],
]


def scaled_text_pdf(path: Path) -> Path:
    """Lines set in a 1-point font scaled up by the text matrix, as dvips output does."""
    c = Canvas(str(path), pagesize=letter, invariant=1)
    y = PAGE_H - 100
    for paragraph in PARAGRAPHS:
        for text in paragraph:
            obj = c.beginText()
            obj.setFont("Times-Roman", 1)
            obj.setTextTransform(10.9, 0, 0, 10.9, 90, y)
            obj.textOut(text)
            c.drawText(obj)
            y -= 13.5
        y -= 9
    c.showPage()
    c.save()
    return path


def test_a_font_scaled_by_the_text_matrix_keeps_its_paragraphs(tmp_path: Path) -> None:
    article = load_pdf(scaled_text_pdf(tmp_path / "scaled.pdf"))
    paragraphs = [article.text[b.start:b.end] for b in article.blocks if b.kind == "paragraph"]
    assert paragraphs == [" ".join(p) for p in PARAGRAPHS]
    claims = [article.text[c.start:c.end] for c in find_claims(article)]
    assert "Here, I describe how to generate the index after the index commands are in " \
        "place." in claims


def draw_runs(c: Canvas, x: float, y: float, runs: list[tuple[str, str]], size: float = 10.0
              ) -> None:
    """One line made of runs of text in different fonts, like TeX's \\texttt in a sentence."""
    obj = c.beginText(x, y)
    for font, text in runs:
        obj.setFont(font, size)
        obj.textOut(text)
    c.drawText(obj)


ENTRIES = [  # (term, first line, second line) of a LaTeX description list, as btxdoc has
    ("mastersthesis", "A Master's thesis. Required fields: author, title, school,",
     [("Courier", "year"), ("Times-Roman", ". Optional fields: "),
      ("Courier", "type, address, month, note"), ("Times-Roman", ".")]),
    ("phdthesis", "A PhD thesis. Required fields: author, title, school, year. Op-",
     [("Times-Roman", "tional fields: "), ("Courier", "type, address, month, note"),
      ("Times-Roman", ".")]),
    ("proceedings", "The proceedings of a conference. Required fields: title, year.",
     [("Times-Roman", "Optional fields: editor, volume or number, series, address.")]),
]


def description_list_pdf(path: Path) -> Path:
    """Entries with a hanging indent whose second lines mix typewriter and roman words."""
    c = Canvas(str(path), pagesize=letter, invariant=1)
    y = PAGE_H - 120
    for term, first, second in ENTRIES:
        draw_runs(c, 135, y, [("Times-Bold", term + " "), ("Times-Roman", first)])
        draw_runs(c, 160, y - 12, second)
        y -= 30
    c.showPage()
    c.save()
    return path


def test_a_word_broken_at_a_hanging_indent_is_mended_and_mixed_type_lines_are_prose(
        tmp_path: Path) -> None:
    """Neither the second line's indent nor its typewriter words start a new block."""
    article = load_pdf(description_list_pdf(tmp_path / "entries.pdf"))
    blocks = [(b.kind, article.text[b.start:b.end]) for b in article.blocks]
    assert not [text for kind, text in blocks if kind == "code"]
    texts = [text for _, text in blocks]
    assert any("year. Optional fields: type, address, month, note." in t for t in texts)
    assert any("school, year. Optional fields: type, address, month, note." in t for t in texts)
    assert not any(t.endswith("Op-") or t.startswith("tional") for t in texts)


def folio_pdf(path: Path, pages: int = 3) -> Path:
    """A paragraph running over pages whose numbers sit at 85 % of an A4 page (LaTeX's place)."""
    width, height = 595.0, 842.0
    c = Canvas(str(path), pagesize=(width, height), invariant=1)
    per_line, per_page = 9, 40
    k = 1000
    for number in range(1, pages + 1):
        y = height - 90
        for _ in range(per_page):
            c.setFont("Times-Roman", 10.9)
            c.drawString(90, y, " ".join(f"word{n}" for n in range(k, k + per_line)))
            k += per_line
            y -= 13.6
        c.drawCentredString(width / 2, height * 0.15, str(number))
        c.showPage()
    c.save()
    return path


def test_a_page_number_below_the_text_is_not_glued_into_a_sentence(tmp_path: Path) -> None:
    article = load_pdf(folio_pdf(tmp_path / "folio.pdf"))
    assert [b.kind for b in article.blocks] == ["paragraph"]
    text = article.text
    assert not any(f" {n} " in f" {text} " for n in (1, 2, 3))
    assert [page for _, page in article.page_breaks] == [1, 2, 3]


def test_table_cells_hold_only_their_own_line_s_words(tmp_path: Path) -> None:
    """Rows set so close that their boxes overlap: a cell is never given a word of the next row."""
    path = tmp_path / "tight.pdf"
    c = Canvas(str(path), pagesize=letter, invariant=1)
    rows = [("alpha", "beta", "gamma"), ("delta", "epsilon", "zeta"), ("eta", "theta", "iota")]
    y = PAGE_H - 100
    for row in rows:
        c.setFont("Times-Roman", 14)
        for k, cell in enumerate(row):
            c.drawString(90 + 150 * k, y - (4 if k == 1 else 0), cell)
        y -= 9
    c.showPage()
    c.save()
    document = open_pdf(path.read_bytes(), path.name)
    try:
        lines = next(iter_pages(document)).lines
    finally:
        document.close()
    words = {w for row in rows for w in row}
    for line in lines:
        for _, _, cell in line.pieces:
            assert cell.split() and set(cell.split()) <= set(line.text.split()) <= words


ITEMS = [  # (first line, second line) of LaTeX's enumerate, as btxdoc's list of changes has
    ("3. Emphasizing ({\\em ...}) has replaced italicizing ({\\it ...}). This will",
     "almost never result in a difference between the old output and the new."),
    ("4. The abbrv style now uses 'Mar.' and 'Sept.' for those months rather than",
     "'March' and 'Sep.' as the previous version of the style did."),
    ("5. The standard styles use the new cross-referencing feature by giving",
     "a cite of the cross-referenced entry and by omitting from the entry."),
]


def test_an_enumerated_item_with_a_hanging_indent_is_one_block(tmp_path: Path) -> None:
    path = tmp_path / "enumerate.pdf"
    c = Canvas(str(path), pagesize=letter, invariant=1)
    y = PAGE_H - 120
    for first, second in ITEMS:
        c.setFont("Times-Roman", 10)
        c.drawString(147, y, first)
        c.drawString(160, y - 12, second)
        y -= 31
    c.showPage()
    c.save()
    article = load_pdf(path)
    texts = [article.text[b.start:b.end] for b in article.blocks]
    assert texts == [f"{first} {second}" for first, second in ITEMS]
    claims = [article.text[cl.start:cl.end] for cl in find_claims(article)]
    assert "This will" not in claims and not any(t.startswith("almost") for t in claims)


BTXDOC = Path("/usr/share/doc/texlive-doc/bibtex/base/btxdoc.pdf")


@pytest.mark.skipif(not BTXDOC.is_file(), reason="texlive-doc's btxdoc.pdf is not installed")
def test_btxdoc_reads_its_title_block_before_its_first_section() -> None:
    article = load_pdf(BTXDOC, last_page=1)
    first = [(b.kind, article.text[b.start:b.end]) for b in article.blocks[:4]]
    assert first == [("heading", "BIBTEXing"), ("meta", "Oren Patashnik"),
                     ("meta", "February 8, 1988"), ("heading", "1 Overview")]
