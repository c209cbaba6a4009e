"""A groff man page (tests/fixtures/pdf/groff-man.pdf): its body is not bold.

PDFium gives the Times-Roman of groff's PDFs a weight of 645–695 (its
Times-Bold 690–728), so with a fixed 600 every line read as bold: a prose line
before a code example became a heading, and an option's description too.
"""

from __future__ import annotations

from app.core.claims import find_claims
from app.core.load_pdf import load_pdf
from tests.conftest import FIXTURES

PDF = FIXTURES / "pdf" / "groff-man.pdf"


def _read() -> tuple[list[tuple[str, str]], list[str]]:
    article = load_pdf(PDF)
    blocks = [(b.kind, article.text[b.start:b.end]) for b in article.blocks]
    return blocks, [article.text[c.start:c.end] for c in find_claims(article)]


def test_a_man_pages_prose_is_paragraphs_and_its_option_names_are_not_claims() -> None:
    blocks, claims = _read()
    assert ("paragraph", "Print each source beside its claim, and the reason it was judged as it "
            "was.") in blocks
    assert ("heading", "−−verbose") in blocks
    assert ("heading", "−s, −−short") in blocks
    assert not any(claim.startswith("−") for claim in claims)


def test_the_line_before_a_code_example_ends_its_sentence() -> None:
    blocks, claims = _read()
    assert ("The following command, written in the short style, sorts twofiles at once and "
            "writes the result to the terminal:") in claims
    assert ("code", "sift −s first.txt second.txt") in blocks
    assert not any(kind == "heading" and text.endswith(":") for kind, text in blocks)


def test_a_sentence_that_ends_in_a_bold_word_on_its_own_row_is_whole() -> None:
    _, claims = _read()
    assert any(claim.endswith("with the option named −−stable.") and claim.startswith(
        "Aclaim keeps its place") for claim in claims)


def test_a_row_that_opens_and_ends_with_a_bold_word_is_no_bold_row() -> None:
    # "sift reads … so that in the end the notes": two of the three letters asked
    # are bold; the row goes on into the paragraph, and so does the lone "mark.".
    _, claims = _read()
    assert any(claim.startswith("sift reads the notes file") and claim.endswith(
        "left open for the reader to mark.") for claim in claims)
