"""The loader's worker makes a book's claims and suggestions with the cyclic
collector off and settles them before it is back on: a full collection in the
worker holds the interpreter throughout, and the window with it (session 15 — S:
38 ms of a 3 MB book's opening). No timing here: what the collector sees."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.ui.loader import ArticleLoader


@pytest.fixture
def nothing_settled() -> Iterator[None]:
    gc.unfreeze()
    assert gc.isenabled()
    yield
    gc.unfreeze()
    gc.enable()


def test_claims_and_suggestions_are_made_without_the_collector_and_settled(
        qtbot, sample_copy: Path, nothing_settled: None, monkeypatch) -> None:
    seen: list[bool] = []

    def suggester(article: object, claims: object) -> dict[int, object]:
        seen.append(gc.isenabled())
        return {}

    def no_notes(path: Path, text: str) -> None:  # (it settles what it reads itself)
        seen.append(gc.isenabled())

    monkeypatch.setattr("app.ui.loader.read_ahead", no_notes)
    loader = ArticleLoader(suggester=suggester)
    loader.first_paint_done.set()
    with qtbot.waitSignal(loader.claimsReady, timeout=15000) as ready:
        loader.start(str(sample_copy))
    loader.wait()
    assert seen == [False, False], "the collector ran while the worker made the claims"
    assert gc.isenabled(), "the collector was left off"
    claims = ready.args[1]
    assert claims, "the sample has claims"
    walked = {id(o) for o in gc.get_objects()}  # every generation but the settled
    assert id(claims) not in walked and id(claims[0]) not in walked, (
        "the claims were not settled out of the collector's runs")


def test_the_collector_is_back_on_when_suggesting_fails(
        qtbot, sample_copy: Path, nothing_settled: None) -> None:
    def broken(article: object, claims: object) -> dict[int, object]:
        raise ValueError("a bad lexicon")

    loader = ArticleLoader(suggester=broken)
    loader.first_paint_done.set()
    with qtbot.waitSignal(loader.failed, timeout=15000) as failed:
        loader.start(str(sample_copy))
    loader.wait()
    assert "a bad lexicon" in failed.args[1]
    assert gc.isenabled()
