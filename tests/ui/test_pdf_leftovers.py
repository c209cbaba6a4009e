"""What a killed window's PDF export left is removed at the next one (tester T13, F9)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from app.ui import pdf_export, pdf_worker


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_dead_windows_part_and_html_copy_go_a_live_ones_stay(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    folder = tmp_path / "articles"
    folder.mkdir()
    dead, alive = dead_pid(), os.getpid()
    stale = [folder / f".bigbook-notes.pdf.{dead}.part",
             temporary / f"claimmark-export-{dead}-abc123.html"]
    kept = [folder / f".bigbook-notes.pdf.{alive}.part",
            temporary / f"claimmark-export-{alive}-abc123.html",
            folder / f".download.{dead}.part",  # not ours: no .pdf
            folder / "bigbook.txt"]
    for path in stale + kept:
        path.write_text("x")
    assert pdf_worker.remove_stale_leftovers(folder) == 2
    assert not any(path.exists() for path in stale)
    assert all(path.exists() for path in kept)


def test_an_export_removes_them_and_names_its_own_copy_by_its_pid(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    dead = dead_pid()
    stale = tmp_path / f".out.pdf.{dead}.part"
    stale.write_text("x")
    seen: list[list[str]] = []
    monkeypatch.setattr(pdf_worker, "_run_child", lambda args, *_: seen.append(args))
    pdf_worker.write_pdf_in_child("<p>x</p>", tmp_path / "out.pdf")
    assert not stale.exists()
    assert Path(seen[0][0]).name.startswith(f"claimmark-export-{os.getpid()}-")
    assert not list(temporary.iterdir())  # its own copy removed too


def test_the_pdf_child_dies_with_the_window(monkeypatch: pytest.MonkeyPatch,
                                            tmp_path: Path) -> None:
    """T13: the child carried on after the window was killed."""
    asked: list[int] = []
    monkeypatch.setattr(pdf_export, "die_with", asked.append)
    monkeypatch.setenv(pdf_export.PARENT_ENV, "4242")
    monkeypatch.setattr(pdf_export, "_paint", lambda *args: None)
    monkeypatch.setattr(pdf_export, "ensure_gui_application", lambda: None)
    monkeypatch.setattr(os, "nice", lambda n: 0)
    html = tmp_path / "x.html"
    html.write_text("<p>x</p>")
    assert pdf_export.main([str(html), str(tmp_path / "x.pdf"), "t"]) == 0
    assert asked == [4242]
