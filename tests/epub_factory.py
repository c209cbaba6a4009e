"""EPUB books the tests make: a zip with a container, a package file and chapters."""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from pathlib import Path

CONTAINER = """<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf"
   media-type="application/oebps-package+xml"/></rootfiles></container>"""


def chapter(body: str, title: str = "") -> str:
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
            f"<head><title>{title}</title></head><body>{body}</body></html>")


def make_epub(path: Path, chapters: Sequence[tuple[str, str, str]], *, title: str = "",
              author: str = "", spine: Sequence[str] | None = None,
              extra: dict[str, bytes] | None = None) -> Path:
    """``chapters`` are (file name, nav label, XHTML); ``spine`` orders the file names."""
    items = "".join(f'<item id="c{n}" href="text/{name}" media-type="application/xhtml+xml"/>'
                    for n, (name, _, _) in enumerate(chapters))
    ids = {name: f"c{n}" for n, (name, _, _) in enumerate(chapters)}
    order = spine if spine is not None else [name for name, _, _ in chapters]
    refs = "".join(f'<itemref idref="{ids[name]}"/>' for name in order)
    opf = (f'<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0">'
           f'<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{title}</dc:title>'
           f"<dc:creator>{author}</dc:creator></metadata>"
           f'<manifest>{items}<item id="nav" href="nav.xhtml" properties="nav" '
           f'media-type="application/xhtml+xml"/></manifest><spine>{refs}</spine></package>')
    links = "".join(f'<li><a href="text/{name}">{label}</a></li>' for name, label, _ in chapters)
    nav = chapter(f'<nav epub:type="toc" xmlns:epub="http://www.idpf.org/2007/ops"><ol>{links}'
                  "</ol></nav>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
        extra = dict(extra or {})
        book.writestr("META-INF/container.xml", extra.pop("META-INF/container.xml", CONTAINER))
        book.writestr("OEBPS/content.opf", opf)
        book.writestr("OEBPS/nav.xhtml", nav)
        for name, _, xhtml in chapters:
            book.writestr(f"OEBPS/text/{name}", xhtml)
        for name, data in extra.items():
            book.writestr(name, data)
    return path
