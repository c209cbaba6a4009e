"""What becomes a claim on real input, the leftovers (tester T9, session 10):
a review-date footer, testimonial signatures in plain text, a sources list
under no heading, a sentence that opens with "Reviewed"."""

from __future__ import annotations

from app.core.article import Article
from app.core.claims import find_claims
from app.core.loaders import article_from_bytes


def claim_texts(article: Article) -> list[str]:
    return [article.text[c.start:c.end] for c in find_claims(article)]


def kinds(article: Article) -> dict[str, str]:
    return {article.text[b.start:b.end]: b.kind for b in article.blocks}


def txt(source: str) -> Article:
    return article_from_bytes(source.encode(), "txt", "a.txt")


def test_a_review_date_footer_is_no_claim() -> None:
    # NHS pages end so; the two lines are joined into one block in a .txt.
    article = txt("Flu vaccine\n\nThe vaccine cannot give you flu. Some people feel unwell "
                  "for a day.\n\nPage last reviewed: 12 May 2025\nNext review due: 12 May 2028\n")
    assert claim_texts(article) == ["The vaccine cannot give you flu.",
                                    "Some people feel unwell for a day."]
    html = article_from_bytes(
        b"<html><body><article><h1>Flu</h1><p>The vaccine cannot give you flu, and it is free "
        b"for adults over 65 and for anyone with a long-term condition.</p>"
        b"<p>Page last reviewed: 12 May 2025<br>Next review due: 12 May 2028</p>"
        b"<p>Updated: Monday 3 March 2025</p></article></body></html>", "html", "a.html")
    assert claim_texts(html) == ["The vaccine cannot give you flu, and it is free for adults "
                                 "over 65 and for anyone with a long-term condition."]


def test_a_sentence_that_opens_with_reviewed_is_a_claim() -> None:
    article = article_from_bytes(
        b"<html><body><article><h1>Magnesium</h1><p>Published 3 March 2026</p>"
        b"<p>Reviewed studies from 2019 to 2023 show little effect on sleep</p>"
        b"<p>Updated guidance in 2024 says the same</p></article></body></html>", "html", "a.html")
    assert claim_texts(article) == [
        "Reviewed studies from 2019 to 2023 show little effect on sleep",
        "Updated guidance in 2024 says the same"]
    assert kinds(article)["Published 3 March 2026"] == "meta"


def test_testimonial_signatures_in_plain_text() -> None:
    article = txt('GlucoBalance\n\nGlucoBalance Pro combines cinnamon and chromium in one '
                  'capsule.\n\n"I threw away my metformin after two weeks! My sugar has never '
                  'been better."\n\n- Linda, 58, Ohio\n\n"Best purchase I ever made."\n\n'
                  "- Robert K.\n\nWhat to know:\n\n- Eat Greens daily\n")
    assert claim_texts(article) == [
        "GlucoBalance Pro combines cinnamon and chromium in one capsule.",
        '"I threw away my metformin after two weeks!', 'My sugar has never been better."',
        '"Best purchase I ever made."', "What to know:", "Eat Greens daily"]
    assert kinds(article)["Linda, 58, Ohio"] == "meta"


def test_a_signature_with_an_age_after_a_quote_on_its_line() -> None:
    article = article_from_bytes(
        b'<html><body><article><h1>Reviews</h1><p>Our capsules are made in a registered '
        b'facility that is inspected every year by the state.</p><blockquote>"I threw away my '
        b'metformin! My sugar has never been better." - Linda, 58, Ohio</blockquote>'
        b"<p>- Robert K.</p><p>- Magnesium helps you sleep</p></article></body></html>",
        "html", "a.html")
    claims = claim_texts(article)
    assert claims[1:] == ['"I threw away my metformin!',
                          'My sugar has never been better." - Linda, 58, Ohio',
                          "- Magnesium helps you sleep"]


def test_a_sources_list_under_no_heading_ends_the_article() -> None:
    # WebMD's sources with no "SOURCES:" line: who published it, then the title.
    source = ("Magnesium and sleep\n\nMagnesium may help some people sleep.\n\n"
              'Mayo Clinic: "Insomnia."\n\n'
              "National Institutes of Health: “Magnesium: Fact Sheet for Health "
              "Professionals.”\n\n"
              "Sleep Foundation: “Magnesium and Sleep.”\n")
    article = txt(source)
    assert claim_texts(article) == ["Magnesium may help some people sleep."]
    assert kinds(article)['Mayo Clinic: "Insomnia."'] == "reference"
    # Sayings quoted in the middle of a text stay claims.
    sayings = txt('Quotes\n\nEinstein: "Imagination is more important than knowledge."\n\n'
                  'Edison: "Genius is one percent inspiration."\n\nBoth men worked hard.\n')
    assert len(claim_texts(sayings)) == 3
