"""A plain-text table of contents (an RFC's, a README's) is navigation, not claims."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from app.core.claims import find_claims
from app.core.contents_lines import is_contents_title, is_entry
from app.core.loaders import load_article

RFC = """\
Network Working Group                                          J. Example
Request for Comments: 9999                                   Example Corp
Category: Informational                                     November 2026


                  A Sample Protocol for Testing Readers

Abstract

   This document describes a sample protocol. It exists only to test
   how readers handle plain-text specifications.

Table of Contents

   1.  Introduction . . . . . . . . . . . . . . . . . . . . . . . .   2
   2.  Terminology  . . . . . . . . . . . . . . . . . . . . . . . .   3
   3.  Protocol Overview  . . . . . . . . . . . . . . . . . . . . .   4
     3.1.  Message Format . . . . . . . . . . . . . . . . . . . . .   5
   4.  A Long Section Title That Does Not Fit on One Line of the
       Contents . . . . . . . . . . . . . . . . . . . . . . . . . .   7
   5.  Security Considerations  . . . . . . . . . . . . . . . . . .   9

1.  Introduction

   The sample protocol carries messages between two peers. Each message
   is framed by a length prefix.
"""


def test_a_plain_text_contents_is_meta_and_the_prose_stays_claims(tmp_path: Path) -> None:
    path = tmp_path / "rfc9999.txt"
    path.write_text(RFC, encoding="utf-8")
    article = load_article(path)
    claims = [article.text[c.start:c.end] for c in find_claims(article)]
    assert not [c for c in claims if re.search(r"(?:\. ){4}|Contents", c)]
    for sentence in ("This document describes a sample protocol.",
                     "It exists only to test how readers handle plain-text specifications.",
                     "The sample protocol carries messages between two peers.",
                     "Each message is framed by a length prefix."):
        assert sentence in claims
    meta = [article.text[b.start:b.end] for b in article.blocks if b.kind == "meta"]
    assert sum(bool(re.search(r"(?:\. ){4}", line)) for line in meta) == 6
    assert "Contents . . . . . . . . . . . . . . . . . . . . . . . . . .   7" in meta


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="abcdefgh ,;'()-", min_size=1, max_size=15), min_size=1,
                max_size=12).map(" ".join),
       st.sampled_from([".", "!", "?", "...", " 12.", " in 2019", " (p. 7)", " 3.5", "…", ""]))
def test_a_sentence_is_not_an_entry(words: str, end: str) -> None:
    assert not is_entry(words + end)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abcdefgh ", min_size=1, max_size=40),
       st.sampled_from([" . . . . . . ", " .......... ", "……", " · · · · · "]),
       st.sampled_from(["7", "12", "xiv", "25, 26", "3–5"]))
def test_leaders_and_pages_are_an_entry(title: str, leaders: str, pages: str) -> None:
    assert is_entry(title + leaders + pages)


def test_contents_titles() -> None:
    assert all(map(is_contents_title, ["Contents", "TABLE OF CONTENTS", "List of Figures",
                                       "目次", "Inhaltsverzeichnis"]))
    assert not any(map(is_contents_title, ["Contents of the box", "The contents were"]))


@settings(max_examples=300)
@given(st.text(alphabet=". ·…\t0123456789,–-ivxIVXİıa", max_size=80))
@example(". . . . ı")
@example("Preface .... xiv")
@example("Index .... 12–14 ")
def test_entry_test_is_the_pattern_itself(line: str) -> None:
    """The quick look at a line's last character (it keeps a 3 MB book's paragraphs
    from being searched for leaders) decides exactly as the pattern does."""
    from app.core.contents_lines import LEADERS

    assert is_entry(line) == (LEADERS.search(line.rstrip()) is not None)
