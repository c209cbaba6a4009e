"""Many notes on the same words keep the text readable (helper N16; I15's leftover:
twenty notes there drew a black highlight under black text). Each tint is blended once
and the blend is capped (app/ui/nested_marks.py): text at 4.5:1 or more on any pile of
marks, on the light and the dark page, as computed and as painted."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QColor, QPalette

from app.core.colour_vision import blend, contrast_ratio
from app.ui.article_view import Highlight
from app.ui.nested_marks import flatten
from app.ui.palette import NOTED, label_format
from tests.ui.test_label_colours import grabbed, palette_named, rgb, shown

KINDS = ["supported", "uncertain", "advertising", NOTED]
LINE = "Magnesium lowered pain scores in a 2021 review of eleven small trials."


def seen_on_page(colour: QColor, palette: QPalette) -> tuple[float, float, float]:
    page = rgb(palette.color(QPalette.ColorRole.Base))
    return blend(rgb(colour), colour.alphaF(), page)


@pytest.mark.parametrize("theme", ["light", "dark"])
@given(kinds=st.lists(st.sampled_from(KINDS), min_size=1, max_size=24),
       nested=st.booleans())
def test_text_reads_on_any_pile_of_marks(qapp, theme: str, kinds: list[str],
                                         nested: bool) -> None:
    palette = palette_named(theme)
    formats = {kind: label_format(kind, palette, False) for kind in KINDS}
    # The same words (or each mark a word shorter than the one before: nested).
    spans = sorted(((i if nested else 0, 40, formats[kind], None)
                    for i, kind in enumerate(kinds)), key=lambda span: span[0])
    text = rgb(palette.color(QPalette.ColorRole.Text))
    for _start, _end, fmt, _link in flatten(spans):
        tint = fmt.background().color()
        assert contrast_ratio(text, seen_on_page(tint, palette)) >= 4.5, (theme, kinds)


def test_twenty_notes_on_the_same_words_look_like_one(qapp) -> None:
    palette = palette_named("light")
    note = label_format(NOTED, palette, False)
    (piece,) = flatten([(0, 10, note, None)] * 20)
    assert piece[2].background().color() == note.background().color()


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("other", [NOTED, "uncertain"])
def test_twenty_notes_and_a_label_on_the_same_words_as_painted(
        qtbot, tmp_path: Path, theme: str, other: str) -> None:
    view, article = shown(qtbot, tmp_path / "a.txt", LINE + "\n", theme)
    start = article.text.index("pain scores")
    end = start + len("pain scores in a 2021 review")
    marks = [Highlight(0, len(LINE), "supported")]
    marks += [Highlight(start, end, NOTED if i % 2 else other) for i in range(20)]
    view.set_highlights(marks)
    image = grabbed(qtbot, view)
    counts: Counter[int] = Counter()
    for rect in view.span_rects(start, end):
        for y in range(int(rect.top()) + 2, int(rect.bottom()) - 2):
            for x in range(int(rect.left()) + 2, int(rect.right()) - 2):
                counts[image.pixel(x, y)] += 1
    painted = rgb(QColor(counts.most_common(1)[0][0]))
    text = rgb(view.palette().color(QPalette.ColorRole.Text))
    assert contrast_ratio(text, painted) >= 4.5
