"""Navigation lines of generated manuals ("Next: … Previous: … Up: …") are not claims.

Texinfo puts such a line above (and below) every node, in a saved manual and
in every chapter of an EPUB made from its pages; DocBook puts a table of
"Prev Up Next" links. They are recognised by structure: the links carry
``rel="next"``/``"prev"``/``"up"``… or an ``accesskey``, and the line holds
nothing but those links and a few label words.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.article import Article
from app.core.claims import find_claims
from app.core.loaders import article_from_bytes, load_article
from tests.epub_factory import chapter, make_epub

LIBFFI = Path("/usr/share/doc/libffi8/html")
BODY = ("<p>The <code>ffi_cif</code> object describes a call. You prepare it once and "
        "use it for many calls.</p><p>See the next chapter, which explains "
        '<a href="Closures.html" rel="next">closures</a> in detail.</p>')
BODY_CLAIMS = ["The ffi_cif object describes a call.",
               "You prepare it once and use it for many calls.",
               "See the next chapter, which explains closures in detail."]


def claim_texts(article: Article) -> list[str]:
    return [article.text[c.start:c.end] for c in find_claims(article)]


def texinfo_6(node: str, nxt: str, prev: str, up: str) -> str:
    """A node's header as texinfo 6 writes it (makeinfo --html)."""
    return (f'<div class="header"><p>\nNext: <a href="{nxt}.html" accesskey="n" rel="next">'
            f'{nxt}</a>, Previous: <a href="{prev}.html" accesskey="p" rel="prev">{prev}</a>, '
            f'Up: <a href="{up}.html" accesskey="u" rel="up">{up}</a> &nbsp; [<a href="index.html'
            f'#SEC_Contents" title="Table of contents" rel="contents">Contents</a>][<a href="Index'
            f'.html" title="Index" rel="index">Index</a>]</p>\n</div>\n<hr/>\n'
            f'<h3 class="section">{node}</h3>')


def texinfo_footer(nxt: str, up: str) -> str:
    """The footer copy of the line: no accesskey, only the index link has a rel."""
    return (f'<hr/><div class="header"><p>\nNext: <a href="{nxt}.html">{nxt}</a>, Up: '
            f'<a href="{up}.html">{up}</a> &nbsp; [<a href="Index.html" title="Index" '
            f'rel="index">Index</a>]</p>\n</div>')


def texinfo_4(node: str, nxt: str, prev: str) -> str:
    """Texinfo 4: ``div.node``, a named anchor, &nbsp; after each label."""
    return (f'<div class="node"><a name="{node}"></a><p>\nNext:&nbsp;<a rel="next" accesskey="n" '
            f'href="{nxt}.html#{nxt}">{nxt}</a>,\nPrevious:&nbsp;<a rel="previous" accesskey="p" '
            f'href="{prev}.html#{prev}">{prev}</a>\n<hr/></p></div><h3 class="section">{node}'
            "</h3>")


def docbook(node: str, prev: str, nxt: str) -> str:
    """DocBook XSL's navigation table: accesskeys, no rel."""
    return (f'<div class="navheader"><table width="100%" summary="Navigation header"><tr>'
            f'<th colspan="3" align="center">{node}</th></tr><tr><td width="20%" align="left">'
            f'<a accesskey="p" href="{prev}.html">Prev</a> </td><th width="60%" align="center">'
            f'Chapter 2. Using it</th><td width="20%" align="right"> <a accesskey="n" '
            f'href="{nxt}.html">Next</a></td></tr></table><hr/></div><h2>{node}</h2>')


HEADERS = {
    "texinfo 6": texinfo_6("The Basics", "Simple Example", "Using libffi", "Using libffi")
    + BODY + texinfo_footer("Simple Example", "Using libffi"),
    "texinfo 4": texinfo_4("The Basics", "Simple Example", "Using libffi") + BODY,
    "docbook": docbook("The Basics", "intro", "closures") + BODY,
}


@pytest.mark.parametrize("kind", sorted(HEADERS))
def test_an_epub_chapter_s_navigation_line_is_not_a_claim(tmp_path: Path, kind: str) -> None:
    book = make_epub(tmp_path / "manual.epub", [("basics.xhtml", "The Basics",
                                                 chapter(HEADERS[kind], "The Basics"))],
                     title="libffi")
    article = load_article(book)
    assert claim_texts(article) == BODY_CLAIMS
    for word in ("Next", "Previous", "Prev", "Index"):
        assert word not in article.text.split(), word


@pytest.mark.parametrize("kind", sorted(HEADERS))
def test_a_saved_manual_page_s_navigation_line_is_not_a_claim(kind: str) -> None:
    page = f"<html><head><title>The Basics</title></head><body>{HEADERS[kind]}</body></html>"
    article = article_from_bytes(page.encode(), "html", "basics.html")
    assert claim_texts(article) == BODY_CLAIMS
    assert "Next" not in article.text.split()


NAMES = st.text(alphabet="abcdefghij ABC()", min_size=1, max_size=30).map(str.strip).filter(bool)
RELS = st.sampled_from(["next", "prev", "previous", "up", "top", "contents", "index", "start"])


@given(st.lists(st.tuples(st.sampled_from(["Next:", "Previous:", "Up:", "Back to", "", "|"]),
                          RELS, NAMES), min_size=1, max_size=5))
def test_any_line_of_navigation_links_is_dropped_and_the_body_kept(
        links: list[tuple[str, str, str]]) -> None:
    line = ", ".join(f'{label} <a href="n{k}.html" rel="{rel}">{name}</a>'
                     for k, (label, rel, name) in enumerate(links))
    page = f"<html><body><div><p>{line}</p></div><h1>Basics</h1>{BODY}</body></html>"
    article = article_from_bytes(page.encode(), "html", "basics.html")
    assert claim_texts(article) == BODY_CLAIMS


@pytest.mark.skipif(not (LIBFFI / "The-Basics.html").is_file(), reason="libffi8's manual absent")
def test_libffi_s_texinfo_manual_as_an_epub_and_as_pages(tmp_path: Path) -> None:
    pages = sorted(LIBFFI.glob("*.html"))
    chapters = [(p.stem + ".xhtml", p.stem, p.read_text(encoding="utf-8")) for p in pages]
    article = load_article(make_epub(tmp_path / "libffi.epub", chapters, title="libffi"))
    claims = claim_texts(article)
    assert len(claims) > 200
    assert not [c for c in claims if c.startswith(("Next:", "Previous:", "Up:"))]
    for page in pages:
        assert not [c for c in claim_texts(load_article(page))
                    if c.startswith(("Next:", "Previous:", "Up:"))], page.name


def test_a_heading_beside_a_bare_navigation_link_stays(tmp_path: Path) -> None:
    """Texinfo's "Top" node: a short heading and a link in one element; the
    element is not a navigation line, whatever its few letters."""
    body = '<div><h1>Top</h1> <a href="intro.html" rel="next">Intro</a></div>' + BODY
    book = make_epub(tmp_path / "top.epub", [("top.xhtml", "", chapter(body))])
    article = load_article(book)
    headings = [article.text[b.start:b.end] for b in article.blocks if b.kind == "heading"]
    assert headings == ["Top"]
    assert claim_texts(article)[-3:] == BODY_CLAIMS
