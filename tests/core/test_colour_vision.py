"""Colour distance and colour-blindness simulation (app/core/colour_vision.py)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.colour_vision import (
    MACHADO,
    VISIONS,
    blend,
    contrast_ratio,
    delta_e_2000,
    from_hex,
    pair_distances,
    readable_on,
    seen_distance,
    simulate,
    to_hex,
    to_lab,
)

# Sharma, Wu & Dalal (2005), "The CIEDE2000 color-difference formula",
# Table 1: pairs that exercise the hue and mean-hue special cases; the last
# four cross-checked with the coloraide library.
SHARMA = [
    ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
    ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
    ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
    ((50.0, 2.5, 0.0), (61.0, -5.0, 29.0), 22.8977),
    ((50.0, 2.5, 0.0), (56.0, -27.0, -3.0), 31.9030),
    ((50.0, 2.5, 0.0), (58.0, 24.0, 15.0), 19.4535),
    ((50.0, 2.5, 0.0), (50.0, 3.1736, 0.5854), 1.0000),
    ((50.0, -0.001, 2.49), (50.0, 0.0009, -2.49), 4.8045),
    ((50.0, -0.001, 2.49), (50.0, 0.0011, -2.49), 4.7461),
    ((50.0, 2.49, -0.001), (50.0, -2.49, 0.0009), 7.1792),
    ((50.0, 2.49, -0.001), (50.0, -2.49, 0.0011), 7.2195),
]

channel = st.floats(0, 1)
colours = st.tuples(channel, channel, channel)
labs = st.tuples(st.floats(0, 100), st.floats(-100, 100), st.floats(-100, 100))


@pytest.mark.parametrize(("lab1", "lab2", "expected"), SHARMA)
def test_ciede2000_matches_the_published_pairs(lab1, lab2, expected) -> None:
    assert delta_e_2000(lab1, lab2) == pytest.approx(expected, abs=1e-4)
    assert delta_e_2000(lab2, lab1) == pytest.approx(expected, abs=1e-4)


@given(labs, labs)
def test_ciede2000_is_a_symmetric_nonnegative_difference(lab1, lab2) -> None:
    d = delta_e_2000(lab1, lab2)
    assert d >= 0 and math.isfinite(d)
    assert d == pytest.approx(delta_e_2000(lab2, lab1), abs=1e-9)
    assert delta_e_2000(lab1, lab1) == 0


def test_lab_of_known_colours() -> None:
    assert to_lab((1.0, 1.0, 1.0)) == pytest.approx((100, 0, 0), abs=0.01)
    assert to_lab((0.0, 0.0, 0.0)) == pytest.approx((0, 0, 0), abs=0.01)
    # Okabe–Ito vermillion, as coloraide and colour-science give it.
    assert to_lab(from_hex("#D55E00")) == pytest.approx((54.19, 43.27, 63.28), abs=0.02)


@given(channel, st.sampled_from(VISIONS))
def test_a_grey_looks_grey_to_every_vision(grey, vision) -> None:
    """Machado's rows sum to one: dichromats see neutral greys unchanged."""
    seen = simulate((grey, grey, grey), vision)
    assert seen == pytest.approx((grey, grey, grey), abs=1e-4)


def test_red_and_green_collapse_for_red_green_dichromats_only() -> None:
    red, green = from_hex("#D55E00"), from_hex("#5E8A00")  # vermillion, an olive green
    assert seen_distance(red, green, "normal") > 30
    for vision in ("protanopia", "deuteranopia"):
        assert seen_distance(red, green, vision) < seen_distance(red, green, "normal") / 2
    assert set(MACHADO) == {"protanopia", "deuteranopia", "tritanopia"}


@given(colours, colours, st.floats(0, 1))
def test_blend_lies_between_page_and_colour(colour, page, alpha) -> None:
    mixed = blend(colour, alpha, page)
    for c, p, m in zip(colour, page, mixed, strict=True):
        assert min(c, p) - 1e-9 <= m <= max(c, p) + 1e-9
    assert blend(colour, 0.0, page) == page
    assert blend(colour, 1.0, page) == pytest.approx(colour)


@given(colours, colours)
def test_contrast_ratio_is_symmetric_and_bounded(a, b) -> None:
    ratio = contrast_ratio(a, b)
    assert 1 <= ratio <= 21 + 1e-9
    assert ratio == pytest.approx(contrast_ratio(b, a))
    assert contrast_ratio((0, 0, 0), (1, 1, 1)) == pytest.approx(21)


def test_hex_round_trips_and_bad_hex_is_refused() -> None:
    assert to_hex(from_hex("#0a1b2c")) == "#0a1b2c"
    with pytest.raises(ValueError):
        from_hex("#abc")


def test_pair_distances_cover_every_pair_and_vision() -> None:
    names = {"a": (1.0, 0.0, 0.0), "b": (0.0, 1.0, 0.0), "c": (0.0, 0.0, 1.0)}
    distances = pair_distances(names)
    assert len(distances) == 3 * len(VISIONS)
    assert all(value > 0 for value in distances.values())


@given(colours, colours, st.sampled_from([3.0, 4.5]))
def test_readable_on_reaches_the_contrast_and_changes_nothing_needlessly(colour, background,
                                                                       minimum) -> None:
    readable = readable_on(colour, background, minimum)
    assert contrast_ratio(readable, background) >= minimum
    if contrast_ratio(colour, background) >= minimum:
        assert readable == colour


def test_a_link_on_a_dark_olive_tint_gets_lighter_and_stays_blue() -> None:
    link, tint = from_hex("#8ab4f8"), from_hex("#68652a")
    assert contrast_ratio(link, tint) < 3
    readable = readable_on(link, tint)
    assert contrast_ratio(readable, tint) >= 4.5
    assert readable[2] > readable[0]  # still bluish
