"""Annotations: a label, a note and sources on a span of the canonical text."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Literal

Label = Literal["supported", "uncertain", "advertising", "none"]
LABELS: tuple[Label, ...] = ("supported", "uncertain", "advertising")
CONTEXT_CHARS = 32


def now_iso() -> str:
    """The current UTC time as ``2026-11-25T10:00:00Z``."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True, slots=True)
class Annotation:
    """One annotation. ``start``/``end`` are where it was last anchored.

    ``exact``, ``prefix`` and ``suffix`` are the W3C TextQuoteSelector that lets
    it find its place again when the article changes.
    """

    id: str
    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""
    label: Label = "none"
    note: str = ""
    sources: tuple[str, ...] = ()
    created: str = field(default_factory=now_iso)
    modified: str = ""

    def __post_init__(self) -> None:
        if not self.modified:
            object.__setattr__(self, "modified", self.created)

    @property
    def is_empty(self) -> bool:
        """No label, no note and no source: nothing worth keeping."""
        return self.label == "none" and not self.note.strip() and not self.sources

    def edited(self, **changes: object) -> Annotation:
        """A copy with ``changes`` and a fresh ``modified`` time."""
        return replace(self, modified=now_iso(), **changes)  # type: ignore[arg-type]


def new_id() -> str:
    return f"urn:uuid:{uuid.uuid4()}"


def annotation_for_span(text: str, start: int, end: int, **fields: object) -> Annotation:
    """A new annotation on ``text[start:end]`` with its quote and context."""
    return Annotation(
        id=new_id(),
        start=start,
        end=end,
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS):start],
        suffix=text[end:end + CONTEXT_CHARS],
        **fields,  # type: ignore[arg-type]
    )


def rebase(annotation: Annotation, text: str, start: int, end: int) -> Annotation:
    """The same annotation placed at ``text[start:end]`` with fresh context."""
    return replace(
        annotation,
        start=start,
        end=end,
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS):start],
        suffix=text[end:end + CONTEXT_CHARS],
    )
