"""What the window says about the notes: where they are saved, what went wrong,
how the saved notes found their place again."""

from __future__ import annotations

import html
import os
from collections.abc import Mapping
from pathlib import Path

from app.core.anchoring import Status
from app.core.annotation_pages import FurtherPages
from app.core.annotations import Annotation
from app.core.notes_merge import BothChanged, DiskChanges
from app.core.wording import count_of
from app.ui.palette import LABEL_TITLES
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
        said = (f"Notes in {html.escape(str(path))} "
                f"({html.escape(session.notes_fallback_reason)})")
    else:
        said = f"Notes: {html.escape(path.name)}"
    further = session.further_pages
    if further is None:
        return said, str(path)
    # Short: a permanent label as wide as a URL would widen the window past
    # the screen; the URL is in the tooltip and the opening's report.
    count = "" if further.notes is None else f"{further.notes} "
    return (f"{said} · {warning_html(f'{count}notes on pages not read')}",
            f"{path}\n{_capital(further_said(further))}")


def further_said(further: FurtherPages) -> str:
    """The notes on pages the file names by URL only, as ``claimmark notes``
    says them: never fetched (no network, ever), so the reader must hear of
    them (helper I15)."""
    return f"{further.sentence()}: claimmark never fetches them"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _link_target(path: Path) -> str:
    try:
        return os.readlink(path)
    except OSError:
        return "another file"


def anchoring_report(counts: Mapping[Status, int], notices: tuple[str, ...] | list[str],
                     rows: int, no_text: int = 0, further: FurtherPages | None = None) -> str:
    """One line: the loader's ``notices`` (an encoding guessed, another
    language), then how the saved notes were placed (or how many claims there
    are). ``no_text`` of the orphaned mark no text (another tool's page notes and
    replies): they lost nothing. ``further``: the pages the file did not hold."""
    unread = f" · {further_said(further)}" if further is not None else ""
    said = " ".join((*notices, ""))  # what the reader reads is said first, notes or none
    if not sum(counts.values()):
        return f"{said}{rows} claims" + unread
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
    return f"{said}Notes: " + ", ".join(parts) + unread


def disk_changes_said(changes: DiskChanges, notes: Mapping[str, Annotation],
                      undo_kept: int | None) -> str:
    """What the status bar says when another writer's changes were taken in
    ("" when there were none); ``undo_kept``: how many undo steps are left
    where the history was cut (None: it was not)."""
    both = {b.ident for b in changes.both}
    taken = [i for i in changes.taken
             if i not in both and i not in changes.back and i not in changes.versions]
    parts = [_both_said(changes.both[0], notes)] if changes.both else []
    if changes.versions:
        note = notes.get(changes.versions[0])
        parts.append(f"the note on {_quoted(note.exact if note else '')} was also written "
                     "in another window at the same time: it now holds both versions")
    if len(changes.versions) > 1:
        parts.append(f"{count_of(len(changes.versions) - 1, 'other note')} too")
    if len(changes.both) > 1:
        parts.append(f"{count_of(len(changes.both) - 1, 'other note')} too")
    if taken:
        parts.append(f"took in {count_of(len(taken), 'note')} another program saved")
    if changes.back:
        parts.append(f"kept {count_of(len(changes.back), 'note')} you deleted: another "
                     "window changed it meanwhile")
    if changes.gone:
        parts.append(f"removed {count_of(len(changes.gone), 'note')} deleted in another window")
    said = "; ".join(parts)
    if said and undo_kept == 0:
        said += "; the undo history starts again here"
    elif said and undo_kept:
        last = "step" if undo_kept == 1 else f"{undo_kept} steps"
        said += f"; Ctrl+Z undoes only your last {last}"
    return said[:1].upper() + said[1:]


def _both_said(both: BothChanged, notes: Mapping[str, Annotation]) -> str:
    """One note changed here and elsewhere at the same time, now one note."""
    note = notes.get(both.ident)
    where = _quoted(note.exact if note else "")
    if both.both_texts:
        return f"{where} was noted in another window at the same time: the note keeps both texts"
    if both.their_label and note is not None:
        return (f"{where} was marked {LABEL_TITLES.get(both.their_label, both.their_label)} "
                f"in another window at the same time: the later label, "
                f"{LABEL_TITLES[note.label]}, is kept")
    if both.joined:
        return f"{where} was noted in another window at the same time: one note now"
    return f"{where} was changed in another window at the same time: both changes are kept"


def _quoted(quote: str) -> str:
    return f"“{quote if len(quote) <= 32 else quote[:31] + '…'}”"
