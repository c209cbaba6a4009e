"""Citation markers: which a claim carries and which reference entries they name."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.citations import CitationIndex, Reference, find_markers, is_only_markers
from app.core.claims import find_claims
from app.core.loaders import article_from_bytes
from app.core.segment import split_sentences


@pytest.mark.parametrize(
    ("text", "marker", "labels"),
    [
        ("It works.[1] Next.", "[1]", ("1",)),
        ("Shown here.[7][8] Next.", "[7][8]", ("7", "8")),
        ("Big effect.¹² Then more.", "¹²", ("12",)),
        ("Common in adults.11 12 Most are mild.", "11 12", ("11", "12")),
        ("Common in adults.14,15 Most are mild.", "14,15", ("14", "15")),
        ("As found (Smith et al., 2020).", "(Smith et al., 2020)", ("Smith 2020",)),
        ("Seen twice (Smith and Jones 2019; Lee 2021).", "(Smith and Jones 2019; Lee 2021)",
         ("Smith 2019", "Lee 2021")),
        ("Several trials.[3–5]", "[3–5]", ("3", "4", "5")),
        ("A note.[note 1]", "[note 1]", ("note 1",)),
    ],
)
def test_marker_shapes(text: str, marker: str, labels: tuple[str, ...]) -> None:
    found = find_markers(text)
    assert [(text[m.start:m.end], m.labels) for m in found] == [(marker, labels)]


@pytest.mark.parametrize("text", ["In 2019. 5 patients left.", "Python 3.11 12 Most",
                                  "It costs Rs. 500 a month.", "See section [A] below."])
def test_numbers_that_are_not_markers(text: str) -> None:
    assert find_markers(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Testing finds bugs early.[1] One reason is cost.[2][3] Strategies exist.",
         ["Testing finds bugs early.[1]", "One reason is cost.[2][3]", "Strategies exist."]),
        ("Magnesium helps.¹² Most adults get enough.",
         ["Magnesium helps.¹²", "Most adults get enough."]),
        ("It is common in adults.14 15 Most cases are mild.",
         ["It is common in adults.14 15", "Most cases are mild."]),
        ("It was seen in adults. [4] Most were fine.",
         ["It was seen in adults. [4]", "Most were fine."]),
        ("Only this.[1]", ["Only this.[1]"]),
    ],
)
def test_markers_stay_with_the_sentence_before(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in split_sentences(text)] == expected


_sentence = st.from_regex(r"[A-Z][a-z]{2,8}( [a-z]{2,8}){1,6}\.", fullmatch=True)
_marker = st.sampled_from(["[1]", "[2][3]", "[4–6]", "¹", "²³", ""])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_sentence, _marker), min_size=1, max_size=6))
def test_a_marker_is_never_a_claim_nor_opens_one(parts: list[tuple[str, str]]) -> None:
    text = " ".join(sentence + marker for sentence, marker in parts)
    claims = [text[s:e] for s, e in split_sentences(text)]
    for claim in claims:
        assert not is_only_markers(claim)
        assert claim[0].isupper()
    for sentence, marker in parts:  # each marker is in the claim of its own sentence
        if marker:
            assert any(c.endswith(sentence + marker) or (sentence + marker) in c for c in claims)


def test_claims_name_their_reference_entries() -> None:
    source = (b"# Title\n\nMagnesium helps.[1] Nuts have it.[2][3] "
              b"Seeds too (Lee et al., 2019).\n\n"
              b"## References\n\n1. Smith J. Magnesium and sleep. BMJ 2020.\n"
              b"2. Jones K. Nuts. Lancet 2018.\n3. Park S. Seeds. 2017.\n"
              b"4. Lee H, Kim J. Seeds and minerals. Nutrients 2019.\n")
    article = article_from_bytes(source, "md", "a.md")
    index = CitationIndex(article)
    cited = {article.text[c.start:c.end]: [r.number for r in index.cited(c.start, c.end)]
             for c in find_claims(article)}
    assert cited == {"Magnesium helps.[1]": [1], "Nuts have it.[2][3]": [2, 3],
                     "Seeds too (Lee et al., 2019).": [4]}
    assert index.references[0].short() == "[1] Smith J. Magnesium and sleep. BMJ 2020."


def test_a_marker_without_an_entry_names_nothing() -> None:
    article = article_from_bytes(b"Magnesium helps.[9] It does.", "md", "a.md")
    index = CitationIndex(article)
    claim = find_claims(article)[0]
    assert [article.text[m.start:m.end] for m in index.markers(claim.start, claim.end)] == ["[9]"]
    assert index.cited(claim.start, claim.end) == []


def test_short_form_keeps_head_and_tail() -> None:
    entry = Reference(0, 2, "Smith J, Jones K, Lee H, et al. Magnesium supplementation in adults "
                            "with type 2 diabetes: a randomised trial. BMJ 2020")
    short = entry.short()
    assert short.startswith("[2] Smith J") and short.endswith("BMJ 2020") and "…" in short


def test_short_form_never_cuts_an_identifier() -> None:
    """Tester T8: the window's "cited:" line ended mid-DOI."""
    doi = "https://doi.org/10.1016/j.jtemb.2019.126389"
    entry = Reference(0, 4, f"Arab A, Rafie N, et al. The role of magnesium in sleep health: "
                            f"a systematic review. Biol Trace Elem Res. 2022. {doi}")
    short = entry.short()
    assert short.endswith(doi) and "…" in short
    words = set(entry.text.split())
    assert all(word in words for word in short.split()[1:] if word != "…")


def test_exports_name_the_entries_a_noted_claim_cites() -> None:
    from app.core.annotations import annotation_for_span
    from app.core.export import build_export_model, export_text

    source = (b"Magnesium helps.[1] Nuts have it.\n\n## References\n\n"
              b"1. Smith J. Magnesium and sleep. BMJ 2020.\n")
    article = article_from_bytes(source, "md", "a.md")
    first, second = find_claims(article)
    notes = [annotation_for_span(article.text, c.start, c.end, label="supported")
             for c in (first, second)]
    model = build_export_model(article, notes, 2, author="Ada")
    assert [item.cited for item in model.items] == [
        ("[1] Smith J. Magnesium and sleep. BMJ 2020.",), ()]
    markdown = export_text(model, "md")
    assert "Cited in the article:\n\n- \\[1\\] Smith J. Magnesium and sleep. BMJ 2020." in markdown
    assert "Cited in the article:<br>[1] Smith J. Magnesium and sleep. BMJ 2020." in export_text(
        model, "html")
