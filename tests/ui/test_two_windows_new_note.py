"""Two windows starting one note on an article without a notes file (tester
T13, F3): each window's first keys were lost and an old fragment of the
other's text was kept ("window ON")."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from app.core.note_conflicts import SEPARATOR
from tests.conftest import ROOT
from tests.ui.test_two_windows_at_once import saved, two_windows, use


def test_keys_typed_before_the_other_windows_note_is_taken_in_stay(
        qtbot, make_window, sample_copy: Path) -> None:
    """The second window's label made a note on words the first had just
    labelled; its save took the first's note in, and the window showed that
    (undo history, list, editor) at the next turn of the event loop. The
    reader's first key, pressed before that turn, was committed by the
    editor and then wiped from the note box by the note as read before the
    commit: the next pause wrote "indow TWO" over "w"."""
    assert not sample_copy.with_name(sample_copy.name + ".notes.json").exists()
    first, second = two_windows(qtbot, make_window, sample_copy)
    use(qtbot, first)
    qtbot.keyClick(first.view, Qt.Key.Key_1)
    use(qtbot, second)
    qtbot.keyClick(second.view, Qt.Key.Key_2)  # takes the first window's note in
    second.editor.note.setFocus()
    qtbot.keyClicks(second.editor.note, "w")  # before the take-in is shown
    qtbot.wait(50)
    qtbot.keyClicks(second.editor.note, "indow TWO")
    assert second.editor.note.toPlainText() == "window TWO"
    second.editor.commit_note()
    (only,) = saved(sample_copy)
    assert only.note == "window TWO" and only.label == "uncertain"



TYPIST = """
import json, sys
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtTest import QTest
from app.ui import settings
from app.ui.application import create_application
from app.ui.main_window import MainWindow

article, words, folder, label = sys.argv[1:5]
settings.redirect(folder)
app = create_application()
window = MainWindow()
window.resize(1200, 800)
window.show()
loop = QEventLoop()
window.articleReady.connect(loop.quit)
window.open_path(article)
loop.exec()
window.activateWindow()
print("ready", flush=True)
sys.stdin.readline()  # both windows start at once
window.editor.label_buttons[label].click()
window.editor.note.setFocus()
keys = list(words)
def press():  # a key every 60 ms, as the tester's xdotool typed
    if keys:
        QTest.keyClicks(window.editor.note, keys.pop(0))
        QTimer.singleShot(60, press)
    else:  # the pause commits the note; the other window's saves come in
        QTimer.singleShot(3000, app.quit)
press()
app.exec()
print(json.dumps(window.editor.note.toPlainText()), flush=True)
"""


def test_two_windows_in_two_processes_typing_one_new_note_keep_every_key(
        sample_copy: Path, tmp_path: Path) -> None:
    """T13's run, two windows (two processes) labelling and typing into the
    first claim's note of an article without a notes file, a key each 60 ms:
    each text is in the note whole (a word both typed alike at its start
    stands once, at the note's start), and nothing else is."""
    texts = {"supported": "window ONE typing a long note here",
             "uncertain": "window TWO typing another note"}
    typists = [subprocess.Popen(
        [sys.executable, "-c", TYPIST, str(sample_copy), words, str(tmp_path / label), label],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)}) for label, words in texts.items()]
    try:
        for typist in typists:
            assert typist.stdout is not None and typist.stdout.readline() == "ready\n"
        for typist in typists:
            assert typist.stdin is not None
            typist.stdin.write("go\n")
            typist.stdin.flush()
        shown = [json.loads(typist.communicate(timeout=60)[0]) for typist in typists]
    finally:
        for typist in typists:
            typist.kill()
    (only,) = saved(sample_copy)
    assert shown == [only.note, only.note]
    versions = only.note.split(f"\n\n{SEPARATOR}\n")
    assert len(versions) == 2
    for text in texts.values():
        tails = [v for v in versions if text.endswith(v.lstrip())]
        assert tails and only.note.startswith(text[:len(text) - len(tails[0].lstrip())])
