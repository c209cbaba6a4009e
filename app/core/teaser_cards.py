"""Teasers of other pages set around an article: a linked title and a line of text.

News and blog pages close an article with cards that lead to other pages ("Other
Opinion Columns": a kicker, a headline linked to its story, a picture, the first
line of that story; "More to explore": a card that is one link around a title).
Their lines read as sentences, so without this they became claims of the article
("IT was said that Malcolm Fraser moved to the Left …" under a column on
surveillance laws). The markup says what they are, whatever the site calls them:

* a **card** is a block (``div``, ``li``, ``article``, ``section``, ``aside`` or a
  link) with little text (:data:`_CARD_CHARS`) and one heading, and that heading
  is a link to another page (a link covering half its words or more, or a link
  around it; a ``#`` anchor to the page itself is no teaser: documentation's
  "¶" and table-of-contents back links);
* cards come as a **set**: two or more among the children of one element, and at
  least half of those children.

Nothing is removed when the cards would hold half of the page's text or more (a
page that is a list of teasers, a blog's front page, shows them).
"""

from __future__ import annotations

import lxml.html

_CARD_TAGS = frozenset({"div", "li", "article", "section", "aside", "a"})
_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
_CARD_CHARS = 400
_MIN_CARDS = 2
_LINKED_SHARE = 0.5


def teaser_cards(root: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """The teaser cards of ``root`` (see the module doc), to be removed."""
    found: list[lxml.html.HtmlElement] = []
    inside: set[lxml.html.HtmlElement] = set()
    holding = _holding_headings(root)  # (a list of 40,000 items holds none: no card)
    for parent in root.iter():
        if parent not in holding or parent in inside:
            continue
        children = [child for child in parent if isinstance(child.tag, str)]
        if len(children) < _MIN_CARDS:
            continue
        cards = [child for child in children if child in holding and _is_card(child)]
        if len(cards) >= _MIN_CARDS and 2 * len(cards) >= len(children):
            found += cards
            inside.update(node for card in cards for node in card.iter())
    if not found:
        return []
    teaser_chars = sum(_chars(card.text_content()) for card in found)
    return found if 2 * teaser_chars < _chars(root.text_content()) else []


def _holding_headings(root: lxml.html.HtmlElement) -> set[lxml.html.HtmlElement]:
    """The elements with a heading (h2–h6) inside them."""
    holding: set[lxml.html.HtmlElement] = set()
    for heading in root.iter(*_HEADINGS):
        for node in heading.iterancestors():
            if node in holding:
                break
            holding.add(node)
    return holding


def _chars(text: str) -> int:
    return len("".join(text.split()))


def _short_text(element: lxml.html.HtmlElement, limit: int) -> str | None:
    """The element's text, or None once it is longer than ``limit`` (read lazily)."""
    pieces: list[str] = []
    length = 0
    for piece in element.itertext():
        length += _chars(piece)
        if length > limit:
            return None
        pieces.append(piece)
    return " ".join("".join(pieces).split())


def _is_card(card: lxml.html.HtmlElement) -> bool:
    if card.tag not in _CARD_TAGS or not _short_text(card, _CARD_CHARS):
        return False
    headings = [heading for heading in card.iter(*_HEADINGS) if heading.text_content().strip()]
    return len(headings) == 1 and _links_away(headings[0], card)


def _links_away(heading: lxml.html.HtmlElement, card: lxml.html.HtmlElement) -> bool:
    """Is ``heading`` a link to another page (inside it or around it)?"""
    node: lxml.html.HtmlElement | None = heading
    while node is not None:
        if node.tag == "a":
            return _leads_away(node)
        if node is card:
            break
        node = node.getparent()
    title = _chars(heading.text_content())
    linked = sum(_chars(link.text_content()) for link in heading.iter("a") if _leads_away(link))
    return linked >= _LINKED_SHARE * title


def _leads_away(link: lxml.html.HtmlElement) -> bool:
    href = (link.get("href") or "").strip()
    return bool(href) and not href.startswith(("#", "javascript:"))
