"""EPUB books: spine order, chapter titles, metadata, and refusals."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from app.core import load_epub as load_epub_module
from app.core.article import LoadError
from app.core.claims import find_claims
from app.core.loaders import load_article
from tests.epub_factory import chapter, make_epub

CHAPTERS = [
    ("one.xhtml", "Why We Sleep", chapter(
        "<h1>Why We Sleep</h1><p>Sleep restores the brain. Adults need seven hours.</p>"
        '<script>alert("x")</script><p>Naps <em>may</em> help.<img src="http://tracker.invalid/p.gif"/></p>')),
    ("two.xhtml", "Dreams", chapter("<p>Most dreams happen in REM sleep.</p>", title="x")),
    ("three.xhtml", "Notes", chapter("<p>Caffeine stays in the blood for hours.</p>")),
]


def blocks(article, kind: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [article.text[b.start:b.end] for b in article.blocks if b.kind == kind]


def test_chapters_in_spine_order_with_titles_as_headings(tmp_path: Path) -> None:
    path = make_epub(tmp_path / "book.epub", CHAPTERS, title="A Book on Sleep",
                     author="R. Walker", spine=["one.xhtml", "three.xhtml", "two.xhtml"])
    article = load_article(path)
    assert article.format == "epub"
    assert article.title == "A Book on Sleep"
    assert blocks(article, "meta") == ["R. Walker"]
    # Chapter one has its own h1; the others take their titles from the table of contents.
    assert blocks(article, "heading") == ["A Book on Sleep", "Why We Sleep", "Notes", "Dreams"]
    text = article.text
    assert text.index("Caffeine") < text.index("REM sleep")
    claims = [text[c.start:c.end] for c in find_claims(article)]
    assert "Sleep restores the brain." in claims and "Naps may help." in claims
    assert "alert" not in text and "tracker" not in text
    assert "R. Walker" not in claims
    assert "x" not in claims and not text.startswith("x")  # a chapter's <head><title> is not text


def test_a_drm_protected_book_is_refused(tmp_path: Path) -> None:
    encryption = (b'<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
                  b'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
                  b'<enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>'
                  b"</enc:EncryptedData></encryption>")
    path = make_epub(tmp_path / "drm.epub", CHAPTERS,
                     extra={"META-INF/encryption.xml": encryption})
    with pytest.raises(LoadError, match=r"^drm.epub: is DRM-protected"):
        load_article(path)


def test_obfuscated_fonts_alone_are_not_drm(tmp_path: Path) -> None:
    encryption = (b'<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
                  b'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
                  b'<enc:EncryptionMethod Algorithm="http://www.idpf.org/2008/embedding"/>'
                  b"</enc:EncryptedData></encryption>")
    path = make_epub(tmp_path / "fonts.epub", CHAPTERS, title="T",
                     extra={"META-INF/encryption.xml": encryption})
    assert "REM sleep" in load_article(path).text


def test_a_zip_bomb_stops_at_the_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bomb = chapter("<p>" + "a " * 3_000_000 + "</p>")  # 6 MB that compresses to a few KB
    path = make_epub(tmp_path / "bomb.epub", [("x.xhtml", "X", bomb)])
    assert path.stat().st_size < 100_000
    monkeypatch.setattr(load_epub_module, "MAX_MEMBER_BYTES", 1_000_000)
    with pytest.raises(LoadError, match=r"^bomb.epub: a file inside is too large"):
        load_article(path)


@pytest.mark.parametrize(("data", "message"), [
    (b"", "not an EPUB"), (b"plain text, not a zip", "not an EPUB"),
])
def test_not_an_epub(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "x.epub"
    path.write_bytes(data)
    with pytest.raises(LoadError, match=message) as error:
        load_article(path)
    assert "\n" not in str(error.value)


def test_a_zip_without_a_package_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.epub"
    with zipfile.ZipFile(path, "w") as book:
        book.writestr("hello.txt", "hi")
    with pytest.raises(LoadError, match="no META-INF/container.xml"):
        load_article(path)


def test_entity_bombs_in_the_package_are_refused(tmp_path: Path) -> None:
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              + "".join(f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">'
                        for n in range(1, 10))
              + ']><container>&lol9;</container>')
    path = make_epub(tmp_path / "lol.epub", CHAPTERS,
                     extra={"META-INF/container.xml": laughs.encode()})
    with pytest.raises(LoadError):
        load_article(path)
