"""Block roles: only paragraphs, quotes and list items hold claims."""

from __future__ import annotations

from pathlib import Path

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from app.core.article import CLAIM_KINDS, Block, LoadError
from app.core.claims import find_claims
from app.core.loaders import article_from_bytes, load_article
from app.core.roles import assign_roles

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"


def roles(article) -> list[tuple[str, str]]:
    return [(b.kind, article.text[b.start:b.end]) for b in article.blocks]


def claim_texts(article) -> list[str]:
    return [article.text[c.start:c.end] for c in find_claims(article)]


def test_markdown_health_article_roles() -> None:
    article = load_article(FIXTURES / "health-article.md")
    kinds = dict((text, kind) for kind, text in roles(article))
    assert article.title == "Vitamin K and Your Bones: What We Know"
    assert kinds["By the Wellness Desk · 6 minute read"] == "meta"
    assert kinds["Updated 3 March 2024"] == "meta"
    assert kinds["Group | Adequate intake"] == "table_header"
    assert kinds["Women | 90 µg a day"] == "table_row"
    assert kinds["Figure 1. Kale is one of the richest sources."] == "caption"
    assert kinds["References"] == "heading"
    references = [b for b in article.blocks if b.kind == "reference"]
    assert [b.ordinal for b in references] == [1, 2, 3]
    claims = claim_texts(article)
    for not_a_claim in ("Vitamin K and Your Bones", "By the Wellness", "Group", "Women",
                        "Figure 1", "dose_ug", "References", "Booth SL", "Feskanich"):
        assert not any(c.startswith(not_a_claim) for c in claims), not_a_claim
    assert "Natto, a fermented soybean dish, is rich in vitamin K2." in claims


def test_markdown_inside_details_is_rendered() -> None:
    source = (b"<details>\n<summary>Answer</summary>\n\n##### 2.\n\n"
              b"Some *markdown* text.\n</details>\n")
    article = article_from_bytes(source, "md", "a.md")
    assert roles(article) == [("heading", "Answer"), ("heading", "2."),
                              ("paragraph", "Some markdown text.")]
    assert any(s.style == "italic" for s in article.blocks[2].styles)


def test_fenced_html_is_left_as_code() -> None:
    source = b"```\n<div>\n```\n"
    article = article_from_bytes(source, "md", "a.md")
    assert roles(article) == [("code", "<div>")]


def test_markdown_footnotes_are_references_named_by_their_markers() -> None:
    source = b"Magnesium helps.[^a] Nuts have it.[^b]\n\n[^a]: Smith J. A trial. BMJ 2020.\n" \
             b"[^b]: Doe A. Nuts. 2021.\n"
    article = article_from_bytes(source, "md", "a.md")
    assert roles(article) == [("paragraph", "Magnesium helps.[1] Nuts have it.[2]"),
                              ("reference", "Smith J. A trial. BMJ 2020."),
                              ("reference", "Doe A. Nuts. 2021.")]
    assert claim_texts(article) == ["Magnesium helps.[1]", "Nuts have it.[2]"]


def test_plain_text_headings_lists_and_references() -> None:
    source = (
        b"Magnesium and Sleep\n\nBy Jane Doe | 12 May 2023\n\n"
        b"Magnesium may help you sleep.[1] Most adults get enough.\n\n"
        b"What the trials say\n\nSmall trials found short effects.[2]\n\n"
        b"References\n1. Abbasi B, et al. J Res Med Sci. 2012.\n"
        b"2. Held K. Pharmacopsychiatry. 2002.\n"
    )
    article = article_from_bytes(source, "txt", "a.txt")
    assert roles(article) == [
        ("heading", "Magnesium and Sleep"),
        ("meta", "By Jane Doe | 12 May 2023"),
        ("paragraph", "Magnesium may help you sleep.[1] Most adults get enough."),
        ("heading", "What the trials say"),
        ("paragraph", "Small trials found short effects.[2]"),
        ("heading", "References"),
        ("reference", "Abbasi B, et al. J Res Med Sci. 2012."),
        ("reference", "Held K. Pharmacopsychiatry. 2002."),
    ]
    assert article.title == "Magnesium and Sleep"
    assert claim_texts(article) == ["Magnesium may help you sleep.[1]", "Most adults get enough.",
                                    "Small trials found short effects.[2]"]


def test_a_plain_text_title_block_is_a_title_and_meta_not_a_claim() -> None:
    """The way licences, RFCs and READMEs start: a short title line, then a
    version or date line, maybe an address — centred by spaces, no full stops."""
    source = (b"                    GNU GENERAL PUBLIC LICENSE\n"
              b"                       Version 3, 29 June 2007\n\n"
              b" Copyright (C) 2007 Free Software Foundation, Inc. <https://fsf.org/>\n"
              b" Everyone is permitted to copy and distribute verbatim copies\n"
              b" of this license document, but changing it is not allowed.\n\n"
              b"                            Preamble\n\n"
              b"  The GNU General Public License is a free, copyleft license.\n")
    article = article_from_bytes(source, "txt", "GPL-3")
    assert article.title == "GNU GENERAL PUBLIC LICENSE"
    assert roles(article)[:2] == [("heading", "GNU GENERAL PUBLIC LICENSE"),
                                  ("meta", "Version 3, 29 June 2007")]
    assert claim_texts(article)[-1] == "The GNU General Public License is a free, copyleft license."
    apache = article_from_bytes(b"\n                                 Apache License\n"
                                b"                           Version 2.0, January 2004\n"
                                b"                        http://www.apache.org/licenses/\n\n"
                                b"   TERMS AND CONDITIONS\n\n   1. Definitions.\n",
                                "txt", "LICENSE")
    assert apache.title == "Apache License"
    assert "Version 2.0, January 2004" not in claim_texts(apache)
    # A first paragraph of real sentences stays a paragraph.
    prose = article_from_bytes(b"Magnesium matters.\nIt is in nuts.\n\nMore text here.\n",
                               "txt", "p.txt")
    assert roles(prose)[0] == ("paragraph", "Magnesium matters. It is in nuts.")


def test_the_corpus_article_keeps_its_paragraphs(corpus: Path) -> None:
    article = load_article(corpus / "magnesium-neuropathy.txt")
    assert {b.kind for b in article.blocks} == {"paragraph"}


def test_a_heading_of_the_same_rank_ends_the_references() -> None:
    source = b"## Notes\n\n- Smith 2020.\n\n## Next steps\n\nTalk to a doctor.\n"
    article = article_from_bytes(source, "md", "a.md")
    assert [k for k, _ in roles(article)] == ["heading", "reference", "heading", "paragraph"]


def test_layout_tables_keep_their_paragraphs() -> None:
    html = (b"<html><body><table><tr><td><p>Magnesium helps. It is safe.</p></td></tr>"
            b"<tr><th>Dose</th><th>Effect</th></tr><tr><td>400 mg</td><td>none</td></tr>"
            b"</table></body></html>")
    article = article_from_bytes(html, "html", "a.html")
    assert ("paragraph", "Magnesium helps. It is safe.") in roles(article)
    assert ("table_header", "Dose | Effect") in roles(article)
    assert ("table_row", "400 mg | none") in roles(article)


_blocks = st.lists(st.tuples(st.sampled_from(["heading", "paragraph", "list_item", "quote"]),
                             st.sampled_from(["References", "Notes", "By Ann Lee", "Text here.",
                                              "Figure 2. A chart", "Updated 3 May 2021",
                                              "1. Smith 2020."]),
                             st.integers(1, 3)), max_size=12)


@settings(max_examples=200, deadline=None)
@given(_blocks)
def test_roles_change_only_kind_and_ordinal(spec: list[tuple[str, str, int]]) -> None:
    text, blocks, position = "", [], 0
    for kind, content, level in spec:
        blocks.append(Block(kind, position, position + len(content), level))  # type: ignore[arg-type]
        text += content + "\n"
        position += len(content) + 1
    result = assign_roles(text, blocks)
    assert len(result) == len(blocks)
    for before, after in zip(blocks, result, strict=True):
        assert (after.start, after.end, after.level, after.styles) == \
            (before.start, before.end, before.level, before.styles)
        assert after.kind == before.kind or before.kind != "heading"


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400), st.sampled_from(["txt", "md"]))
def test_claims_come_only_from_claim_blocks(source: str, fmt: str) -> None:
    try:
        article = article_from_bytes(source.encode(), fmt, f"x.{fmt}")
    except LoadError:
        assume(False)
        return
    for claim in find_claims(article):
        assert article.blocks[claim.block].kind in CLAIM_KINDS


def test_a_subsection_that_is_not_a_reference_heading_ends_the_references() -> None:
    """Node.js's crypto page: "## Notes" then "### Using strings as inputs…" and
    prose; a deeper heading of its own subject is a section, not a note's title
    (a deeper "Sources" under "References" still holds entries)."""
    source = (b"## Notes\n\n### Using strings as inputs\n\nMany APIs accept strings.\n\n"
              b"## References\n\n### Primary sources\n\n- Smith J. Magnesium. BMJ 2020.\n")
    article = article_from_bytes(source, "md", "a.md")
    assert [k for k, _ in roles(article)] == ["heading", "heading", "paragraph",
                                              "heading", "heading", "reference"]


def test_a_papers_keyword_list_is_meta_in_any_format() -> None:
    """Tester T11: "Keywords: vitamin D; fracture; …" was a claim."""
    from app.core.roles import is_keywords

    for line in ("Keywords: vitamin D; fracture; randomised controlled trial",
                 "Key words: sleep, magnesium", "Index Terms—neural networks, pruning",
                 "KEYWORDS. caffeine; cohort"):
        assert is_keywords(line), line
    for line in ("Keywords are what a search engine matches.", "Key findings: sleep improved.",
                 "Keywords"):
        assert not is_keywords(line), line
    article = article_from_bytes(
        b"# A trial\n\nKeywords: vitamin D; fracture\n\nVitamin D did not prevent fractures.\n",
        "md", "paper.md")
    assert [article.text[c.start:c.end] for c in find_claims(article)] == [
        "Vitamin D did not prevent fractures."]
