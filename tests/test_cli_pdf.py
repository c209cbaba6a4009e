"""The command line on PDF and EPUB files, run in a subprocess as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests import pdf_samples as samples
from tests.epub_factory import chapter, make_epub
from tests.pdf_factory import make_paper, make_plain_pages
from tests.test_cli import claimmark

pytestmark = pytest.mark.slow


def test_claims_json_gives_every_pdf_claim_its_page(tmp_path: Path) -> None:
    pages = [[f"Claim one sits on page {n}. Claim two sits on page {n} as well."]
             for n in range(1, 5)]
    path = make_plain_pages(tmp_path / "four.pdf", pages)
    result = claimmark("claims", str(path), "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["article"]["format"] == "pdf"
    claims = payload["claims"]
    assert [c["page"] for c in claims] == [1, 1, 2, 2, 3, 3, 4, 4]
    assert all(f"page {c['page']}" in c["text"] for c in claims)
    listing = claimmark("claims", str(path)).stdout.splitlines()
    assert listing[1].endswith("(p. 1) Claim one sits on page 1.")


def test_two_column_paper_from_the_command_line(tmp_path: Path) -> None:
    path = make_paper(tmp_path / "paper.pdf", samples.health_paper())
    payload = json.loads(claimmark("claims", str(path), "--json").stdout)
    texts = [c["text"] for c in payload["claims"]]
    assert payload["article"]["title"] == samples.TITLE
    assert ("Gastrointestinal complaints, mostly loose stools, were more common with magnesium "
            "than with placebo, but few participants stopped treatment because of them.") in texts
    assert not any(line in t for line in samples.META for t in texts)
    assert all(c["page"] in (1, 2) for c in payload["claims"])


@pytest.mark.parametrize(("name", "expected"), [
    ("locked.pdf", "claimmark: locked.pdf: is password-protected"),
    ("notes.pdf", "claimmark: notes.pdf: is not a PDF (it does not start like one)"),
])
def test_bad_pdfs_get_one_line_and_exit_2(tmp_path: Path, name: str, expected: str) -> None:
    path = tmp_path / name
    if name == "locked.pdf":
        make_paper(path, samples.health_paper(), password="secret")
    else:
        path.write_text("These are my notes, saved with the wrong name.\n")
    result = claimmark("claims", str(path))
    assert result.returncode == 2
    assert result.stderr == expected.replace(name, str(path), 1) + "\n"  # as given (T15)
    assert result.stdout == ""


def test_claims_of_an_epub(tmp_path: Path) -> None:
    path = make_epub(tmp_path / "book.epub",
                     [("a.xhtml", "Start", chapter("<p>Water boils at 100 degrees.</p>"))],
                     title="Kitchen Science", author="A. Cook")
    result = claimmark("claims", str(path), "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["article"]["title"] == "Kitchen Science"
    assert "Water boils at 100 degrees." in [c["text"] for c in payload["claims"]]
    assert all("page" not in c for c in payload["claims"])


def test_notes_on_a_pdf_anchor_and_the_markdown_export_names_their_page(tmp_path: Path) -> None:
    from app.core.annotations import annotation_for_span
    from app.core.claims import find_claims
    from app.core.loaders import load_article
    from app.core.notes_format import ArticleRef, NotesDocument
    from app.core.storage import NotesStore

    pages = [[f"Page {n} says something worth checking. It says more."] for n in range(1, 4)]
    path = make_plain_pages(tmp_path / "three.pdf", pages)
    article = load_article(path)
    third = [c for c in find_claims(article) if "Page 3" in article.text[c.start:c.end]][0]
    note = annotation_for_span(article.text, third.start, third.end, label="supported")
    NotesStore(path).save(NotesDocument(ArticleRef(path.name, article.sha256, article.title,
                                                   "pdf", article.page_breaks), [note]))
    notes = claimmark("notes", str(path), "--json")
    assert notes.returncode == 0, notes.stderr
    assert [a["status"] for a in json.loads(notes.stdout)["annotations"]] == ["exact"]
    export = claimmark("export", str(path), "--format", "md")
    assert export.returncode == 0, export.stderr
    assert "### N1. Supported · p. 3" in export.stdout
