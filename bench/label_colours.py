#!/usr/bin/env python3
"""How far apart the label highlights look, for normal and colour-blind vision.

Run: ``.venv/bin/python bench/label_colours.py``. For the light and the dark
page, prints the CIEDE2000 distance (ΔE00) between each pair of label tints
and between each tint and the bare page, as the view paints them (the
label's colour at its alpha over the page's Base colour) and as readers with
protanopia, deuteranopia and tritanopia see them (Machado et al. 2009), then
the contrast of body text on each tint. Then the same for the inks of the
marks drawn in a label's colour (a suggestion's dots, chips, ✓ ? $), against
each other and the page. "before" is the palette of the start of the
2026-11-27 session (one alpha for all labels: 100 light, 95 dark; light inks
#00805D #7A6C00 #B34E00); "now" reads app/ui/palette.py. The window's test
(tests/ui/test_label_colours.py) checks the painted pixels the same way.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QColor, QPalette  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.core.colour_vision import (  # noqa: E402
    RGB,
    VISIONS,
    blend,
    contrast_ratio,
    from_hex,
    pair_distances,
    seen_distance,
)
from app.ui.palette import CUE_ALPHA, LABEL_COLORS, TINT_ALPHA, label_ink  # noqa: E402
from app.ui.theme import dark_palette  # noqa: E402

BEFORE_ALPHA = {label: (100, 95) for label in LABEL_COLORS}
BEFORE_LIGHT_INKS = {"supported": "#00805D", "uncertain": "#7A6C00", "advertising": "#B34E00"}
SHORT = {"supported": "sup", "uncertain": "unc", "advertising": "adv", "page": "page"}


def painted(alphas: dict[str, tuple[int, int]], palette: QPalette, dark: bool
            ) -> dict[str, RGB]:
    """The page and each label's tint blended over it, as sRGB."""
    page = from_hex(palette.color(QPalette.ColorRole.Base).name())
    colors = {"page": page}
    for label, color in LABEL_COLORS.items():
        colors[label] = blend(from_hex(QColor(color).name()), alphas[label][dark] / 255, page)
    return colors


def table(title: str, colors: dict[str, RGB], text: RGB | None = None) -> float:
    """Print one page's distances; return the least of them."""
    distances = pair_distances(colors)
    pairs = list(dict.fromkeys((a, b) for a, b, _ in distances))
    print(title)
    print("  vision       " + "  ".join(f"{SHORT[a]}–{SHORT[b]:<4}" for a, b in pairs))
    for vision in VISIONS:
        print(f"  {vision:12} " + "  ".join(f"{distances[(a, b, vision)]:8.1f}"
                                          for a, b in pairs))
    if text is not None:
        print("  text contrast " + "  ".join(f"{SHORT[label]} {contrast_ratio(text, color):.1f}:1"
                                             for label, color in colors.items()
                                             if label != "page"))
    least = min(distances.values())
    print(f"  least ΔE00 {least:.1f}")
    return least


def main() -> int:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    palettes = {"light": app.style().standardPalette(), "dark": dark_palette()}
    for name, alphas in (("before", BEFORE_ALPHA), ("now", TINT_ALPHA)):
        for page, palette in palettes.items():
            dark = page == "dark"
            text = from_hex(palette.color(QPalette.ColorRole.Text).name())
            strengths = ", ".join(f"{SHORT[label]} {alpha[dark]}"
                                  for label, alpha in alphas.items())
            table(f"{name}, {page} page (alpha {strengths})", painted(alphas, palette, dark), text)
    for page, palette in palettes.items():
        base = from_hex(palette.color(QPalette.ColorRole.Base).name())
        now = {label: label_ink(label, palette).name() for label in LABEL_COLORS}
        before = BEFORE_LIGHT_INKS if page == "light" else now
        for name, inks in (("before", before), ("now", now)):
            table(f"marks' inks {name}, {page} page ({' '.join(inks.values())})",
                  {"page": base, **{label: from_hex(ink) for label, ink in inks.items()}})
    for page, palette in palettes.items():
        cue_table(page, painted(TINT_ALPHA, palette, page == "dark"))
    return 0


def cue_table(page: str, tints: dict[str, RGB]) -> None:
    """A suggestion's cue-word wash against the page and every label's tint:
    normal vision, and the least over every vision (the dotted frame is the
    cue that needs no colour)."""
    print(f"cue words' wash, {page} page (ΔE00 normal / least over visions)")
    for label, color in LABEL_COLORS.items():
        wash = blend(from_hex(QColor(color).name()), CUE_ALPHA[label][page == "dark"] / 255,
                     tints["page"])
        cells = [f"{SHORT[other]} {seen_distance(wash, tint, 'normal'):.1f}/"
                 f"{min(seen_distance(wash, tint, v) for v in VISIONS):.1f}"
                 for other, tint in tints.items()]
        print(f"  {SHORT[label]} (alpha {CUE_ALPHA[label][page == 'dark']}): " + "  ".join(cells))


if __name__ == "__main__":
    sys.exit(main())
