"""A page saved as one file (.mhtml), as Chrome writes it: the page, then each
resource as a part named by its address (and a Content-ID)."""

from __future__ import annotations

import base64
import quopri

BOUNDARY = "----MultipartBoundary--m12pictures----"
ADDRESS = "https://news.example.org/health/measles-123"


def part(location: str, data: bytes, kind: str = "image/png", content_id: str = "") -> str:
    """A resource part: base64, 76 characters a line."""
    encoded = base64.encodebytes(data).decode().replace("\n", "\r\n")
    named = f"Content-ID: <{content_id}>\r\n" if content_id else ""
    return (f"--{BOUNDARY}\r\nContent-Type: {kind}\r\n{named}"
            f"Content-Transfer-Encoding: base64\r\nContent-Location: {location}\r\n\r\n"
            f"{encoded}\r\n")


def make_mhtml(page: str, *parts: str, address: str = ADDRESS) -> bytes:
    body = quopri.encodestring(page.encode()).decode()
    return (f"From: <Saved by Blink>\r\nSnapshot-Content-Location: {address}\r\n"
            "Subject: Measles\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n"
            f'\ttype="text/html";\r\n\tboundary="{BOUNDARY}"\r\n\r\n\r\n'
            f"--{BOUNDARY}\r\nContent-Type: text/html; charset=utf-8\r\n"
            "Content-ID: <frame-1@mhtml.blink>\r\nContent-Transfer-Encoding: quoted-printable\r\n"
            f"Content-Location: {address}\r\n\r\n{body}\r\n" + "".join(parts)
            + f"--{BOUNDARY}--\r\n").encode()
