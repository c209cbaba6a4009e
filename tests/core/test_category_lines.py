"""A post's categories line is meta, not a claim (session 15, R: firefox-nightly-blog's
"Categories: News" above its title made "News" a claim)."""

from __future__ import annotations

from app.core.claims import find_claims
from app.core.loaders import article_from_bytes


def _article(header: str):  # type: ignore[no-untyped-def]
    page = ("<html><body><article><header>" + header + "<h1>These Weeks in Firefox</h1>"
            "</header><p>We have just landed a fix that prevents starting an update while "
            "another instance is running.</p><p>Users who run several profiles at once will "
            "see the error page less often.</p></article></body></html>")
    return article_from_bytes(page.encode(), "html", "page.html")


def test_a_categories_line_is_meta() -> None:
    article = _article("<div class='entry-tools'><div class='categories'><b>Categories:</b> "
                       "<a href='/category/news/' rel='category tag'>News</a></div></div>")
    kinds = {article.text[b.start:b.end]: b.kind for b in article.blocks}
    assert kinds["Categories: News"] == "meta"
    claims = [article.text[c.start:c.end] for c in find_claims(article)]
    assert claims and not any("News" in claim for claim in claims)


def test_a_paragraph_in_a_box_named_categories_stays_a_sentence() -> None:
    """Only a line: a box of paragraphs keeps its claims."""
    article = _article("<div class='categories'><p>We tag every report with the teams that "
                       "worked on it, so readers can follow one team across the year.</p>"
                       "<p>Each tag links to that team's page.</p></div>")
    claims = [article.text[c.start:c.end] for c in find_claims(article)]
    assert any(claim.startswith("We tag every report") for claim in claims)
