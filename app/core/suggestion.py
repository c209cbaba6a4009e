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

    def reasons(self) -> list[str]:
        """Each reason once, in text order: "your" twice is one reason to show."""
        seen: dict[str, str] = {}
        for cue in self.cues:
            seen.setdefault(cue.reason.casefold(), cue.reason)
        return list(seen.values())
