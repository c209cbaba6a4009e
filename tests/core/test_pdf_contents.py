"""A PDF's table of contents is navigation: its lines are never claims."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.claims import find_claims
from app.core.loaders import load_article
from app.core.pdf_contents import find_contents
from app.core.pdf_layout import PlacedLine
from app.core.pdf_lines import Line
from tests.conftest import FIXTURES

PDF = FIXTURES / "pdf" / "latex-contents.pdf"
LEADERS = re.compile(r"(?:\. ?){4,}")


def test_contents_entries_are_not_claims_and_the_body_still_is() -> None:
    article = load_article(PDF)
    claims = [article.text[c.start:c.end] for c in find_claims(article)]
    assert not [c for c in claims if LEADERS.search(c)]
    assert not [c for c in claims if c in ("Contents", "List of Tables")]
    for sentence in ("Vitamin D is made in the skin when it is exposed to sunlight.",
                     "Older adults make less vitamin D in their skin than younger adults do.",
                     "Thresholds for deficiency differ between guidelines.",
                     "It should be offered to every resident."):
        assert sentence in claims


def test_each_entry_is_one_meta_block_and_a_wrapped_title_stays_whole() -> None:
    article = load_article(PDF)
    blocks = [(b.kind, article.text[b.start:b.end]) for b in article.blocks]
    entries = [text for kind, text in blocks if kind == "meta" and re.search(r"\s\d$", text)]
    titles = [LEADERS.sub(" ", text).rsplit(" ", 1)[0].strip() for text in entries]
    assert titles == [
        "1 Background", "1.1 Who is at risk",
        "1.2 How deficiency is measured and why the thresholds used by laboratories "
        "differ from one country to another",
        "2 Supplementation", "2.1 Daily or monthly doses", "2.1.1 Adherence", "3 Conclusions",
        "1 Outcomes by dosing schedule"]
    assert ("heading", "Contents") in blocks and ("heading", "List of Tables") in blocks
    assert ("heading", "1 Background") in blocks  # the section itself, after the contents


def placed(text: str, top: float, x0: float = 72.0, x1: float = 540.0,
           page: int = 1) -> PlacedLine:
    return PlacedLine(Line(text, x0, top, x1, top + 10, 10.0, False), page, 0, 72.0, 540.0,
                      False, 20)


def contents_of(lines: list[PlacedLine]) -> tuple[set[int], set[int], set[int]]:
    found = find_contents(lines, [p.line.text for p in lines])
    return found.headings, found.entries, found.joined


def test_entries_without_leaders_count_only_beside_entries_with_them() -> None:
    lines = [placed("Contents", 100), placed("1 Introduction . . . . . . . . 1", 112),
             placed("2 Methods 4", 124), placed("3 Results 9", 136),
             placed("The trial ran from 2019 to 2021 in twelve care homes of two regions and "
                    "enrolled 2019", 148),
             placed("5 Appendix . . . . . . . . 20", 300), placed("Figure 2 12", 312, x1=300),
             placed("4 Discussion 12", 500)]
    headings, entries, _ = contents_of(lines)
    assert headings == {0}
    # Not the sentence that fills its line, nor a line that ends elsewhere, nor
    # one that is not next to an entry.
    assert entries == {1, 2, 3, 5}


WORDS = st.lists(st.text(alphabet="abcdefghij ", min_size=1, max_size=12), min_size=1,
                 max_size=8).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(WORDS, st.sampled_from(["", ".", " 12", " 2019.", ", 7", ":"])),
                max_size=20))
def test_prose_without_leaders_has_no_contents(sentences: list[tuple[str, str]]) -> None:
    lines = [placed(words + end, 100 + 12 * k) for k, (words, end) in enumerate(sentences)]
    assert contents_of(lines) == (set(), set(), set())


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(WORDS, st.integers(1, 999), st.booleans()), min_size=1, max_size=12))
def test_every_leader_line_is_an_entry_and_a_title_wrapped_before_it_joins_it(
        entries: list[tuple[str, int, bool]]) -> None:
    lines: list[PlacedLine] = []
    expected_joined = set()
    for title, page, wrapped in entries:
        if wrapped:
            lines.append(placed(f"{title} and more", 100 + 12 * len(lines)))
            expected_joined.add(len(lines))
        lines.append(placed(f"{title} . . . . . . {page}", 100 + 12 * len(lines), x0=90))
    _, found, joined = contents_of(lines)
    assert found == set(range(len(lines)))
    assert joined == expected_joined
