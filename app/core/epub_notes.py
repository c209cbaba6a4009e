"""Footnotes and endnotes of EPUB chapters, set apart from the body text.

Readium and Calibre's viewer do not show a book's notes in the middle of its
text: a note marked as one (EPUB 3 ``epub:type`` "footnote", "endnote",
"rearnote" or "note", DPUB-ARIA ``role`` "doc-footnote" / "doc-endnote", and
the sections that hold them: "footnotes", "endnotes", "rearnotes",
"doc-endnotes") is hidden and shown in a pop-up when its marker is pressed.
Books made before EPUB 3 mark nothing: there a note is the element a note
marker points to — a link marked "noteref" / "doc-noteref", a link whose text
is a note's mark set in superscript ("<sup><a href="#fn1">1</a></sup>"), or
an unmarked mark whose own id the note links back to ("↑").

Here such notes are cut out of the chapter's markup (by their offsets in it)
and given back apart: the loader shows them after the chapter's text as
reference entries — visible, never claims, as a paper's footnotes are. Links
and notes are found by regular expressions (comments and scripts blanked out
first), not a full HTML parse of every chapter: that doubled a big book's
load time.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from urllib.parse import unquote, urlsplit

_NOTE_TYPES = frozenset({"footnote", "endnote", "rearnote", "note", "footnotes", "endnotes",
                         "rearnotes", "doc-footnote", "doc-endnote", "doc-endnotes"})
_NOTEREF_TYPES = frozenset({"noteref", "doc-noteref"})
# What a note marker's text is: "1", "[12]", "*", "†", "iv", "a".
_MARKER_TEXT = re.compile(r"\[?(?:\d{1,4}|[*†‡§¶]{1,3}|[ivxlc]{1,6}|[a-z])\]?")
# Elements a note may be when a marker points at it or inside it.
_NOTE_BLOCKS = frozenset({"p", "div", "li", "aside", "dd", "dt", "blockquote", "section",
                          "footer"})
_VOID = frozenset({"br", "img", "hr", "meta", "link", "input", "col", "area", "base", "wbr",
                   "source", "track", "embed", "param"})
MAX_DEPTH = 20  # the same tag opened in itself deeper than this: not a note's markup
# A note found only by a marker pointing into it is cut out only if it is this
# short: a marker's target inside a chapter-wide <div> must not take the chapter.
MAX_NOTE_CHARS = 5_000
MAX_POINTED_NOTES = 3_000  # per chapter (bounded work on a hostile book)
_NESTING = 4  # blocks around a marker's target looked at for the note
_TAG = re.compile(r"""<(/?)([A-Za-z][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>""")
_ATTRIBUTE = re.compile(r"""([^\s=/>"']+)\s*=\s*("[^"]*"|'[^']*'|[^\s>"']+)""")
_HIDDEN = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<(script|style)\b.*?</\1\s*>",
                     re.DOTALL | re.IGNORECASE)
_MARKUP = re.compile(r"<[^>]*>")
_LINK = re.compile(r"<a\s((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>(.{0,200}?)</a\s*>",
                   re.DOTALL | re.IGNORECASE)
_NOTE_ATTRIBUTE = re.compile(r"""\s(id|name|epub:type|role)\s*=\s*(?:"([^"]*)"|'([^']*)')""",
                             re.IGNORECASE)
_BLOCK_START = re.compile(r"<(p|div|li|aside|dd|dt|blockquote|section|footer)\b", re.IGNORECASE)
_ATTRIBUTE_HINTS = ("id=", "name=", "type=", "role=")


def _attributes(raw: str) -> dict[str, str]:
    if not any(hint in raw for hint in _ATTRIBUTE_HINTS) and "href" not in raw:
        return {}
    return {name.lower(): html.unescape(value.strip("\"'"))
            for name, value in _ATTRIBUTE.findall(raw)}


def _types(attributes: dict[str, str]) -> set[str]:
    """The words of an element's epub:type and role attributes."""
    words: set[str] = set()
    for name, value in attributes.items():
        if name == "role" or name.endswith(":type"):
            words.update(value.lower().split())
    return words


def _links(markup: str) -> Iterator[tuple[str, str, int, str]]:
    """Each link: (href, its own id, how marked — 2 noteref, 1 in superscript,
    0 not —, its text)."""
    for match in _LINK.finditer(markup):
        attributes = _attributes(match.group(1))
        inner = match.group(2)
        opened = markup.rfind("<sup", max(0, match.start() - 40), match.start())
        superscript = "<sup" in inner or (
            opened >= 0 and "</sup" not in markup[opened:match.start()])
        how = 2 if _types(attributes) & _NOTEREF_TYPES else 1 if superscript else 0
        text = html.unescape(_MARKUP.sub("", inner)).strip()
        yield attributes.get("href", ""), attributes.get("id", ""), how, text


def superscript_noterefs(markup: str) -> str:
    """Note markers marked "noteref" but not set in superscript, put in ``<sup>``:
    the block builder then reads them "[1]", as it reads "<sup><a>1</a></sup>"
    (Standard Ebooks set theirs superscript by CSS: "…the end.1 The…")."""
    if "noteref" not in markup:
        return markup

    def wrapped(match: re.Match[str]) -> str:
        raw, inner = match.group(1), match.group(2)
        if "noteref" not in raw or "<sup" in inner or not (
                _types(_attributes(raw)) & _NOTEREF_TYPES):
            return match.group(0)
        opened = markup.rfind("<sup", max(0, match.start() - 40), match.start())
        if opened >= 0 and "</sup" not in markup[opened:match.start()]:
            return match.group(0)
        return f"<sup>{match.group(0)}</sup>"

    return _LINK.sub(wrapped, markup)


def note_targets(chapters: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
    """(member, id) of every element that a note marker in ``chapters`` (member,
    markup) points to, in the same chapter or another (a book's notes file)."""
    found: set[tuple[str, str]] = set()
    linked: set[tuple[str, str]] = set()
    candidates: list[tuple[tuple[str, str], tuple[str, str]]] = []
    for member, markup in chapters:
        if "#" not in markup:
            continue
        for href, identifier, how, text in _links(_blank(markup)):
            target = _resolve(member, href)
            if target is None:
                continue
            linked.add(target)
            if how == 2 or (how == 1 and _MARKER_TEXT.fullmatch(text)):
                found.add(target)
            elif identifier and _MARKER_TEXT.fullmatch(text):
                candidates.append((target, (member, identifier)))
    # An unmarked mark is a marker when the note links back to it.
    found.update(target for target, marker in candidates if marker in linked)
    return found


def _resolve(member: str, href: str) -> tuple[str, str] | None:
    """(member, id) that ``href``, in ``member``, points to; None if outside the book."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.fragment:
        return None
    path = unquote(parts.path)
    target = posixpath.normpath(posixpath.join(posixpath.dirname(member), path)) if path \
        else member
    return target.lstrip("/"), unquote(parts.fragment)


def _note_ranges(markup: str, ids: set[str]) -> list[tuple[int, int]]:
    """Offsets of the note elements in one chapter's markup.

    Only the notes are read tag by tag: each is found by its attribute, and
    its end by counting its own tag name's openings and closings (a chapter
    is XHTML: well formed)."""
    blanked = _blank(markup)
    ranges: list[tuple[int, int]] = []
    budget = MAX_POINTED_NOTES
    for found in _NOTE_ATTRIBUTE.finditer(blanked):
        if ranges and found.start() < ranges[-1][1]:
            continue  # inside a note already taken
        opened = blanked.rfind("<", 0, found.start())
        tag = _TAG.match(blanked, opened) if opened >= 0 else None
        if tag is None or tag.end() <= found.start() or tag.group(1):
            continue
        name, value = found.group(1).lower(), html.unescape(found.group(2) or found.group(3))
        element = tag.group(2).lower()
        if name in ("id", "name"):
            if value not in ids or budget <= 0:
                continue
            budget -= 1
            if element not in _NOTE_BLOCKS:  # '<p><a id="fn1"/>1. Watson…': the block around
                opened, element = _enclosing(blanked, opened)
        elif not set(value.lower().split()) & _NOTE_TYPES:
            continue
        if opened < 0 or element in _VOID or (ranges and opened < ranges[-1][1]):
            continue
        pointed = name in ("id", "name")
        end = _element_end(blanked, opened, element, MAX_NOTE_CHARS if pointed else None)
        if not pointed or end - opened <= MAX_NOTE_CHARS:
            ranges.append((opened, end))
    return ranges


def _blank(markup: str) -> str:
    """``markup`` with comments, CDATA and scripts blanked (offsets kept)."""
    if "<!" not in markup and "<script" not in markup and "<style" not in markup:
        return markup
    return _HIDDEN.sub(lambda m: " " * len(m.group()), markup)


def _element_end(markup: str, start: int, tag: str, reach: int | None = None) -> int:
    """Where the element ``tag`` opened at ``start`` ends (after its end tag);
    the markup's end if it does not end within ``reach`` characters."""
    depth = 0
    stop = len(markup) if reach is None else min(len(markup), start + reach)
    for match in _same_tag(tag).finditer(markup, start, stop):
        if match.group(2):
            continue  # <tag … />
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return match.end()
        if depth > MAX_DEPTH:
            break  # not closed as XHTML closes: taken to run to the end
    return len(markup)


def _enclosing(markup: str, at: int) -> tuple[int, str]:
    """The start and name of the innermost note block still open at ``at``."""
    starts = list(_BLOCK_START.finditer(markup, max(0, at - MAX_NOTE_CHARS), at))
    for match in reversed(starts[-_NESTING:]):  # (a note is seldom deeper in its blocks)
        name = match.group(1).lower()
        if _element_end(markup, match.start(), name, MAX_NOTE_CHARS) > at:
            return match.start(), name
    return -1, ""


@lru_cache(maxsize=64)
def _same_tag(tag: str) -> re.Pattern[str]:
    return re.compile(rf"<(/?){re.escape(tag)}\b[^>]*?(/?)>", re.IGNORECASE)


def split_notes(markup: str, ids: set[str]) -> tuple[str, str]:
    """``markup`` without its notes, and the notes' markup (empty if none).

    ``ids`` are the ids in this chapter that a note marker points to."""
    if not ids and "note" not in markup:
        return markup, ""
    ranges = _note_ranges(markup, ids)
    if not ranges:
        return markup, ""
    body, notes, at = [], [], 0
    for start, end in ranges:
        body.append(markup[at:start])
        notes.append(markup[start:end])
        at = end
    body.append(markup[at:])
    return "".join(body), _without_back_links("".join(notes))


# A note's way back to its marker: an arrow (with any variation selector) or
# a link marked as one. Navigation, as in the chapter's own text, not words.
_BACK_ARROWS = re.compile(r"[\u2191\u21a9\u2934\u2b06^\ufe0e\ufe0f\s]+")
_BACK_TYPES = frozenset({"backlink", "doc-backlink"})


def _without_back_links(notes: str) -> str:
    """The notes' markup without their back links ("↑", "↩︎")."""
    def kept(match: re.Match[str]) -> str:
        text = html.unescape(_MARKUP.sub("", match.group(2)))
        if _BACK_ARROWS.fullmatch(text) or _types(_attributes(match.group(1))) & _BACK_TYPES:
            return ""
        return match.group()
    return _LINK.sub(kept, notes) if "<a" in notes or "<A" in notes else notes
