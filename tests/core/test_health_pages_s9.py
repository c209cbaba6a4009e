"""What becomes a claim on saved health pages (tester T8, session 9): reference
lists under any heading, page furniture, bylines from metadata, superscript
citation links, testimonial attributions."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.article import Article
from app.core.claims import find_claims
from app.core.loaders import article_from_bytes, load_article
from app.core.roles import is_reference_shaped

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"


def claim_texts(article: Article) -> list[str]:
    return [article.text[c.start:c.end] for c in find_claims(article)]


def kinds(article: Article) -> dict[str, str]:
    return {article.text[b.start:b.end]: b.kind for b in article.blocks}


def test_a_reference_list_under_a_heading_that_names_no_reference() -> None:
    article = load_article(PAGES / "health-reviewed-article.html")
    references = [article.text[b.start:b.end] for b in article.blocks if b.kind == "reference"]
    assert [r[:8] for r in references] == ["Abbasi B", "Cao Y, Z", "Zhang Y,", "Magnesiu"]
    claims = claim_texts(article)
    for piece in ("Abbasi B", "Cao Y", "https://", "Sleep.", "2022;", "doi:", "PMID",
                  "Magnesium: Fact sheet"):
        assert not any(c.startswith(piece) for c in claims), piece
    # The prose of the review box is still a claim.
    assert any(c.startswith("Our experts continually monitor") for c in claims)


def test_reference_shapes_and_prose_that_names_studies() -> None:
    entries = (
        "Abbasi B, Kimiagar M, Sadeghniiat K, et al. (2012). The effect of magnesium "
        "supplementation on primary insomnia in elderly. https://www.ncbi.nlm.nih.gov/pmc/",
        "Zhang Y, Chen C. Association of magnesium intake with sleep. Sleep. "
        "2022;45(4):zsab276. doi:10.1093/sleep/zsab276.",
        "Magnesium: Fact sheet for health professionals. (2022). https://ods.od.nih.gov/x/",
        "Smith, J. A., & Doe, K. (2020, March 3). Sleep and minerals. Journal of Sleep, "
        "12(3), 45–67.",
        "Held K, Antonijevic IA, Künzel H, et al. Oral Mg(2+) supplementation reverses "
        "age-related neuroendocrine and sleep EEG changes in humans. Pharmacopsychiatry. "
        "2002 Jul;35(4):135-43.",
    )
    for entry in entries:
        assert is_reference_shaped(entry), entry
    prose = (
        "Abbasi et al. (2012) found that 500 mg of magnesium improved sleep in older adults.",
        "A 2012 trial of 46 older adults found better sleep (https://example.org/trial).",
        "In one trial (2012), people slept longer; see https://example.org for details.",
        "Magnesium was first isolated in 1808, by Humphry Davy.",
    )
    for sentence in prose:
        assert not is_reference_shaped(sentence), sentence


def test_a_list_of_studies_in_prose_stays_claims() -> None:
    source = (b"## What the studies say\n\n"
              b"- Abbasi et al. (2012) found that magnesium improved sleep "
              b"(https://example.org/a).\n"
              b"- Cao et al. (2018) reported less daytime sleepiness "
              b"(https://doi.org/10.3390/nu10101354).\n")
    article = article_from_bytes(source, "md", "a.md")
    assert [b.kind for b in article.blocks] == ["heading", "list_item", "list_item"]
    assert len(claim_texts(article)) == 2


def test_a_lone_reference_shaped_line_is_left_as_it_is() -> None:
    source = (b"Sleep improved in the trial. Smith, J. (2019). Sleep. "
              b"https://example.org/sleep\n\nAnother paragraph follows here.\n")
    article = article_from_bytes(source, "md", "a.md")
    assert [b.kind for b in article.blocks] == ["paragraph", "paragraph"]


def _byline(head: str) -> str:
    page = (f"<html><head>{head}</head><body><article><h1>Sleep</h1><p>Magnesium is a "
            "mineral. It takes part in many reactions in the body, and people who eat "
            "leafy greens, nuts and whole grains usually get enough of it every day.</p>"
            "</article></body></html>")
    article = article_from_bytes(page.encode(), "html", "a.html")
    return next((article.text[b.start:b.end] for b in article.blocks if b.kind == "meta"), "")


def test_credentials_after_a_comma_belong_to_the_name() -> None:
    assert _byline('<meta name="author" content="Jessica Turner, RD, MD">') == (
        "By Jessica Turner, RD, MD")
    assert _byline('<meta name="author" content="Jill Seladi-Schulman, PhD">') == (
        "By Jill Seladi-Schulman, PhD")


def test_two_authors_are_still_two() -> None:
    assert _byline('<meta name="author" content="Jane Doe and John Smith">') == (
        "By Jane Doe; John Smith")
    assert _byline('<meta name="author" content="Jane Doe, PhD and John Smith, MPH">') == (
        "By Jane Doe, PhD; John Smith, MPH")
    ld = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
          '"Article", "author": [{"@type": "Person", "name": "Kim Lee, MS, RDN, LD"}, '
          '{"@type": "Person", "name": "John Smith"}]}</script>')
    assert _byline(ld) == "By Kim Lee, MS, RDN, LD; John Smith"


def test_an_inverted_name_is_one_name() -> None:
    """Helper S's report: "Smith, John" showed as "By Smith; John"."""
    assert _byline('<meta name="author" content="Smith, John">') == "By Smith, John"
    assert _byline('<meta name="author" content="Doe, Jane; Smith, John">') == (
        "By Doe, Jane; Smith, John")
    assert _byline('<meta name="author" content="Jane Doe, John Smith">') == (
        "By Jane Doe; John Smith")


def test_a_testimonial_attribution_is_no_byline() -> None:
    article = load_article(PAGES / "supplement-seller.html")
    assert not any(article.text[b.start:b.end].startswith("By ") for b in article.blocks)


def test_a_question_ends_before_a_name_of_code() -> None:
    """zlib's "How to use zlib": "…now would we?  <tt>deflateEnd()</tt> can be
    called…" was one claim across the sentence that starts with code."""
    page = (b"<html><body><h1>zlib Usage Example</h1><p>If there is an error in reading "
            b"from the input file, the process is aborted.  We wouldn't want a memory leak, "
            b"now would we?  <tt>deflateEnd()</tt> can be called at any time after the state "
            b"has been initialized.  <tt>Z_OK</tt> is, well, ok.  <tt>Z_STREAM_END</tt> is "
            b"also ok.</p><p>Why? because the stream ends. Yahoo! in the news.</p></body></html>")
    claims = claim_texts(article_from_bytes(page, "html", "zlib_how.html"))
    assert "We wouldn't want a memory leak, now would we?" in claims
    assert claims[2].startswith("deflateEnd() can be called")
    assert "Z_OK is, well, ok." in claims and "Z_STREAM_END is also ok." in claims
    assert "Why? because the stream ends." in claims and "Yahoo! in the news." in claims


def test_superscript_citation_links_read_as_markers() -> None:
    article = load_article(PAGES / "health-reviewed-article.html")
    claims = claim_texts(article)
    assert "Low levels have been linked to poor sleep and restless nights[2][3]." in claims
    assert "Magnesium binds to GABA receptors, which calm nerve activity[4]." in claims
    from app.core.citations import CitationIndex
    index = CitationIndex(article)
    claim = next(c for c in find_claims(article)
                 if article.text[c.start:c.end].endswith("activity[4]."))
    assert [r.text[:10] for r in index.cited(claim.start, claim.end)] == ["Magnesium:"]


def test_a_bare_superscript_number_cites_only_after_a_word() -> None:
    page = (b"<html><body><h1>Units</h1><p>The evidence is still limited<sup>2</sup>. A dose "
            b"of 10<sup>6</sup> cells per cm<sup>2</sup> was used, and x<sup>2</sup> grows."
            b"</p></body></html>")
    text = article_from_bytes(page, "html", "a.html").text
    assert "limited[2]." in text
    assert "10 6" not in text and "10⁶ cells per cm² was used, and x² grows." in text


def test_a_superscript_reads_as_in_a_pdf() -> None:
    """The same sentences as a PDF's raised digits (``pdf_superscripts``): a
    citation after "%" too, a negative power, and "106" never again."""
    page = (b"<html><body><h1>Units</h1><p>The rate rose by 12%<sup>3,4</sup> in a decade. "
            b"The error was 1.5 &times; 10<sup>-3</sup> in each run.</p><p>Pupils who ate "
            b"fruit<sup>5</sup> did better.</p></body></html>")
    text = article_from_bytes(page, "html", "a.html").text
    assert "12%[3,4] in a decade." in text and "1.5 × 10⁻³ in each run." in text
    assert "fruit[5] did better." in text


def test_page_furniture_is_no_claim() -> None:
    article = load_article(PAGES / "health-reviewed-article.html")
    claims = claim_texts(article)
    for furniture in ("Advertisement", "ADVERTISEMENT", "Sponsored", "Was this article helpful?",
                      "Read this next", "Yes", "No"):
        assert furniture not in claims, furniture
    assert "Advertisement" not in article.text and "Read this next" not in article.text
    assert "helpful" not in article.text
    assert kinds(article)["Sponsored"] == "meta"  # a paid-for label stays in sight
    # Every sentence of the article is still a claim.
    assert len(claims) == 10 and claims[-1].startswith("Our experts continually monitor")


def _claims_of(body: str) -> list[str]:
    page = f"<html><body><article><h1>Sleep</h1>{body}</article></body></html>"
    return claim_texts(article_from_bytes(page.encode(), "html", "a.html"))


def test_furniture_words_inside_sentences_stay() -> None:
    claims = _claims_of(
        "<p>Advertising is everywhere in sport, and children see a lot of it.</p>"
        "<p><b>Advertisement</b> revenue fell by a third in the first year.</p>"
        "<p>Press <button>Save</button> to keep your notes.</p>"
        "<p>See also</p><ul><li><a href='/a'>One page about sleep</a></li></ul>"
        "<p>Magnesium is a mineral that the body needs for many reactions.</p>")
    assert claims == ["Advertising is everywhere in sport, and children see a lot of it.",
                      "Advertisement revenue fell by a third in the first year.",
                      "Press to keep your notes.", "See also",
                      "Magnesium is a mineral that the body needs for many reactions."]


def test_testimonial_attributions_belong_to_their_quote() -> None:
    article = article_from_bytes(
        ("<html><body><article><h1>SleepWell</h1><p>Our formula helps you unwind and is made "
         "in a registered facility that is inspected every year.</p>"
         "<blockquote><p>I fall asleep before the end of my first chapter.</p></blockquote>"
         "<p>— Sarah K., Ohio</p><p>Verified buyer</p>"
         "<blockquote><p>No more groggy mornings.</p><p>– Mark T., Austin, TX</p></blockquote>"
         "<p>~ Linda M.</p><p>— and then it rained for a week</p>"
         "<p>— Magnesium helps you sleep</p></article></body></html>").encode(),
        "html", "a.html")
    roles = kinds(article)
    for attribution in ("— Sarah K., Ohio", "Verified buyer", "– Mark T., Austin, TX",
                        "~ Linda M."):
        assert roles[attribution] == "meta", attribution
    claims = claim_texts(article)
    assert "I fall asleep before the end of my first chapter." in claims
    assert "No more groggy mornings." in claims
    assert "— and then it rained for a week" in claims
    assert "— Magnesium helps you sleep" in claims
    seller = claim_texts(load_article(PAGES / "supplement-seller.html"))
    assert "Verified buyer" not in seller and "Verified Purchase" not in seller
    assert "No more groggy mornings." in seller


def test_an_attribution_in_the_quote_s_own_line_stays_with_it() -> None:
    claims = _claims_of("<blockquote><p>I fall asleep fast now. <cite>— Sarah K., Ohio</cite>"
                        "</p></blockquote><p>“No more groggy mornings.” — Mark T., Austin, TX</p>"
                        "<p>It rained all week. — and then it stopped.</p>")
    assert claims == ["I fall asleep fast now. — Sarah K., Ohio",
                      "“No more groggy mornings.” — Mark T., Austin, TX",
                      "It rained all week.", "— and then it stopped."]


def test_a_signature_without_a_dash_and_its_badge() -> None:
    article = article_from_bytes(
        b"<html><body><article><h1>Reviews</h1><p>Our formula helps you unwind and is made in "
        b"a registered facility that is inspected every year.</p><p>I fall asleep fast now.</p>"
        b"<p><strong>Sarah K.</strong>, Ohio</p><p>Verified buyer</p></article></body></html>",
        "html", "a.html")
    assert kinds(article)["Sarah K., Ohio"] == "meta" and kinds(article)["Verified buyer"] == "meta"
    assert claim_texts(article)[-1] == "I fall asleep fast now."


def test_medical_review_lines_are_bylines() -> None:
    """Medical News Today's "Last medically reviewed on …" and "Copy edited by …"."""
    claims = _claims_of("<p>Last medically reviewed on October 25, 2021</p>"
                        "<p>Copy edited by John Smith</p><p>Fact checked by Jane Doe</p>"
                        "<p>Magnesium is a mineral that the body needs for many reactions.</p>")
    assert claims == ["Magnesium is a mineral that the body needs for many reactions."]


def test_a_sources_label_set_as_a_paragraph_heads_the_references() -> None:
    """WebMD writes "SOURCES:" as a bold line and its entries with no year."""
    source = ("# Magnesium\n\nMagnesium helps the body make protein and bone.\n\n**SOURCES:**\n\n"
              "National Institutes of Health Office of Dietary Supplements: “Magnesium.”\n\n"
              "Nutrition Reviews: “Suboptimal Magnesium Status in the United States.”\n\n"
              "## More\n\nMagnesium is found in nuts.\n\nNotes:\n\nThe dose is per day.\n")
    article = article_from_bytes(source.encode(), "md", "a.md")
    assert [b.kind for b in article.blocks] == ["heading", "paragraph", "meta", "reference",
                                                "reference", "heading", "paragraph", "paragraph",
                                                "paragraph"]
    assert claim_texts(article)[-1] == "The dose is per day."


def test_a_page_that_writes_its_byline_gets_no_second_one_from_metadata() -> None:
    article = load_article(PAGES / "health-references.html")
    metas = [article.text[b.start:b.end] for b in article.blocks if b.kind == "meta"]
    assert metas[0] == "By the WellnessHub Editorial Team · Updated 14 October 2026"
    assert "Wellnesshub" not in article.text  # trafilatura's reading of it, mangled
    reviewed = load_article(PAGES / "health-reviewed-article.html")
    assert "By Jessica Turner, RD, MD · 2024-03-14" not in reviewed.text


def test_a_name_of_code_inside_a_quotation_does_not_end_it() -> None:
    """nodejs's CHANGELOG_V010.md: 'fixes "npm ERR! cb() never called!"' is one."""
    from app.core.segment import split_sentences
    text = 'npm: fixes "npm ERR! cb() never called!"'
    assert [text[s:e] for s, e in split_sentences(text)] == [text]


def test_teasers_of_other_pages_are_no_claims() -> None:
    claims = _claims_of(
        "<p>Magnesium is a mineral that the body needs for many reactions.</p>"
        "<section class='c-related-content'><h2>Read this next</h2><div><a href='/a'>10 Health "
        "Benefits of Magnesium</a><p>Magnesium is an important mineral that may help you "
        "sleep.</p></div><div><a href='/b'>Melatonin Dosage</a><p>How much melatonin should you "
        "take?</p></div></section>")
    assert claims == ["Magnesium is a mineral that the body needs for many reactions."]


def test_a_page_whose_body_names_related_posts_keeps_its_article() -> None:
    page = (b"<html><body class='single has-related-posts'><main class='related-main'><article>"
            b"<h1>Sleep</h1><p>Magnesium is a mineral that the body needs for many reactions, "
            b"and most adults get enough of it from leafy greens, nuts and whole grains.</p>"
            b"</article></main></body></html>")
    claims = claim_texts(article_from_bytes(page, "html", "a.html"))
    assert claims[0].startswith("Magnesium is a mineral")


def test_the_label_of_a_dropped_list_of_links_goes_with_it() -> None:
    """No class names it: "Read this next" over links alone is still their title."""
    claims = _claims_of(
        "<p>Magnesium is a mineral that the body needs for many reactions.</p>"
        "<p>Most adults get enough of it from leafy greens, nuts, seeds and whole grains, and "
        "a supplement is seldom needed unless a doctor finds a deficiency.</p>"
        "<div><p>Read this next</p><ul><li><a href='/a'>10 Health Benefits of Magnesium</a></li>"
        "<li><a href='/b'>Melatonin Dosage: How Much Should You Take?</a></li></ul></div>")
    assert len(claims) == 2 and claims[-1].startswith("Most adults get enough")


_SHAPED = "Smith J, Doe K. (2012). A trial. https://doi.org/10.1000/x"
_PLAIN = "Magnesium helps the body make protein."


@given(st.lists(st.tuples(st.sampled_from(["paragraph", "list_item", "heading", "quote"]),
                          st.booleans()), max_size=12))
@settings(max_examples=200)
def test_reference_runs_are_two_or_more_shaped_entries_of_one_kind(
        spec: list[tuple[str, bool]]) -> None:
    from app.core.article import Block
    from app.core.roles import _reference_runs
    pieces, blocks, position = [], [], 0
    for kind, shaped in spec:
        piece = _SHAPED if shaped else _PLAIN
        blocks.append(Block(kind=kind, start=position, end=position + len(piece)))  # type: ignore[arg-type]
        pieces.append(piece)
        position += len(piece) + 1
    text = "\n".join(pieces)
    expected: set[int] = set()
    run: list[int] = []
    for number, (kind, shaped) in enumerate([*spec, ("heading", False)]):
        if shaped and kind != "heading" and (not run or spec[run[-1]][0] == kind):
            run.append(number)
            continue
        if len(run) >= 2:
            expected.update(run)
        run = [number] if shaped and kind != "heading" else []
    assert _reference_runs(text, blocks) == expected
