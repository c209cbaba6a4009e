"""The source box: a rejected source stays for correcting with its message;
another claim starts with an empty box (tester T7: a rejected DOI stayed in
the box, its message gone, and Enter on the next claim tried it there)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from app.core.colour_vision import contrast_ratio, from_hex
from app.ui.claim_model import SOURCES_ROLE
from tests.ui.conftest import open_article, switch_theme


def test_a_rejected_source_is_kept_for_correcting_then_left_behind(
        qtbot, make_window, sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    editor = window.editor
    box = editor.source_input
    box.setFocus()  # as a click in the box would
    qtbot.keyClicks(box, "10.1000/")  # a DOI cut short
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert box.text() == "10.1000/"  # kept, to correct
    assert box.selectedText() == "10.1000/"  # typing replaces it
    assert editor.source_error.isVisible() and "Not added" in editor.source_error.text()
    assert window.model.index(0).data(SOURCES_ROLE) in (None, [])
    # Labelling the claim (the same row shown again) keeps what is being corrected.
    qtbot.mouseClick(editor.label_buttons["uncertain"], Qt.MouseButton.LeftButton)
    assert box.text() == "10.1000/" and editor.source_error.isVisible()
    qtbot.keyClicks(box, "PMID: 33918360")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert window.model.index(0).data(SOURCES_ROLE) == [
        "https://pubmed.ncbi.nlm.nih.gov/33918360/"]
    assert box.text() == "" and not editor.source_error.isVisible()

    qtbot.keyClicks(box, "not a source")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert box.text() == "not a source"
    window.navigator.select_row(1)  # another claim
    assert box.text() == "" and not editor.source_error.isVisible()
    qtbot.keyClick(box, Qt.Key.Key_Return)  # nothing left to add to it
    assert window.model.index(1).data(SOURCES_ROLE) in (None, [])
    assert not editor.source_error.isVisible()


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_not_added_message_reads_on_the_pane(qtbot, make_window, sample_copy: Path,
                                                  theme: str) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    for name in ("dark" if theme == "light" else "light", theme):  # a switch, as a reader does
        switch_theme(qtbot, window, name)
    box = window.editor.source_input
    box.setFocus()  # as a click in the box would
    qtbot.keyClicks(box, "10.1000/")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    message = window.editor.source_error
    assert message.isVisible()
    # Grabbed from the pane, as it is composed on screen.
    image = window.editor.grab(message.geometry()).toImage().convertToFormat(
        QImage.Format.Format_RGB32)
    pane = from_hex(QColor(image.pixel(image.width() - 2, image.height() - 2)).name())
    strongest = max(contrast_ratio(from_hex(QColor(image.pixel(x, y)).name()), pane)
                    for y in range(image.height()) for x in range(image.width()))
    assert strongest >= 4.5  # WCAG AA: its glyphs, against the pane (#D55E00 was 3.4:1)
