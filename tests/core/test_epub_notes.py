"""A book's footnotes and endnotes are shown apart and are no claims (tester T9,
session 10): what Readium and Calibre's viewer do with them."""

from __future__ import annotations

import time
from pathlib import Path

from app.core.article import Article
from app.core.claims import find_claims
from app.core.loaders import load_article
from tests.epub_factory import chapter, make_epub


def claim_texts(article: Article) -> list[str]:
    return [article.text[c.start:c.end] for c in find_claims(article)]


def kinds(article: Article) -> dict[str, str]:
    return {article.text[b.start:b.end]: b.kind for b in article.blocks}


BOOK_NOTES = [
    ("one.xhtml", "Eight hours", chapter(
        "<h1>Eight hours</h1><p>Everyone needs eight hours of sleep. Adults need seven to nine "
        'hours.<sup><a href="#fn1">1</a></sup></p><p id="fn1">1. Watson NF et al. Sleep. '
        "2015;38(6):843-4.</p>")),
    ("two.xhtml", "Melatonin", chapter(
        '<h1>Melatonin</h1><p>Melatonin may help with jet lag.<a epub:type="noteref" '
        'href="#n2">2</a> It is sold without a prescription.</p>'
        '<aside epub:type="footnote" id="n2"><p>2. In the US. Elsewhere it needs one.</p></aside>'
        "<p>Take it an hour before bed.<sup><a href=\"notes.xhtml#e3\">3</a></sup></p>"
        '<section role="doc-endnotes"><p>A note. Marked by its role.</p></section>')),
    ("notes.xhtml", "Notes", chapter(
        '<h1>Notes</h1><ol><li id="e3"><p>Zhdanova IV. Sleep. 2001. A study.</p></li></ol>'
        '<p><a href="one.xhtml#top">Back</a> to the start.</p>')),
]


def test_footnotes_of_a_book_are_apart_and_no_claims(tmp_path: Path) -> None:
    article = load_article(make_epub(tmp_path / "book.epub", BOOK_NOTES, title="Sleep"))
    claims = claim_texts(article)
    assert claims == ["Everyone needs eight hours of sleep.", "Adults need seven to nine hours.[1]",
                      "Melatonin may help with jet lag.[2]", "It is sold without a prescription.",
                      "Take it an hour before bed.[3]", "Back to the start."]
    roles = kinds(article)
    for note in ("1. Watson NF et al. Sleep. 2015;38(6):843-4.",
                 "2. In the US. Elsewhere it needs one.", "A note. Marked by its role.",
                 "Zhdanova IV. Sleep. 2001. A study."):
        assert roles[note] == "reference", note
    text = article.text
    # A footnote in the middle of a chapter is shown after the chapter's text.
    assert text.index("Take it an hour") < text.index("2. In the US.") < text.index("Notes")


def test_notes_marked_only_by_links_both_ways_and_what_stays_text(tmp_path: Path) -> None:
    # text2epub's shape: an unmarked number link with an id, a notes file whose
    # note links back to it ("↑"). A bare number linking to a page anchor
    # (nothing links back) and a superscript number pointing into a
    # chapter-wide <div> are not notes: that text stays where it is.
    long_text = "".join(f"<p>Paragraph {n} of a long chapter says something.</p>"
                        for n in range(150))
    book = [
        ("one.xhtml", "One", chapter(
            '<h1>One</h1><p>Coffee keeps you awake.<a class="refnote" id="rn1" '
            'href="notes.xhtml#fn1">1</a> See page <a href="#page12">12</a>.</p>'
            '<p><span id="page12"/>Tea has less caffeine than coffee.</p>')),
        ("two.xhtml", "Two", chapter(
            f'<div id="all"><p>Sleep in a dark room.<sup><a href="#all">2</a></sup></p>'
            f"{long_text}</div>")),
        ("notes.xhtml", "Notes", chapter(
            '<div class="footnote" id="fn1"><a href="one.xhtml#rn1">↑</a> About 400 mg a '
            "day. More is not better.</div>")),
    ]
    article = load_article(make_epub(tmp_path / "book.epub", book, title="Awake"))
    roles = kinds(article)
    assert roles["About 400 mg a day. More is not better."] == "reference"  # no "↑" (X's leftover)
    claims = claim_texts(article)
    assert "Tea has less caffeine than coffee." in claims
    assert "Paragraph 149 of a long chapter says something." in claims
    assert not any("400 mg" in claim for claim in claims)


def test_pandoc_footnotes_section(tmp_path: Path) -> None:
    # pandoc's EPUB 3: noterefs in <sup>, the notes in a section with role
    # "doc-endnotes", each item with a back link "↩︎" (dropped as navigation).
    body = ('<p>Magnesium may ease cramps.<a href="#fn1" class="footnote-ref" id="fnref1" '
            'epub:type="noteref" role="doc-noteref"><sup>1</sup></a> Few trials tested it.</p>'
            '<section id="footnotes" class="footnotes footnotes-end-of-document" '
            'epub:type="footnotes" role="doc-endnotes"><hr/><ol><li id="fn1" epub:type="footnote">'
            '<p>Garrison SR et al. Cochrane Database Syst Rev. 2020.<a href="#fnref1" '
            'class="footnote-back" role="doc-backlink">↩︎</a></p></li></ol></section>')
    article = load_article(make_epub(tmp_path / "p.epub", [("c.xhtml", "C", chapter(body))]))
    assert claim_texts(article) == ["Magnesium may ease cramps.[1]", "Few trials tested it."]
    assert kinds(article)["Garrison SR et al. Cochrane Database Syst Rev. 2020."] == "reference"


def test_hostile_note_markup_is_read_in_bounded_time(tmp_path: Path) -> None:
    # Thousands of markers pointing into paragraphs that never close, notes
    # nested in notes, a marker inside a comment, a note that never ends.
    unclosed = "<div>" + "".join(f'<p>x<sup><a href="#f{n}">1</a></sup><a id="f{n}"/>y'
                                 for n in range(5000))
    nested = '<aside epub:type="footnote">' * 500 + "deep" + "</aside>" * 500
    book = [("a.xhtml", "A", chapter(unclosed)),
            ("b.xhtml", "B", chapter("<p>Kept here.<!-- <sup><a href='#k'>1</a></sup> --></p>"
                                     f'<p id="k">Also kept.</p>{nested}'
                                     '<aside epub:type="endnote"><p>Never ends.')),]
    started = time.perf_counter()
    article = load_article(make_epub(tmp_path / "h.epub", book))
    assert time.perf_counter() - started < 20
    claims = claim_texts(article)
    assert "Kept here." in claims and "Also kept." in claims
    assert kinds(article)["deep"] == "reference"


def test_a_notes_file_keeps_one_heading(tmp_path: Path) -> None:
    # Standard Ebooks' endnotes.xhtml: the heading is inside the endnotes section.
    notes = ('<section id="endnotes" epub:type="endnotes"><h2 epub:type="title">Endnotes</h2>'
             '<ol><li id="note-1" epub:type="endnote"><p>He fought three duels.</p>'
             '<p><a href="one.xhtml#noteref-1" epub:type="backlink">↩</a></p></li></ol></section>')
    book = [("one.xhtml", "One", chapter(
                '<p>I heard of the duel.<a href="endnotes.xhtml#note-1" id="noteref-1" '
                'epub:type="noteref">1</a> So home.</p>')),
            ("endnotes.xhtml", "Endnotes", chapter(notes))]
    article = load_article(make_epub(tmp_path / "se.epub", book))
    headings = [article.text[b.start:b.end] for b in article.blocks if b.kind == "heading"]
    assert headings == ["One", "Endnotes"]
    assert claim_texts(article) == ["I heard of the duel.[1]", "So home."]


def test_a_books_images_stand_as_their_alt_text_and_are_never_read(tmp_path: Path) -> None:
    """Tester T10: EPUB images were dropped without a placeholder. They stay
    where they were, shown as ``[image: alt]`` (the view, the exports); their
    source names a place in the book, never a file beside it."""
    from app.core.article import image_alt
    from app.core.claims import find_claims
    from app.core.export import build_export_model, export_text
    from app.core.local_resources import image_bytes

    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "chart.png").write_bytes(b"\x89PNG not the book's image")
    body = ('<p>Teenagers sleep less than they need.</p>'
            '<p><img src="../images/chart.png" alt="Hours of sleep by age"/></p>'
            '<p>The chart shows a <img src="moon.png" alt="moon"/> drop at fifteen.</p>')
    article = load_article(make_epub(tmp_path / "book.epub", [("c.xhtml", "C", chapter(body))]))
    images = [b for b in article.blocks if b.kind == "image"]
    assert [image_alt(b) for b in images] == ["Hours of sleep by age"]
    sources = [s.href for b in images for s in b.styles if s.style == "image"]
    assert sources and all(s.startswith("epub:") for s in sources)
    assert all(image_bytes(s, str(tmp_path)) is None for s in sources)  # never a local file
    assert "moon" in article.text  # an inline image's alt text stays in its sentence
    model = build_export_model(article, [], find_claims(article), author="T10")
    assert "[image: Hours of sleep by age]" in export_text(model, "html")
