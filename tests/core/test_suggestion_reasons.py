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
