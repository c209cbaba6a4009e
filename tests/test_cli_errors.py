"""The command line's error exits: one line on stderr, the same reason (and its
cause) in the log file; an import with nothing in it writes nothing."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import cli
from tests.conftest import FIXTURES

PAGE = FIXTURES / "import" / "magnesium-deficiency.html"
EXPORT = FIXTURES / "import" / "hypothesis-export.json"


@pytest.fixture
def log_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("CLAIMMARK_STATE_DIR", str(tmp_path / "state"))
    root = logging.getLogger("app")
    saved = root.handlers[:]
    root.handlers = [h for h in saved if not getattr(h, "claimmark", False)]
    yield tmp_path / "state" / "claimmark.log"
    for handler in root.handlers:
        if getattr(handler, "claimmark", False):
            handler.close()
    root.handlers = saved


def logged(path: Path) -> str:
    for handler in logging.getLogger("app").handlers:
        handler.flush()
    return path.read_text(encoding="utf-8") if path.exists() else ""


@pytest.mark.parametrize("argv", [
    ["claims", "no-such-article.txt"],
    ["export", "no-such-article.txt", "--format", "pdf"],
    ["export", "no-such-article.txt", "--format", "docx"],
])
def test_an_error_exit_is_one_line_on_stderr_and_in_the_log(
        argv: list[str], log_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    try:
        code = cli.main(argv)
    except SystemExit as exited:  # argparse's own exit for a bad option
        code = exited.code  # type: ignore[assignment]
    err = capsys.readouterr().err.strip()
    assert code == cli.EXIT_BAD_INPUT
    reason = err.splitlines()[-1].removeprefix("claimmark: ")
    assert reason in logged(log_file)
    assert " ".join(argv) in logged(log_file)


def test_an_import_error_is_logged_with_its_cause(
        tmp_path: Path, log_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.txt"
    page.write_text("One sentence here. Another one.\n", encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"{not json")
    assert cli.main(["import", str(page), str(bad)]) == cli.EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not JSON" in err
    text = logged(log_file)
    assert "not JSON" in text and "WARNING" in text
    assert "Traceback" in text  # where it was raised, for a bug report


def test_an_unexpected_failure_is_one_line_and_its_traceback_is_in_the_log(
        log_file: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(args: object) -> int:
        raise ZeroDivisionError("a bug in claims")

    monkeypatch.setattr(cli, "_run_claims", broken)
    code = cli.main(["claims", "whatever.txt"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and "a bug in claims" in err and str(log_file) in err
    text = logged(log_file)
    assert "ZeroDivisionError: a bug in claims" in text and "Traceback" in text


@pytest.mark.parametrize("content", [b"[]", b'{"total": 0, "rows": []}', b"[\n]\n"])
def test_an_import_holding_nothing_says_so_and_writes_nothing(
        content: bytes, tmp_path: Path, log_file: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.txt"
    page.write_text("One sentence here. Another one.\n", encoding="utf-8")
    empty = tmp_path / "empty.json"
    empty.write_bytes(content)
    assert cli.main(["import", str(page), str(empty)]) == 0
    out = capsys.readouterr().out
    assert out.strip() == "nothing to import: empty.json holds no annotations; nothing written"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.json", "page.txt", "state"]


def test_an_import_that_adds_nothing_leaves_the_notes_file_as_it_was(
        tmp_path: Path, log_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / PAGE.name
    shutil.copy(PAGE, page)
    assert cli.main(["import", str(page), str(EXPORT)]) == 0
    notes = tmp_path / (PAGE.name + ".notes.json")
    before = notes.read_bytes(), notes.stat().st_mtime_ns
    assert cli.main(["import", str(page), str(EXPORT)]) == 0
    assert capsys.readouterr().out.strip().endswith("(10 already there)")
    assert (notes.read_bytes(), notes.stat().st_mtime_ns) == before

