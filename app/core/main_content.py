"""Find a saved page's main content and title, keeping its structure.

trafilatura is good at guessing the article in tag soup, but its HTML output
flattens what we need: it dropped a Wikipedia page's section headings, turned
every inline ``<code>`` of an mdBook page into a code block of its own (so
sentences broke around it), and took the page title from a hidden help
dialog (see docs/decisions.md, issue 13). So:

1. Elements a reader never sees are removed first, for the title and the text
   alike: ``hidden``, ``aria-hidden="true"``, inline ``display:none`` or
   ``visibility:hidden``, ``<template>``, ``<dialog>``, ``<noscript>``,
   scripts and styles; and page furniture: navigation, forms, buttons,
   Wikipedia's "[edit]" links, navboxes, hatnotes, back-links of references,
   the "Next: … Up: …" lines of generated manuals (``nav_lines``), the "¶"
   links of headings (``header_marks``).
2. When the page marks up its content (``.mw-parser-output``, ``<article>``,
   ``<main>``, ``role="main"``), that element is the article, used as it is.
3. Otherwise trafilatura extracts it from the cleaned page.

The title is the page's first visible ``<h1>`` inside the content, else a
visible ``<h1>`` that the ``<title>`` (or og:title) contains ("Software
testing" from "Software testing - Wikipedia"), else the ``<title>``/og:title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
from lxml import etree

from app.core.header_marks import is_header_link
from app.core.loose_text import wrap_loose_text
from app.core.nav_lines import navigation_lines, remove_keeping_tail
from app.core.page_furniture import is_screen_reader_only, mark_page_furniture, marked_byline
from app.core.teaser_cards import teaser_cards

_HIDDEN_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)", re.I)
_NEVER_SHOWN = ("template", "dialog", "noscript", "script", "style", "head")
_FURNITURE_TAGS = ("nav", "form", "button", "input", "select", "textarea", "iframe", "svg")
# Class or id tokens of page furniture inside a content area (MediaWiki's names
# included: its pages are a large share of what people save).
_FURNITURE_NAMES = frozenset({
    "mw-editsection", "navbox", "navbox-styles", "vertical-navbox", "sidebar", "hatnote",
    "mw-cite-backlink", "noprint", "printfooter", "catlinks", "mw-jump-link", "toc",
    "comments", "comments-area", "comment-list", "commentlist", "share", "social-share",
    "skip-link", "menu-bar",
})
# Parts of a class or id name that mark furniture whatever the site prefixes:
# "breadcrumbs", "rustdoc-breadcrumbs", "c-breadcrumb__list" (the trail of links
# to the page, "std::vec"); Readability's "related" among its unlikely
# candidates, and "recirc"(ulation): teasers of other pages under an article
# ("Read this next": a title and a line of its text), "related-posts",
# "c-related-content", "css-recirc"; a shop's other products under this one
# (WooCommerce's "upsells" and "cross-sells", "product-upsell").
_NAME_PARTS = ("breadcrumb", "related", "recirc", "upsell", "up-sell", "cross-sell",
               "crosssell")
# A link that only leads on to more text: "Read more" (rustdoc after every
# trait method's first line, blogs after a teaser), "Continue reading →".
_CONTINUATION = re.compile(
    r"(?i)^\W*(?:read\s+more|continue\s+reading|keep\s+reading|read\s+the\s+rest"
    r"|read\s+(?:the\s+)?(?:full|whole|entire)\s+(?:article|story|post)|more)\W*$")
_SENTENCE_BEFORE = (".", "!", "?", "…", ":", ")", "»", '"', "”", "’")
# A link to the item's source code beside its heading: rustdoc's "Source",
# Sphinx's "[source]", "[src]" (the link's target says it is source code).
_SOURCE_LABEL = re.compile(r"(?i)^\W*(?:source|src|view\s+source|source\s+code)\W*$")
_SOURCE_HREF = re.compile(r"(?:^|/)(?:src|_modules|source)/|\.rs\.html(?:#|$)")
# The version an item is stable since, beside its heading: rustdoc's
# <span class="since">1.0.0</span> (also "1.0.0 (const: 1.39.0)").
_SINCE = re.compile(r"^\s*v?\d+(?:\.\d+)+\b")
# What is left of a line once its links are gone: separators only ("·", "|").
_ONLY_SEPARATORS = re.compile(r"^[\s·|•,;:/\-–—]*$")
# Readability's adWords and loadingWords: a block whose whole text is one of
# them is an ad slot's label ("ADVERTISEMENT" between two paragraphs, the ad
# itself a script's empty box) or a loading placeholder, whatever its classes.
_AD_LABEL = re.compile(
    r"(?i)^\W*(?:ad|ads|advert|advertising|advertisements?|pub|publicité|werbung|anzeige|广告"
    r"|реклама|anuncio|loading|正在加载|загрузка|chargement|cargando)\W*$")
_LABEL_BLOCKS = frozenset({"p", "div", "aside", "section", "figure", "figcaption", "center"})
_CONTENT_TAGS = frozenset({"body", "html", "article", "main"})
# Form controls: what is left of their block once they are gone ("Was this
# article helpful?" beside its Yes/No buttons) was their prompt.
_CONTROLS = frozenset({"button", "input", "select", "textarea"})
_PROMPT_WORDS = 8
_INLINE_PARENTS = frozenset({"a", "b", "code", "em", "i", "span", "strong", "small", "sup",
                             "sub", "u", "font"})
_CONTENT_SELECTORS = (
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' mw-parser-output ')]",
    "//article", "//main", "//*[@role='main']",
)
_MIN_CONTENT_CHARS = 200
_TITLE_SEPARATORS = re.compile(r"\s+[-–—|·:]\s+")


@dataclass(frozen=True, slots=True)
class MainContent:
    """The content's HTML ("" when the page marks none up), the page's title and the
    names of the byline it marks as one (``page_furniture.marked_byline``)."""

    html: str
    title: str
    cleaned_page: str
    byline: str = ""


def find_main_content(html: str) -> MainContent:
    """Clean ``html`` and pick its content element and title (see the module doc)."""
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return MainContent("", "", html)
    page_title = _page_title(root)
    mark_page_furniture(root)  # (before the forms' fields are gone)
    for card in teaser_cards(root):  # (before hidden parts go: the page's whole text)
        remove_keeping_tail(card)
    _remove_unseen(root)
    wrap_loose_text(root)
    if _CAPTION_HINT.search(html):  # most pages have none: no walk over every <p>
        _mark_captions(root)
    if _NOTICE_HINT in html:
        _mark_notices(root)
    content = _content_element(root)
    title = _title(root, content, page_title)
    cleaned = lxml.html.tostring(root, encoding="unicode")
    byline = marked_byline(root)
    if content is None:
        return MainContent("", title, cleaned, byline)
    return MainContent(lxml.html.tostring(content, encoding="unicode"), title, cleaned, byline)


def _page_title(root: lxml.html.HtmlElement) -> str:
    for meta in root.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").lower() == "og:title":
            content = " ".join((meta.get("content") or "").split())
            if content:
                return content
    for element in root.iter("title"):
        text = " ".join(element.text_content().split())
        if text:
            return text
    return ""


def _is_unseen(element: lxml.html.HtmlElement) -> bool:
    if element.tag in _NEVER_SHOWN or element.get("hidden") is not None:
        return True
    if (element.get("aria-hidden") or "").strip().lower() == "true" or is_screen_reader_only(
            element):
        return True
    return bool(_HIDDEN_STYLE.search(element.get("style") or ""))


def _is_furniture(element: lxml.html.HtmlElement) -> bool:
    if element.tag == "a":
        label = element.text_content()
        if (is_header_link(element.get("href"), label)
                or "headerlink" in (element.get("class") or "").split()):
            return True  # "Abstract¶": a heading's link to itself (``header_marks``)
        if _CONTINUATION.match(label) and _ends_its_block(element, label):
            return True
        if _SOURCE_LABEL.match(label) and _SOURCE_HREF.search(element.get("href") or ""):
            return True
    if "since" in (element.get("class") or "").split() and _SINCE.match(element.text_content()):
        return True
    if element.tag in _FURNITURE_TAGS or element.get("role") in ("navigation", "search"):
        return True
    names = set((element.get("class") or "").split())
    names.add(element.get("id") or "")
    return not names.isdisjoint(_FURNITURE_NAMES) or (
        element.tag not in _CONTENT_TAGS  # (<body class="has-related-posts">)
        and any(part in name.lower() for name in names for part in _NAME_PARTS))


def _ends_its_block(link: lxml.html.HtmlElement, label: str) -> bool:
    """Does ``link`` end its paragraph, after a finished sentence or alone?
    ("…the given Hasher. Read more"; not "…to read more about it, see…")."""
    element = link
    while True:
        if (element.tail or "").strip() or any(
                (sibling.text_content() or "").strip() for sibling in element.itersiblings()
                if isinstance(sibling.tag, str)):
            return False
        parent = element.getparent()
        if parent is None or parent.tag not in _INLINE_PARENTS:
            break
        element = parent
    block = element.getparent()
    if block is None:
        return True
    before = block.text_content().rstrip()
    before = before[:len(before) - len(label.rstrip())].rstrip() if before.endswith(
        label.rstrip()) else before
    return not before or before.endswith(_SENTENCE_BEFORE)


def _remove_unseen(root: lxml.html.HtmlElement) -> None:
    doomed = [el for el in root.iter() if isinstance(el.tag, str)
              and (_is_unseen(el) or _is_furniture(el))]
    doomed += navigation_lines(root)
    doomed += _ad_labels(root)
    prompts = {_block_of(element) for element in doomed if element.tag in _CONTROLS}
    parents = {element.getparent() for element in doomed}
    for element in doomed:
        remove_keeping_tail(element)
    for block in prompts:  # "Was this article helpful?" without its buttons
        if block is not None and _is_prompt(_short_text(block, 200)):
            remove_keeping_tail(block)
    for parent in parents:  # "1.0.0 · Source" without its two parts: " · "
        if (parent is not None and parent.tag == "span" and parent.getparent() is not None
                and _ONLY_SEPARATORS.match(parent.text_content())):
            remove_keeping_tail(parent)


def _ad_labels(root: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """The blocks that hold nothing but an ad label (:data:`_AD_LABEL`)."""
    found: list[lxml.html.HtmlElement] = []
    for element in root.iter():
        text = element.text if isinstance(element.tag, str) else None
        if not text or len(text) > 40 or not _AD_LABEL.match(text):
            continue
        label, node, block = text.strip(), element, None
        while (node is not None and node.tag not in _CONTENT_TAGS
               and _short_text(node, len(label)) == label):
            block = node if node.tag in _LABEL_BLOCKS else block
            node = node.getparent()
        if block is not None:
            found.append(block)
    return found


def _short_text(element: lxml.html.HtmlElement, limit: int) -> str:
    """The element's text, its blanks collapsed, or "" once it is longer than
    ``limit`` (read lazily: a page-sized ancestor costs no more than the limit)."""
    pieces: list[str] = []
    length = 0
    for piece in element.itertext():
        length += len(piece.strip())
        if length > limit:
            return ""
        pieces.append(piece)
    return " ".join("".join(pieces).split())


def _block_of(element: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """The block a control stands in (not the page's or the article's own)."""
    block = element.getparent()
    while block is not None and block.tag in _INLINE_PARENTS:
        block = block.getparent()
    return None if block is None or block.tag in _CONTENT_TAGS else block


def _is_prompt(text: str) -> bool:
    """A control's prompt: a short question or label ("Was this helpful?",
    "Rate this article:"), not a sentence that mentions a button."""
    return bool(text) and text.endswith(("?", ":")) and len(text.split()) <= _PROMPT_WORDS


# Captions that a page marks by class instead of <figcaption>: mdBook's
# "Filename: src/main.rs" and "Figure 4-1: …" (<p><span class="filename">, and
# <figure><span class="file-name"> in a listing),
# Sphinx's code-block captions ("code-block-caption", "caption-text").
_CAPTION_CLASS = re.compile(r"(?:^|[-_])(?:caption|file[-_]?name)(?:$|[-_])")
_CAPTION_HINT = re.compile(r"class\s*=\s*[\"']?[^\"'>]*(?:caption|file[-_]?name)", re.I)
_CAPTION_CONTENT = frozenset({"a", "b", "code", "em", "i", "span", "strong", "tt", "kbd",
                              "sub", "sup", "var", "br"})


def _mark_captions(root: lxml.html.HtmlElement) -> None:
    """Make a paragraph that is one caption-classed run a <figcaption>: the
    class is gone after sanitising, and a caption is not a claim."""
    for element in root.iter("p", "div"):
        if not (_is_caption_class(element) or _is_only_caption_run(element)):
            continue
        if all(child.tag in _CAPTION_CONTENT for child in element.iterdescendants()
               if isinstance(child.tag, str)):  # not a figure's div holding blocks
            element.tag = "figcaption"
    for span in root.iter("span"):  # <figure><span class="file-name">…</span><pre>…
        parent = span.getparent()
        if parent is not None and parent.tag == "figure" and _is_caption_class(span):
            span.tag = "figcaption"


# rustdoc's stability notes under an item: "🔬 This is a nightly-only experimental
# API. (try_trait_v2 #84277)", "Deprecated since 1.8.0", "Available on Unix
# only." The generator writes them, the same words for every item: a label on
# the item (shown, as a caption is), not the author's claim.
_NOTICE_HINT = "stab "
_NOTICE_CLASSES = frozenset({"stab"})


def _mark_notices(root: lxml.html.HtmlElement) -> None:
    for element in root.iter("div"):  # (a badge inside a line stays in its line)
        if _NOTICE_CLASSES.isdisjoint((element.get("class") or "").split()):
            continue
        if all(child.tag in _CAPTION_CONTENT for child in element.iterdescendants()
               if isinstance(child.tag, str)):
            element.tag = "figcaption"


def _is_caption_class(element: lxml.html.HtmlElement) -> bool:
    return any(_CAPTION_CLASS.search(name) for name in (element.get("class") or "").split())


def _is_only_caption_run(element: lxml.html.HtmlElement) -> bool:
    children = [child for child in element if isinstance(child.tag, str)]
    return (len(children) == 1 and children[0].tag == "span" and _is_caption_class(children[0])
            and not (element.text or "").strip() and not (children[0].tail or "").strip())


def _content_element(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    for selector in _CONTENT_SELECTORS:
        found = [el for el in root.xpath(selector) if isinstance(el.tag, str)]
        if not found:
            continue
        best = max(found, key=lambda el: len(el.text_content()))
        if len(" ".join(best.text_content().split())) >= _MIN_CONTENT_CHARS:
            return best
    return None


def _title(root: lxml.html.HtmlElement, content: lxml.html.HtmlElement | None,
           page_title: str) -> str:
    if content is not None:
        for heading in content.iter("h1"):
            text = " ".join(heading.text_content().split())
            if text:
                return text
    headings = [" ".join(h.text_content().split()) for h in root.iter("h1")]
    headings = [h for h in headings if h]
    inside = [h for h in headings if page_title and h in page_title]
    if inside:
        # "What is rustdoc? - The rustdoc book": the page's part, not the site's.
        parts = _TITLE_SEPARATORS.split(page_title)
        leading = [h for h in inside if parts and h == parts[0]]
        return (leading or sorted(inside, key=len, reverse=True))[0]
    return page_title or (headings[0] if headings else "")
