"""Inline code stays inside its sentence on pages trafilatura extracts (issue C).

Pages with no ``<main>``/``<article>`` (or a content element under 200
characters) go through trafilatura, whose HTML output made every inline
``<code>`` a block: "Use <code>bzip2</code> to compress." gave the claims
"Use" and "to compress.".
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from app.core.article import Article
from app.core.claims import find_claims
from app.core.extracted_html import extracted_tree_to_html
from app.core.loaders import article_from_bytes

# Enough ordinary text around the case that trafilatura keeps the paragraph.
_FILLER = ("<p>Compression tools differ in speed and ratio, and the manual explains "
           "how each option trades one for the other on ordinary files.</p>")


def load(body: str) -> Article:
    html = f"<html><head><title>Manual</title></head><body>{_FILLER}{body}{_FILLER}</body></html>"
    return article_from_bytes(html.encode(), "html", "manual.html")


def claims(article: Article) -> list[str]:
    return [article.text[c.start:c.end] for c in find_claims(article)]


def test_minimal_case_keeps_one_sentence_with_the_code_word() -> None:
    article = load("<p>Use <code>bzip2</code> to compress.</p>")
    assert "Use bzip2 to compress." in claims(article)
    block = next(b for b in article.blocks if "bzip2" in article.text[b.start:b.end])
    assert block.kind == "paragraph"
    runs = [(s.start, s.end) for s in block.styles if s.style == "code"]
    start = article.text.index("bzip2", block.start)
    assert runs == [(start, start + len("bzip2"))]


def test_kbd_tt_samp_are_inline_code_too() -> None:
    article = load("<p>Press <kbd>Ctrl-C</kbd>, then type <tt>ls</tt> and read "
                   "<samp>done</samp> on the screen.</p>")
    assert "Press Ctrl-C, then type ls and read done on the screen." in claims(article)
    block = next(b for b in article.blocks if "Ctrl-C" in article.text[b.start:b.end])
    coded = {article.text[s.start:s.end] for s in block.styles if s.style == "code"}
    assert coded == {"Ctrl-C", "ls", "done"}


def test_code_blocks_stay_code_blocks() -> None:
    article = load("<p>Build it as follows, in the source directory of the package:</p>"
                   "<pre><code>make\nmake install</code></pre>")
    code = [article.text[b.start:b.end] for b in article.blocks if b.kind == "code"]
    assert code == ["make", "make install"]
    assert not any("make" in claim for claim in claims(article))


def test_a_syntax_line_of_code_and_variables_is_one_line() -> None:
    """bc's manual: "define name ( parameters )" quoted, code beside <var>s."""
    article = load("<blockquote><code>define</code> <var>name</var> <code>(</code> "
                   "<var>parameters</var> <code>)</code></blockquote>")
    assert "define name ( parameters )" in [article.text[b.start:b.end] for b in article.blocks]


def test_realistic_manual_page_has_no_fragment_claims() -> None:
    """A DocBook-style manual (no <main>), as /usr/share/doc's bzip2 manual is made."""
    body = """
<div class="sect1"><h2 class="title">2.1. NAME</h2>
<p><code class="computeroutput">bzip2</code>, <code class="computeroutput">bunzip2</code>
 - a block-sorting file compressor, v1.0.8</p>
<p><code class="computeroutput">bzip2</code> compresses files using the Burrows-Wheeler
 block-sorting text compression algorithm, and Huffman coding. Compression is generally
 considerably better than that achieved by more conventional LZ77/LZ78-based compressors.</p>
<p>The command-line options are deliberately very similar to those of <code
 class="computeroutput">GNU gzip</code>, but they are not identical.</p>
<p>If no file names are specified, <code class="computeroutput">bzip2</code> compresses from
 standard input to standard output. In this case, <code class="computeroutput">bzip2</code>
 will decline to write compressed output to a terminal, as this would be entirely
 incomprehensible and therefore pointless.</p>
<pre class="programlisting">bzip2 -d file.bz2
bzip2 -t file.bz2</pre>
<p>You can also use <code class="computeroutput">bzip2 --
 -myfilename</code> to process files whose names start with a dash (or
 use <code class="computeroutput">./-myfilename</code>).</p>
</div>"""
    found = claims(load(body))
    fragments = [c for c in found if len(c.split()) < 3 or c[0] in ",;:.)("]
    assert fragments == []
    assert ("bzip2 compresses files using the Burrows-Wheeler block-sorting text compression "
            "algorithm, and Huffman coding.") in found
    assert any(c.startswith("You can also use bzip2 -- -myfilename to process") for c in found)


def test_nothing_extracted_gives_nothing() -> None:
    assert extracted_tree_to_html(None) == ""
    assert extracted_tree_to_html(etree.Element("body")) == ""


def test_a_page_of_inline_code_only_loads() -> None:
    """Hostile shapes: code nested in code, code alone, thousands of code runs."""
    runs = " ".join(f"<code>w{i}</code>" for i in range(3000))
    article = load(f"<p>Start <code>a <code>b</code> c</code> end.</p><p><code>x</code></p>"
                   f"<p>Many {runs} here.</p>")
    found = claims(article)
    assert any(c.startswith("Many w0 w1 w2") and c.endswith("w2999 here.") for c in found)
    assert "end." not in found and "here." not in found


_WORDS = st.sampled_from(["the", "tool", "reads", "input", "files", "quickly", "and", "writes",
                          "output", "safely", "when", "asked"])


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(_WORDS, st.sampled_from(["", "code", "kbd", "tt", "samp"])),
                min_size=6, max_size=20))
def test_inline_code_never_splits_a_paragraph(words: list[tuple[str, str]]) -> None:
    """Whatever words are marked as code, the paragraph is one block with all its words."""
    parts = [f"<{tag}>{word}</{tag}>" if tag else word for word, tag in words]
    plain = "Then " + " ".join(word for word, _ in words) + "."
    article = load(f"<p>Then {' '.join(parts)}.</p>")
    assert plain in [article.text[b.start:b.end] for b in article.blocks]
    assert plain in claims(article)
