"""The panes keep their proportions: after a restart on a smaller screen, and
when View ▸ Original Page comes and goes (tester T10: the article pane came
back squeezed; with the PDF's page beside it, 112 of 790 pixels)."""

from __future__ import annotations

import shutil
from pathlib import Path

from app.ui.main_window import MainWindow
from tests.conftest import SAMPLE
from tests.ui.conftest import open_article

PDF = Path(__file__).parents[1] / "fixtures" / "pdf" / "latex-two-column.pdf"


def shares(window: MainWindow) -> list[float]:
    sizes = window.splitter.sizes()
    return [size / sum(sizes) for size in sizes]


def article_to_notes(window: MainWindow) -> float:
    article, notes = window.splitter.sizes()[:2]
    return article / (article + notes)


def test_proportions_survive_a_restart_on_a_smaller_screen(qtbot, make_window, dialogs,
                                                           tmp_path: Path) -> None:
    pdf, text = tmp_path / "paper.pdf", tmp_path / SAMPLE.name
    shutil.copy(PDF, pdf)
    shutil.copy(SAMPLE, text)
    window = make_window()  # 1200 wide: wider than the offscreen screen (800)
    open_article(qtbot, window, pdf)
    window.actions["original_page"].setChecked(True)
    window.splitter.setSizes([600, 330, 270])
    before = shares(window)
    assert window.width() > 1000
    window.close()

    again = MainWindow(dialogs=dialogs)  # restoring clamps the window to the screen
    qtbot.addWidget(again)
    again.show()
    open_article(qtbot, again, text)
    assert again.width() < 820
    assert abs(article_to_notes(again) - 600 / 930) < 0.03
    open_article(qtbot, again, pdf)
    again.actions["original_page"].setChecked(True)
    qtbot.waitUntil(lambda: again.page_view.width() > 0)
    assert abs(article_to_notes(again) - 600 / 930) < 0.03
    assert abs(shares(again)[2] - before[2]) < 0.03
    again.documents.loader.wait()


def test_original_page_off_and_on_keeps_every_share(qtbot, make_window, tmp_path: Path) -> None:
    pdf = tmp_path / "paper.pdf"
    shutil.copy(PDF, pdf)
    window = make_window()
    open_article(qtbot, window, pdf)
    window.actions["original_page"].setChecked(True)
    window.splitter.setSizes([500, 400, 300])
    before = shares(window)
    window.actions["original_page"].setChecked(False)
    assert abs(article_to_notes(window) - 500 / 900) < 0.02
    window.actions["original_page"].setChecked(True)
    after = shares(window)
    assert all(abs(a - b) < 0.02 for a, b in zip(after, before, strict=True))


def test_a_first_window_fits_a_small_screen(qtbot, dialogs) -> None:
    """No saved geometry: 1280×820 did not fit the 1000-pixel screen of a
    small laptop or a virtual display, and the notes pane was cut off."""
    window = MainWindow(dialogs=dialogs)
    qtbot.addWidget(window)
    screen = window.screen().availableGeometry()  # offscreen: 800×600
    assert window.width() <= screen.width() and window.height() <= screen.height()
    assert window.width() >= 0.85 * screen.width()


def test_original_page_is_remembered_for_the_next_pdf(qtbot, make_window, dialogs,
                                                      tmp_path: Path) -> None:
    """Tester T11: View ▸ Original Page was off again after every restart."""
    pdf, text = tmp_path / "paper.pdf", tmp_path / SAMPLE.name
    shutil.copy(PDF, pdf)
    shutil.copy(SAMPLE, text)
    window = make_window()
    open_article(qtbot, window, pdf)
    window.actions["original_page"].setChecked(True)
    window.close()
    again = MainWindow(dialogs=dialogs)
    qtbot.addWidget(again)
    again.show()
    assert again.actions["original_page"].isChecked()
    assert not again.page_view.isVisible()  # no PDF open yet
    open_article(qtbot, again, text)
    assert not again.page_view.isVisible()  # a text article has no page
    open_article(qtbot, again, pdf)
    assert again.page_view.isVisible()
    again.documents.loader.wait()


def test_in_a_narrow_window_the_page_gives_way_to_the_article(qtbot, make_window,
                                                             tmp_path: Path) -> None:
    """Tester T11: Original Page on in a 920-pixel window left the article 368
    pixels ("supplementatio-n" broke over two lines). The page gives way first
    (article and notes keep their proportion), and its share is still the one
    remembered for a wider window."""
    from app.ui import pane_shares, settings

    pdf = tmp_path / "paper.pdf"
    shutil.copy(PDF, pdf)
    window = make_window()
    window.resize(920, 640)
    open_article(qtbot, window, pdf)
    window.actions["original_page"].setChecked(True)
    qtbot.waitUntil(lambda: window.page_view.width() > 0)
    article, notes, page = window.splitter.sizes()
    assert article >= 420, (article, notes, page)  # was 368
    assert page >= 170
    assert abs(article / (article + notes) - pane_shares.DEFAULT_ARTICLE) < 0.02
    window.actions["original_page"].setChecked(False)
    window.actions["original_page"].setChecked(True)
    assert window.splitter.sizes()[2] == page
    window.close()
    _article, share = pane_shares.decode(settings.get(settings.PANES))
    assert abs(share - pane_shares.DEFAULT_PAGE) < 0.01  # not the narrow window's


def test_a_window_made_narrower_gives_the_article_its_room_again(qtbot, make_window,
                                                                 tmp_path: Path) -> None:
    pdf = tmp_path / "paper.pdf"
    shutil.copy(PDF, pdf)
    window = make_window()  # 1200 wide
    open_article(qtbot, window, pdf)
    window.actions["original_page"].setChecked(True)
    qtbot.waitUntil(lambda: window.page_view.width() > 0)
    window.resize(920, 640)
    qtbot.waitUntil(lambda: window.splitter.sizes()[0] >= 420, timeout=2000)
    # A handle the reader dragged stays where it was put.
    window.splitter.moveSplitter(300, 1)
    window.splitter.splitterMoved.emit(300, 1)
    dragged = window.splitter.sizes()
    window.resize(900, 640)
    qtbot.wait(50)
    assert window.splitter.sizes()[0] < 320, (dragged, window.splitter.sizes())
