"""What a saved page says about itself names it in the ClaimReview export (tester T11)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.annotations import annotation_for_span
from app.core.claims import find_claims
from app.core.export import build_export_model, export_text
from app.core.loaders import load_article
from app.core.page_metadata import PageMetadata, page_metadata

STORY = ("<p>Measles cases in England have risen to their highest level in a decade, the "
         "health agency has said. There were 2,911 laboratory-confirmed cases in 2024.</p>")
NEWS_LD = json.dumps({
    "@context": "https://schema.org", "@type": "NewsArticle",
    "headline": "Measles cases rise", "datePublished": "2025-02-12T10:14:00Z",
    "author": [{"@type": "Person", "name": "Sarah Kemp"}],
    "mainEntityOfPage": {"@type": "WebPage", "@id": "https://news.example.org/measles-123"}})


def page(head: str, before: str = "") -> str:
    return (f"{before}<!DOCTYPE html><html><head><title>Measles</title>{head}</head><body>"
            f"<main><article><h1>Measles</h1>{STORY}</article></main></body></html>")


def reviews(tmp_path: Path, html: str, note: str = "Checked.", name: str = "p.html") -> list:
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    article = load_article(path)
    claims = find_claims(article)
    notes = [annotation_for_span(article.text, c.start, c.end, label=label, note=text)
             for c, label, text in zip(claims, ("supported", "uncertain"), (note, ""),
                                       strict=False)]
    return json.loads(export_text(build_export_model(article, notes, claims, author="F"),
                                  "claimreview"))


def test_the_pages_own_address_author_and_date_name_the_claim(tmp_path: Path) -> None:
    html = page('<link rel="canonical" href="https://news.example.org/measles-123">'
                f'<script type="application/ld+json">{NEWS_LD}</script>')
    first, second = reviews(tmp_path, html)
    claim = first["itemReviewed"]
    assert claim["appearance"]["url"] == "https://news.example.org/measles-123"
    assert first["url"].startswith("https://news.example.org/measles-123#urn%3Auuid%3A")
    assert claim["author"] == {"@type": "Person", "name": "Sarah Kemp"}
    assert claim["datePublished"] == "2025-02-12T10:14:00Z"
    assert first["reviewRating"]["ratingExplanation"] == "Checked."
    assert "ratingExplanation" not in second["reviewRating"]  # no note: no explanation


def test_each_source_of_the_address_author_and_date() -> None:
    assert page_metadata(page('<meta property="og:url" content="https://a.example/x">'
                              '<meta name="author" content="Jane Roe">'
                              '<meta property="article:published_time" '
                              'content="2024-03-01">')) == PageMetadata(
        "https://a.example/x", "Jane Roe", "Person", "2024-03-01")
    saved = page("", before="<!-- saved from url=(0024)https://b.example/y/z -->\n")
    assert page_metadata(saved).url == "https://b.example/y/z"
    graph = json.dumps({"@graph": [{"@type": "WebSite", "url": "https://c.example/"},
                                   {"@type": "Article", "url": "https://c.example/a",
                                    "author": {"@type": "Organization", "name": "NHS"}}]})
    found = page_metadata(page(f'<script type="application/ld+json">{graph}</script>'))
    assert page_metadata(page('<meta property="og:site_name" content="Daily Blaze">'
                              '<meta name="author" content="Daily Blaze">')).author_type == \
        "Organization"
    assert (found.url, found.author, found.author_type) == ("https://c.example/a", "NHS",
                                                            "Organization")


def test_a_page_that_names_nothing_keeps_the_files_address(tmp_path: Path) -> None:
    [review, _] = reviews(tmp_path, page(""))
    assert review["itemReviewed"]["appearance"]["url"].startswith("file://")
    assert review["url"].startswith("file://")
    assert "author" not in review["itemReviewed"]
    assert "datePublished" not in review["itemReviewed"]


@pytest.mark.parametrize("head", [
    '<link rel="canonical" href="javascript:alert(1)">',
    '<link rel="canonical" href="file:///etc/passwd">',
    '<link rel="canonical" href="data:text/html,<b>x</b>">',
    '<link rel="canonical" href="https://user:secret@evil.example/">',
    '<link rel="canonical" href="https://evil.example/a b">',
    '<link rel="canonical" href="https://evil.example/\u202egpj.exe">',
    '<link rel="canonical" href="/relative/only">',
    '<meta property="og:url" content="https://x.example/' + "a" * 3000 + '">',
    '<meta name="author" content="https://spam.example/profile">',
    '<meta name="author" content="' + "Name " * 100 + '">',
    '<meta property="article:published_time" content="last Tuesday">',
    '<meta property="article:published_time" content="2024-13-45">',
    '<script type="application/ld+json">{"@type": "NewsArticle", "author": ' + "[" * 5000
    + "]" * 5000 + "}</script>",
    '<script type="application/ld+json">{not json</script>',
    '<script type="application/ld+json">{"@type": "Article", "url": 5, "author": {"name": 7},'
    ' "datePublished": ["2024-01-01"]}</script>',
])
def test_hostile_metadata_is_ignored(head: str) -> None:
    assert page_metadata(page(head)) == PageMetadata()


@given(st.text(max_size=300))
def test_any_text_gives_metadata_without_raising(text: str) -> None:
    found = page_metadata(text)
    assert found.url == "" or found.url.startswith(("http://", "https://"))
