"""A web page saved as one file (``.mhtml``, ``.mht``: Chrome, Edge, Opera).

The file is a MIME message (RFC 2557, ``multipart/related``): the page's HTML
is one part, its images and style sheets the others. The stdlib ``email``
package reads it; the page's HTML part (the one the message names as its
start, else its first ``text/html`` part) then goes the way of any saved page
(``load_html``). Its pictures are shown from the file's own parts when the
view asks for them (``mhtml_images``); nothing is fetched.

The browser writes the page's address in ``Snapshot-Content-Location`` (and
the part's ``Content-Location``): the ClaimReview export names the page by it
(``page_metadata``).
"""

from __future__ import annotations

import codecs
import re
from html import escape, unescape
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import quote, unquote

from app.core.article import LoadError
from app.core.reading import decode

if TYPE_CHECKING:
    from email.message import Message

MHTML_SUFFIXES = (".mhtml", ".mht")
# A MIME message starts with header lines; a saved page's within its first few KB.
_HEADER_SCAN = 16_384
MAX_PARTS = 10_000
_CID_SRC = re.compile(r"""(\bsrc\s*=\s*["']?)cid:([^"'\s>]+)""", re.IGNORECASE)
_URL_SAFE = ":/?#[]@!$&()*+,;=%~"
# What the stdlib parser raises on a damaged message.
DAMAGED = (RecursionError, ValueError, LookupError, TypeError, AttributeError)


class SavedPage(NamedTuple):
    """The page's HTML text, the encoding it was in, the address it was saved from."""

    html: str
    encoding: str
    location: str


def page_of_mhtml(data: bytes, name: str) -> SavedPage:
    """The web page of an MHTML file; :class:`LoadError` with one line when it
    holds none."""
    if not has_mime_headers(data):
        raise LoadError(f"{name}: not a saved web page (no MIME headers of an .mhtml file)")
    try:
        from email import message_from_bytes  # only for an .mhtml: it costs start-up

        message = message_from_bytes(data)
        page = page_part(message)
    except DAMAGED:
        raise LoadError(f"{name}: this .mhtml file is damaged and cannot be read") from None
    if page is None:
        raise LoadError(f"{name}: this .mhtml file holds no web page (no text/html part)")
    payload = page.get_payload(decode=True)
    if not isinstance(payload, bytes) or not payload.strip():
        raise LoadError(f"{name}: the web page in this .mhtml file is empty")
    location = (message.get("Snapshot-Content-Location") or page.get("Content-Location")
                or "")
    html, encoding = _decoded(payload, page.get_content_charset(), name)
    return SavedPage(_cid_sources(html, message), encoding, str(location).strip())


def page_part(message: Message) -> Message | None:
    """The part holding the page: the one the message names as its start (or
    its snapshot's address), else its first ``text/html`` part."""
    parts = _html_parts(message)
    start = _start_of(message)
    return next((part for part in parts if start and part.get("Content-Location") == start),
                parts[0] if parts else None)


def has_mime_headers(data: bytes) -> bool:
    head = data[:_HEADER_SCAN].lstrip().lower()
    header_end = min((i for i in (head.find(b"\r\n\r\n"), head.find(b"\n\n")) if i >= 0),
                     default=-1)
    headers = head[:header_end] if header_end >= 0 else b""
    return b"content-type:" in headers and (b"multipart/" in headers or b"text/html" in headers)


def _html_parts(message: Message) -> list[Message]:
    found: list[Message] = []
    for count, part in enumerate(message.walk()):
        if count > MAX_PARTS:
            break
        if part.get_content_type() == "text/html" and not part.is_multipart():
            found.append(part)
    return found


def _cid_sources(html: str, message: Message) -> str:
    """``src="cid:…"`` given the web address of the part with that Content-ID:
    the sanitiser drops a ``cid:`` source, and ``mhtml_images`` finds the part
    by its address. A part with no http(s) address keeps its ``cid:``."""
    if "cid:" not in html.lower():
        return html
    addresses: dict[str, str] = {}
    for count, part in enumerate(message.walk()):
        if count > MAX_PARTS:
            break
        content_id = str(part.get("Content-ID") or "").strip().strip("<>")
        location = str(part.get("Content-Location") or "").strip()
        if content_id and location.lower().startswith(("http://", "https://")):
            addresses.setdefault(content_id, escape(quote(location, safe=_URL_SAFE)))

    def address(src: re.Match[str]) -> str:
        found = addresses.get(unquote(unescape(src.group(2))))
        return src.group(1) + found if found else src.group()

    return _CID_SRC.sub(address, html)


def _start_of(message: Message) -> str:
    """The root part a ``multipart/related`` message names (``start=``), or the
    page's own address, which Chrome gives its HTML part as Content-Location."""
    start = message.get_param("start")
    if isinstance(start, str) and start:
        return start.strip("<>")
    snapshot = message.get("Snapshot-Content-Location")
    return str(snapshot).strip() if snapshot else ""


def _decoded(payload: bytes, charset: str | None, name: str) -> tuple[str, str]:
    """The part's text and encoding by its declared charset, else as a saved
    page is decoded."""
    if charset:
        try:
            encoding = codecs.lookup(charset).name
            text = payload.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            pass
        else:
            return decode(text.encode("utf-8"), name)[0], encoding
    from app.core.load_html import decode_html

    return decode_html(payload, name)
