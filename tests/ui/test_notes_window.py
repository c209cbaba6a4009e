"""The window never loses notes: bad files, failed saves, changed articles, orphans."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.ui.claim_model import LABEL_ROLE, STATUS_ROLE
from tests.ui.conftest import open_article
from tests.ui.test_reader_window import labels_in_file, notes_of


def notes_path(article: Path) -> Path:
    return article.with_name(article.name + ".notes.json")


def test_damaged_notes_file_is_kept_and_start_fresh_is_offered(qtbot, make_window, dialogs,
                                                                sample_copy: Path) -> None:
    notes = notes_path(sample_copy)
    notes.write_text("{ this is not json")
    window = make_window()
    open_article(qtbot, window, sample_copy)
    qtbot.waitUntil(lambda: "confirm" in dialogs.kinds())
    assert "damaged" in dialogs.calls[-1][2]
    assert "Notes file not used" in window.notes_location.text()
    assert ".notes.recovered.json" in window.notes_location.text()
    qtbot.keyClick(window.view, Qt.Key.Key_1)  # edits go to the recovery file, file untouched
    assert notes.read_text() == "{ this is not json"
    assert window.actions["start_fresh"].isEnabled()
    window.documents.start_fresh()
    kept = [p for p in sample_copy.parent.iterdir() if ".unusable-" in p.name]
    assert len(kept) == 1 and kept[0].read_text() == "{ this is not json"
    assert list(labels_in_file(sample_copy).values()) == ["supported"]  # the edit was kept
    assert not sample_copy.with_name(sample_copy.name + ".notes.recovered.json").exists()


def test_labels_made_while_the_notes_file_is_damaged_are_on_disk_after_quitting(
        qtbot, make_window, dialogs, sample_copy: Path) -> None:
    import jsonschema

    from app.core.resources import resource_path

    notes = notes_path(sample_copy)
    notes.write_text("{ damaged")
    recovered = sample_copy.with_name(sample_copy.name + ".notes.recovered.json")
    window = make_window()
    open_article(qtbot, window, sample_copy)
    qtbot.waitUntil(lambda: "confirm" in dialogs.kinds())  # start fresh? — Cancel
    asked = len(dialogs.calls)
    for key in (Qt.Key.Key_1, Qt.Key.Key_J, Qt.Key.Key_2, Qt.Key.Key_J, Qt.Key.Key_3):
        qtbot.keyClick(window.view, key)
    assert len(dialogs.calls) == asked  # no box per edit
    assert str(recovered) in window.notes_location.toolTip()
    window.close()  # quitting asks nothing
    assert len(dialogs.calls) == asked
    assert notes.read_text() == "{ damaged"
    data = json.loads(recovered.read_text())
    jsonschema.validate(data, json.loads(resource_path("schema", "notes.schema.json")
                                         .read_text()))
    labels = sorted(b["value"] for item in data["first"]["items"] for b in item["body"]
                    if b.get("purpose") == "classifying")
    assert labels == ["advertising", "supported", "uncertain"]
    # Still damaged next time: the recovered notes are where labelling goes on.
    again = make_window()
    open_article(qtbot, again, sample_copy)
    qtbot.waitUntil(lambda: dialogs.kinds().count("confirm") == 2)  # start fresh? — Cancel
    assert sorted(a.label for a in again.session.annotations.values()) == labels
    qtbot.keyClick(again.view, Qt.Key.Key_0)
    again.close()
    # Repaired (here: removed) — the next open offers to take the recovered notes in.
    notes.unlink()
    dialogs.confirm_answer = True
    third = make_window()
    open_article(qtbot, third, sample_copy)
    qtbot.waitUntil(lambda: not recovered.exists())
    assert sorted(labels_in_file(sample_copy).values()) == ["advertising", "uncertain"]


def test_newer_notes_file_is_not_overwritten(qtbot, make_window, dialogs,
                                             sample_copy: Path) -> None:
    notes = notes_path(sample_copy)
    content = '{"type": "AnnotationCollection", "claimmark": {"version": 9}, "first": {}}'
    notes.write_text(content)
    window = make_window()
    open_article(qtbot, window, sample_copy)
    qtbot.waitUntil(lambda: "confirm" in dialogs.kinds())
    assert "newer claimmark" in dialogs.calls[-1][2]
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    assert notes.read_text() == content


@pytest.mark.parametrize("code", [errno.EIO, errno.ENOSPC])
def test_failed_save_shows_the_error_and_keeps_the_old_file(qtbot, make_window, dialogs,
                                                             sample_copy: Path,
                                                             monkeypatch: pytest.MonkeyPatch,
                                                             code: int) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    before = notes_path(sample_copy).read_bytes()

    def fail(fd: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "fsync", fail)
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    assert notes_path(sample_copy).read_bytes() == before
    assert os.strerror(code) in window.notes_location.text()
    assert [c for c in dialogs.calls if c[0] == "error"]
    monkeypatch.undo()
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    qtbot.keyClick(window.view, Qt.Key.Key_3)  # the next save writes everything
    assert sorted(labels_in_file(sample_copy).values()) == ["advertising", "supported",
                                                             "uncertain"]


def test_article_edited_on_disk_reanchors_and_keeps_the_current_claim(
        qtbot, make_window, sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    for _ in range(3):
        qtbot.keyClick(window.view, Qt.Key.Key_J)
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    quote = window.model.data(window.model.index(3))
    text = sample_copy.read_text()
    with qtbot.waitSignal(window.articleReady, timeout=15000):
        sample_copy.write_text("# A new first heading\n\nAn added paragraph.\n\n" + text)
    row = window.navigator.current_source_row()
    assert window.model.data(window.model.index(row)) == quote
    assert window.model.data(window.model.index(row), LABEL_ROLE) == "uncertain"
    assert "1 moved" in window.statusBar().currentMessage() or \
        window.model.data(window.model.index(row), STATUS_ROLE) == "exact"


def test_orphans_are_listed_reattached_and_deleted_undoably(qtbot, make_window,
                                                            sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    qtbot.keyClick(window.view, Qt.Key.Key_3)
    window.close()
    text = sample_copy.read_text()
    # J went to the second claim (the title and the byline are no claims).
    sample_copy.write_text(text.replace(
        "It affects millions of people, and many of them go\n"
        "looking for help beyond the pharmacy counter.", "Written by the staff."))
    window = make_window()
    open_article(qtbot, window, sample_copy)
    assert "1 lost" in window.statusBar().currentMessage()
    claims = len(window.session.claims)
    assert window.editor.heading.text() == f"Claim 1 of {claims}"  # the lost note is no place
    window.filter_box.setCurrentIndex(window.filter_box.findData("orphaned"))
    assert window.proxy.rowCount() == 1
    window.list.setCurrentIndex(window.proxy.index(0, 0))
    assert "lost its place" in window.editor.heading.text()
    # Re-attach to a selection.
    article = window.session.article.text
    start = article.index("Written by the staff")
    window.view.setTextCursor(window.view.cursor_for(start, start + len("Written by the staff")))
    window.actions["reattach"].trigger()
    [item] = notes_of(sample_copy)
    assert item["target"]["selector"][0]["exact"] == "Written by the staff"
    assert window.session.status[item["id"]] == "exact"
    window.annotator.undo_stack.undo()
    assert window.session.status[item["id"]] == "orphaned"
    # Delete, then undo the delete: nothing is lost silently.
    window.filter_box.setCurrentIndex(window.filter_box.findData("orphaned"))
    window.list.setCurrentIndex(window.proxy.index(0, 0))
    window.actions["delete"].trigger()
    assert notes_of(sample_copy) == []
    window.annotator.undo_stack.undo()
    assert len(notes_of(sample_copy)) == 1


def test_read_only_folder_saves_to_user_data_and_says_where(qtbot, make_window, sample_copy,
                                                            tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    folder = str(sample_copy.parent)
    real_open = os.open

    def deny(path, flags, *args):
        if str(path).startswith(folder) and flags & os.O_CREAT:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", deny)
    window = make_window()
    open_article(qtbot, window, sample_copy)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert not notes_path(sample_copy).exists()
    assert str(tmp_path / "user-data") in window.notes_location.text()
    saved = list((tmp_path / "user-data").rglob("*.notes.json"))
    assert len(saved) == 1 and json.loads(saved[0].read_text())["total"] == 1


def test_notes_read_ahead_are_used_unless_the_file_changed_since(
        qtbot, make_window, sample_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The loader's worker reads and places the notes; the window takes that
    only while the notes file is the one read. Here another tool rewrites the
    file just after the worker read it: the window shows the file as it is."""
    from app.ui import loader

    window = make_window()
    open_article(qtbot, window, sample_copy)
    qtbot.keyClick(window.view, Qt.Key.Key_1)  # a notes file with one supported note
    window.close()
    before = notes_path(sample_copy).read_text(encoding="utf-8")
    read_ahead = loader.read_ahead
    seen = []

    def read_then_rewrite(path: Path, text: str):
        ahead = read_ahead(path, text)
        seen.append(ahead)
        notes_path(sample_copy).write_text(before.replace('"supported"', '"advertising"'),
                                           encoding="utf-8")
        return ahead

    monkeypatch.setattr(loader, "read_ahead", read_then_rewrite)
    again = make_window()
    open_article(qtbot, again, sample_copy)
    assert [a.label for a in seen[0].document.annotations] == ["supported"]
    assert [a.label for a in again.session.annotations.values()] == ["advertising"]


def test_notes_read_ahead_are_what_the_window_shows(qtbot, make_window, sample_copy: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from app.ui import session as session_module

    window = make_window()
    open_article(qtbot, window, sample_copy)
    for key in (Qt.Key.Key_1, Qt.Key.Key_J, Qt.Key.Key_J, Qt.Key.Key_3):
        qtbot.keyClick(window.view, key)
    window.close()
    anchored = []
    anchor_all = session_module.anchor_all
    monkeypatch.setattr(session_module, "anchor_all",
                        lambda *args: anchored.append(args) or anchor_all(*args))
    again = make_window()
    open_article(qtbot, again, sample_copy)
    assert anchored == [], "the window placed the notes again instead of taking the worker's"
    assert sorted(a.label for a in again.session.annotations.values()) == [
        "advertising", "supported"]
    assert set(again.session.status.values()) == {"exact"}


def _positions(article: Path) -> dict[str, tuple[int, int]]:
    result = {}
    for item in notes_of(article):
        selectors = {s["type"]: s for s in item["target"]["selector"]}
        place = selectors["TextPositionSelector"]
        result[selectors["TextQuoteSelector"]["exact"]] = (place["start"], place["end"])
    return result


def test_notes_that_moved_are_saved_at_their_new_place_and_in_place_next_time(
        qtbot, make_window, sample_copy: Path) -> None:
    """Tester T8: the file kept the old offsets, so every open said "5 moved"."""
    window = make_window()
    open_article(qtbot, window, sample_copy)
    for key in (Qt.Key.Key_J, Qt.Key.Key_1, Qt.Key.Key_J, Qt.Key.Key_J, Qt.Key.Key_2):
        qtbot.keyClick(window.view, key)
    window.close()
    before = _positions(sample_copy)
    assert len(before) == 2
    sample_copy.write_text("# A new first heading\n\nAn added paragraph.\n\n"
                           + sample_copy.read_text(encoding="utf-8"), encoding="utf-8")
    reopened = make_window()
    open_article(qtbot, reopened, sample_copy)
    assert "2 moved" in reopened.statusBar().currentMessage()
    text = reopened.session.article.text
    qtbot.waitUntil(lambda: _positions(sample_copy) != before, timeout=5000)
    after = _positions(sample_copy)
    assert set(after) == set(before)  # the judged quotes, unchanged
    assert all(text[start:end] == quote for quote, (start, end) in after.items())
    reopened.close()
    third = make_window()
    open_article(qtbot, third, sample_copy)
    assert "2 in place" in third.statusBar().currentMessage()
    assert "moved" not in third.statusBar().currentMessage()


def test_an_article_moved_away_stays_open_and_comes_back_when_it_returns(
        qtbot, make_window, dialogs, sample_copy: Path) -> None:
    """Tester T8: moving the open article away said "Could not open". Moved to
    another folder (a rename in its own folder is followed: test_rename_follow),
    its label is kept in the data folder, not in a notes file beside no article
    (tester T13), and is in the notes file once it returns."""
    window = make_window()
    open_article(qtbot, window, sample_copy)
    text = window.session.article.text
    (sample_copy.parent / "away").mkdir()
    aside = sample_copy.parent / "away" / "moved-away.md"
    sample_copy.rename(aside)
    qtbot.waitUntil(lambda: "gone" in window.statusBar().currentMessage(), timeout=5000)
    assert "error" not in dialogs.kinds()
    assert window.session.article.text == text
    qtbot.keyClick(window.view, Qt.Key.Key_1)  # marking still works, and is saved
    assert not notes_path(sample_copy).exists()
    assert window.session.rescue.path is not None
    assert "supported" in window.session.rescue.path.read_text()
    with qtbot.waitSignal(window.articleReady, timeout=15000):
        aside.rename(sample_copy)
    assert "error" not in dialogs.kinds()
    assert list(labels_in_file(sample_copy).values()) == ["supported"]


def test_notes_another_writer_saved_meanwhile_are_kept(qtbot, make_window,
                                                       sample_copy: Path) -> None:
    """Tester T9: with the article open, `claimmark import` added a note; the
    window's next save wrote its own set over it (the .bak had lost it too)."""
    from app.core.importing import import_items
    from app.core.storage import NotesStore

    window = make_window()
    open_article(qtbot, window, sample_copy)
    qtbot.keyClick(window.view, Qt.Key.Key_1)  # the window's first note, saved
    text = window.session.article.text
    store = NotesStore(sample_copy)
    doc = store.load()
    quote = "Magnesium"
    item = {"id": "urn:uuid:bbbbbbbb-0000-4000-8000-000000000001", "type": "Annotation",
            "body": [{"type": "TextualBody", "purpose": "classifying", "value": "advertising"}],
            "target": {"selector": {"type": "TextQuoteSelector", "exact": quote}}}
    doc.annotations = import_items(doc.annotations, [item], text, sample_copy.name).annotations
    store.save(doc)  # another writer, as `claimmark import` does
    os.utime(notes_path(sample_copy), ns=(1, 1))  # a stamp no same-second write could share
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    qtbot.keyClick(window.view, Qt.Key.Key_2)  # the window saves again
    labels = sorted(labels_in_file(sample_copy).values())
    assert labels == ["advertising", "supported", "uncertain"]
    assert item["id"] in window.session.annotations  # and the window shows it


def test_a_notes_file_damaged_by_another_writer_is_not_written_over(
        qtbot, make_window, sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    notes_path(sample_copy).write_text('{"type": "AnnotationCollection", "first": ')
    os.utime(notes_path(sample_copy), ns=(1, 1))
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    assert notes_path(sample_copy).read_text() == '{"type": "AnnotationCollection", "first": '
    recovered = sample_copy.with_name(sample_copy.name + ".notes.recovered.json")
    assert recovered.exists() and "uncertain" in recovered.read_text()


def test_an_article_emptied_on_disk_while_open_stays_shown_without_a_dialog(
        qtbot, make_window, dialogs, sample_copy: Path) -> None:
    """Tester T9: truncating the open article popped up "the file is empty"
    in the middle of an automatic reload."""
    window = make_window()
    open_article(qtbot, window, sample_copy)
    text = window.session.article.text
    sample_copy.write_text("")
    qtbot.waitUntil(lambda: "cannot be read now" in window.statusBar().currentMessage(),
                    timeout=5000)
    assert "error" not in dialogs.kinds()
    assert window.session.article.text == text
    qtbot.keyClick(window.view, Qt.Key.Key_1)  # marking goes on
    assert list(labels_in_file(sample_copy).values()) == ["supported"]


def test_notes_on_reworded_sentences_have_a_filter(qtbot, make_window,
                                                   sample_copy: Path) -> None:
    """Tester T9: a reworded note was flagged only in the editor and status bar."""
    window = make_window()
    open_article(qtbot, window, sample_copy)
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    session = window.session
    [note] = session.annotations.values()
    words = note.exact.split(" ")
    assert words[2] == "burning"  # the sample's first claim
    sample_copy.write_text(sample_copy.read_text().replace("burning feet", "aching feet", 1))
    qtbot.waitUntil(lambda: "the undo history starts again" in
                    window.statusBar().currentMessage(), timeout=15000)  # the reload's report
    assert "aching feet" in window.session.article.text
    window.filter_box.setCurrentIndex(window.filter_box.findData("changed"))
    assert window.filter_box.currentText() == "Reworded since labelled"
    assert window.proxy.rowCount() == 1
    assert window.proxy.data(window.proxy.index(0, 0)).startswith(" ".join(words[:2]))
    assert "burning feet" in window.editor.changed_label.text()  # what was labelled


def test_the_unusable_notes_question_starts_with_a_capital(qtbot, make_window, dialogs,
                                                          sample_copy: Path) -> None:
    """Tester T10: "the notes file is damaged (…)" opened the dialog in lower case."""
    notes_path(sample_copy).write_text("{ damaged")
    window = make_window()
    open_article(qtbot, window, sample_copy)
    qtbot.waitUntil(lambda: "confirm" in dialogs.kinds())
    assert dialogs.calls[-1][2].startswith("The notes file is damaged")
