"""The label buttons' coloured borders stand out from the pane (WCAG non-text
contrast, 3:1) on the light and the dark page, as painted; the uncertain
(orange) border was 1.96:1 on the light pane."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from app.core.colour_vision import contrast_ratio, from_hex
from tests.ui.conftest import open_article, switch_theme


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_label_button_borders_reach_3_to_1(qtbot, make_window, sample_copy: Path,
                                           theme: str) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    for name in ("light" if theme == "dark" else "dark", theme):  # a switch, as a reader does
        switch_theme(qtbot, window, name)
    qtbot.keyClick(window.view, "0")  # nothing checked: every button shows its border
    pane = window.editor.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    for label in ("supported", "uncertain", "advertising"):
        button = window.editor.label_buttons[label]
        assert not button.isChecked()
        image = button.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
        border = Counter(QColor(image.pixel(x, 1)).name()
                         for x in range(6, image.width() - 6)).most_common(1)[0][0]
        inside = Counter(QColor(image.pixel(x, image.height() // 2)).name()
                         for x in range(4, 8)).most_common(1)[0][0]
        corner = button.mapTo(window.editor, button.rect().topLeft())
        outside = QColor(pane.pixel(corner.x() + 12, corner.y() - 3)).name()  # the pane above
        for background in (inside, outside):
            assert contrast_ratio(from_hex(border), from_hex(background)) >= 3.0, \
                (theme, label, border, background)
