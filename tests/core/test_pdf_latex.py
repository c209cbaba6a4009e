"""A real LaTeX two-column paper (tests/fixtures/pdf): read as a person reads it."""

from __future__ import annotations

import re

from app.core.article import page_at
from app.core.claims import find_claims
from app.core.loaders import load_article
from app.core.segment import split_sentences
from tests.conftest import FIXTURES

PDF = FIXTURES / "pdf" / "latex-two-column.pdf"
SOURCE = FIXTURES / "pdf" / "latex-two-column.tex"


def source_sentences() -> list[str]:
    """The body sentences, from the LaTeX source."""
    body = SOURCE.read_text().split(r"\section{Introduction}")[1]
    body = body.split(r"\begin{thebibliography}")[0]
    body = re.sub(r"\\begin\{table\}.*?\\end\{table\}", "", body, flags=re.S)
    paragraphs = [re.sub(r"\\section\{[^}]*\}", "", p).strip().replace("\n", " ")
                  for p in body.split("\n\n")]
    return [p[s:e] for p in paragraphs if p and not p.startswith("\\")
            for s, e in split_sentences(p)]


def test_every_sentence_comes_back_whole_and_in_order() -> None:
    article = load_article(PDF)
    claims = [article.text[c.start:c.end] for c in find_claims(article)]
    sentences = source_sentences()
    assert len(sentences) == 24
    # Columns in order, TeX's hyphenation mended ("hos-" + "pital"), the
    # sentence at the foot of column 1 joined to its end at the top of column 2.
    assert [s for s in sentences if s not in claims] == []
    positions = [article.text.index(s) for s in sentences]
    assert positions == sorted(positions)


def test_no_page_number_running_head_or_title_block_line_is_a_claim() -> None:
    article = load_article(PDF)
    assert article.title == ("Vitamin D Supplementation to Prevent Acute Respiratory "
                             "Infections: A Pragmatic Trial in Care Homes")
    claims = [article.text[c.start:c.end] for c in find_claims(article)]
    for furniture in ("Journal of Everyday Evidence", "Vitamin D and respiratory infections",
                      "Maria Jensen", "University of Aarhus", "14 February 2023",
                      "Corresponding author", "Martineau AR", "Usual care"):
        assert not [c for c in claims if furniture in c], furniture
    assert not [c for c in claims if re.fullmatch(r"\W*\d+\W*", c)]
    meta = [article.text[b.start:b.end] for b in article.blocks if b.kind == "meta"]
    assert "14 February 2023" in meta
    assert [article.text[b.start:b.end] for b in article.blocks
            if b.kind in ("table_header", "table_row")] == [
        "Outcome | Vitamin D | Usual care", "Infections (%) | 27.4 | 31.9",
        "Admissions (%) | 9.1 | 10.4"]
    assert [b.kind for b in article.blocks if b.kind.startswith("table")] == [
        "table_header", "table_row", "table_row"]


def test_every_claim_has_its_page() -> None:
    article = load_article(PDF)
    claims = find_claims(article)
    assert all(page_at(article, c.start) == 1 for c in claims)  # page 2: references only
    assert {b.page for b in article.blocks} == {1, 2}
    references = [b for b in article.blocks if b.kind == "reference"]
    assert len(references) == 2 and all(b.page == 2 for b in references)
