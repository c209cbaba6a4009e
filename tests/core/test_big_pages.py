"""A big saved page is read in stages that say how far they are, and its
metadata from its head and top (trafilatura walked all of a 1.9 MB book: 2.4 s)."""

from __future__ import annotations

from pathlib import Path
from unittest import mock

from app.core import html_byline
from app.core.html_byline import METADATA_CHARS, metadata_input, page_metadata
from app.core.loaders import load_article

PARAGRAPH = ("<p>Magnesium is an essential mineral that takes part in hundreds of the "
             "body's reactions, and most adults get enough of it from food.</p>\n")


def big_page(paragraphs: int = 3_000, tail: str = "") -> str:
    return ("<!doctype html><html><head><title>Minerals</title>"
            '<meta name="author" content="Jane Doe">'
            '<meta property="article:published_time" content="2024-03-14">'
            "<style>" + "p { color: black; }\n" * 5_000 + "</style></head><body><main>"
            "<h1>Minerals</h1>" + PARAGRAPH * paragraphs + tail + "</main></body></html>")


def test_a_big_page_is_read_for_metadata_from_its_top_only() -> None:
    page = big_page()
    assert len(page) > 2 * METADATA_CHARS
    read = metadata_input(page)
    assert len(read) <= METADATA_CHARS
    assert "<style>" not in read  # what only takes room is set aside before the cut
    metadata = page_metadata(page)
    assert metadata is not None
    assert (metadata.author, metadata.date) == ("Jane Doe", "2024-03-14")


def test_json_ld_after_the_cut_is_still_read() -> None:
    late = ('<script type="application/ld+json">{"@context": "https://schema.org", '
            '"@type": "NewsArticle", "author": {"@type": "Person", "name": "Ada Lovelace"}}'
            "</script>")
    page = big_page(tail=late)
    assert page.index(late) > METADATA_CHARS
    assert late in metadata_input(page)
    metadata = page_metadata(page)
    assert metadata is not None and metadata.author is not None
    assert "Ada Lovelace" in metadata.author


def test_the_cut_falls_between_tags_never_inside_a_text() -> None:
    page = big_page()
    read = metadata_input(page)
    assert read.endswith(PARAGRAPH[:-1]) or read.endswith("\n") or read.endswith("</p>")


def test_a_small_page_is_read_whole() -> None:
    page = big_page(paragraphs=10).replace("p { color: black; }\n" * 5_000, "")
    assert metadata_input(page) == page


def test_reading_a_page_reports_its_stages_in_order(tmp_path: Path) -> None:
    path = tmp_path / "minerals.html"
    path.write_text(big_page(paragraphs=200), encoding="utf-8")
    seen: list[tuple[int, int]] = []
    article = load_article(path, progress=lambda done, total: seen.append((done, total)))
    assert "hundreds of the body's reactions" in article.text
    assert len(seen) >= 4
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    assert all(0 < done < total for done, total in seen)


def test_metadata_is_read_once_per_page(tmp_path: Path) -> None:
    path = tmp_path / "minerals.html"
    path.write_text(big_page(paragraphs=50), encoding="utf-8")
    with mock.patch.object(html_byline, "extract_metadata",
                           wraps=html_byline.extract_metadata) as spy:
        load_article(path)
    assert spy.call_count == 1


def test_a_book_reports_its_chapters(tmp_path: Path) -> None:
    from tests.epub_factory import chapter, make_epub

    chapters = [(f"c{n}.xhtml", f"Chapter {n}",
                 chapter(f"<p>Zinc matters in chapter {n}.</p>", f"Chapter {n}"))
                for n in range(1, 4)]
    seen: list[tuple[int, int]] = []
    article = load_article(make_epub(tmp_path / "zinc.epub", chapters, title="Zinc"),
                           progress=lambda done, total: seen.append((done, total)))
    assert "chapter 3" in article.text
    assert seen == [(1, 3), (2, 3), (3, 3)]


def test_a_headings_anchor_is_no_byline() -> None:
    # clippy's book: <h1 id="attributes-for-crate-authors"> read as its author "Attributes".
    manual = big_page().replace("<meta name=\"author\" content=\"Jane Doe\">", "").replace(
        "<h1>Minerals</h1>", '<h1 id="attributes-for-crate-authors"><a class="header" '
        'href="#attributes-for-crate-authors">Attributes for Crate Authors</a></h1>')
    metadata = page_metadata(manual)
    assert metadata is not None
    assert not metadata.author
