"""Words typed just before the program is killed come back (tester T11:
``kill -9`` within ~0.5 s of typing lost them; a note is committed after a
pause in typing, and each key is journaled until then: core/notes_draft.py)."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from app.core.storage import NotesStore
from tests.conftest import ROOT
from tests.ui.conftest import open_article

TYPIST = """
import sys, time
from PySide6.QtCore import QEventLoop
from PySide6.QtTest import QTest
from app.ui import settings
from app.ui.application import create_application
from app.ui.main_window import MainWindow

settings.redirect(sys.argv[3])
app = create_application()
window = MainWindow()
window.resize(1200, 800)
window.show()
loop = QEventLoop()
window.articleReady.connect(loop.quit)
window.open_path(sys.argv[1])
loop.exec()
if sys.argv[4] == "label":
    window.editor.label_buttons["uncertain"].click()
window.editor.note.setFocus()
QTest.keyClicks(window.editor.note, sys.argv[2])
if sys.argv[4] == "delete":  # committed, then deleted: nothing to take back
    window.editor.commit_note()
    window.annotator.delete_current()
print("typed", flush=True)
time.sleep(120)  # killed long before the pause that commits the note
"""


def saved(article: Path) -> list:
    doc = NotesStore(article).load()
    return doc.annotations if doc else []


def type_and_kill(article: Path, words: str, settings_dir: Path, first: str = "") -> None:
    typist = subprocess.Popen(
        [sys.executable, "-c", TYPIST, str(article), words, str(settings_dir), first],
        stdout=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        assert typist.stdout is not None
        ready, _, _ = select.select([typist.stdout], [], [], 120)
        assert ready and typist.stdout.readline() == b"typed\n"
    finally:
        typist.send_signal(signal.SIGKILL)
        typist.wait()
        if typist.stdout is not None:
            typist.stdout.close()


def test_a_new_note_typed_just_before_kill_9_comes_back(qtbot, make_window, sample_copy: Path,
                                                        tmp_path: Path) -> None:
    type_and_kill(sample_copy, "Which trial?", tmp_path / "typist-settings")
    assert saved(sample_copy) == []  # never committed: the pause did not come
    window = make_window()
    open_article(qtbot, window, sample_copy)
    qtbot.waitUntil(lambda: [a.note for a in saved(sample_copy)] == ["Which trial?"],
                    timeout=5000)
    assert "typed just before claimmark stopped" in window.statusBar().currentMessage()
    (note,) = window.session.annotations.values()
    assert (note.start, note.end) == (window.session.claims[0].start,
                                      window.session.claims[0].end)
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert saved(sample_copy) == []  # one undo step, if the reader does not want it
    window.close()
    again = make_window()  # taken back once, not at every opening
    open_article(qtbot, again, sample_copy)
    qtbot.wait(100)
    assert saved(sample_copy) == []


def test_words_added_to_a_saved_note_just_before_kill_9_come_back(
        qtbot, make_window, sample_copy: Path, tmp_path: Path) -> None:
    type_and_kill(sample_copy, "Funded by the maker", tmp_path / "typist-settings", "label")
    (before,) = saved(sample_copy)
    assert before.label == "uncertain" and before.note == ""
    window = make_window()
    open_article(qtbot, window, sample_copy)
    qtbot.waitUntil(lambda: [(a.id, a.label, a.note) for a in saved(sample_copy)]
                    == [(before.id, "uncertain", "Funded by the maker")], timeout=5000)


def test_a_note_committed_then_deleted_before_kill_9_stays_deleted(
        qtbot, make_window, sample_copy: Path, tmp_path: Path) -> None:
    type_and_kill(sample_copy, "Which trial?", tmp_path / "typist-settings", "delete")
    assert saved(sample_copy) == []
    window = make_window()
    open_article(qtbot, window, sample_copy)
    qtbot.wait(100)
    assert saved(sample_copy) == [] and not window.session.annotations
