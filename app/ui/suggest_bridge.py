"""Connects the window's loader to the core suggester (when there is one)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from app.core.article import Article
from app.core.claims import Claim
from app.ui.loader import Suggester

if TYPE_CHECKING:
    from app.core.cue_search import CueSearch


class CoreSuggester:
    """The core suggester, imported (with its lexicons) on first use in the
    worker. For a book, :meth:`search_ahead` starts the cue search in a child
    process (``app.core.cue_search``) while the worker splits the claims; the
    call then weighs the child's hits, or searches itself if it has none."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._ahead: dict[int, CueSearch] = {}  # by id() of the article's text

    def search_ahead(self, article: Article) -> Callable[[], None]:
        """Start searching ``article`` (if it is long enough to gain); returns
        what to call when the job is over, used or not: it stops the child."""
        from app.core.cue_search import MIN_CHARS, CueSearch

        key = id(article.text)
        search = CueSearch.start(article.text) if len(article.text) >= MIN_CHARS else None
        if search is None:
            return lambda: None
        with self._lock:
            self._ahead[key] = search

        def done() -> None:
            with self._lock:
                left = self._ahead.pop(key, None)
            if left is not None:
                left.close()

        return done

    def __call__(self, article: Article, claims: list[Claim]) -> dict[int, Any]:
        from app.core.suggest import load_lexicons, suggest_for_claims

        with self._lock:
            search = self._ahead.pop(id(article.text), None)
        hits = search.hits(load_lexicons()) if search is not None else None
        return suggest_for_claims(article, claims, hits)


def default_suggester() -> Suggester:
    return CoreSuggester()
