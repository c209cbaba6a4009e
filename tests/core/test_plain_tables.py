"""Plain-text tables and drawings (.txt) are shown as written, not joined
into one long "sentence" (tester T7: dpkg's triggers.txt, READMEs)."""

from __future__ import annotations

import re
import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.article import Article
from app.core.claims import find_claims
from app.core.loaders import article_from_bytes
from app.core.plain_chunks import cell_starts, is_preformatted

INTRO = ("Packages in t-awaited and t-pending demand satisfaction of their\n"
         "dependencies just like packages in installed.\n")
STATES = """\
  Status      Pending   Awaited   Satisfies  Remedy
              triggers  triggers  Depends

  unpacked    never      maybe    No    postinst configure
  c.-failed   never      maybe    No    postinst configure (when requested)
  t.-awaited  yes        always   No    postinst triggered + fix awaited pkg(s)
  installed   never      never    Yes   n/a
"""
TABBED = (" Command line\t\tTrigproc\tTrigproc\tConfigure\n"
          "\t\t\tthese\t\tany triggered\n"
          " --unpack\t\tno\t\tusually[1]\tnone\n"
          " --configure -a\t\tany needed\tusually[1]\tany needed\n")
DRAWING = """\
     ┌────────────┐
     │  unpacked  │
     └─────┬──────┘
           │ (automatic)
"""
OPTIONS = """\
Some of the options include:
  -c               compact instead of pretty-printed output;
  -n               use `null` as the single input value;
  --arg a v        set variable $a to value <v>;
"""


def plain(text: str) -> Article:
    return article_from_bytes(text.encode("utf-8"), "txt", "notes.txt")


def blocks(article: Article) -> list[tuple[str, str]]:
    return [(b.kind, article.text[b.start:b.end]) for b in article.blocks]


def claims(article: Article) -> list[str]:
    return [article.text[c.start:c.end] for c in find_claims(article)]


def test_a_table_in_columns_is_lines_of_code_not_a_claim() -> None:
    article = plain(INTRO + "\n" + STATES + "\n" + INTRO)
    assert claims(article) == [INTRO.replace("\n", " ").strip()] * 2
    rows = [text for kind, text in blocks(article) if kind == "code"]
    assert rows == [line[2:] for line in STATES.splitlines() if line.strip()]


def test_a_table_of_tabs_keeps_its_columns() -> None:
    article = plain(INTRO + "\n" + TABBED)
    rows = [text for kind, text in blocks(article) if kind == "code"]
    assert rows[2].startswith("--unpack ") and rows[2].index("no") == rows[0].index("Trigproc")
    assert "\t" not in "".join(rows)  # tabs stand as the columns they reach
    assert len(claims(article)) == 1


def test_a_drawing_is_shown_as_drawn() -> None:
    rows = [text for kind, text in blocks(plain(INTRO + "\n" + DRAWING)) if kind == "code"]
    assert rows == [line[5:] for line in DRAWING.splitlines()]


def test_the_sentence_leading_into_a_table_stays_a_claim() -> None:
    article = plain(OPTIONS)
    assert claims(article) == ["Some of the options include:"]
    assert [kind for kind, _ in blocks(article)] == ["paragraph", "code", "code", "code"]


WORDS = st.text(alphabet="abcdefghij", min_size=1, max_size=9)
SENTENCE = st.builds(lambda words, stop: " ".join(words).capitalize() + stop,
                     st.lists(WORDS, min_size=3, max_size=14), st.sampled_from(".!?"))


@settings(max_examples=200, deadline=None)
@given(st.lists(SENTENCE, min_size=2, max_size=12), st.integers(min_value=30, max_value=78))
def test_prose_with_two_spaces_after_its_stops_is_no_table(sentences: list[str],
                                                           width: int) -> None:
    """Old plain text (the GPL) puts two spaces after a full stop: those gaps
    are not cells, wherever the wrapping puts them."""
    lines = textwrap.wrap("  ".join(sentences), width)
    assert not is_preformatted(lines)


# (A cell ending in a full stop reads as a sentence's end, and a first cell
# "a)" or "-" as a list's marker: not generated.)
CELL = st.text(alphabet="abcdefghij()-./", min_size=1, max_size=10).filter(
    lambda cell: not cell.endswith(".") and re.fullmatch(r"-|\(?[a-j]{1,3}\)", cell) is None)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(CELL, min_size=2, max_size=4), min_size=2, max_size=8),
       st.integers(min_value=2, max_value=6))
def test_rows_in_aligned_columns_are_a_table(rows: list[list[str]], gap: int) -> None:
    width = 10 + gap
    lines = ["".join(cell.ljust(width) for cell in row).rstrip() for row in rows]
    assert is_preformatted(lines)


def test_cells_start_after_a_tab_or_two_spaces_inside_the_line() -> None:
    assert cell_starts("abcdefg\tx") == [8]  # a tab is a gap even one column wide
    assert cell_starts("    indented  b c") == [14]  # (the indent is no gap)
    assert cell_starts("It ends.  Next one") == []


def test_stray_double_spaces_in_prose_are_no_columns() -> None:
    lines = ["The quick brown fox  jumps over the lazy dog and runs far",
             "away from the  hunter who is chasing it through the wood,",
             "and then it rests under an  oak tree until the evening."]
    assert not is_preformatted(lines)


def markdown(text: str) -> Article:
    return article_from_bytes(text.encode("utf-8"), "md", "README.md")


def test_a_markdown_paragraph_in_columns_is_code() -> None:
    article = markdown("# Triggers\n\n" + INTRO + "\n" + OPTIONS + "\n" + STATES)
    assert claims(article) == [INTRO.replace("\n", " ").strip(), "Some of the options include:"]
    rows = [text for kind, text in blocks(article) if kind == "code"]
    assert rows[0] == "  -c               compact instead of pretty-printed output;"
    assert "  unpacked    never      maybe    No    postinst configure" in rows


def test_markdown_tables_lists_and_code_stay_markdown() -> None:
    text = ("| Status    | Remedy   |\n|-----------|----------|\n| unpacked  | postinst |\n\n"
            "-   first item  with  gaps\n-   second item  with  gaps\n\n"
            "```\nA   B\nC   D\n```\n")
    kinds = [kind for kind, _ in blocks(markdown(text))]
    assert kinds == ["table_header", "table_row", "list_item", "list_item", "code", "code"]


def test_lists_with_wide_markers_are_lists_not_tables() -> None:
    """"-   item" and "1)  item" put their items at one column: not cells."""
    article = plain(INTRO + "\n-   first thing to do today\n-   second thing to do today\n"
                    "-   third thing to do today\n\n1)  one more thing\n2)  two more things\n")
    assert [kind for kind, _ in blocks(article)].count("list_item") == 5
    assert "code" not in [kind for kind, _ in blocks(article)]


def test_sentences_that_end_at_one_column_are_no_table() -> None:
    """Two spaces after "!" or "?" part sentences, even when the stops fall
    at one same column line after line."""
    lines = ["Stop!  Look at this one now and then go on.",
             "Wait!  Look at that one too before you go.",
             "Halt?  See the other thing over there."]
    assert not is_preformatted(lines)
