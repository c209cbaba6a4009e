"""An article moved to another folder finds its notes again (helper N15): the message
bar offers them (Take them in / Not now), never silently, never over a file; an
earlier rescue copy set aside is offered at the next opening as the recovery file is."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt

from app.core.notes_rescue import Rescue, rescue_path, set_aside_copies
from app.core.storage import read_notes_file
from app.ui import settings
from tests.ui.conftest import open_article
from tests.ui.test_unsaved_notes import labels


def notes(article: Path) -> Path:
    return article.with_name(article.name + ".notes.json")


def status(window) -> str:
    return window.statusBar().currentMessage()


def moved_away(sample_copy: Path, tmp_path: Path, with_notes: bool = False) -> Path:
    other = tmp_path / "elsewhere"
    other.mkdir()
    shutil.move(sample_copy, other / sample_copy.name)
    if with_notes:
        shutil.move(notes(sample_copy), notes(other / sample_copy.name))
    return other / sample_copy.name


def settings_folder(tmp_path: Path) -> str:
    return str(tmp_path / "settings")  # where tests.ui.conftest puts them


def marked_then_closed(qtbot, make_window, sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert labels(notes(sample_copy)) == ["supported"]
    window.close()


def test_notes_left_behind_are_offered_and_taken_in_beside_the_new_path(
        qtbot, make_window, dialogs, sample_copy: Path, tmp_path: Path) -> None:
    marked_then_closed(qtbot, make_window, sample_copy)
    new = moved_away(sample_copy, tmp_path)
    window = make_window()
    open_article(qtbot, window, new)
    offer = window.found_notes
    qtbot.waitUntil(offer.isVisible, timeout=3000)
    assert offer.text() == f"1 note for this article was found at {notes(sample_copy)}"
    assert not notes(new).exists()  # offered, never taken in unasked
    assert window.session.annotations == {}
    qtbot.mouseClick(offer.take_in, Qt.MouseButton.LeftButton)
    assert labels(notes(new)) == ["supported"]
    assert labels(notes(sample_copy)) == ["supported"]  # the old file left where it was
    assert not offer.isVisible()
    said = status(window)
    assert f"Took in the notes found at {notes(sample_copy)}" in said
    assert str(notes(new)) in said and "left where it was" in said
    assert "supported" in {a.label for a in window.session.annotations.values()}
    window.actions["undo"].trigger()  # one undo step, as an import
    assert window.session.annotations == {}
    assert "error" not in dialogs.kinds() and "confirm" not in dialogs.kinds()


def test_not_now_leaves_everything_as_it_was_and_the_file_menu_offers_them_again(
        qtbot, make_window, sample_copy: Path, tmp_path: Path) -> None:
    """Not now was asked again at every opening (N15); it is remembered now (helper
    N16's brief), and File ▸ Offer Notes Found Elsewhere brings the offer back."""
    marked_then_closed(qtbot, make_window, sample_copy)
    new = moved_away(sample_copy, tmp_path)
    window = make_window()
    open_article(qtbot, window, new)
    qtbot.waitUntil(window.found_notes.isVisible, timeout=3000)
    qtbot.mouseClick(window.found_notes.not_now, Qt.MouseButton.LeftButton)
    assert not window.found_notes.isVisible()
    assert "stay there" in status(window) and "Import Notes" in status(window)
    assert "Offer Notes Found Elsewhere" in status(window)
    assert not notes(new).exists() and labels(notes(sample_copy)) == ["supported"]
    window.close()
    settings.flush()
    settings.redirect(settings_folder(tmp_path))  # as a new start of the program reads them
    other = make_window()
    open_article(qtbot, other, new)
    qtbot.wait(300)
    assert not other.found_notes.isVisible() and other.found_notes.found is None
    other.actions["found_again"].trigger()
    assert other.found_notes.isVisible()
    assert other.found_notes.text() == f"1 note for this article was found at {notes(sample_copy)}"
    third = make_window()
    open_article(qtbot, third, new)  # the offer is back for good, until Not now again
    qtbot.waitUntil(third.found_notes.isVisible, timeout=3000)


def test_another_article_of_the_same_name_is_not_offered(
        qtbot, make_window, sample_copy: Path, tmp_path: Path) -> None:
    marked_then_closed(qtbot, make_window, sample_copy)
    sample_copy.unlink()  # gone; another article of that name opens elsewhere
    other = tmp_path / "elsewhere" / sample_copy.name
    other.parent.mkdir()
    other.write_text("# Another article\n\nNothing here is the same. Not one sentence.\n",
                     encoding="utf-8")
    window = make_window()
    open_article(qtbot, window, other)
    qtbot.wait(200)
    assert not window.found_notes.isVisible() and window.found_notes.found is None


def test_an_article_moved_with_its_notes_while_open_is_offered_the_edits_made_since(
        qtbot, make_window, dialogs, sample_copy: Path, tmp_path: Path) -> None:
    """Moved with its notes file while open: not followed, the label made after it went
    to the rescue copy under the old path; reopened at the new place, it is offered."""
    window = make_window()
    open_article(qtbot, window, sample_copy)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    new = moved_away(sample_copy, tmp_path, with_notes=True)
    qtbot.waitUntil(lambda: "gone" in status(window), timeout=5000)
    qtbot.keyClick(window.view, Qt.Key.Key_3)  # the note made before the move, changed
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    assert labels(rescue_path(sample_copy)) == ["advertising", "uncertain"]
    window.close()
    again = make_window()
    open_article(qtbot, again, new)
    assert labels(notes(new)) == ["supported"]
    qtbot.waitUntil(again.found_notes.isVisible, timeout=3000)
    assert str(rescue_path(sample_copy)) in again.found_notes.text()
    qtbot.mouseClick(again.found_notes.take_in, Qt.MouseButton.LeftButton)
    assert labels(notes(new)) == ["advertising", "uncertain"]  # the later version wins
    assert "1 edited there later taken" in status(again)


def test_a_rescue_copy_set_aside_is_offered_at_the_next_opening(
        qtbot, make_window, dialogs, sample_copy: Path) -> None:
    """Two sessions failed to save: the first one's copy was set aside, named once and
    never offered (helper N13's leftover). Both are offered now, and taken in."""
    window = make_window()
    open_article(qtbot, window, sample_copy)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    first = notes(sample_copy).read_bytes()
    one = read_notes_file(notes(sample_copy))
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    qtbot.keyClick(window.view, Qt.Key.Key_3)
    two = read_notes_file(notes(sample_copy))
    window.close()
    notes(sample_copy).write_bytes(first)  # the second label never reached it
    Rescue(sample_copy).failed(two, "cannot save")  # a session's copy…
    said = Rescue(sample_copy).failed(one, "cannot save")  # …set aside by a later one's
    aside = set_aside_copies(sample_copy)
    assert len(aside) == 1 and str(aside[0]) in said
    assert labels(aside[0]) == ["advertising", "supported"]
    dialogs.confirm_answer = True
    again = make_window()
    open_article(qtbot, again, sample_copy)
    qtbot.waitUntil(lambda: "Took in" in status(again), timeout=5000)
    asked = [c for c in dialogs.calls if c[0] == "confirm"]
    assert len(asked) == 2 and str(aside[0]) in asked[1][2]
    assert labels(notes(sample_copy)) == ["advertising", "supported"]
    assert f"Took in 1 notes from {aside[0].name}" in status(again)
    assert not aside[0].exists() and not rescue_path(sample_copy).exists()
    assert set_aside_copies(sample_copy) == []


def test_an_article_moved_twice_is_offered_the_notes_of_both_old_folders(
        qtbot, make_window, dialogs, sample_copy: Path, tmp_path: Path) -> None:
    """Helper N16: only the newest file was offered; the older folder's notes stayed
    behind unsaid. Both are offered at once and taken in together."""
    marked_then_closed(qtbot, make_window, sample_copy)  # claim 1 supported, in a/
    second = moved_away(sample_copy, tmp_path)
    window = make_window()
    open_article(qtbot, window, second)
    qtbot.waitUntil(window.found_notes.isVisible, timeout=3000)
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    qtbot.keyClick(window.view, Qt.Key.Key_3)  # notes of its own there: claim 2
    assert labels(notes(second)) == ["advertising"]
    window.close()
    third_folder = tmp_path / "third"
    third_folder.mkdir()
    third = third_folder / second.name
    shutil.move(second, third)
    again = make_window()
    open_article(qtbot, again, third)
    offer = again.found_notes
    qtbot.waitUntil(offer.isVisible, timeout=3000)
    assert offer.text().startswith(
        f"2 notes for this article were found at {notes(second)} and 1 other place")
    assert str(notes(sample_copy)) in offer.text() and str(notes(sample_copy)) in offer.toolTip()
    qtbot.mouseClick(offer.take_in, Qt.MouseButton.LeftButton)
    assert labels(notes(third)) == ["advertising", "supported"]
    assert "and 1 other place" in status(again) and "left where they were" in status(again)
    assert labels(notes(second)) == ["advertising"] and labels(notes(sample_copy)) == [
        "supported"]


def test_a_damaged_not_now_setting_is_forgotten_not_a_traceback() -> None:
    from app.ui.found_notes import decline, declined

    for damaged, kept in (("{", []), ("[1, 2]", []), ('{"a": "b", "c": [1, "d"]}', ["d"])):
        settings.put(settings.FOUND_NOT_NOW, damaged)
        assert declined("a") == [] and declined("c") == kept
    decline("a", ["x"])
    assert declined("a") == ["x"]


def test_the_file_menu_offers_them_again_once_the_article_has_notes_of_its_own(
        qtbot, make_window, sample_copy: Path, tmp_path: Path) -> None:
    """Not now, then a label here (a notes file of its own, after which only a newer
    rescue copy is looked for at an opening): asked from the menu, they are offered."""
    marked_then_closed(qtbot, make_window, sample_copy)
    new = moved_away(sample_copy, tmp_path)
    window = make_window()
    open_article(qtbot, window, new)
    qtbot.waitUntil(window.found_notes.isVisible, timeout=3000)
    qtbot.mouseClick(window.found_notes.not_now, Qt.MouseButton.LeftButton)
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    qtbot.keyClick(window.view, Qt.Key.Key_3)
    assert labels(notes(new)) == ["advertising"]
    window.actions["found_again"].trigger()
    assert window.found_notes.isVisible()
    qtbot.mouseClick(window.found_notes.take_in, Qt.MouseButton.LeftButton)
    assert labels(notes(new)) == ["advertising", "supported"]
