"""A suggestion's cue words never look like a label the reader chose (tester
T7: they were painted in the label's own tint with a solid underline, so a
suggested claim's cue looked marked). Labels are a flat tint with a solid,
wavy or dashed underline; a suggestion is dotted, and so is the frame round
its cue words, over a wash far lighter than any label's tint."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from app.core.colour_vision import VISIONS, contrast_ratio, from_hex, seen_distance, to_hex
from app.ui.palette import LABEL_UNDERLINES, MIN_LABEL_DISTANCE, label_ink
from tests.ui.test_label_colours import LINES, painted

LABELS = ("supported", "uncertain", "advertising")


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("label", LABELS)
def test_cue_words_look_like_no_label(qtbot, tmp_path: Path, theme: str, label: str) -> None:
    view, image, colours = painted(qtbot, tmp_path, theme, cue=label)
    cue = colours["suggested"]  # the suggestion's words, all of them cues here
    # Far from every label's tint as painted beside it (normal vision; for
    # colour-blind readers the dotted frame and the missing underline tell).
    near = {other: round(seen_distance(cue, colours[other], "normal"), 1) for other in LABELS}
    assert min(near.values()) >= MIN_LABEL_DISTANCE, near
    assert seen_distance(cue, colours["page"], "normal") >= 3  # still a visible wash
    # None of the labels' underline styles (solid, wavy, dashed) on the cue words.
    text = view.document().toPlainText()
    start = text.index(LINES["suggested"])
    for selection in view.extraSelections():
        if selection.cursor.selectionStart() >= start:
            assert selection.format.underlineStyle() not in LABEL_UNDERLINES.values()


def frame_edge(image: QImage, rect, ink: str) -> tuple[int, int]:
    """Along the top edge of ``rect``: pixels in ``ink`` and the longest run of them."""
    best_count, best_run = 0, 0
    for y in range(int(rect.top()), int(rect.top()) + 3):
        row = [QColor(image.pixel(x, y)).name() == ink
               for x in range(int(rect.left()) + 4, int(rect.right()) - 4)]
        run = longest = 0
        for hit in row:
            run = run + 1 if hit else 0
            longest = max(longest, run)
        if sum(row) > best_count:
            best_count, best_run = sum(row), longest
    return best_count, best_run


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("label", LABELS)
def test_cue_words_are_framed_in_dots_of_the_labels_ink(qtbot, tmp_path: Path, theme: str,
                                                        label: str) -> None:
    view, image, colours = painted(qtbot, tmp_path, theme, cue=label)
    text = view.document().toPlainText()
    start = text.index(LINES["suggested"])
    rects = view.span_rects(start, start + len(LINES["suggested"]))
    ink = label_ink(label, view.palette()).name()
    count, run = frame_edge(image, rects[0], ink)
    width = rects[0].width() - 8
    assert count >= 0.3 * width  # an edge drawn along the words…
    assert run <= 6  # …in dots, not a line
    # The frame is seen on the page: 3:1 (WCAG non-text contrast).
    assert contrast_ratio(from_hex(ink), colours["page"]) >= 3.0
    # The same words without cues: no frame.
    view.set_cues([])
    again = view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    assert frame_edge(again, rects[0], ink)[0] < 0.05 * width


def test_the_dark_advertising_tint_is_not_faint(qtbot, tmp_path: Path) -> None:
    """T7: on the dark page the advertising tint was the faintest, ΔE00 19.3
    from the page where the others are 31–34."""
    _, _, colours = painted(qtbot, tmp_path, "dark")
    for label in LABELS:
        assert seen_distance(colours[label], colours["page"], "normal") >= 21.0, (
            label, to_hex(colours[label]))
    least = min(seen_distance(colours["advertising"], colours["page"], vision)
                for vision in VISIONS)
    assert least >= 18.0

