"""The notes file format: a W3C Web Annotation collection (JSON-LD).

:func:`to_jsonld` writes what ``docs/notes-format.md`` documents;
:func:`from_jsonld` reads it back, and also reads what other W3C tools write:
a single Annotation, a list, an AnnotationPage or an AnnotationCollection, with
a TextQuoteSelector and/or a TextPositionSelector, with or without our
``claimmark`` block.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.core.annotations import LABELS, Annotation, Label, new_id, now_iso
from app.core.article import page_in
from app.core.sources import SourceError, normalize_source

FORMAT_VERSION = 1
NAMESPACE = "https://claimmark.invalid/ns#"
CONTEXT: list[Any] = ["http://www.w3.org/ns/anno.jsonld", {"claimmark": NAMESPACE}]
HOMEPAGE = "https://claimmark.invalid/"


class NotesFormatError(ValueError):
    """The data is not a notes file we can read; ``str()`` is one line."""


class NewerFormatError(NotesFormatError):
    """Written by a newer claimmark: never overwrite it."""


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """What the notes were made on: relative path, hash, title, format."""

    path: str
    sha256: str = ""
    title: str = ""
    format: str = ""
    # Where each page's text begins (PDFs): gives every note its page on saving.
    page_breaks: tuple[tuple[int, int], ...] = ()


@dataclass(slots=True)
class NotesDocument:
    article: ArticleRef | None
    annotations: list[Annotation] = field(default_factory=list)
    version: int = FORMAT_VERSION


def to_jsonld(doc: NotesDocument, target_source: str | None = None) -> dict[str, Any]:
    """The JSON-LD collection for ``doc``; ``target_source`` defaults to the path."""
    source = target_source or (doc.article.path if doc.article else "")
    collection: dict[str, Any] = {
        "@context": CONTEXT,
        "type": "AnnotationCollection",
        "generator": {"type": "Software", "name": "claimmark", "homepage": HOMEPAGE},
        "total": len(doc.annotations),
        "claimmark": {"version": FORMAT_VERSION},
        "first": {"type": "AnnotationPage",
                  "items": [annotation_to_jsonld(a, source, note_page(doc, a))
                            for a in doc.annotations]},
    }
    if doc.article:
        collection["claimmark"]["article"] = {
            "path": doc.article.path, "sha256": doc.article.sha256,
            "title": doc.article.title, "format": doc.article.format,
        }
    return collection


def note_page(doc: NotesDocument, a: Annotation) -> int | None:
    """The page a note starts on, when its article has pages."""
    return page_in(doc.article.page_breaks, a.start) if doc.article else None


PAGE_CONFORMS_TO = "http://tools.ietf.org/rfc/rfc3778"  # PDF fragment identifiers


def page_selector(a: Annotation, page: int) -> dict[str, Any]:
    """The W3C way to say "on page N": a PDF FragmentSelector refined by the quote."""
    return {"type": "FragmentSelector", "conformsTo": PAGE_CONFORMS_TO, "value": f"page={page}",
            "refinedBy": {"type": "TextQuoteSelector", "exact": a.exact, "prefix": a.prefix,
                          "suffix": a.suffix}}


def annotation_to_jsonld(a: Annotation, source: str, page: int | None = None) -> dict[str, Any]:
    body: list[dict[str, Any]] = []
    if a.label != "none":
        body.append({"type": "TextualBody", "purpose": "classifying", "value": a.label})
    if a.note:
        body.append({"type": "TextualBody", "purpose": "commenting", "value": a.note,
                     "format": "text/markdown"})
    body.extend({"type": "SpecificResource", "purpose": "linking", "source": s}
                for s in a.sources)
    return {
        "id": a.id,
        "type": "Annotation",
        "motivation": "assessing",
        "created": a.created,
        "modified": a.modified,
        "body": body,
        "target": {"source": source, "selector": [
            {"type": "TextQuoteSelector", "exact": a.exact, "prefix": a.prefix,
             "suffix": a.suffix},
            {"type": "TextPositionSelector", "start": a.start, "end": a.end},
            *([page_selector(a, page)] if page is not None else []),
        ]},
    }


def from_jsonld(data: Any) -> NotesDocument:
    """Read any supported shape; raise NotesFormatError when there is none."""
    article: ArticleRef | None = None
    version = FORMAT_VERSION
    if isinstance(data, dict) and isinstance(data.get("claimmark"), dict):
        block = data["claimmark"]
        raw_version = block.get("version", FORMAT_VERSION)
        if not isinstance(raw_version, int) or isinstance(raw_version, bool):
            raise NotesFormatError("the claimmark format version is not a number")
        if raw_version > FORMAT_VERSION:
            raise NewerFormatError(
                f"written by a newer claimmark (format {raw_version}; this one reads "
                f"{FORMAT_VERSION})")
        version = raw_version
        ref = block.get("article")
        if isinstance(ref, dict) and isinstance(ref.get("path"), str):
            article = ArticleRef(ref["path"], _str(ref.get("sha256")), _str(ref.get("title")),
                                 _str(ref.get("format")))
    items = _items(data)
    annotations = [a for a in (_annotation(item) for item in items) if a is not None]
    return NotesDocument(article, annotations, version)


def _items(data: Any) -> list[Any]:
    if isinstance(data, list):
        return data
    if not isinstance(data, dict):
        raise NotesFormatError("not a W3C annotation, page or collection")
    kind = data.get("type")
    kinds = set(kind) if isinstance(kind, list) else {kind}
    if "Annotation" in kinds:
        return [data]
    if "AnnotationPage" in kinds:
        return _page_items(data)
    if "AnnotationCollection" in kinds:
        first = data.get("first")
        if isinstance(first, dict):
            return _page_items(first)
        if first is None and isinstance(data.get("items"), list):
            return list(data["items"])
        if first is None:
            return []
        raise NotesFormatError("the collection's pages are not inside the file")
    raise NotesFormatError("not a W3C annotation, page or collection")


def _page_items(page: dict[str, Any]) -> list[Any]:
    items = page.get("items", [])
    if not isinstance(items, list):
        raise NotesFormatError("the annotation page has no list of items")
    return items


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _annotation(item: Any) -> Annotation | None:
    if not isinstance(item, dict):
        return None
    quote: dict[str, Any] | None = None
    position: tuple[int, int] | None = None
    for target in _as_list(item.get("target")):
        if not isinstance(target, dict):
            continue
        for selector in _as_list(target.get("selector")):
            if not isinstance(selector, dict):
                continue
            kind = selector.get("type")
            if kind == "TextQuoteSelector" and isinstance(selector.get("exact"), str):
                quote = quote or selector
            elif kind == "TextPositionSelector":
                start, end = selector.get("start"), selector.get("end")
                if (isinstance(start, int) and isinstance(end, int)
                        and not isinstance(start, bool) and 0 <= start <= end):
                    position = position or (start, end)
    if quote is None and position is None:
        return None
    label: Label = "none"
    notes: list[str] = []
    sources: list[str] = []
    if isinstance(item.get("bodyValue"), str):
        notes.append(item["bodyValue"])
    for body in _as_list(item.get("body")):
        if not isinstance(body, dict):
            continue
        purpose = body.get("purpose")
        value = body.get("value")
        if purpose in ("classifying", "tagging") and value in LABELS and label == "none":
            label = value
        elif purpose == "commenting" and isinstance(value, str):
            notes.append(value)
        elif purpose == "linking" or body.get("type") == "SpecificResource":
            raw = body.get("source") or body.get("id")
            if isinstance(raw, str):
                try:
                    sources.append(normalize_source(raw))
                except SourceError:
                    continue
    created = _str(item.get("created")) or now_iso()
    start, end = position if position else (-1, -1)
    return Annotation(
        id=_str(item.get("id")) or new_id(),
        start=start,
        end=end,
        exact=_str(quote.get("exact")) if quote else "",
        prefix=_str(quote.get("prefix")) if quote else "",
        suffix=_str(quote.get("suffix")) if quote else "",
        label=label,
        note="\n\n".join(notes),
        sources=tuple(dict.fromkeys(sources)),
        created=created,
        modified=_str(item.get("modified")) or created,
    )
