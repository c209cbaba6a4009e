"""What the suggester says of one sentence, as the suggestion tests ask it."""

from __future__ import annotations

from app.core.suggest import suggest_text


def label_of(sentence: str) -> str | None:
    """The label suggested for ``sentence`` alone, or None."""
    suggestion = suggest_text(sentence)
    return suggestion.label if suggestion else None


def reasons(sentence: str) -> list[str]:
    """The reasons given with that suggestion (shown when a test fails)."""
    suggestion = suggest_text(sentence)
    return [cue.reason for cue in suggestion.cues] if suggestion else []
