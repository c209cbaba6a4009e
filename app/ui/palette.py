"""Label colours (Okabe–Ito, colour-blind safe) and their non-colour cues.

What the reader sees is a label's colour blended over the page, so each
label has its own tint strength per page (``TINT_ALPHA``): the three tints
differ in lightness as well as hue, because readers with protanopia or
deuteranopia lose the red–green axis and orange and vermillion then differ
mostly in how light they are. The strengths were searched so that every pair
of tints, and each tint against the bare page, stays at least ΔE00 13.9
apart for normal, protan, deutan and tritan vision on the light and the dark
page, with body text on every tint at 5:1 or more (``bench/label_colours.py``
prints the table; ``tests/ui/test_label_colours.py`` checks the painted
pixels against ``MIN_LABEL_DISTANCE``). A labelled claim's underline is
drawn in the text's colour: its style (solid, wavy, dashed) is the cue that
does not rely on colour, so it must be seen on every tint; marks (✓ ? $)
repeat the label in the notes pane.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette, QTextCharFormat

from app.core.colour_vision import blend, from_hex, readable_on, to_hex

LABEL_COLORS = {
    "supported": QColor("#009E73"),  # bluish green
    "uncertain": QColor("#E69F00"),  # orange
    "advertising": QColor("#D55E00"),  # vermillion
}
# Marks in the label's colour on a light background: a suggestion's dots, its
# dashed chip and the ✓ ? $ glyphs. Each is the Okabe–Ito colour darkened to
# at least 3:1 on white (WCAG non-text contrast; orange itself is 2.3:1), by
# different amounts so that they differ in lightness: #7A6C00 and #B34E00 were
# ΔE00 3.2 apart for deuteranopes, these at least 16.9 (bench/label_colours.py).
LABEL_INK_ON_LIGHT = {
    "supported": QColor("#00805D"),
    "uncertain": QColor("#B87F00"),  # 0.80 × orange, 3.5:1
    "advertising": QColor("#914000"),  # 0.68 × vermillion, 7.2:1
}
# On a dark page the marks use the Okabe–Ito colours, but orange lightened a
# third of the way to white: #E69F00 and vermillion were ΔE00 12.5 apart for
# deuteranopes, #EEBE52 is 17.9 from every other ink and the page.
LABEL_INK_ON_DARK = {
    "supported": QColor("#009E73"),
    "uncertain": QColor("#EEBE52"),
    "advertising": QColor("#D55E00"),
}
# Text on a chip or button filled with the label's colour.
ON_LABEL = {"supported": QColor("#ffffff"), "uncertain": QColor("#1a1a1a"),
            "advertising": QColor("#ffffff")}
# Alpha of each label's tint on a light and on a dark page (see the docstring).
# Dark advertising was 65, the faintest tint of all (ΔE00 19.3 from the page,
# the others 31–34; tester T7): 80 is as strong as it gets while staying 13.9
# from the uncertain tint for tritanopes (85: 13.3, too near the floor).
TINT_ALPHA = {"supported": (170, 150), "uncertain": (80, 125), "advertising": (160, 80)}
# A suggestion's cue words: a wash of the label's colour far lighter than any
# label's tint (ΔE00 ≥ 13 from each, normal vision), in a dotted frame drawn by
# the view. A suggestion is no label: its cue words must not look marked
# (tester T7: in the label's own tint with a solid underline, they did).
CUE_ALPHA = {"supported": (40, 35), "uncertain": (15, 25), "advertising": (25, 25)}
# The least CIEDE2000 distance between two labels' tints, or a tint and the
# page, under any simulated colour vision (docs/decisions.md, issue 15).
MIN_LABEL_DISTANCE = 13.0
# The same for the marks drawn in the labels' inks (and against the page):
# they are 2 px dots and thin glyphs, and the smaller a mark the larger the
# difference needed to see it (Stone, Szafir & Setlur 2014), so a higher floor.
MIN_MARK_DISTANCE = 15.0
LABEL_TITLES = {"supported": "Supported", "uncertain": "Uncertain",
                "advertising": "Advertising", "none": "Unmarked"}
# The non-colour cue: each label has its own underline style.
LABEL_UNDERLINES = {
    "supported": QTextCharFormat.UnderlineStyle.SingleUnderline,
    "uncertain": QTextCharFormat.UnderlineStyle.WaveUnderline,
    "advertising": QTextCharFormat.UnderlineStyle.DashUnderline,
}
LABEL_MARKS = {"supported": "✓", "uncertain": "?", "advertising": "$", "none": "·"}
# A note without a label (an imported comment, a note typed before choosing):
# dash-dot underline in the text's colour on a faint neutral tint, so it is
# told by shape from the three labels and from a suggestion's dots, on either page.
NOTED = "noted"
NOTED_MARK = "✎"
NOTED_TINT_ALPHA = 28


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def label_ink(label: str, palette: QPalette) -> QColor:
    """The label's colour for text and lines on this palette's background."""
    return QColor((LABEL_INK_ON_DARK if is_dark(palette) else LABEL_INK_ON_LIGHT)[label])


def label_border(label: str, palette: QPalette) -> QColor:
    """The label's colour for a button's border: changed just enough to stand
    at 3:1 (WCAG non-text contrast) against the pane and the button, on either
    page (orange was 1.96:1 on the light pane, green 2.98:1). 3.2, not 3.0:
    both colours are painted in 8-bit colour, and rounding can lose a little."""
    color = from_hex(LABEL_COLORS[label].name())
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Button):
        shade = palette.color(QPalette.ColorGroup.Active, role)
        color = readable_on(color, from_hex(shade.name()), minimum=3.2)
    return QColor(to_hex(color))


def label_background(label: str, palette: QPalette) -> QColor:
    """The label's tint: its colour at the strength chosen for this page."""
    color = QColor(LABEL_COLORS[label])
    color.setAlpha(TINT_ALPHA[label][1 if is_dark(palette) else 0])
    return color


def label_format(label: str, palette: QPalette, suggested: bool) -> QTextCharFormat:
    """The highlight of a labelled (or, dotted, a suggested) claim, or of a
    note without a label (``NOTED``)."""
    fmt = QTextCharFormat()
    if label == NOTED:
        ink = palette.color(QPalette.ColorRole.Text)
        fmt.setUnderlineColor(ink)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashDotLine)
        tint = QColor(ink)
        tint.setAlpha(NOTED_TINT_ALPHA)
        fmt.setBackground(tint)
    elif suggested:
        # The style marks it as suggested; the view paints the visible dots
        # itself, thicker than Qt's (app/ui/suggestion_marks.py).
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(Qt.GlobalColor.transparent)
    else:
        fmt.setUnderlineColor(palette.color(QPalette.ColorRole.Text))
        fmt.setBackground(label_background(label, palette))
        fmt.setUnderlineStyle(LABEL_UNDERLINES[label])
    return fmt


def cue_background(label: str, palette: QPalette) -> QColor:
    """The wash under a suggestion's cue words (see ``CUE_ALPHA``)."""
    color = QColor(LABEL_COLORS[label])
    color.setAlpha(CUE_ALPHA[label][1 if is_dark(palette) else 0])
    return color


def cue_format(label: str, palette: QPalette) -> QTextCharFormat:
    """A suggestion's cue words: a light wash of the label they point to and
    no underline of their own (a solid line is the supported label's cue);
    the view draws a dotted frame round them in the label's ink, dotted like
    the suggestion's own mark."""
    fmt = QTextCharFormat()
    fmt.setBackground(cue_background(label, palette))
    return fmt


def link_format(label: str, palette: QPalette) -> QTextCharFormat:
    """A link inside a labelled claim or cue: the page's link colour, made
    lighter or darker just enough to read (4.5:1) on the label's tint (the
    dark page's link blue was 2.9:1 on the uncertain tint)."""
    base = from_hex(palette.color(QPalette.ColorRole.Base).name())
    tint = blend(from_hex(LABEL_COLORS[label].name()),
                 TINT_ALPHA[label][1 if is_dark(palette) else 0] / 255, base)
    link = from_hex(palette.color(QPalette.ColorRole.Link).name())
    fmt = QTextCharFormat()
    # 4.7, not 4.5: the tint and the link are painted in 8-bit colour, and
    # rounding both can take a computed 4.5:1 just under it (4.48 seen).
    fmt.setForeground(QColor(to_hex(readable_on(link, tint, minimum=4.7))))
    return fmt
