"""Tester T7's real documents (session 8): furniture and mangled lines that
became claims or bylines, each checked by its kind, not by one page."""

from __future__ import annotations

from app.core.article import Article
from app.core.claims import find_claims
from app.core.loaders import article_from_bytes


def html_article(body: str, head: str = "<title>A page</title>") -> Article:
    page = f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"
    return article_from_bytes(page.encode("utf-8"), "html", "page.html")


def blocks(article: Article) -> list[tuple[str, str]]:
    return [(b.kind, article.text[b.start:b.end]) for b in article.blocks]


def claims(article: Article) -> list[str]:
    return [article.text[c.start:c.end] for c in find_claims(article)]


PROSE = ("<h3>1 Introduction</h3><p>This document describes the main features of the "
         "software distribution, which runs on many systems and has many users.</p>"
         "<p>You may have acquired it by downloading, or on a DVD, which user groups "
         "distribute among their members, or in other ways.</p>")


def test_a_byline_names_only_authors_the_page_writes() -> None:
    """tex4ht's title block "Jane Roe, editor" over a URL: trafilatura's author
    guess was "Jane Roe; Editor Https; Tug Org; Guide" (TeX Live's guide)."""
    article = html_article(
        '<div class="maketitle"><h2 class="titleHead">The Guide 2022</h2>'
        '<div class="author"><span>Jane Roe, editor</span><br /><a href="https://tug.org/guide/"'
        ' class="url"><span>https://tug.org/guide/</span></a></div></div>' + PROSE,
        head="<title>The Guide 2022</title>")
    metas = [text for kind, text in blocks(article) if kind == "meta"]
    assert metas == ["By Jane Roe"]


def test_an_author_written_with_entities_or_in_lower_case_stays() -> None:
    article = html_article(PROSE, head='<title>A page</title><meta name="author" '
                                       'content="zo&euml; smith">')
    assert [text for kind, text in blocks(article) if kind == "meta"] == ["By Zoë Smith"]


def api_page(items: str) -> Article:
    """A generated API page as rustdoc writes one (std's Option, Vec, String)."""
    return html_article(
        '<nav class="sidebar"><a href="#">Methods</a></nav><main><section id="main-content">'
        '<div class="main-heading"><div class="rustdoc-breadcrumbs"><a href="../index.html">std'
        '</a>::<wbr><a href="index.html">vec</a></div><h1>Enum Option</h1>'
        '<span class="sub-heading">'
        '<span class="since" title="Stable since Rust version 1.0.0">1.0.0</span> · '
        '<a class="src" href="../../src/core/option.rs.html#600">Source</a> </span></div>'
        "<p>The Option type represents an optional value, and it is used in many places of "
        "the language and its libraries.</p>" + items + "</section></main>")


METHOD = ('<details class="toggle method-toggle" open><summary><section id="method.{name}">'
          '<span class="rightside"><span class="since" title="Stable since Rust version 1.0.0">'
          '1.0.0</span> · <a class="src" href="../../src/core/option.rs.html#1">Source</a></span>'
          '<h4 class="code-header">fn {name}(&amp;self)</h4></section></summary>{notice}'
          "<div class='docblock'>{doc} <a href=\"../hash/trait.Hash.html#tymethod.{name}\">"
          "Read more</a></div></details>")
UNSTABLE = ('<span class="item-info"><div class="stab unstable"><span class="emoji">🔬</span>'
            '<span>This is a nightly-only experimental API. (<code>try_trait_v2</code>&nbsp;'
            '<a href="https://github.com/rust-lang/rust/issues/84277">#84277</a>)</span></div>'
            "</span>")


def test_api_page_furniture_is_no_claim_and_no_text() -> None:
    """Tester T7: "Read more" ×39, "1.0.0 · Source", "std::vec" were claims."""
    article = api_page(METHOD.format(name="hash", notice="", doc="Feeds this value into "
                                     "the given Hasher.")
                       + METHOD.format(name="clone", notice="", doc="Returns a copy."))
    assert claims(article) == [
        "The Option type represents an optional value, and it is used in many places of the "
        "language and its libraries.",
        "Feeds this value into the given Hasher.", "Returns a copy."]
    for furniture in ("Read more", "Source", "1.0.0", "std::", "·"):
        assert furniture not in article.text, furniture


def test_a_stability_notice_is_shown_as_a_label_not_a_claim() -> None:
    """"This is a nightly-only experimental API" is the generator's label on
    the item, the same for every item: shown (it matters), not a claim."""
    article = api_page(METHOD.format(name="from_residual", notice=UNSTABLE,
                                     doc="Constructs the type from a residual."))
    assert ("caption", "🔬This is a nightly-only experimental API. (try_trait_v2\xa0#84277)"
            ) in blocks(article)
    assert not any("nightly" in claim or "#84277" in claim for claim in claims(article))


def test_read_more_inside_a_sentence_stays() -> None:
    article = html_article(
        "<main><p>The trial enrolled 353 adults over two years in four hospitals across the "
        "country, and the authors say more work is needed.</p><p>To <a href='/m'>read more"
        "</a> about magnesium, see the review.</p><p>Magnesium is found in leafy greens, "
        "nuts and seeds. <a href='/more'>Continue reading »</a></p><p>The guide lists doses, "
        "side effects, interactions and much <a href='/guide'>more</a></p></main>")
    assert claims(article)[1:] == ["To read more about magnesium, see the review.",
                                   "Magnesium is found in leafy greens, nuts and seeds.",
                                   "The guide lists doses, side effects, interactions and much "
                                   "more"]
    assert "Continue reading" not in article.text


def test_a_source_link_to_a_page_that_is_not_code_stays() -> None:
    article = html_article(
        "<main><p>The figures come from the national survey of 2021, which asked eleven "
        "thousand adults about their diet and their health.</p><p>Source: <a "
        "href='https://example.org/survey'>Source</a></p></main>")
    assert "Source: Source" in article.text


GRAMMAR = ("<main><h1>if expressions</h1><div class='grammar-container'><p><strong><sup>Syntax"
           "</sup></strong><br><span>IfExpression</span> →<br>&nbsp;&nbsp;&nbsp;&nbsp;if "
           "Conditions BlockExpression<br>&nbsp;&nbsp;&nbsp;&nbsp;( else ( BlockExpression | "
           "IfExpression ) )?</p><p>Conditions →<br>&nbsp;&nbsp;Expression<sub>except</sub> "
           "StructExpression<br>&nbsp;&nbsp;| LetChain</p><p>LetChain → LetChainCondition ( "
           "&amp;&amp; LetChainCondition )*</p><p>Function → FunctionQualifiers fn IDENTIFIER "
           "GenericParams? ( FunctionParameters? ) WhereClause?</p></div>"
           "<p>The syntax of an if expression is a sequence of condition operands. Open "
           "Settings → Privacy to change it.</p><p>Open Settings → Privacy</p><p>Settings → "
           "Privacy opens the page. Then restart.</p></main>")


def test_grammar_productions_are_code_not_claims() -> None:
    """The Rust Reference's "Syntax" boxes ("IfExpression → if Conditions …")."""
    article = html_article(GRAMMAR)
    kinds = [kind for kind, text in blocks(article) if "→" in text]
    assert kinds == ["code", "code", "code", "code", "paragraph", "paragraph", "paragraph"]
    assert claims(article) == ["The syntax of an if expression is a sequence of condition "
                               "operands.", "Open Settings → Privacy to change it.",
                               "Open Settings → Privacy", "Settings → Privacy opens the page.",
                               "Then restart."]
