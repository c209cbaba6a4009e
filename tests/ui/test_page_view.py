"""The window with a PDF: the page number beside the claim, View ▸ Original Page."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt

from tests.pdf_factory import make_plain_pages
from tests.ui.conftest import open_article


def four_pages(tmp_path: Path) -> Path:
    pages = [[f"The first claim on page {n} is here. The second claim on page {n} follows "
              "it and runs on long enough to wrap onto a second line of the page."]
             for n in range(1, 5)]
    return make_plain_pages(tmp_path / "four.pdf", pages)


def test_the_current_claim_shows_its_page(qtbot, make_window, tmp_path: Path) -> None:
    window = make_window()
    open_article(qtbot, window, four_pages(tmp_path))
    assert window.editor.heading.text() == "Claim 1 of 8 · p. 1"
    for _ in range(5):
        qtbot.keyClick(window.view, Qt.Key.Key_J)
    assert window.editor.heading.text() == "Claim 6 of 8 · p. 3"


def test_original_page_shows_the_page_with_the_claim_highlighted(qtbot, make_window,
                                                                 tmp_path: Path) -> None:
    window = make_window()
    open_article(qtbot, window, four_pages(tmp_path))
    page_view = window.page_view
    assert not page_view.isVisible()
    window.actions["original_page"].trigger()
    assert page_view.isVisible()
    assert page_view.page == 1 and len(page_view.canvas.boxes) == 1
    for _ in range(3):
        qtbot.keyClick(window.view, Qt.Key.Key_J)
    assert page_view.page == 2
    # The second claim wraps: one box per line, on the page's lower half of the text.
    assert len(page_view.canvas.boxes) == 2
    assert page_view.caption.text() == "Page 2 of 4"
    assert page_view.canvas.image is not None and page_view.canvas.image.width() > 200
    if os.environ.get("CLAIMMARK_SCREENSHOTS"):
        window.grab().save(os.environ["CLAIMMARK_SCREENSHOTS"])
    window.actions["original_page"].trigger()
    assert not page_view.isVisible()


def test_original_page_of_a_text_article_says_there_is_none(qtbot, make_window,
                                                           sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    window.actions["original_page"].trigger()
    assert window.page_view.caption.text() == "Only PDFs have original pages."
    assert window.page_view.page is None


def test_a_long_pdf_shows_its_first_page_then_the_rest(qtbot, make_window,
                                                        tmp_path: Path) -> None:
    from tests import pdf_samples
    from tests.pdf_factory import make_paper

    path = make_paper(tmp_path / "long.pdf", pdf_samples.long_paper(12))
    window = make_window()
    loaded: list[object] = []
    window.documents.loader.articleLoaded.connect(lambda _g, article: loaded.append(article))
    open_article(qtbot, window, path)
    first, whole = loaded
    assert first.text and whole.text.startswith(first.text[:200])
    assert len(whole.text) > 5 * len(first.text)
    assert window.view.toPlainText() == whole.text
    assert window.editor.heading.text().endswith("· p. 1")


def test_original_page_goes_away_for_a_text_article_and_comes_back_for_a_pdf(
        qtbot, make_window, tmp_path: Path, sample_copy: Path) -> None:
    """Tester T10: opened with View ▸ Original Page on, a text article kept a
    third of the window for "Only PDFs have original pages."."""
    window = make_window()
    pdf = four_pages(tmp_path)
    open_article(qtbot, window, pdf)
    window.actions["original_page"].trigger()
    assert window.page_view.isVisible()
    open_article(qtbot, window, sample_copy)
    assert not window.page_view.isVisible()
    assert window.actions["original_page"].isChecked()  # the reader's choice stays
    open_article(qtbot, window, pdf)
    assert window.page_view.isVisible()


def test_a_claim_running_onto_the_next_page_is_shown_on_its_first(
        qtbot, make_window, tmp_path: Path) -> None:
    """Tester T10: a sentence crossing a page break said "the claim was not found"."""
    pages = [["The first page opens with a plain sentence. This long sentence starts near "
              "the bottom of the first page and keeps going"],
             ["until it ends on the second page. A last sentence closes it."]]
    window = make_window()
    open_article(qtbot, window, make_plain_pages(tmp_path / "across.pdf", pages))
    claims = [window.session.article.text[c.start:c.end] for c in window.session.claims]
    crossing = next(i for i, c in enumerate(claims) if c.startswith("This long sentence"))
    assert claims[crossing].endswith("on the second page.")
    window.actions["original_page"].trigger()
    for _ in range(crossing):
        qtbot.keyClick(window.view, Qt.Key.Key_J)
    assert window.page_view.page == 1
    assert window.page_view.canvas.boxes
    assert window.page_view.caption.text() == "Page 1 of 2; the claim goes on on page 2"
