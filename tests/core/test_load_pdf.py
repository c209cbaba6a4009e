"""PDF articles: reading order, roles, pages, and refusals of bad files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.core import load_pdf as load_pdf_module
from app.core import pdf_lines
from app.core.article import LoadError, page_at
from app.core.claims import find_claims
from app.core.loaders import load_article
from tests import pdf_samples as samples
from tests.pdf_factory import make_paper, make_plain_pages, make_scanned


@pytest.fixture(scope="module")
def paper(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_paper(tmp_path_factory.mktemp("pdf") / "paper.pdf", samples.health_paper())


def kinds(article, kind: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [article.text[b.start:b.end] for b in article.blocks if b.kind == kind]


def test_columns_are_read_one_after_the_other_with_hyphens_joined(paper: Path) -> None:
    article = load_article(paper)
    assert article.format == "pdf"
    # Every paragraph comes back whole, word for word: columns in order, a
    # paragraph running from the foot of one column to the top of the next in
    # one piece, words hyphenated at line ends mended, real hyphens kept.
    for paragraph in samples.BODY:
        assert paragraph in kinds(article, "paragraph")
    order = [article.text.index(p) for p in samples.BODY]
    assert order == sorted(order)


def test_a_sentence_across_the_column_break_is_one_claim(paper: Path) -> None:
    article = load_article(paper)
    claims = [article.text[c.start:c.end] for c in find_claims(article)]
    # This sentence starts at the foot of column 1 and ends at the top of column 2.
    sentence = ("Gastrointestinal complaints, mostly loose stools, were more common with "
                "magnesium than with placebo, but few participants stopped treatment because "
                "of them.")
    assert sentence in claims


def test_title_from_metadata_and_title_block_as_meta(paper: Path) -> None:
    article = load_article(paper)
    assert article.title == samples.TITLE
    assert kinds(article, "heading")[0] == samples.TITLE
    meta = kinds(article, "meta")
    for line in samples.META:
        assert line in meta
    claims = [article.text[c.start:c.end] for c in find_claims(article)]
    assert not any(line in claim for line in samples.META for claim in claims)


def test_title_from_the_largest_first_page_text_without_metadata(tmp_path: Path) -> None:
    path = make_paper(tmp_path / "no-meta.pdf", samples.health_paper(title_metadata=""))
    assert load_article(path).title == samples.TITLE


def test_running_heads_page_numbers_and_footnotes_are_not_claims(paper: Path) -> None:
    article = load_article(paper)
    assert samples.RUNNING_HEAD not in article.text
    claims = [article.text[c.start:c.end] for c in find_claims(article)]
    assert not [c for c in claims if re.fullmatch(r"[\d\s.,]+", c)]
    assert samples.FOOTNOTE in kinds(article, "meta")
    assert not any("Corresponding author" in c for c in claims)


def test_captions_table_rows_and_references_have_their_roles(paper: Path) -> None:
    article = load_article(paper)
    assert kinds(article, "caption") == [samples.CAPTION]
    # Cells apart as the HTML reader writes them (session 11).
    assert kinds(article, "table_header") == [" | ".join(samples.TABLE[0])]
    assert kinds(article, "table_row") == [" | ".join(row) for row in samples.TABLE[1:]]
    assert kinds(article, "reference") == samples.REFERENCES
    headings = kinds(article, "heading")
    assert "References" in headings and "3 Results" in headings
    claims = [article.text[c.start:c.end] for c in find_claims(article)]
    assert not any("Feldman EL" in c or "Table 1." in c or "Placebo" == c for c in claims)


def test_every_block_and_claim_knows_its_page(tmp_path: Path) -> None:
    pages = [[f"This is the first sentence on page {n}. It is followed by a second one "
              f"that also sits on page {n}."] for n in range(1, 5)]
    path = make_plain_pages(tmp_path / "four.pdf", pages)
    article = load_article(path)
    claims = find_claims(article)
    assert {page_at(article, c.start) for c in claims} == {1, 2, 3, 4}
    for claim in claims:
        number = re.search(r"page (\d)", article.text[claim.start:claim.end])
        assert number and int(number.group(1)) == page_at(article, claim.start)
    assert all(block.page in (1, 2, 3, 4) for block in article.blocks)


def test_a_paragraph_running_onto_the_next_page_stays_one_block(tmp_path: Path) -> None:
    path = make_paper(tmp_path / "long.pdf", samples.long_paper(3))
    article = load_article(path)
    crossing = [b for b in article.blocks
                if page_at(article, b.start) != page_at(article, b.end - 1)]
    assert crossing, "the paper should have a paragraph across a page break"
    for block in crossing:
        assert article.text[block.start:block.end] in samples.BODY
        assert block.page == page_at(article, block.start)
    assert samples.RUNNING_HEAD not in article.text


def test_a_line_drawn_off_the_page_is_not_read(tmp_path: Path) -> None:
    # Qt's PDF writer (claimmark's own PDF export, tester T9) prints a
    # document page by page, each page the whole layout moved up and clipped
    # to the page: the last line of page 1 is drawn again above page 2's top
    # edge, where no reader sees it, but PDFium still gives its text. It was
    # read twice ("However, most of the trials" a claim of its own).
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen.canvas import Canvas

    width, height = letter
    lines = ["Turmeric has been studied in many small trials of knee pain.",
             "A 2021 meta-analysis of ten trials found a modest reduction in",
             "pain scores. However, most of the trials",
             "were small and short, and several were funded by supplement",
             "makers. Doctors advise caution."]
    canvas = Canvas(str(tmp_path / "qt.pdf"), pagesize=letter, invariant=1)
    for page, shown in ((1, lines[:3]), (2, lines[3:])):
        canvas.setFont("Times-Roman", 12)
        if page == 2:  # the line before the break, again, 40 pt above the page
            canvas.drawString(72, height + 40, lines[2])
        for n, text in enumerate(shown):
            canvas.drawString(72, height - 72 - 14 * n, text)
        canvas.drawString(width + 30, 300, "Hidden words beside the page.")
        canvas.showPage()
    canvas.save()
    article = load_article(tmp_path / "qt.pdf")
    assert article.text.count("However, most of the trials") == 1
    assert "Hidden words" not in article.text
    claims = [article.text[c.start:c.end] for c in find_claims(article)]
    assert "However, most of the trials were small and short, and several were funded by " \
        "supplement makers." in claims


def test_progress_reports_every_page_and_can_stop_early(tmp_path: Path) -> None:
    text = "A sentence that is long enough to fill more than one line of the page. " * 3
    path = make_plain_pages(tmp_path / "p.pdf", [[f"On page {n}. {text}"] for n in range(6)])
    seen: list[tuple[int, int]] = []
    article = load_pdf_module.load_pdf(path, progress=lambda d, t: seen.append((d, t)) or d < 2)
    assert seen == [(1, 6), (2, 6)]
    assert {page_at(article, b.start) for b in article.blocks} == {1, 2}
    first = load_pdf_module.load_pdf(path, last_page=1)
    assert "On page 0." in first.text and "On page 1." not in first.text
    assert load_pdf_module.is_partial(first)
    assert not load_pdf_module.is_partial(load_pdf_module.load_pdf(path))


# Bad files: one line each, never a traceback or a hang.

def one_line(error: pytest.ExceptionInfo[LoadError]) -> str:
    message = str(error.value)
    assert "\n" not in message
    return message


def test_a_password_protected_pdf_is_refused(tmp_path: Path) -> None:
    path = make_paper(tmp_path / "locked.pdf", samples.health_paper(), password="s3cret")
    with pytest.raises(LoadError) as error:
        load_article(path)
    assert one_line(error) == "locked.pdf: is password-protected"


def test_a_text_file_named_pdf_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.pdf"
    path.write_text("Just some words, not a PDF at all.\n")
    with pytest.raises(LoadError) as error:
        load_article(path)
    assert one_line(error) == "notes.pdf: is not a PDF (it does not start like one)"


@pytest.mark.parametrize("data", [b"", b"%PDF-1.7\n" + bytes(range(256)) * 40,
                                  b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\n%%EOF"])
def test_empty_and_damaged_pdfs_are_refused(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "bad.pdf"
    path.write_bytes(data)
    with pytest.raises(LoadError) as error:
        load_article(path)
    assert one_line(error).startswith("bad.pdf: ")


def test_a_truncated_pdf_is_read_or_refused_in_one_line(paper: Path, tmp_path: Path) -> None:
    path = tmp_path / "cut.pdf"
    path.write_bytes(paper.read_bytes()[: len(paper.read_bytes()) * 2 // 3])
    try:
        article = load_article(path)
    except LoadError as error:
        assert "\n" not in str(error)
    else:
        assert article.text  # PDFium repairs what it can


def test_pages_without_a_text_layer_are_refused(tmp_path: Path) -> None:
    path = make_scanned(tmp_path / "scan.pdf")
    with pytest.raises(LoadError) as error:
        load_article(path)
    assert one_line(error) == (
        "scan.pdf: has no text layer; claimmark does not read scanned pages")


def test_page_and_size_caps(paper: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_lines, "MAX_PAGES", 1)
    with pytest.raises(LoadError) as error:
        load_article(paper)
    assert one_line(error) == "paper.pdf: too many pages (2; the limit is 1)"
    monkeypatch.undo()
    with pytest.raises(LoadError) as error:
        load_pdf_module.load_pdf(paper, max_bytes=1000)
    assert "too large" in one_line(error)
    monkeypatch.setattr(load_pdf_module, "MAX_TEXT_CHARS", 100)
    with pytest.raises(LoadError) as error:
        load_article(paper)
    assert "too much text" in one_line(error)


def test_a_superscript_does_not_cut_its_line(tmp_path: Path) -> None:
    """Tester T10: PDFium breaks a line where a superscript raises the baseline;
    "Pupils who ate fruit⁵ scored higher…" came as two lines, then two claims."""
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    path = tmp_path / "superscripts.pdf"
    text = ("Teachers reported<super>2</super> better attention after breakfast in the autumn "
            "term. Iron intake rose by 12%<super>3,4</super> in the intervention schools. Pupils "
            "who ate fruit<super>5</super> scored higher on the test, as others found.<super>6"
            "</super> The effect faded by the summer term, when the club closed for two weeks.")
    SimpleDocTemplate(str(path)).build([Paragraph(text, getSampleStyleSheet()["BodyText"])])
    article = load_article(path)
    claims = [article.text[c.start:c.end] for c in find_claims(article)]
    assert [claim.split()[0] for claim in claims] == ["Teachers", "Iron", "Pupils", "The"]
    assert claims[2].endswith("as others found.[6]")
