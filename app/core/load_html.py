"""Saved web pages (.html, .htm) as clean articles.

1. Decode: a BOM, else the declared charset (``<meta charset>``) when the bytes
   really decode with it, else detection (``reading.decode``).
2. Bound the work: nesting deeper than ``MAX_NESTING`` is flattened before any
   parser sees it (100,000 nested divs take nh3 many seconds otherwise).
3. Remove what a reader never sees and the page furniture, then take the
   element the page marks as its content (``main_content``), or else let
   trafilatura extract the article (no menus, banners, sidebars, comments or
   footers) as a tree, which ``extracted_html`` turns into HTML with inline
   code kept inside its sentence. If nothing is found, use the whole sanitised body and say so in
   ``Article.notices``.
4. Sanitise with nh3 (``sanitize.py``) and turn the result into blocks with
   ``html_blocks``, like Markdown.
"""

from __future__ import annotations

import codecs
import logging
import re
from collections.abc import Callable

import trafilatura

from app.core.article import Block, StyleRun, TextBuilder
from app.core.extracted_html import extracted_tree_to_html
from app.core.extraction_verdict import calls_to_act, keep_extracted_blocks
from app.core.html_blocks import html_to_blocks
from app.core.html_byline import named_in, page_metadata, written_authors
from app.core.main_content import find_main_content
from app.core.reading import chosen_notice, decode, guess_notice
from app.core.roles import is_byline
from app.core.sanitize import sanitize_html

log = logging.getLogger(__name__)

MAX_NESTING = 200
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)\b[^>]*?(/?)>")
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "param", "source", "track", "wbr"})
# How far a page is read (done, total), reported between the stages; their
# shares of a big page's reading (the Rust book, bench/bench_html_load.py).
Progress = Callable[[int, int], object]
READ_STEPS = 100
_STEP_MAIN, _STEP_METADATA, _STEP_TEXT, _STEP_BLOCKS, _STEP_COPIED = 35, 45, 55, 85, 95
NO_ARTICLE_NOTICE = "No main article was found in this page: showing the whole page."
DEEP_NESTING_NOTICE = (f"This page nests elements more than {MAX_NESTING} levels deep: what lies "
                       "deeper is shown as plain text, and the whole page is shown.")


def decode_html(data: bytes, name: str) -> tuple[str, str]:
    """Text and encoding of an HTML file: BOM, declared charset, else detection."""
    text, encoding, _ = decode_html_noticed(data, name)
    return text, encoding


def decode_html_noticed(data: bytes, name: str,
                        chosen: str | None = None) -> tuple[str, str, str | None]:
    """Text, encoding and what the reader is told of it: a page that declares
    no charset is decoded by a guess and says so, as plain text does; one read
    in the encoding the reader ``chosen`` says that instead (whatever the page
    declares, as a browser's Text Encoding menu does)."""
    if chosen is not None:
        text, encoding = decode(data, name, chosen)
        return text, encoding, chosen_notice(encoding, text, data)
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return (*decode(data, name), None)
    declared = _META_CHARSET.search(data[:8192])
    if declared:
        label = declared.group(1).decode("ascii", "replace").lower()
        try:
            encoding = codecs.lookup("cp1252" if label in ("iso-8859-1", "latin1",
                                                           "us-ascii") else label).name
            text = data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declaration: detect instead
        else:
            normalised, _ = decode(text.encode("utf-8"), name)
            return normalised, encoding, None
    text, encoding = decode(data, name)
    return text, encoding, guess_notice(encoding)


def flatten_deep_nesting(html: str, limit: int = MAX_NESTING) -> str:
    """Drop tags nested deeper than ``limit`` (their text stays)."""
    if html.count("<") < limit:
        return html
    pieces: list[str] = []
    kept: list[bool] = []
    depth = 0
    last = 0
    for match in _TAG.finditer(html):
        closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        if name in _VOID or self_closing:
            continue
        if closing:
            keep = kept.pop() if kept else True
            depth = max(0, depth - 1)
        else:
            depth += 1
            keep = depth <= limit
            kept.append(keep)
        if not keep:
            pieces.append(html[last:match.start()])
            pieces.append(" ")
            last = match.end()
    if not pieces:
        return html
    pieces.append(html[last:])
    return "".join(pieces)


def _silent(_done: int, _total: int) -> None:
    return None


def html_article_parts(html: str, progress: Progress = _silent,
                       ) -> tuple[str, str, list[str], str]:
    """(sanitised article HTML, title, byline pieces, notice) for a page."""
    flattened = flatten_deep_nesting(html)
    deep = flattened != html
    html = flattened
    main = find_main_content(html)
    progress(_STEP_MAIN, READ_STEPS)
    metadata = page_metadata(html)
    progress(_STEP_METADATA, READ_STEPS)
    extracted = main.html or None
    if deep:
        # Flattened text is no longer in paragraphs, and the extractor judges
        # loose text as boilerplate: show it all rather than lose it silently.
        extracted = main.cleaned_page
    elif extracted is None:
        try:
            extracted = _extract(main.cleaned_page)
        except Exception:  # noqa: BLE001 - a page trafilatura cannot read falls back
            log.warning("main text not extracted; showing the whole page", exc_info=True)
            extracted = None
    notice = DEEP_NESTING_NOTICE if deep else ""
    if not extracted or not extracted.strip():
        extracted = main.cleaned_page
        notice = NO_ARTICLE_NOTICE
    title = main.title or (getattr(metadata, "title", None) or "").strip()
    author = written_authors(html, metadata.author) if metadata is not None else ""
    if author and main.byline and not named_in(author, main.byline):
        author = main.byline  # the page's own byline over a guess ("Username", "Follow")
    byline = [piece for piece in (
        f"By {author}" if author else "",
        metadata.date if metadata is not None and metadata.date else "",
    ) if piece]
    clean = sanitize_html(extracted)
    progress(_STEP_TEXT, READ_STEPS)
    return clean, title, byline, notice



def _extract(page: str) -> str:
    """The article trafilatura finds in ``page``, in the page's own markup
    (``extraction_verdict``: its output drops headings, lists and terms of
    pages with no content container, and moves text); its tree converted by
    ``extracted_html`` when none of its text can be found in the page."""
    document = trafilatura.bare_extraction(
        page, output_format="python", as_dict=False, with_metadata=False, include_links=True,
        include_formatting=True, include_images=True, include_tables=True,
        include_comments=False, favor_precision=True, deduplicate=False)
    body = getattr(document, "body", None)
    return keep_extracted_blocks(page, body) or extracted_tree_to_html(body)


_SITE_SEPARATORS = (" - ", " – ", " — ", " | ", " · ", " :: ", ": ")


# A heading's section number: "2.1 The Basics", "A.3 Index", "IV. Results".
_SECTION_NUMBER = re.compile(r"^(?:\d+(?:\.\d+)*|[A-Z](?:\.\d+)*|[IVXLC]+)\.?\s+(?=\S)")


def _titled(title: str, heading: str) -> bool:
    """Does the page's <title> name this heading's page: the same text, or
    the heading with the site's name after or before it ("Hello, World! - The
    Rust Programming Language", "Docs | Hello") or in brackets after it, as
    Texinfo writes ("The Basics (libffi: the portable …)" over "2.1 The
    Basics": the heading's section number set aside)?"""
    if title == heading:
        return True
    if not heading:
        return False
    unnumbered = _SECTION_NUMBER.sub("", heading, count=1)
    return any(title == name or title.startswith(name + " (") and title.endswith(")")
               or any(title.startswith(name + separator) or title.endswith(separator + name)
                      for separator in _SITE_SEPARATORS)
               for name in {heading, unnumbered} if name)


def build_html_article(html: str, builder: TextBuilder,
                       progress: Progress = _silent) -> tuple[str, str]:
    """Fill ``builder`` from a page; returns (title, notice).

    The page's title leads as a heading only when the article has no <h1> of
    its own and no heading it names (the same text, or with the site's name:
    :func:`_titled`) (a page's <title> above its
    <h1> read as two titles, and a hostile page's <title> can say anything);
    then the byline and date, then the article's blocks.
    """
    body, title, byline, notice = html_article_parts(html, progress)
    inner = TextBuilder()
    html_to_blocks(body, inner)
    progress(_STEP_BLOCKS, READ_STEPS)
    inner_text = inner.text()
    blocks = list(inner.blocks)
    dropped = _link_lists(inner_text, blocks)
    blocks = [b for i, b in enumerate(blocks)
              if not dropped[i] and not _labels_links(inner_text, b, dropped[i + 1:i + 3])]
    headings = [inner_text[b.start:b.end] for b in blocks if b.kind == "heading"]
    own_h1 = any(b.kind == "heading" and b.level == 1 for b in blocks)
    lead = 0
    if blocks and blocks[0].kind == "heading" and (
            not title or inner_text[blocks[0].start:blocks[0].end] == title):
        title = inner_text[blocks[0].start:blocks[0].end]
        _copy(builder, inner_text, blocks[0])
        lead = 1
    elif title and not own_h1 and not any(_titled(title, h) for h in headings):
        builder.add("heading", title, level=1)
    elif blocks and blocks[0].kind == "heading" and blocks[0].level == 1:
        _copy(builder, inner_text, blocks[0])  # the page's own headline, then its byline
        lead = 1
    byline = _not_written_above(byline, [inner_text[b.start:b.end] for b in blocks[lead:lead + 4]
                                         if b.kind in ("paragraph", "meta")])
    if byline:
        builder.add("paragraph", " · ".join(byline))
    for block in blocks[lead:]:
        _copy(builder, inner_text, block)
    progress(_STEP_COPIED, READ_STEPS)
    return title, notice


_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def _not_written_above(byline: list[str], lead: list[str]) -> list[str]:
    """The metadata's byline pieces the page does not already write at its top.

    A page that opens with its own byline ("By Priya Raman, Health
    Correspondent", "Medically reviewed by … — Written by … — Updated on March
    14, 2024") says who wrote it in its own words; the metadata's "By …" would
    say it twice, and trafilatura's reading of it can be mangled ("The
    Wellnesshub Editorial Team · Updated"). Its date stays when the page's
    byline gives none.
    """
    own = [line for line in lead if is_byline(line)]
    if not own:
        return byline
    dated = any(_YEAR.search(line) for line in own)
    return [piece for piece in byline if not piece.startswith("By ") and not dated]


def _is_link_list(text: str, block: Block) -> bool:
    """Navigation left in the page: a short block that is almost all links —
    unless it is a paragraph calling the reader to act ("Click here to order
    Glucontrol today"): the advertising the reader came to mark."""
    length = block.end - block.start
    if block.kind not in ("paragraph", "list_item", "table_row") or length == 0 or length > 200:
        return False
    linked = sum(s.end - s.start for s in block.styles if s.style == "link")
    own = text[block.start:block.end]
    if block.kind == "paragraph" and calls_to_act(own):
        return False
    return linked >= 0.8 * len(own.replace("|", "").strip())


_PROSE_WORDS = 5
_PHRASE_WORDS = 4


def _link_lists(text: str, blocks: list[Block]) -> list[bool]:
    """Which blocks are navigation (:func:`_is_link_list`). A list that also holds
    an item of prose is the article's own list, links and all: a weekly report's
    "Here's our Year in Review!" and "Bug 1677080 – Fullscreen PiP window is …"
    under "In progress:" (a run of list items, nested ones included, is a list).
    A link of fewer than four words stays a control or a menu's entry even there
    ("Subscribe" under "Subscribe now to access Herald Sun.")."""
    dropped = [_is_link_list(text, block) for block in blocks]
    start = 0
    while start < len(blocks):
        end = start
        while end < len(blocks) and blocks[end].kind == "list_item":
            end += 1
        if any(_is_prose_item(text, blocks[index]) for index in range(start, end)):
            for index in range(start, end):
                own = text[blocks[index].start:blocks[index].end]
                dropped[index] = dropped[index] and len(own.split()) < _PHRASE_WORDS
        start = max(end, start + 1)
    return dropped


def _is_prose_item(text: str, block: Block) -> bool:
    """Five words or more, under half of them in links."""
    own = text[block.start:block.end]
    linked = sum(s.end - s.start for s in block.styles if s.style == "link")
    return len(own.split()) >= _PROSE_WORDS and linked < 0.5 * len(own.strip())


_LABEL_WORDS = 6
_SENTENCE_END = (".", "!", "?", "…")


def _labels_links(text: str, block: Block, next_dropped: list[bool]) -> bool:
    """"Read this next" / "Related:" over teasers that are all links: the label
    of a list of links we drop (two at least) is no text of the article."""
    label = text[block.start:block.end].strip()
    return (block.kind == "paragraph" and next_dropped == [True, True]
            and len(label.split()) <= _LABEL_WORDS and not label.endswith(_SENTENCE_END))


def _copy(builder: TextBuilder, text: str, block: Block) -> None:
    styles = tuple(StyleRun(s.start - block.start, s.end - block.start, s.style, s.href)
                   for s in block.styles)
    builder.add(block.kind, text[block.start:block.end], level=block.level,
                ordinal=block.ordinal, styles=styles)
