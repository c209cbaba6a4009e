"""A paper's front matter in a PDF (tester T11): the authors' affiliations and
the keywords are not the article's claims; a writer's placeholder is no title."""

from __future__ import annotations

from pathlib import Path

from app.core.claims import find_claims
from app.core.loaders import load_article

AFFILIATIONS = ("<super>1</super>Department of Medicine, Uppsala University, Sweden; "
                "<super>2</super>Karolinska Institutet; <super>3</super>University of Hong Kong")
ABSTRACT = ("<b>Abstract.</b> Vitamin D supplements are widely recommended for older adults "
            "to prevent fractures. We randomly assigned 2,400 adults aged 70 years or older to "
            "20 µg of vitamin D3 daily or placebo for three years. Vitamin D did not reduce "
            "fracture risk in this population.")


def _paper(path: Path, affiliation_align: int, title: str = "Vitamin D and fractures",
           affiliations: str = AFFILIATIONS) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    body = getSampleStyleSheet()["BodyText"].clone("b", fontName="Times-Roman", fontSize=9.5,
                                                  leading=12, alignment=4)
    centred = body.clone("c", alignment=1)
    heading = body.clone("h", fontName="Times-Bold", fontSize=16, leading=19, alignment=1)
    section = body.clone("s", fontName="Times-Bold", fontSize=11, alignment=0)
    SimpleDocTemplate(str(path), pagesize=A4, title=title).build([
        Paragraph("Vitamin D supplementation and fracture risk in older adults: a randomised "
                  "trial", heading),
        Spacer(1, 4),
        Paragraph("Anna Berg<super>1</super>, Tomas Lind<super>1,2</super>, Mei Chen"
                  "<super>3</super>", centred),
        Paragraph(f"<i>{affiliations}</i>", body.clone("a", alignment=affiliation_align)),
        Spacer(1, 6),
        Paragraph(ABSTRACT, body),
        Paragraph("<b>Keywords:</b> vitamin D; fracture; randomised controlled trial; older "
                  "adults", body.clone("k", alignment=0)),
        Paragraph("1. Introduction", section),
        Paragraph("Low vitamin D status is common in older adults, especially in northern "
                  "latitudes. Observational studies have linked low serum concentrations to a "
                  "higher risk of hip fracture.", body)])
    return path


def _claims(path: Path) -> list[str]:
    article = load_article(path)
    return [article.text[c.start:c.end] for c in find_claims(article)]


def test_centred_affiliations_and_keywords_are_meta_not_claims(tmp_path: Path) -> None:
    # Centred, nearly as wide as the page, in the body's size, and with no word
    # that names an affiliation at its start: its place says what it is.
    affiliations = ("<super>1</super>Karolinska Institutet, Stockholm, Sweden; "
                    "<super>2</super>Norwegian Institute of Public Health, Oslo, Norway")
    claims = _claims(_paper(tmp_path / "centred.pdf", 1, affiliations=affiliations))
    assert not [c for c in claims if "Karolinska" in c or "Keywords" in c], claims
    assert "Vitamin D did not reduce fracture risk in this population." in claims
    assert claims[-1] == ("Observational studies have linked low serum concentrations to a "
                          "higher risk of hip fracture.")
    article = load_article(tmp_path / "centred.pdf")
    meta = [article.text[b.start:b.end] for b in article.blocks if b.kind == "meta"]
    assert any(line.startswith("Keywords:") for line in meta), meta


def test_an_affiliation_set_flush_across_the_page_is_meta(tmp_path: Path) -> None:
    claims = _claims(_paper(tmp_path / "flush.pdf", affiliation_align=0))
    assert not [c for c in claims if "Department" in c], claims
    assert "Vitamin D did not reduce fracture risk in this population." in claims


def test_a_writers_placeholder_is_no_title(tmp_path: Path) -> None:
    article = load_article(_paper(tmp_path / "anonymous.pdf", 1, title="(anonymous)"))
    assert article.title.startswith("Vitamin D supplementation and fracture risk")
