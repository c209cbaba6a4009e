"""``claimmark library …`` and ``claimmark search``, run as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import ROOT

TEXT = ("Magnesium is a mineral. Magnesium may help nerve pain. "
        "Buy Glucontrol today. Zinc is also a mineral.")
SPANS = [(0, 23), (24, 54), (55, 76), (77, 100)]


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    values = {k: v for k, v in os.environ.items() if k != "CLAIMMARK_LIBRARY"}
    values["CLAIMMARK_DATA_DIR"] = str(tmp_path / "user-data")
    return values


def claimmark(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def write_notes(article: Path, marks: list[tuple[int, str, str]]) -> None:
    from app.core.annotations import annotation_for_span
    from app.core.notes_format import ArticleRef, NotesDocument
    from app.core.storage import NotesStore

    annotations = [annotation_for_span(TEXT, *SPANS[i], label=label, note=note)
                   for i, label, note in marks]
    NotesStore(article).save(NotesDocument(ArticleRef(article.name), annotations))


def make_folder(root: Path) -> None:
    for name, marks in {
        "a/one.txt": [(0, "supported", "textbook fact"), (1, "uncertain", "hedged claim")],
        "a/b/two.txt": [(2, "advertising", "sales pitch for Glucontrol")],
        "three.txt": None,
    }.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(TEXT, encoding="utf-8")
        if marks:
            write_notes(path, marks)
    (root / "bad.txt").write_text(TEXT, encoding="utf-8")
    (root / "bad.txt.notes.json").write_text("{not json", encoding="utf-8")


def test_add_list_search_remove(tmp_path: Path, env: dict[str, str]) -> None:
    root = tmp_path / "reviews"
    make_folder(root)
    library = str(tmp_path / "lib.sqlite3")
    result = claimmark(env, "library", "add", str(root), "--library", library)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Indexed 4 articles with 3 notes")
    assert "bad.txt.notes.json: the notes file is damaged" in result.stdout
    assert (root / "bad.txt.notes.json").read_text() == "{not json"

    env["CLAIMMARK_LIBRARY"] = library  # the environment chooses the same library
    result = claimmark(env, "library", "list", "--json")
    assert result.returncode == 0, result.stderr
    articles = {Path(a["path"]).name: a for a in json.loads(result.stdout)["articles"]}
    assert articles["one.txt"]["counts"] == {"supported": 1, "uncertain": 1, "advertising": 0,
                                             "unmarked": 2}
    assert articles["two.txt"]["counts"]["advertising"] == 1
    assert articles["three.txt"]["counts"]["unmarked"] == 4 and articles["three.txt"]["notes"] == 0
    assert "damaged" in articles["bad.txt"]["problem"]
    assert set(articles["one.txt"]) >= {"path", "title", "format", "counts", "notes", "modified"}
    (root / "bad.txt.notes.json").write_text("{still not json", encoding="utf-8")
    result = claimmark(env, "library", "list")
    assert result.returncode == 0 and result.stderr == ""  # the listing names it, once
    assert result.stdout.count("bad.txt.notes.json: the notes file is damaged") == 1

    result = claimmark(env, "search", '"sales pitch"', "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["query"] == '"sales pitch"'
    (hit,) = payload["hits"]
    assert Path(hit["path"]).name == "two.txt" and hit["label"] == "advertising"
    assert (hit["start"], hit["end"], hit["exact"]) == (55, 76, "Buy Glucontrol today.")
    assert hit["snippet"] == "**sales pitch** for Glucontrol" and hit["sources"] == []
    assert set(hit) == {"path", "title", "id", "label", "note", "exact", "start", "end",
                        "sources", "snippet"}
    result = claimmark(env, "search", "magnesium", "--label", "uncertain")
    assert result.returncode == 0 and "hedged claim" not in result.stdout
    assert "[uncertain] 24-54 “Magnesium may help nerve pain.”" in result.stdout
    assert result.stdout.startswith("1 note matches 'magnesium'")  # T10: "1 note match"

    result = claimmark(env, "library", "remove", str(root / "a"))
    assert result.returncode == 0 and "Removed 2 articles" in result.stdout
    result = claimmark(env, "search", "textbook")
    assert result.stdout.startswith("No note matches")
    (root / "three.txt.notes.json").write_text("[1, 2", encoding="utf-8")
    result = claimmark(env, "search", "pitch")
    assert result.returncode == 0 and result.stdout.startswith("No note matches")
    assert result.stderr == (f"claimmark: skipped {root / 'three.txt.notes.json'}: the notes "
                             "file is damaged (Expecting ',' delimiter, line 1 column 6)\n")


def test_errors_are_one_line_and_exit_2(tmp_path: Path, env: dict[str, str]) -> None:
    library = str(tmp_path / "lib.sqlite3")
    result = claimmark(env, "library", "add", str(tmp_path / "missing"), "--library", library)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.strip() == f"claimmark: {tmp_path / 'missing'}: no such file or folder"
    not_a_library = tmp_path / "essay.txt"
    not_a_library.write_text("An essay, not a database.\n" * 50)
    result = claimmark(env, "search", "x", "--library", str(not_a_library))
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "not a claimmark library" in result.stderr
    assert not_a_library.read_text() == "An essay, not a database.\n" * 50
    result = claimmark(env, "library", "remove", str(tmp_path / "x.txt"), "--library", library)
    assert result.returncode == 2 and result.stdout == ""  # no "Removed 0 articles" beside it
    assert result.stderr == f"claimmark: {tmp_path / 'x.txt'}: not in the library\n"
    result = claimmark(env, "search", "x", "--label", "great")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    result = claimmark(env, "library")
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_default_library_is_in_the_user_data_folder(tmp_path: Path,
                                                    env: dict[str, str]) -> None:
    article = tmp_path / "one.txt"
    article.write_text(TEXT)
    assert claimmark(env, "library", "add", str(article)).returncode == 0
    assert (tmp_path / "user-data" / "library.sqlite3").is_file()


def test_search_imports_no_qt_and_no_loader_libraries(tmp_path: Path,
                                                      env: dict[str, str]) -> None:
    env["CLAIMMARK_LIBRARY"] = str(tmp_path / "lib.sqlite3")
    article = tmp_path / "one.txt"
    article.write_text(TEXT)
    write_notes(article, [(0, "supported", "fact")])
    assert claimmark(env, "library", "add", str(article)).returncode == 0
    write_notes(article, [(0, "supported", "changed fact")])  # search reads it again
    script = textwrap.dedent("""
        import sys
        from app.cli import main
        assert main(["search", "fact"]) == 0
        heavy = {"PySide6", "trafilatura", "markdown", "nupunkt", "lxml", "charset_normalizer"}
        heavy |= {"app.core.loaders", "app.core.segment"}  # regular expressions by dozens
        print(sorted(heavy & ({name.split(".")[0] for name in sys.modules} | set(sys.modules))))
    """)
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "changed **fact**" in result.stdout
    assert result.stdout.strip().endswith("[]")


WRITER = """
import sys
from pathlib import Path
from app.core.annotations import annotation_for_span
from app.core.library import Library
from app.core.notes_format import ArticleRef, NotesDocument
from app.core.storage import NotesStore

article, library_path, rounds = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
text = article.read_text()
store = NotesStore(article)
with Library(library_path) as library:  # one long-lived connection, as the window has
    for n in range(rounds):
        note = annotation_for_span(text, 0, 23, label="supported", note=f"round{n} done")
        store.save(NotesDocument(ArticleRef(article.name), [note]))
        library.update_article(article)
print("writer ok")
"""


@pytest.mark.slow
def test_a_window_and_a_command_share_the_library(tmp_path: Path, env: dict[str, str]) -> None:
    root = tmp_path / "reviews"
    make_folder(root)
    library = str(tmp_path / "lib.sqlite3")
    env["CLAIMMARK_LIBRARY"] = library
    assert claimmark(env, "library", "add", str(root)).returncode == 0
    watched = root / "a" / "one.txt"
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(watched), library, "150"],
                              cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True)
    commands = 0
    try:
        while writer.poll() is None or commands < 3:
            other = root / "three.txt"
            write_notes(other, [(commands % 4, "uncertain", f"cli{commands}")])
            result = claimmark(env, "search", f"cli{commands}", "--json")
            assert result.returncode == 0, result.stderr
            assert len(json.loads(result.stdout)["hits"]) == 1
            commands += 1
    finally:
        out, err = writer.communicate(timeout=120)
    assert writer.returncode == 0 and out.strip() == "writer ok", err
    assert commands >= 3
    result = claimmark(env, "search", "round149", "--json")
    assert len(json.loads(result.stdout)["hits"]) == 1


def test_a_skipped_notes_file_is_named_once_per_command(
        capsys: pytest.CaptureFixture[str]) -> None:
    from app.cli_library import _warn

    problem = "three.txt.notes.json: the notes file is damaged (x)"
    _warn([("/r/three.txt.notes.json", problem), ("/r/three.txt.notes.json", problem),
           ("/r/four.txt.notes.json", "four.txt.notes.json: damaged")])
    assert capsys.readouterr().err.splitlines() == [
        f"claimmark: skipped /r/{problem}", "claimmark: skipped /r/four.txt.notes.json: damaged"]


def test_a_note_with_no_position_is_shown_as_such(tmp_path: Path, env: dict[str, str]) -> None:
    """A quote-only note (an import) has no position: "no position" in the
    listing and null in JSON, as `notes --json` says, never "-1--1" (tester T8)."""
    article = tmp_path / "one.txt"
    article.write_text(TEXT, encoding="utf-8")
    write_notes(article, [(2, "advertising", "sales pitch for Glucontrol")])
    notes = article.with_name("one.txt.notes.json")
    data = json.loads(notes.read_text(encoding="utf-8"))
    for item in data["first"]["items"]:
        item["target"]["selector"] = item["target"]["selector"][:1]  # the quote alone
    notes.write_text(json.dumps(data), encoding="utf-8")
    library = str(tmp_path / "lib.sqlite3")
    assert claimmark(env, "library", "add", str(tmp_path), "--library", library).returncode == 0
    result = claimmark(env, "search", "pitch", "--library", library)
    assert result.returncode == 0, result.stderr
    assert "[advertising] no position “Buy Glucontrol today.”" in result.stdout
    result = claimmark(env, "search", "pitch", "--json", "--library", library)
    (hit,) = json.loads(result.stdout)["hits"]
    assert (hit["start"], hit["end"]) == (None, None)


def test_exports_written_with_any_name_are_left_out(tmp_path: Path, env: dict[str, str]) -> None:
    """Tester T9: ``claimmark export -o out.md`` beside the articles was listed as an
    article. Every export carries claimmark's mark, whatever its name."""
    root = tmp_path / "reviews"
    make_folder(root)
    for fmt, name in (("md", "out.md"), ("html", "review.html"), ("pdf", "a/printed.pdf")):
        result = claimmark(env, "export", str(root / "a" / "one.txt"), "--format", fmt,
                           "-o", str(root / name))
        assert result.returncode == 0, result.stderr
    library = str(tmp_path / "lib.sqlite3")
    result = claimmark(env, "library", "add", str(root), "--library", library)
    assert result.returncode == 0, result.stderr
    assert "Left out 3 claimmark exports (notes, not articles):" in result.stdout
    listing = json.loads(claimmark(env, "library", "list", "--json", "--library",
                                   library).stdout)
    names = sorted(Path(a["path"]).name for a in listing["articles"])
    assert names == ["bad.txt", "one.txt", "three.txt", "two.txt"]


def test_notes_files_without_their_article_are_named(tmp_path: Path,
                                                     env: dict[str, str]) -> None:
    """An article renamed alone: its notes are in no search; ``add`` and ``list`` say so."""
    root = tmp_path / "reviews"
    make_folder(root)
    os.rename(root / "a" / "one.txt", root / "a" / "one-renamed.txt")
    lost = str(root / "a" / "one.txt.notes.json")
    library = str(tmp_path / "lib.sqlite3")
    added = claimmark(env, "library", "add", str(root), "--library", library)
    assert added.returncode == 0
    assert ("No article beside 1 notes file (renamed or moved alone?), so not indexed:\n"
            f"  {lost}\n") in added.stdout
    listed = claimmark(env, "library", "list", "--library", library)
    assert listed.stdout.endswith(f"so not indexed:\n  {lost}\n")
    payload = json.loads(claimmark(env, "library", "list", "--json", "--library",
                                   library).stdout)
    assert payload["notes_without_article"] == [lost]


def test_a_moved_folder_is_named_not_called_an_empty_library(tmp_path: Path, env) -> None:
    """Tester T13: after the library's folder was renamed, ``library list`` said
    "The library … is empty: claimmark library add PATH…" — as if nothing had
    ever been added; the reader could not tell the articles had moved."""
    folder = tmp_path / "reviews"
    make_folder(folder)
    assert claimmark(env, "library", "add", str(folder)).returncode == 0
    folder.rename(tmp_path / "reviews-2026")
    done = claimmark(env, "library", "list")
    assert done.returncode == 0, done.stderr
    assert "is empty" not in done.stdout
    assert f"not found (moved or deleted?): {folder}" in done.stdout
    assert "library add" in done.stdout and "library remove" in done.stdout


def test_a_library_that_does_not_exist_is_not_made_by_a_reading_command(
        tmp_path: Path, env: dict[str, str]) -> None:
    """Tester T15 (F9): ``library list --library typo.db`` made a 45 KB empty library."""
    typo = tmp_path / "typo.db"
    for argv in (["library", "list"], ["search", "magnesium"], ["library", "remove", "x.txt"]):
        done = claimmark(env, *argv, "--library", str(typo))
        assert done.returncode == 2, argv
        assert done.stderr.startswith(f"claimmark: {typo}: no such library") and \
            done.stderr.count("\n") == 1, done.stderr
        assert not typo.exists()
    article = tmp_path / "one.txt"
    article.write_text(TEXT, encoding="utf-8")
    assert claimmark(env, "library", "add", str(article), "--library", str(typo)).returncode == 0
    assert typo.is_file()  # add makes it, and then list reads it
    assert claimmark(env, "library", "list", "--library", str(typo)).returncode == 0
