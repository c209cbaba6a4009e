#!/usr/bin/env python3
"""How far apart the label highlights are, for normal and colour-blind vision.

Run: ``python scripts/cvd_check.py [PNG ...]`` with numpy and Pillow installed
(only this script needs them: ``pip install numpy pillow`` in any virtual
environment). Prints, for each palette, the CIELAB distance (ΔE, CIE76) between
the highlight tints of the three labels as they appear on the light and the
dark page, under normal vision and simulated protanopia, deuteranopia and
tritanopia (Machado, Oliveira & Fernandes 2009, severity 1). Each PNG given is
also written beside itself as ``NAME.protanopia.png`` etc. for looking at.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from PIL import Image

MACHADO = {
    "normal": np.eye(3),
    "protanopia": np.array([[0.152286, 1.052583, -0.204868],
                            [0.114503, 0.786281, 0.099216],
                            [-0.003882, -0.048116, 1.051998]]),
    "deuteranopia": np.array([[0.367322, 0.860646, -0.227968],
                              [0.280085, 0.672501, 0.047413],
                              [-0.011820, 0.042940, 0.968881]]),
    "tritanopia": np.array([[1.255528, -0.076749, -0.178779],
                            [-0.078411, 0.930809, 0.147602],
                            [0.004733, 0.691367, 0.303900]]),
}
LIGHT_PAGE, DARK_PAGE = "#ffffff", "#18191b"


def to_linear(srgb: np.ndarray) -> np.ndarray:
    return np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)


def to_srgb(linear: np.ndarray) -> np.ndarray:
    linear = np.clip(linear, 0, 1)
    return np.where(linear <= 0.0031308, linear * 12.92, 1.055 * linear ** (1 / 2.4) - 0.055)


def simulate(srgb: np.ndarray, kind: str) -> np.ndarray:
    """sRGB in 0..1 (…, 3) as seen with ``kind`` vision."""
    return to_srgb(to_linear(srgb) @ MACHADO[kind].T)


def lab(srgb: np.ndarray) -> np.ndarray:
    lin = to_linear(srgb)
    xyz = lin @ np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722],
                          [0.0193, 0.1192, 0.9505]]).T
    xyz = xyz / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16 / 116)
    return np.stack([116 * f[..., 1] - 16, 500 * (f[..., 0] - f[..., 1]),
                     200 * (f[..., 1] - f[..., 2])], axis=-1)


def rgb(hex_color: str) -> np.ndarray:
    return np.array([int(hex_color[i:i + 2], 16) for i in (1, 3, 5)]) / 255


def tint(color: str, alpha: int, page: str) -> np.ndarray:
    a = alpha / 255
    return a * rgb(color) + (1 - a) * rgb(page)


def distances(colors: dict[str, str], alpha_light: int, alpha_dark: int) -> None:
    names = list(colors)
    pairs = [(a, b) for i, a in enumerate(names) for b in names[i + 1:]]
    for page, alpha in ((LIGHT_PAGE, alpha_light), (DARK_PAGE, alpha_dark)):
        shade = "light" if page == LIGHT_PAGE else "dark"
        for kind in MACHADO:
            seen = {n: lab(simulate(tint(colors[n], alpha, page), kind)) for n in names}
            cells = "  ".join(f"{a[:3]}–{b[:3]} {np.linalg.norm(seen[a] - seen[b]):5.1f}"
                              for a, b in pairs)
            print(f"  {shade:5} {kind:12} {cells}")


def main(args: list[str]) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    palettes = {
        "before (Okabe–Ito green, orange, vermillion; tint 60/95)":
            ({"supported": "#009E73", "uncertain": "#E69F00", "advertising": "#D55E00"},
             60, 95),
    }
    try:
        from app.ui.palette import LABEL_COLORS, TINT_ALPHA

        now = {name: color.name() for name, color in LABEL_COLORS.items()}
        palettes[f"now (app/ui/palette.py; tint {TINT_ALPHA})"] = (now, *TINT_ALPHA)
    except ImportError:
        pass
    for title, (colors, light, dark) in palettes.items():
        print(title)
        distances(colors, light, dark)
    for name in args:
        path = Path(name)
        pixels = np.asarray(Image.open(path).convert("RGB"), dtype=float) / 255
        for kind in ("protanopia", "deuteranopia", "tritanopia"):
            out = path.with_name(f"{path.stem}.{kind}.png")
            Image.fromarray((simulate(pixels, kind) * 255).round().astype(np.uint8)).save(out)
            print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
