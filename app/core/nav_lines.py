"""Navigation lines of generated manuals: page furniture, not article text.

Texinfo writes "Next: <a rel=next>…</a>, Previous: <a rel=prev>…</a>, Up: …
[Contents][Index]" above (and below) every node of a manual, and so into
every chapter of an EPUB made from its pages; DocBook writes a table of
"Prev | Up | Next" cells. They are found by structure, not by their words:
a link that says where it leads in the document's order (``rel="next"``,
``"prev"``, ``"up"``, ``"contents"``, ``"index"`` … or a keyboard
``accesskey``), inside a paragraph-like element that holds nothing but links
and a few words of label per link. A sentence that merely links to the next
chapter keeps its words and stays.

The ``rel`` and ``accesskey`` attributes do not survive sanitising, so this
runs on the page as parsed by lxml, before nh3.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

NAVIGATION_RELS = frozenset({"next", "prev", "previous", "up", "top", "first", "last",
                             "start", "contents", "toc", "index", "home", "parent"})
# The nearest of these around a navigation link is the line it sits on.
_LINE_TAGS = frozenset({"p", "div", "td", "th", "li", "dd", "dt", "header", "footer",
                        "section", "center", "body"})
_MAX_LABEL_LETTERS = 12  # "Previous:", "Back to", "Table of contents" stays near this
_LETTER = re.compile(r"[^\W\d_]")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# Cheap test on the raw page before parsing anything (most pages have none).
_NAVIGATION_HINT = re.compile(
    r"""<a\b[^>]*\b(?:accesskey\s*=|rel\s*=\s*["']?[^"'>]*\b(?:"""
    + "|".join(sorted(NAVIGATION_RELS)) + r")\b)", re.IGNORECASE)


def may_have_navigation(html: str) -> bool:
    """Might ``html`` hold a navigation line? (False means certainly not.)"""
    return _NAVIGATION_HINT.search(html) is not None


def is_navigation_link(link: lxml.html.HtmlElement) -> bool:
    """A link to the next, previous, parent … part of the document, or a keyboard shortcut."""
    if link.tag != "a" or not link.get("href"):
        return False
    if link.get("accesskey"):
        return True
    return not NAVIGATION_RELS.isdisjoint((link.get("rel") or "").lower().split())


def navigation_lines(root: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """The elements of ``root`` that are navigation lines (each one once)."""
    found: dict[int, lxml.html.HtmlElement] = {}
    for link in root.iter("a"):
        if not is_navigation_link(link):
            continue
        line = _line_of(link)
        if line is not None and id(line) not in found and _only_links(line):
            found[id(line)] = line
    return list(found.values())


def _line_of(link: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    for ancestor in link.iterancestors():
        if ancestor.tag in _LINE_TAGS:
            return None if ancestor.tag == "body" else ancestor
    return None


def _only_links(line: lxml.html.HtmlElement) -> bool:
    """Is ``line`` links and a few words of label, with no heading or sentence of its own?"""
    if any(child.tag in ("h1", "h2", "h3", "h4", "h5", "h6", "pre", "table", "ul", "ol",
                         "blockquote") for child in line.iterdescendants()):
        return False
    links = [a for a in line.iter("a") if a.get("href")]
    text = line.text_content()
    label_letters = len(_LETTER.findall(text)) - sum(
        len(_LETTER.findall(a.text_content())) for a in links)
    return bool(links) and label_letters <= _MAX_LABEL_LETTERS * len(links)


def drop_navigation_lines(html: str) -> str:
    """``html`` without its navigation lines (unchanged when it has none)."""
    if not may_have_navigation(html):
        return html
    try:
        root = lxml.html.document_fromstring(_XML_DECLARATION.sub("", html, count=1))
    except (ValueError, etree.ParserError):
        return html
    lines = navigation_lines(root)
    if not lines:
        return html
    for line in lines:
        remove_keeping_tail(line)
    return str(lxml.html.tostring(root, encoding="unicode"))


def remove_keeping_tail(element: lxml.html.HtmlElement) -> None:
    """Remove ``element`` from its tree; the text after it (its "tail") stays."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)
