"""Tester T7's real documents (session 8): furniture and mangled lines that
became claims or bylines, each checked by its kind, not by one page."""

from __future__ import annotations

from app.core.article import Article
from app.core.claims import find_claims
from app.core.loaders import article_from_bytes


def html_article(body: str, head: str = "<title>A page</title>") -> Article:
    page = f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"
    return article_from_bytes(page.encode("utf-8"), "html", "page.html")


def blocks(article: Article) -> list[tuple[str, str]]:
    return [(b.kind, article.text[b.start:b.end]) for b in article.blocks]


def claims(article: Article) -> list[str]:
    return [article.text[c.start:c.end] for c in find_claims(article)]


PROSE = ("<h3>1 Introduction</h3><p>This document describes the main features of the "
         "software distribution, which runs on many systems and has many users.</p>"
         "<p>You may have acquired it by downloading, or on a DVD, which user groups "
         "distribute among their members, or in other ways.</p>")


def test_a_byline_names_only_authors_the_page_writes() -> None:
    """tex4ht's title block "Jane Roe, editor" over a URL: trafilatura's author
    guess was "Jane Roe; Editor Https; Tug Org; Guide" (TeX Live's guide)."""
    article = html_article(
        '<div class="maketitle"><h2 class="titleHead">The Guide 2022</h2>'
        '<div class="author"><span>Jane Roe, editor</span><br /><a href="https://tug.org/guide/"'
        ' class="url"><span>https://tug.org/guide/</span></a></div></div>' + PROSE,
        head="<title>The Guide 2022</title>")
    metas = [text for kind, text in blocks(article) if kind == "meta"]
    assert metas == ["By Jane Roe"]


def test_an_author_written_with_entities_or_in_lower_case_stays() -> None:
    article = html_article(PROSE, head='<title>A page</title><meta name="author" '
                                       'content="zo&euml; smith">')
    assert [text for kind, text in blocks(article) if kind == "meta"] == ["By Zoë Smith"]
