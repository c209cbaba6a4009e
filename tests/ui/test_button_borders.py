"""Every bordered button's edge stands out from the pane and from its own
fill (WCAG non-text contrast, 3:1), light and dark, after a theme switch as a
reader makes it and on a fresh start: Fusion's outline was 2.0:1 (tester T7
measured the Clear button at 1.13:1)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QAbstractButton, QWidget

from app.core.colour_vision import contrast_ratio, from_hex
from tests.ui.conftest import open_article


def edge_contrast(button: QAbstractButton) -> tuple[float, float]:
    """The button's left edge against the pane beside it and against its fill."""
    parent = button.parentWidget()
    assert isinstance(parent, QWidget)
    area = button.geometry().adjusted(-4, 0, 0, 0)
    image = parent.grab(area).toImage().convertToFormat(QImage.Format.Format_RGB32)
    y = image.height() // 2
    pane = QColor(image.pixel(0, y)).name()
    fill = Counter(QColor(image.pixel(x, y)).name() for x in range(10, 16)).most_common(1)[0][0]
    edge = max((QColor(image.pixel(x, y)).name() for x in range(3, 8)),
               key=lambda c: contrast_ratio(from_hex(c), from_hex(pane)))
    return (contrast_ratio(from_hex(edge), from_hex(pane)),
            contrast_ratio(from_hex(edge), from_hex(fill)))


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("switched", [True, False])
def test_buttons_edges_reach_3_to_1(qtbot, make_window, sample_copy: Path, theme: str,
                                    switched: bool) -> None:
    window = make_window()
    names = ("light" if theme == "dark" else "dark", theme) if switched else (theme,)
    if not switched:
        window.actions[f"theme_{theme}"].trigger()
    open_article(qtbot, window, sample_copy)
    for name in names if switched else ():
        window.actions[f"theme_{name}"].trigger()
    qtbot.wait(20)
    editor = window.editor
    editor.why.show()
    buttons = {"Clear": editor.label_buttons["none"], "Add": editor.add_button,
               "Remove": editor.remove_button, "Accept": editor.accept_button}
    for name, button in buttons.items():
        against_pane, against_fill = edge_contrast(button)
        assert against_pane >= 3.0 and against_fill >= 3.0, (name, against_pane, against_fill)


def test_start_page_and_library_buttons_too(qtbot, make_window, tmp_path: Path) -> None:
    window = make_window()
    window.actions["theme_light"].trigger()
    qtbot.wait(20)
    start = window._start_page
    assert start is not None and start.isVisible()
    for button in (start.open_button, start.sample_button):
        assert min(edge_contrast(button)) >= 3.0, button.text()
    from app.ui.library_window import LibraryWindow
    library = LibraryWindow(tmp_path / "lib.sqlite3", choose_folder=lambda _start: None)
    qtbot.addWidget(library)
    library.show()
    qtbot.waitExposed(library)
    assert min(edge_contrast(library.add_button)) >= 3.0
