"""Header-link anchors ("Abstract¶", Sphinx; "#"/"🔗" marks of other generators) are
not part of a heading, a title or the text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.article import Article
from app.core.header_marks import strip_header_mark
from app.core.library_notes import notes_rows
from app.core.loaders import article_from_bytes, load_article
from tests.epub_factory import chapter, make_epub

MARKS = ["¶", "#", "🔗", "§"]
SPHINX = """<html><head><title>Abstract &#8212; Project 1.0 documentation</title></head><body>
<div class="body" role="main"><section id="abstract">
<h1>Abstract<a class="headerlink" href="#abstract" title="Permalink to this heading">¶</a></h1>
<p>This project reads articles. It marks their claims for the reader.</p>
<section id="methods"><h2>Methods<a class="headerlink" href="#methods" title="Link">#</a></h2>
<p>We split the text into sentences.<a class="headerlink" href="#p2">¶</a></p>
<dl class="py function"><dt class="sig" id="split"><span>split</span>(<em>text</em>)<a
class="headerlink" href="#split" title="Link to this definition">🔗</a></dt>
<dd><p>Split the text.</p></dd></dl></section></section></div></body></html>"""


def headings(article: Article) -> list[str]:
    return [article.text[b.start:b.end] for b in article.blocks if b.kind == "heading"]


def test_a_sphinx_page_s_title_headings_and_text_have_no_marks() -> None:
    article = article_from_bytes(SPHINX.encode(), "html", "abstract.html")
    assert article.title == "Abstract"
    assert headings(article) == ["Abstract", "Methods", "split(text)"]
    for mark in MARKS:
        assert mark not in article.text, mark


@given(st.text(alphabet="abcdefgh ABC", min_size=1, max_size=20).map(
    lambda t: " ".join(t.split())).filter(bool),
       st.sampled_from(MARKS), st.booleans(), st.sampled_from(["html", "md", "epub"]))
def test_a_mark_only_in_page_link_is_dropped_from_any_heading(
        tmp_path_factory: pytest.TempPathFactory, words: str, mark: str, before: bool,
        fmt: str) -> None:
    link = f'<a class="anchor" href="#{abs(hash(words))}">{mark}</a>'
    heading = f"<h2>{link}{words}</h2>" if before else f"<h2>{words}{link}</h2>"
    body = f"<h1>Top Title</h1>{heading}<p>The text is here.</p>"
    if fmt == "epub":
        path = make_epub(tmp_path_factory.mktemp("b") / "b.epub", [("c.xhtml", "", chapter(body))])
        article = load_article(path)
    else:
        article = article_from_bytes(f"<html><body>{body}</body></html>".encode(), fmt, f"a.{fmt}")
    assert headings(article)[-1] == words


def test_marks_that_are_words_or_outside_links_stay() -> None:
    page = ('<html><body><h1>Learning C#</h1><h2>Section § 4</h2><h2><a href="#tags">#tags</a>'
            '</h2><h2>Sharp <a href="https://example.org/">#</a></h2><p>Text here.</p>'
            "</body></html>")
    article = article_from_bytes(page.encode(), "html", "c.html")
    assert headings(article) == ["Learning C#", "Section § 4", "#tags", "Sharp #"]


@pytest.mark.parametrize(("stored", "shown"), [
    ("Abstract¶", "Abstract"), ("Abstract ¶", "Abstract"), ("Install 🔗", "Install"),
    ("Learning C#", "Learning C#"), ("¶", "¶")])
def test_strip_header_mark(stored: str, shown: str) -> None:
    assert strip_header_mark(stored) == shown


def test_the_library_shows_an_old_notes_file_s_title_without_its_mark(tmp_path: Path) -> None:
    notes = tmp_path / "abstract.html.notes.json"
    notes.write_text(json.dumps({
        "@context": ["http://www.w3.org/ns/anno.jsonld"], "type": "AnnotationCollection",
        "claimmark": {"version": 1, "article": {"path": "abstract.html", "sha256": "0" * 64,
                                                "title": "Abstract¶", "format": "html"}},
        "first": {"type": "AnnotationPage", "items": []}}), encoding="utf-8")
    title, fmt, rows = notes_rows(str(notes), "abstract.html")
    assert (title, fmt, rows) == ("Abstract", "html", [])


STORY = "<p>" + "Magnesium is a mineral that the body needs for many reactions. " * 4 + "</p>"


@given(st.sampled_from(["Buy cheap pills now | Best Deals", "Home", "Real Article — Site",
                        "Real Article"]),
       st.integers(min_value=0, max_value=6), st.booleans())
def test_the_page_title_is_never_a_heading_above_the_page_s_own_h1(
        title: str, paragraphs_before: int, marked_content: bool) -> None:
    """design.md: the title is the first visible <h1> of the content, else an <h1>
    the <title> contains, else the <title>; a page with an <h1> of its own shows
    that heading, never the <title> above it, and no heading twice."""
    before = "<p>A line before the heading, about minerals.</p>" * paragraphs_before
    body = f"{before}<h1>Real Article</h1>{STORY}"
    body = f"<article>{body}</article>" if marked_content else body
    page = f"<html><head><title>{title}</title></head><body>{body}</body></html>"
    article = article_from_bytes(page.encode(), "html", "p.html")
    assert headings(article) == ["Real Article"]
    if marked_content or title.startswith("Real Article"):
        assert article.title == "Real Article"


def test_the_page_title_leads_a_page_without_an_h1() -> None:
    page = (f"<html><head><title>Magnesium facts</title></head><body><h2>Why</h2>{STORY}"
            "</body></html>")
    article = article_from_bytes(page.encode(), "html", "p.html")
    assert article.title == "Magnesium facts"
    assert headings(article) == ["Magnesium facts", "Why"]
