"""One annotation to and from its W3C JSON object, keeping what claimmark does
not model.

Reading keeps the original object (:class:`Origin`). Writing an annotation the
reader did not touch gives that object back unchanged; writing an edited one
merges the edit over it: only the bodies and selectors the edit changed are
replaced, every other key, body, selector and target is kept as it was.
"""

from __future__ import annotations

import json
from typing import Any

from app.core.annotations import LABELS, Annotation, Label, Origin, new_id
from app.core.own_jsonld import read_own
from app.core.selector_writing import (
    merge_selectors,
    page_selector,
    position_selector,
    quote_selector,
)
from app.core.selectors import Found, as_list, find_in_target, is_type
from app.core.sources import SourceError, normalize_source

MOTIVATION = "assessing"
# An id that was not a string (tester T13: "id": 123), kept beside the string
# the notes file's schema asks for.
ORIGINAL_ID = "claimmark:originalId"


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


# ---- bodies ---------------------------------------------------------------------
def _purposes(body: dict[str, Any]) -> list[Any]:
    return as_list(body.get("purpose"))


def _label_value(body: Any) -> Label | None:
    """The label a classifying or tagging body gives (case and spaces aside)."""
    if not isinstance(body, dict) or not {"classifying", "tagging"} & set(
            p for p in _purposes(body) if isinstance(p, str)):
        return None
    value = body.get("value")
    if not isinstance(value, str):
        return None
    folded = value.strip().casefold()
    for label in LABELS:
        if folded == label:
            return label
    return None


NOTE_PURPOSES = {"commenting", "describing", "replying", "questioning"}


def _note_value(body: Any) -> str | None:
    """The text of a comment: a textual body with a commenting purpose or none."""
    if not isinstance(body, dict) or not isinstance(body.get("value"), str):
        return None
    purposes = _purposes(body)
    textual = is_type(body, "TextualBody") or "type" not in body
    if (purposes and any(p in NOTE_PURPOSES for p in purposes)) or (not purposes and textual):
        return str(body["value"])
    return None


def _source_value(body: Any) -> str | None:
    """The source a linking resource names: normalised, or as written when it
    does not normalise (kept, and shown as not recognised)."""
    if not isinstance(body, dict):
        return None
    if not ("linking" in _purposes(body) or is_type(body, "SpecificResource")):
        return None
    raw = body.get("source") or body.get("id")
    if not isinstance(raw, str) or not raw.strip():
        return None
    try:
        return normalize_source(raw)
    except SourceError:
        return raw


def _roles(bodies: list[Any]) -> list[tuple[str, Any]]:
    """Each body's role: ("label", label), ("note", text), ("source", url) or
    ("other", None). The first label-valued body gives the label; a new label
    replaces them all."""
    roles: list[tuple[str, Any]] = []
    for body in bodies:
        label = _label_value(body)
        if label is not None:
            roles.append(("label", label))
            continue
        note = _note_value(body)
        if note is not None:
            roles.append(("note", note))
            continue
        source = _source_value(body)
        roles.append(("source", source) if source is not None else ("other", None))
    return roles


# ---- reading --------------------------------------------------------------------
def _placement(item: dict[str, Any]) -> tuple[int, Found]:
    """The index of the first target claimmark can place, and what it found."""
    targets = as_list(item.get("target"))
    for index, target in enumerate(targets):
        found = find_in_target(target)
        if found.quote is not None or found.position is not None:
            return index, found
    return -1, Found(None, None, any(find_in_target(t).bad_position for t in targets))


def target_source(item: dict[str, Any]) -> str | None:
    """The ``source`` of the target claimmark places the annotation by."""
    index, _ = _placement(item)
    targets = as_list(item.get("target"))
    target = targets[index] if index >= 0 else None
    source = target.get("source") if isinstance(target, dict) else None
    return source if isinstance(source, str) else None


def annotation_from_jsonld(item: dict[str, Any]) -> Annotation:
    """The annotation an object describes; one that cannot be placed gets no
    position (``start`` -1) and is listed as lost, never dropped."""
    return read_own(item) or read_general(item)


def read_general(item: dict[str, Any]) -> Annotation:
    """:func:`annotation_from_jsonld` for any shape (the fast path aside)."""
    _, found = _placement(item)
    label: Label = "none"
    notes: list[str] = []
    sources: list[str] = []
    if isinstance(item.get("bodyValue"), str):
        notes.append(item["bodyValue"])
    roles = _roles(as_list(item.get("body")))
    for role, value in roles:
        if role == "label" and label == "none":
            label = value
        elif role == "note":
            notes.append(value)
        elif role == "source":
            sources.append(value)
    created = _str(item.get("created"))  # "" when the tool did not say
    ident = id_text(item.get("id"))
    start, end = found.position if found.position else (-1, -1)
    quote = found.quote
    annotation = Annotation(
        id=ident or new_id(),
        start=start,
        end=end,
        exact=quote.exact if quote else "",
        prefix=quote.prefix if quote else None,
        suffix=quote.suffix if quote else None,
        label=label,
        note="\n\n".join(notes),
        sources=tuple(dict.fromkeys(sources)),
        created=created,
        modified=_str(item.get("modified")) or _str(item.get("updated")) or created,
        occurrences=quote.occurrences if quote else None,
    )
    # An object without an id or with an unusable position is rewritten on the
    # next save (claimmark never writes either), everything else is kept.
    clean = isinstance(item.get("id"), str) and bool(ident) and not found.bad_position
    return _with_origin(annotation, item, clean, _foreign(item, roles))


def id_text(value: Any) -> str:
    """An id as text: a string as it is, another JSON value as JSON (``123``
    is ``"123"``: the same on every read), none as ""."""
    if value is None or isinstance(value, str):
        return value or ""
    try:
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    except (TypeError, ValueError):
        return ""


OWN_KEYS = {"@context", "id", "type", "motivation", "created", "modified", "body", "bodyValue",
            "target"}


def _foreign(item: dict[str, Any], roles: list[tuple[str, Any]]) -> bool:
    """Whether the object holds anything claimmark does not model (then it is
    never deleted as empty when its label is cleared)."""
    if set(item) - OWN_KEYS or any(role == "other" for role, _ in roles):
        return True
    for target in as_list(item.get("target")):
        if not isinstance(target, dict):
            return True
        for selector in as_list(target.get("selector")):
            if not isinstance(selector, dict) or not (
                    is_type(selector, "TextQuoteSelector")
                    or is_type(selector, "TextPositionSelector")):
                return True
    return False


def _with_origin(annotation: Annotation, item: dict[str, Any], clean: bool,
                 foreign: bool) -> Annotation:
    # claimmark's own notes ("assessing") follow the text with their positions;
    # another tool's object keeps what it wrote until the reader edits it.
    own = not foreign and item.get("motivation") == "assessing" and annotation.start >= 0
    place = (annotation.start, annotation.end) if own else None
    origin = Origin(item, annotation.signature() if clean else None, foreign, place)
    object.__setattr__(annotation, "origin", origin)
    return annotation


def with_new_id(annotation: Annotation) -> Annotation:
    """A copy under a fresh id (two annotations of one file shared one)."""
    from dataclasses import replace

    copy = replace(annotation, id=new_id())
    origin = annotation.origin
    return _with_origin(copy, origin.raw, False, origin.foreign) if origin else copy


# ---- writing --------------------------------------------------------------------
def fresh_jsonld(a: Annotation, source: str, page: int | None = None) -> dict[str, Any]:
    """The object of an annotation made in claimmark (the documented shape)."""
    body: list[dict[str, Any]] = []
    if a.label != "none":
        body.append({"type": "TextualBody", "purpose": "classifying", "value": a.label})
    if a.note:
        body.append({"type": "TextualBody", "purpose": "commenting", "value": a.note,
                     "format": "text/markdown"})
    body.extend({"type": "SpecificResource", "purpose": "linking", "source": s}
                for s in a.sources)
    selectors = [quote_selector(a)]
    if a.start >= 0:
        selectors.append(position_selector(a))
    if page is not None:
        selectors.append(page_selector(a, page))
    return {
        "id": a.id,
        "type": "Annotation",
        "motivation": MOTIVATION,
        "created": a.created,
        "modified": a.modified,
        "body": body,
        "target": {"source": source, "selector": selectors},
    }


def annotation_to_jsonld(a: Annotation, source: str, page: int | None = None,
                         rename_from: str | None = None) -> dict[str, Any]:
    """The object to write for ``a``; ``source`` names the article, ``page``
    the page it starts on (paged articles).

    ``rename_from``: a target whose source is this name gets ``source``
    instead (an export names the article by its file URI). The result may be
    the original object itself: do not mutate it.
    """
    origin = a.origin
    if origin is None:
        return fresh_jsonld(a, source, page)
    if a.untouched and not _needs_rename(origin.raw, source, rename_from):
        return origin.raw
    return _merged(a, origin, source, page, rename_from)


def _needs_rename(raw: dict[str, Any], source: str, rename_from: str | None) -> bool:
    if rename_from is None or rename_from == source:
        return False
    return any(isinstance(t, dict) and t.get("source") == rename_from
               for t in as_list(raw.get("target")))


def _merged(a: Annotation, origin: Origin, source: str, page: int | None,
            rename_from: str | None) -> dict[str, Any]:
    raw = origin.raw
    read = annotation_from_jsonld(raw)  # what the file said, to see what changed
    obj = dict(raw)
    if "id" in obj and not isinstance(obj["id"], str) and id_text(obj["id"]) == a.id:
        obj.setdefault(ORIGINAL_ID, obj["id"])
    obj["id"] = a.id
    if "type" not in obj:
        obj["type"] = "Annotation"
    if a.created:
        obj["created"] = a.created
    if a.modified and (a.modified != read.modified or "modified" in obj):
        obj["modified"] = a.modified
    _merge_bodies(obj, a, read)
    _merge_target(obj, a, read, source, page, rename_from)
    return obj


def _merge_bodies(obj: dict[str, Any], a: Annotation, read: Annotation) -> None:
    bodies = as_list(obj.get("body"))
    roles = _roles(bodies)
    kept: list[Any] = []
    for body, (role, value) in zip(bodies, roles, strict=True):
        if role == "label" and a.label != read.label:
            continue
        if role == "note" and a.note != read.note:
            continue
        if role == "source" and value not in a.sources:
            continue
        kept.append(body)
    new_first: list[Any] = []
    new_last: list[Any] = []
    if a.label != read.label and a.label != "none":
        new_first.append({"type": "TextualBody", "purpose": "classifying", "value": a.label})
    if a.note != read.note:
        obj.pop("bodyValue", None)
        if a.note:
            new_last.append({"type": "TextualBody", "purpose": "commenting", "value": a.note,
                             "format": "text/markdown"})
    old_sources = {value for role, value in roles if role == "source"}
    new_last.extend({"type": "SpecificResource", "purpose": "linking", "source": s}
                    for s in a.sources if s not in old_sources)
    merged = new_first + kept + new_last
    if isinstance(obj.get("body"), dict) and len(merged) == 1 and merged[0] is obj["body"]:
        return  # a single body object stays an object
    if merged or "body" in obj:
        obj["body"] = merged


def _merge_target(obj: dict[str, Any], a: Annotation, read: Annotation, source: str,
                  page: int | None, rename_from: str | None) -> None:
    raw_target = obj.get("target")
    targets = as_list(raw_target)
    index, _ = _placement(obj)
    quote_changed = ((a.exact, a.prefix, a.suffix, a.occurrences)
                     != (read.exact, read.prefix, read.suffix, read.occurrences))
    position_changed = a.start >= 0 and (a.start, a.end) != (read.start, read.end)
    new_targets: list[Any] = []
    for number, target in enumerate(targets):
        if isinstance(target, dict) and rename_from is not None \
                and target.get("source") == rename_from:
            target = {**target, "source": source}
        if number == index and isinstance(target, dict):
            target = merge_selectors(target, a, quote_changed, position_changed, page)
        elif isinstance(target, dict) and find_in_target(target).bad_position:
            target = merge_selectors(target, a, False, False, None)
        new_targets.append(target)
    if index < 0 and (a.exact or a.start >= 0):
        # Re-attached by the reader: it now has a place in the article.
        selectors = [quote_selector(a)] + ([position_selector(a)] if a.start >= 0 else [])
        new_targets.insert(0, {"source": source, "selector": selectors})
    if not new_targets:
        obj["target"] = {"source": source}
    elif isinstance(raw_target, list) or len(new_targets) > 1:
        obj["target"] = new_targets
    else:
        obj["target"] = new_targets[0]
