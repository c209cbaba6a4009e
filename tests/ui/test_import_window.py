"""File ▸ Import Notes…: notes from Hypothesis or another W3C tool merged into
the open article's notes, placed ones shown like any other, the rest lost."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
from PySide6.QtCore import Qt

from app.core.importing import import_items, w3c_items
from app.core.resources import resource_path
from app.ui.claim_model import LABEL_ROLE
from tests.conftest import FIXTURES
from tests.ui.conftest import open_article

PAGE = FIXTURES / "import" / "magnesium-deficiency.html"
EXPORT = FIXTURES / "import" / "hypothesis-export.json"


def test_import_notes_places_what_it_can_and_lists_the_rest_as_lost(
        qtbot, make_window, dialogs, tmp_path: Path) -> None:
    page = tmp_path / PAGE.name
    shutil.copy(PAGE, page)
    window = make_window()
    assert not window.actions["import_notes"].isEnabled()  # no article yet
    open_article(qtbot, window, page)
    expected = import_items([], w3c_items(json.loads(EXPORT.read_text())),
                            window.session.article.text, page.name)
    assert expected.placed and expected.lost
    dialogs.notes_answer = str(EXPORT)
    window.actions["import_notes"].trigger()
    assert window.statusBar().currentMessage() == (
        f"imported 10: {expected.placed} placed, {expected.lost} could not be placed, "
        f"{expected.no_text} page notes and replies kept (they mark no text)")
    notes = page.with_name(page.name + ".notes.json")
    data = json.loads(notes.read_text())
    jsonschema.validate(data, json.loads(resource_path("schema", "notes.schema.json")
                                         .read_text()))
    assert len(data["first"]["items"]) == 10
    lost = [i for i, s in window.session.status.items() if s == "orphaned"]
    # The window's list of the unplaced holds the page notes and replies too,
    # each marked "marks no text"; the import's report counts them apart.
    assert len(lost) == expected.lost + expected.no_text
    window.filter_box.setCurrentIndex(window.filter_box.findData("orphaned"))
    assert window.proxy.rowCount() == expected.lost + expected.no_text
    window.filter_box.setCurrentIndex(0)
    # A placed note with a label shows on its claim like any other.
    labelled = [a for a in window.session.annotations.values()
                if a.label != "none" and a.id not in lost]
    assert labelled
    row = window.model.row_for_annotation(labelled[0].id)
    assert window.model.data(window.model.index(row), LABEL_ROLE) == labelled[0].label
    # The same file again: nothing is taken twice.
    window.actions["import_notes"].trigger()
    assert window.statusBar().currentMessage() == (
        "imported 0: 0 placed, 0 could not be placed (10 already there)")
    assert len(json.loads(notes.read_text())["first"]["items"]) == 10
    # An import is one step of Edit ▸ Undo (the second added nothing: no step).
    assert window.actions["undo"].text() == "&Undo Import 10 notes from hypothesis-export.json"
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert json.loads(notes.read_text())["first"]["items"] == []
    assert not window.session.annotations
    assert all(window.summary.labels[label].text().endswith(f" 0 {label}")
               for label in ("supported", "uncertain", "advertising"))
    window.filter_box.setCurrentIndex(window.filter_box.findData("orphaned"))
    assert window.proxy.rowCount() == 0
    window.filter_box.setCurrentIndex(0)
    qtbot.keyClick(window.view, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert json.loads(notes.read_text())["first"]["items"] == data["first"]["items"]
    assert sorted(i for i, s in window.session.status.items() if s == "orphaned") == sorted(lost)


def test_a_bad_import_file_says_so_and_changes_nothing(qtbot, make_window, dialogs,
                                                       sample_copy: Path) -> None:
    from PySide6.QtCore import Qt

    window = make_window()
    open_article(qtbot, window, sample_copy)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    notes = sample_copy.with_name(sample_copy.name + ".notes.json")
    before = notes.read_bytes()
    for content in (b"{ not json", b"\xff\xfe\x00binary", b""):
        bad = sample_copy.with_name("bad.json")
        bad.write_bytes(content)
        dialogs.notes_answer = str(bad)
        window.actions["import_notes"].trigger()
        kind, title, message = dialogs.calls[-1]
        assert (kind, title) == ("error", "Could not import notes")
        assert message.startswith("bad.json: ") and "\n" not in message
        assert notes.read_bytes() == before
    dialogs.notes_answer = None  # Cancel: nothing happens
    window.actions["import_notes"].trigger()
    assert dialogs.calls[-1][0] == "open_notes"


def test_an_import_file_holding_no_annotations_says_so_and_writes_nothing(
        qtbot, make_window, dialogs, sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    notes = sample_copy.with_name(sample_copy.name + ".notes.json")
    empty = sample_copy.with_name("empty.json")
    for content in (b"[]", b'{"total": 0, "rows": []}'):
        empty.write_bytes(content)
        dialogs.notes_answer = str(empty)
        window.actions["import_notes"].trigger()
        assert dialogs.calls[-1] == ("info", "Nothing imported",
                                     "Nothing to import: empty.json holds no annotations")
        assert not notes.exists()
        assert window.annotator.undo_stack.count() == 0


def test_sources_another_tool_wrote_are_marked_as_not_recognised(
        qtbot, make_window, dialogs, sample_copy: Path) -> None:
    from app.core.annotations import annotation_for_span
    from app.core.loaders import load_article
    from app.core.notes_format import ArticleRef, NotesDocument
    from app.core.storage import NotesStore

    text = load_article(sample_copy).text
    start = text.index("Research has shown")
    end = text.index(".", start) + 1
    note = annotation_for_span(text, start, end, label="uncertain",
                               sources=("javascript:alert(1)", "https://doi.org/10.1/x"))
    NotesStore(sample_copy).save(NotesDocument(ArticleRef(sample_copy.name), [note]))
    window = make_window()
    open_article(qtbot, window, sample_copy)
    window.navigator.select_row(window.model.row_for_annotation(note.id))
    shown = [window.editor.sources.item(i).text() for i in range(window.editor.sources.count())]
    assert shown == ["javascript:alert(1) (not a recognised source, kept as written)",
                     "DOI 10.1/x"]
