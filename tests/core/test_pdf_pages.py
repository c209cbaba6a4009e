"""Rendering a PDF page and finding a claim's boxes on it."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.article import LoadError, page_at
from app.core.claims import find_claims
from app.core.loaders import load_article
from app.core.pdf_pages import PdfPages, _find, _folded
from tests import pdf_samples
from tests.pdf_factory import make_paper


@pytest.fixture(scope="module")
def paper(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_paper(tmp_path_factory.mktemp("pdf") / "paper.pdf", pdf_samples.long_paper(3))


def test_every_claim_is_found_on_its_page(paper: Path) -> None:
    article = load_article(paper)
    pages = PdfPages(paper)
    try:
        missing = []
        for claim in find_claims(article):
            page = page_at(article, claim.start)
            assert page is not None
            boxes = pages.quote_boxes(page, article.text[claim.start:claim.end])
            if not boxes:
                missing.append(article.text[claim.start:claim.end])
            width, height = pages.size(page)
            assert all(0 <= b.left < b.right <= width and 0 <= b.top < b.bottom <= height
                       for b in boxes)
        assert missing == []
    finally:
        pages.close()


def test_a_page_renders_at_the_asked_scale(paper: Path) -> None:
    pages = PdfPages(paper)
    try:
        image = pages.render(2, 0.5)
        assert (image.width, image.height) == (306, 396)
        assert len(image.pixels) == image.stride * image.height
        assert image.pixels.count(b"\xff") < len(image.pixels)  # not a blank page
    finally:
        pages.close()


def test_matching_sets_spaces_hyphens_and_ligatures_aside() -> None:
    page = "evidence con-\r\nsectetuer, e\ufb03cacy of the treat-\r\nment"
    folded, where = _folded(page)
    assert folded == "evidenceconsectetuerefficacyofthetreatment"
    assert len(where) == len(folded)
    span = _find(page, _folded("consectetuer, efficacy")[0])
    assert span is not None and page[span[0]:span[1]] == "con-\r\nsectetuer, e\ufb03cacy"
    # A claim that runs onto the next page: its head ends this page.
    head = _find(page, _folded("of the treatment is followed on the next page")[0])
    assert head is not None and page[head[0]:head[1]] == "of the treat-\r\nment"
    assert _find(page, _folded("nowhere to be seen at all")[0]) is None


def test_a_locked_file_cannot_be_drawn(tmp_path: Path) -> None:
    path = make_paper(tmp_path / "locked.pdf", pdf_samples.health_paper(), password="x")
    with pytest.raises(LoadError, match="password-protected"):
        PdfPages(path)


def test_of_two_occurrences_the_one_near_the_claims_place_is_shown() -> None:
    """The BibTeX manual's page 9 lists "Optional fields: type, address, month,
    note." under two entry types: the second claim must light the second line."""
    page = ("mastersthesis A Master's thesis. Optional fields: type, address, month, note.\r\n"
            "misc Use this type when nothing else fits.\r\n"
            "phdthesis A PhD thesis. Optional fields: type, address, month, note.\r\n")
    wanted = _folded("Optional fields: type, address, month, note.")[0]
    first, second = (page.index("Optional"), page.rindex("Optional"))
    assert _find(page, wanted)[0] == first  # no hint: the first, as before
    assert _find(page, wanted, near=0.05)[0] == first
    assert _find(page, wanted, near=0.8)[0] == second


def test_a_claims_place_on_its_page(paper: Path, tmp_path: Path) -> None:
    from app.core.article import place_on_page

    article = load_article(paper)
    breaks = article.page_breaks
    assert len(breaks) >= 2
    assert place_on_page(article, breaks[1][0]) == 0.0
    assert 0.9 < place_on_page(article, breaks[1][0] - 1) <= 1.0
    plain = tmp_path / "plain.txt"
    plain.write_text("Not paged. At all.", encoding="utf-8")
    assert place_on_page(load_article(plain), 0) is None
