"""One very long paragraph is split in linear time, with the same result (issue C).

Timing lives in ``bench/bench_long_paragraph.py``; these tests hold the
rewritten steps to what they replaced: ``_cut`` to the scan of every cut per
span, the merge rules reading a span's tail to reading all of it, the title
from a block's head to the title from the whole block, and the split of long
text runs before nh3 to no split at all.
"""

from __future__ import annotations

import nh3
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core import loaders, segment
from app.core.article import Block
from app.core.loaders import article_from_bytes
from app.core.sanitize import sanitize_html, split_long_text_runs


def _naive_cut(spans: list[tuple[int, int]], cuts: set[int]) -> list[tuple[int, int]]:
    result: list[tuple[int, int]] = []
    for start, end in spans:
        bounds = [start, *sorted(c for c in cuts if start < c < end), end]
        result.extend(zip(bounds, bounds[1:], strict=False))
    return result


@given(st.lists(st.integers(1, 60), max_size=40), st.sets(st.integers(0, 1200), max_size=80))
def test_cut_by_bisection_matches_the_scan(lengths: list[int], cuts: set[int]) -> None:
    spans, position = [], 0
    for length in lengths:
        spans.append((position, position + length))
        position += length
    assert segment._cut(spans, cuts) == _naive_cut(spans, cuts)


_PIECES = st.sampled_from([
    "Yahoo! ", "a ", "word ", "No. ", "5 ", "... ", ". . . ", "[1] ", "[2][3] ", "It works. ",
    "The end. ", "he said! ", "why? ", "1. ", "2. ", "a. ", "b. ", "at 5 p.m. ", "The ",
    "U.K. ", "Doctors are ", "in vivo.30 ", "¹² ", "   ", "e.g. ", "(see Fig. 3) "])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=120))
def test_merge_rules_reading_a_tail_agree_with_reading_the_whole_span(
        pieces: list[str]) -> None:
    text = "".join(pieces)
    fast = segment.split_sentences(text)
    original = segment._TAIL_CHARS
    segment._TAIL_CHARS = 10**9  # every span read whole, as before
    try:
        assert fast == segment.split_sentences(text)
    finally:
        segment._TAIL_CHARS = original


def test_spans_ending_in_long_runs_of_dots_agree_too() -> None:
    texts = ["It was long " + ". " * 300 + "The end.", "Word " + "… " * 300 + "Then more.",
             "Yahoo! " + "." * 600 + " in the end.", ". . . " * 200 + "Start here.",
             "It ends here." + " " * 400 + "and more.", "Yahoo!" + " " * 400 + "then."]
    for text in texts:
        fast = segment.split_sentences(text)
        original = segment._TAIL_CHARS
        segment._TAIL_CHARS = 10**9
        try:
            assert fast == segment.split_sentences(text), text[:40]
        finally:
            segment._TAIL_CHARS = original


def test_a_long_chain_of_merges_stays_one_sentence() -> None:
    text = "Yahoo! and " * 5000 + "done."
    assert segment.split_sentences(text) == [(0, len(text))]


_SENTENCES = st.sampled_from([
    "Magnesium did not prevent neuropathy.", "The trial enrolled 353 patients in Oslo.",
    "Results were mixed, e.g. in older adults.", "See https://example.org/a.b for data.",
    "Dr. Smith disagreed.", "A very long sentence " + "with many words " * 12 + "ends here.",
    "1. First item.", "2. Second item.", "Why?", "It rose by 3.5 mg. Then it fell."])


@settings(max_examples=60, deadline=None)
@given(st.lists(_SENTENCES, min_size=1, max_size=300))
def test_title_from_the_head_of_a_long_block_is_the_title_from_all_of_it(
        sentences: list[str]) -> None:
    text = " ".join(sentences)
    block = Block("paragraph", 0, len(text))
    fast = loaders._title(text, (block,), "a.txt")
    original = loaders._TITLE_SCAN_CHARS
    loaders._TITLE_SCAN_CHARS = 10**9
    try:
        assert fast == loaders._title(text, (block,), "a.txt")
    finally:
        loaders._TITLE_SCAN_CHARS = original


def test_one_paragraph_of_a_megabyte_keeps_every_claim() -> None:
    sentence = "The trial enrolled 353 patients and found no effect on pain. "
    text = sentence * (1_000_000 // len(sentence))
    article = article_from_bytes(text.encode(), "txt", "one.txt")
    assert article.title == sentence.strip()
    assert len(article.blocks) == 1
    assert len(segment.split_sentences(article.text)) == text.count(sentence)


_HTML_PIECES = st.sampled_from([
    "&amp;", "&lt;", "&#233;", "&#x1F600;", "&eacute;", "&nbsp;", "&amp", "word ", "é", "x" * 30,
    "<p>", "</p>", "<b>", "</b>", "<pre>", "</pre>", "<script>a&amp;b</script>",
    "<title>t&amp;t</title>", "<!-- c&amp; -->", "<a href='?a=1&amp;b=2'>", "</a>", "\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_HTML_PIECES, max_size=200), st.integers(45, 120))
def test_cutting_long_text_runs_changes_no_text(pieces: list[str], run_chars: int) -> None:
    html = "<body>" + "".join(pieces) + "</body>"
    cut = split_long_text_runs(html, run_chars)
    assert cut.replace("<span></span>", "") == html
    text_only = {"tags": set(), "clean_content_tags": {"script", "style", "title"}}
    assert nh3.clean(cut, **text_only) == nh3.clean(html, **text_only)


def test_a_page_of_two_megabytes_of_ampersands_loads_whole() -> None:
    """Bad input: 1 s with the cut; nh3 alone took 2.5 s CPU (10 MB: 80 s)."""
    html = "<html><body><p>" + "&amp;" * 400_000 + "</p></body></html>"
    assert sanitize_html(html).count("&amp;") == 400_000
    article = article_from_bytes(html.encode(), "html", "amp.html")
    assert article.text.count("&") == 400_000


def test_a_cut_never_falls_inside_a_character_reference() -> None:
    for lead in range(6):
        html = "<p>" + "x" * lead + "&amp;&#233;&eacute;" * 40 + "</p>"
        cut = split_long_text_runs(html, 45)
        assert cut != html
        assert nh3.clean(cut, tags=set()) == nh3.clean(html, tags=set())


def test_raw_text_elements_are_not_cut() -> None:
    """A tag written inside <title> or <textarea> would be shown as text."""
    for element in ("title", "textarea", "xmp"):
        html = f"<html><head><{element}>{'word ' * 30}</{element}></head><body><p>a</p></body>"
        assert split_long_text_runs(html, 45) == html
