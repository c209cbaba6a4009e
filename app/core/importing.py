"""Importing notes made elsewhere: W3C annotations or a Hypothesis export.

Accepted: a W3C AnnotationCollection, AnnotationPage, list or single
Annotation; a Hypothesis search-API answer (``{"total": …, "rows": [...]}``),
a list of its annotations or one. A Hypothesis annotation becomes a W3C one:
``text`` → the note (Markdown), a tag equal to a label → the label, other
tags → tagging bodies, ``user`` → ``creator``, ``created``/``updated``,
``uri`` → the target's source, every selector kept.

Each imported annotation is placed in the article by its quote (its
positions count another text: the web page in a browser; one with a
position and no quote is never placed by it, and the report says so — only
the notes file beside the article can say its positions count this text,
:func:`app.core.anchoring.positions_count`); when it is found,
a quote and a position in the canonical text are put first among its
selectors. What cannot be placed is kept as lost ("cannot be placed in this
text"), never dropped. An id already among the notes is not imported twice.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from app.core.anchoring import anchor
from app.core.annotation_jsonld import annotation_from_jsonld
from app.core.annotation_pages import FurtherPages, pages_elsewhere, search_rest
from app.core.annotations import (
    CONTEXT_CHARS,
    LABELS,
    Annotation,
    new_id,
    occurrences_in,
    occurrences_of_spans,
    placed_at,
)
from app.core.notes_format import NewerFormatError, NotesFormatError, from_jsonld
from app.core.selector_writing import position_selector, quote_selector
from app.core.selectors import as_list, is_type

HYPOTHESIS_ANNOTATION_URL = "https://hypothes.is/a/"
# A Hypothesis annotation's fields its W3C object says whole; every other one
# is kept under "claimmark:hypothesis".
HYPOTHESIS_MAPPED = frozenset({"id", "created", "updated", "user", "tags", "text", "target"})


NOT_NOTES = "not W3C annotations or a Hypothesis export"


def is_type_of_w3c(payload: Any) -> bool:
    """A W3C annotation, page or collection by its type (maybe not readable)."""
    return isinstance(payload, dict) and any(
        is_type(payload, name) for name in ("Annotation", "AnnotationPage",
                                            "AnnotationCollection"))


class ImportFormatError(ValueError):
    """Not notes claimmark can import; ``str()`` is one line."""


class ImportItems(list[dict[str, Any]]):
    """The W3C objects of an import file, and the pages it names but does not
    hold (``further``), which the import's report names."""

    further: FurtherPages | None = None


@dataclass(frozen=True, slots=True)
class ImportResult:
    annotations: list[Annotation]  # the notes after the import, existing ones first
    added: int
    placed: int
    lost: int
    already_there: int
    position_only: int = 0  # of the lost: a position and no quote
    reworded: int = 0  # of the placed: on words that differ from their quote
    differing: int = 0  # of those already there: another version of it (not taken)
    no_text: int = 0  # of the added: page notes and replies (no place to lose)
    further: FurtherPages | None = None  # pages the file names but does not hold

    def summary(self) -> str:
        """``imported N: P placed, Q could not be placed`` (the CLI's and the
        window's report). Page notes and replies are counted apart: they mark
        no text, so they have no place to lose (tester T13)."""
        already = f" ({self.already_there} already there)" if self.already_there else ""
        if self.differing:  # tester T10: a colleague's newer version dropped without a word
            already = (f" ({self.already_there} already there, {self.differing} of them "
                       "different from the version here, which is kept: edit it to take "
                       "the other's change)")
        other = ("; none of their words is in this article: are they another article's "
                 "notes?") if self.added > 1 and self.placed == 0 \
            and 0 < self.lost and self.position_only < self.lost else ""  # tester T9
        only = (f"; {self.position_only} had only a position, which counts another text "
                "(the page they were made on): select their words and re-attach them"
                ) if self.position_only else ""
        kept = (f", {self.no_text} page note{' or reply' if self.no_text == 1 else 's and replies'}"
                " kept (they mark no text)") if self.no_text else ""
        further = f"; {self.further.sentence()}" if self.further else ""
        return (f"imported {self.added}: {self.placed} placed, {self.lost} could not be "
                f"placed{kept}{already}{other}{only}{further}")

    def reworded_note(self) -> str:
        """A second line for the command line, which has no list to flag them in
        (tester T10: "4 placed" where all four sat on other wording)."""
        if not self.reworded:
            return ""
        return (f"{self.reworded} of the placed notes sit on words that differ from their "
                "quote: `claimmark notes` lists them as changed, the window as "
                "“Reworded since labelled”")


def holds_nothing(name: str, items: ImportItems) -> str:
    """Why an import takes nothing (the command's and the window's words): the
    file holds no annotation, and maybe names pages that hold some (I15: a
    collection whose pages are all elsewhere said only "no annotations")."""
    further = f"; {items.further.sentence()}" if items.further else ""
    return f"{name} holds no annotations{further}"


def parse_payload(data: bytes) -> ImportItems:
    """The W3C annotation objects in an import file's bytes."""
    try:
        payload = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ImportFormatError("not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise ImportFormatError(  # "Unterminated string starting at, line 1" said no place
            f"not JSON ({error.msg}: line {error.lineno}, column {error.colno})") from None
    except RecursionError:
        raise ImportFormatError("nested too deeply") from None
    return w3c_items(payload)


def w3c_items(payload: Any) -> ImportItems:
    """W3C objects for every annotation in any accepted shape (every page of
    a collection the file holds)."""
    if isinstance(payload, dict) and isinstance(payload.get("rows"), list):
        rows = payload["rows"]
        items = ImportItems(hypothesis_to_w3c(row) for row in rows if isinstance(row, dict))
        items.further = search_rest(payload.get("total"), len(rows))  # I15: said nothing
        return items
    if _is_hypothesis(payload):
        return ImportItems([hypothesis_to_w3c(payload)])
    if isinstance(payload, list) and payload and all(_is_hypothesis(r) for r in payload
                                                     if isinstance(r, dict)) \
            and any(isinstance(r, dict) for r in payload):
        return ImportItems(hypothesis_to_w3c(row) for row in payload if isinstance(row, dict))
    if isinstance(payload, dict) and is_type(payload, "AnnotationCollection"):
        elsewhere = pages_elsewhere(payload)  # I15: "not W3C annotations", said of one
        if elsewhere is not None:
            items = ImportItems()
            items.further = elsewhere
            return items
    try:
        doc = from_jsonld(payload)
    except NewerFormatError as error:
        raise ImportFormatError(str(error)) from None
    except NotesFormatError as error:  # W3C, but not readable: why (I15)
        raise ImportFormatError(f"W3C annotations claimmark cannot read: {error}"
                                if is_type_of_w3c(payload) else NOT_NOTES) from None
    except RecursionError:
        raise ImportFormatError(NOT_NOTES) from None
    items = ImportItems(a.origin.raw for a in doc.annotations if a.origin is not None)
    items.further = doc.further
    return items


def _is_hypothesis(value: Any) -> bool:
    """A Hypothesis API annotation: ``uri`` and ``target`` but no W3C ``type``."""
    return (isinstance(value, dict) and "type" not in value and "target" in value
            and ("uri" in value or "user" in value or "text" in value))


def hypothesis_to_w3c(row: dict[str, Any]) -> dict[str, Any]:
    """A Hypothesis API annotation as a W3C Annotation (nothing it says lost)."""
    ident = row.get("id")
    item: dict[str, Any] = {"type": "Annotation"}
    if isinstance(ident, str) and ident:
        item["id"] = ident if ":" in ident else HYPOTHESIS_ANNOTATION_URL + ident
    elif ident is not None:
        item["id"] = ident  # kept: read as its JSON text, the original beside it
    item["motivation"] = "replying" if row.get("references") else "commenting"
    for key, ours in (("created", "created"), ("updated", "modified")):
        if isinstance(row.get(key), str):
            item[ours] = row[key]
    user = row.get("user")
    if isinstance(user, str) and user:
        creator: dict[str, Any] = {"type": "Person", "id": user}
        info = row.get("user_info")
        if isinstance(info, dict) and isinstance(info.get("display_name"), str):
            creator["name"] = info["display_name"]
        item["creator"] = creator
    body: list[dict[str, Any]] = []
    labels = set(LABELS)
    label_taken = False
    for tag in as_list(row.get("tags")):
        if not isinstance(tag, str):
            continue
        folded = tag.strip().casefold()
        if folded in labels and not label_taken:
            label_taken = True
            body.append({"type": "TextualBody", "purpose": "classifying", "value": folded})
        else:
            body.append({"type": "TextualBody", "purpose": "tagging", "value": tag})
    text = row.get("text")
    if isinstance(text, str) and text:
        body.append({"type": "TextualBody", "purpose": "commenting", "value": text,
                     "format": "text/markdown"})
    item["body"] = body
    uri = row.get("uri")
    targets: list[Any] = []
    for target in as_list(row.get("target")):
        if isinstance(target, dict):
            target = dict(target)
            if "source" not in target and isinstance(uri, str):
                target["source"] = uri
        targets.append(target)
    if not targets and isinstance(uri, str):
        targets.append({"source": uri})
    item["target"] = targets[0] if len(targets) == 1 else targets
    # Every field not taken whole above (tester T13: flagged, hidden were lost).
    extra = {key: value for key, value in row.items() if key not in HYPOTHESIS_MAPPED}
    if extra:
        item["claimmark:hypothesis"] = extra
    return item


def import_items(existing: Sequence[Annotation], items: list[dict[str, Any]],
                 text: str, source: str) -> ImportResult:
    """Merge ``items`` (W3C objects) into ``existing``; each placed in ``text``
    when its quote (or position) is found there."""
    known = {a.id for a in existing}
    this_import: dict[str, dict[str, Any]] = {}
    result = list(existing)
    lost = already = position_only = differing = reworded = no_text = 0
    mine = {a.id: a for a in existing}
    found_at: list[tuple[int, dict[str, Any], Annotation, int, int]] = []
    for item in items:
        annotation = annotation_from_jsonld(item)
        if this_import.get(annotation.id, item) != item:
            # Two different notes of one file share an id: both are kept (the
            # second under a fresh id), as when a notes file is read.
            item = {**item, "id": new_id()}
            annotation = annotation_from_jsonld(item)
        elif annotation.id in known:
            already += 1
            differing += annotation.id in mine and _said(annotation) != _said(mine[annotation.id])
            continue
        known.add(annotation.id)
        this_import[annotation.id] = item
        # Without a quote there is nothing to check a position against, and
        # another tool's positions count another text (tester T8: such a note
        # was put on unrelated words): lost, for the reader to re-attach.
        found = anchor(annotation, text) if annotation.exact else None
        if annotation.marks_no_text:  # a page note or a reply: nothing to place
            no_text += 1
            result.append(annotation)
            continue
        if found is None or found.status == "orphaned":
            lost += 1
            position_only += annotation.position_only
            result.append(annotation)
            continue
        reworded += found.status == "fuzzy"
        found_at.append((len(result), item, annotation, found.start, found.end))
        result.append(annotation)
    # The quotes' counts in one pass over the text (~0.5 ms a note on a 3 MB
    # book one by one: an import of 2,000 notes spent 1.5 s on them).
    counts = occurrences_of_spans(text, [(start, end) for _i, _o, _a, start, end in found_at])
    for (index, item, annotation, start, end), count in zip(found_at, counts, strict=True):
        result[index] = _placed(item, annotation, text, start, end, source, count)
    placed = len(found_at)
    return ImportResult(result, placed + lost + no_text, placed, lost, already, position_only,
                        reworded, differing, no_text, getattr(items, "further", None))


def _said(annotation: Annotation) -> tuple[str, str, tuple[str, ...]]:
    """What a reader wrote in a note (its place aside): label, note, sources."""
    return annotation.label, annotation.note, annotation.sources


def _placed(item: dict[str, Any], annotation: Annotation, text: str, start: int, end: int,
            source: str, count: int | None) -> Annotation:
    """The annotation with a quote and a position in ``text`` first among its
    selectors (the judged quote as the other tool stored it, when it had one).
    ``count``: how many times ``text[start:end]`` stands in ``text``."""
    at = placed_at(annotation, start, end)
    if not at.exact:
        at = Annotation(at.id, start, end, text[start:end],
                        text[max(0, start - CONTEXT_CHARS):start], text[end:end + CONTEXT_CHARS])
    judged_here = at.exact == text[start:end]
    at = replace(at, occurrences=count if judged_here else occurrences_in(text, at.exact))
    ours = [quote_selector(at), position_selector(at)]
    obj = dict(item)
    targets = as_list(obj.get("target"))
    first = targets[0] if targets else None
    if isinstance(first, dict):
        selectors = as_list(first.get("selector"))
        # A selector that says what ours say is not kept twice: notes imported
        # from claimmark's own files again and again gained two a hop (T10).
        targets[0] = {**first, "selector": ours + [s for s in selectors if s not in ours]}
    else:
        targets.insert(0, {"source": first if isinstance(first, str) else source,
                           "selector": ours})
    obj["target"] = targets if len(targets) > 1 or isinstance(item.get("target"), list) \
        else targets[0]
    return placed_at(annotation_from_jsonld(obj), start, end)
