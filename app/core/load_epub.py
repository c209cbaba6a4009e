"""EPUB books (DRM-free) as articles.

An EPUB is a zip of XHTML chapters with a package file (OPF) naming them in
reading order (the spine). Each chapter goes through the same sanitiser and
block builder as a saved page (nh3 allow-list, then ``html_blocks``): no
script, style or remote resource survives, nothing is fetched. An image's
source becomes the member of the book it names (``epub_images``: read from
inside the book when shown, never looked up beside the .epub); the "Next: …
Up: …" lines of manuals made into books are dropped (``nav_lines``).

Guards: the archive's size, its number of members and every member's
unpacked size are capped (a zip bomb stops at the cap, whatever its headers
claim); XML is parsed by expat, which fetches nothing and refuses entity bombs; a book whose
chapters are encrypted (DRM) is refused in one line.
"""

from __future__ import annotations

import html
import io
import os
import posixpath
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from urllib.parse import unquote, urlsplit

from app.core.article import Article, Block, LoadError, StyleRun, TextBuilder
from app.core.epub_images import book_source
from app.core.epub_notes import note_targets, split_notes, superscript_noterefs
from app.core.html_blocks import html_to_blocks
from app.core.nav_lines import drop_navigation_lines
from app.core.reading import decode, read_bytes
from app.core.sanitize import sanitize_html

MAX_EPUB_BYTES = 100 * 1024 * 1024
MAX_MEMBERS = 10_000
MAX_MEMBER_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
_XHTML_TYPES = ("application/xhtml+xml", "text/html")
# Font obfuscation, which EPUB allows without DRM; anything else encrypted is DRM.
_FONT_OBFUSCATION = ("http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC")
_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_SRC = re.compile(r"""(\bsrc\s*=\s*["']?)([^"'\s>]*)""", re.IGNORECASE)
_SVG_IMAGE = re.compile(r"""<image\b[^>]*?\b(?:xlink:)?href\s*=\s*(?:"([^"]*)"|'([^']*)')""",
                        re.IGNORECASE)
_SVG_TAG = re.compile(r"<(/?)svg(?=[\s/>])[^>]*>", re.IGNORECASE)
_TAG_NAME = re.compile(r"</?([A-Za-z][\w:.-]*)")
_ANY_TAG = re.compile(r"<[^>]*>")
_FRAME_TAGS = frozenset({"svg", "image", "title", "desc", "g", "defs", "metadata"})
_SVG_TITLE = re.compile(r"<title\b[^>]*>([^<]*)</title>", re.IGNORECASE)
_NS = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/",
       "c": "urn:oasis:names:tc:opendocument:xmlns:container",
       "ncx": "http://www.daisy.org/z3986/2005/ncx/",
       "x": "http://www.w3.org/1999/xhtml", "enc": "http://www.w3.org/2001/04/xmlenc#"}


class _Book:
    """Capped reading of an EPUB's members."""

    def __init__(self, data: bytes, name: str) -> None:
        self.name = name
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            members = self.zip.infolist()
        except (zipfile.BadZipFile, OSError, ValueError):
            raise LoadError(f"{name}: is not an EPUB (not a zip archive)") from None
        if len(members) > MAX_MEMBERS:
            raise LoadError(f"{name}: too many files inside ({len(members)})")
        self.unpacked = 0

    def read(self, member: str) -> bytes:
        try:
            with self.zip.open(member) as stream:
                data = stream.read(MAX_MEMBER_BYTES + 1)
        except KeyError:
            raise LoadError(f"{self.name}: damaged EPUB ({member} is missing)") from None
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
            raise LoadError(f"{self.name}: damaged EPUB (cannot unpack {member})") from None
        if len(data) > MAX_MEMBER_BYTES:
            raise LoadError(f"{self.name}: a file inside is too large ({member})")
        self.unpacked += len(data)
        if self.unpacked > MAX_UNPACKED_BYTES:
            raise LoadError(f"{self.name}: too large when unpacked")
        return data

    def xml(self, member: str) -> ET.Element:
        # The standard library's expat never fetches external entities or DTDs
        # and (expat ≥ 2.4.1) refuses entity-expansion bombs.
        try:
            return ET.fromstring(self.read(member))
        except ET.ParseError:
            raise LoadError(f"{self.name}: damaged EPUB (cannot read {member})") from None

    def has(self, member: str) -> bool:
        return member in self.zip.namelist()


def load_epub(path: str | os.PathLike[str], max_bytes: int = MAX_EPUB_BYTES,
              progress: Callable[[int, int], object] | None = None) -> Article:
    """Read an EPUB into an Article, or raise LoadError with one line; ``progress``
    (chapters done, chapters) after each chapter."""
    p = Path(path)
    book = _Book(read_bytes(p, max_bytes), p.name)
    _refuse_drm(book)
    if not book.has("META-INF/container.xml"):
        raise LoadError(f"{p.name}: is not an EPUB (no META-INF/container.xml)")
    rootfile = book.xml("META-INF/container.xml").find(".//c:rootfile", _NS)
    opf_path = rootfile.get("full-path", "") if rootfile is not None else ""
    if not opf_path:
        raise LoadError(f"{p.name}: damaged EPUB (no package file)")
    opf = book.xml(opf_path)
    base = posixpath.dirname(opf_path)
    title = _text(opf.find(".//dc:title", _NS))
    authors = [_text(e) for e in opf.findall(".//dc:creator", _NS) if _text(e)]
    manifest = {item.get("id", ""): item for item in opf.findall(".//opf:manifest/opf:item", _NS)}
    labels = _toc_labels(book, opf, manifest, base)
    builder = TextBuilder()
    if title:
        builder.add("heading", title, level=1)
    if authors:
        builder.add("meta", ", ".join(authors))
    chapters: list[tuple[str, str]] = []  # (member, markup) in reading order
    for ref in opf.findall(".//opf:spine/opf:itemref", _NS):
        item = manifest.get(ref.get("idref", ""))
        if item is None or ref.get("linear") == "no" or item.get(
                "media-type") not in _XHTML_TYPES:
            continue
        member = _join(base, item.get("href", ""))
        chapters.append((member, decode(book.read(member), member)[0]))
    note_ids: dict[str, set[str]] = {}
    for place, identifier in note_targets(chapters):
        note_ids.setdefault(place, set()).add(identifier)
    for done, (member, markup) in enumerate(chapters, 1):
        _add_chapter(builder, member, markup, note_ids.get(member, set()),
                     labels.get(member, ""))
        if progress is not None:
            progress(done, len(chapters))
    if not builder.blocks or not builder.text().strip():
        raise LoadError(f"{p.name}: has no readable text")
    return Article(text=builder.text(), blocks=tuple(builder.blocks),
                   title=(title or p.stem)[:200], source_path=str(p), format="epub",
                   encoding="utf-8")


def _refuse_drm(book: _Book) -> None:
    if not book.has("META-INF/encryption.xml"):
        return
    root = book.xml("META-INF/encryption.xml")
    for method in root.iter("{http://www.w3.org/2001/04/xmlenc#}EncryptionMethod"):
        if method.get("Algorithm") not in _FONT_OBFUSCATION:
            raise LoadError(f"{book.name}: is DRM-protected; claimmark reads only DRM-free books")


def _add_chapter(builder: TextBuilder, member: str, markup: str, note_ids: set[str],
                 label: str) -> None:
    """The chapter's blocks, then its footnotes and endnotes as reference entries
    (``epub_notes``: shown apart, as Readium and Calibre's viewer do, not claims)."""
    body, notes = split_notes(superscript_noterefs(markup), note_ids)
    blocks = _blocks(body, member) + _blocks(notes, member, as_notes=True)
    if label and not (blocks and blocks[0][0].kind == "heading"):
        builder.add("heading", label, level=2)
    for block, text, styles in blocks:
        builder.add(block.kind, text, level=block.level, ordinal=block.ordinal, styles=styles)


def _blocks(markup: str, member: str,
            as_notes: bool = False) -> list[tuple[Block, str, tuple[StyleRun, ...]]]:
    """Blocks of the chapter ``member``'s markup: each block (as a note if
    ``as_notes``), its text and its style runs from its own start. An image
    stays where it was, its source the member of the book it names (the image
    lies inside the book, not beside it: a file of that name beside the book
    must not stand in for it); the view reads it from the book, the exports
    show its alt text, ``[image: …]`` (tester T10)."""
    if not markup.strip():
        return []
    chapter = TextBuilder()
    inside = partial(_inside_the_book, member)
    pictures = _framed_pictures(drop_navigation_lines(markup))
    html_to_blocks(_IMG.sub(inside, sanitize_html(pictures)), chapter)
    chapter_text = chapter.text()
    found = []
    for block in chapter.blocks:
        if block.end <= block.start:
            continue
        styles = tuple(StyleRun(s.start - block.start, s.end - block.start, s.style,
                                None if s.style == "link" else s.href) for s in block.styles)
        if as_notes and block.kind in ("paragraph", "list_item", "quote"):
            block = replace(block, kind="reference")
        found.append((block, chapter_text[block.start:block.end], styles))
    return found


def _framed_pictures(markup: str) -> str:
    """Each outermost ``<svg>`` element that frames raster pictures (``<image
    href>``: Calibre's and Sigil's cover pages, many publishers' full-page
    figures) as those pictures' ``<img>``, its ``<title>`` their alt text. The
    sanitiser drops any other SVG whole: a drawing is not rendered and its
    words are no claims; an ``<svg>`` with anything but a frame's tags inside
    (shapes, text, HTML) or never closed stays as it is (the sanitiser
    drops it and what follows, as a browser hides it). One pass over the tags:
    linear however many are left open."""
    parts: list[str] = []
    done = 0
    opened: list[int] = []
    for tag in _SVG_TAG.finditer(markup):
        if not tag.group(1):
            opened.append(tag.start())
            continue
        if not opened:
            continue  # a stray end tag
        start = opened.pop()
        if opened:
            continue  # inside an outer frame: that one is replaced whole
        inside = markup[start:tag.start()]
        sources = [a or b for a, b in _SVG_IMAGE.findall(inside)]
        if not sources or not _only_a_frame(inside):
            continue
        title = _SVG_TITLE.search(inside)
        alt = html.escape(html.unescape(title.group(1)).strip()) if title else ""
        parts.append(markup[done:start])
        parts.extend(f'<img src="{html.escape(html.unescape(src))}" alt="{"" if n else alt}"/>'
                     for n, src in enumerate(sources))
        done = tag.end()
    parts.append(markup[done:])
    return "".join(parts)


def _only_a_frame(inside: str) -> bool:
    """Whether an SVG's inside holds only a frame's tags and no text but its
    title's: not a drawing (shapes, text), no HTML (which an HTML parser lets
    out of the SVG, to be shown), nothing a stray quote or bracket made look
    like tags."""
    bare = _ANY_TAG.sub("", _SVG_TITLE.sub("", inside))
    return not bare.strip() and _FRAME_TAGS.issuperset(
        name.lower() for name in _TAG_NAME.findall(inside))


def _inside_the_book(chapter: str, tag: re.Match[str]) -> str:
    """An ``<img>`` of ``chapter`` whose source names a member of the book
    ("epub:…", a scheme ``app.core.local_resources`` never reads). A ``data:``
    image stays one (size-capped there)."""
    def member(src: re.Match[str]) -> str:
        value = html.unescape(src.group(2))
        if value.lower().startswith("data:"):
            return src.group()
        return src.group(1) + book_source(chapter, value)

    return _SRC.sub(member, tag.group())


def _toc_labels(book: _Book, opf: ET.Element, manifest: dict[str, ET.Element],
                base: str) -> dict[str, str]:
    """Chapter file → its title in the book's table of contents (EPUB 3 nav or NCX)."""
    labels: dict[str, str] = {}
    for item in manifest.values():
        href = _join(base, item.get("href", ""))
        try:
            if "nav" in (item.get("properties") or "").split():
                for link in book.xml(href).iter("{http://www.w3.org/1999/xhtml}a"):
                    target = _join(posixpath.dirname(href), link.get("href", ""))
                    labels.setdefault(target, " ".join("".join(link.itertext()).split()))
            elif item.get("media-type") == "application/x-dtbncx+xml":
                for point in book.xml(href).iter("{http://www.daisy.org/z3986/2005/ncx/}navPoint"):
                    content = point.find("ncx:content", _NS)
                    label = point.find("ncx:navLabel/ncx:text", _NS)
                    if content is not None:
                        target = _join(posixpath.dirname(href), content.get("src", ""))
                        labels.setdefault(target, _text(label))
        except LoadError:
            continue  # a broken table of contents costs only the chapter titles
    return labels


def _join(base: str, href: str) -> str:
    """A member path from a link relative to ``base`` (fragment and query dropped)."""
    path = unquote(urlsplit(href).path)
    return posixpath.normpath(posixpath.join(base, path)).lstrip("/")


def _text(element: ET.Element | None) -> str:
    return " ".join("".join(element.itertext()).split()) if element is not None else ""
