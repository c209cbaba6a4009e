"""Suggestions: the right label, with the cues that explain it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from app.core.article import Block, StyleRun
from app.core.claims import find_claims
from app.core.cues import MODELS, find_cues, load_lexicon, parse_rows, parse_weights
from app.core.loaders import article_from_bytes, load_article
from app.core.suggest import Article, suggest_for_claims, suggest_text
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
    assert any(c.reason == "unattributed evidence: Research has shown"
               for c in suggestions[4].cues)
    assert 0 not in suggestions and 3 not in suggestions  # plain facts


def test_cues_point_at_the_words() -> None:
    suggestion = suggest_text("Magnesium may help reduce pain.")
    assert suggestion is not None
    [cue] = suggestion.cues
    assert (cue.start, cue.end, cue.text, cue.reason) == (10, 18, "may help", "hedge: may help")


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("Click here to learn more and start feeling better.", "advertising"),
        ("Order now and save 30% with code NERVE30.", "advertising"),
        ("This post is sponsored by VitaCore.", "advertising"),
        ("NervaCalm may help you sleep: order today!", "advertising"),  # an ad that hedges
        ("Start your 14-day free trial and cancel anytime.", "advertising"),
        ("Talk to your doctor before starting any supplement.", None),
        ("Drink plenty of water.", None),
        ("The drug costs $500 a month.", None),
        ("The trial was sponsored by the manufacturer.", None),
        ("Research has shown that magnesium helps.", "uncertain"),
        ("Research has shown that magnesium helps (PMID: 33918360).", "supported"),
        ("A 2014 trial found no benefit (Smith et al., 2014).", "supported"),
        ("Magnesium is a mineral.", None),
    ],
)
def test_labels(sentence: str, label: str | None) -> None:
    assert label_of(sentence) == label


@pytest.mark.parametrize("sentence", [
    "There is no guarantee that the supplement works.",  # a negated guarantee
    "Most people get Vitamin D from sunlight.",
    "The doctor ordered blood tests and an MRI.",  # a clinic ordering tests
    "Ask your pharmacist about side effects.",
    "The trial's budget was cut by a third.",
])
def test_ordinary_uses_of_sales_words_are_not_advertising(sentence: str) -> None:
    assert label_of(sentence) != "advertising"


@pytest.mark.parametrize("sentence", [
    "You may convey verbatim copies of the Program's source code as you receive it.",
    "The name of the author may not be used to endorse products derived from this software.",
    "Licensee may terminate this agreement at any time.",
    "You may copy and distribute the Library.",
    "Copies may not be sold or used to endorse other products.",
])
def test_permission_is_not_a_hedge(sentence: str) -> None:
    assert label_of(sentence) is None


@pytest.mark.parametrize("sentence", [
    "Magnesium may help reduce pain.",  # epistemic may
    "Older adults generally need less sleep than teenagers and may wake earlier.",  # may
    "It is believed that the ship sank in a storm.",  # weasel words
    "The compound slowed tumour growth in mice and a small study found fewer symptoms.",
])
def test_hedges(sentence: str) -> None:
    assert label_of(sentence) == "uncertain"


@pytest.mark.parametrize("sentence", [
    "That's all there is to it!",
    "Are you sure you want to delete your account?",
    "You can find the settings in the menu.",
])
def test_style_alone_is_not_advertising(sentence: str) -> None:
    assert label_of(sentence) is None


def test_a_marker_that_opens_the_claim_belongs_to_the_sentence_before() -> None:
    assert label_of("[3] Magnesium is a mineral.") is None
    assert label_of("Magnesium is a mineral [3].") == "supported"
    assert label_of("Magnesium is a mineral.¹²") == "supported"  # superscript, citations.py
    text = "Magnesium is a mineral.[3] It is found in nuts."
    article = article_from_bytes(text.encode(), "txt", "a.txt")
    claims = find_claims(article)
    suggestions = suggest_for_claims(article, claims)
    second = next(c for c in claims if article.text[c.start:c.end].lstrip("[3] ")
                  .startswith("It is found"))
    assert second.index not in suggestions or suggestions[second.index].label != "supported"


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
    assert texts["Tired of waiting for science to catch up?"].label == "advertising"  # context
    assert texts["Order now and save 30% with code NERVE30."].label == "advertising"
    assert texts["Research has shown that magnesium may calm overactive nerve signals."].label \
        == "uncertain"
    talk = next(t for t in texts if t.startswith("Talk to your doctor"))
    assert texts[talk] is None
    supported = [t for t, s in texts.items() if s is not None and s.label == "supported"]
    assert all(re.search(r"doi:|PMID", t) for t in supported)


def test_every_lexicon_file_says_where_it_comes_from() -> None:
    from app.core.resources import resource_path

    for path in resource_path("lexicons").glob("*.tsv"):
        head = path.read_text().splitlines()[:3]
        assert any(line.startswith("# source:") for line in head), path.name


def test_every_cue_has_a_learned_or_marked_weight() -> None:
    lexicon = load_lexicon()
    for model, entries in lexicon.entries.items():
        weights = lexicon.models[model]
        assert {e.id for e in entries} == set(weights.weights), model
        for cue, origin in weights.origins.items():
            assert origin in ("data", "judgement"), cue
            if origin == "judgement" and model != "supported":
                assert abs(weights.weights[cue]) <= 1.0, cue  # weighted low
    assert set(lexicon.models) == set(MODELS)


def test_score_is_the_logistic_of_the_cue_weights() -> None:
    import math

    lexicon = load_lexicon()
    model = lexicon.models["uncertain"]
    suggestion = suggest_text("The ruins probably date from the Bronze Age.")
    assert suggestion is not None and suggestion.label == "uncertain"
    z = model.bias + model.weights["hedge_perhaps"]
    assert suggestion.score == round(1 / (1 + math.exp(-z)), 3)


def _naive(text: str) -> dict[str, list[tuple[int, int, str]]]:
    """What the fast scanner must find: each model's entries tried in order at every
    position, leftmost first, a match consuming its span (the plain regex way) —
    except a start-only one, which is kept and lets the next entry try the place."""
    lexicon = load_lexicon()
    lowered = text.lower()
    result: dict[str, list[tuple[int, int, str]]] = {}
    for model, entries in lexicon.entries.items():
        found: list[tuple[int, int, str]] = []
        word = [e for e in entries if e.bounded and not e.case_sensitive]
        busy = 0
        for start in range(len(text)):
            if start < busy:
                continue
            for entry in word:
                match = entry.regex.match(lowered, start)
                if match is not None and (start == 0 or not lowered[start - 1].isalnum()):
                    found.append((start, match.end(), entry.id))
                    if entry.start_only:
                        continue
                    busy = match.end()
                    break
        result[model] = found
    return result


_WORDS = ["copies", "may", "you", "not", "be", "used", "free", "trial", "order", "now", "save",
          "20%",
          "no", "guarantee", "the", "best", "often", "tend", "to", "in", "mice", "some",
          "say", "it", "is", "believed", "buy", "click", "here", "our", "$5", "Pro", "—",
          ".", ",", "!", "(Smith", "2014)", "[3]", "doi:10.1000/x", "VitaBoost™",
          "compare", "prices", "on", "market", "amazon", "more", "than", "check", "price",
          "at", "members", "stock", "up", "been",
          "doctors", "hate", "this", "one", "simple", "weird", "trick", "won't", "believe",
          "link", "button", "Save", "tap", "win", "text", "JOIN", "60123", "evaluated", "by",
          "FDA", "not", "intended", "diagnose,", "treat,", "cure", "results", "vary", "#ad",
          "below", "bio"]


@given(st.lists(st.sampled_from(_WORDS), max_size=30))
@example(["copies", "may", "not", "be", "used", "in", "mice"])  # two rows at one place
@example(["no", "guarantee", "free", "trial", "the", "best"])
@example(["at", "best"])  # an opening of \w+ made the fast scan report "best" again
@example(["tap", "the", "button", "below", "click", "this", "link", "to", "win"])  # lookaheads
@example(["doctors", "hate", "this", "one", "simple", "trick", "not", "evaluated", "by", "the",
          "FDA"])
def test_fast_scan_finds_what_a_plain_scan_finds(words: list[str]) -> None:
    text = " ".join(words)
    fast = find_cues(text, load_lexicon().scanners)
    naive = _naive(text)
    for model in MODELS:
        found = [(s, e, entry.id) for s, e, entry in fast[model]
                 if entry.bounded and not entry.case_sensitive]
        assert found == naive[model], model


@given(st.text(max_size=200))
def test_any_text_gets_a_sound_suggestion(text: str) -> None:
    suggestion = suggest_text(text)
    if suggestion is None:
        return
    assert suggestion.label in ("supported", "uncertain", "advertising")
    assert 0.0 <= suggestion.score <= 1.0
    for cue in suggestion.cues:
        assert 0 <= cue.start < cue.end <= len(text)
        assert text[cue.start:cue.end] == cue.text


def test_bad_lexicon_rows_say_where() -> None:
    with pytest.raises(ValueError, match="hedges.tsv line 2: expected 4"):
        parse_rows("uncertain", "hedges", "# c\nonly\ttwo\n")
    with pytest.raises(ValueError, match="hedges.tsv line 1:"):
        parse_rows("uncertain", "hedges", "x\t-\tr\t(unclosed\n")
    with pytest.raises(ValueError, match="weights.tsv line 1: expected 6"):
        parse_weights("uncertain\tx\t1\n")


def test_empty_and_huge_text() -> None:
    assert suggest_text("") is None
    article = article_from_bytes(("Order now! " * 20_000).encode(), "txt", "a.txt")
    claims = find_claims(article)
    assert len(suggest_for_claims(article, claims)) == len(claims)
