"""Label colours (Okabe–Ito, colour-blind safe) and their non-colour cues.

Uncertain is Okabe–Ito *yellow*, not orange: orange and vermillion tints look
alike on the page (CIELAB ΔE 9.6 with normal vision, 6.6 with deuteranopia,
measured with ``scripts/cvd_check.py``); yellow, bluish green and vermillion
stay at least 14 apart for normal, protan, deutan and tritan vision on the
light and the dark page. Each label also keeps its own underline style and
mark (✓ ? $), so colour is never the only cue.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette, QTextCharFormat

LABEL_COLORS = {
    "supported": QColor("#009E73"),  # bluish green
    "uncertain": QColor("#F0E442"),  # yellow
    "advertising": QColor("#D55E00"),  # vermillion
}
# Text in the label's colour on a light background (yellow itself is unreadable there).
LABEL_INK_ON_LIGHT = {
    "supported": QColor("#00805D"),
    "uncertain": QColor("#7A6C00"),
    "advertising": QColor("#B34E00"),
}
# Text on a chip or button filled with the label's colour.
ON_LABEL = {"supported": QColor("#ffffff"), "uncertain": QColor("#1a1a1a"),
            "advertising": QColor("#ffffff")}
# Alpha of a labelled claim's tint on a light and on a dark page.
TINT_ALPHA = (100, 95)
LABEL_TITLES = {"supported": "Supported", "uncertain": "Uncertain",
                "advertising": "Advertising", "none": "Unmarked"}
# The non-colour cue: each label has its own underline style.
LABEL_UNDERLINES = {
    "supported": QTextCharFormat.UnderlineStyle.SingleUnderline,
    "uncertain": QTextCharFormat.UnderlineStyle.WaveUnderline,
    "advertising": QTextCharFormat.UnderlineStyle.DashUnderline,
}
LABEL_MARKS = {"supported": "✓", "uncertain": "?", "advertising": "$", "none": "·"}


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def label_ink(label: str, palette: QPalette) -> QColor:
    """The label's colour for text and lines on this palette's background."""
    return QColor(LABEL_COLORS[label] if is_dark(palette) else LABEL_INK_ON_LIGHT[label])


def label_background(label: str, palette: QPalette) -> QColor:
    color = QColor(LABEL_COLORS[label])
    color.setAlpha(TINT_ALPHA[1] if is_dark(palette) else TINT_ALPHA[0])
    return color


def label_format(label: str, palette: QPalette, suggested: bool) -> QTextCharFormat:
    """The highlight of a labelled (or, dotted, a suggested) claim."""
    fmt = QTextCharFormat()
    if suggested:
        # The style marks it as suggested; the view paints the visible dots
        # itself, thicker than Qt's (app/ui/suggestion_marks.py).
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(Qt.GlobalColor.transparent)
    else:
        fmt.setUnderlineColor(label_ink(label, palette))
        fmt.setBackground(label_background(label, palette))
        fmt.setUnderlineStyle(LABEL_UNDERLINES[label])
    return fmt


def cue_format(label: str, palette: QPalette) -> QTextCharFormat:
    """A suggestion's cue words: a stronger tint and a solid underline."""
    fmt = QTextCharFormat()
    color = QColor(LABEL_COLORS[label])
    color.setAlpha(120 if is_dark(palette) else 110)
    fmt.setBackground(color)
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    fmt.setUnderlineColor(label_ink(label, palette))
    return fmt
