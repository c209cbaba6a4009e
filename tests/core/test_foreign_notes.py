"""Notes from other W3C tools: read in every shape they come in, and written
back whole — every key of every annotation and of the collection."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.anchoring import anchor_all
from app.core.annotations import LABELS, Annotation, rebase
from app.core.notes_format import ArticleRef, NotesDocument, from_jsonld
from app.core.resources import resource_path
from app.core.storage import encode_notes
from tests.conftest import FIXTURES

SCHEMA = json.loads(resource_path("schema", "notes.schema.json").read_text())
TEXT = ("Magnesium is an essential mineral. It takes part in hundreds of reactions. "
        "It may help people whose nerves hurt at night. Research has shown that magnesium "
        "can calm irritated nerves. Many readers end their pain for good. Click here to "
        "order Glucontrol today.")
REF = ArticleRef("magnesium.txt", "0" * 64, "Magnesium", "txt")


def foreign() -> dict[str, Any]:
    return json.loads((FIXTURES / "notes" / "foreign-w3c.json").read_text())


def written(doc: NotesDocument) -> dict[str, Any]:
    """What the notes file holds after saving ``doc`` (validated)."""
    data = json.loads(encode_notes(doc))
    validate(data)
    return data


def validate(data: dict[str, Any]) -> None:
    jsonschema.validate(data, SCHEMA)
    assert not list(_negative_positions(data)), "a -1 (or other negative) offset was written"


def _negative_positions(value: Any) -> Any:
    if isinstance(value, dict):
        if value.get("type") == "TextPositionSelector" and not (
                isinstance(value.get("start"), int) and value["start"] >= 0
                and isinstance(value.get("end"), int) and value["end"] >= 0):
            yield value
        for inner in value.values():
            yield from _negative_positions(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _negative_positions(inner)


def loaded(data: dict[str, Any]) -> NotesDocument:
    doc = from_jsonld(copy.deepcopy(data))
    doc.article = REF
    return doc


def test_every_shape_is_read() -> None:
    doc = from_jsonld(foreign())
    by_id = {a.id.rsplit("/", 1)[1]: a for a in doc.annotations}
    assert sorted(by_id) == ["1", "2", "3", "4", "5", "6"]
    one = by_id["1"]  # single selector object, single body object, no context
    assert one.exact.startswith("Research has shown")
    assert (one.prefix, one.suffix, one.start) == (None, None, -1)
    assert one.note == "Which trial? No citation here."
    two = by_id["2"]  # RFC 5147 fragment; a tag that is a label; a source as written
    assert (two.start, two.end, two.label) == (75, 121, "uncertain")
    assert two.sources == ("https://doi.org/10.1016/j.jns.2019.01.002", "see the handout, p. 4")
    three = by_id["3"]  # a quote refining a CSS selector; bodyValue
    assert (three.exact, three.prefix, three.suffix) == (
        "Click here to order Glucontrol today", "pain for good. ", ".")
    assert three.note == "Pure advertising."
    assert (by_id["4"].exact, by_id["4"].start) == ("", -1)  # XPath range: cannot be placed
    assert by_id["5"].note == "A remark on the whole page."
    six = by_id["6"]  # list of targets, "" prefix = at the start of the text
    assert (six.prefix, six.start, six.label) == ("", 0, "supported")


def test_placed_where_they_belong_and_the_rest_kept_as_lost() -> None:
    placed = {p.annotation.id.rsplit("/", 1)[1]: p for p in
              anchor_all(from_jsonld(foreign()).annotations, TEXT)}
    for key, sentence in (("1", "Research has shown that magnesium can calm irritated nerves"),
                          ("3", "Click here to order Glucontrol today"),
                          ("6", "Magnesium is an essential mineral.")):
        anchor = placed[key].anchor
        assert TEXT[anchor.start:anchor.end].startswith(sentence), key
    # "2" has an RFC 5147 position and no quote: its offsets count the web
    # page it names, not this text (tests/core/test_position_only_notes.py).
    assert placed["2"].anchor.status == "orphaned"
    assert placed["4"].anchor.status == placed["5"].anchor.status == "orphaned"


def test_unedited_foreign_file_is_written_back_whole() -> None:
    original = foreign()
    doc = loaded(original)
    doc.annotations = [p.annotation for p in anchor_all(doc.annotations, TEXT)]
    data = written(doc)
    assert data["first"]["items"] == original["first"]["items"]
    for key in ("id", "label", "creator", "rights"):
        assert data[key] == original[key]
    assert {k: v for k, v in data["first"].items() if k != "items"} == {
        k: v for k, v in original["first"].items() if k != "items"}
    assert data["@context"][0] == "http://www.w3.org/ns/anno.jsonld"
    assert data["total"] == 6


@pytest.mark.parametrize("edit", ["label", "note", "source", "reattach", "rebase"])
def test_an_edit_changes_only_what_it_changed(edit: str) -> None:
    original = foreign()
    doc = loaded(original)
    doc.annotations = [p.annotation for p in anchor_all(doc.annotations, TEXT)]
    index = 1  # anno/2: tags, a note, two sources, an image body, a fragment selector
    a = doc.annotations[index]
    if edit == "label":
        changed = a.edited(label="advertising")
    elif edit == "note":
        changed = a.edited(note="Hedged, and the study was in rats.")
    elif edit == "source":
        changed = a.edited(sources=(*a.sources, "https://pubmed.ncbi.nlm.nih.gov/123/"))
    elif edit == "reattach":
        changed = rebase(a, TEXT, 0, 34).edited()
    else:
        changed = rebase(a, TEXT, a.start, a.end).edited()
    doc.annotations[index] = changed
    data = written(doc)
    items = data["first"]["items"]
    for number, item in enumerate(items):
        if number != index:
            assert item == original["first"]["items"][number]
    item, before = items[index], original["first"]["items"][index]
    assert {k: v for k, v in item.items() if k not in ("body", "target", "modified", "created")
            } == {k: v for k, v in before.items() if k not in ("body", "target")}
    others = [b for b in before["body"] if b.get("purpose") != "tagging" or b["value"] == "week7"]
    others = [b for b in others if b.get("purpose") != "commenting" or edit != "note"]
    for body in others:
        assert body in item["body"]  # untouched bodies kept as they were
    back = from_jsonld(data).annotations[index]
    assert back == changed
    if edit in ("label", "note", "source"):
        assert item["target"] == before["target"]


def test_orphans_round_trip_without_negative_positions() -> None:
    doc = loaded(foreign())
    placed = anchor_all(doc.annotations, "Completely different text now.")
    doc.annotations = [p.annotation.edited(note=p.annotation.note + " (seen)")
                       for p in placed]
    data = written(doc)
    back = from_jsonld(data).annotations
    assert [a.note for a in back] == [a.note for a in doc.annotations]
    assert [a.exact for a in back] == [a.exact for a in doc.annotations]


def test_duplicate_ids_are_both_kept() -> None:
    item = foreign()["first"]["items"][0]
    doc = from_jsonld([item, copy.deepcopy(item)])
    assert len({a.id for a in doc.annotations}) == 2
    doc.article = REF
    data = written(doc)
    assert len(data["first"]["items"]) == 2


def test_non_object_items_are_kept() -> None:
    data = {"type": "AnnotationPage", "items": ["https://notes.example.org/anno/99",
                                                  foreign()["first"]["items"][0]]}
    doc = from_jsonld(data)
    doc.article = REF
    assert "https://notes.example.org/anno/99" in written(doc)["first"]["items"]


# ---- property: whatever the other tool put there survives any edit ----------------
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 5) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                max_size=3),
    max_leaves=6)
extra_keys = st.dictionaries(
    st.sampled_from(["creator", "rights", "audience", "generator", "via", "canonical",
                     "stylesheet", "x:custom", "schema:about"]), json_values, max_size=4)
selectors = st.lists(st.sampled_from([
    {"type": "TextQuoteSelector", "exact": "may help people"},
    {"type": "TextQuoteSelector", "exact": "Magnesium is", "prefix": "", "suffix": " an"},
    {"type": "TextPositionSelector", "start": 0, "end": 9},
    {"type": "TextPositionSelector", "start": -1, "end": -1},
    {"type": "FragmentSelector", "value": "char=10,20"},
    {"type": "CssSelector", "value": "p", "refinedBy": {"type": "TextPositionSelector",
                                                        "start": 1, "end": 2}},
    {"type": "RangeSelector", "startSelector": {"type": "XPathSelector", "value": "/p"}},
]), max_size=3)
bodies = st.lists(st.sampled_from([
    {"type": "TextualBody", "purpose": "tagging", "value": "uncertain"},
    {"type": "TextualBody", "purpose": "tagging", "value": "to-read"},
    {"type": "TextualBody", "value": "plain comment", "purpose": "commenting"},
    {"type": "SpecificResource", "purpose": "linking", "source": "pmid:12345"},
    {"type": "SpecificResource", "purpose": "linking", "source": "a book on my shelf"},
    {"type": "Choice", "items": [{"type": "TextualBody", "value": "a"}]},
    "https://example.org/body-iri",
]), max_size=4)


@st.composite
def foreign_items(draw: st.DrawFn) -> dict[str, Any]:
    item: dict[str, Any] = {"id": f"https://x.example/{draw(st.integers(0, 10**6))}",
                            "type": "Annotation"}
    item.update(draw(extra_keys))
    body = draw(bodies)
    if body:
        item["body"] = body[0] if len(body) == 1 and draw(st.booleans()) else body
    chosen = draw(selectors)
    target: Any = {"source": "https://blog.example.com/m"}
    if chosen:
        target["selector"] = chosen[0] if len(chosen) == 1 and draw(st.booleans()) else chosen
    item["target"] = [target, "https://other.example/"] if draw(st.booleans()) else target
    return item


edits = st.sampled_from(["none", "label", "clear", "note", "add-source", "drop-sources",
                         "rebase"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(foreign_items(), edits), min_size=1, max_size=4, unique_by=lambda
                pair: pair[0]["id"]),
       extra_keys)
def test_round_trip_keeps_every_unknown_key(pairs: list[tuple[dict[str, Any], str]],
                                            collection_extra: dict[str, Any]) -> None:
    original = {"type": "AnnotationCollection", **collection_extra,
                "first": {"type": "AnnotationPage", "items": [p[0] for p in pairs]}}
    doc = loaded(original)
    doc.annotations = [p.annotation for p in anchor_all(doc.annotations, TEXT)]
    for index, (_, edit) in enumerate(pairs):
        doc.annotations[index] = _apply(doc.annotations[index], edit)
    data = written(doc)
    for key, value in collection_extra.items():
        if key != "generator" or "generator" in original:
            assert data[key] == value
    back = from_jsonld(data).annotations
    assert [a.signature() for a in back] == [a.signature() for a in doc.annotations]
    modelled = {"body", "bodyValue", "target", "modified", "created", "motivation"}
    for (item, edit), out in zip(pairs, data["first"]["items"], strict=True):
        if edit == "none" and not list(_negative_positions(item)):
            assert out == item
            continue
        for key, value in item.items():
            if key not in modelled:
                assert out[key] == value, key
        kept_bodies = [b for b in _as_list(item.get("body"))
                       if not isinstance(b, dict) or b.get("purpose") not in (
                           "tagging", "commenting", "linking")
                       or b.get("value") == "to-read"]
        for body in kept_bodies:
            assert body in _as_list(out.get("body")), body


def _apply(a: Annotation, edit: str) -> Annotation:
    if edit == "label":
        return a.edited(label=LABELS[(LABELS.index(a.label) + 1) % 3] if a.label in LABELS
                        else "supported")
    if edit == "clear":
        return a.edited(label="none")
    if edit == "note":
        return a.edited(note=a.note + " more")
    if edit == "add-source":
        return a.edited(sources=(*a.sources, "https://doi.org/10.1/new"))
    if edit == "drop-sources":
        return a.edited(sources=())
    if edit == "rebase":
        return rebase(a, TEXT, 35, 45).edited()
    return a


def _as_list(value: Any) -> list[Any]:
    return [] if value is None else value if isinstance(value, list) else [value]


def test_fixture_exists() -> None:
    assert Path(FIXTURES / "notes" / "foreign-w3c.json").is_file()
