"""Keep the page's own markup, block by block, where trafilatura kept the text.

trafilatura decides well *which* text of an unmarked page is the article, but
its output loses what we need on documentation pages (Debian's DocBook manuals,
pod2html, texinfo): when it finds no content container it recovers only
paragraphs, code, quotes and tables, so every heading, list and definition term
was dropped ("Chapter 1. Introduction", the user names of base-passwd's
``<dl>``, libffi's function signatures); and it moved a link out of an inline
``<code>`` to the end of its paragraph ("send mail to < or file a bug …
base-passwd@packages.debian.org>").

So its output is used as a verdict only, and the text shown is the page's:

1. The page's text is cut into units: each block element's own text (text not
   inside a nested block element).
2. A unit is *kept* when its words appear in trafilatura's output (the whole
   unit for short ones, half its word trigrams for longer ones, which survives
   reordering inside a paragraph).
3. Kinds trafilatura judges (paragraphs, code, quotes, cells, divs) that it did
   not keep are boilerplate. Kinds it may drop without judging them (headings,
   list items, definition terms and descriptions, captions, summaries) follow
   their neighbours: a run of them is kept when the unit after it was kept (a
   heading introduces what follows) or, up to its first heading, when the unit
   before it was (a list that continues a paragraph). So does a paragraph
   that is one link calling the reader to act ("Click here to order
   Glucontrol today"): trafilatura drops it as a link, yet inside an article
   it is the advertising the reader came to mark.
4. A table of data (two rows of two cells or more, mostly not links) that
   trafilatura garbled or dropped (tables inside a quote or nested in a table
   cell: a report's figures) follows its neighbours as a whole: all its cells
   are kept when the units just before and after it were kept.
5. Units not kept lose their own text; their block children are judged
   themselves. The page's markup, inline code and links stay as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import lxml.html
from lxml import etree

from app.core.extracted_html import is_inline_code

BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "header", "footer", "aside", "address",
    "blockquote", "pre", "li", "ul", "ol", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot",
    "tr", "td", "th", "caption", "figure", "figcaption", "details", "summary", "center",
    "h1", "h2", "h3", "h4", "h5", "h6", "body", "hr",
})
# What trafilatura may drop without judging it (its recovery path looks only
# at paragraphs, code, quotes and tables).
_UNJUDGED = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "caption",
                       "figcaption", "summary"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# A call to act at the start of a link's words, and at least four words:
# "Click here to order…", "Order your free bottle today", never "Read more".
_CALL_TO_ACT = re.compile(
    r"(?:click|tap) (?:here|now|below)\b|(?:order|buy|shop|get|grab|claim|try|subscribe|"
    r"sign up|book|call|download|start|join|discover|learn|find out|see) "
    r"(?:now|today|here|your|yours|our|the|a|an|it|this|more|how|why|what|free)\b",
    re.IGNORECASE)
_MIN_CALL_WORDS = 4
# trafilatura's inline vocabulary: styled runs, links, deletions (code: by place).
_EXTRACTED_INLINE = frozenset({"hi", "ref", "del"})
_WORD = re.compile(r"\w+")
_SHORT_WORDS = 4  # units with fewer words must appear whole
_TRIGRAM_SHARE = 0.5


@dataclass(slots=True)
class _Unit:
    element: lxml.html.HtmlElement
    words: list[str]
    status: str  # "kept", "judged" (dropped by trafilatura), "open" (left to neighbours)


def keep_extracted_blocks(page: str, extracted: etree._Element | None) -> str:
    """The body of ``page`` with the blocks trafilatura did not keep removed;
    "" when it kept nothing we can find (the caller falls back)."""
    if extracted is None:
        return ""
    extracted_words = _words(_extracted_text(extracted))
    if not extracted_words:
        return ""
    try:
        root = lxml.html.document_fromstring(page)
    except (etree.ParserError, ValueError):
        return ""
    body = root.find("body")
    if body is None:
        body = root
    verdict = _Extracted(extracted_words)
    units = list(_units(body, verdict))
    if not any(unit.status == "kept" for unit in units):
        return ""
    _settle_open_runs(units)
    _keep_enclosed_tables(units)
    for unit in units:
        if unit.status != "kept":
            _drop_own_text(unit.element)
    html: str = lxml.html.tostring(body, encoding="unicode")
    return html


class _Extracted:
    """trafilatura's text, for asking whether a unit's words are in it."""

    def __init__(self, words: list[str]) -> None:
        self.joined = f" {' '.join(words)} "
        self.trigrams = set(_trigrams(words))

    def holds(self, words: list[str]) -> bool:
        if len(words) < _SHORT_WORDS:
            return f" {' '.join(words)} " in self.joined
        grams = list(_trigrams(words))
        found = sum(1 for gram in grams if gram in self.trigrams)
        return found >= _TRIGRAM_SHARE * len(grams)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _trigrams(words: list[str]) -> Iterator[tuple[str, str, str]]:
    return zip(words, words[1:], words[2:], strict=False)


def _is_block(node: etree._Element) -> bool:
    return isinstance(node.tag, str) and node.tag.lower() in BLOCK_TAGS


def _own_text(element: lxml.html.HtmlElement) -> str:
    """Text of ``element`` not inside a nested block element, joined as a
    browser shows it ("<span>\\fontdimen</span>6" is one word)."""
    pieces = [element.text or ""]
    for child in element:
        if not isinstance(child.tag, str) or _is_block(child) or _has_block(child):
            pieces.append(" ")
        elif child.tag.lower() == "br":
            pieces.append(" ")
        else:
            pieces.append(child.text_content())
        pieces.append(child.tail or "")
    return "".join(pieces)


def _extracted_text(body: etree._Element) -> str:
    """trafilatura's text with a space between its blocks and none inside a
    line: its styled runs, links and inline code join their neighbours."""
    inline = {code for code in body.iter("code") if is_inline_code(code)}
    pieces: list[str] = []
    for event, element in etree.iterwalk(body, events=("start", "end")):
        joined = element.tag in _EXTRACTED_INLINE or element in inline
        if event == "start":
            pieces.append("" if joined else " ")
            pieces.append(element.text or "")
        else:
            pieces.append("" if joined else " ")
            pieces.append(element.tail or "")
    return "".join(pieces)


def _has_block(element: etree._Element) -> bool:
    return any(_is_block(node) for node in element.iterdescendants())


def _units(body: lxml.html.HtmlElement, verdict: _Extracted) -> Iterator[_Unit]:
    for element in _block_elements(body):
        words = _words(_own_text(element))
        if not words:
            continue
        if verdict.holds(words):
            status = "kept"
        elif element.tag.lower() in _UNJUDGED or _calls_to_act(element, words):
            status = "open"
        else:
            status = "judged"
        yield _Unit(element, words, status)


def _calls_to_act(element: lxml.html.HtmlElement, words: list[str]) -> bool:
    """A paragraph that is one link calling the reader to act (module doc, 3)."""
    if element.tag.lower() != "p" or len(words) < _MIN_CALL_WORDS:
        return False
    links = [a for a in element.iter("a") if a.get("href")]
    if len(links) != 1 or _words(links[0].text_content()) != words:
        return False
    return calls_to_act(links[0].text_content())


def calls_to_act(text: str) -> bool:
    """Link words that call the reader to act: "Click here to order Glucontrol
    today", "Order your free trial bottle now" (four words at least), never
    "Read more" or a table of contents' entry."""
    words = text.split()
    return len(words) >= _MIN_CALL_WORDS and _CALL_TO_ACT.match(" ".join(words)) is not None


def _block_elements(body: lxml.html.HtmlElement) -> Iterable[lxml.html.HtmlElement]:
    """Block elements in document order (an element before its descendants)."""
    return (el for el in body.iter() if _is_block(el))


def _settle_open_runs(units: list[_Unit]) -> None:
    """Decide each run of "open" units by the units around it (module doc, 3)."""
    index = 0
    while index < len(units):
        if units[index].status != "open":
            index += 1
            continue
        end = index
        while end < len(units) and units[end].status == "open":
            end += 1
        before_kept = index > 0 and units[index - 1].status == "kept"
        after_kept = end < len(units) and units[end].status == "kept"
        for position in range(index, end):
            unit = units[position]
            if after_kept:
                unit.status = "kept"
            elif before_kept and unit.element.tag.lower() not in _HEADINGS:
                unit.status = "kept"
            else:
                before_kept = False  # a heading starts a section nobody kept
                unit.status = "judged"
        index = end


# A table of figures and what may wrap it; its units are cells only.
_CELLS = frozenset({"td", "th", "caption"})
_TABLE_WRAPPERS = frozenset({"table", "thead", "tbody", "tfoot", "tr", "td", "th",
                             "blockquote", "figure", "center", "div"})
_LINKED_SHARE = 0.5


def _keep_enclosed_tables(units: list[_Unit]) -> None:
    """Keep every cell of a data table whose neighbours were kept (module doc, 4)."""
    done: set[lxml.html.HtmlElement] = set()
    only_cells: dict[lxml.html.HtmlElement, bool] = {}  # each wrapper read once

    def holds_only_cells(element: lxml.html.HtmlElement) -> bool:
        if element not in only_cells:
            only_cells[element] = _only_cells(element)
        return only_cells[element]

    for index, unit in enumerate(units):
        if unit.status == "kept" or unit.element.tag not in _CELLS:
            continue
        table = next(unit.element.iterancestors("table"), None)
        if table is None or table in done or not holds_only_cells(table):
            continue
        root = table
        while (root.getparent() is not None and root.getparent().tag in _TABLE_WRAPPERS
               and holds_only_cells(root.getparent())):
            root = root.getparent()
        done.add(table)
        done.update(root.iter("table"))
        first = last = index
        while first > 0 and _inside(units[first - 1].element, root):
            first -= 1
        while last + 1 < len(units) and _inside(units[last + 1].element, root):
            last += 1
        if (first > 0 and last + 1 < len(units) and units[first - 1].status == "kept"
                and units[last + 1].status == "kept" and _is_data_table(root)):
            for position in range(first, last + 1):
                units[position].status = "kept"


def _only_cells(element: lxml.html.HtmlElement) -> bool:
    """Is every block with text of its own inside ``element`` a cell?"""
    return not any(_is_block(node) and node.tag not in _CELLS and _words(_own_text(node))
                   for node in element.iter())


def _inside(element: lxml.html.HtmlElement, root: lxml.html.HtmlElement) -> bool:
    return element is root or any(node is root for node in element.iterancestors())


def _is_data_table(root: lxml.html.HtmlElement) -> bool:
    """Rows of figures, not a menu: two rows of two cells or more in one of its
    tables, and no more than half of its text in links."""
    if not any(sum(1 for row in table.iter("tr") if len(row.findall("td")) +
                   len(row.findall("th")) >= 2) >= 2 for table in root.iter("table")):
        return False
    text = len("".join(root.text_content().split()))
    linked = sum(len("".join(a.text_content().split())) for a in root.iter("a"))
    return text > 0 and linked <= _LINKED_SHARE * text


def _drop_own_text(element: lxml.html.HtmlElement) -> None:
    """Remove ``element``'s own text; its block children stay, to be judged alone."""
    element.text = None
    for child in list(element):
        if _is_block(child) or (isinstance(child.tag, str) and _has_block(child)):
            child.tail = None
        else:
            element.remove(child)
