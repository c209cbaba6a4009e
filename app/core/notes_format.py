"""The notes file format: a W3C Web Annotation collection (JSON-LD).

:func:`to_jsonld` writes what ``docs/notes-format.md`` documents;
:func:`from_jsonld` reads it back, and also reads what other W3C tools write:
a single Annotation, a list, an AnnotationPage or an AnnotationCollection,
with or without our ``claimmark`` block. What it does not model is kept
(:mod:`app.core.annotation_jsonld` for each annotation, ``collection`` for the
collection's own properties) and written back unchanged.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from typing import Any

from app.core.annotation_jsonld import (
    annotation_from_jsonld,
    annotation_to_jsonld,
    target_source,
    with_new_id,
)
from app.core.annotation_pages import FurtherPages, PagesFormatError, read_pages
from app.core.annotations import Annotation
from app.core.article import page_in
from app.core.selector_writing import PAGE_CONFORMS_TO, page_selector
from app.core.selectors import as_list, is_type

FORMAT_VERSION = 1
NAMESPACE = "https://claimmark.invalid/ns#"
W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
CONTEXT: list[Any] = [W3C_CONTEXT, {"claimmark": NAMESPACE}]
HOMEPAGE = "https://claimmark.invalid/"
# In the claimmark block: notes whose position (with no quote) counts another
# text than the one whose sha256 the block records.
POSITIONS_ELSEWHERE = "positionsElsewhere"
# In the claimmark block: ids of the notes the writing session deleted, so a
# window open on the same notes drops them too instead of writing them back.
DELETED = "deletedHere"


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
    """The notes of one article. ``collection`` is the object the file was
    read from, its annotations aside (``{}`` for a new file): its properties
    are written back unchanged. ``opaque`` holds items that are not objects
    (e.g. an annotation's IRI), kept as they were."""

    article: ArticleRef | None
    annotations: list[Annotation] = field(default_factory=list)
    version: int = FORMAT_VERSION
    collection: dict[str, Any] = field(default_factory=dict)
    opaque: list[Any] = field(default_factory=list)
    deleted: tuple[str, ...] = ()  # notes the writer deleted (DELETED)
    further: FurtherPages | None = None  # pages named by URL only: not read, not here


def to_jsonld(doc: NotesDocument, target_source: str | None = None,
              stored_source: str | None = None) -> dict[str, Any]:
    """The JSON-LD collection for ``doc``; ``target_source`` defaults to the path.
    Targets that name ``stored_source`` (the article as the notes file names
    it) name ``target_source`` instead.

    Annotations not edited since they were read are their original objects:
    serialise the result, do not mutate it.
    """
    stored = stored_source or (doc.article.path if doc.article else "")
    source = target_source or stored
    rename = stored if target_source and target_source != stored else None
    collection = collection_head(doc)
    collection["first"]["items"] = [
        *(annotation_to_jsonld(a, source, note_page(doc, a), rename) for a in doc.annotations),
        *doc.opaque]
    return collection


def note_page(doc: NotesDocument, a: Annotation) -> int | None:
    """The page a note starts on, when its article has pages."""
    if doc.article is None or not doc.article.page_breaks or a.start < 0:
        return None
    return page_in(doc.article.page_breaks, a.start)


def collection_head(doc: NotesDocument) -> dict[str, Any]:
    """The collection with an empty first page: the original's properties kept,
    ours (context, type, version, article, total) set. ``total`` counts the notes on
    the pages the file names but does not hold, when known (helper N16: a save wrote
    only its own count, and the next opening lost how many the further pages hold)."""
    kept = doc.collection
    head: dict[str, Any] = {"@context": _context(kept.get("@context")),
                            "type": "AnnotationCollection"}
    head["generator"] = kept.get("generator",
                                 {"type": "Software", "name": "claimmark", "homepage": HOMEPAGE})
    further = doc.further
    unread = further.notes if further is not None and not further.search else None
    head["total"] = len(doc.annotations) + len(doc.opaque) + (unread or 0)
    for key, value in kept.items():
        if key not in ("@context", "type", "generator", "total", "claimmark", "first",
                       "items"):
            head[key] = value
    block = kept.get("claimmark")
    ours: dict[str, Any] = dict(block) if isinstance(block, dict) else {}
    ours["version"] = FORMAT_VERSION
    if doc.article:
        ours["article"] = {
            "path": doc.article.path, "sha256": doc.article.sha256,
            "title": doc.article.title, "format": doc.article.format,
        }
        elsewhere = _positions_elsewhere(doc.annotations, doc.article.sha256)
        if elsewhere:
            ours[POSITIONS_ELSEWHERE] = elsewhere
        else:
            ours.pop(POSITIONS_ELSEWHERE, None)
    if doc.deleted:
        ours[DELETED] = list(doc.deleted)
    else:
        ours.pop(DELETED, None)
    head["claimmark"] = ours
    page = kept.get("first")
    first: dict[str, Any] = {k: v for k, v in page.items() if k != "items"} \
        if isinstance(page, dict) else {}
    first["type"] = "AnnotationPage"
    first["items"] = []
    head["first"] = first
    return head


def _positions_elsewhere(annotations: list[Annotation], sha256: str) -> list[str]:
    """Ids of the notes with a position and no quote whose position was not
    found to count the text this file records: the hash written beside them
    must not vouch for their offsets on the next open."""
    return [a.id for a in annotations if not a.exact and a.start >= 0
            and (a.origin is None or a.origin.counts != sha256)]


def _context(original: Any) -> list[Any]:
    """The original @context with the W3C one first and our prefix in it."""
    values = [v for v in as_list(original) if v != W3C_CONTEXT]
    has_ours = any(isinstance(v, dict) and "claimmark" in v for v in values)
    return [W3C_CONTEXT, *values, *([] if has_ours else [{"claimmark": NAMESPACE}])]


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
    try:
        items, collection, further = _items(data)
    except PagesFormatError as error:
        raise NotesFormatError(str(error)) from None
    elsewhere = _ids(data["claimmark"].get(POSITIONS_ELSEWHERE)) if article else set()
    annotations: list[Annotation] = []
    opaque: list[Any] = []
    seen: set[str] = set()
    for item in items:
        if not isinstance(item, dict):
            opaque.append(item)
            continue
        annotation = annotation_from_jsonld(item)
        if annotation.id in seen:
            annotation = with_new_id(annotation)
        seen.add(annotation.id)
        if annotation.position_only and article is not None and article.sha256 \
                and _str(item.get("id")) not in elsewhere:
            _position_counts(annotation, item, article)
        annotations.append(annotation)
    block = data.get("claimmark") if isinstance(data, dict) else None
    deleted = tuple(sorted(_ids(block.get(DELETED)))) if isinstance(block, dict) else ()
    return NotesDocument(article, annotations, version, collection, opaque, deleted, further)


def _position_counts(annotation: Annotation, item: dict[str, Any], article: ArticleRef) -> None:
    """A note with a position and no quote, in a file that records the text it
    was made on: its position counts that text when its target names the
    article as the file does (an imported note names the page it came from)."""
    source = target_source(item)
    if annotation.origin is not None and source is not None \
            and posixpath.normpath(source) == posixpath.normpath(article.path):
        annotation.origin.counts = article.sha256  # "./a.txt" is "a.txt"


def _items(data: Any) -> tuple[list[Any], dict[str, Any], FurtherPages | None]:
    """The annotations of any shape (every page the file holds), the
    collection's own properties, and the pages it names but does not hold."""
    if isinstance(data, list):
        return data, {}, None
    if not isinstance(data, dict):
        raise NotesFormatError("not a W3C annotation, page or collection")
    if is_type(data, "Annotation"):
        return [data], {}, None
    if is_type(data, "AnnotationPage"):
        pages = read_pages(data)
        return pages.items, {"first": pages.first}, pages.further
    if is_type(data, "AnnotationCollection"):
        collection = {k: v for k, v in data.items() if k != "items"}
        first = data.get("first")
        if isinstance(first, dict):
            pages = read_pages(first, data.get("total"))
            collection["first"] = pages.first
            return pages.items, collection, pages.further
        if first is None and isinstance(data.get("items"), list):
            return list(data["items"]), collection, None
        if first is None:
            return [], collection, None
        raise NotesFormatError("the collection's pages are not inside the file")
    raise NotesFormatError("not a W3C annotation, page or collection")


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _ids(value: Any) -> set[str]:
    return {v for v in value if isinstance(v, str)} if isinstance(value, list) else set()


__all__ = ["CONTEXT", "FORMAT_VERSION", "NAMESPACE", "PAGE_CONFORMS_TO", "ArticleRef",
           "NewerFormatError", "NotesDocument", "NotesFormatError", "annotation_to_jsonld",
           "collection_head", "from_jsonld", "note_page", "page_selector", "to_jsonld"]
