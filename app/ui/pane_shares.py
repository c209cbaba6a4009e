"""The splitter's panes remembered as shares of the window, not as pixels.

QSplitter's saved state is pixels: restored into a narrower window (the
screen is smaller than when it was saved, or the window manager clamps it)
the notes pane kept its width and the article was squeezed, down to 112 of
790 pixels with the PDF's page beside it (tester T10). What a reader sets is a
proportion, so that is what is kept: the article's share of article + notes,
and the page's share of the whole when View ▸ Original Page is on.

In a narrow window the page gives way first (tester T11: with it on, a
920-pixel window left the article 368 pixels): it shrinks, down to
``PAGE_MIN_PX``, until the article has ``ARTICLE_MIN_PX``; article and notes
keep their proportion, and the page's remembered share stays what the reader
chose (a wider window gets it back).
"""

from __future__ import annotations

from PySide6.QtWidgets import QSplitter, QWidget

DEFAULT_ARTICLE = 0.6  # article : notes = 3 : 2
DEFAULT_PAGE = 1 / 3
PAGE_RANGE = (0.15, 0.6)
ARTICLE_RANGE = (0.2, 0.85)
ARTICLE_MIN_PX = 460  # about 60 characters of the article's text at its default size
PAGE_MIN_PX = 180  # still shows where on the page the claim is
NUDGE = 0.05  # of article + notes: one press of View ▸ Wider Notes Pane / Wider Article
SCALE = 1000  # the setting's unit, and the stretch factors'


def _clamp(value: float, bounds: tuple[float, float]) -> float:
    return min(max(value, bounds[0]), bounds[1])


def encode(article: float, page: float) -> str:
    """The setting's text: both shares in thousandths, e.g. ``"600 333"``."""
    return f"{round(article * SCALE)} {round(page * SCALE)}"


def decode(text: str) -> tuple[float, float]:
    """The shares in ``text``; defaults for anything missing or damaged."""
    try:
        article, page = (int(part) / SCALE for part in text.split())
    except ValueError:
        return DEFAULT_ARTICLE, DEFAULT_PAGE
    return _clamp(article, ARTICLE_RANGE), _clamp(page, PAGE_RANGE)


def article_share(splitter: QSplitter) -> float:
    """The article's (first pane's) share of article + notes as they are now."""
    sizes = splitter.sizes()
    shown = sizes[0] + sizes[1]
    return _clamp(sizes[0] / shown, ARTICLE_RANGE) if shown > 0 else DEFAULT_ARTICLE


def page_share(splitter: QSplitter, page: QWidget) -> float | None:
    """The page pane's share of the whole, or None when it has no width."""
    sizes = splitter.sizes()
    index, total = splitter.indexOf(page), sum(sizes)
    if index < 0 or total <= 0 or sizes[index] <= 0:
        return None
    return _clamp(sizes[index] / total, PAGE_RANGE)


def apply(splitter: QSplitter, article: float, page: float | None, width: int = 0) -> list[int]:
    """Article and notes at ``article`` : 1 − ``article``; a third pane (the
    page), when ``page`` is given, at that share of the whole.

    ``width``: the splitter's width to come, for a splitter not laid out yet
    (sizes set before are shared out by the stretch factors instead). The
    stretch factors follow the shares, so resizing the window keeps them.
    Returns the sizes set.
    """
    rest = 1.0 - (page or 0.0)
    shares = [rest * article, rest * (1 - article)]
    shares += [page or 0.0] * (splitter.count() - 2)
    total = width or sum(splitter.sizes())
    for index, share in enumerate(shares):
        splitter.setStretchFactor(index, max(1, round(share * SCALE)))
    sizes = [round(share * total) for share in shares]
    if page and len(sizes) == 3:
        sizes[2] = page_width(total, article, sizes[2])
        sizes[0] = round((total - sizes[2]) * article)
        sizes[1] = total - sizes[2] - sizes[0]
    splitter.setSizes(sizes)
    return sizes


def page_width(total: int, article: float, wanted: int) -> int:
    """The page's pixels out of ``total``: ``wanted``, less what the article
    needs to have ``ARTICLE_MIN_PX`` (never under ``PAGE_MIN_PX``)."""
    room = total - round(ARTICLE_MIN_PX / article)
    return max(min(wanted, room), min(wanted, PAGE_MIN_PX))


def nudge(splitter: QSplitter, step: float) -> float:
    """Move the divider between article and notes by ``step`` of their width
    (the keyboard's way to drag it); the page, if shown, keeps its width.
    Returns the article's new share."""
    sizes = splitter.sizes()
    both = sizes[0] + sizes[1]
    share = _clamp(article_share(splitter) + step, ARTICLE_RANGE)
    if both <= 0:
        return share
    sizes[0] = round(both * share)
    sizes[1] = both - sizes[0]
    for index in (0, 1):
        splitter.setStretchFactor(index, max(1, round(sizes[index] / sum(sizes) * SCALE)))
    splitter.setSizes(sizes)
    return share
