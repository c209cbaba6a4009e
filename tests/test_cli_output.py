"""The command line's output and messages (tester T15, F9): ``-o -`` is standard
output, errors name paths as given, a file name starting with "-" gets a hint,
an export to another format's name is warned about."""

from __future__ import annotations

import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, SAMPLE
from tests.test_cli import _write_notes


def run(cwd: Path, *args: str, **kw: object) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120, **kw)  # type: ignore


def _article(folder: Path) -> Path:
    article = folder / "a.txt"
    article.write_text("Magnesium may help nerves. Most adults get enough of it.\n")
    _write_notes(article, [(0, 26, "uncertain", "hedge")])
    return article


def test_dash_output_is_standard_output(tmp_path: Path) -> None:
    article = _article(tmp_path)
    plain = run(tmp_path, "export", "a.txt", "--format", "md")
    dashed = run(tmp_path, "export", "a.txt", "--format", "md", "-o", "-")
    assert dashed.returncode == 0, dashed.stderr
    assert dashed.stdout == plain.stdout and "Magnesium may help nerves." in dashed.stdout
    assert not (tmp_path / "-").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "a.txt.notes.json"]
    pdf = subprocess.run([sys.executable, "-m", "app", "export", str(article), "--format",
                          "pdf", "-o", "-"], cwd=tmp_path, capture_output=True, timeout=120)
    assert pdf.returncode == 0, pdf.stderr
    assert pdf.stdout.startswith(b"%PDF") and not (tmp_path / "-").exists()


def test_a_pdf_is_not_written_to_a_terminal(tmp_path: Path) -> None:
    _article(tmp_path)
    leader, follower = pty.openpty()
    try:
        done = subprocess.run([sys.executable, "-m", "app", "export", "a.txt", "--format",
                               "pdf", "-o", "-"], cwd=tmp_path, stdout=follower,
                              stderr=subprocess.PIPE, text=True, timeout=60)
    finally:
        os.close(follower)
        os.close(leader)
    assert done.returncode == 2
    assert done.stderr.startswith("claimmark: a PDF is not for the terminal")
    assert done.stderr.count("\n") == 1


def test_errors_name_the_path_as_given(tmp_path: Path) -> None:
    article = _article(tmp_path)
    missing = str(tmp_path / "nowhere" / "hyp.json")
    done = run(tmp_path, "import", str(article), missing)
    assert done.returncode == 2 and done.stderr == f"claimmark: {missing}: no such file\n"
    folder = tmp_path / "out"
    folder.mkdir()
    done = run(tmp_path, "notes", str(folder))
    assert done.returncode == 2 and done.stderr.startswith(f"claimmark: {folder}: is a folder")
    done = run(tmp_path, "claims", "a.txt-missing")  # a bare name stays as it was given
    assert done.stderr == "claimmark: a.txt-missing: no such file\n"


def test_notes_of_an_article_without_notes_name_no_file(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Zinc is a mineral. Buy it today.\n")
    done = run(tmp_path, "notes", "b.txt")
    assert done.returncode == 0
    assert done.stdout.endswith(" — no notes yet\n") and ".notes.json" not in done.stdout
    _article(tmp_path)
    assert " — 1 notes in a.txt.notes.json\n" in run(tmp_path, "notes", "a.txt").stdout


def test_another_formats_ending_is_warned_about_and_written(tmp_path: Path) -> None:
    _article(tmp_path)
    done = run(tmp_path, "export", "a.txt", "--format", "md", "-o", "x.pdf")
    assert done.returncode == 0
    assert done.stderr == "claimmark: warning: x.pdf ends in .pdf but holds the md export\n"
    assert "Magnesium may help nerves." in (tmp_path / "x.pdf").read_text()
    for fmt, name in (("md", "x.md"), ("md", "x.txt"), ("html", "x.htm"), ("jsonld", "x.json"),
                      ("claimreview", "x.claimreview.json"), ("csv", "x")):
        done = run(tmp_path, "export", "a.txt", "--format", fmt, "-o", name)
        assert done.returncode == 0 and done.stderr == "", (fmt, name, done.stderr)


def test_a_file_name_starting_with_a_dash_gets_a_hint(tmp_path: Path) -> None:
    shutil.copy(SAMPLE, tmp_path / "-leading.md")
    for argv in (["claims", "-leading.md"], ["-leading.md"], ["claims", "--help.txt"]):
        done = run(tmp_path, *argv)
        assert done.returncode == 2, argv
        name = argv[-1]
        assert f"write ./{name}, or put -- before it" in done.stderr, done.stderr
        assert done.stderr.count("\n") == 1
    assert run(tmp_path, "claims", "--", "-leading.md").returncode == 0
    assert run(tmp_path, "claims", "./-leading.md").returncode == 0
    done = run(tmp_path, "claims", "--frobnicate")  # an unknown option: no file hint
    assert done.returncode == 2 and "write ./" not in done.stderr
