"""Importing Hypothesis and W3C notes onto a saved Wikipedia page: each note
is placed on the sentence it was made on, or listed as lost — never wrong."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from app.core.anchoring import anchor
from app.core.importing import ImportFormatError, import_items, parse_payload, w3c_items
from app.core.loaders import load_article
from app.core.resources import resource_path
from tests.conftest import FIXTURES, ROOT

PAGE = FIXTURES / "import" / "magnesium-deficiency.html"
EXPORT = FIXTURES / "import" / "hypothesis-export.json"
SCHEMA = json.loads(resource_path("schema", "notes.schema.json").read_text())

# Where each Hypothesis annotation belongs in the page's canonical text: the
# text around it (it must be placed inside), or None (not in the article).
BELONGS = {
    "Kq3v9mZ0Ee-aB1xT4cJ2ow": "Those with low magnesium often have low potassium.",
    "N8dVpmZ0Ee-7lYbBz2Hq1g": "Magnesium plays an important role in carbohydrate metabolism",
    "R2xQ0mZ1Ee-Jv2fWm8Lw5Q": "Some evidence suggests that a Western diet may not provide enough "
                              "magnesium.",
    "T0aLcmZ1Ee-2CkMz9pXq8A": "Treatment is with magnesium either by mouth",
    "W5bNdmZ1Ee-q3PsYt7Rb2w": "Treatment is with magnesium either by mouth or intravenously.",
    "Y7cPemZ1Ee-hQ4rUv6Sc3x": "Other names | Hypomagnesemia",
    "a1dQfmZ1Ee-uS5tVw7Td4y": None,  # the footer: not part of the article
    "c3eRgmZ1Ee-vT6uWx8Ue5z": None,  # the navbox
    "e5fShmZ1Ee-wU7vXy9Vf6a": None,  # a page note
    "g7gTimZ1Ee-xV8wYz0Wg7b": None,  # a reply
}


def test_hypothesis_rows_placed_on_their_sentence_or_lost() -> None:
    article = load_article(PAGE)
    text = article.text
    result = import_items([], w3c_items(json.loads(EXPORT.read_text())), text, PAGE.name)
    assert (result.added, result.already_there) == (10, 0)
    # Tester T13: the 2 page notes and replies mark no text, so are not lost.
    assert (result.placed, result.lost, result.no_text) == (6, 2, 2)
    wrong, lost = [], []
    for a in result.annotations:
        key = a.id.rsplit("/", 1)[1]
        found = anchor(a, text)
        where = BELONGS[key]
        if found.status == "orphaned":
            lost.append(key)
            continue
        if where is None:
            wrong.append((key, text[found.start:found.end]))
            continue
        start = text.index(where)
        if not (start <= found.start and found.end <= start + len(where)):
            wrong.append((key, text[found.start:found.end]))
    assert wrong == []
    assert {k for k, v in BELONGS.items() if v is None} <= set(lost)
    assert result.placed >= 5  # the quotes that are in the article verbatim are found


def test_two_different_notes_with_one_id_are_both_kept() -> None:
    """As when a notes file is read: the second gets a fresh id; the same
    object twice, or a second import, is not taken twice."""
    text = "Magnesium may help. Click here to buy now."

    def item(exact: str, note: str) -> dict[str, object]:
        return {"id": "urn:x:1", "type": "Annotation",
                "body": [{"type": "TextualBody", "purpose": "commenting", "value": note}],
                "target": {"selector": {"type": "TextQuoteSelector", "exact": exact}}}

    items = [item("Magnesium may help.", "first"), item("Click here to buy now.", "second"),
             item("Magnesium may help.", "first")]
    result = import_items([], items, text, "a.txt")
    assert (result.added, result.placed, result.already_there) == (2, 2, 1)
    assert sorted(a.note for a in result.annotations) == ["first", "second"]
    assert len({a.id for a in result.annotations}) == 2
    again = import_items(result.annotations, items[:1], text, "a.txt")
    assert (again.added, again.already_there) == (0, 1)


def test_a_note_with_a_position_and_no_quote_is_kept_as_lost() -> None:
    """Tester T8: a Hypothesis note with only a TextPositionSelector was put on
    whatever words stood at those offsets here; they count another text."""
    text = "Magnesium may help. Click here to buy now. Sleep matters."
    item = {"id": "urn:x:pos", "type": "Annotation",
            "body": [{"type": "TextualBody", "purpose": "commenting", "value": "which trial?"}],
            "target": {"source": "https://example.org/page",
                       "selector": {"type": "TextPositionSelector", "start": 20, "end": 42}}}
    result = import_items([], [item], text, "a.txt")
    assert (result.added, result.placed, result.lost) == (1, 0, 1)
    [note] = result.annotations
    assert note.note == "which trial?" and anchor(note, text).status == "orphaned" or \
        note.exact == ""


def test_importing_another_articles_notes_says_so() -> None:
    """Tester T9: nine notes of another article were added as lost, silently."""
    quotes = [{"type": "TextQuoteSelector", "exact": f"Words {i} elsewhere."} for i in range(3)]
    items = [{"id": f"urn:x:{i}", "type": "Annotation", "target": {"selector": quote}}
             for i, quote in enumerate(quotes)]
    result = import_items([], items, "Magnesium may help. Click here.", "a.txt")
    assert result.summary().endswith("are they another article's notes?")


def test_hypothesis_permissions_are_kept() -> None:
    """Tester T9: ``permissions`` was dropped on import (group, document… kept)."""
    from app.core.importing import hypothesis_to_w3c

    row = {"id": "abc", "uri": "https://example.org/a", "text": "a note", "tags": [],
           "permissions": {"read": ["group:__world__"], "update": ["acct:me@hypothes.is"]},
           "target": [{"source": "https://example.org/a", "selector": [
               {"type": "TextQuoteSelector", "exact": "Magnesium may help."}]}]}
    item = hypothesis_to_w3c(row)
    assert item["claimmark:hypothesis"]["permissions"] == row["permissions"]


def test_hypothesis_fields_are_kept() -> None:
    items = w3c_items(json.loads(EXPORT.read_text()))
    first = items[0]
    assert first["id"] == "https://hypothes.is/a/Kq3v9mZ0Ee-aB1xT4cJ2ow"
    assert first["creator"] == {"type": "Person", "id": "acct:dr_lin@hypothes.is",
                                "name": "Dr. Lin"}
    assert (first["created"], first["modified"]) == ("2026-10-05T09:12:44.120311+00:00",
                                                     "2026-10-05T09:14:02.551208+00:00")
    kinds = [s["type"] for s in first["target"]["selector"]]
    assert kinds == ["RangeSelector", "TextPositionSelector", "TextQuoteSelector"]
    bodies = first["body"]
    assert {"type": "TextualBody", "purpose": "classifying", "value": "supported"} in bodies
    assert {"type": "TextualBody", "purpose": "tagging", "value": "electrolytes"} in bodies
    assert first["claimmark:hypothesis"]["uri"].endswith("Magnesium_deficiency")
    reply = items[-1]
    assert reply["claimmark:hypothesis"]["references"] == ["Kq3v9mZ0Ee-aB1xT4cJ2ow"]


@pytest.mark.parametrize("data", [b"", b"\xff\xfe\x00x", b"{not json", b"[1, 2]", b'"x"',
                                  b'{"type": "Nope"}', b"[" * 100_000])
def test_unreadable_import_is_one_clear_error(data: bytes) -> None:
    with pytest.raises(ImportFormatError) as info:
        items = parse_payload(data)
        if not items:
            raise ImportFormatError("no annotations")
    assert "\n" not in str(info.value)


def test_an_import_file_that_cannot_be_read_says_where_or_why() -> None:
    """A cut JSON file said "Unterminated string starting at, line 1"; a W3C
    collection with a broken page said "not W3C annotations" (helper I15)."""
    cut = b'{"type": "AnnotationPage", "items": [{"id": "x", "body": "Magn'
    with pytest.raises(ImportFormatError) as info:
        parse_payload(cut)
    column = cut.index(b'"Magn') + 1  # where the string that never ends starts
    assert str(info.value) == (
        f"not JSON (Unterminated string starting at: line 1, column {column})")
    broken = b'{"type": "AnnotationCollection", "first": {"type": "AnnotationPage", "items": 1}}'
    with pytest.raises(ImportFormatError) as info:
        parse_payload(broken)
    assert str(info.value) == ("W3C annotations claimmark cannot read: the annotation page "
                               "has no list of items")


def claimmark(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


def test_cli_import_merges_without_duplicates(tmp_path: Path) -> None:
    page = tmp_path / PAGE.name
    page.write_bytes(PAGE.read_bytes())
    result = claimmark("import", str(page), str(EXPORT))
    assert result.returncode == 0, result.stderr
    line = result.stdout.strip()
    assert line == ("imported 10: 6 placed, 2 could not be placed, 2 page notes and replies "
                    "kept (they mark no text)")
    # Tester T10: the placed notes that sit on other wording are named (stderr).
    assert "1 of the placed notes sit on words that differ from their quote" in result.stderr
    notes = tmp_path / (PAGE.name + ".notes.json")
    data = json.loads(notes.read_text())
    jsonschema.validate(data, SCHEMA)
    assert len(data["first"]["items"]) == 10
    again = claimmark("import", str(page), str(EXPORT))
    assert again.returncode == 0
    assert again.stdout.strip() == "imported 0: 0 placed, 0 could not be placed (10 already there)"
    assert len(json.loads(notes.read_text())["first"]["items"]) == 10
    listed = claimmark("notes", str(page), "--json")
    payload = json.loads(listed.stdout)
    assert len(payload["annotations"]) == 10
    # The page note and the reply mark no text: not lost (tester T8), as the window says.
    no_text = [a["note"] for a in payload["annotations"] if a["marks_no_text"]]
    assert sorted(no_text) == ["Agreed, Pham 2014 is a review though.",
                               "Page note: the lead overstates the evidence."]
    text = claimmark("notes", str(page))
    assert text.stdout.count("marks no text") == 2
    assert listed.returncode == (3 if any(a["status"] == "orphaned" and not a["marks_no_text"]
                                          for a in payload["annotations"]) else 0)


def test_cli_import_bad_input_exit_2(tmp_path: Path) -> None:
    page = tmp_path / PAGE.name
    page.write_bytes(PAGE.read_bytes())
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"\x00\x01binary")
    result = claimmark("import", str(page), str(bad))
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert not (tmp_path / (PAGE.name + ".notes.json")).exists()
    (tmp_path / (PAGE.name + ".notes.json")).write_text("{damaged")
    result = claimmark("import", str(page), str(EXPORT))
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert (tmp_path / (PAGE.name + ".notes.json")).read_text() == "{damaged"
