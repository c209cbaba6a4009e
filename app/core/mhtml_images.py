"""A page saved as one file (``.mhtml``): its pictures, read from the file's own parts.

A browser saves each picture of the page as a MIME part named by the address
it came from (``Content-Location``), some by a ``Content-ID`` too (referred
to as ``cid:…``). The article keeps each ``<img>``'s source as the page wrote
it (the canonical text does not change: an image block is one U+FFFC); when
the view shows it, :class:`SavedPageImages` looks the source up among the
file's parts — a relative one resolved against the page part's own address,
as RFC 2557 says — and gives that part's bytes.

Only parts of that file are ever read: a source that names no part gives
``None``, whatever it names (a web address, a ``file:`` path, another file
beside the page); a ``Content-Location`` is only a name to look up, never a
place to read from. The file is read once, size-capped as when it was
loaded, on the first picture; a part's bytes are capped before and after
decoding. The view then accepts only the raster formats
``epub_images.raster_format`` recognises by their first bytes.
"""

from __future__ import annotations

import os
from email import message_from_bytes
from email.message import Message
from urllib.parse import unquote, urldefrag, urljoin

from app.core.article import LoadError
from app.core.load_mhtml import DAMAGED, MAX_PARTS, has_mime_headers, page_part
from app.core.local_resources import MAX_FILE_IMAGE_BYTES
from app.core.reading import MAX_ARTICLE_BYTES, read_bytes

MAX_PART_IMAGE_BYTES = MAX_FILE_IMAGE_BYTES  # as an image file beside a saved page
# base64 is 4 characters for 3 bytes, with a line break every 76.
_MAX_ENCODED_CHARS = MAX_PART_IMAGE_BYTES * 4 // 3 * 78 // 76 + 1024


class SavedPageImages:
    """The pictures of the .mhtml file at ``path``, read as the view asks for them."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = path
        self._parts: dict[str, Message] | None = None
        self._base = ""  # the page part's own address: relative sources resolve against it

    def read(self, src: str) -> bytes | None:
        """The bytes of the part ``src`` names, or None: no such part, a part over
        the cap or damaged, a file that is no longer a saved page."""
        parts = self._index()
        key = _key(src, self._base)
        part = parts.get(key) if key else None
        if part is None or part.is_multipart():
            return None
        encoded = part.get_payload()
        if not isinstance(encoded, str) or len(encoded) > _MAX_ENCODED_CHARS:
            return None
        try:
            data = part.get_payload(decode=True)
        except DAMAGED:
            return None
        if not isinstance(data, bytes) or not data or len(data) > MAX_PART_IMAGE_BYTES:
            return None
        return data

    def _index(self) -> dict[str, Message]:
        if self._parts is not None:
            return self._parts
        self._parts = {}
        try:
            data = read_bytes(self.path, MAX_ARTICLE_BYTES)
        except LoadError:
            return self._parts
        if not has_mime_headers(data):
            return self._parts
        try:
            message = message_from_bytes(data)
            page = page_part(message)
            self._base = str(page.get("Content-Location") or "").strip() if page else ""
            self._parts = _named_parts(message, page)
        except DAMAGED:
            self._parts = {}
        return self._parts


def _named_parts(message: Message, page: Message | None) -> dict[str, Message]:
    """Each part but the page by the names it may be referred to by (the first
    part of a name wins)."""
    named: dict[str, Message] = {}
    for count, part in enumerate(message.walk()):
        if count > MAX_PARTS:
            break
        if part is page or part.is_multipart():
            continue
        location = str(part.get("Content-Location") or "").strip()
        content_id = str(part.get("Content-ID") or "").strip().strip("<>")
        for name in (_key(location, ""), _key("cid:" + content_id, "") if content_id else ""):
            if name:
                named.setdefault(name, part)
    return named


def _key(src: str, base: str) -> str:
    """A source as a name to look up: resolved against ``base``, percent-decoded
    (the view gives "a%20b.png" where the page wrote "a b.png"), without its
    fragment."""
    src = src.strip()
    if not src:
        return ""
    try:
        absolute = urljoin(base, src) if base else src
        return unquote(urldefrag(absolute)[0])
    except ValueError:  # an address urllib cannot parse ("http://[::1")
        return ""
