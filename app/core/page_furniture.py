"""What a saved page's markup says is no text of the article.

A news or shop page sets around its article lines that are not its
assertions, and its markup names them (see docs/decisions.md, session 12 — F):

* **screen-reader text**: ``class="visually-hidden"`` (GOV.UK, NHS, BBC),
  ``sr-only`` (Bootstrap), ``screen-reader-text`` (WordPress) — a label the
  eye never sees ("Information: ", "Image source, ");
* **who and what it costs**: an element whose class, id, ``itemprop`` or
  ``data-component`` names a byline, an author, a dateline, a price, a
  rating or a post's categories, and the ``<address>`` element, become
  ``<address>`` (a meta line: shown, not a claim) when they hold a line of text,
  not paragraphs;
* **a photo's credit**: text in a ``<figure>`` with an image, outside its
  ``<figcaption>`` ("Getty Images"), or in an element named ``credit``, is
  caption;
* **an embed's chrome**: in a box named ``embed``, the lines around the
  embedded post ("Skip twitter post", "Allow Twitter content? … cookies …"),
  and a link ending the post that shows only a bare address
  ("pic.twitter.com/…"): the post's picture or link card, which the embed
  shows in its place;
* **a sign-up box**: the block that holds an e-mail field ("Sign up to our
  newsletter…" and its small print); **a login box**: the widest block around a
  password field that holds no paragraph and at most 600 characters (its headings
  and "Subscribe now to access …").

Runs of inline elements that touch with no space ("<span>Sarah
Kemp</span><span>Health correspondent</span>", shown as two lines by the
page's style sheet) are kept apart: a line break inside a meta line, a space
elsewhere — never glued into one word ("KempHealth").
"""

from __future__ import annotations

import re

import lxml.html

# Utility classes for text only screen readers announce.
_SCREEN_READER = re.compile(
    r"(?:^|[-_])(?:visually-?hidden|visuallyhidden|sr-only|screen-?reader(?:-text|-only)?"
    r"|screenreader(?:-?only|-?text)?|a11y-hidden|assistive-text)(?:$|[-_])", re.IGNORECASE)
_META_PARTS = frozenset({"byline", "bylines", "author", "authors", "dateline", "contributor",
                         "contributors", "price", "prices", "rating", "ratings",
                         "aggregaterating", "ratingvalue", "reviewcount",
                         "categories"})  # a post's filing: "Categories: News"
# A class naming a date line ("date-and-time", "timestamp"); only in a class, where
# the page's style sheet names what it shows: ids name anchors, and API manuals
# name theirs after functions ("isDate").
_DATE_PARTS = frozenset({"date", "dates", "datestamp", "timestamp", "pubdate", "datetime"})
# A byline's list: its other items are the story's source and time ("From: Herald
# Sun", "March 13, 2015 9:00PM"), lines of a few words, none a sentence.
_BYLINE_LIST_ITEMS = 5
_BYLINE_ITEM_CHARS = 80
_CREDIT_PARTS = frozenset({"credit", "credits"})
_WORD_PARTS = re.compile(r"[-_\s]+|(?<=[a-z])(?=[A-Z])")
_NAMING_ATTRIBUTES = ("class", "id", "itemprop", "data-component", "data-testid")
_META_CHARS = 200
# Code is set as written: "<code><span>python3.</span><em>Y</em></code>" is one name.
_CODE = frozenset({"code", "pre", "kbd", "samp", "tt", "var"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_INLINE = frozenset({"a", "abbr", "b", "bdi", "cite", "code", "data", "del", "em", "i", "ins",
                     "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup",
                     "time", "u", "var", "br", "img", "font", "tt"})
_MEDIA = ("img", "picture", "video", "audio", "iframe", "svg", "object")
_EMBEDDED = frozenset({"blockquote", "iframe", "figure", "video", "img", "picture"})
# A link's text that is only an address without its scheme ("pic.twitter.com/x1Yz").
_BARE_ADDRESS = re.compile(r"^(?:[\w-]+\.)+[a-z]{2,}/\S*$", re.IGNORECASE)
_SIGN_UP_CHARS = 600
_BLOCKISH = frozenset({"div", "section", "aside", "form", "p", "li", "td"})


def is_screen_reader_only(element: lxml.html.HtmlElement) -> bool:
    """Is ``element`` text for screen readers only (a visually hidden class)?

    A hidden heading stays: it names its section ("Footnotes" over a
    GitHub-style list of notes, which is how that list is known as notes),
    and a heading is no claim anyway."""
    return element.tag not in _HEADINGS and any(
        _SCREEN_READER.search(name) for name in (element.get("class") or "").split())


def mark_page_furniture(root: lxml.html.HtmlElement) -> None:
    """Rewrite ``root`` in place: the marks of the module's doc."""
    _separate_touching_runs(root)  # first: a meta line's parts become its lines
    doomed = []
    fits: dict[lxml.html.HtmlElement, bool] = {}  # each login box's ancestor judged once
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        parts = _name_parts(element)
        if "embed" in parts:
            doomed += _embed_chrome(element) + _attachment_links(element)
        kind = (element.get("type") or "").lower() if element.tag == "input" else ""
        box = (_sign_up_box(element) if kind == "email"
               else _login_box(element, fits) if kind == "password" else None)
        if box is not None:
            doomed.append(box)
    for element in doomed:
        parent = element.getparent()
        if parent is not None:
            element.drop_tree()
    for element in list(root.iter()):
        if not isinstance(element.tag, str) or element.tag in ("html", "body", *_HEADINGS):
            continue  # (DocBook heads its title page with <h3 class="author">: a heading)
        parts = _name_parts(element)
        if (element.tag not in _INLINE and not _CREDIT_PARTS.isdisjoint(parts)
                and _is_line(element)):
            element.tag = "figcaption"
        elif (element.tag not in _INLINE and (not _META_PARTS.isdisjoint(parts) or (
                not _DATE_PARTS.isdisjoint(parts) and _class_names_a_date(element)))
              and _is_line(element)):
            element.tag = "address"  # (an inline price stays inside its sentence)
    for figure in root.iter("figure"):
        _credits_to_captions(figure)
    for listing in root.iter("ul", "ol"):
        _byline_list(listing)


# A byline that says whose it is: "By Erin Cunningham" (English "By", as trafilatura's
# own author line is written).
_BY_NAMES = re.compile(r"^by:?\s+(\S.*)$", re.IGNORECASE)
_BYLINE_NAMES_CHARS = 80


def marked_byline(root: lxml.html.HtmlElement) -> str:
    """The names of the first line the page marks as its byline ("byline" among the
    names of its class or id: "pb-byline", "c-byline") that reads "By NAMES"; "" if
    none. A box named byline that holds more (a name and a time, no "By") is no such
    line."""
    for element in root.iter():
        if not isinstance(element.tag, str) or "byline" not in _name_parts(element):
            continue
        match = _BY_NAMES.match(" ".join(element.text_content().split()))
        if (match and len(match.group(1)) <= _BYLINE_NAMES_CHARS
                and not match.group(1).endswith((".", "!", "?"))):
            return match.group(1)
    return ""


def _class_names_a_date(element: lxml.html.HtmlElement) -> bool:
    words = re.split(r"[-_\s]+", (element.get("class") or "").lower())
    return not _DATE_PARTS.isdisjoint(words)


def _byline_list(listing: lxml.html.HtmlElement) -> None:
    """A short list holding a byline: its other items are meta lines too."""
    items = [child for child in listing if isinstance(child.tag, str)]
    if not 2 <= len(items) <= _BYLINE_LIST_ITEMS or not any(
            item.tag == "address" for item in items):
        return
    texts = [" ".join(item.text_content().split()) for item in items]
    if all(item.tag in ("li", "address") and _is_line(item)
           and len(text) <= _BYLINE_ITEM_CHARS and not text.endswith((".", "!", "?"))
           for item, text in zip(items, texts, strict=True)):
        for item in items:
            item.tag = "address"


def _name_parts(element: lxml.html.HtmlElement) -> set[str]:
    """The words of the names the page gives ``element`` ("byline-block" →
    byline, block; "aggregateRating" → aggregate, rating), in lower case."""
    parts: set[str] = set()
    if not element.attrib:
        return parts
    for attribute in _NAMING_ATTRIBUTES:
        value = element.get(attribute)
        if value:
            for token in value.split():
                parts.add(token.lower())
                parts.update(part.lower() for part in _WORD_PARTS.split(token) if part)
    return parts


def _is_line(element: lxml.html.HtmlElement) -> bool:
    """A line of text, not a container of paragraphs: only inline content, short."""
    if any(isinstance(child.tag, str) and child.tag not in _INLINE
           for child in element.iterdescendants()):
        return False
    text = " ".join(element.text_content().split())
    return 0 < len(text) <= _META_CHARS


def _embed_chrome(box: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """The children of an embed's box that are not the embedded post itself,
    when the box holds one (a quote, a frame, a figure)."""
    while True:
        children = [child for child in box if isinstance(child.tag, str)]
        holding = [child for child in children
                   if child.tag in _EMBEDDED or any(True for _ in child.iter(*_EMBEDDED))]
        if len(children) == 1 and holding and children[0].tag not in _EMBEDDED:
            box = children[0]  # a wrapper: look inside it
            continue
        if not holding:
            return []
        return [child for child in children if child not in holding]


def _attachment_links(box: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """Links that end a paragraph of an embedded post (a quote in the box) and
    show only a bare address: the post's attachment (a picture, a link card),
    not its words."""
    return [link for quote in box.iter("blockquote") for link in quote.iter("a")
            if link.getnext() is None and not (link.tail or "").strip()
            and _BARE_ADDRESS.match(link.text_content().strip())]


def _sign_up_box(field: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """The block around an e-mail field, with its prompt and small print."""
    box = field.getparent()
    while box is not None and box.tag not in _BLOCKISH:
        box = box.getparent()
    if box is None or box.tag in ("body", "html", "article", "main"):
        return None
    text = " ".join(box.text_content().split())
    return box if len(text) <= _SIGN_UP_CHARS else None


# A paragraph of prose: the box around a password field stops below it.
_PROSE_WORDS = 12


def _login_box(field: lxml.html.HtmlElement,
               fits: dict[lxml.html.HtmlElement, bool]) -> lxml.html.HtmlElement | None:
    """The widest block around a password field that is only the login box: its
    headings ("Login using your Newspass account"), links and the line selling an
    account ("Subscribe now to access Herald Sun.") — at most 600 characters of text
    and no paragraph of prose, never the article or the page. ``fits`` remembers
    the ancestors already judged (a page of 20,000 password fields)."""
    box = None
    node = field.getparent()
    while node is not None and node.tag not in ("body", "html", "article", "main"):
        if node not in fits:
            fits[node] = _text_within(node, _SIGN_UP_CHARS) is not None and not any(
                len(p.text_content().split()) >= _PROSE_WORDS for p in node.iter("p"))
        if not fits[node]:
            break
        if node.tag in _BLOCKISH:
            box = node
        node = node.getparent()
    return box


def _text_within(element: lxml.html.HtmlElement, limit: int) -> str | None:
    """``element``'s text, or None once it is longer than ``limit`` characters
    (read lazily: a page-sized ancestor costs no more than the limit)."""
    pieces: list[str] = []
    length = 0
    for piece in element.itertext():
        length += len(piece.strip())
        if length > limit:
            return None
        pieces.append(piece)
    return "".join(pieces)


def _credits_to_captions(figure: lxml.html.HtmlElement) -> None:
    """Text of a picture's ``<figure>`` outside its caption is a credit."""
    if not any(True for _ in figure.iter(*_MEDIA)):
        return
    for child in figure:
        if (isinstance(child.tag, str) and child.tag != "figcaption"
                and child.tag not in _MEDIA and _is_line(child)
                and not any(True for _ in child.iter(*_MEDIA))):
            child.tag = "figcaption"


_TOUCHING_END = re.compile(r"[^\W_]$|[.,;:!?)\]’”]$")


def _separate_touching_runs(root: lxml.html.HtmlElement) -> None:
    """Keep apart sibling inline elements that touch without a space, when
    the first ends a word or a phrase and the next starts with a capital or
    a digit ("Sarah Kemp" + "Health correspondent"; not a drop cap "M" +
    "easles", an acronym "B" + "BC", nor "<b>Wi</b><b>ki</b>")."""
    touching = []
    stacks: dict[lxml.html.HtmlElement, bool] = {}  # once per parent: a paragraph of
    for element in root.iter(*_INLINE):              # 10,000 spans took a minute
        following = element.getnext()
        if (following is None or not isinstance(following.tag, str)
                or following.tag not in _INLINE or following.tag in ("br", "img")
                or element.tail or element.tag in ("br", "img")):
            continue
        parent = element.getparent()
        if parent not in stacks:
            stacks[parent] = _is_stack(parent)
        if not stacks[parent]:
            continue
        left = element.text_content()
        right = following.text_content()
        if not left or not right or not _TOUCHING_END.search(left):
            continue
        if (right[0].isupper() or right[0].isdigit()) and not (
                left[-1].isupper() or left[-1].isdigit()):
            touching.append(element)
    for element in touching:
        if _in_meta(element):
            element.addnext(lxml.html.Element("br"))
        else:
            element.tail = " "


def _is_stack(parent: lxml.html.HtmlElement) -> bool:
    """Does ``parent`` hold a stack of elements, with no text of its own
    between them ("<div><span>…</span><span>…</span></div>"; not
    "python<var>X</var>.<var>Y</var>", where the runs are inside a line)?"""
    return (not (parent.text or "").strip()
            and not any((child.tail or "").strip() for child in parent)
            and parent.tag not in _CODE
            and not any(node.tag in _CODE for node in parent.iterancestors()))


def _in_meta(element: lxml.html.HtmlElement) -> bool:
    node = element.getparent()
    while node is not None and node.tag in _INLINE:
        node = node.getparent()
    return node is not None and (node.tag == "address"
                                 or not _META_PARTS.isdisjoint(_name_parts(node)))
