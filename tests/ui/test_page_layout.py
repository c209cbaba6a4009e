"""How a documentation page is laid out: mdBook headings read as headings,
and a long code line wraps in the column instead of pushing the whole page
sideways (tester T7 on the Rust book)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage, QPalette

from tests.ui.conftest import open_article

LONG_LINE = ("   Compiling no_type_annotations v0.1.0 "
             "(file:///projects/no_type_annotations/with/a/very/long/path/that/goes/on)")
PAGE = f"""<!doctype html><html><head><title>Data Types - The Rust Programming Language</title>
</head><body><main>
<h1 id="data-types"><a class="header" href="#data-types">Data Types</a></h1>
<p>Every value in Rust is of a certain data type. See <a href="ch02-00.html">Chapter 2</a>.</p>
<pre><code>$ cargo build
{LONG_LINE}
error[E0284]: type annotations needed</code></pre>
<h2 id="scalar-types"><a class="header" href="#scalar-types">Scalar Types</a></h2>
<p>A scalar type represents a single value. Rust has four primary scalar types.</p>
</main></body></html>"""


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "ch03-02-data-types.html"
    path.write_text(PAGE, encoding="utf-8")
    return path


def grab(window: object) -> QImage:
    view = window.view  # type: ignore[attr-defined]
    view.viewport().repaint()
    return view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def pixels_in(image: QImage, rects: list) -> set[str]:
    return {QColor(image.pixel(x, y)).name() for rect in rects
            for y in range(max(0, int(rect.top())), min(image.height(), int(rect.bottom())))
            for x in range(max(0, int(rect.left())), min(image.width(), int(rect.right())))}


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_an_mdbook_heading_is_drawn_as_a_heading_not_a_link(qtbot, make_window, page: Path,
                                                             theme: str) -> None:
    window = make_window()
    window.actions[f"theme_{theme}"].trigger()
    open_article(qtbot, window, page)
    view = window.view
    text = window.session.article.text
    link = view.palette().color(QPalette.ColorRole.Link).name()
    ink = view.palette().color(QPalette.ColorRole.Text).name()
    image = grab(window)
    for heading in ("Data Types", "Scalar Types"):
        start = text.index(heading)
        shown = pixels_in(image, view.span_rects(start, start + len(heading)))
        assert link not in shown, heading  # no blue
        assert ink in shown, heading  # drawn in the text's colour
        cursor = view.cursor_for(start, start + 1)
        cursor.setPosition(cursor.selectionEnd())
        assert not cursor.charFormat().anchorHref()  # (it may still be a named target)
        assert not cursor.charFormat().fontUnderline()
    # A real link in the text is still a link, in the link colour.
    start = text.index("Chapter 2")
    assert link in pixels_in(image, view.span_rects(start, start + len("Chapter 2")))


@pytest.mark.parametrize("width", [1200, 800])
def test_a_long_code_line_wraps_in_the_column_with_no_sideways_scrolling(
        qtbot, make_window, page: Path, width: int) -> None:
    window = make_window()
    window.resize(width, 700)
    open_article(qtbot, window, page)
    qtbot.wait(50)
    view = window.view
    bar = view.horizontalScrollBar()
    assert bar.maximum() == 0 and not bar.isVisible()
    text = window.session.article.text
    start = text.index("Compiling")
    rects = view.span_rects(start, start + len(LONG_LINE.strip()))
    assert len(rects) >= 2  # wrapped, every word on screen
    right = view.viewport().width()
    assert all(rect.right() <= right for rect in rects)
    # The continuation hangs deeper than the line it continues, and deeper
    # than the next line of code starts: a wrapped line is not a new line.
    next_line = view.span_rects(text.index("error[E0284]"), text.index("error[E0284]") + 5)[0]
    assert rects[1].left() > rects[0].left()
    assert rects[1].left() > next_line.left()


def image_rects(view) -> list:
    """Where the view draws each image (an object replacement character)."""
    text = view.document().toPlainText()
    return [view.span_rects(i, i + 1)[0] for i, c in enumerate(text) if c == "\ufffc"]


def test_wide_images_and_cards_fit_the_column_as_it_changes(qtbot, make_window,
                                                            tmp_path: Path) -> None:
    from PySide6.QtGui import QColor as Colour
    from PySide6.QtGui import QImage as Image

    picture = Image(640, 200, Image.Format.Format_RGB32)
    picture.fill(Colour("#336699"))
    (tmp_path / "figures").mkdir()
    picture.save(str(tmp_path / "figures" / "diagram.png"))
    alt = "Two tables: the first holds the pointer, length and capacity of s1 " * 2
    path = tmp_path / "ownership.html"
    path.write_text(f"""<!doctype html><html><body><main><h1>Ownership</h1>
<p>The string is stored in two parts. One part sits on the stack.</p>
<p><img src="figures/diagram.png" alt="A diagram"></p>
<p><img src="figures/missing.svg" alt="{alt}"></p>
<p>The other part sits on the heap.</p></main></body></html>""", encoding="utf-8")
    window = make_window()
    window.resize(800, 700)
    open_article(qtbot, window, path)
    qtbot.wait(50)
    view = window.view

    def widths() -> list[float]:
        window.view.viewport().repaint()
        qtbot.wait(20)
        return [rect.width() for rect in image_rects(view)]

    narrow = widths()
    assert len(narrow) == 2
    assert all(width <= view.viewport().width() - 2 * 28 for width in narrow), narrow
    assert view.document().size().width() <= view.viewport().width() + 1
    assert not view.horizontalScrollBar().isVisible()
    window.resize(1500, 700)
    qtbot.wait(50)
    wide = widths()
    assert wide[0] == 640  # back to its own size where there is room
    assert wide[1] > narrow[1]
