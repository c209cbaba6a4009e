"""Connects the window's loader to the core suggester (when there is one)."""

from __future__ import annotations

from typing import Any

from app.core.article import Article
from app.core.claims import Claim
from app.ui.loader import Suggester


def default_suggester() -> Suggester:
    """The core suggester, imported (with its lexicons) on first use in the worker."""

    def suggest(article: Article, claims: list[Claim]) -> dict[int, Any]:
        from app.core.suggest import suggest_for_claims

        return suggest_for_claims(article, claims)

    return suggest
