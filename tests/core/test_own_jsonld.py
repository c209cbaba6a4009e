"""The fast reader of claimmark's own annotation shape gives exactly what the
general reader gives, and leaves every other shape to it."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.annotation_jsonld import annotation_from_jsonld, read_general
from app.core.annotations import LABELS, Annotation
from app.core.own_jsonld import read_own
from app.core.storage import encode_annotation_line

SOURCES = ["https://doi.org/10.1000/182", "10.1000/183", "PMID 33918360",
           "https://example.org/a?b=1", "not a source at all", "https://x.org/é"]

texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
annotations = st.builds(
    lambda label, note, sources, prefix, suffix, place, created, modified, ident, count:
    Annotation(
        id=ident, start=place[0], end=place[1], exact="quoted words", prefix=prefix,
        suffix=suffix, label=label, note=note, sources=tuple(sources), created=created,
        modified=modified, occurrences=count),
    st.sampled_from([*LABELS, "none"]), texts, st.lists(st.sampled_from(SOURCES), max_size=4),
    st.none() | texts, st.none() | texts,
    st.sampled_from([(-1, -1)]) | st.tuples(st.integers(0, 10**6), st.integers(0, 10))
    .map(lambda p: (p[0], p[0] + p[1])),
    st.sampled_from(["2026-11-26T12:00:00Z", "x"]), st.sampled_from(["", "2026-11-27T08:00:00Z"]),
    st.sampled_from(["urn:uuid:1", "a b", "ünï"]), st.none() | st.integers(1, 3))


def summary(a: Annotation, item: dict[str, Any]) -> tuple[Any, ...]:
    assert a.origin is not None and a.origin.raw is item
    return (a.signature(), a.start, a.end, a.origin.read, a.origin.foreign, a.origin.place)


def written(a: Annotation) -> dict[str, Any]:
    item: dict[str, Any] = json.loads(encode_annotation_line(a, "article.txt"))
    return item


@given(annotations)
def test_own_shape_reads_as_the_general_reader_reads_it(a: Annotation) -> None:
    item = written(a)
    fast = read_own(item)
    assert fast is not None, "claimmark's own shape must take the fast path"
    assert summary(fast, item) == summary(read_general(item), item)


MUTATIONS: list[Callable[[dict[str, Any]], None]] = [
    lambda i: i.update(extra=1),
    lambda i: i.update(type=["Annotation"]),
    lambda i: i.update(motivation="commenting"),
    lambda i: i.pop("created"),
    lambda i: i.update(created=""),
    lambda i: i.update(id=""),
    lambda i: i.update(modified=None),
    lambda i: i.update(bodyValue="a plain note"),
    lambda i: i.update(body={"type": "TextualBody", "value": "one body, not a list"}),
    lambda i: i["body"].append({"type": "TextualBody", "purpose": "classifying",
                                "value": "Advertising "}),
    lambda i: i["body"].append({"type": "TextualBody", "purpose": ["classifying"],
                                "value": "supported"}),
    lambda i: i["body"].append({"type": "TextualBody", "purpose": "classifying",
                                "value": "uncertain"}),
    lambda i: i["body"].append({"type": "TextualBody", "purpose": "tagging", "value": "x"}),
    lambda i: i["body"].append({"type": "TextualBody", "value": "no purpose"}),
    lambda i: i["body"].append({"type": "SpecificResource", "purpose": "linking",
                                "source": " "}),
    lambda i: i["body"].append({"type": "SpecificResource", "purpose": "linking",
                                "id": "https://doi.org/10.1/y"}),
    lambda i: i["body"].append("a string body"),
    lambda i: i.update(target=[i["target"]]),
    lambda i: i.update(target="https://example.org/page"),
    lambda i: i["target"].update(styleClass="x"),
    lambda i: i["target"].update(selector=i["target"]["selector"][0]),
    lambda i: i["target"]["selector"].reverse(),
    lambda i: i["target"]["selector"].append({"type": "FragmentSelector",
                                              "value": "char=1,5"}),
    lambda i: i["target"]["selector"][0].update(prefix=5),
    lambda i: i["target"]["selector"][0].update(exact=None),
    lambda i: i["target"]["selector"][0].update(refinedBy={"type": "TextPositionSelector",
                                                           "start": 1, "end": 2}),
    lambda i: i["target"]["selector"][-1].update(start=True),
    lambda i: i["target"]["selector"][-1].update(start=-3),
    lambda i: i["target"]["selector"][-1].update(end="9"),
    lambda i: i["target"]["selector"][-1].update(type="TextQuoteSelector"),
    lambda i: i["target"]["selector"][0].update({"claimmark:occurrences": 0}),
    lambda i: i["target"]["selector"][0].update({"claimmark:occurrences": True}),
    lambda i: i["target"]["selector"][0].update({"claimmark:occurrences": "1"}),
]


@pytest.mark.parametrize("number", range(len(MUTATIONS)))
@settings(max_examples=25)
@given(annotations, st.lists(st.sampled_from(range(len(MUTATIONS))), max_size=2))
def test_any_other_shape_reads_as_the_general_reader_reads_it(
        number: int, a: Annotation, more: list[int]) -> None:
    item = written(a)
    for mutation in (number, *more):
        try:
            MUTATIONS[mutation](item)
        except (AttributeError, IndexError, KeyError, TypeError):
            pass  # an earlier mutation changed the shape this one edits
    assert key(annotation_from_jsonld(item), item) == key(read_general(copy.deepcopy(item)), item)


def key(a: Annotation, item: dict[str, Any]) -> tuple[Any, ...]:
    """What a reader made of ``item``; an object without an id gets a fresh one."""
    has_id = isinstance(item.get("id"), str) and bool(item["id"])
    signature = a.signature() if has_id else a.signature()[1:]
    origin = a.origin
    return (signature, a.start, a.end, origin.read is not None if origin else None,
            origin.foreign if origin else None)


@given(annotations, st.booleans())
def test_read_annotation_is_the_constructor(a: Annotation, with_origin: bool) -> None:
    """The readers' shortcut makes the very value ``Annotation(...)`` makes,
    field for field, origin included."""
    from app.core.annotations import Origin, read_annotation

    origin = Origin({"id": a.id}, a.signature()) if with_origin else None
    made = Annotation(id=a.id, start=a.start, end=a.end, exact=a.exact, prefix=a.prefix,
                      suffix=a.suffix, label=a.label, note=a.note, sources=a.sources,
                      created=a.created, modified=a.modified, occurrences=a.occurrences,
                      origin=origin)
    read = read_annotation(a.id, a.start, a.end, a.exact, a.prefix, a.suffix, a.label, a.note,
                           a.sources, a.created, a.modified, origin, a.occurrences)
    assert [getattr(read, name) for name in Annotation.__slots__] == \
        [getattr(made, name) for name in Annotation.__slots__]
    assert read == made and hash(read) == hash(made)


def test_a_note_placed_elsewhere_is_written_with_its_new_position_only() -> None:
    """Tester T8: the notes file kept the old offsets ("5 moved" on every open)."""
    from dataclasses import replace

    from app.core.annotation_jsonld import annotation_to_jsonld

    item = written(Annotation(id="urn:uuid:1", start=10, end=22, exact="quoted words",
                              prefix="a ", suffix=" b", label="uncertain", note="why?"))
    read = read_own(item)
    assert read is not None and annotation_to_jsonld(read, "article.txt") is item
    moved = replace(read, start=40, end=52)  # placed_at, as re-anchoring does
    out = annotation_to_jsonld(moved, "article.txt")
    selectors = {s["type"]: s for s in out["target"]["selector"]}
    position = selectors["TextPositionSelector"]
    assert (position["start"], position["end"]) == (40, 52)
    assert selectors["TextQuoteSelector"] == {"type": "TextQuoteSelector", "exact": "quoted words",
                                              "prefix": "a ", "suffix": " b"}
    assert {k: v for k, v in out.items() if k != "target"} == {
        k: v for k, v in item.items() if k != "target"}
