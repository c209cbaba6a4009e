"""Reading order and line joining on made-up PDF lines (no PDFium)."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from app.core.pdf_blocks import clean, join_lines
from app.core.pdf_furniture import find_furniture
from app.core.pdf_layout import order_page
from app.core.pdf_lines import Line, PageLines

WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=9)


def line(text: str, x0: float, top: float, width: float = 230.0, size: float = 10.0) -> Line:
    return Line(text, x0, top, x0 + width, top + size, size, False)


def two_column_page(number: int, left: list[str], right: list[str],
                    head: str = "", foot: str = "") -> PageLines:
    lines = [line(t, 54, 100 + 12 * k) for k, t in enumerate(left)]
    lines += [line(t, 316, 100 + 12 * k) for k, t in enumerate(right)]
    lines.append(line("A Title Across Both Columns", 150, 60, width=300, size=16))
    if head:
        lines.append(line(head, 54, 30, width=300, size=8))
    if foot:
        lines.append(line(foot, 300, 760, width=10, size=9))
    lines.sort(key=lambda ln: (ln.x0 > 300, -ln.top))  # a content order no reader uses
    return PageLines(number, 612, 792, tuple(lines), 1000)


@given(st.lists(WORD, min_size=3, max_size=40), st.lists(WORD, min_size=3, max_size=40))
@example(left=["a"] * 3, right=["a"] * 33)  # a short column is sparse, not a gutter
@example(left=["a"] * 33, right=["a"] * 3)
def test_columns_are_read_left_then_right_each_top_down(left: list[str],
                                                        right: list[str]) -> None:
    left = [f"L{k} {w}" for k, w in enumerate(left)]
    right = [f"R{k} {w}" for k, w in enumerate(right)]
    page = two_column_page(1, left, right)
    texts = [p.line.text for p in order_page(page, set())]
    assert texts == ["A Title Across Both Columns", *left, *right]


@given(st.integers(min_value=2, max_value=30), st.sampled_from(["{n}", "Page {n}", "- {n} -",
                                                               "{n} of 30", "Journal of X {n}"]))
def test_page_numbers_and_running_heads_are_dropped(pages: int, pattern: str) -> None:
    doc = [two_column_page(n, [f"left {n} {k}" for k in range(4)],
                           [f"right {n} {k}" for k in range(4)],
                           head="Smith et al. A study of things", foot=pattern.format(n=n))
           for n in range(1, pages + 1)]
    drop = find_furniture(doc)
    kept = [p.line.text for page in doc for p in order_page(page, drop)]
    assert not any(t == pattern.format(n=n) for t in kept for n in range(1, pages + 1))
    assert "Smith et al. A study of things" not in kept
    assert sum(t.startswith(("left", "right")) for t in kept) == 8 * pages


@given(st.lists(WORD, min_size=1, max_size=12), st.lists(WORD, min_size=1, max_size=12))
def test_joining_lines_keeps_every_letter(head: list[str], tail: list[str]) -> None:
    a, b = " ".join(head), " ".join(tail)
    assert join_lines(a, b, set()) == f"{a} {b}"
    mended = join_lines(a + "-", b, set())
    assert mended.replace("-", "").replace(" ", "") == (a + b).replace(" ", "")


def test_a_hyphenated_word_is_mended_and_a_compound_kept() -> None:
    words = {"consectetuer", "evidence-based", "evidence", "based", "long", "term"}
    assert join_lines("ipsum dolor sit amet, con-", "sectetuer elit", words) == \
        "ipsum dolor sit amet, consectetuer elit"
    assert join_lines("medica-", "tion was", set()) == "medication was"
    assert join_lines("their evidence-", "based advice", words) == "their evidence-based advice"
    assert join_lines("a long-", "term study", words) == "a long-term study"
    # A capital or a digit after the hyphen is never a broken word.
    assert join_lines("vitamin B-", "12 levels", set()) == "vitamin B-12 levels"
    assert join_lines("the Hong Kong-", "Macau bridge", set()) == "the Hong Kong-Macau bridge"
    assert join_lines("pain -", "a dash", set()) == "pain - a dash"


def test_ligatures_are_unfolded_and_controls_dropped() -> None:
    assert clean("e\ufb03cacy of \ufb01sh o\ufb00er\x02ed") == "efficacy of fish offered"
    assert clean("  two\u00a0 spaces\t") == "two spaces"
