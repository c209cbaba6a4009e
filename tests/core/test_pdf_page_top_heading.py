"""A small bold heading at the top of a page is a heading: nothing above it on its page
says it is not set apart (an old claimmark export's note head "N4 Supported" at 10.6 pt
over 12-point text, a paper's "References" opening page 2, were read as claims)."""

from __future__ import annotations

from app.core.claims import find_claims
from app.core.load_pdf import article_from_pages
from app.core.pdf_lines import Line, PageLines

_PROSE = ("Falls are a leading cause of injury among adults over sixty-five, and vitamin D "
          "is often recommended to prevent them in care homes and at home alike.").split()


def _paragraph(top: float, rows: int) -> list[Line]:
    words = len(_PROSE) // rows
    texts = [" ".join(_PROSE[k * words:(k + 1) * words]) for k in range(rows - 1)]
    texts.append(" ".join(_PROSE[(rows - 1) * words:]))
    return [Line(text, 72, top + 21 * k, 523 if k < rows - 1 else 300, top + 21 * k + 12, 12,
                 False) for k, text in enumerate(texts)]


def test_a_small_bold_line_opening_a_page_heads_what_follows() -> None:
    first = _paragraph(100, 4) + _paragraph(210, 4) + _paragraph(320, 4) + _paragraph(690, 4)
    head = Line("N4 Supported", 75, 58, 154, 69, 10.6, True)
    second = [head, *_paragraph(86, 4), *_paragraph(200, 4)]
    article = article_from_pages([PageLines(1, 595, 842, tuple(first), 2000),
                                  PageLines(2, 595, 842, tuple(second), 2000)], "", "r.pdf")
    blocks = [(b.kind, article.text[b.start:b.end]) for b in article.blocks]
    assert ("heading", "N4 Supported") in blocks, blocks
    assert "N4 Supported" not in [article.text[c.start:c.end] for c in find_claims(article)]
