"""Connects the window's loader to the core suggester (when there is one)."""

from __future__ import annotations

from app.ui.loader import Suggester


def default_suggester() -> Suggester | None:
    try:
        from app.core.suggest import suggest_for_claims
    except ImportError:
        return None
    return suggest_for_claims
