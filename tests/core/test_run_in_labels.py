"""A run-in heading set in bold at a paragraph's start is a label, not a claim
(tester T10: a PDF's "Abstract." was a claim of its own)."""

from __future__ import annotations

from pathlib import Path

from app.core.claims import find_claims
from app.core.loaders import load_article

BODY = ("Sixty pupils in four schools ate breakfast at school for a term. Their teachers "
        "rated attention in the first lesson each week.")


def claims_of(path: Path) -> list[str]:
    article = load_article(path)
    return [article.text[c.start:c.end] for c in find_claims(article)]


def test_a_bold_run_in_heading_in_a_pdf_is_a_label(tmp_path: Path) -> None:
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    path = tmp_path / "run-in.pdf"
    body = getSampleStyleSheet()["BodyText"]
    SimpleDocTemplate(str(path)).build([
        Paragraph(f"<b>Abstract.</b> {BODY}", body),
        Paragraph("<b>Main outcome measures:</b> attention scores rose by a tenth in the "
                  "intervention schools and did not change in the others.", body),
        Paragraph("<b>Breakfast at school helps every pupil learn better and "
                  "faster.</b> So the schools said in their letters home.", body)])
    article = load_article(path)
    claims = claims_of(path)
    assert claims[:2] == BODY.replace("term. Their", "term.|Their").split("|")
    assert claims[2] == ("attention scores rose by a tenth in the intervention schools and did "
                         "not change in the others.")
    # A bold sentence is not a label: it is a claim.
    assert claims[3] == "Breakfast at school helps every pupil learn better and faster."
    # The label stays in the text, bold, where the page has it.
    first = article.blocks[0]
    assert article.text[first.start:first.end].startswith("Abstract. Sixty pupils")
    assert [(s.start - first.start, s.end - first.start, s.style) for s in first.styles] == [
        (0, 9, "bold")]


def test_a_bold_run_in_heading_in_html_is_a_label(tmp_path: Path) -> None:
    path = tmp_path / "run-in.html"
    path.write_text(f"<html><body><p><b>Methods</b>: {BODY}</p><p><strong>Note:</strong> "
                    "the survey closed early.</p><p><b>Iron</b> intake rose in the "
                    "autumn.</p></body></html>", encoding="utf-8")
    claims = claims_of(path)
    assert claims[:2] == BODY.replace("term. Their", "term.|Their").split("|")
    assert claims[2] == "the survey closed early."
    assert claims[3] == "Iron intake rose in the autumn."  # a bold word, not a label
