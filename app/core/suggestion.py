"""What a suggestion is: a label, a score and the cues behind it.

Kept apart from :mod:`app.core.suggest` (which finds them) so that a process
that only receives suggestions — the window, unpickling what the prefetch
child sent — does not import the suggester, its lexicons and expressions.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Cue:
    """Why a label was suggested: ``text`` at ``[start, end)`` and a reason."""

    start: int
    end: int
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Suggestion:
    label: str
    score: float
    cues: tuple[Cue, ...]
