"""The log: where it is (``claimmark --log-path``), that it rotates, and that an
exception caught at a boundary lands in it with its traceback."""

from __future__ import annotations

import logging
import subprocess
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest

from app.core import logs
from tests.conftest import ROOT


@pytest.fixture
def state_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CLAIMMARK_STATE_DIR", str(tmp_path / "state"))
    root = logging.getLogger("app")
    saved = root.handlers[:]
    root.handlers = [h for h in saved if not getattr(h, "claimmark", False)]
    yield tmp_path / "state"
    for handler in root.handlers:
        if getattr(handler, "claimmark", False):
            handler.close()
    root.handlers = saved


@pytest.mark.slow
def test_log_path_is_printed(tmp_path: Path) -> None:
    env = {"CLAIMMARK_STATE_DIR": str(tmp_path / "st"), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-m", "app", "--log-path"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(tmp_path / "st" / "claimmark.log")


def test_the_log_file_rotates_in_the_state_folder(state_dir: Path) -> None:
    path = logs.setup_logging()
    assert path == state_dir / "claimmark.log"
    [handler] = [h for h in logging.getLogger("app").handlers if getattr(h, "claimmark", 0)]
    assert isinstance(handler, RotatingFileHandler)
    assert handler.maxBytes == logs.MAX_BYTES and handler.backupCount == logs.BACKUPS
    assert logs.setup_logging() == path  # a second call adds no second handler
    assert len([h for h in logging.getLogger("app").handlers if getattr(h, "claimmark", 0)]) == 1


def test_a_worker_failure_is_logged_with_its_traceback(qtbot, state_dir: Path) -> None:
    from app.ui.loader import ArticleLoader

    path = logs.setup_logging()

    def broken_suggester(article: object, claims: object) -> dict[int, object]:
        raise ZeroDivisionError("a bug in the suggester")

    loader = ArticleLoader(broken_suggester)
    with qtbot.waitSignal(loader.failed, timeout=15000) as failed:
        loader.start(str(ROOT / "resources" / "samples" / "magnesium-and-nerves.md"))
        loader.first_paint_done.set()
    loader.wait()
    assert "ZeroDivisionError" in failed.args[1]
    text = path.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text
    assert "in broken_suggester" in text and "a bug in the suggester" in text
