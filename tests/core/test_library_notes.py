"""The library's lean notes reader gives exactly the general reader's rows and
errors, for claimmark's own files and for every other shape it leaves to it."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core import library_notes
from app.core.annotations import Annotation
from app.core.library_notes import notes_rows
from app.core.notes_format import ArticleRef, NotesDocument
from app.core.storage import NotesFileError, encode_notes
from tests.core.test_own_jsonld import MUTATIONS, annotations

NAME = "article.txt"
# The reader's own mutations, and shapes only a file written by hand or another tool has.
NOTE_MUTATIONS: list[Callable[[dict[str, Any]], None]] = [
    *MUTATIONS,
    lambda i: i.update(modified=""),
    lambda i: i["body"].append({"type": "SpecificResource", "purpose": "linking",
                                "source": "doi:10.1000/182"}),
    lambda i: i["body"].extend([{"type": "TextualBody", "purpose": "commenting",
                                 "value": "second", "format": "text/markdown"}] * 2),
]
HEALTH = [HealthCheck.function_scoped_fixture]


def document(items: list[Annotation]) -> dict[str, Any]:
    doc = NotesDocument(ArticleRef(NAME, "abc", "A title", "txt"), items)
    payload: dict[str, Any] = json.loads(encode_notes(doc))
    return payload


def general(path: Path) -> tuple[str, str, list[Any]] | str:
    """What the general reader makes of the file: its rows, or its error."""
    try:
        return library_notes._general_rows(path, NAME)
    except NotesFileError as error:
        return f"{error.kind}: {error}"


def lean(path: Path, fast: bool | None) -> tuple[str, str, list[Any]] | str:
    """What :func:`notes_rows` makes of it; ``fast``: whether it must take the fast path."""
    calls: list[Path] = []
    original = library_notes._general_rows

    def counted(p: Path, name: str, *text_sha256: Any) -> tuple[str, str, list[Any]]:
        calls.append(p)
        return original(p, name, *text_sha256)

    library_notes._general_rows = counted
    try:
        try:
            result: tuple[str, str, list[Any]] | str = notes_rows(str(path), NAME)
        except NotesFileError as error:
            result = f"{error.kind}: {error}"
    finally:
        library_notes._general_rows = original
    assert fast is None or (not calls) == fast, "fast" if fast else "general reader expected"
    return result


def unique(items: list[Annotation]) -> list[Annotation]:
    return list({a.id: a for a in items}.values())


@settings(max_examples=60, suppress_health_check=HEALTH)
@given(st.lists(annotations, max_size=5).map(unique))
def test_own_files_take_the_fast_path_and_read_as_the_general_reader(
        tmp_path: Path, items: list[Annotation]) -> None:
    path = tmp_path / (NAME + ".notes.json")
    path.write_text(json.dumps(document(items)), encoding="utf-8")
    assert lean(path, fast=True) == general(path)


@pytest.mark.parametrize("number", range(len(NOTE_MUTATIONS)))
@settings(max_examples=10, suppress_health_check=HEALTH)
@given(st.lists(annotations, min_size=1, max_size=3).map(unique), st.data())
def test_a_note_in_another_shape_sends_the_file_to_the_general_reader(
        tmp_path: Path, number: int, items: list[Annotation], data: st.DataObject) -> None:
    payload = document(items)
    item = data.draw(st.sampled_from(payload["first"]["items"]))
    before = copy.deepcopy(item)
    try:
        NOTE_MUTATIONS[number](item)
    except (AttributeError, IndexError, KeyError, TypeError):
        pass
    path = tmp_path / (NAME + ".notes.json")
    path.write_text(json.dumps(payload), encoding="utf-8")
    # Some mutations keep the own shape (a label added to a note without one).
    # Compared as JSON: a mutation to ``"start": true`` changes the file although
    # ``True == 1`` makes the two objects equal in Python.
    changed = json.dumps(item, sort_keys=True) != json.dumps(before, sort_keys=True)
    result = lean(path, fast=None if changed else True)
    expected = general(path)
    if not (isinstance(item.get("id"), str) and item["id"]):
        # An object without an id gets a fresh random one from each reading.
        assert isinstance(result, tuple) and isinstance(expected, tuple)
        result, expected = strip_ids(result), strip_ids(expected)
    assert result == expected


def strip_ids(result: tuple[str, str, list[Any]]) -> tuple[str, str, list[Any]]:
    return result[0], result[1], [row[1:] for row in result[2]]


FILE_MUTATIONS: list[Callable[[dict[str, Any]], None]] = [
    lambda d: d["claimmark"].update(version=2),
    lambda d: d["claimmark"].update(version=True),
    lambda d: d["claimmark"].update(version="1"),
    lambda d: d["claimmark"].update(version=0),
    lambda d: d["claimmark"]["article"].update(path="other.txt"),
    lambda d: d["claimmark"]["article"].update(path="sub/article.txt"),
    lambda d: d["claimmark"]["article"].update(title=5, format=None),
    lambda d: d["claimmark"].update(article="article.txt"),
    lambda d: d.pop("claimmark"),
    lambda d: d.update(type="AnnotationPage"),
    lambda d: d.update(type=["AnnotationCollection"]),
    lambda d: d.pop("first"),
    lambda d: d.update(items=d.pop("first")["items"]),
    lambda d: d["first"].update(items={"not": "a list"}),
    lambda d: d["first"].pop("items"),
    lambda d: d.update(first="https://example.org/page1"),
    lambda d: d["first"]["items"].append("an opaque item"),
    lambda d: d["first"]["items"].append(copy.deepcopy(d["first"]["items"][0])),
]


@pytest.mark.parametrize("number", range(len(FILE_MUTATIONS)))
@settings(max_examples=8, suppress_health_check=HEALTH)
@given(st.lists(annotations, min_size=1, max_size=3).map(unique))
def test_any_other_file_reads_as_the_general_reader_reads_it(
        tmp_path: Path, number: int, items: list[Annotation]) -> None:
    payload = document(items)
    FILE_MUTATIONS[number](payload)
    path = tmp_path / (NAME + ".notes.json")
    path.write_text(json.dumps(payload), encoding="utf-8")
    fast = number in (3, 5, 6, 7, 11)  # still claimmark's own shape
    result, expected = lean(path, fast=fast), general(path)
    if number == len(FILE_MUTATIONS) - 1:  # a duplicated id: the copy gets a fresh one
        assert isinstance(result, tuple) and isinstance(expected, tuple)
        assert len(result[2]) == len(expected[2]) == len(items) + 1
        result, expected = strip_ids(result), strip_ids(expected)
    assert result == expected


@pytest.mark.parametrize("data", [b"", b"\x00\x01\xff\xfe binary", b"{\"type\": ",
                                  "{}".encode("utf-16"), b"[" * 100_000, b"null", b"[]"])
def test_bad_files_give_the_general_readers_message(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / (NAME + ".notes.json")
    path.write_bytes(data)
    assert lean(path, fast=False) == general(path)


def test_a_notes_file_gone_since_the_scan_has_no_notes(tmp_path: Path) -> None:
    assert notes_rows(str(tmp_path / "gone.notes.json"), NAME) == ("", "", [])


def test_a_position_of_true_is_not_a_position(tmp_path: Path) -> None:
    """JSON's ``true`` reads as Python's True, which equals 1: the lean reader
    must still leave such a file to the general reader (Hypothesis found it)."""
    note = Annotation(id="urn:uuid:1", start=1, end=1, exact="quoted words", prefix=None,
                      suffix=None, label="supported", note="", sources=(),
                      created="2026-11-26T12:00:00Z", modified="2026-11-26T12:00:00Z")
    payload = document([note])
    payload["first"]["items"][0]["target"]["selector"][-1]["start"] = True
    path = tmp_path / (NAME + ".notes.json")
    path.write_text(json.dumps(payload), encoding="utf-8")
    assert lean(path, fast=False) == general(path)
