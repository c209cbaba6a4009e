"""The selectors claimmark writes: a quote, a position, a page; and an edited
annotation's selectors merged over the ones its file had (every selector it
does not model kept, an unusable position kept under another type)."""

from __future__ import annotations

from typing import Any

from app.core.annotations import OCCURRENCES_KEY, Annotation
from app.core.selectors import as_list, is_type, position_of

# The type given to a TextPositionSelector claimmark cannot use ("start": "44"):
# kept, every key as it was, under a type no reader takes for a position.
UNUSABLE_POSITION = "claimmark:UnusablePosition"


def quote_selector(a: Annotation) -> dict[str, Any]:
    selector: dict[str, Any] = {"type": "TextQuoteSelector", "exact": a.exact}
    if a.prefix is not None:
        selector["prefix"] = a.prefix
    if a.suffix is not None:
        selector["suffix"] = a.suffix
    if a.occurrences is not None:
        selector[OCCURRENCES_KEY] = a.occurrences
    return selector


def position_selector(a: Annotation) -> dict[str, Any]:
    return {"type": "TextPositionSelector", "start": a.start, "end": a.end}


PAGE_CONFORMS_TO = "http://tools.ietf.org/rfc/rfc3778"  # PDF fragment identifiers


def page_selector(a: Annotation, page: int) -> dict[str, Any]:
    """The W3C way to say "on page N": a PDF FragmentSelector refined by the quote."""
    return {"type": "FragmentSelector", "conformsTo": PAGE_CONFORMS_TO, "value": f"page={page}",
            "refinedBy": quote_selector(a)}


def _is_page_selector(selector: Any) -> bool:
    return (isinstance(selector, dict) and selector.get("conformsTo") == PAGE_CONFORMS_TO
            and isinstance(selector.get("value"), str) and selector["value"].startswith("page="))


def merge_selectors(target: dict[str, Any], a: Annotation, quote_changed: bool,
                     position_changed: bool, page: int | None) -> dict[str, Any]:
    raw = target.get("selector")
    selectors = as_list(raw)
    out: list[Any] = []
    quote_done = position_done = False
    renew_page = page is not None and (quote_changed or position_changed)
    for selector in selectors:
        if renew_page and _is_page_selector(selector):
            continue
        if isinstance(selector, dict) and is_type(selector, "TextPositionSelector"):
            if position_of(selector) is None:
                # Never written back as a position (e.g. negative), never dropped.
                out.append({**selector, "type": UNUSABLE_POSITION,
                            "claimmark:type": selector["type"]})
                continue
            if not position_done:
                position_done = True
                if position_changed:
                    selector = {**selector, "start": a.start, "end": a.end}
        elif isinstance(selector, dict) and is_type(selector, "TextQuoteSelector") \
                and not quote_done:
            quote_done = True
            if quote_changed:
                kept = {k: v for k, v in selector.items()
                        if k not in ("prefix", "suffix", OCCURRENCES_KEY)}
                selector = {**kept, **quote_selector(a)}
        out.append(selector)
    front: list[Any] = []
    if not quote_done and quote_changed and a.exact:
        front.append(quote_selector(a))
    if not position_done and a.start >= 0 and (position_changed or quote_changed):
        front.append(position_selector(a))
    out = front + out
    if renew_page and page is not None:
        out.append(page_selector(a, page))
    if isinstance(raw, dict) and len(out) == 1:
        return {**target, "selector": out[0]}
    return {**target, "selector": out}
