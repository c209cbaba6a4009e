"""A suggestion shows each of its reasons once, in text order."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.core.suggestion import Cue, Suggestion

REASONS = st.sampled_from(["hedge: may", "hedge: May", "addressing the reader: your",
                           "call to action: Click here", "exclamation: !"])


@given(st.lists(REASONS, max_size=8))
def test_each_reason_once_in_the_order_of_its_first_cue(reasons: list[str]) -> None:
    cues = tuple(Cue(i, i + 1, "x", reason) for i, reason in enumerate(reasons))
    shown = Suggestion("uncertain", 0.9, cues).reasons()
    assert len(shown) == len({r.casefold() for r in shown})  # none twice, whatever the case
    assert {r.casefold() for r in shown} == {r.casefold() for r in reasons}  # none left out
    firsts = list(dict.fromkeys(r.casefold() for r in reasons))
    assert [r.casefold() for r in shown] == firsts


def test_a_doi_with_brackets_is_named_whole_in_the_reason() -> None:
    """Tester T9: "citation: DOI 10.1002/(SICI" — cut at the first bracket."""
    from app.core.suggest import suggest_text

    doi = "10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0"
    found = suggest_text(f"Results were reported (doi:{doi}) in 1998.")
    assert found is not None and f"citation: DOI {doi}" in found.reasons()
    plain = suggest_text("A trial found no benefit (doi:10.1200/JCO.2013.52.0536).")
    assert plain is not None and "citation: DOI 10.1200/JCO.2013.52.0536" in plain.reasons()
