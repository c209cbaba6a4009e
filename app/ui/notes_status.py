"""What the window says about the notes: where they are saved, what went wrong,
how the saved notes found their place again."""

from __future__ import annotations

import html
import os
from collections.abc import Mapping
from pathlib import Path

from app.core.anchoring import Status
from app.ui.session import ArticleSession

WARNING_COLOR = "#D55E00"


def warning_html(message: str) -> str:
    return f"<span style='color:{WARNING_COLOR}'>⚠ {html.escape(message)}</span>"


def notes_location_html(session: ArticleSession | None) -> tuple[str, str]:
    """The status-bar text (rich text) and its tooltip for ``session``'s notes."""
    if session is None:
        return "", ""
    path = session.notes_path
    if session.notes_problem is not None:
        recovery = session.recovery_path
        return (warning_html(f"Notes file not used ({session.notes_problem}); your changes "
                             f"are saved to {recovery}"), str(recovery))
    if path.is_symlink():  # tester T9: the link was replaced without a word
        return (warning_html(f"{path.name} is a link to {_link_target(path)}: claimmark never "
                             "writes through a link, so your next change puts a file of its "
                             "own in the link's place and leaves the linked file as it is"),
                str(path))
    if session.notes_fallback_reason:
        return (f"Notes in {html.escape(str(path))} "
                f"({html.escape(session.notes_fallback_reason)})", str(path))
    return f"Notes: {html.escape(path.name)}", str(path)


def _link_target(path: Path) -> str:
    try:
        return os.readlink(path)
    except OSError:
        return "another file"


def anchoring_report(counts: Mapping[Status, int], notices: tuple[str, ...] | list[str],
                     rows: int, no_text: int = 0) -> str:
    """One line: how the saved notes were placed (or how many claims there are).
    ``no_text`` of the orphaned mark no text (another tool's page notes and
    replies): they lost nothing."""
    if not sum(counts.values()):
        return f"{' '.join(notices)} {rows} claims".strip()
    parts = [f"{counts['exact']} in place"]
    if counts["moved"]:
        parts.append(f"{counts['moved']} moved")
    if counts["fuzzy"]:
        parts.append(f"{counts['fuzzy']} changed")
    if no_text:
        parts.append(f"{no_text} on no text (page notes, replies)")
    lost = counts["orphaned"] - no_text
    if lost:
        parts.append(f"{lost} lost (see the filter “Lost their place”)")
    return "Notes: " + ", ".join(parts)
