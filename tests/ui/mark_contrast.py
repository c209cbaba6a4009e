"""How well a highlight reads: the rendered mark's contrast against the page.

A 1-pixel dotted underline passes a colour-contrast check on paper (its colour
against the base) and still looks faint: it is one pixel thin and half gaps.
So this measures what is drawn, by comparing the view's pixels with and
without the mark: for each pixel row the mark changed, how much of its width
is covered and the contrast of the changed pixels against the page's base, as
the WCAG 2.x contrast ratio (non-text contrast asks for at least 3:1).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage


def relative_luminance(color: QColor) -> float:
    """WCAG 2.x relative luminance of an sRGB colour."""
    return luminance_of_linear(*(to_linear(c) for c in color.getRgbF()[:3]))


def to_linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def luminance_of_linear(r: float, g: float, b: float) -> float:
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(l1: float, l2: float) -> float:
    hi, lo = max(l1, l2), min(l1, l2)
    return (hi + 0.05) / (lo + 0.05)


def mark_rows(plain: QImage, marked: QImage, base: QColor) -> list[tuple[float, float]]:
    """For each pixel row a mark changed (8 pixels or more): how much of the
    mark's width it covers (0..1) and the median contrast of its changed
    pixels against ``base``."""
    plain = plain.convertToFormat(QImage.Format.Format_RGB32)
    marked = marked.convertToFormat(QImage.Format.Format_RGB32)
    base_luminance = relative_luminance(base)
    rows = []
    for y in range(min(plain.height(), marked.height())):
        changed = [x for x in range(min(plain.width(), marked.width()))
                   if plain.pixel(x, y) != marked.pixel(x, y)]
        if len(changed) < 8:
            continue
        ratios = sorted(contrast_ratio(relative_luminance(QColor(marked.pixel(x, y))),
                                       base_luminance) for x in changed)
        rows.append((len(changed) / (changed[-1] - changed[0] + 1), ratios[len(ratios) // 2]))
    return rows


def visible_rows(rows: list[tuple[float, float]], minimum: float = 3.0) -> int:
    """Rows of a mark at least a third covered whose pixels reach ``minimum``:
    how thick the mark is where it can be seen."""
    return sum(1 for coverage, ratio in rows if coverage >= 0.3 and ratio >= minimum)
