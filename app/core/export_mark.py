"""The mark claimmark writes into every export it makes, and how to see it.

An export of notes is not an article: the library must not index ``out.md``
or ``review.html`` written by ``claimmark export -o`` (tester T9: it did; only
the name File ▸ Export suggests, ``<stem>-notes.<ext>``, told). So every
export an article loader could open carries a mark in its first bytes:

- Markdown: its first line is :data:`MARKDOWN_MARK`, an HTML comment (not
  shown by Markdown renderers);
- HTML (and so the PDF's source): :data:`HTML_MARK` in its ``<head>``;
- PDF: the document information's Creator is "claimmark" (claimmark writes
  PDFs only as exports), near the start of the file where Qt puts it.

CSV, JSON-LD and ClaimReview are no article format. Reading
:data:`HEAD_BYTES` of a file tells; nothing else of it is read. This module
imports nothing of the exporters: the library's sync uses it.
"""

from __future__ import annotations

import os
import stat

MARKDOWN_MARK = "<!-- claimmark notes export: the notes on an article, not an article -->"
HTML_MARK = '<meta name="generator" content="claimmark notes export">'
PDF_CREATOR = "claimmark"
HEAD_BYTES = 4096
_PDF_CREATORS = (f"/Creator ({PDF_CREATOR})".encode(),  # as ASCII, or as Qt writes it:
                 b"/Creator (\xfe\xff" + PDF_CREATOR.encode("utf-16-be") + b")")


def is_own_export(path: str | os.PathLike[str]) -> bool:
    """Whether the file at ``path`` is an export claimmark wrote (False if unreadable)."""
    try:
        # Non-blocking: a FIFO given an article's name must not hang the sync.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return False
            head = os.read(fd, HEAD_BYTES)
        finally:
            os.close(fd)
    except OSError:
        return False
    return is_own_export_head(head)


def is_own_export_head(head: bytes) -> bool:
    """Whether a file starting with ``head`` is an export claimmark wrote."""
    if head.startswith(b"%PDF"):
        return any(creator in head for creator in _PDF_CREATORS)
    head = head.removeprefix(b"\xef\xbb\xbf")
    return head.startswith(MARKDOWN_MARK.encode()) or HTML_MARK.encode() in head
