"""A missing (or refused) image's alt text is shown: "[image: alt]" in the
article view's placeholder, and in the HTML and PDF exports."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from app.core.article import image_alt
from app.core.export import build_export_model
from app.core.export.html_export import to_html
from app.core.loaders import load_article
from app.core.pdf_lines import iter_pages, open_pdf
from app.ui.image_placeholder import (
    PLACEHOLDER_CARD,
    PLACEHOLDER_CARD_DARK,
    PLACEHOLDER_INK,
    PLACEHOLDER_INK_DARK,
    placeholder_image,
)
from app.ui.pdf_export import write_pdf
from tests.ui.conftest import open_article

ALT = "Bar chart: serum magnesium <0.7 mmol/L in 12% of patients"
PAGE = f"""<!doctype html><html><head><title>Magnesium</title></head><body><article>
<h1>Magnesium in hospital</h1>
<p>Low magnesium is common in people admitted to hospital. It often goes unmeasured.</p>
<p><img src="figures/missing-chart.png" alt="{ALT.replace('<', '&lt;')}"></p>
<p><img src="https://tracker.example/pixel.gif"></p>
<p>Doctors rarely check it unless symptoms appear.</p>
</article></body></html>"""


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "magnesium.html"
    path.write_text(PAGE, encoding="utf-8")
    return path


def test_the_alt_text_is_kept_out_of_the_text_and_the_claims(page: Path) -> None:
    article = load_article(page)
    images = [b for b in article.blocks if b.kind == "image"]
    assert [image_alt(b) for b in images] == [ALT, ""]
    assert "Bar chart" not in article.text  # an image block is one U+FFFC


def test_exports_say_image_and_its_alt_text(qapp: object, page: Path, tmp_path: Path) -> None:
    article = load_article(page)
    html_text = to_html(build_export_model(article, [], 3))
    assert "[image: Bar chart: serum magnesium &lt;0.7 mmol/L in 12% of patients]" in html_text
    assert html_text.count("[image]") == 1  # the one without alt text
    out = tmp_path / "notes.pdf"
    write_pdf(html_text, out, title="t")
    lines = [line.text for p in iter_pages(open_pdf(out.read_bytes(), out.name))
             for line in p.lines]
    assert "".join(lines).replace(" ", "").count("[image:Barchart:serummagnesium<0.7") == 1


def _card(image: QImage, dark: bool = False) -> tuple[int, int]:
    """Pixels of the placeholder card's colour, and of its ink inside the card."""
    card_colour = PLACEHOLDER_CARD_DARK if dark else PLACEHOLDER_CARD
    ink_colour = PLACEHOLDER_INK_DARK if dark else PLACEHOLDER_INK
    card = ink = 0
    box = []
    for y in range(0, image.height(), 1):
        for x in range(0, image.width(), 2):
            color = QColor(image.pixel(x, y))
            if color == card_colour:
                card += 1
                box.append((x, y))
    if not box:
        return 0, 0
    xs, ys = [p[0] for p in box], [p[1] for p in box]
    for y in range(min(ys), max(ys) + 1):
        for x in range(min(xs), max(xs) + 1, 2):
            color = QColor(image.pixel(x, y))
            if max(abs(color.red() - ink_colour.red()), abs(color.green()
                   - ink_colour.green())) < 60:
                ink += 1
    return card, ink


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_view_shows_the_alt_text_where_the_image_is_missing(qtbot, make_window, page: Path,
                                                                 theme: str) -> None:
    window = make_window()
    window.actions[f"theme_{theme}"].trigger()
    open_article(qtbot, window, page)
    window.view.viewport().repaint()
    image = window.view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    # A card in the page's own lightness: a light card glared on the dark page (T7).
    card, ink = _card(image, dark=theme == "dark")
    assert card > 2000  # a card wide enough for the text, not the bare 160 × 90 box
    assert ink > 100  # and the words on it
    assert window.session.article.text.count("\ufffc") == 2


def test_a_theme_switch_redraws_the_card(qtbot, make_window, page: Path) -> None:
    window = make_window()
    window.actions["theme_light"].trigger()
    open_article(qtbot, window, page)
    for theme in ("dark", "light", "dark"):
        window.actions[f"theme_{theme}"].trigger()
        qtbot.wait(20)
        window.view.viewport().repaint()
        image = window.view.viewport().grab().toImage().convertToFormat(
            QImage.Format.Format_RGB32)
        card, ink = _card(image, dark=theme == "dark")
        assert card > 2000 and ink > 100, theme
        assert _card(image, dark=theme != "dark")[0] == 0, theme  # not the other theme's


@pytest.mark.parametrize("dark", [False, True])
def test_an_image_without_alt_text_is_a_card_saying_image(qapp: object, dark: bool) -> None:
    """Tester T10: without alt text the view showed a bare grey box that said
    nothing; it is the same card, saying "[image]" as the exports do."""
    image = placeholder_image("", dark).convertToFormat(QImage.Format.Format_RGB32)
    card, ink = _card(image, dark)
    assert card > 500 and ink > 20
