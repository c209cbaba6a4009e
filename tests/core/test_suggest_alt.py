"""Image alt text on saved pages is kept as text but never suggests a label: on
product pages it captions a bottle or a badge ("Rated 4.9 out of 5 stars")."""

from __future__ import annotations

from html import escape

from hypothesis import given
from hypothesis import strategies as st

from app.core.claims import find_claims
from app.core.loaders import article_from_bytes
from app.core.suggest import suggest_for_claims

PAGE = """<!DOCTYPE html><html><head><title>Sleep Gummies</title></head><body><main>
<h1>Sleep Gummies</h1>
<p>Each gummy contains 3 mg of melatonin.</p>
<div><img data-src="/img/jar.jpg" alt="{lazy}"></div>
<p>Melatonin is a hormone made in the brain. <img src="/stars.svg" alt="{inline}"> It is
released at night.</p>
</main></body></html>"""

_WORDS = ["Rated", "4.9", "out", "of", "5", "stars", "Buy", "now", "save", "20%", "free",
          "trial", "our", "best", "formula", "may", "help", "you", "sleep", "jar", "on", "a",
          "table", "!", "order", "today"]


def suggestions(lazy: str, inline: str) -> tuple[str, dict[int, list[tuple[int, int]]], list]:
    html = PAGE.format(lazy=escape(lazy), inline=escape(inline))
    article = article_from_bytes(html.encode(), "html", "page.html")
    claims = find_claims(article)
    alt = {n: [(r.start, r.end) for r in b.styles if r.style == "alt"]
           for n, b in enumerate(article.blocks)}
    found = suggest_for_claims(article, claims)
    return article.text, alt, [(claims[i], s) for i, s in found.items()]


def test_alt_text_is_kept_but_suggests_nothing() -> None:
    text, alt, found = suggestions("Buy now: our best sleep gummies, 20% off!",
                                   "Rated 4.9 out of 5 stars by happy customers")
    assert "Buy now: our best sleep gummies" in text  # kept: it may be all there is
    assert "Rated 4.9 out of 5 stars" in text
    assert sum(len(spans) for spans in alt.values()) == 2
    assert found == []


@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=12),
       st.lists(st.sampled_from(_WORDS), min_size=1, max_size=12))
def test_no_cue_falls_on_alt_text(lazy: list[str], inline: list[str]) -> None:
    text, alt, found = suggestions(" ".join(lazy), " ".join(inline))
    spans = [span for block in alt.values() for span in block]
    assert len(spans) == 2  # both alt texts are there to be avoided
    for _, suggestion in found:
        for cue in suggestion.cues:
            assert not any(cue.start < end and cue.end > start for start, end in spans), cue


def test_alt_text_after_a_closing_pitch_is_not_pulled_into_it() -> None:
    html = """<html><body><main><h1>Sleep</h1>
<p>Melatonin is a hormone made in the brain.</p>
<p>You'll wonder how you ever slept without it. Order now and save 20% on your first jar.
Get yours today, while supplies last!</p>
<p><img data-src="jar.jpg" alt="Order now! You will love it"></p></main></body></html>"""
    article = article_from_bytes(html.encode(), "html", "page.html")
    claims = find_claims(article)
    found = suggest_for_claims(article, claims)
    labels = {article.text[c.start:c.end]: found[c.index].label if c.index in found else None
              for c in claims}
    assert labels == {"Melatonin is a hormone made in the brain.": None,
                      "You'll wonder how you ever slept without it.": "advertising",
                      "Order now and save 20% on your first jar.": "advertising",
                      "Get yours today, while supplies last!": "advertising",
                      "Order now!": None, "You will love it": None}
