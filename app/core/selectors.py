"""Reading W3C selectors as other tools write them.

A target's ``selector`` is one object or a list; each may be refined by
another (``refinedBy``, a chain). What claimmark can use is a quote
(TextQuoteSelector) and a position in the canonical text: a
TextPositionSelector or an RFC 5147 FragmentSelector (``char=start,end``).
A position refining a selector claimmark cannot resolve (an XPath range, a
CSS selector) is relative to something unknown and is not used; a quote is
searched for in the whole text, so it is used wherever it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from app.core.annotations import OCCURRENCES_KEY

_CHAR = re.compile(r"^char=(\d{1,12}),(\d{1,12})(?:;.*)?$")
MAX_CHAIN = 16  # refinedBy links followed (a hostile file may nest deeply)


@dataclass(frozen=True, slots=True)
class Quote:
    exact: str
    prefix: str | None
    suffix: str | None
    occurrences: int | None = None  # claimmark's count of ``exact`` in the text then


@dataclass(frozen=True, slots=True)
class Found:
    """The first usable quote and position of a target, and whether a position
    selector was unusable (negative, not a number…)."""

    quote: Quote | None
    position: tuple[int, int] | None
    bad_position: bool = False


def as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def is_type(obj: dict[str, Any], name: str) -> bool:
    kind = obj.get("type")
    return kind == name or (isinstance(kind, list) and name in kind)


def _int(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return None


def position_of(selector: dict[str, Any]) -> tuple[int, int] | None:
    """The ``(start, end)`` of a TextPositionSelector or RFC 5147 fragment."""
    if is_type(selector, "TextPositionSelector"):
        start, end = _int(selector.get("start")), _int(selector.get("end"))
        if start is not None and end is not None and 0 <= start <= end:
            return start, end
        return None
    if is_type(selector, "FragmentSelector"):
        conforms = selector.get("conformsTo")
        value = selector.get("value")
        if (conforms is None or (isinstance(conforms, str) and "5147" in conforms)) \
                and isinstance(value, str):
            match = _CHAR.match(value.strip())
            if match and int(match.group(1)) <= int(match.group(2)):
                return int(match.group(1)), int(match.group(2))
    return None


def quote_of(selector: dict[str, Any]) -> Quote | None:
    if not is_type(selector, "TextQuoteSelector") or not isinstance(selector.get("exact"), str):
        return None
    prefix, suffix = selector.get("prefix"), selector.get("suffix")
    return Quote(selector["exact"], prefix if isinstance(prefix, str) else None,
                 suffix if isinstance(suffix, str) else None, occurrences_of(selector))


def occurrences_of(selector: dict[str, Any]) -> int | None:
    """The count of its quote a TextQuoteSelector records (None: absent or not a count)."""
    value = selector.get(OCCURRENCES_KEY)
    return value if type(value) is int and value > 0 else None  # noqa: E721 - not a bool


def _walk(selectors: list[Any], base: int | None, depth: int
          ) -> Iterator[tuple[Quote | None, tuple[int, int] | None, bool]]:
    """(quote, absolute position, unusable position) of each selector, top
    level first, then the refinements."""
    chains: list[tuple[dict[str, Any], int | None]] = []
    for selector in selectors:
        if not isinstance(selector, dict):
            continue
        quote = quote_of(selector)
        relative = position_of(selector)
        position = None
        if relative is not None and base is not None:
            position = (relative[0] + base, relative[1] + base)
        bad = depth == 0 and is_type(selector, "TextPositionSelector") and relative is None
        yield quote, position, bad
        refined = selector.get("refinedBy")
        if refined is not None and depth < MAX_CHAIN:
            inner_base = position[0] if position is not None else None
            chains.append((selector, inner_base))
    for selector, inner_base in chains:
        yield from _walk(as_list(selector.get("refinedBy")), inner_base, depth + 1)


def find_in_target(target: Any) -> Found:
    """What claimmark can use of one target (an object; an IRI string has nothing)."""
    if not isinstance(target, dict):
        return Found(None, None)
    quote: Quote | None = None
    position: tuple[int, int] | None = None
    bad = False
    for found_quote, found_position, unusable in _walk(as_list(target.get("selector")), 0, 0):
        quote = quote or found_quote
        position = position or found_position
        bad = bad or unusable
    return Found(quote, position, bad)
