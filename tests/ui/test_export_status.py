"""Where an export went stays in the status bar (tester T15, F12: after a PDF
export the status bar did not say where the file went; its message was gone
15 seconds after a long export ended)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer

from tests.ui.conftest import open_article


def test_the_status_bar_keeps_saying_where_the_pdf_went(qtbot, make_window, dialogs,
                                                         sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    dialogs.choice = "PDF (.pdf)"
    with qtbot.waitSignal(window.exported, timeout=60000) as blocker:
        window.actions["export"].trigger()
    path = blocker.args[0]
    assert Path(path).suffix == ".pdf" and Path(path).is_file()
    bar = window.statusBar()
    assert bar.currentMessage().startswith(f"Exported to {path}")
    # No timer clears it: it stays until the window says something else.
    assert not any(timer.isActive() for timer in bar.findChildren(QTimer))
    window.exports.wait()
