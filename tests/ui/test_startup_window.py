"""Start-up: the window shows what a prefetching child read exactly as what it
reads itself, and first paint imports nothing it does not need."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.core.prefetch import prefetch_article
from app.ui.claim_model import SUGGESTION_ROLE
from app.ui.suggest_bridge import default_suggester
from tests.conftest import ROOT
from tests.ui.conftest import open_article

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="the prefetch child is forked on Linux only")


def shown(window) -> list[tuple[str, object]]:
    """Each row of the claim list as the reader sees it, with its suggestion."""
    model = window.model
    return [(model.data(model.index(row)), model.data(model.index(row), SUGGESTION_ROLE))
            for row in range(len(model.rows))]


@linux_only
def test_a_prefetched_article_looks_the_same(qtbot, make_window, sample_copy: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    plain = make_window(default_suggester())
    open_article(qtbot, plain, sample_copy)

    def not_here(*_args: object) -> None:
        raise AssertionError("the claims were to come from the prefetching child")

    monkeypatch.setattr("app.ui.loader.find_claims", not_here)
    fetched = make_window(default_suggester())
    prefetch = prefetch_article(str(sample_copy))
    assert prefetch is not None
    fetched.documents.loader.prefetched = prefetch
    open_article(qtbot, fetched, sample_copy)
    assert fetched.documents.loader.prefetched is None
    assert shown(fetched) == shown(plain)
    assert sum(1 for _, s in shown(fetched) if s is not None) >= 10
    assert fetched.view.toPlainText() == plain.view.toPlainText()
    assert fetched.windowTitle() == plain.windowTitle()


@linux_only
def test_a_prefetch_of_another_file_is_dropped(qtbot, make_window, sample_copy: Path,
                                              tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("Another article. It may say something else.", encoding="utf-8")
    window = make_window(default_suggester())
    prefetch = prefetch_article(str(other))
    assert prefetch is not None
    window.documents.loader.prefetched = prefetch
    open_article(qtbot, window, sample_copy)
    assert window.windowTitle().startswith("Magnesium")
    assert prefetch.article() is None  # closed, its child stopped


# Modules the first paint of an article does not need: the library, export,
# the readers and the segmenter (a prefetching child or the worker loads them),
# the suggester.
NOT_AT_START = ("app.core.loaders", "app.core.segment", "app.core.roles", "app.core.sanitize",
                "nh3", "app.core.html_blocks", "app.core.library", "app.core.library_db",
                "sqlite3", "app.core.export",
                "app.core.load_pdf", "pypdfium2", "app.core.load_epub", "app.core.load_html",
                "trafilatura", "lxml", "markdown", "nupunkt", "app.core.suggest",
                "app.ui.library_window", "app.ui.pdf_export", "logging.handlers", "uuid")


def test_the_window_imports_only_what_first_paint_needs(tmp_path: Path) -> None:
    code = ("import json, sys; import app.ui.application, app.ui.main_window; "
            "print(json.dumps(sorted(sys.modules))); "
            "print(app.ui.application.create_application().style().name())")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
           "QT_STYLE_OVERRIDE": "windows"}  # claimmark asks for Fusion all the same
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=env, cwd=tmp_path, check=True, timeout=120)
    modules, style = result.stdout.splitlines()[-2:]
    assert not [name for name in NOT_AT_START if name in json.loads(modules)]
    assert style.lower() == "fusion"


def test_a_window_opening_a_file_never_builds_the_start_page(qtbot, dialogs,
                                                             sample_copy: Path) -> None:
    """``claimmark FILE`` opens before the window is shown; the start page
    (~10 ms to build) is made only when it is shown."""
    from PySide6.QtWidgets import QWidget

    from app.ui.main_window import MainWindow

    window = MainWindow(dialogs=dialogs, suggester=default_suggester())
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.articleReady, timeout=15000):
        window.open_path(str(sample_copy))
        window.show()
    assert window.stack.currentWidget() is window.splitter
    assert window.findChild(QWidget, "startPage") is None
    window.show_start_page()  # built on demand, with the recent files
    assert window.stack.currentWidget() is window.findChild(QWidget, "startPage")
    assert window.start_page.recent_heading.isVisibleTo(window.start_page)
    window.documents.loader.wait()


def test_a_window_with_nothing_open_shows_the_start_page(make_window) -> None:
    window = make_window()
    assert window.stack.currentWidget() is window.start_page
    assert window.start_page.isVisible()


def test_settings_reach_the_file_when_flushed_or_redirected(qtbot, tmp_path: Path) -> None:
    """One QSettings is kept (writing a file per change slowed the first paint):
    what is put is read back at once, and is in the file after a flush, a
    redirect elsewhere or the application quitting."""
    from app.ui import settings

    def on_disk(folder: Path) -> str:
        return "".join(f.read_text(encoding="utf-8") for f in folder.rglob("*.conf"))

    first, second = tmp_path / "first", tmp_path / "second"
    settings.redirect(str(first))
    settings.put(settings.LAST_FOLDER, "/articles/one")
    assert settings.get(settings.LAST_FOLDER) == "/articles/one"
    settings.redirect(str(second))  # flushes what was pending for the first folder
    assert settings.get(settings.LAST_FOLDER) == ""
    assert "/articles/one" in on_disk(first)
    settings.put(settings.LAST_FOLDER, "/articles/two")
    settings.flush()
    assert "/articles/two" in on_disk(second)
    settings.redirect(str(tmp_path / "third"))


def test_claimmark_home_moves_the_window_settings_too(tmp_path: Path) -> None:
    """Tester T10: CLAIMMARK_HOME moved every folder but the window's settings
    (recent files, theme), which went to ~/.config/claimmark."""
    probe = ("from PySide6.QtCore import QCoreApplication\n"
             "app = QCoreApplication([])\n"
             "from app.ui import settings\n"
             "settings.put(settings.LAST_FOLDER, '/articles/home-test')\n"
             "settings.flush()\n")
    env = {**os.environ, "CLAIMMARK_HOME": str(tmp_path / "home"), "PYTHONPATH": str(ROOT),
           "HOME": str(tmp_path / "user"), "XDG_CONFIG_HOME": str(tmp_path / "user-config")}
    subprocess.run([sys.executable, "-c", probe], env=env, check=True, cwd=tmp_path, timeout=60)
    written = "".join(f.read_text(encoding="utf-8") for f in tmp_path.rglob("*.conf"))
    assert "/articles/home-test" in written
    assert all(str(f).startswith(str(tmp_path / "home" / "config"))
               for f in tmp_path.rglob("*.conf"))


def test_the_selected_row_is_painted_selected_and_the_style_is_fusion(
        qtbot, make_window, sample_copy: Path) -> None:
    """The delegate asks the view what is selected (reading option.state would
    create QStyle's enums at start-up); the style comes from "-style fusion"."""
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    assert QApplication.style().name().lower() == "fusion"
    window = make_window(default_suggester())
    open_article(qtbot, window, sample_copy)
    window.navigator.select_row(2)
    qtbot.wait(50)
    highlight = window.list.palette().color(QPalette.ColorGroup.Active,
                                            QPalette.ColorRole.Highlight)
    image = window.list.viewport().grab().toImage()

    def colour_at(row: int) -> str:
        rect = window.list.visualRect(window.proxy.index(row, 0))
        return image.pixelColor(rect.right() - 4, rect.bottom() - 3).name()

    assert colour_at(2) == highlight.name()
    assert colour_at(1) != highlight.name() and colour_at(3) != highlight.name()
