"""Words of hedging in uses that hedge nothing (session 9, from technical prose
suggested uncertain): a sign in a figure or a program that indicates or denotes
something ("Arrows indicate…", "a semicolon, which indicates…"; BioScope's own
annotators mark none of its 22 tuning sentences of this kind), a wish ("we would
like to"), "think of X as Y"; and "you may feel…", a possibility stated to the
reader, which was read as the permission "You may copy…". Each has the hedge or
the permission it must keep."""

from __future__ import annotations

import pytest

from app.core.suggest import suggest_text
from tests.core.suggest_helpers import label_of


@pytest.mark.parametrize("sentence", [
    "Arrows indicate the sites of injection.",
    "The dotted line indicates the threshold after correction.",
    "An asterisk denotes a value outside the reference range.",
    "We end the statement with a semicolon (;), which indicates that the expression is over.",
    "The return value indicates whether the file was found.",
    "This attribute indicates that the type is not exhaustive.",
    "We would like to thank the nurses who collected the samples.",
    "Think of a variable as a labelled box that holds a value.",
])
def test_a_sign_a_wish_or_an_analogy_hedges_nothing(sentence: str) -> None:
    assert label_of(sentence) is None


@pytest.mark.parametrize("sentence", [
    "These results indicate that the protein is involved in repair.",
    "The findings indicate a role for inflammation in the disease.",
    "This would explain why the effect faded after a week.",
    "We think that the effect is caused by the solvent.",
])
def test_the_hedges_they_look_like_stay(sentence: str) -> None:
    assert label_of(sentence) == "uncertain"


@pytest.mark.parametrize("sentence", [
    "You may feel dizzy when you stand up quickly.",
    "You may also notice that your urine is darker than usual.",
    "You might need a second blood test after a few weeks.",
])
def test_a_possibility_stated_to_the_reader_is_a_hedge(sentence: str) -> None:
    suggestion = suggest_text(sentence)
    assert suggestion is not None and suggestion.label == "uncertain"
    assert any(reason.startswith("hedge:") for reason in suggestion.reasons())


@pytest.mark.parametrize("sentence", [
    "You may copy and distribute verbatim copies of this document.",
    "You may not use this file except in compliance with the License.",
    "Licensees may charge a fee for the physical act of transferring a copy.",
])
def test_a_permission_is_still_no_hedge(sentence: str) -> None:
    assert label_of(sentence) != "uncertain"
