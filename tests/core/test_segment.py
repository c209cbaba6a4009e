"""Sentence segmentation: golden rules, hard cases and invariants."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.segment import split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_golden_rules(corpus: Path) -> None:
    rules = json.loads((corpus / "segmentation" / "golden_rules_en.json").read_text())
    failed = [r["id"] for r in rules if sentences(r["text"]) != r["sentences"]]
    assert failed == [], f"failed rules: {failed}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("See https://example.org/a?b=1. It works.",
         ["See https://example.org/a?b=1.", "It works."]),
        ("The study (doi:10.1000/xyz.123) was small. Next one.",
         ["The study (doi:10.1000/xyz.123) was small.", "Next one."]),
        ("Smith et al. found it. Dr. Jones did not.",
         ["Smith et al. found it.", "Dr. Jones did not."]),
        ("Fruit, e.g. apples, helps. It costs approx. 3.50 dollars.",
         ["Fruit, e.g. apples, helps.", "It costs approx. 3.50 dollars."]),
        ("It was reported in vivo.30 The effect was small.",
         ["It was reported in vivo.30", "The effect was small."]),
        ("Mail me at jane.doe@example.com. Thanks.",
         ["Mail me at jane.doe@example.com.", "Thanks."]),
        ('He said "stop." Then he left.', ['He said "stop."', "Then he left."]),
        ("Incubate for 12 h. Proteinase K was added.",
         ["Incubate for 12 h.", "Proteinase K was added."]),
    ],
)
def test_hard_cases(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_blank_text_has_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences("   \t ") == []


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300).map(lambda s: s.replace("\n", " ")))
def test_spans_are_ordered_trimmed_and_cover_all_text(text: str) -> None:
    spans = split_sentences(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        assert text[previous_end:start].strip() == ""
        previous_end = end
    assert text[previous_end:].strip() == ""
