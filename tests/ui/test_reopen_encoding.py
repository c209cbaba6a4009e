"""What the loader guessed is said, also when notes were placed; File ▸ Reopen
with Encoding corrects it, remembered per file, and never loses a note."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from app.ui import settings
from app.ui.claim_model import STATUS_ROLE
from tests.ui.conftest import open_article
from tests.ui.test_reader_window import labels_in_file, notes_of

CZECH = ("Zdravá výživa\n\nPříliš žluťoučký kůň úpěl ďábelské ódy. Hořčík pomáhá při únavě "
         "svalů.\n\nStudie ukázaly, že denní dávka 300 mg stačí. Více najdete na webu.\n")
WESTERN = ("Magnesium and your nerves\n\nThe Tagescrème costs 5 € a jar. It may help with "
           "cramps.\n\nResearch has shown nothing of the kind. Ask your doctor first.\n")


def _label_two(qtbot, window) -> None:
    for key in (Qt.Key.Key_J, Qt.Key.Key_1, Qt.Key.Key_J, Qt.Key.Key_2):
        qtbot.keyClick(window.view, key)


def _positions(path: Path) -> list[tuple[int, int]]:
    return [(item["target"]["selector"][1]["start"], item["target"]["selector"][1]["end"])
            for item in notes_of(path)]


def _menu(window) -> QMenu:
    menu = window.findChild(QMenu, "reopenEncodingMenu")
    assert menu is not None
    return menu


def _statuses(window) -> list[str]:
    model = window.model
    return [model.data(model.index(row), STATUS_ROLE) for row in range(model.rowCount())
            if model.data(model.index(row), STATUS_ROLE)]


def test_a_guessed_encoding_is_said_also_when_notes_were_placed(qtbot, make_window,
                                                                tmp_path: Path) -> None:
    path = tmp_path / "creme.txt"
    path.write_bytes(WESTERN.encode("cp1252"))
    window = make_window()
    open_article(qtbot, window, path)
    assert "Windows-1252" in window.statusBar().currentMessage()  # no notes yet: it was said
    _label_two(qtbot, window)
    said: list[tuple[str, int]] = []
    window.documents.statusMessage.connect(lambda text, ms: said.append((text, ms)))
    open_article(qtbot, window, path)  # opened again: its two notes placed
    assert [ms for text, ms in said if "Notes: 2" in text] == [0]  # stays until another message
    message = window.statusBar().currentMessage()
    assert "read as Windows-1252 (Western European), a guess" in message, message
    assert "Notes: 2 in place" in message, message
    window.statusBar().showMessage("something else", 0)  # kept for Help ▸ Recent Messages
    assert "a guess. Notes: 2 in place" in window.statusBar().history_html()


def test_reopen_with_encoding_corrects_the_reading_and_never_loses_a_note(
        qtbot, make_window, tmp_path: Path) -> None:
    path = tmp_path / "zdravi.txt"
    path.write_bytes(CZECH.encode("cp1250"))
    window = make_window()
    open_article(qtbot, window, path)
    assert window.session.article.encoding == "cp1250"
    assert _menu(window).isEnabled() and window.actions["encoding_automatic"].isChecked()
    assert "Windows-1250" in window.actions["encoding_automatic"].text()
    _label_two(qtbot, window)
    judged = labels_in_file(path)
    assert len(judged) == 2 and any("ř" in quote for quote in judged)

    with qtbot.waitSignal(window.articleReady, timeout=15000):
        window.actions["encoding_cp1252"].trigger()  # a wrong reading
    assert "Pøíliš" in window.session.article.text
    message = window.statusBar().currentMessage()
    assert "Windows-1252 (Western European), as chosen" in message, message
    assert "reopened: the undo history starts again here" in message, message
    assert window.actions["encoding_cp1252"].isChecked()
    assert len(window.session.annotations) == 2  # shown as not found or changed, still there
    assert labels_in_file(path) == judged  # the judged quotes are kept as they were
    assert settings.chosen_encoding(str(path)) == "cp1252"

    open_article(qtbot, window, path)  # opened again: the choice is remembered
    assert window.session.article.encoding == "cp1252"

    with qtbot.waitSignal(window.articleReady, timeout=15000):
        window.actions["encoding_shift_jis"].trigger()  # wronger: the letters pair up
    assert "1 lost" in window.statusBar().currentMessage()  # not found in that reading
    assert sorted(_statuses(window)) == ["fuzzy", "orphaned"]
    assert len(window.session.annotations) == 2
    assert labels_in_file(path) == judged

    with qtbot.waitSignal(window.articleReady, timeout=15000):
        window.actions["encoding_cp1250"].trigger()  # the right one: every note in place
    assert window.session.article.text.startswith("Zdravá výživa")
    message = window.statusBar().currentMessage()
    assert "Notes: " in message and "lost" not in message and "changed" not in message, message
    assert set(_statuses(window)) <= {"exact", "moved"}  # the Shift_JIS place was kept: moved
    assert labels_in_file(path) == judged
    text = window.session.article.text
    qtbot.waitUntil(lambda: all(text[start:end] in judged for start, end in _positions(path)))
    open_article(qtbot, window, path)
    assert "Notes: 2 in place" in window.statusBar().currentMessage()

    with qtbot.waitSignal(window.articleReady, timeout=15000):
        window.actions["encoding_automatic"].trigger()  # forgets the choice: detected again
    assert settings.chosen_encoding(str(path)) is None
    assert window.session.article.encoding == "cp1250"
    assert window.actions["encoding_automatic"].isChecked()


def test_reopen_with_encoding_is_on_only_with_a_text_article(qtbot, make_window,
                                                             sample_copy: Path) -> None:
    window = make_window()
    assert not _menu(window).isEnabled()  # nothing open
    open_article(qtbot, window, sample_copy)
    assert _menu(window).isEnabled()
    assert [a.text() for a in _menu(window).actions()][:4] == [
        "&Automatic (detected UTF-8)", "", "&UTF-8", "&Windows-1252 (Western European)"]


@pytest.mark.skipif(not sys.platform.startswith("linux"),
                    reason="the prefetch child is forked on Linux only")
def test_a_remembered_encoding_beats_what_the_start_up_prefetch_read(qtbot, make_window,
                                                                     tmp_path: Path) -> None:
    """``claimmark FILE`` reads the file in a child before Qt starts, with the
    detected encoding: the reader's remembered choice wins over it."""
    from app.core.prefetch import prefetch_article

    path = tmp_path / "zdravi.txt"
    path.write_bytes(CZECH.encode("cp1250"))
    settings.choose_encoding(str(path.absolute()), "cp1252")
    window = make_window()
    prefetch = prefetch_article(str(path))
    assert prefetch is not None
    window.documents.loader.prefetched = prefetch
    open_article(qtbot, window, path)
    assert window.session.article.encoding == "cp1252"
    assert window.actions["encoding_cp1252"].isChecked()


def test_the_chosen_encoding_follows_the_article_renamed(qtbot, make_window,
                                                         tmp_path: Path) -> None:
    path = tmp_path / "zdravi.txt"
    path.write_bytes(CZECH.encode("cp1250"))
    window = make_window()
    open_article(qtbot, window, path)
    with qtbot.waitSignal(window.articleReady, timeout=15000):
        window.actions["encoding_iso8859_2"].trigger()
    new = path.with_name("zdravi-renamed.txt")
    path.rename(new)
    qtbot.waitUntil(lambda: "renamed to" in window.statusBar().currentMessage(), timeout=5000)
    assert settings.chosen_encoding(str(new)) == "iso8859-2"
    assert settings.chosen_encoding(str(path)) is None
    open_article(qtbot, window, new)  # opened again under its new name: as chosen
    assert window.session.article.encoding == "iso8859-2"
