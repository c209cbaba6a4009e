"""Loose text beside blocks (text straight in <body> or a <div> between
headings and paragraphs) is shown as paragraphs, as a browser shows it, and
becomes claims (tester T8: zlib's zlib_how.html lost 31 of 47 paragraphs,
its introduction among them, with no notice)."""

from __future__ import annotations

from pathlib import Path

import lxml.html
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.claims import find_claims
from app.core.loaders import article_from_bytes
from app.core.loose_text import BLOCK_TAGS, wrap_loose_text

BARE = """<html><head><title>Bare</title></head><body>
<h2>Vitamin C Facts</h2>
Vitamin C is found in citrus fruit. Many people take it for colds.
<p>A review found it does not prevent colds in most people.</p>
Regular doses may shorten colds slightly. The effect is small.
<p>Large doses can cause stomach upset.</p>
</body></html>"""


def claims_of(html: str) -> list[str]:
    article = article_from_bytes(html.encode(), "html", "page.html")
    return [article.text[c.start:c.end] for c in find_claims(article)]


def test_text_straight_in_the_body_is_kept_in_its_place() -> None:
    assert claims_of(BARE) == [
        "Vitamin C is found in citrus fruit.", "Many people take it for colds.",
        "A review found it does not prevent colds in most people.",
        "Regular doses may shorten colds slightly.", "The effect is small.",
        "Large doses can cause stomach upset."]


WORDS = st.lists(st.sampled_from(["magnesium", "sleep", "trial", "dose", "fibre", "nerve"]),
                 min_size=1, max_size=4)
PIECE = st.tuples(st.sampled_from(["loose", "p", "h2", "div", "b", "em", "br", "ul"]), WORDS)


@settings(max_examples=200)
@given(st.lists(PIECE, min_size=1, max_size=8), st.sampled_from(["body", "div", "section"]))
def test_loose_runs_become_paragraphs_and_no_word_moves(pieces: list[tuple[str, list[str]]],
                                                        container: str) -> None:
    """Whatever the mix of loose text, inline elements and blocks: every word
    stays, in the page's order, and no text is left loose beside a block."""
    parts = []
    for kind, piece in pieces:
        text = " ".join(piece)
        parts.append({"loose": text, "br": f"{text}<br>", "ul": f"<ul><li>{text}</li></ul>"}.get(
            kind, f"<{kind}>{text}</{kind}>"))
    inner = " ".join(parts)
    page = f"<html><body><{container}>{inner}</{container}></body></html>"
    root = lxml.html.document_fromstring(page)
    words = root.text_content().split()
    wrap_loose_text(root)
    assert root.text_content().split() == words
    for element in root.iter("body", "div", "section"):
        children = list(element)
        if any(child.tag in BLOCK_TAGS for child in children):
            assert not (element.text or "").strip()
            assert not any((child.tail or "").strip() for child in children)
            assert all(child.tag in BLOCK_TAGS for child in children)


@given(st.lists(st.sampled_from(["<p>One two.</p>", "<h2>Head</h2>", "<ul><li>Item</li></ul>",
                                 "<div><p>Inner.</p></div>", "\n  ", "<!-- note -->"]),
                min_size=1, max_size=6))
def test_a_page_with_no_loose_text_is_left_as_it_is(parts: list[str]) -> None:
    page = f"<html><body>{''.join(parts)}</body></html>"
    root = lxml.html.document_fromstring(page)
    before = lxml.html.tostring(root, encoding="unicode")
    wrap_loose_text(root)
    after = lxml.html.tostring(root, encoding="unicode")
    assert after.replace("\n", "").replace(" ", "") == before.replace("\n", "").replace(" ", "")


def test_a_real_page_keeps_its_introduction() -> None:
    page = Path("/usr/share/doc/zlib1g-dev/examples/zlib_how.html")
    if not page.exists():  # a Debian package's example; the synthetic tests above still run
        return
    claims = claims_of(page.read_text(encoding="latin-1"))
    assert claims[0].startswith("We often get questions about how the deflate()")
    assert len(claims) > 150
