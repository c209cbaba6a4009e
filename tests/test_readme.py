"""The README stays true: its quick start, its keys and its commands."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text()


def test_quick_start_is_two_commands_and_ci_runs_the_test_one() -> None:
    block = README.split("## Quick start", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in block.strip().splitlines()]
    assert commands == ["python3 dev.py run", "python3 dev.py test"]
    assert "python3 dev.py test" in (ROOT / ".ci" / "run").read_text()


def test_every_shortcut_is_in_the_keys_table() -> None:
    from app.ui.window_actions import SPECS

    table = README.split("### Keys", 1)[1].split("## ", 1)[0]
    for spec in SPECS:
        for key in spec.keys:
            if key in ("Return", "Ctrl++"):
                continue  # listed as "Enter" and "Ctrl+="
            assert re.search(rf"(^|[| /]){re.escape(key)}($|[| /])", table, re.M), key


def test_every_subcommand_is_documented() -> None:
    from app.cli import SUBCOMMANDS

    for name in SUBCOMMANDS:
        assert f"claimmark {name} " in README


def _bad_input_paragraph() -> str:
    return " ".join(README.split("Bad input", 1)[1].split("\n\n", 1)[0].split())


def _run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)


@pytest.mark.parametrize(("name", "data"), [("empty.txt", b""), ("empty.md", b""),
                                            ("blank.html", b"<html><body> </body></html>")])
def test_an_empty_file_gets_one_line_and_exit_2_as_the_readme_says(
        tmp_path: Path, name: str, data: bytes) -> None:
    paragraph = _bad_input_paragraph()
    assert "empty (no text at all)" in paragraph and "exits with code 2" in paragraph
    path = tmp_path / name
    path.write_bytes(data)
    result = _run_cli("claims", str(path), "--json")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(f"claimmark: {path}: ")


def test_the_size_limit_is_the_same_in_readme_code_and_message(tmp_path: Path) -> None:
    from app.core.reading import MAX_ARTICLE_BYTES

    megabytes = re.search(r"over (\d+) MB", _bad_input_paragraph())
    assert megabytes, "the README names the size limit"
    assert int(megabytes.group(1)) * 1024 * 1024 == MAX_ARTICLE_BYTES
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as handle:  # sparse: cheap to make
        handle.truncate(MAX_ARTICLE_BYTES + 1)
    result = _run_cli("claims", str(huge))
    assert result.returncode == 2
    assert result.stderr == (f"claimmark: {huge}: too large (20.1 MB; "
                             f"the limit is {megabytes.group(1)} MB)\n")


def test_a_file_of_exactly_the_limit_is_read(tmp_path: Path) -> None:
    from app.core.reading import MAX_ARTICLE_BYTES, read_bytes

    path = tmp_path / "big.txt"
    with open(path, "wb") as handle:
        handle.truncate(MAX_ARTICLE_BYTES)
    assert len(read_bytes(path)) == MAX_ARTICLE_BYTES


def test_the_bak_file_beside_the_notes_is_an_earlier_version(tmp_path: Path) -> None:
    from app.core.annotations import annotation_for_span
    from app.core.notes_format import NotesDocument
    from app.core.storage import NotesStore

    name = re.search(r"`(<article file name>\.notes\.json\.bak)`", _bad_input_paragraph())
    assert name, "the README names the .bak file"
    article = tmp_path / "article.txt"
    text = "Magnesium may help. Buy it now.\n"
    article.write_text(text)
    first = NotesDocument(None, [annotation_for_span(text, 0, 19, label="uncertain")])
    NotesStore(article).save(first)
    saved = (tmp_path / "article.txt.notes.json").read_bytes()
    reopened = NotesStore(article)  # the article opened again, then a second note
    loaded = reopened.load()
    assert loaded is not None
    second = [*loaded.annotations, annotation_for_span(text, 20, 31, label="advertising")]
    reopened.save(NotesDocument(None, second))
    backup = tmp_path / name.group(1).replace("<article file name>", "article.txt")
    assert backup.read_bytes() == saved
    assert (tmp_path / "article.txt.notes.json").read_bytes() != saved
