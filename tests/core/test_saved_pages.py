"""Saved pages nobody here marked up for us: title, roles, markers, inline code."""

from __future__ import annotations

from pathlib import Path

from app.core.article import Article
from app.core.citations import CitationIndex, is_only_markers
from app.core.claims import find_claims
from app.core.loaders import article_from_bytes, load_article

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"


def claim_texts(article: Article) -> list[str]:
    return [article.text[c.start:c.end] for c in find_claims(article)]


def blocks_of(article: Article, kind: str) -> list[str]:
    return [article.text[b.start:b.end] for b in article.blocks if b.kind == kind]


def test_wikipedia_page() -> None:
    article = load_article(PAGES / "wikipedia-software-testing.html")
    assert article.title == "Software testing"
    assert blocks_of(article, "heading") == ["Software testing", "Overview", "History",
                                             "Testing levels", "Unit testing", "References"]
    assert "[edit]" not in article.text and "edit" not in blocks_of(article, "paragraph")
    for furniture in ("Main page", "Jump to content", "Computer programming", "78 languages",
                      "Categories", "Privacy policy", "redirects here", "Data modeling"):
        assert furniture not in article.text, furniture
    claims = claim_texts(article)
    assert not any(is_only_markers(c) or c.startswith(("[", "^")) for c in claims)
    assert ("Software testing can determine the correctness of software for specific "
            "scenarios but cannot determine correctness for all scenarios.[3][1]") in claims
    references = [b for b in article.blocks if b.kind == "reference"]
    assert [b.ordinal for b in references] == list(range(1, 11))
    assert all(not article.text[b.start:b.end].startswith("^") for b in references)
    assert not any(c.startswith(("Kaner", "Myers, Glenford", "Retrieved")) for c in claims)
    assert blocks_of(article, "table_header") == ["Level | Usually run by"]
    index = CitationIndex(article)

    def cited(opening: str) -> list[int | None]:
        claim = next(c for c in find_claims(article)
                     if article.text[c.start:c.end].startswith(opening))
        return [r.number for r in index.cited(claim.start, claim.end)]

    assert cited("One of the main reasons") == [5]
    assert cited("Although his attention") == [7, 8]
    assert cited("Software testing can determine") == [3, 1]
    assert cited("Common strategies include") == []


def test_mdbook_page() -> None:
    article = load_article(PAGES / "mdbook-rustdoc.html")
    assert article.title == "What is rustdoc?"
    assert "Keyboard shortcuts" not in article.text and "Press" not in article.text
    assert blocks_of(article, "heading") == ["What is rustdoc?", "Basic usage",
                                             "Using standalone Markdown files"]
    claims = claim_texts(article)
    assert "The standard Rust distribution ships with a tool called rustdoc." in claims
    assert any(c.startswith("In src/lib.rs, Cargo has generated some sample code.")
               for c in claims)
    assert ("Note: rustdoc only documents public items unless you pass "
            "--document-private-items.") in claims
    assert not any(c.startswith(("$", "fn ", "Flag", "-o", "rustdoc\n")) for c in claims)
    code = next(b for b in article.blocks
                if article.text[b.start:b.end].startswith("The standard Rust"))
    run = next(s for s in code.styles if s.style == "code")
    assert article.text[run.start:run.end] == "rustdoc"


def test_hidden_elements_are_neither_title_nor_text() -> None:
    hidden = [
        '<div hidden><h1>Hidden one</h1><p>Secret text is here.</p></div>',
        '<div aria-hidden="true"><h1>Hidden one</h1><p>Secret text is here.</p></div>',
        '<div style="color:red; display: none"><h1>Hidden one</h1><p>Secret text.</p></div>',
        '<template><h1>Hidden one</h1><p>Secret text is here.</p></template>',
        '<dialog><h1>Hidden one</h1><p>Secret text is here.</p></dialog>',
        '<noscript><h1>Hidden one</h1><p>Secret text is here.</p></noscript>',
    ]
    story = "<p>" + "Magnesium is a mineral that the body needs for hundreds of reactions. " * 4
    for part in hidden:  # inside the content and outside it
        page = (f"<html><head><title>Real title</title></head><body>{part}"
                f"<article>{part}{story}</p></article></body></html>")
        article = article_from_bytes(page.encode(), "html", "p.html")
        assert article.title == "Real title", part
        assert "Hidden one" not in article.text and "Secret" not in article.text, part


def test_og_title_then_first_heading() -> None:
    story = "<p>" + "Zinc helps wounds heal in people who lack it. " * 6 + "</p>"
    page = (f'<html><head><meta property="og:title" content="Zinc and wounds"></head>'
            f"<body><main>{story}</main></body></html>")
    assert article_from_bytes(page.encode(), "html", "p.html").title == "Zinc and wounds"
    page = f"<html><body><main><h1>Zinc facts</h1>{story}</main></body></html>"
    assert article_from_bytes(page.encode(), "html", "p.html").title == "Zinc facts"


def test_a_title_that_names_the_first_heading_with_the_site_is_no_extra_heading() -> None:
    """mdBook pages open with an <h2> and their <title> is "<that heading> - <book>":
    the title above it read as a second heading (78 of the Rust book's 100 chapters)."""
    page = ("<html><head><title>Hello, World! - The Rust Programming Language</title></head>"
            "<body><main><h2>Hello, World!</h2><p>Now that you have installed Rust, it is "
            "time to write your first program.</p></main></body></html>")
    article = article_from_bytes(page.encode(), "html", "ch01-02.html")
    assert blocks_of(article, "heading") == ["Hello, World!"]


def test_a_texinfo_title_naming_the_numbered_heading_is_no_extra_heading() -> None:
    """Texinfo's pages: <title>Node (Manual)</title> over <h3>2.1 Node</h3>
    (libffi's manual): one heading, not two (tester T7)."""
    page = ("<html><head><title>The Basics (libffi: the portable foreign function interface "
            "library)</title></head><body><h3>2.1 The Basics</h3><p>libffi assumes that you "
            "have a pointer to the function you wish to call and that you know the number "
            "and types of arguments to pass it.</p></body></html>")
    article = article_from_bytes(page.encode(), "html", "The-Basics.html")
    assert blocks_of(article, "heading") == ["2.1 The Basics"]
    page = page.replace("<h3>2.1 The Basics</h3>", "<h2>1 What is libffi?</h2>")
    article = article_from_bytes(page.encode(), "html", "Introduction.html")
    assert blocks_of(article, "heading")[0].startswith("The Basics (libffi")


def test_a_title_that_names_no_heading_still_leads() -> None:
    page = ("<html><head><title>Magnesium and nerves</title></head><body><main>"
            "<h2>Hello, World!</h2><p>Some text here.</p></main></body></html>")
    article = article_from_bytes(page.encode(), "html", "page.html")
    assert blocks_of(article, "heading") == ["Magnesium and nerves", "Hello, World!"]


def test_captions_marked_by_class_are_not_claims() -> None:
    """mdBook marks "Filename: src/main.rs" and "Figure 4-1: …" by a span's class,
    not <figcaption> (76 "Filename:" claims in 25 Rust book pages); Sphinx's
    code-block captions likewise. A paragraph that merely holds a span stays."""
    page = ('<html><head><title>Data Types</title></head><body><main><h1>Data Types</h1>'
            "<p>Here is an example that shows floating-point numbers in action.</p>"
            '<p><span class="filename">Filename: src/main.rs</span></p>'
            "<pre><code>fn main() {}</code></pre>"
            '<p><span class="caption">Figure 4-1: The representation in memory of a '
            "<code>String</code></span></p>"
            '<div class="code-block-caption"><span class="caption-text">Listing of '
            "main</span></div>"
            '<figure class="listing"><span class="file-name">Filename: src/lib.rs</span>'
            "<pre><code>pub fn add() {}</code></pre></figure>"
            '<p><span class="note">Rust has two primitive floating-point types.</span></p>'
            "</main></body></html>")
    article = article_from_bytes(page.encode(), "html", "ch03-02.html")
    assert claim_texts(article) == [
        "Here is an example that shows floating-point numbers in action.",
        "Rust has two primitive floating-point types."]
    assert "Filename: src/main.rs" in blocks_of(article, "caption")
