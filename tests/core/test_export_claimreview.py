"""ClaimReview reviews claims: a note on a few words of a sentence reviews the
sentence, a note that lost its place reviews nothing and is left out, and the
export says what it left out (tester T9, session 10)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from app.core.annotations import Annotation, annotation_for_span
from app.core.claims import find_claims
from app.core.export import build_export_model, export_text, left_out
from app.core.export.model import claim_around
from app.core.loaders import load_article
from tests.core.test_export_marks import HEALTH

PART = "with the largest benefit in people who were very deficient at the start"
PART_SENTENCE = ("A 2017 meta-analysis of 25 randomised controlled trials, including 11,321 "
                 "participants, found that vitamin D supplementation reduced the risk of acute "
                 "respiratory infection, with the largest benefit in people who were very "
                 "deficient at the start.")  # without the article's marker "[4]": it names nothing
JUDGED = "about one in six adults"
NOW = "roughly one in five adults"


def reviews_of(tmp_path: Path, reword: bool = False) -> tuple[list[dict], str]:
    page = tmp_path / "vitamin-d.html"
    shutil.copy(HEALTH, page)
    text = load_article(page).text

    def on(words: str, **fields: object) -> Annotation:
        start = text.index(words)
        return annotation_for_span(text, start, start + len(words), **fields)

    notes = [
        on(PART, label="uncertain", note="A subgroup, not the headline."),
        on(JUDGED, label="supported", note="NDNS says so."),
        on("However, a larger 2021 meta-analysis of 46 trials found only a small protective "
           "effect, and no effect when doses were given as large monthly boluses.[5] Research",
           label="uncertain", note="Two sentences at once."),
        on("Vitamin D is made", note="No label."),
        annotation_for_span("A sentence the page no longer has at all.", 0, 41,
                            label="advertising", note="Lost one."),
    ]
    if reword:
        page.write_text(HEALTH.read_text(encoding="utf-8").replace(JUDGED, NOW),
                        encoding="utf-8")
    article = load_article(page)
    model = build_export_model(article, notes, find_claims(article), author="T9")
    return json.loads(export_text(model, "claimreview")), left_out(model, "claimreview")


def test_a_note_on_part_of_a_sentence_reviews_the_sentence(tmp_path: Path) -> None:
    reviews, _ = reviews_of(tmp_path)
    by_note = {review["reviewRating"]["ratingExplanation"]: review for review in reviews}
    assert by_note["A subgroup, not the headline."]["claimReviewed"] == PART_SENTENCE
    assert by_note["NDNS says so."]["claimReviewed"] == (
        "In the United Kingdom, about one in six adults has levels in that range during the "
        "winter months.")
    # A note across two sentences reviews both, whole.
    both = by_note["Two sentences at once."]["claimReviewed"]
    assert both.startswith("However, a larger 2021") and both.endswith("in many other ways.")
    assert "boluses. Research" in both  # "[5]" between the two sentences is gone


def test_lost_and_unlabelled_notes_are_left_out_and_counted(tmp_path: Path) -> None:
    reviews, omitted = reviews_of(tmp_path)
    assert len(reviews) == 3
    assert all("Lost one." != r["reviewRating"]["ratingExplanation"] for r in reviews)
    assert omitted == ("left out 1 note that lost its place in the article (no sentence of it "
                       "to review) and 1 note without a label (a review needs a rating)")


def test_a_reworded_claim_is_reviewed_as_it_read_when_judged(tmp_path: Path) -> None:
    reviews, _ = reviews_of(tmp_path, reword=True)
    [review] = [r for r in reviews if r["reviewRating"]["ratingExplanation"] == "NDNS says so."]
    assert review["claimReviewed"] == ("In the United Kingdom, about one in six adults has "
                                       "levels in that range during the winter months.")


def test_google_s_required_and_recommended_fields_are_there(tmp_path: Path) -> None:
    reviews, _ = reviews_of(tmp_path)
    for review in reviews:
        assert {"claimReviewed", "reviewRating", "url", "author", "datePublished",
                "itemReviewed"} <= review.keys()
        assert {"alternateName", "name", "ratingValue", "bestRating",
                "worstRating"} <= review["reviewRating"].keys()
        assert review["itemReviewed"]["appearance"]["url"].startswith("file://")


def test_other_formats_leave_nothing_out(tmp_path: Path) -> None:
    article = load_article(HEALTH)
    lost = annotation_for_span("Gone.", 0, 5, label="uncertain")
    model = build_export_model(article, [lost], 3)
    assert left_out(model, "claimreview").startswith("left out 1 note that lost its place")
    for fmt in ("md", "csv", "html", "pdf", "jsonld"):
        assert left_out(model, fmt) == ""


@given(st.lists(st.integers(0, 200), max_size=20), st.integers(0, 220), st.integers(0, 30))
def test_claim_around_spans_exactly_the_sentences_a_note_touches(
        cuts: list[int], start: int, length: int) -> None:
    edges = sorted(set(cuts))
    sentences = [(a, b) for a, b in zip(edges[::2], edges[1::2], strict=False)]
    end = start + length
    touched = [(a, b) for a, b in sentences
               if (a < end and start < b) or (start == end and a <= start < b)]
    expected = (touched[0][0], touched[-1][1]) if touched else None
    assert claim_around(sentences, start, end) == expected


def test_a_note_in_no_claim_reviews_its_own_words(tmp_path: Path) -> None:
    """A heading is no claim: a labelled note on it reviews the words it is on."""
    page = tmp_path / "vitamin-d.html"
    shutil.copy(HEALTH, page)
    article = load_article(page)
    heading = next(b for b in article.blocks if b.kind == "heading")
    words = article.text[heading.start:heading.end]
    note = annotation_for_span(article.text, heading.start, heading.end, label="uncertain")
    model = build_export_model(article, [note], find_claims(article))
    [review] = json.loads(export_text(model, "claimreview"))
    assert review["claimReviewed"] == " ".join(words.split())
