"""Claims lie inside one block and slice the canonical text exactly."""

from __future__ import annotations

from pathlib import Path

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from app.core.article import LoadError
from app.core.claims import find_claims
from app.core.loaders import article_from_bytes, load_article


def test_corpus_article_has_25_claims(corpus: Path) -> None:
    article = load_article(corpus / "magnesium-neuropathy.txt")
    claims = find_claims(article)
    assert len(claims) == 25
    last = claims[-1]
    assert article.text[last.start:last.end] == (
        "Click here to learn more and start feeling better."
    )
    assert article.text[claims[0].start:claims[0].end].startswith("Neuropathy is a condition")


def test_code_blocks_and_headings_are_not_claims() -> None:
    article = article_from_bytes(b"# Head\n\n```\nx = 1. y = 2.\n```\n\nText. More.", "md", "a.md")
    texts = [article.text[c.start:c.end] for c in find_claims(article)]
    assert texts == ["Text.", "More."]


def test_hard_line_break_separates_claims() -> None:
    article = article_from_bytes(b"A line without stop  \nNext line.", "md", "a.md")
    texts = [article.text[c.start:c.end] for c in find_claims(article)]
    assert texts == ["A line without stop", "Next line."]


def test_progress_can_cancel() -> None:
    article = article_from_bytes(b"One. Two.\n\n" * 5000, "txt", "a.txt")
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return len(seen) < 2

    claims = find_claims(article, progress)
    assert 0 < len(claims) < 10000
    assert seen[-1] == (len(article.text), len(article.text))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=500), st.sampled_from(["txt", "md"]))
def test_claims_lie_inside_their_block(source: str, fmt: str) -> None:
    try:
        article = article_from_bytes(source.encode(), fmt, f"x.{fmt}")
    except LoadError:
        assume(False)
        return
    claims = find_claims(article)
    for i, claim in enumerate(claims):
        block = article.blocks[claim.block]
        assert claim.index == i
        assert block.start <= claim.start < claim.end <= block.end
        quote = article.text[claim.start:claim.end]
        assert quote == quote.strip() and "\n" not in quote


LICENCE = """Mozilla Public License Version 2.0
==================================

1. Definitions
--------------

1.1. "Contributor"
    means each individual or legal entity that creates, contributes to
    the creation of, or owns Covered Software.

1.2. "Contributor Version"
    means the combination of the Contributions of others (if any) used
    by a Contributor and that particular Contributor's Contribution.

* * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * *

Page 2

3
"""


def test_numbers_and_rules_are_not_claims_and_underlined_lines_are_headings() -> None:
    article = article_from_bytes(LICENCE.encode(), "txt", "MPL-2.0")
    claims = [article.text[c.start:c.end] for c in find_claims(article)]
    assert claims == [
        '"Contributor" means each individual or legal entity that creates, contributes to '
        "the creation of, or owns Covered Software.",
        '"Contributor Version" means the combination of the Contributions of others (if any) '
        "used by a Contributor and that particular Contributor's Contribution."]
    assert article.title == "Mozilla Public License Version 2.0"
    headings = [article.text[b.start:b.end] for b in article.blocks if b.kind == "heading"]
    assert headings[:2] == ["Mozilla Public License Version 2.0", "1. Definitions"]
    assert "-----" not in article.text and "=====" not in article.text


@settings(max_examples=200)
@given(st.text(st.sampled_from(list("ab1. -*=\n§")), max_size=120), st.sampled_from(["txt", "md"]))
def test_every_claim_has_a_letter(source: str, fmt: str) -> None:
    try:
        article = article_from_bytes(source.encode(), fmt, f"x.{fmt}")
    except LoadError:
        assume(False)
        return
    claims = find_claims(article)
    assert all(any(ch.isalpha() for ch in article.text[c.start:c.end]) for c in claims)
    assert [c.index for c in claims] == list(range(len(claims)))


APACHE_LIKE = """\
   1. Definitions.

      "License" shall mean the terms and conditions for use.

   6. Trademarks. This License does not grant permission to use the trade
      names, trademarks or service marks of the Licensor.

   7. Disclaimer of Warranty. Unless required by applicable law, the Licensor
      provides the Work on an "AS IS" BASIS.

Magnesium may help. Sleep matters too.

Yes. Most trials were small.
"""


def test_a_run_in_heading_is_not_a_claim() -> None:
    """"6. Trademarks. This License…": the title-case words that open a section
    (Apache's, the GPL's) name it; the sentences after them are the claims."""
    article = article_from_bytes(APACHE_LIKE.encode(), "txt", "LICENSE")
    claims = [article.text[c.start:c.end] for c in find_claims(article)]
    assert claims == [
        '"License" shall mean the terms and conditions for use.',
        "This License does not grant permission to use the trade names, trademarks or "
        "service marks of the Licensor.",
        'Unless required by applicable law, the Licensor provides the Work on an "AS IS" BASIS.',
        "Magnesium may help.", "Sleep matters too.",
        "Yes.", "Most trials were small."]
