"""Buttons whose edge can be seen: a border at 3:1 against the pane.

Fusion draws a push button's outline as the window colour made 40 % darker:
2.0:1 against the light pane and 2.1:1 against the dark one, under the 3:1
that WCAG asks of the edge of a control (non-text contrast); the tester
measured the "Clear" button at 1.13:1 on his screen. The label buttons got
their own bordered style last session; ``outline_buttons`` gives the others
(Clear, Add, Remove, Accept suggestion, the library's and the start page's
buttons, Cancel export) a border in the palette's mid grey moved just far
enough from the pane and the button's fill, a visible keyboard-focus ring,
and follows theme changes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QAbstractButton

from app.core.colour_vision import from_hex, readable_on, to_hex

# 3.2, not 3.0: the border and the pane are painted in 8-bit colour, and
# rounding both can lose a little (as for the label buttons' borders).
BORDER_CONTRAST = 3.2


def button_border(palette: QPalette) -> QColor:
    """The palette's mid grey, darkened or lightened to ``BORDER_CONTRAST``
    against the window and the button's own fill."""
    active = QPalette.ColorGroup.Active  # a disabled pane's buttons keep their edge
    color = from_hex(palette.color(active, QPalette.ColorRole.Mid).name())
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Button):
        color = readable_on(color, from_hex(palette.color(active, role).name()),
                            minimum=BORDER_CONTRAST)
    return QColor(to_hex(color))


def button_sheet(palette: QPalette, selector: str = "QPushButton", padding: str = "4px 10px",
                 extra: str = "") -> str:
    """A style sheet for ``selector`` buttons drawn with ``palette``'s colours."""
    role, active = QPalette.ColorRole, QPalette.ColorGroup.Active
    border = button_border(palette).name()
    fill = palette.color(active, role.Button)
    text = palette.color(active, role.ButtonText).name()
    dark = palette.color(active, role.Base).lightness() < 128
    hover = (fill.lighter(115) if dark else fill.darker(106)).name()
    pressed = (fill.lighter(135) if dark else fill.darker(115)).name()
    focus = palette.color(active, role.Highlight).name()
    disabled = palette.color(QPalette.ColorGroup.Disabled, role.ButtonText).name()
    return (f"{selector} {{ border: 1px solid {border}; border-radius: 4px;"
            f" padding: {padding}; background: {fill.name()}; color: {text}; {extra} }}"
            f"{selector}:hover {{ background: {hover}; }}"
            f"{selector}:pressed {{ background: {pressed}; }}"
            f"{selector}:focus {{ border: 2px solid {focus}; }}"
            f"{selector}:disabled {{ color: {disabled}; }}")


class _Restyle(QObject):
    """Sets a button's sheet again when its parent's palette changes: a style
    sheet keeps the colours written into it, and a button with a sheet hears
    of no palette change itself."""

    def __init__(self, button: QAbstractButton, selector: str, padding: str, extra: str) -> None:
        super().__init__(button)
        self.button, self.selector, self.padding, self.extra = button, selector, padding, extra
        self.apply()

    def apply(self) -> None:
        # The parent's palette: the button's own holds the colours its sheet wrote.
        parent = self.button.parentWidget()
        palette = parent.palette() if parent is not None else self.button.palette()
        sheet = button_sheet(palette, self.selector, self.padding, self.extra)
        if self.button.styleSheet() != sheet:  # its own change must not loop back here
            self.button.setStyleSheet(sheet)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.PaletteChange:  # the parent's: it has the new colours
            self.apply()
        return False


def outline_buttons(*buttons: QAbstractButton, padding: str = "4px 10px", extra: str = "") -> None:
    """Give ``buttons`` a border at 3:1 against the pane, in every theme."""
    for button in buttons:
        selector = type(button).__name__ if type(button).__name__ in (
            "QPushButton", "QToolButton") else "QAbstractButton"
        restyle = _Restyle(button, selector, padding, extra)
        parent = button.parentWidget()
        (parent if parent is not None else button).installEventFilter(restyle)
