#!/usr/bin/env python3
"""Screenshots as colour-blind readers see them, without numpy.

Run: ``.venv/bin/python bench/cvd_screens.py PNG [PNG ...]``. Writes beside
each PNG ``NAME.protanopia.png``, ``NAME.deuteranopia.png`` and
``NAME.tritanopia.png``: every pixel through the Machado, Oliveira & Fernandes
(2009) matrices, severity 1, applied in linear light (the matrices of
``app/core/colour_vision.py``, which ``bench/label_colours.py`` uses to
measure the label tints).
Prints the seconds each image took. Look at the results to judge whether the
labels and suggestions still tell apart.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtGui import QImage  # noqa: E402

from app.core.colour_vision import MACHADO, from_linear, to_linear  # noqa: E402

TO_LINEAR = [to_linear(i / 255) for i in range(256)]
SRGB_STEPS = 4096  # linear → sRGB by table
TO_SRGB = [round(255 * from_linear(i / (SRGB_STEPS - 1))) for i in range(SRGB_STEPS)]


def simulate(image: QImage, matrix: tuple[tuple[float, ...], ...]) -> QImage:
    """A copy of ``image`` as seen through ``matrix`` (RGB32, alpha dropped)."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    data = bytearray(image.constBits().tobytes())  # B, G, R, X per pixel
    cache: dict[bytes, bytes] = {}
    top = SRGB_STEPS - 1
    for i in range(0, len(data), 4):
        key = bytes(data[i:i + 3])
        seen = cache.get(key)
        if seen is None:
            b, g, r = (TO_LINEAR[v] for v in key)
            out = []
            for row in reversed(matrix):  # b, g, r order
                value = row[0] * r + row[1] * g + row[2] * b
                out.append(TO_SRGB[min(top, max(0, round(value * top)))])
            seen = cache[key] = bytes(out)
        data[i:i + 3] = seen
    result = QImage(bytes(data), image.width(), image.height(), image.bytesPerLine(),
                    QImage.Format.Format_RGB32)
    return result.copy()


def main(paths: list[str]) -> int:
    for path in paths:
        image = QImage(path)
        if image.isNull():
            print(f"{path}: not an image", file=sys.stderr)
            return 1
        for kind, matrix in MACHADO.items():
            started = time.process_time()
            out = path.removesuffix(".png") + f".{kind}.png"
            simulate(image, matrix).save(out)
            print(f"{out}  {time.process_time() - started:.2f} s CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
