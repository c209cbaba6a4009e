"""A paragraph that is one link calling the reader to act ("Click here to
order Glucontrol today") is advertising inside the article, for the reader to
mark: it was dropped as navigation (helper S, session 9: "call-to-action
paragraphs that are one whole link are still dropped")."""

from __future__ import annotations

import pytest

from app.core.claims import find_claims
from app.core.loaders import article_from_bytes

PARAGRAPHS = ("<p>Magnesium is a mineral found in nuts, seeds and leafy greens. Some small "
              "studies suggest it may ease nerve pain in people with diabetes.</p>"
              "<p>Research has shown that many adults do not get enough magnesium from food "
              "alone. Doctors usually recommend a blood test first.</p>"
              "{link}"
              "<p>Talk to your doctor before taking any supplement, especially if you take "
              "other medicines.</p>")
CALL = ('<p><a href="https://shop.example.com/glucontrol?ref=article">'
        "Click here to order Glucontrol today and save 20%</a></p>")


def _claims(html: str) -> list[str]:
    article = article_from_bytes(html.encode(), "html", "page.html")
    return [article.text[c.start:c.end] for c in find_claims(article)]


@pytest.mark.parametrize("wrap", [
    "<html><body><nav><a href='/'>Home</a></nav><article><h1>Magnesium</h1>{}</article>"
    "<footer><a href='/privacy'>Privacy</a></footer></body></html>",
    "<html><body><div class='c'><h1>Magnesium</h1>{}</div></body></html>",  # no content markup
])
def test_a_link_calling_to_act_is_a_claim(wrap: str) -> None:
    claims = _claims(wrap.format(PARAGRAPHS.format(link=CALL)))
    assert "Click here to order Glucontrol today and save 20%" in claims


@pytest.mark.parametrize("link", [
    '<p><a href="/next">Read more</a></p>',
    '<p><a href="/health/sleep">Sleep and magnesium: what to know</a></p>',
    '<p><a href="#s2">2. Methods and the study population</a></p>',
])
def test_other_links_alone_stay_out(link: str) -> None:
    page = ("<html><body><article><h1>Magnesium</h1>"
            f"{PARAGRAPHS.format(link=link)}</article></body></html>")
    claims = _claims(page)
    assert len(claims) == 5
    assert not any(c.startswith(("Read more", "Sleep and", "2.")) for c in claims)
