"""Page notes and replies (another tool's notes that mark no text) are not
"lost" in exports: their own section, their own CSV status, as ``claimmark
notes`` says "marks no text" (tester T13: filed under "Lost their place" with
"> (no quote)", CSV status "orphaned")."""

from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path

from app.core.annotation_jsonld import annotation_from_jsonld
from app.core.annotations import annotation_for_span
from app.core.claims import find_claims
from app.core.export import build_export_model, export_text
from tests.conftest import SAMPLE


def _model(tmp_path: Path):
    from app.core.loaders import load_article

    target = tmp_path / "sample.md"
    shutil.copy(SAMPLE, target)
    article = load_article(target)
    claims = find_claims(article)
    placed = annotation_for_span(article.text, claims[3].start, claims[3].end, label="uncertain")
    lost = annotation_for_span("Gone sentence here, never in the article.", 0, 41,
                               note="An orphan")
    page_note = annotation_from_jsonld({
        "id": "https://hypothes.is/a/p1", "type": "Annotation", "motivation": "commenting",
        "body": {"type": "TextualBody", "value": "Whole post lacks citations."},
        "target": {"source": "https://example.org/post"}})
    reply = annotation_from_jsonld({
        "id": "https://hypothes.is/a/r1", "type": "Annotation", "motivation": "replying",
        "body": {"type": "TextualBody", "value": "Agreed."},
        "target": "https://hypothes.is/a/p1"})
    return build_export_model(article, [page_note, placed, reply, lost], len(claims))


def test_markdown_lists_page_notes_apart_from_lost_ones(tmp_path: Path) -> None:
    text = export_text(_model(tmp_path), "md")
    lost = text.index("## Lost their place")
    pages = text.index("## Page notes and replies")
    assert lost < text.index("An orphan") < pages < text.index("Whole post lacks") \
        and pages < text.index("Agreed.")
    assert "(no quote)" not in text
    assert "### N2." in text[lost:pages] and "### N4." in text[pages:]


def test_html_lists_page_notes_apart_from_lost_ones(tmp_path: Path) -> None:
    text = export_text(_model(tmp_path), "html")
    lost = text.index("Notes that lost their place")
    pages = text.index("Page notes and replies")
    assert lost < text.index("An orphan") < pages < text.index("Whole post lacks")


def test_csv_gives_page_notes_their_own_status(tmp_path: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(export_text(_model(tmp_path), "csv"))))
    status = {row["id"].rsplit("/", 1)[-1]: row["status"] for row in rows}
    assert status["p1"] == status["r1"] == "marks no text"
    assert sorted(status.values()).count("orphaned") == 1


def test_the_notes_numbers_agree_between_markdown_and_html(tmp_path: Path) -> None:
    model = _model(tmp_path)
    markdown, html = export_text(model, "md"), export_text(model, "html")
    for words in ("An orphan", "Whole post lacks", "Agreed."):
        in_md = re.findall(r"### (N\d+)\.", markdown[:markdown.index(words)])[-1]
        in_html = re.findall(r"(N\d+)&nbsp;", html[:html.index(words)])[-1]
        assert in_md == in_html, words
