"""Label colours (Okabe–Ito, colour-blind safe) and their non-colour cues."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette, QTextCharFormat

LABEL_COLORS = {
    "supported": QColor("#009E73"),  # bluish green
    "uncertain": QColor("#E69F00"),  # orange
    "advertising": QColor("#D55E00"),  # vermillion
}
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


def label_background(label: str, palette: QPalette) -> QColor:
    color = QColor(LABEL_COLORS[label])
    color.setAlpha(95 if is_dark(palette) else 60)
    return color


def label_format(label: str, palette: QPalette, suggested: bool) -> QTextCharFormat:
    """The highlight of a labelled (or, dotted, a suggested) claim."""
    fmt = QTextCharFormat()
    color = LABEL_COLORS[label]
    fmt.setUnderlineColor(color.lighter(130) if is_dark(palette) else color.darker(140))
    if suggested:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    else:
        fmt.setBackground(label_background(label, palette))
        fmt.setUnderlineStyle(LABEL_UNDERLINES[label])
    return fmt


def cue_format(label: str, palette: QPalette) -> QTextCharFormat:
    """A suggestion's cue words: a stronger tint and a solid underline."""
    fmt = QTextCharFormat()
    color = QColor(LABEL_COLORS[label])
    color.setAlpha(120 if is_dark(palette) else 90)
    fmt.setBackground(color)
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    fmt.setUnderlineColor(LABEL_COLORS[label])
    return fmt
