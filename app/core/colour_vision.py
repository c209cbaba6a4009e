"""How far apart two colours look, with normal and with colour-blind vision.

The label highlights must tell apart at a glance for every reader, so their
distance is measured, not judged by eye: CIEDE2000 (ΔE00, Sharma, Wu &
Dalal 2005) between CIELAB colours, after simulating protanopia,
deuteranopia or tritanopia with the Machado, Oliveira & Fernandes (2009)
matrices (severity 1, applied to linear RGB). A highlight is what the view
paints: the label's colour blended over the page at the tint's alpha, in
gamma-encoded sRGB as Qt's raster engine blends. Text over a highlight is
checked with the WCAG 2.x contrast ratio. Pure Python, no Qt: the window's
test feeds it the colours it really paints.
"""

from __future__ import annotations

import math
from itertools import combinations

RGB = tuple[float, float, float]  # sRGB, each 0..1
Lab = tuple[float, float, float]
Matrix = tuple[RGB, RGB, RGB]

MACHADO: dict[str, Matrix] = {
    "protanopia": ((0.152286, 1.052583, -0.204868),
                   (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968),
                     (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779),
                   (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}
VISIONS = ("normal", *MACHADO)
_TO_XYZ: Matrix = ((0.4124564, 0.3575761, 0.1804375),
                   (0.2126729, 0.7151522, 0.0721750),
                   (0.0193339, 0.1191920, 0.9503041))
_WHITE_D65 = (0.95047, 1.0, 1.08883)


def from_hex(color: str) -> RGB:
    """``#rrggbb`` as sRGB in 0..1."""
    digits = color.removeprefix("#")
    if len(digits) != 6:
        raise ValueError(f"not a #rrggbb colour: {color!r}")
    return (int(digits[0:2], 16) / 255, int(digits[2:4], 16) / 255, int(digits[4:6], 16) / 255)


def to_hex(color: RGB) -> str:
    return "#" + "".join(f"{round(255 * min(1.0, max(0.0, c))):02x}" for c in color)


def to_linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def from_linear(channel: float) -> float:
    channel = min(1.0, max(0.0, channel))
    return channel * 12.92 if channel <= 0.0031308 else 1.055 * channel ** (1 / 2.4) - 0.055


def blend(color: RGB, alpha: float, page: RGB) -> RGB:
    """``color`` at ``alpha`` (0..1) over ``page``, as the view paints a tint."""
    return (alpha * color[0] + (1 - alpha) * page[0], alpha * color[1] + (1 - alpha) * page[1],
            alpha * color[2] + (1 - alpha) * page[2])


def _apply(matrix: Matrix, v: RGB) -> RGB:
    return (matrix[0][0] * v[0] + matrix[0][1] * v[1] + matrix[0][2] * v[2],
            matrix[1][0] * v[0] + matrix[1][1] * v[1] + matrix[1][2] * v[2],
            matrix[2][0] * v[0] + matrix[2][1] * v[1] + matrix[2][2] * v[2])


def simulate(color: RGB, vision: str) -> RGB:
    """``color`` as a reader with ``vision`` (one of VISIONS) sees it."""
    if vision == "normal":
        return color
    linear = _apply(MACHADO[vision], (to_linear(color[0]), to_linear(color[1]),
                                      to_linear(color[2])))
    return (from_linear(linear[0]), from_linear(linear[1]), from_linear(linear[2]))


def to_lab(color: RGB) -> Lab:
    """CIELAB (D65 white) of an sRGB colour."""
    x, y, z = _apply(_TO_XYZ, (to_linear(color[0]), to_linear(color[1]), to_linear(color[2])))

    def f(t: float) -> float:
        return math.cbrt(t) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    fx, fy, fz = f(x / _WHITE_D65[0]), f(y / _WHITE_D65[1]), f(z / _WHITE_D65[2])
    return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))


def delta_e_2000(lab1: Lab, lab2: Lab) -> float:
    """CIEDE2000 colour difference (kL = kC = kH = 1), after Sharma et al. 2005."""
    l1, a1, b1 = lab1
    l2, a2, b2 = lab2
    c_mean = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_mean ** 7 / (c_mean ** 7 + 25 ** 7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360 if c1p else 0.0
    h2p = math.degrees(math.atan2(b2, a2p)) % 360 if c2p else 0.0
    dl, dc = l2 - l1, c2p - c1p
    dh = 0.0
    if c1p * c2p:
        dh = h2p - h1p
        if dh > 180:
            dh -= 360
        elif dh < -180:
            dh += 360
    big_dh = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh) / 2)
    l_mean, c_mean_p = (l1 + l2) / 2, (c1p + c2p) / 2
    h_mean = h1p + h2p
    if c1p * c2p:
        if abs(h1p - h2p) <= 180:
            h_mean /= 2
        else:
            h_mean = (h_mean + 360) / 2 if h_mean < 360 else (h_mean - 360) / 2
    t = (1 - 0.17 * math.cos(math.radians(h_mean - 30)) + 0.24 * math.cos(math.radians(2 * h_mean))
         + 0.32 * math.cos(math.radians(3 * h_mean + 6))
         - 0.20 * math.cos(math.radians(4 * h_mean - 63)))
    s_l = 1 + 0.015 * (l_mean - 50) ** 2 / math.sqrt(20 + (l_mean - 50) ** 2)
    s_c = 1 + 0.045 * c_mean_p
    s_h = 1 + 0.015 * c_mean_p * t
    r_c = 2 * math.sqrt(c_mean_p ** 7 / (c_mean_p ** 7 + 25 ** 7))
    r_t = -math.sin(math.radians(2 * 30 * math.exp(-(((h_mean - 275) / 25) ** 2)))) * r_c
    return math.sqrt((dl / s_l) ** 2 + (dc / s_c) ** 2 + (big_dh / s_h) ** 2
                     + r_t * (dc / s_c) * (big_dh / s_h))


def seen_distance(color1: RGB, color2: RGB, vision: str) -> float:
    """ΔE00 between two sRGB colours as a reader with ``vision`` sees them."""
    return delta_e_2000(to_lab(simulate(color1, vision)), to_lab(simulate(color2, vision)))


def pair_distances(colors: dict[str, RGB]) -> dict[tuple[str, str, str], float]:
    """ΔE00 of every pair of named colours under every vision:
    ``(name, name, vision) → distance``."""
    return {(a, b, vision): seen_distance(colors[a], colors[b], vision)
            for a, b in combinations(colors, 2) for vision in VISIONS}


def relative_luminance(color: RGB) -> float:
    """WCAG 2.x relative luminance."""
    return (0.2126 * to_linear(color[0]) + 0.7152 * to_linear(color[1])
            + 0.0722 * to_linear(color[2]))


def contrast_ratio(color1: RGB, color2: RGB) -> float:
    """WCAG 2.x contrast ratio, 1..21 (body text asks for 4.5)."""
    hi, lo = sorted((relative_luminance(color1), relative_luminance(color2)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def readable_on(color: RGB, background: RGB, minimum: float = 4.5) -> RGB:
    """``color``, or the least change of it towards black or white (whichever
    the background is further from) that reaches ``minimum`` contrast on
    ``background``: a link keeps its hue on a tint where its own colour
    would not read. Any background reaches 4.58:1 with black or white."""
    if contrast_ratio(color, background) >= minimum:
        return color
    towards = (0.0, 0.0, 0.0) if contrast_ratio((0.0, 0.0, 0.0), background) >= \
        contrast_ratio((1.0, 1.0, 1.0), background) else (1.0, 1.0, 1.0)
    for step in range(1, 101):
        mixed = blend(towards, step / 100, color)
        if contrast_ratio(mixed, background) >= minimum:
            return mixed
    return towards
