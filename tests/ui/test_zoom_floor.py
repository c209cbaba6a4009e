"""Zooming out keeps the article readable (tester T15, F12: at the least zoom
the body text was 4.5 points, 5-pixel letters, beside 13-pixel headings)."""

from __future__ import annotations

from pathlib import Path

from app.ui import settings
from tests.ui.conftest import open_article

READABLE = 8.0  # points: 10.7-pixel text at 96 dpi, the least size here


def first_line_heights(window) -> dict[str, float]:
    """The first line's height of the first heading and of the first paragraph."""
    heights: dict[str, float] = {}
    block = window.view.document().begin()
    while block.isValid() and len(heights) < 2:
        kind = "heading" if block.text().startswith("Magnesium and Your") else "body"
        if block.layout().lineCount() and block.text() and kind not in heights \
                and (kind == "heading" or len(block.text()) > 80):
            heights[kind] = block.layout().lineAt(0).height()
        block = block.next()
    return heights


def test_zooming_out_stops_at_a_readable_size_and_headings_scale_with_the_text(
        qtbot, make_window, sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    before = first_line_heights(window)
    for _ in range(20):
        window.actions["zoom_out"].trigger()
    assert window.view.font().pointSizeF() >= READABLE
    assert window.view.document().defaultFont().pointSizeF() >= READABLE
    after = first_line_heights(window)
    assert after["heading"] < before["heading"] and after["body"] < before["body"]
    ratio_before = before["heading"] / before["body"]
    assert abs(after["heading"] / after["body"] - ratio_before) < 0.25 * ratio_before
    window.actions["zoom_in"].trigger()  # one step back in comes back up at once
    assert window.view.font().pointSizeF() > READABLE


def test_a_remembered_zoom_below_the_floor_opens_at_the_floor(qtbot, make_window) -> None:
    settings.put(settings.ZOOM, -8)  # what the least zoom was before
    window = make_window()
    assert READABLE <= window.view.font().pointSizeF() < READABLE + 1
