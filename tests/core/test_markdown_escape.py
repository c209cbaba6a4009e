"""A quote in the Markdown export reads as the article's words, whatever
punctuation they hold, and carries no backslash it does not need (tester T15:
"Neukunden\\!" in a quote)."""

from __future__ import annotations

import html
import re

import markdown
from hypothesis import example, given
from hypothesis import strategies as st

from app.core.export.markdown_export import escape

WORDS = st.lists(st.sampled_from(
    ["a", "Neukunden", "2014", "1", "-", "+", "*", "_", "#", ">", "<", "&", "&copy;", "&#38;", ";",
     "!", "[", "]", "(", ")", "`", "\\", "|", "~", ".", ")", "=", ":", "<b>", "<https://x.org>",
     "http://x.org/a_b", "**", "__", "![x](y)", "[1]", " ", "  ", "{", "}", "\"", "'", "%"]),
    min_size=1, max_size=14).map("".join)


def rendered_quote(quote: str) -> str:
    """What a Markdown viewer shows for the export's "> quote" line."""
    out = markdown.markdown("> " + escape(quote))
    inner = re.fullmatch(r"<blockquote>\n<p>(.*)</p>\n</blockquote>", out, re.DOTALL)
    assert inner, out  # one plain paragraph: no list, heading, rule or nested quote
    assert "<" not in inner.group(1), out  # no tag: no link, emphasis, code or raw HTML
    return html.unescape(inner.group(1))


@given(WORDS)
@example("2014. A year of trials")  # an ordered list
@example("- minus")
@example("+ 1")
@example("# 3")
@example("> 2")
@example("1) one")
@example("x &copy; y")  # an entity
@example("&#2014")  # a number entity needs no ";"
@example("<script>alert(1)</script>")
def test_a_quote_reads_as_its_words(text: str) -> None:
    quote = " ".join(text.split())
    if not quote:
        quote = "(no quote)"  # as the export writes an empty quote
    assert rendered_quote(quote) == quote


def test_ordinary_punctuation_is_left_as_it_is() -> None:
    for plain in ["Neukunden!", "50% (approx.) of 3 users.", "a | b ~ c",
                  "Yes: it works; see p. 3."]:
        assert escape(plain) == plain
