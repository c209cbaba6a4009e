"""Large fonts on a small screen (tester T15, F8): at 1024×700 with
QT_SCALE_FACTOR=1.5 the window's least height was 779 pixels, the source box,
Add/Remove and the status bar were off the screen and the claim list showed
one row; at scale 2 on 1600×1000 the window opened 1038 pixels high; at
1024×700 unscaled with "Why suggested" shown the list showed 1.3 rows.

The screen is set up as the tester had it: Qt's offscreen platform given a
1024×700 (or 1600×1000) screen by its configuration file, and the scale
factor in the environment of a child process that opens the window as the
program does (``tests/ui/screen_probe.py``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtWidgets import QApplication

from app.ui.notes_pane import LIST_SHARE, share_height
from tests.conftest import ROOT, SAMPLE
from tests.ui.conftest import open_article

WHY = "<b>Why suggested:</b> " + "a cue word, and another. " * 12


def probe(tmp_path: Path, width: int, height: int, scale: str, *extra: str) -> dict:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{
        "name": "small", "x": 0, "y": 0, "width": width, "height": height,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    article = tmp_path / SAMPLE.name
    article.write_bytes(SAMPLE.read_bytes())
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("QT_SCALE", "QT_FONT_DPI", "QT_SCREEN"))}
    env.update(QT_QPA_PLATFORM=f"offscreen:configfile={config}", QT_SCALE_FACTOR=scale)
    done = subprocess.run([sys.executable, "-m", "tests.ui.screen_probe", str(article), *extra],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(("width", "height", "scale", "rows"), [
    (1024, 700, "1.5", 2.5), (1600, 1000, "2", 2.5), (1024, 700, "1", 3.0)])
def test_every_control_is_on_a_small_screen_with_large_fonts(
        tmp_path: Path, width: int, height: int, scale: str, rows: float) -> None:
    seen = probe(tmp_path, width, height, scale, "why")
    room_width, room_height = seen["room"]
    x, y, frame_width, frame_height = seen["frame"]
    assert x + frame_width <= room_width and y + frame_height <= room_height, seen
    assert seen["minimum"][1] <= 0.9 * room_height, seen  # room for a title bar
    assert all(seen["reached"].values()), seen  # source box, Add, Remove, note: in sight
    assert seen["status_bar"], seen
    assert seen["rows"] >= rows, seen


@given(st.integers(0, 2000), st.integers(0, 2000), st.integers(0, 400), st.integers(0, 300))
def test_the_list_keeps_its_share_and_the_editor_its_least(
        height: int, wanted: int, list_rows: int, editor_min: int) -> None:
    listed, editor = share_height(height, wanted, list_rows, editor_min)
    assert listed + editor == height and listed >= 0 and editor >= 0
    assert editor <= wanted
    if height >= list_rows + editor_min:  # the window's minimum gives this much
        assert editor >= min(wanted, editor_min)
        assert listed >= list_rows
        if editor < wanted:
            assert listed >= min(height - editor_min, round(height * LIST_SHARE))


def rows_shown(window) -> float:
    return window.list.viewport().height() / window.list.sizeHintForRow(0)


def test_with_why_suggested_shown_the_list_keeps_three_rows_and_the_editor_scrolls(
        qtbot, make_window, sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    window.resize(926, 634)  # nine tenths of a 1024×700 screen
    window.editor.show_item("Claim 1 of 12", "none", "", [], WHY)
    QApplication.processEvents()
    assert rows_shown(window) >= 3.0, rows_shown(window)
    scroll = window.list_and_editor.editor_scroll
    assert scroll.verticalScrollBar().maximum() > 0  # the form scrolls, the list keeps rows
    window.editor.source_input.setFocus()  # as Alt+S does
    qtbot.waitUntil(lambda: window.editor.source_input.visibleRegion().boundingRect()
                    == window.editor.source_input.rect())
    assert window.editor.note.minimumHeight() >= 56  # the box itself is as big as it was


def test_a_window_as_short_as_large_fonts_make_it_keeps_the_form_reachable(
        qtbot, make_window, sample_copy: Path) -> None:
    """617×422: the window at scale 1.5 on a 1024×700 screen, in logical pixels."""
    window = make_window()
    open_article(qtbot, window, sample_copy)
    window.resize(617, 422)
    QApplication.processEvents()
    assert window.minimumSizeHint().height() <= 422
    assert window.height() == 422
    assert rows_shown(window) >= 2.5, rows_shown(window)
    editor = window.editor
    for widget in (editor.note, editor.source_input, editor.add_button, editor.remove_button,
                   editor.label_buttons["supported"]):
        widget.setFocus()
        qtbot.waitUntil(lambda w=widget: w.visibleRegion().boundingRect() == w.rect())
    bar = window.statusBar()
    assert bar.isVisible() and bar.geometry().bottom() < window.height()


def test_on_a_1024_by_700_screen_the_whole_form_and_three_rows_show(
        qtbot, make_window, sample_copy: Path) -> None:
    """Without "Why suggested" nothing of the form is scrolled away (the
    sources box asked 64 pixels for no source, and the Add row was cut)."""
    window = make_window()
    open_article(qtbot, window, sample_copy)
    window.resize(926, 634)  # nine tenths of a 1024×700 screen
    window.editor.show_item("Claim 1 of 12", "none", "", [], None)
    QApplication.processEvents()
    assert rows_shown(window) >= 3.0, rows_shown(window)
    assert window.list_and_editor.editor_scroll.verticalScrollBar().maximum() == 0
