"""The claim list draws an Arabic or Hebrew claim from the right edge, in
right-to-left order (tester T15: "اطلب الآن! خصم 50 ٪" showed as "50 ٪!اطلب")."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QListView

from app.ui.claim_delegate import ClaimDelegate

ARABIC = "اطلب الآن! خصم 50 ٪ على العسل"
ENGLISH = "Order now! 50 % off honey"


def list_of(qtbot, *quotes: str) -> QListView:
    model = QStandardItemModel()
    for quote in quotes:
        model.appendRow(QStandardItem(quote))
    view = QListView()
    view.setModel(model)
    view.setItemDelegate(ClaimDelegate(view))
    view.resize(600, 400)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.setProperty("_model", model)  # keep the model alive with the view
    return view


def test_each_row_is_drawn_in_its_own_direction(qtbot, monkeypatch) -> None:
    drawn: list[tuple[str, Qt.LayoutDirection, bool]] = []
    draw = QPainter.drawText

    def spy(painter: QPainter, *args: object) -> None:
        if len(args) == 3 and isinstance(args[2], str) and args[2].strip():
            flags = Qt.AlignmentFlag(int(args[1]))  # type: ignore[call-overload]
            drawn.append((args[2], painter.layoutDirection(),
                          bool(flags & Qt.AlignmentFlag.AlignRight)))
        draw(painter, *args)  # type: ignore[call-overload]

    monkeypatch.setattr(QPainter, "drawText", spy)
    view = list_of(qtbot, ARABIC, ENGLISH)
    view.viewport().grab()  # paints every row now
    rows = {text: (direction, right) for text, direction, right in drawn}
    assert rows[ARABIC] == (Qt.LayoutDirection.RightToLeft, True)
    assert rows[ENGLISH] == (Qt.LayoutDirection.LeftToRight, False)


def test_an_arabic_row_ends_at_the_right_edge(qtbot) -> None:
    view = list_of(qtbot, ARABIC, ENGLISH)
    image = view.viewport().grab().toImage()
    height = view.sizeHintForRow(0)
    text = QColor(view.palette().color(view.palette().ColorRole.Text))

    def inked(row: int) -> list[int]:
        top = row * height
        return [x for x in range(40, image.width())
                if any(_near(QColor(image.pixel(x, y)), text) for y in range(top + 4, top + 30))]

    arabic, english = inked(0), inked(1)
    assert arabic and english
    assert image.width() - max(arabic) < 20 < min(arabic) - 40  # from the right edge
    assert min(english) - 40 < 20 < image.width() - max(english)  # from the left


def _near(a: QColor, b: QColor) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 200
