"""A paragraph that runs on from a page-wide band into the first column (T10's
paper: its abstract overflowed into the columns) stays one paragraph."""

from __future__ import annotations

from pathlib import Path

from app.core.claims import find_claims
from app.core.loaders import load_article

SENTENCES = [f"Sentence {n} says the pupils in class {n} ate breakfast at school before the "
             "first lesson of the day and were rated by their teachers." for n in range(1, 9)]


def test_a_sentence_running_from_the_full_width_band_into_a_column_is_one_claim(
        tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

    width, height = A4
    column = (width - 144 - 18) / 2
    frames = [Frame(72, height - 200, width - 144, 120, id="top"),
              Frame(72, 72, column, height - 290, id="left"),
              Frame(72 + column + 18, 72, column, height - 290, id="right")]
    path = tmp_path / "bands.pdf"
    document = BaseDocTemplate(str(path), pagesize=A4)
    document.addPageTemplates([PageTemplate(frames=frames)])
    body = getSampleStyleSheet()["BodyText"]
    document.build([Paragraph(" ".join(SENTENCES), body)]
                   + [Paragraph(" ".join(SENTENCES[:4]), body) for _ in range(6)])
    article = load_article(path)
    claims = [article.text[c.start:c.end] for c in find_claims(article)]
    assert claims[:8] == SENTENCES
