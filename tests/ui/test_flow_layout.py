"""The notes pane's rows wrap instead of widening the pane (ui/flow_layout.py)."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget

from app.ui.flow_layout import FlowLayout
from app.ui.summary_bar import SummaryWidget
from tests.ui.conftest import open_article


@settings(max_examples=60, deadline=None)
@given(widths=st.lists(st.integers(1, 300), min_size=1, max_size=8),
       room=st.integers(1, 700))
def test_items_keep_their_order_never_overlap_and_stay_inside(qapp: object, widths: list[int],
                                                              room: int) -> None:
    host = QWidget()
    layout = FlowLayout(host, spacing=4)
    items = []
    for width in widths:
        item = QWidget(host)
        item.setFixedSize(width, 20)
        layout.addWidget(item)
        items.append(item)
    height = layout.heightForWidth(room)
    layout.setGeometry(QRect(0, 0, room, height))
    boxes = [item.geometry() for item in items]
    lines = sorted({box.y() for box in boxes})
    assert height == lines[-1] + 20
    for before, after in itertools.pairwise(boxes):  # reading order: left to right, then down
        assert (after.y(), after.x()) > (before.y(), before.x())
        assert not before.intersects(after)
        if after.y() == before.y():  # the spacing between neighbours on a line
            assert after.x() - (before.right() + 1) == 4
    for box in boxes:  # only an item wider than the room alone on its line sticks out
        alone = sum(1 for other in boxes if other.y() == box.y()) == 1
        assert box.right() < room or (alone and box.x() == 0)
    if sum(widths) + 4 * (len(widths) - 1) <= room:
        assert len(lines) == 1
    host.deleteLater()


def test_the_summary_wraps_in_a_narrow_pane(qtbot) -> None:
    summary = SummaryWidget()
    qtbot.addWidget(summary)
    summary.set_counts({"supported": 12, "uncertain": 340, "advertising": 7}, 1200)
    one_line = summary.sizeHint()
    assert summary.minimumSizeHint().width() < one_line.width() / 2
    assert summary.layout().heightForWidth(one_line.width() // 2) > one_line.height()


def test_wrapped_rows_push_down_what_is_below_them(qtbot, make_window, sample_copy) -> None:
    """A small window: the label buttons and the counts on two lines each
    must not be drawn over the note's heading and the bar."""
    from PySide6.QtWidgets import QApplication, QLabel

    window = make_window()
    open_article(qtbot, window, sample_copy)
    for width, height in ((700, 400), (600, 300)):
        window.resize(width, height)
        for _ in range(3):
            QApplication.processEvents()
        buttons = [b for b in window.editor.label_buttons.values() if b.isVisible()]
        assert len({b.y() for b in buttons}) > 1  # wrapped
        heading = next(label for label in window.editor.findChildren(QLabel)
                       if label.text().replace("&", "").startswith("Note"))
        assert max(b.geometry().bottom() for b in buttons) < heading.geometry().top()
        counts = window.summary.labels.values()
        assert max(c.geometry().bottom() for c in counts) < window.summary.bar.geometry().top()
