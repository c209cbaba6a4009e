"""A file event that changed nothing in the article (its mode, a hard link to
it, a backup tool reading and resetting it) does not reload it (tester T10: a
PDF said "reloaded from disk: the undo history starts again here" while
nobody had changed it, and the undo history was gone)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt

from tests.ui.conftest import open_article


def test_a_change_of_mode_or_links_is_not_a_reload(qtbot, make_window,
                                                   sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    assert window.annotator.undo_stack.canUndo()
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    reloads: list[bool] = []
    window.articleReady.connect(lambda: reloads.append(True))
    os.chmod(sample_copy, 0o600)
    os.link(sample_copy, sample_copy.with_name("linked.md"))
    qtbot.wait(900)  # the reload waits 300 ms for an editor's several writes
    assert not reloads
    assert not any("reload" in message for message in messages)
    assert window.annotator.undo_stack.canUndo()


def test_a_changed_file_still_reloads(qtbot, make_window, sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    with qtbot.waitSignal(window.articleReady, timeout=15000):
        sample_copy.write_text(sample_copy.read_text() + "\n\nA paragraph added later.\n")
    assert window.session.article.text.endswith("A paragraph added later.")
