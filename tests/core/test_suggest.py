"""Suggestions: the right label, with the cues that explain it."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.article import Block, StyleRun
from app.core.claims import find_claims
from app.core.loaders import article_from_bytes, load_article
from app.core.suggest import Article, load_lexicons, suggest_for_claims, suggest_text
from tests.conftest import SAMPLE


def label_of(sentence: str) -> str | None:
    suggestion = suggest_text(sentence)
    return suggestion.label if suggestion else None


def test_corpus_article(corpus: Path) -> None:
    article = load_article(corpus / "magnesium-neuropathy.txt")
    claims = find_claims(article)
    suggestions = suggest_for_claims(article, claims)
    ads = sorted(i for i, s in suggestions.items() if s.label == "advertising")
    assert ads == [21, 22, 23, 24]  # the four closing sentences
    assert not [s for s in suggestions.values() if s.label == "supported"]
    assert suggestions[2].label == "uncertain"  # "has shown promise"
    assert any(c.reason == "unattributed evidence: Research has shown"
               for c in suggestions[4].cues)
    assert 0 not in suggestions and 3 not in suggestions  # plain facts


def test_cues_point_at_the_words() -> None:
    suggestion = suggest_text("Magnesium may help reduce pain.")
    assert suggestion is not None
    [cue] = suggestion.cues
    assert (cue.start, cue.end, cue.text, cue.reason) == (10, 13, "may", "hedge: may")


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("Click here to learn more and start feeling better.", "advertising"),
        ("Order now and save 30% with code NERVE30.", "advertising"),
        ("This post is sponsored by VitaCore.", "advertising"),
        ("NervaCalm may help you sleep: order today!", "advertising"),  # an ad that hedges
        ("Talk to your doctor before starting any supplement.", None),
        ("Drink plenty of water.", None),
        ("The drug costs $500 a month.", None),
        ("The trial was sponsored by the manufacturer.", None),
        ("Magnesium could affect sleep.", None),  # "could" alone is not enough
        ("Research has shown that magnesium helps.", "uncertain"),
        ("Research has shown that magnesium helps (PMID: 33918360).", "supported"),
        ("A 2014 trial found no benefit (Smith et al., 2014).", "supported"),
        ("Magnesium is a mineral.", None),
    ],
)
def test_labels(sentence: str, label: str | None) -> None:
    assert label_of(sentence) == label


def test_a_link_to_a_journal_is_a_citation() -> None:
    text = "A review found lower levels in patients."
    link = StyleRun(2, 8, "link", "https://pubmed.ncbi.nlm.nih.gov/1/")
    article = Article(text, (Block("paragraph", 0, len(text), styles=(link,)),), "t", "x",
                      "md", "utf-8")
    [claim] = find_claims(article)
    suggestion = suggest_for_claims(article, [claim])[0]
    assert suggestion.label == "supported"
    assert suggestion.cues[0].reason == "citation: link to pubmed.ncbi.nlm.nih.gov"


def test_closing_pitch_needs_two_ads() -> None:
    text = "Magnesium is a mineral.\nDo you feel tired?\nClick here to buy it."
    article = article_from_bytes(text.encode(), "txt", "a.txt")
    claims = find_claims(article)
    suggestions = suggest_for_claims(article, claims)
    assert set(suggestions) == {2}  # one ad: the question before it stays unmarked


def test_sample_article_suggests_the_ending_and_the_hedges() -> None:
    article = load_article(SAMPLE)
    claims = find_claims(article)
    suggestions = suggest_for_claims(article, claims)
    texts = {article.text[c.start:c.end]: suggestions.get(c.index) for c in claims}
    assert "Feel the difference today" not in texts  # a heading: shown, not a claim
    assert texts["Order now and save 30% with code NERVE30."].label == "advertising"
    assert texts["Research has shown that magnesium may calm overactive nerve signals."].label \
        == "uncertain"
    talk = next(t for t in texts if t.startswith("Talk to your doctor"))
    assert texts[talk] is None


def test_every_lexicon_file_says_where_it_comes_from() -> None:
    from app.core.resources import resource_path

    for path in resource_path("lexicons").glob("*.tsv"):
        head = path.read_text().splitlines()[:3]
        assert any(line.startswith("# source:") for line in head), path.name
    assert len(load_lexicons().fast_entries) > 50
