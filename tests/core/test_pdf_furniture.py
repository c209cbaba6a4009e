"""Running heads and page numbers outside the thin band (LaTeX and Texinfo margins)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.core.pdf_furniture import find_furniture
from app.core.pdf_lines import Line, PageLines

A4_W, A4_H = 595.0, 842.0
BODY_TOP, PITCH = 140.0, 13.6


def text_line(text: str, top: float, x0: float = 90.0, width: float = 415.0,
              size: float = 10.9) -> Line:
    return Line(text, x0, top, x0 + width, top + 0.7 * size, size, False)


def page(number: int, body: list[str], folio: str = "", folio_at: float = 0.85,
         head: str = "", head_at: float = 0.11, label: str = "") -> PageLines:
    """A one-column page: an optional running head, chapter label, body lines, folio."""
    lines: list[Line] = []
    if head:
        lines.append(text_line(head, head_at * A4_H))
    top = BODY_TOP
    if label:
        lines.append(text_line(label, top, width=80, size=20.7))
        top += 40
    lines += [text_line(t, top + PITCH * k) for k, t in enumerate(body)]
    if folio:
        lines.append(text_line(folio, folio_at * A4_H, x0=295, width=6))
    return PageLines(number, A4_W, A4_H, tuple(lines), 1000)


def dropped(pages: list[PageLines]) -> set[str]:
    return {p.lines[i].text for p in pages for n, i in find_furniture(pages) if n == p.number}


BODY = [f"Line {k} of the body says something about the tool and how it works."
        for k in range(30)]


@given(st.integers(min_value=2, max_value=12), st.integers(min_value=-6, max_value=0),
       st.floats(min_value=0.75, max_value=0.92), st.integers(min_value=6, max_value=30))
def test_a_folio_outside_the_band_is_dropped_and_the_body_kept(
        pages: int, offset: int, folio_at: float, rows: int) -> None:
    """Printed numbers may run behind the PDF's (front matter): the usual offset is learnt."""
    doc = [page(n, BODY[:rows], str(n + offset) if n + offset > 0 else "",
                folio_at) for n in range(1, pages + 1)]
    if sum(1 for n in range(1, pages + 1) if n + offset > 0) < 2:
        doc = [page(n, BODY[:rows], str(n), folio_at) for n in range(1, pages + 1)]
    gone = dropped(doc)
    assert not gone & set(BODY)
    folios = {p.lines[-1].text for p in doc if p.lines[-1].text.isdigit()}
    assert folios <= gone


@given(st.integers(min_value=3, max_value=12), st.floats(min_value=0.09, max_value=0.14))
def test_a_running_head_repeated_at_one_place_is_dropped(pages: int, head_at: float) -> None:
    doc = [page(n, BODY[n:n + 20], str(n), head=f"Chapter 2: Path searching {n}",
                head_at=head_at) for n in range(1, pages + 1)]
    doc += [page(n, BODY[:20], str(n), head="1.2. QUICK GUIDE CHAPTER 1. GETTING STARTED",
                 head_at=head_at) for n in range(pages + 1, 2 * pages + 1)]
    gone = dropped(doc)
    assert "1.2. QUICK GUIDE CHAPTER 1. GETTING STARTED" in gone
    assert {f"Chapter 2: Path searching {n}" for n in range(1, pages + 1)} <= gone
    assert not gone & set(BODY)


def test_a_body_line_opening_every_page_and_a_chapter_label_are_kept() -> None:
    """The same first line on three pages, the same "Chapter 1" label: text, not furniture."""
    doc = [page(n, ["\\begin{verbatim}", *BODY[:20]], str(n)) for n in range(1, 4)]
    doc += [page(n, BODY[:20], str(n), label="Chapter 1") for n in range(4, 8)]
    gone = dropped(doc)
    assert gone == {str(n) for n in range(1, 8)}


def test_a_number_ending_the_body_is_kept_when_it_is_not_the_page_number() -> None:
    doc = [page(n, BODY[:20], str(n)) for n in range(1, 6)]
    doc.append(page(6, BODY[:20], "42"))  # a bare number where folios sit, not this page's
    assert dropped(doc) == {str(n) for n in range(1, 6)}
