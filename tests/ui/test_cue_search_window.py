"""A book's cue search runs in a child while the worker splits its claims
(app.core.cue_search via suggest_bridge.CoreSuggester): the window shows the
same suggestions as when it searches itself, and no child is left behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core import cue_search
from app.ui.claim_model import SUGGESTION_ROLE
from app.ui.suggest_bridge import default_suggester
from tests.ui.conftest import open_article


def suggestions(window) -> dict[str, object]:
    model = window.model
    return {model.data(model.index(row)): model.data(model.index(row), SUGGESTION_ROLE)
            for row in range(len(model.rows))}


def test_the_window_shows_the_same_suggestions_with_the_search_ahead(
        qtbot, make_window, sample_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[cue_search.CueSearch] = []
    answered: list[bool] = []
    start, hits = cue_search.CueSearch.start, cue_search.CueSearch.hits

    def spy_start(text: str) -> cue_search.CueSearch | None:
        search = start(text)
        started.extend([search] if search else [])
        return search

    def spy_hits(self: cue_search.CueSearch, lexicon: object) -> object:
        found = hits(self, lexicon)  # type: ignore[arg-type]
        answered.append(found is not None)
        return found

    monkeypatch.setattr(cue_search, "MIN_CHARS", 0)  # the sample stands for a book
    monkeypatch.setattr(cue_search.CueSearch, "start", staticmethod(spy_start))
    monkeypatch.setattr(cue_search.CueSearch, "hits", spy_hits)
    ahead = make_window(default_suggester())
    open_article(qtbot, ahead, sample_copy)
    assert len(started) == 1 and answered == [True]  # the child's hits were used
    assert all(search._process is None for search in started)  # and it is gone

    monkeypatch.setattr(cue_search, "MIN_CHARS", 10**9)  # an article: searched here
    here = make_window(default_suggester())
    open_article(qtbot, here, sample_copy)
    assert len(started) == 1
    shown = suggestions(ahead)
    assert shown == suggestions(here)
    assert sum(1 for s in shown.values() if s is not None) >= 10
