"""Reading an annotation in exactly the shape claimmark writes, without the
general reader's detours.

The general reader (:func:`app.core.annotation_jsonld.annotation_from_jsonld`)
accepts whatever other tools write — selector lists or objects, refinement
chains, fragment selectors, bodies in any order and case — and spends ~35 µs
an annotation finding out which it got; 10,000 notes took ~0.4 s to read. The
objects claimmark wrote itself (``storage.encode_annotation_line``) have one
fixed shape; this reads them directly and gives the same annotation (a
property test compares the two). Anything else, even slightly, is left to the
general reader (None).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from app.core.annotations import (
    LABELS,
    OCCURRENCES_KEY,
    Annotation,
    Label,
    Origin,
    read_annotation,
)
from app.core.selectors import occurrences_of
from app.core.sources import SourceError, normalize_source

_OWN_KEYS = frozenset({"id", "type", "motivation", "created", "modified", "body", "target"})
_LABEL_KEYS = frozenset({"type", "purpose", "value"})
_NOTE_KEYS = frozenset({"type", "purpose", "value", "format"})
_SOURCE_KEYS = frozenset({"type", "purpose", "source"})
_QUOTE_KEYS = frozenset({"type", "exact", "prefix", "suffix", OCCURRENCES_KEY})
_POSITION_KEYS = frozenset({"type", "start", "end"})
_TARGET_KEYS = frozenset({"source", "selector"})


def read_own(item: dict[str, Any]) -> Annotation | None:
    """The annotation of an object in claimmark's own shape, or None."""
    if (item.keys() != _OWN_KEYS or item["type"] != "Annotation"
            or item["motivation"] != "assessing"):
        return None
    ident, created, modified = item["id"], item["created"], item["modified"]
    if not (isinstance(ident, str) and ident and isinstance(created, str)
            and isinstance(modified, str) and created):
        return None
    place = _placement(item["target"])
    bodies = _bodies(item["body"])
    if place is None or bodies is None:
        return None
    exact, prefix, suffix, occurrences, start, end = place
    label, notes, sources = bodies
    note = "\n\n".join(notes)
    unique = tuple(dict.fromkeys(sources))
    modified = modified or created
    read = (ident, exact, prefix, suffix, label, note, unique, created, modified,
            occurrences)  # its signature()
    return read_annotation(ident, start, end, exact, prefix, suffix, label, note, unique,
                           created, modified,
                           Origin(item, read, False, (start, end) if start >= 0 else None),
                           occurrences)


def _placement(target: Any) -> tuple[str, str | None, str | None, int | None, int, int] | None:
    """``(exact, prefix, suffix, occurrences, start, end)`` of a quote and an
    optional position."""
    if not isinstance(target, dict) or target.keys() != _TARGET_KEYS:
        return None
    selectors = target["selector"]
    if not isinstance(selectors, list) or not 1 <= len(selectors) <= 2:
        return None
    quote = selectors[0]
    if (not isinstance(quote, dict) or quote.get("type") != "TextQuoteSelector"
            or not quote.keys() <= _QUOTE_KEYS):
        return None
    exact, prefix, suffix = quote.get("exact"), quote.get("prefix"), quote.get("suffix")
    if not (isinstance(exact, str) and isinstance(prefix, str | None)
            and isinstance(suffix, str | None)):
        return None
    occurrences = occurrences_of(quote)
    if OCCURRENCES_KEY in quote and occurrences is None:
        return None  # rewritten on saving: the general reader's business
    if len(selectors) == 1:
        return exact, prefix, suffix, occurrences, -1, -1
    position = selectors[1]
    if (not isinstance(position, dict) or position.keys() != _POSITION_KEYS
            or position["type"] != "TextPositionSelector"):
        return None
    start, end = position["start"], position["end"]
    if (type(start) is not int or type(end) is not int  # noqa: E721 - bool is not a position
            or not 0 <= start <= end):
        return None
    return exact, prefix, suffix, occurrences, start, end


def own_bodies(bodies: Any) -> tuple[Label, list[str], list[str]] | None:
    """``(label, notes, sources as written)`` of bodies in the shape claimmark
    writes, in any number; None for anything else. The library's reader
    (``library_notes``) takes them from here too."""
    if not isinstance(bodies, list):
        return None
    label: Label = "none"
    notes: list[str] = []
    sources: list[str] = []
    for body in bodies:
        if not isinstance(body, dict):
            return None
        keys = body.keys()
        purpose, value = body.get("purpose"), body.get("value")
        if (keys == _LABEL_KEYS and purpose == "classifying" and value in LABELS
                and body["type"] == "TextualBody" and label == "none"):
            label = value
        elif (keys == _NOTE_KEYS and purpose == "commenting" and isinstance(value, str)
              and body["type"] == "TextualBody" and body["format"] == "text/markdown"):
            notes.append(value)
        elif (keys == _SOURCE_KEYS and purpose == "linking"
              and body["type"] == "SpecificResource" and isinstance(body["source"], str)
              and body["source"].strip()):
            sources.append(body["source"])
        else:
            return None
    return label, notes, sources


def _bodies(bodies: Any) -> tuple[Label, list[str], list[str]] | None:
    """:func:`own_bodies` with each source normalised (as the general reader does)."""
    read = own_bodies(bodies)
    if read is None:
        return None
    label, notes, sources = read
    return label, notes, [normalized_source(source) for source in sources]


@lru_cache(maxsize=4096)
def normalized_source(raw: str) -> str:
    """A source as written, normalised where it can be (else as written)."""
    try:
        return normalize_source(raw)
    except SourceError:
        return raw
