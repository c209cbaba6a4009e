"""The pages of a W3C AnnotationCollection that a file holds.

A collection's annotations are on pages: ``first``, then each page's ``next``
(tester T13: a second page was dropped without a word). A page embedded as an
object is read; one named only by its URL is never fetched: what it holds is
not in this file, and the reader is told (:meth:`FurtherPages.sentence`).
A ``next`` naming a page already read (a page pointing back at itself) ends
the walk, and so does :data:`MAX_PAGES`. A Hypothesis search answer is a page
too: its ``total`` may count rows it does not hold (:func:`search_rest`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

MAX_PAGES = 1000  # embedded pages read; the rest are kept as they are, unread


class PagesFormatError(ValueError):
    """A page whose ``items`` is not a list."""


@dataclass(frozen=True, slots=True)
class FurtherPages:
    """Pages the walk did not read: ``url`` names the next one (empty when
    it is embedded but past the cap), ``notes`` how many annotations they
    hold when the collection's ``total`` says (None: unknown). ``search``:
    the rows a Hypothesis search answer says it found but does not hold (it
    gives them a page at a time: 20 unless asked for more)."""

    url: str
    notes: int | None
    search: bool = False

    def sentence(self) -> str:
        count = "notes" if self.notes is None else \
            f"{self.notes} note{'' if self.notes == 1 else 's'}"
        if self.search:
            return (f"{count} the search found {'is' if self.notes == 1 else 'are'} not in "
                    "this file (a Hypothesis search answers a page at a time: ask again with "
                    "a higher limit or an offset)")
        where = f" ({self.url})" if self.url else f" (past the first {MAX_PAGES} pages)"
        return f"{count} on further pages not in this file{where}"


def pages_elsewhere(collection: dict[str, Any]) -> FurtherPages | None:
    """A collection whose ``first`` page is only named (a URL, as the W3C
    model allows): none of its notes is in the file."""
    first = collection.get("first")
    return FurtherPages(first, _left(collection.get("total"), 0)) \
        if isinstance(first, str) and first else None


def search_rest(total: Any, rows: int) -> FurtherPages | None:
    """The rows of a Hypothesis search answer's ``total`` it does not hold."""
    left = _left(total, rows)
    return FurtherPages("", left, search=True) if left else None


@dataclass(frozen=True, slots=True)
class Pages:
    """Every annotation of the embedded pages, in order; the first page as it
    is to be written back (its ``items`` aside: all of them go on it, so an
    embedded ``next`` is dropped, a URL one kept); what was not read."""

    items: list[Any]
    first: dict[str, Any]
    further: FurtherPages | None


def read_pages(first: dict[str, Any], total: Any = None) -> Pages:
    """Walk ``first`` and each embedded ``next``. A page read alone says the
    collection's ``total`` in its ``partOf`` (the W3C model's example 39)."""
    items = list(page_items(first))
    part, start = first.get("partOf"), first.get("startIndex", 0)
    if total is None and isinstance(part, dict) and _count(part.get("total")) \
            and _count(start):
        total = part["total"] - start  # the notes from this page on
    seen = {first["id"]} if isinstance(first.get("id"), str) else set()
    kept = {k: v for k, v in first.items() if k not in ("items", "next")}
    page = first
    further: FurtherPages | None = None
    for _ in range(MAX_PAGES - 1):
        after = page.get("next")
        if isinstance(after, dict):
            if isinstance(after.get("id"), str):
                if after["id"] in seen:
                    break
                seen.add(after["id"])
            items.extend(page_items(after))
            page = after
            continue
        if isinstance(after, str) and after not in seen:
            kept["next"] = after
            further = FurtherPages(after, _left(total, len(items)))
        elif after is not None and not isinstance(after, str):
            kept["next"] = after  # not a page: kept as it was
        break
    else:
        if page.get("next") is not None:
            kept["next"] = page["next"]  # past the cap: written back unread
            further = FurtherPages(_url(page["next"]), _left(total, len(items)))
    return Pages(items, kept, further)


def page_items(page: dict[str, Any]) -> list[Any]:
    items = page.get("items", [])
    if not isinstance(items, list):
        raise PagesFormatError("the annotation page has no list of items")
    return items


def _count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _left(total: Any, read: int) -> int | None:
    if isinstance(total, int) and not isinstance(total, bool) and total > read:
        return total - read
    return None


def _url(page: Any) -> str:
    return page["id"] if isinstance(page, dict) and isinstance(page.get("id"), str) else ""
