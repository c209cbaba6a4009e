"""Reading order and line joining on made-up PDF lines (no PDFium)."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from app.core.pdf_blocks import clean, vocabulary
from app.core.pdf_furniture import find_furniture
from app.core.pdf_layout import PlacedLine, order_page
from app.core.pdf_lines import Line, PageLines
from app.core.pdf_words import join_lines

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


@given(st.lists(WORD, min_size=1, max_size=12), st.lists(WORD, min_size=1, max_size=12),
       st.sampled_from(["-", "\u2010"]))
def test_a_line_end_hyphen_of_either_kind_is_mended(head: list[str], tail: list[str],
                                                    hyphen: str) -> None:
    """dvipdfmx's manual writes U+2010 HYPHEN for every hyphen: "devel‐" +
    "opment" must mend like "devel-" + "opment" (tester T7: 77 claims)."""
    a, b = " ".join(head), " ".join(tail)
    mended = join_lines(a + hyphen, b, set())
    assert mended == a + b  # no word list: the hyphen goes, no space comes


def test_compounds_written_with_unicode_hyphens_are_kept() -> None:
    words = {"development", "multi-byte", "multi", "byte"}
    assert join_lines("the devel\u2010", "opment sources", words) == "the development sources"
    assert join_lines("multi\u2010", "byte encodings", words) == "multi\u2010byte encodings"
    assert join_lines("vitamin B\u2010", "12 levels", set()) == "vitamin B\u201012 levels"


def test_ligatures_are_unfolded_and_controls_dropped() -> None:
    assert clean("e\ufb03cacy of \ufb01sh o\ufb00er\x02ed") == "efficacy of fish offered"
    assert clean("  two\u00a0 spaces\t") == "two spaces"


def article_first_page(title: list[str], paragraphs: list[int]) -> PageLines:
    """An article's first page, as LaTeX's article class sets it (btxdoc.pdf).

    A centred title block (title, author, date), then a numbered heading at
    the left margin and paragraphs of full-width lines whose short last lines
    end at the left: the centred lines and the short lines leave a strip
    between them that no narrow line crosses, yet nothing there is a column.
    """
    lines = [line(text, 306 - 4 * len(text), 100 + 30 * k, width=8 * len(text), size=12)
             for k, text in enumerate(title)]
    top = 100 + 30 * len(title) + 20
    lines.append(line("1 Overview", 136, top, width=88, size=14))
    for p, count in enumerate(paragraphs):
        for k in range(count):
            top += 12
            last = k == count - 1
            lines.append(line(f"P{p} line {k} text", 135, top, width=100 if last else 343))
    lines.sort(key=lambda ln: (-ln.x0, ln.top))  # centred lines first, as TeX writes them
    return PageLines(1, 612, 792, tuple(lines), 1000)


@given(st.lists(st.sampled_from(["BIBTEXing", "Oren Patashnik", "February 8, 1988",
                                 "A Longer Title Of A Note"]), min_size=3, max_size=4),
       st.lists(st.integers(min_value=1, max_value=8), min_size=3, max_size=8))
@example(title=["BIBTEXing", "Oren Patashnik", "February 8, 1988"], paragraphs=[4, 3, 2, 6])
def test_a_centred_title_block_above_a_one_column_page_is_read_first(
        title: list[str], paragraphs: list[int]) -> None:
    page = article_first_page(title, paragraphs)
    placed = order_page(page, set())
    tops = [p.line.top for p in placed]
    assert tops == sorted(tops), [p.line.text for p in placed]
    assert [p.line.text for p in placed[:len(title) + 1]] == [*title, "1 Overview"]
    assert not any(p.banded for p in placed[:len(title) + 1])  # the title block stays whole


@given(st.integers(min_value=3, max_value=20), st.integers(min_value=3, max_value=6))
def test_a_table_beside_a_column_is_read_after_it(rows: int, notes: int) -> None:
    """Table rows (wide-gapped cells) beside a column of names (lm-info.pdf's
    glyph tables): the side-by-side test counts every line on each side, not
    only the narrow ones, or the table's few narrow lines far below would
    make the two sides look stacked."""
    lines = [line(f"name {k}", 54, 100 + 12 * k, width=60) for k in range(rows)]
    lines += [Line(f"row {k} a b", 316, 100 + 12 * k, 546, 110 + 12 * k, 10, False,
                   pieces=((316, 400, f"row {k} a"), (450, 546, "b"))) for k in range(rows)]
    lines += [line(f"note {k}", 316, 100 + 12 * (rows + 5 + k), width=60) for k in range(notes)]
    page = PageLines(1, 612, 792, tuple(sorted(lines, key=lambda ln: ln.top)), 1000)
    texts = [p.line.text for p in order_page(page, set())]
    assert texts == [f"name {k}" for k in range(rows)] + [f"row {k} a b" for k in range(rows)] \
        + [f"note {k}" for k in range(notes)]


def test_compounds_the_document_writes_with_unicode_hyphens_are_known() -> None:
    """The word list learns "multi‐byte" (U+2010) as "multi-byte", so a
    compound broken at a line end keeps its hyphen."""
    placed = [PlacedLine(line(text, 54, 100 + 12 * k), 1, 0, 54, 300, False)
              for k, text in enumerate(["support for multi\u2010byte encodings and",
                                        "more in the devel\u2010", "opment sources"])]
    words = vocabulary(placed)
    assert "multi-byte" in words and "devel" not in words and "opment" not in words
    assert join_lines("large multi\u2010", "byte sets", words) == "large multi\u2010byte sets"


def test_a_url_or_doi_broken_at_a_slash_is_joined_without_a_space() -> None:
    """Valgrind's manual: "(http://gcc.gnu.org/onlinedocs/" / "libstdc++/manual/debug.html)";
    Qt's PDF export of claimmark's own sources: "DOI 10.1056/" / "NEJMoa2114833"."""
    assert join_lines("Debugging Support (http://gcc.gnu.org/onlinedocs/",
                      "libstdc++/manual/debug.html).", set()) == (
        "Debugging Support (http://gcc.gnu.org/onlinedocs/libstdc++/manual/debug.html).")
    assert join_lines("Sources: DOI 10.1056/", "NEJMoa2114833, PMC1234567", set()) == (
        "Sources: DOI 10.1056/NEJMoa2114833, PMC1234567")
    assert join_lines("N Engl J Med. 2022;387:299-309. doi:10.1056/", "NEJMoa2202106",
                      set()) == "N Engl J Med. 2022;387:299-309. doi:10.1056/NEJMoa2202106"
    # A word after a URL that ends at the line end, or a slash in prose, keeps its space.
    assert join_lines("see http://www.valgrind.org/", "for more", set()) == (
        "see http://www.valgrind.org/ for more")
    assert join_lines("and/or the and/", "or clause", set()) == "and/or the and/ or clause"
