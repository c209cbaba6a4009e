"""Pages that mark up no content keep their headings, lists, terms and order.

trafilatura picks the article of such a page; its output dropped every heading,
list and definition term and moved a link out of its sentence, so the page's
own markup is kept where trafilatura kept the text (``extraction_verdict``).
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from app.core.article import Article, TextBuilder
from app.core.claims import find_claims
from app.core.extraction_verdict import keep_extracted_blocks
from app.core.html_blocks import html_to_blocks
from app.core.load_html import DEEP_NESTING_NOTICE, NO_ARTICLE_NOTICE
from app.core.loaders import article_from_bytes

# The tester's minimal page: no <main>, <article> or wrapping <div>.
BARE_PAGE = (
    "<html><head><title>T</title></head><body><h1>Main title</h1><p>First paragraph is here. "
    "It has two sentences.</p><h2>Section two</h2><p>Second paragraph text goes here with "
    "words.</p><ul><li>item one is a list item.</li><li>item two too.</li></ul><h2>Section "
    "three</h2><pre><code>x = 1\ny = 2</code></pre><p>Last one.</p></body></html>")

# Shapes of Debian's DocBook manual (users-and-groups.html) and libffi's texinfo page.
DOCBOOK_PAGE = """<HTML><HEAD><TITLE>Users and Groups in the Debian System</TITLE></HEAD>
<BODY CLASS="BOOK"><DIV CLASS="BOOK"><DIV CLASS="TITLEPAGE">
<H1 CLASS="TITLE">Users and Groups in the Debian System</H1>
<H3 CLASS="AUTHOR">Joey Hess</H3><H3 CLASS="AUTHOR">Colin Watson</H3></DIV>
<DIV CLASS="CHAPTER"><H1>Chapter 1. Introduction</H1>
<P>The Debian base-passwd package contains the master versions of /etc/passwd and
/etc/group. It also contains the tools which update these files on installed systems.</P>
<P>This is a work in progress. Items in need of feedback are marked with the "HELP" tag.
Please send mail to <CODE CLASS="EMAIL">&#60;<A HREF="mailto:base-passwd@packages.debian.org"
>base-passwd@packages.debian.org</A>&#62;</CODE> or file a bug with the Debian bug tracking
system if you have more information.</P></DIV>
<DIV CLASS="CHAPTER"><H1>Chapter 2. Users and Groups</H1>
<P>Many users have a corresponding group, and these pairs will be treated together.</P>
<DIV CLASS="VARIABLELIST"><DL>
<DT>root</DT><DD><P>Root is (typically) the superuser. Its home directory is /root and
it owns most of the system's files.</P></DD>
<DT>daemon</DT><DD><P>Some unprivileged daemons that need to be able to write to some
files on disk run as daemon.daemon.</P></DD>
<DT><CODE>ffi_status ffi_prep_cif (ffi_cif *cif, ffi_abi abi)</CODE></DT>
<DD><P>This initializes cif according to the given parameters, as the manual says.</P></DD>
</DL></DIV></DIV></DIV></BODY></HTML>"""


def load(html: str) -> Article:
    return article_from_bytes(html.encode(), "html", "page.html")


def blocks(article: Article) -> list[tuple[str, str]]:
    return [(b.kind, article.text[b.start:b.end]) for b in article.blocks]


def claims(article: Article) -> list[str]:
    return [article.text[c.start:c.end] for c in find_claims(article)]


def test_bare_page_keeps_its_headings_and_lists() -> None:
    article = load(BARE_PAGE)
    got = blocks(article)
    for expected in [("heading", "Main title"), ("heading", "Section two"),
                     ("list_item", "item one is a list item."), ("list_item", "item two too."),
                     ("heading", "Section three"), ("code", "x = 1"), ("code", "y = 2"),
                     ("paragraph", "Last one.")]:
        assert expected in got
    texts = [text for _, text in got]
    assert texts.index("Main title") < texts.index("Section two") < texts.index(
        "item one is a list item.") < texts.index("Section three") < texts.index("Last one.")
    assert claims(article) == [
        "First paragraph is here.", "It has two sentences.",
        "Second paragraph text goes here with words.", "item one is a list item.",
        "item two too.", "Last one."]


def test_docbook_manual_keeps_chapters_authors_and_terms() -> None:
    article = load(DOCBOOK_PAGE)
    got = blocks(article)
    for heading in ("Joey Hess", "Colin Watson", "Chapter 1. Introduction",
                    "Chapter 2. Users and Groups", "root", "daemon",
                    "ffi_status ffi_prep_cif (ffi_cif *cif, ffi_abi abi)"):
        assert ("heading", heading) in got, heading
    texts = [text for _, text in got]
    assert texts.index("root") + 1 == next(
        i for i, t in enumerate(texts) if t.startswith("Root is (typically)"))
    found = claims(article)
    assert not {"root", "daemon"} & set(found)  # terms name, they do not assert
    assert "Root is (typically) the superuser." in found


def test_a_term_that_is_a_sentence_stays_a_claim() -> None:
    # pod2html (tlmgr.html) writes whole option descriptions as <dt> with an empty <dd>.
    article = load("<html><body><article><h1>Options</h1><dl>"
                   "<dt><code>gui-expertmode =</code> 0 or 1 (default 1). This switches between "
                   "the full GUI and a simplified GUI.</dt><dd></dd>"
                   "<dt><code>instopt_letter</code> (default 0)</dt><dd><p>Set the paper size "
                   "to letter instead of the default A4 size.</p></dd></dl></article>"
                   "</body></html>")
    assert ("heading", "instopt_letter (default 0)") in blocks(article)
    assert "This switches between the full GUI and a simplified GUI." in claims(article)


def test_text_is_never_reordered() -> None:
    article = load(DOCBOOK_PAGE)
    assert ("Please send mail to <base-passwd@packages.debian.org> or file a bug with the "
            "Debian bug tracking system if you have more information.") in claims(article)
    links = [s.href for b in article.blocks for s in b.styles if s.style == "link"]
    assert "mailto:base-passwd@packages.debian.org" in links


FURNISHED_PAGE = """<html><head><title>Magnesium and sleep</title></head><body>
<div class="top"><p>Subscribe to our newsletter for weekly deals and offers now!</p></div>
<h1>Magnesium and sleep</h1>
<p>Magnesium helps regulate neurotransmitters that are involved in sleep. Some small studies
suggest that magnesium supplements might help older adults fall asleep faster.</p>
<p>However, the evidence is limited, and it is unclear whether people who already get enough
magnesium from food would benefit from taking more of it every night.</p>
<ul><li>Talk to your doctor first.</li><li>Watch for loose stools.</li></ul>
<div class="bottom"><h3>Follow us</h3>
<p>Copyright 2024 Example Health Media Group. All rights reserved worldwide.</p></div>
</body></html>"""


def test_what_trafilatura_judged_boilerplate_stays_out() -> None:
    article = load(FURNISHED_PAGE)
    assert "Talk to your doctor first." in claims(article)
    assert "All rights reserved" not in article.text
    assert "Follow us" not in article.text  # a heading over boilerplate goes with it


# ---- the verdict on generated pages -------------------------------------------------

# The verdict matches word trigrams, made for real text, where two different
# paragraphs seldom share half their trigrams; generated words are drawn once per
# page so that no two units share any (hypothesis otherwise shrinks to "aaa aaa").
_WORD_POOL = st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=8),
                      min_size=120, max_size=120, unique=True)


@st.composite
def _page(draw: st.DrawFn) -> tuple[str, list[tuple[str, str, bool]]]:
    """A page of numbered units and which paragraphs the "extractor" keeps."""
    pool = iter(draw(_WORD_POOL))
    units: list[tuple[str, str, bool]] = []  # (tag, text, kept by the extractor)
    parts: list[str] = []
    for number in range(draw(st.integers(1, 12))):
        kind = draw(st.sampled_from(["p", "h2", "ul", "dl", "pre"]))
        words = [next(pool) for _ in range(draw(st.integers(1, 4)))]
        text = f"u{number} {' '.join(words)}"
        kept = draw(st.booleans())
        if kind == "ul":
            parts.append(f"<ul><li>{text}</li></ul>")
            units.append(("li", text, False))
        elif kind == "dl":
            described = f"{text} {next(pool)}"
            parts.append(f"<dl><dt>{text}</dt><dd><p>{described}</p></dd></dl>")
            units.append(("dt", text, False))
            units.append(("p", described, kept))
        else:
            parts.append(f"<{kind}>{text}</{kind}>")
            units.append((kind, text, kept if kind in ("p", "pre") else False))
    return f"<html><body>{''.join(parts)}</body></html>", units


def _extracted(units: list[tuple[str, str, bool]]) -> etree._Element:
    body = etree.Element("body")
    for _, text, kept in units:
        if kept:
            etree.SubElement(body, "p").text = text
    return body


def _unit_numbers(html: str) -> list[str]:
    builder = TextBuilder()
    html_to_blocks(html, builder)
    return re.findall(r"\bu\d+\b", builder.text())


@settings(max_examples=300, deadline=None)
@given(_page())
def test_verdict_keeps_what_was_kept_drops_what_was_judged_and_never_reorders(
        page: tuple[str, list[tuple[str, str, bool]]]) -> None:
    html, units = page
    result = keep_extracted_blocks(html, _extracted(units))
    if not any(kept for _, _, kept in units):
        assert result == ""  # nothing to go by: the caller falls back
        return
    shown = _unit_numbers(result)
    page_order = _unit_numbers(html)
    iterator = iter(page_order)
    assert all(number in iterator for number in shown), "reordered"
    for index, (tag, text, kept) in enumerate(units):
        number = text.split()[0]
        if kept:
            assert number in shown
        if tag in ("p", "pre") and not kept:
            # a dt's own paragraph shares its number: count the paragraphs' own texts
            assert f"{text}" not in " ".join(_texts(result)), text
        following = units[index + 1] if index + 1 < len(units) else None
        if tag in ("h2", "li", "dt") and following is not None and following[2]:
            assert number in shown, "a heading, item or term before kept text is kept"


def _texts(html: str) -> list[str]:
    builder = TextBuilder()
    html_to_blocks(html, builder)
    text = builder.text()
    return [text[b.start:b.end] for b in builder.blocks]


# ---- deep nesting --------------------------------------------------------------------

def test_deeply_nested_text_is_kept_and_the_page_says_so() -> None:
    for depth in (300, 600, 1000, 10_000):
        html = ("<html><head><title>Nest</title></head><body><p>Before the nest is a "
                "sentence.</p>" + "<div>" * depth + "<p>Deep paragraph inside nested divs.</p>"
                + "</div>" * depth + "<p>After the nest sentence.</p></body></html>")
        article = load(html)
        assert claims(article) == ["Before the nest is a sentence.",
                                   "Deep paragraph inside nested divs.",
                                   "After the nest sentence."], depth
        assert article.notices == (DEEP_NESTING_NOTICE,), depth


def test_shallow_pages_carry_no_nesting_notice() -> None:
    html = ("<html><body><p>Before.</p>" + "<div>" * 100
            + "<p>Deep paragraph inside nested divs.</p>" + "</div>" * 100 + "</body></html>")
    article = load(html)
    assert "Deep paragraph inside nested divs." in article.text
    assert DEEP_NESTING_NOTICE not in article.notices


def test_a_page_with_nothing_to_extract_is_shown_whole_and_says_so() -> None:
    article = load("<html><body><ul><li>one</li><li>two</li></ul></body></html>")
    assert article.text == "one\ntwo"
    assert article.notices == (NO_ARTICLE_NOTICE,)

