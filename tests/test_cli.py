"""The command line, run as a user runs it: in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import __version__
from tests.conftest import ROOT, SAMPLE


def claimmark(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout)


def test_claims_json_on_the_corpus_article(corpus: Path) -> None:
    path = corpus / "magnesium-neuropathy.txt"
    result = claimmark("claims", str(path), "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    text = path.read_text(encoding="utf-8")
    assert payload["article"]["format"] == "txt"
    assert payload["article"]["length"] == len(text)
    assert len(payload["claims"]) == 25
    for claim in payload["claims"]:
        assert text[claim["start"]:claim["end"]] == claim["text"]
    assert payload["claims"][-1]["text"] == "Click here to learn more and start feeling better."


def test_claims_readable_list() -> None:
    result = claimmark("claims", str(SAMPLE))
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Magnesium and Your Nerves")
    assert lines[1].strip().startswith("1. Tingling toes")  # title and byline are no claims


def test_help_and_version() -> None:
    result = claimmark("--help")
    assert result.returncode == 0 and "claims" in result.stdout
    result = claimmark("--version")
    assert result.stdout.strip() == f"claimmark {__version__}"


def _bad_inputs(tmp: Path) -> dict[str, Path]:
    binary = tmp / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    huge = tmp / "huge.txt"
    with open(huge, "wb") as handle:
        handle.truncate(20 * 1024 * 1024 + 1)
    fifo = tmp / "fifo.txt"
    os.mkfifo(fifo)
    undecodable = tmp / "bad-utf16.txt"
    undecodable.write_bytes(b"\xff\xfe\x00\xd8\x00\xd8")
    return {"missing": tmp / "missing.txt", "directory": tmp, "fifo": fifo,
            "binary": binary, "huge": huge, "undecodable": undecodable}


@pytest.mark.parametrize("kind", ["missing", "directory", "fifo", "binary", "huge",
                                  "undecodable"])
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, kind: str) -> None:
    path = _bad_inputs(tmp_path)[kind]
    result = claimmark("claims", str(path), timeout=30)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("claimmark: "), result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_option_exits_2() -> None:
    result = claimmark("claims", "--nope")
    assert result.returncode == 2


def test_suggest_json(corpus: Path) -> None:
    result = claimmark("suggest", str(corpus / "magnesium-neuropathy.txt"), "--json")
    assert result.returncode == 0, result.stderr
    claims = json.loads(result.stdout)["claims"]
    assert len(claims) == 25
    labels = [c["suggestion"]["label"] if c["suggestion"] else None for c in claims]
    assert labels[-4:] == ["advertising"] * 4
    assert "supported" not in labels
    cue = claims[-1]["suggestion"]["cues"][0]
    assert claims[-1]["text"][cue["start"] - claims[-1]["start"]:
                              cue["end"] - claims[-1]["start"]] == cue["text"] == "Click here"
    assert cue["reason"] == "call to action: Click here"


def test_suggest_names_each_reason_once(corpus: Path) -> None:
    """'Regain your energy and improve your overall well-being.': "your" twice
    is one reason (the JSON keeps every cue, with its place)."""
    result = claimmark("suggest", str(corpus / "magnesium-neuropathy.txt"))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    why = lines[next(i for i, line in enumerate(lines) if "Regain your energy" in line) + 1]
    assert why.split("why: ")[1].split("; ").count("addressing the reader: your") == 1
    reasons = [line.split("why: ")[1].split("; ") for line in lines if "why: " in line]
    assert all(len(r) == len({x.casefold() for x in r}) for r in reasons)


def test_suggest_bad_input(tmp_path: Path) -> None:
    result = claimmark("suggest", str(tmp_path / "nope.md"))
    assert result.returncode == 2 and result.stderr.count("\n") == 1


def _write_notes(article: Path, items: list[tuple[int, int, str, str]]) -> None:
    from app.core.annotations import annotation_for_span
    from app.core.notes_format import ArticleRef, NotesDocument
    from app.core.storage import NotesStore

    text = article.read_text()
    annotations = [annotation_for_span(text, s, e, label=label, note=note)
                   for s, e, label, note in items]
    NotesStore(article).save(NotesDocument(ArticleRef(article.name), annotations))


def test_notes_json_and_orphans_exit_3(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    middle = " It is a mineral found in nuts and greens. Most adults get enough of it. "
    text = "Magnesium may help nerves." + middle + "Click here to buy it now."
    article.write_text(text)
    second = text.index("Click")
    _write_notes(article, [(0, 26, "uncertain", "hedge"),
                           (second, second + 25, "advertising", "")])
    result = claimmark("notes", str(article), "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["notes_path"] == str(tmp_path / "a.txt.notes.json")
    assert [(a["label"], a["status"], a["exact"]) for a in payload["annotations"]] == [
        ("uncertain", "exact", "Magnesium may help nerves."),
        ("advertising", "exact", "Click here to buy it now.")]
    article.write_text("Intro. Magnesium may help nerves." + middle + "A different ending.")
    result = claimmark("notes", str(article), "--json")
    assert result.returncode == 3
    statuses = [a["status"] for a in json.loads(result.stdout)["annotations"]]
    assert statuses == ["moved", "orphaned"]
    result = claimmark("notes", str(article))
    assert result.returncode == 3 and "lost its place" in result.stdout


def test_notes_damaged_file_exit_2(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Text.")
    (tmp_path / "a.txt.notes.json").write_text("{oops")
    result = claimmark("notes", str(article))
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert (tmp_path / "a.txt.notes.json").read_text() == "{oops"


def test_export_every_format(tmp_path: Path) -> None:
    import shutil

    article = tmp_path / "sample.md"
    shutil.copy(SAMPLE, article)
    text = (article.read_text())
    from app.core.loaders import load_article

    canonical = load_article(article).text
    start = canonical.index("Order now")
    end = canonical.index("NERVE30.") + len("NERVE30.")
    from app.core.annotations import annotation_for_span
    from app.core.notes_format import ArticleRef, NotesDocument
    from app.core.storage import NotesStore

    NotesStore(article).save(NotesDocument(ArticleRef(article.name), [
        annotation_for_span(canonical, start, end, label="advertising", note="Promo *code*.")]))
    assert text  # the article is untouched
    for fmt in ("md", "csv", "html", "jsonld", "claimreview"):
        result = claimmark("export", str(article), "--format", fmt, "--author", "Ada")
        assert result.returncode == 0, result.stderr
        assert "Order now" in result.stdout, fmt
    out = tmp_path / "notes.pdf"
    result = claimmark("export", str(article), "--format", "pdf", "-o", str(out), timeout=120)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")
    pdftotext = shutil.which("pdftotext")
    if pdftotext:
        extracted = subprocess.run([pdftotext, str(out), "-"], capture_output=True,
                                   text=True).stdout
        assert "Order now and save 30%" in " ".join(extracted.split())
        assert "Promo code." in " ".join(extracted.split())
    result = claimmark("export", str(article), "--format", "pdf")
    assert result.returncode == 2 and "needs -o" in result.stderr


def test_claimreview_export_says_which_notes_it_left_out(tmp_path: Path) -> None:
    """A lost note reviews no claim: left out, and the command says so on stderr
    (standard output is the export itself); the other formats keep it."""
    import shutil

    from app.core.annotations import annotation_for_span
    from app.core.loaders import load_article
    from app.core.notes_format import ArticleRef, NotesDocument
    from app.core.storage import NotesStore

    article = tmp_path / "sample.md"
    shutil.copy(SAMPLE, article)
    canonical = load_article(article).text
    start = canonical.index("Order now")
    NotesStore(article).save(NotesDocument(ArticleRef(article.name), [
        annotation_for_span(canonical, start, start + 9, label="advertising"),
        annotation_for_span("Gone from the text.", 0, 19, label="uncertain", note="Lost.")]))
    result = claimmark("export", str(article), "--format", "claimreview")
    assert result.returncode == 0, result.stderr
    [review] = json.loads(result.stdout)
    assert review["claimReviewed"].startswith("Order now") and len(review["claimReviewed"]) > 9
    assert result.stderr == ("claimmark: claimreview export: left out 1 note that lost its "
                             "place in the article (no sentence of it to review)\n")
    result = claimmark("export", str(article), "--format", "md")
    assert result.returncode == 0 and result.stderr == "" and "Lost." in result.stdout


def test_window_without_a_display_or_with_a_missing_file_is_one_line() -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, "-m", "app", str(SAMPLE)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "no display" in result.stderr
    assert result.stderr.count("\n") == 1
    result = claimmark("nonsense-sub")
    assert result.returncode == 2
    assert result.stderr.strip() == ("claimmark: nonsense-sub: no such file (subcommands: "
                                     "claims, suggest, notes, export, import, library, search)")


def test_subcommand_help_names_itself() -> None:
    result = claimmark("export", "--help")
    assert result.stdout.startswith("usage: claimmark export")


def test_export_never_writes_over_the_article_or_a_notes_file(tmp_path: Path) -> None:
    import shutil

    article = tmp_path / "sample.md"
    shutil.copy(SAMPLE, article)
    assert claimmark("import", str(article), str(ROOT / "tests" / "fixtures" / "import"
                                                  / "hypothesis-export.json")).returncode == 0
    notes = tmp_path / "sample.md.notes.json"
    (tmp_path / "other.txt.notes.json").write_text("{}")
    (tmp_path / "link.md").symlink_to(article)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    for out in (notes, article, tmp_path / "link.md", tmp_path / "sub" / ".." / "sample.md",
                tmp_path / "other.txt.notes.json", tmp_path / "x.notes.recovered.json",
                tmp_path / "sample.md.notes.json.bak"):
        for fmt in ("csv", "md", "pdf"):
            result = claimmark("export", str(article), "--format", fmt, "-o", str(out))
            assert result.returncode == 2, (out, fmt)
            assert result.stderr.count("\n") == 1 and "nothing written" in result.stderr
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == before


def test_export_formats_match_the_core() -> None:
    from app.cli import EXPORT_FORMATS
    from app.core.export import FORMATS

    assert EXPORT_FORMATS == FORMATS


def test_suggest_says_why_a_german_article_gets_none(tmp_path: Path) -> None:
    from tests.core.test_language import GERMAN

    article = tmp_path / "artikel.txt"
    article.write_text(GERMAN, encoding="utf-8")
    done = claimmark("suggest", str(article))
    assert done.returncode == 0
    assert "0 suggestions" in done.stdout
    assert "artikel.txt: This article seems to be in German" in done.stderr


def test_export_never_writes_over_another_annotated_article(tmp_path: Path) -> None:
    """Tester T15 (F1): ``export de.txt -o victim.txt`` replaced an article with
    12 notes by the HTML export; every note lost its place."""
    victim, article = tmp_path / "victim.txt", tmp_path / "de.txt"
    victim.write_text("Magnesium may help nerves. Most adults get enough of it.\n")
    article.write_text("Zink ist ein Mineral. Kaufen Sie jetzt.\n")
    _write_notes(victim, [(0, 26, "uncertain", "hedge")])
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    for fmt in ("html", "md", "pdf"):
        result = claimmark("export", str(article), "--format", fmt, "-o", str(victim))
        assert result.returncode == 2, (fmt, result.stderr)
        assert result.stderr == (f"claimmark: {victim} is an annotated article (its notes: "
                                 f"{victim}.notes.json); choose another name for the export; "
                                 "nothing written\n")
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
    assert claimmark("notes", str(victim)).returncode == 0
    earlier = tmp_path / "de-notes.html"  # an earlier export is replaced, as before
    earlier.write_text("old")
    result = claimmark("export", str(article), "--format", "html", "-o", str(earlier))
    assert result.returncode == 0 and earlier.read_text().startswith("<!DOCTYPE html>")
