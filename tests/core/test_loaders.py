"""Loaders turn .txt and .md files into the canonical text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from app.core.article import LINE_SEPARATOR, Article, LoadError
from app.core.loaders import article_from_bytes, load_article
from tests.conftest import SAMPLE


def assert_canonical(article: Article) -> None:
    """Blocks are joined by exactly one newline and hold none themselves."""
    pieces = [article.text[b.start:b.end] for b in article.blocks]
    assert "\n".join(pieces) == article.text
    for block in article.blocks:
        assert "\n" not in article.text[block.start:block.end]
        for run in block.styles:
            assert block.start <= run.start < run.end <= block.end


def md(source: str) -> Article:
    return article_from_bytes(source.encode(), "md", "x.md")


def test_txt_one_block_per_long_line(corpus: Path) -> None:
    article = load_article(corpus / "magnesium-neuropathy.txt")
    assert len(article.blocks) == 7
    assert article.format == "txt" and article.encoding == "utf-8"
    assert_canonical(article)


def test_txt_hard_wrapped_paragraphs_are_joined() -> None:
    source = b"First line of a paragraph\nwraps here.\n\nSecond paragraph\r\nalso wraps.\n"
    article = article_from_bytes(source, "txt", "x.txt")
    assert article.text == (
        "First line of a paragraph wraps here.\nSecond paragraph also wraps."
    )
    assert article.title == "First line of a paragraph wraps here."


def test_markdown_structure_and_styles() -> None:
    article = md(
        "# Title\n\nSome *italic* and **bold** with a [link](https://example.org).\n\n"
        "- one\n- two\n\n1. first\n2. second\n\n> quoted\n\n```\ncode line 1\n\ncode 3\n```\n"
    )
    kinds = [b.kind for b in article.blocks]
    assert kinds == ["heading", "paragraph", "list_item", "list_item", "list_item",
                     "list_item", "quote", "code", "code", "code"]
    assert article.title == "Title"
    para = article.blocks[1]
    styles = {(article.text[s.start:s.end], s.style, s.href) for s in para.styles}
    assert ("italic", "italic", None) in styles
    assert ("bold", "bold", None) in styles
    assert ("link", "link", "https://example.org") in styles
    assert [b.ordinal for b in article.blocks[4:6]] == [1, 2]
    assert article.text.endswith("code line 1\n\ncode 3")
    assert_canonical(article)


def test_markdown_hard_break_is_line_separator() -> None:
    article = md("line one  \nline two\n")
    assert article.text == f"line one{LINE_SEPARATOR}line two"


def test_markdown_soft_breaks_become_spaces() -> None:
    assert md("one\ntwo\n").text == "one two"


def test_raw_html_is_reduced_to_text() -> None:
    article = md(
        'Hello <b onclick="x()">world</b>.\n\n<script>alert(1)</script>\n\n'
        '<div style="color:red">boxed <img src="http://tracker.invalid/p.gif"> text</div>\n'
    )
    assert "alert" not in article.text
    assert "Hello world." in article.text
    assert "boxed text" in article.text
    assert_canonical(article)


def test_title_falls_back_to_file_name() -> None:
    assert article_from_bytes(b"", "md", "/tmp/notes.md").title == "notes.md"


def test_sample_article_loads() -> None:
    article = load_article(SAMPLE)
    assert article.title == "Magnesium and Your Nerves: What the Evidence Says"
    assert article.format == "md"
    assert_canonical(article)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400),
       st.sampled_from(["txt", "md"]))
def test_canonical_text_invariant(source: str, fmt: str) -> None:
    try:
        article = article_from_bytes(source.encode("utf-8"), fmt, f"x.{fmt}")
    except LoadError:
        assume(False)  # control-character soup is refused as binary; tested elsewhere
        return
    assert_canonical(article)


def test_yaml_front_matter_of_a_markdown_file_is_not_text() -> None:
    """Jekyll/Hugo/MkDocs settings above the article (systemd's DISTRO_PORTING.md
    made its first claim "title: Porting systemd … layout: default …")."""
    source = ("---\ntitle: Porting systemd To New Distributions\ncategory: Concepts\n"
              "layout: default\n---\n\n# Porting systemd\n\nYou need to make changes.\n")
    article = article_from_bytes(source.encode(), "md", "porting.md")
    assert "layout" not in article.text
    assert article.text.startswith("Porting systemd")


@pytest.mark.parametrize("source", [
    "---\n\nA thematic break opens this file. It stays.\n",  # no key: a rule, not settings
    "Text first.\n\n---\ntitle: not front matter\n---\n",  # not at the start
    "---\ntitle: never closed\n\nThe rest of the file.\n",  # unclosed: all kept
    "---\nA line between two rules.\n---\n\nMore text.\n",  # no key: not settings
])
def test_what_only_looks_like_front_matter_is_kept(source: str) -> None:
    article = article_from_bytes(source.encode(), "md", "a.md")
    kept = "".join(ch for ch in source if ch.isalpha())
    assert "".join(ch for ch in article.text if ch.isalpha()) == kept
