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


def texts_of(source: str, fmt: str) -> list[str]:
    article = article_from_bytes(source.encode(), fmt, f"x.{fmt}")
    return [article.text[c.start:c.end].replace("\u2028", " ") for c in find_claims(article)]


def test_hard_wrapped_lines_of_a_literal_layout_are_joined_again() -> None:
    """DocBook puts a <br> at the end of every line of a plain-text README
    (Valgrind's dist.readme.html): its sentences run across those lines."""
    page = ('<html><body><div class="literallayout"><p>'
            "Valgrind is a framework for building dynamic analysis tools.  There are<br>"
            "Valgrind tools that can automatically detect many memory management<br>"
            "and threading bugs, and profile your programs in detail.<br>"
            "If you are building a binary package of Valgrind for distribution,<br>"
            "please read README_PACKAGERS.<br></p></div></body></html>")
    assert texts_of(page, "html") == [
        "Valgrind is a framework for building dynamic analysis tools.",
        "There are Valgrind tools that can automatically detect many memory management "
        "and threading bugs, and profile your programs in detail.",
        "If you are building a binary package of Valgrind for distribution, "
        "please read README_PACKAGERS.",
    ]


def test_short_lines_broken_on_purpose_stay_apart() -> None:
    """A poem's or an address's lines: short, each line its own."""
    page = ("<html><body><p>Roses are red<br>Violets are blue<br>Magnesium is a mineral<br>"
            "And so are you</p></body></html>")
    assert texts_of(page, "html") == ["Roses are red", "Violets are blue",
                                      "Magnesium is a mineral", "And so are you"]


WORDS = st.sampled_from(["magnesium", "Nerves", "may", "help", "the", "Trial", "found",
                         "no", "benefit", "in", "adults", "Research"])
LINES = st.lists(st.tuples(st.lists(WORDS, min_size=1, max_size=14),
                           st.sampled_from(["", "", ".", ",", "!", ":"])),
                 min_size=2, max_size=8)


@settings(max_examples=150, deadline=None)
@given(LINES)
def test_a_line_that_ends_a_sentence_never_runs_into_the_next(lines) -> None:
    """Joining wrapped lines never takes a sentence's final stop across a break,
    and claims stay inside their block, in order, without overlapping."""
    rows = [" ".join(words) + stop for words, stop in lines]
    article = article_from_bytes(("<p>" + "<br>".join(rows) + "</p>").encode(), "html", "x.html")
    text = article.text
    claims = find_claims(article)
    assert claims  # every line has letters
    for before, after in zip(claims, claims[1:], strict=False):
        assert before.end <= after.start
    for claim in claims:
        block = article.blocks[claim.block]
        assert block.start <= claim.start < claim.end <= block.end
        quote = text[claim.start:claim.end]
        assert quote == quote.strip()
        for line_end in (i for i, c in enumerate(quote) if c == "\u2028"):
            assert quote[:line_end].rstrip()[-1] not in ".!:"


def test_a_list_of_items_one_a_line_stays_apart() -> None:
    """A changelog's lines (libxslt's news.html): items without a stop, each
    its own, even when long; "win32: …" is not a sentence going on."""
    page = ("<html><body><p>Fix use-after-free in xsltApplyTemplates for nested templates<br>"
            "Fix memory leak in xsltDocumentElem when the output is closed (David King)<br>"
            "Added platform specific path separators (Dmitriy Korovkin)<br>"
            "win32: allow passing *FLAGS on the command line</p></body></html>")
    assert len(texts_of(page, "html")) == 4
