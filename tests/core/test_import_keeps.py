"""Import keeps what the file had (tester T13, F6): an id that is not a string,
a position selector of the wrong type, a Hypothesis export's other fields."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.importing import hypothesis_to_w3c, import_items
from app.core.notes_format import ArticleRef, NotesDocument, from_jsonld
from app.core.resources import resource_path
from app.core.storage import encode_notes

TEXT = "Magnesium helps. Zinc is a mineral found in oysters. Nothing else here."
SCHEMA = json.loads(resource_path("schema", "notes.schema.json").read_text())


def _saved(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The notes file's items after importing ``items``, saving, and a second
    read and save (validated against the schema each time)."""
    result = import_items([], items, TEXT, "a.txt")
    data = json.loads(encode_notes(NotesDocument(ArticleRef("a.txt"), result.annotations)))
    jsonschema.validate(data, SCHEMA)
    again = json.loads(encode_notes(NotesDocument(ArticleRef("a.txt"),
                                                  from_jsonld(data).annotations)))
    assert again["first"]["items"] == data["first"]["items"]  # stable: no new id each read
    return list(data["first"]["items"])


def test_an_id_that_is_not_a_string_is_kept() -> None:
    [item] = _saved([{"id": 123, "type": "Annotation", "motivation": "replying",
                      "body": {"type": "TextualBody", "value": "reply to anno 1"},
                      "target": "https://example.org/anno/1"}])
    assert item["id"] == "123" and item["claimmark:originalId"] == 123


def test_a_position_of_the_wrong_type_is_kept_not_dropped() -> None:
    bad = {"type": "TextPositionSelector", "start": "44", "end": 172}
    [item] = _saved([{"id": "https://example.org/anno/4", "type": "Annotation",
                      "body": [{"type": "TextualBody", "value": "supported",
                                "purpose": "classifying"}],
                      "target": {"source": "omega3.md", "selector": [bad]}}])
    [kept] = item["target"]["selector"]
    assert kept == {**bad, "type": "claimmark:UnusablePosition",
                    "claimmark:type": "TextPositionSelector"}


def test_every_field_of_a_hypothesis_annotation_is_kept() -> None:
    row = {"id": "hyp-1", "uri": "https://example.org/p", "text": "a note", "tags": [],
           "target": [{"source": "https://example.org/p"}], "flagged": True,
           "hidden": False, "moderation": {"flagCount": 2}, "user_info": {"x": 1}}
    w3c = hypothesis_to_w3c(row)
    assert {k: w3c["claimmark:hypothesis"][k] for k in ("flagged", "hidden", "moderation",
                                                         "user_info", "uri")} == {
        "flagged": True, "hidden": False, "moderation": {"flagCount": 2},
        "user_info": {"x": 1}, "uri": "https://example.org/p"}
    assert hypothesis_to_w3c({**row, "id": 7})["id"] == 7


ids = st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.booleans() \
    | st.lists(st.integers(), max_size=2) | st.dictionaries(st.text(max_size=3), st.integers(),
                                                            max_size=2)


@settings(max_examples=60, deadline=None)
@given(ids)
def test_any_id_is_kept_and_stable(ident: Any) -> None:
    [item] = _saved([{"id": ident, "type": "Annotation",
                      "body": {"type": "TextualBody", "value": "page note"},
                      "target": {"source": "https://example.org/p"}}])
    assert item["claimmark:originalId"] == ident and isinstance(item["id"], str)

