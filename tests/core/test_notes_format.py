"""The W3C notes format: our own files round-trip; other tools' files read."""

from __future__ import annotations

import json

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.annotations import LABELS, Annotation
from app.core.notes_format import (
    ArticleRef,
    NewerFormatError,
    NotesDocument,
    NotesFormatError,
    from_jsonld,
    to_jsonld,
)
from app.core.resources import resource_path

SCHEMA = json.loads(resource_path("schema", "notes.schema.json").read_text())

annotations = st.builds(
    Annotation,
    id=st.uuids().map(lambda u: f"urn:uuid:{u}"),
    start=st.integers(0, 10_000),
    end=st.integers(10_001, 20_000),
    exact=st.text(min_size=1, max_size=50),
    prefix=st.text(max_size=32),
    suffix=st.text(max_size=32),
    label=st.sampled_from([*LABELS, "none"]),
    note=st.text(max_size=200),
    sources=st.lists(st.integers(1, 10**8).map(
        lambda n: f"https://pubmed.ncbi.nlm.nih.gov/{n}/"), max_size=3, unique=True).map(tuple),
    created=st.just("2026-11-25T10:00:00Z"),
    modified=st.just("2026-11-25T10:02:00Z"),
    occurrences=st.none() | st.integers(1, 5),
)


@settings(max_examples=100, deadline=None)
@given(st.lists(annotations, max_size=5))
def test_save_load_round_trips_every_field(items: list[Annotation]) -> None:
    doc = NotesDocument(ArticleRef("a.txt", "ab" * 32, "Title", "txt"), items)
    data = json.loads(json.dumps(to_jsonld(doc)))
    jsonschema.validate(data, SCHEMA)
    back = from_jsonld(data)
    assert back.article == doc.article
    assert back.annotations == items
    assert all(a.untouched for a in back.annotations)


@settings(max_examples=200, deadline=None)
@given(annotations, st.text(max_size=20))
def test_the_fast_line_encoder_equals_json(a: Annotation, source: str) -> None:
    from app.core.notes_format import annotation_to_jsonld
    from app.core.storage import encode_annotation_line

    expected = json.dumps(annotation_to_jsonld(a, source), ensure_ascii=False)
    assert encode_annotation_line(a, source) == expected


def test_example_shape_matches_the_design() -> None:
    a = Annotation("urn:uuid:1", 3005, 3055, "Click here", "well-being. ", "",
                   "advertising", "Pitch for *Glucontrol*.",
                   ("https://pubmed.ncbi.nlm.nih.gov/33918360/",))
    data = to_jsonld(NotesDocument(ArticleRef("magnesium.txt", "0" * 64, "T", "txt"), [a]))
    item = data["first"]["items"][0]
    assert data["type"] == "AnnotationCollection"
    assert item["motivation"] == "assessing"
    assert {b["purpose"] for b in item["body"]} == {"classifying", "commenting", "linking"}
    selectors = {s["type"]: s for s in item["target"]["selector"]}
    assert selectors["TextPositionSelector"] == {"type": "TextPositionSelector",
                                                 "start": 3005, "end": 3055}
    assert data["claimmark"]["article"]["path"] == "magnesium.txt"


HYPOTHESIS_STYLE = {
    "@context": "http://www.w3.org/ns/anno.jsonld",
    "id": "https://hypothes.is/a/abc", "type": "Annotation",
    "bodyValue": "Hedged.",
    "body": [{"type": "TextualBody", "purpose": "tagging", "value": "uncertain"},
             {"type": "SpecificResource", "purpose": "linking", "source": "doi:10.1000/x"}],
    "target": [{"source": "https://example.org/a", "selector": [
        {"type": "RangeSelector"},
        {"type": "TextQuoteSelector", "exact": "may help", "prefix": "it ", "suffix": "."}]}],
}


@pytest.mark.parametrize(
    "shape",
    [
        HYPOTHESIS_STYLE,
        [HYPOTHESIS_STYLE],
        {"type": "AnnotationPage", "items": [HYPOTHESIS_STYLE]},
        {"type": "AnnotationCollection", "first": {"type": "AnnotationPage",
                                                    "items": [HYPOTHESIS_STYLE]}},
    ],
)
def test_other_tools_shapes_are_read(shape: object) -> None:
    doc = from_jsonld(shape)
    assert doc.article is None
    [a] = doc.annotations
    assert (a.label, a.note, a.exact, a.start) == ("uncertain", "Hedged.", "may help", -1)
    assert (a.prefix, a.suffix) == ("it ", ".")
    assert a.sources == ("https://doi.org/10.1000/x",)


def test_position_only_annotation() -> None:
    doc = from_jsonld({"type": "Annotation", "target": {"selector": {
        "type": "TextPositionSelector", "start": 4, "end": 9}}})
    assert (doc.annotations[0].start, doc.annotations[0].end) == (4, 9)


def test_newer_version_is_refused() -> None:
    with pytest.raises(NewerFormatError):
        from_jsonld({"type": "AnnotationCollection", "claimmark": {"version": 99}})


@pytest.mark.parametrize("data", [42, "x", {"type": "Nope"}, {"claimmark": {"version": "1"}}])
def test_not_a_notes_file(data: object) -> None:
    with pytest.raises(NotesFormatError):
        from_jsonld(data)


def test_the_notes_a_writer_deleted_are_named_and_read_back() -> None:
    """``claimmark.deletedHere``: what the writing session deleted (another
    window drops those, and only those, app.core.notes_merge)."""
    import json as json_

    from app.core.notes_format import ArticleRef, NotesDocument, from_jsonld
    from app.core.storage import encode_notes

    doc = NotesDocument(ArticleRef("a.txt", "0" * 64), [], deleted=("urn:uuid:1", "urn:uuid:2"))
    data = json_.loads(encode_notes(doc))
    assert data["claimmark"]["deletedHere"] == ["urn:uuid:1", "urn:uuid:2"]
    assert from_jsonld(data).deleted == ("urn:uuid:1", "urn:uuid:2")
    again = from_jsonld(data)
    again.deleted = ()
    assert "deletedHere" not in json_.loads(encode_notes(again))["claimmark"]  # not carried on
