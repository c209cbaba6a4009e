"""An EPUB's pictures come from inside the book (tester T10: only their alt text
was shown): the member the ``<img src>`` names, resolved against the chapter's
path; never a file beside the book, never a path out of it; capped; raster
formats only. The canonical text does not depend on them."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from app.core import epub_images, load_epub
from app.core.article import image_alt
from app.core.epub_images import book_source, raster_format, read_book_image
from app.core.loaders import load_article
from tests.epub_factory import chapter, make_epub

PNG = b"\x89PNG\r\n\x1a\n" + b"the book's own chart"
JPEG = b"\xff\xd8\xff\xe0" + b"the book's own photo"
BODY = ("<p>Teenagers sleep less than they need.</p>"
        '<p><img src="../images/chart.png" alt="Hours of sleep by age"/></p>'
        '<p><img src="photo%20one.jpg"/></p>'
        '<p><img src="../images/gone.png" alt="A missing figure"/></p>'
        '<p><img src="../../../../etc/passwd" alt="Out of the book"/></p>'
        '<p><img src="http://tracker.invalid/p.gif" alt="Remote"/></p>'
        "<p>The chart shows a drop at fifteen.</p>")


def sources(article) -> list[str]:  # type: ignore[no-untyped-def]
    return [s.href or "" for b in article.blocks if b.kind == "image"
            for s in b.styles if s.style == "image"]


def book(tmp_path: Path, extra: dict[str, bytes] | None = None, body: str = BODY) -> Path:
    return make_epub(tmp_path / "book.epub", [("c.xhtml", "C", chapter(body))],
                     extra={"OEBPS/images/chart.png": PNG, "OEBPS/text/photo one.jpg": JPEG,
                            **(extra or {})})


def test_sources_are_members_resolved_against_the_chapter() -> None:
    chapter_path = "OEBPS/text/c.xhtml"
    assert book_source(chapter_path, "../images/a.png") == "epub:OEBPS/images/a.png"
    assert book_source(chapter_path, "a b.png") == "epub:OEBPS/text/a%20b.png"
    assert book_source(chapter_path, "./fig/x.png#frag") == "epub:OEBPS/text/fig/x.png"
    assert book_source(chapter_path, "/OEBPS/x.png") == "epub:OEBPS/x.png"
    assert book_source("c.xhtml", "../x.png") == "epub:../x.png"  # out of the book: no member
    assert book_source(chapter_path, "http://t.invalid/p.gif").startswith("epub:http%3A")


def test_the_book_s_pictures_are_read_from_the_book_only(tmp_path: Path) -> None:
    (tmp_path / "images").mkdir()  # files beside the book with the images' names
    (tmp_path / "images" / "chart.png").write_bytes(b"\x89PNG beside the book")
    (tmp_path / "images" / "gone.png").write_bytes(b"\x89PNG beside the book")
    path = book(tmp_path)
    article = load_article(path)
    found = sources(article)
    assert found[:3] == ["epub:OEBPS/images/chart.png", "epub:OEBPS/text/photo%20one.jpg",
                         "epub:OEBPS/images/gone.png"]
    assert [read_book_image(path, s) for s in found] == [PNG, JPEG, None, None, None]
    assert [image_alt(b) for b in article.blocks if b.kind == "image"] == [
        "Hours of sleep by age", "", "A missing figure", "Out of the book", "Remote"]
    assert read_book_image(path, "OEBPS/images/chart.png") is None  # not an epub: source
    assert read_book_image(path, "epub:OEBPS/content.opf") is not None  # a member, any
    assert raster_format(read_book_image(path, "epub:OEBPS/content.opf") or b"") is None


def test_the_text_does_not_depend_on_the_pictures(tmp_path: Path) -> None:
    """The canonical text and every offset are the same whether the members
    exist or not: an image block is one U+FFFC whatever its source."""
    with_images = load_article(book(tmp_path))
    (tmp_path / "bare").mkdir()
    bare = load_article(make_epub(tmp_path / "bare" / "book.epub",
                                  [("c.xhtml", "C", chapter(BODY))]))
    assert with_images.text == bare.text
    assert [(b.kind, b.start, b.end) for b in with_images.blocks] == [
        (b.kind, b.start, b.end) for b in bare.blocks]
    assert with_images.text.count("\ufffc") == 5


def test_a_data_image_stays_one(tmp_path: Path) -> None:
    body = '<p><img src="data:image/png;base64,iVBORw0KGgo=" alt="inline"/></p><p>Text here.</p>'
    article = load_article(book(tmp_path, body=body))
    assert sources(article) == ["data:image/png;base64,iVBORw0KGgo="]


def test_a_member_over_the_cap_is_not_read(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """A zip bomb-ish image: megabytes of zeros in a few KB stop at the cap."""
    monkeypatch.setattr(epub_images, "MAX_BOOK_IMAGE_BYTES", 1_000_000)
    bomb = b"\x89PNG\r\n\x1a\n" + bytes(2_000_000)
    path = book(tmp_path, {"OEBPS/images/chart.png": bomb})
    assert path.stat().st_size < 50_000
    assert read_book_image(path, "epub:OEBPS/images/chart.png") is None
    monkeypatch.setattr(epub_images, "MAX_BOOK_IMAGE_BYTES", 3_000_000)
    assert read_book_image(path, "epub:OEBPS/images/chart.png") == bomb


@pytest.mark.parametrize("make", ["not a zip", "a folder", "a fifo", "missing"])
def test_a_book_that_cannot_be_read_gives_no_picture(tmp_path: Path, make: str) -> None:
    path = tmp_path / "book.epub"
    if make == "not a zip":
        path.write_bytes(b"plain text")
    elif make == "a folder":
        path.mkdir()
    elif make == "a fifo":
        os.mkfifo(path)  # must not hang
    assert read_book_image(path, "epub:OEBPS/images/chart.png") is None


def test_raster_formats_by_their_first_bytes() -> None:
    assert raster_format(PNG) == "png" and raster_format(JPEG) == "jpeg"
    assert raster_format(b"GIF89a...") == "gif" and raster_format(b"BM....") == "bmp"
    assert raster_format(b"RIFF\x00\x00\x00\x00WEBPVP8 ") == "webp"
    assert raster_format(b'<svg xmlns="http://www.w3.org/2000/svg"/>') is None
    assert raster_format(b"<?xml version='1.0'?><svg/>") is None
    assert raster_format(b"%PDF-1.7") is None and raster_format(b"") is None


@given(st.text(alphabet=st.sampled_from("ab./%:#?-_ \u00e9"), max_size=24))
def test_a_source_reads_a_member_of_the_book_or_nothing(tmp_path_factory, src: str) -> None:
    """Whatever an ``<img src>`` says, what is read is a member of the book or
    nothing: never a file beside it or above it."""
    folder = tmp_path_factory.mktemp("b")
    for name in ("a", "a.png", "b", "OEBPS"):
        (folder / name).write_bytes(b"\x89PNG beside")
    path = book(folder)
    with zipfile.ZipFile(path) as z:
        members = {z.read(name) for name in z.namelist()}
    data = read_book_image(path, book_source("OEBPS/text/c.xhtml", src))
    assert data is None or data in members


# Calibre's and Sigil's cover page, and many publishers' full-page figures: an
# SVG that only frames a raster picture (tester T11 saw the cover vanish).
SVG_COVER = ('<div><svg xmlns="http://www.w3.org/2000/svg" '
             'xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" width="100%" '
             'height="100%" viewBox="0 0 600 800" preserveAspectRatio="none">'
             '<title>Cover of Sleep &amp; Teenagers</title>'
             '<image width="600" height="800" xlink:href="../images/chart.png"/></svg></div>'
             "<p>Teenagers sleep less than they need.</p>"
             '<svg viewBox="0 0 10 10"><image href="photo%20one.jpg"/><image '
             "href='http://tracker.invalid/p.gif'/></svg>"
             '<svg viewBox="0 0 10 10"><circle r="4" onload="alert(1)"/>'
             "<text>drawn words</text></svg><p>The chart shows a drop.</p>")


def test_a_picture_framed_by_an_svg_is_shown_as_the_picture(tmp_path: Path) -> None:
    article = load_article(book(tmp_path, body=SVG_COVER))
    path = tmp_path / "book.epub"
    assert sources(article)[:2] == ["epub:OEBPS/images/chart.png",
                                    "epub:OEBPS/text/photo%20one.jpg"]
    assert sources(article)[2].startswith("epub:http%3A")  # no member: nothing fetched
    assert [read_book_image(path, s) for s in sources(article)] == [PNG, JPEG, None]
    assert [image_alt(b) for b in article.blocks if b.kind == "image"] == [
        "Cover of Sleep & Teenagers", "", ""]
    # A drawing is not a picture: nothing of it is read, its words are no claim.
    assert "drawn words" not in article.text and "alert" not in article.text
    assert "Teenagers sleep less than they need." in article.text


@given(st.lists(st.sampled_from(["<svg>", "</svg>", "<image href='a.png'/>", "<title>t</title>",
                                "<image href=", "x", " ", "<p>", "</p>", "<svg ", "</svg", "y."]),
                max_size=30).map("".join))
@example("<svg><svg><image href='a.png'/></svg><image href=")  # nested, the outer never closed
@example("<svg><svg><image href='a.png'/></svg></svg>")
@example("<svg><image href='a.png'/><p>x</svg>")  # <p> leaves the SVG: x is shown
@example("<image href=<svg><image href='a.png'/>x</svg>")  # "<svg" inside an attribute
@example("x<svg><image href='a.png'/><title>t</title></svg>")  # inline: its alt text is read
@example("<image href=<svg <title>t</title><image href='a.png'/></svg><image href=")  # "tLast"
def test_svg_frames_add_pictures_and_nothing_else(tmp_path_factory, body: str) -> None:
    """Whatever the SVG markup (unclosed, nested, stray), reading the framed
    pictures adds image blocks and changes no word of the text around them.
    (A framed picture inside a line of text is read there by its alt text, the
    frame's title, as any inline picture is: the title's word "t" is the only
    word it may add; helper C13's dev run found that case. Read without the
    frames, a broken frame can glue the words beside it, "tLast" or "xLast":
    so the two readings' letters are compared, with the spaces and the letter
    t left out — no letter of the text may be lost or added.)"""
    folder = tmp_path_factory.mktemp("s")
    path = book(folder, body=body + "<p>Last words.</p>")
    article = load_article(path)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(load_epub, "_framed_pictures", lambda markup: markup)
        without = load_article(path)
    def letters(text: str) -> str:
        return "".join(text.replace("\ufffc", "").replace("t", "").split())

    assert letters(article.text) == letters(without.text)
    assert article.text.count("\ufffc") >= without.text.count("\ufffc")
