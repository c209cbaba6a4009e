"""Window tests: isolated settings and data folders, dialogs that answer themselves."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.ui import settings
from app.ui.dialogs import DialogService
from tests.conftest import SAMPLE


class FakeDialogs(DialogService):
    """Records what the window asked and answers from ``answers``."""

    def __init__(self) -> None:
        super().__init__(None)
        self.calls: list[tuple[str, str, str]] = []
        self.open_answer: str | None = None
        self.notes_answer: str | None = None
        self.confirm_answer = False
        self.choice: str | None = None
        self.save_answer: str | None = None
        self.text_answer: str | None = None
        self.offered_first: list[str] = []  # each choose()'s ``current``
        self.close_answers: list[str] = []  # unsaved_notes()'s answers in turn, then "quit"

    def open_article_path(self, folder: str) -> str | None:
        self.calls.append(("open", folder, ""))
        return self.open_answer

    def open_notes_path(self, folder: str) -> str | None:
        self.calls.append(("open_notes", folder, ""))
        return self.notes_answer

    def save_path(self, title: str, suggested: str, name_filter: str) -> str | None:
        self.calls.append(("save", title, suggested))
        return self.save_answer or suggested

    def error(self, title: str, message: str) -> None:
        self.calls.append(("error", title, message))

    def info(self, title: str, message: str) -> None:
        self.calls.append(("info", title, message))

    def confirm(self, title: str, message: str, accept_text: str) -> bool:
        self.calls.append(("confirm", title, message))
        return self.confirm_answer

    def unsaved_notes(self, title: str, message: str) -> str:
        self.calls.append(("unsaved", title, message))
        return self.close_answers.pop(0) if self.close_answers else "quit"

    def choose(self, title: str, label: str, items: list[str], current: str = "") -> str | None:
        self.calls.append(("choose", title, "|".join(items)))
        self.offered_first.append(current)
        return self.choice if self.choice in items else None

    def ask_text(self, title: str, label: str, default: str) -> str | None:
        self.calls.append(("ask_text", title, default))
        return self.text_answer

    def kinds(self) -> list[str]:
        return [c[0] for c in self.calls]


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    settings.redirect(str(tmp_path / "settings"))
    monkeypatch.setenv("CLAIMMARK_DATA_DIR", str(tmp_path / "user-data"))
    yield


@pytest.fixture
def dialogs() -> FakeDialogs:
    return FakeDialogs()


@pytest.fixture
def sample_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    target = folder / SAMPLE.name
    shutil.copy(SAMPLE, target)
    return target


@pytest.fixture
def make_window(qtbot, dialogs: FakeDialogs) -> Callable[..., object]:
    from app.ui.application import create_application
    from app.ui.main_window import MainWindow

    create_application()
    windows = []

    def make(suggester=None):
        window = MainWindow(dialogs=dialogs, suggester=suggester)
        qtbot.addWidget(window)
        window.resize(1200, 800)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.documents.loader.wait()
        window.exports.wait()


def open_article(qtbot, window, path: Path | str) -> None:
    with qtbot.waitSignal(window.articleReady, timeout=15000):
        window.open_path(str(path))


def switch_theme(qtbot, window, name: str) -> None:
    """View ▸ Theme, as a reader picks it, then wait until the article view
    has the theme's colours: the application's palette reaches the widgets
    through the event loop (measured at once, a [dark] case saw the light
    page)."""
    window.actions[f"theme_{name}"].trigger()
    if name in ("light", "dark"):
        from PySide6.QtGui import QPalette

        qtbot.waitUntil(lambda: (window.view.palette().color(QPalette.ColorRole.Base)
                                 .lightness() < 128) == (name == "dark"), timeout=3000)
