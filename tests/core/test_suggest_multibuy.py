"""Multi-buys are offers; the numbers of scores, splits and votes are not (session 11, G).

"3 for 2", "Three for two", "2 for 1", "any two for £20", "four … for the price of three",
"buy any three and get the cheapest free", "spend £50 and get…": a multi-buy gives more
than the reader pays for, so "N for M" counts only with M below N (2 for 1 … 6 for 5) and
not as a score or a split ("England were 3 for 2", "split 3 for 2", "voted 9 for 2 against").
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.suggest import suggest_text
from tests.core.suggest_helpers import label_of


@pytest.mark.parametrize("sentence, reason", [
    ("3 for 2 on all garden furniture.", "offer: 3 for 2"),
    ("Two for one on every cinema ticket this month.", "a multi-buy: Two for one"),
    ("Five for four across the whole stationery range.", "a multi-buy: Five for four"),
    ("Any 2 bottles for £15.", "offer: 2 bottles for £15"),
    ("Six mugs for the price of five.", "discount: Six mugs for the price of"),
    ("Buy any two and get another free.", "a multi-buy: any two and get another free"),
    ("Spend £30 and save £5 at the till.", "a multi-buy: Spend £30 and save"),
    ("BOGOF on every tub of ice cream.", "discount: BOGOF"),
])
def test_a_multi_buy_is_an_offer(sentence: str, reason: str) -> None:
    found = suggest_text(sentence)
    assert found is not None and found.label == "advertising"
    assert reason in [cue.reason for cue in found.cues], found.cues


@pytest.mark.parametrize("sentence", [
    "Australia were 3 for 2 at the end of the first over.",
    "The visitors reached 80 for 4 by lunch.",
    "The firm plans to split its shares 3 for 2.",
    "The council voted 6 for 3 against the scheme.",
    "Speed-up of about 2.5 for 10^3 digits.",
    "The best thresholds were between 11 and 19 for 32 bits.",
    "The shares split two-for-one in 1998.",
])
def test_scores_splits_and_ratios_are_no_offer(sentence: str) -> None:
    assert label_of(sentence) != "advertising"


@given(st.integers(min_value=1, max_value=99), st.integers(min_value=1, max_value=99))
def test_n_for_m_is_a_multi_buy_only_when_m_is_one_less_or_so(n: int, m: int) -> None:
    """"N for M on all cards" is an offer for 2 for 1 … 6 for 5 (M below N, N ≤ 6)."""
    multi_buy = 2 <= n <= 6 and n - 2 <= m < n
    got = label_of(f"{n} for {m} on all cards.")
    assert (got == "advertising") == multi_buy, (n, m, got)
