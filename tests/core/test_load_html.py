"""Saved web pages become clean articles; nothing active survives."""

from __future__ import annotations

import base64
import os
from pathlib import Path

import pytest

from app.core.article import Article
from app.core.claims import find_claims
from app.core.load_html import DEEP_NESTING_NOTICE, NO_ARTICLE_NOTICE, flatten_deep_nesting
from app.core.loaders import article_from_bytes, load_article
from app.core.local_resources import MAX_DATA_IMAGE_BYTES, image_bytes
from app.core.sanitize import sanitize_html
from app.core.suggest import suggest_for_claims
from tests.conftest import FIXTURES

PAGES = FIXTURES / "pages"


def page(name: str) -> Article:
    return load_article(PAGES / name)


def texts(article: Article) -> list[str]:
    return [article.text[b.start:b.end] for b in article.blocks]


def test_news_article_keeps_the_story_not_the_furniture() -> None:
    article = page("news.html")
    assert article.title == "Magnesium infusions fail to prevent nerve damage, trial finds"
    body = article.text
    # The page's own byline, once; the metadata adds only the date it lacks.
    assert texts(article)[1:3] == ["2025-09-14", "By Priya Raman, Health Correspondent"]
    assert "353 patients" in body and "Why it matters" in body
    for furniture in ("cookies", "Accept all", "Most read", "All rights reserved", "Sport",
                      "track(", "dataLayer"):
        assert furniture not in body
    kinds = {b.kind for b in article.blocks}
    assert {"heading", "paragraph", "quote"} <= kinds
    links = [s.href for b in article.blocks for s in b.styles if s.style == "link"]
    assert "https://doi.org/10.1200/JCO.2013.52.0536" in links


def test_blog_post_without_its_comments() -> None:
    article = page("blog-with-comments.html")
    assert "cramps in my legs" in article.text
    assert [b.kind for b in article.blocks].count("list_item") == 3
    for comment in ("changed my life", "SAVE50", "newsletter", "Powered by"):
        assert comment not in article.text


def test_advertorial_opens_with_its_claims_and_ad_suggestions() -> None:
    article = page("advertorial.html")
    assert article.encoding == "cp1252"
    assert "Discover NervaCalm™" in article.text  # ™ decoded from windows-1252
    assert "Limited offer" not in article.text  # the banner outside the article
    claims = find_claims(article)
    suggestions = suggest_for_claims(article, claims)
    labels = {article.text[c.start:c.end]: suggestions[c.index].label
              for c in claims if c.index in suggestions}
    assert labels["Advertisement."] == "advertising"
    assert labels["Supplies are limited, so click here to claim your discount before "
                  "it's gone!"] == "advertising"
    assert labels["Studies show that magnesium may calm overactive nerves."] == "uncertain"


def test_tables_and_figures() -> None:
    article = page("tables-and-figures.html")
    assert "19–30 years | 400 mg | 310 mg" in texts(article)
    images = [b for b in article.blocks if b.kind == "image"]
    assert len(images) == 1 and article.text[images[0].start:images[0].end] == "\ufffc"
    assert images[0].styles[0].href == "chart.png"
    assert not any(c for c in find_claims(article) if article.blocks[c.block].kind == "image")


def test_page_without_an_article_element() -> None:
    article = page("no-article-element.html")
    assert article.title == "Is magnesium good for sleep?"
    assert "might help older adults" in article.text
    assert not any(t.startswith("Home") for t in texts(article))


def test_nothing_found_falls_back_to_the_whole_body_and_says_so() -> None:
    html = b"<html><body><ul><li>one</li><li>two</li></ul></body></html>"
    article = article_from_bytes(html, "html", "x.html")
    assert article.notices == (NO_ARTICLE_NOTICE,)
    assert article.text == "one\ntwo"


def test_too_deep_a_page_is_shown_whole_and_says_so() -> None:
    html = b"<html><body>" + b"<div>" * 400 + b"Deep text here." + b"</div>" * 400
    article = article_from_bytes(html, "html", "x.html")
    assert article.notices == (DEEP_NESTING_NOTICE,)
    assert article.text == "Deep text here."


@pytest.mark.parametrize("dangerous", [
    "<script>alert(1)</script>", "<style>body{}</style>", '<link rel="stylesheet" href="x">',
    '<p style="color:red" onclick="evil()">x</p>', '<iframe src="https://e.x"></iframe>',
    '<object data="x.swf"></object>', '<form action="/"><input name="q"></form>',
    '<a href="javascript:alert(1)">j</a>', '<a href="data:text/html,hi">d</a>',
    '<a href=" data:text/html,hi">d</a>', '<a href="\tDATA:text/html,hi">d</a>',
    "<a href='data:text/html,hi' title=x>d</a>", '<a title="x" href=data:text/html,hi>d</a>',
    '<img src="x" onerror="evil()">', '<svg><script>alert(1)</script></svg>',
])
def test_sanitiser_removes_everything_active(dangerous: str) -> None:
    cleaned = sanitize_html(f"<p>ok</p>{dangerous}").lower()
    for marker in ("<script", "<style", "<link", "style=", "onclick", "onerror", "<iframe",
                   "<object", "<form", "<input", "javascript:", "data:text", "alert(1)"):
        assert marker not in cleaned


def test_declared_charset_and_a_wrong_declaration() -> None:
    latin = '<meta charset="iso-8859-1"><p>Caf\u00e9 cr\u00e8me.</p>'.encode("latin-1")
    assert "Café crème." in article_from_bytes(latin, "html", "a.html").text
    lying = '<meta charset="utf-8"><p>Caf\u00e9 cr\u00e8me is tr\u00e8s bon.</p>'.encode("cp1252")
    assert "Café crème" in article_from_bytes(lying, "html", "b.html").text


def test_deep_nesting_is_flattened() -> None:
    html = "<div>" * 5000 + "Deep." + "</div>" * 5000
    flat = flatten_deep_nesting(html, limit=100)
    assert flat.count("<div>") == 100 and "Deep." in flat


def test_images_only_from_the_article_folder_or_small_data_urls(tmp_path: Path) -> None:
    folder = tmp_path / "page"
    folder.mkdir()
    png = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNk"
                           "YAAAAAYAAjCB0C8AAAAASUVORK5CYII=")
    (folder / "fig.png").write_bytes(png)
    (tmp_path / "secret.png").write_bytes(png)
    (folder / "escape.png").symlink_to(tmp_path / "secret.png")
    os.mkfifo(folder / "pipe.png")
    assert image_bytes("fig.png", folder) == png
    assert image_bytes("file://" + str(folder / "fig.png"), folder) == png
    assert image_bytes("../secret.png", folder) is None
    assert image_bytes("escape.png", folder) is None
    assert image_bytes("pipe.png", folder) is None
    assert image_bytes("/dev/zero", folder) is None
    assert image_bytes("https://127.0.0.1/pixel.png", folder) is None
    assert image_bytes("data:image/png;base64," + base64.b64encode(png).decode(), folder) == png
    big = "data:image/png;base64," + "A" * (MAX_DATA_IMAGE_BYTES * 2)
    assert image_bytes(big, folder) is None
    assert image_bytes("data:text/html;base64,PGgxPg==", folder) is None


def test_the_metadata_byline_follows_the_pages_own_headline() -> None:
    # No content element, a <title> that is not the <h1>: the byline went above the headline.
    page = ('<html><head><title>Measles – News</title><meta name="author" content="Sarah Kemp">'
            "</head><body><h1>Measles cases rise</h1><p>Measles cases in England have risen to "
            "their highest level in a decade.</p></body></html>")
    article = article_from_bytes(page.encode(), "html", "page.html")
    assert texts(article)[:2] == ["Measles cases rise", "By Sarah Kemp"]
