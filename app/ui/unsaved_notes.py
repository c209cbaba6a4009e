"""Quitting while the latest notes are not in the notes file (tester T13).

A failed save keeps a copy of every note in the user data folder
(:mod:`app.core.notes_rescue`); quitting then asks, as an editor asks about
an unsaved document: Save elsewhere… / Quit anyway / Cancel, and says where
the copy is.
"""

from __future__ import annotations

from pathlib import Path

from app.core.notes_rescue import write_copy
from app.ui.dialogs import NOTES_FILTER, DialogService
from app.ui.session import ArticleSession

SAVE, QUIT, CANCEL = "save", "quit", "cancel"


def may_close(session: ArticleSession | None, dialogs: DialogService) -> bool:
    """Whether the window may close now; asks while notes are not written."""
    if session is None or not session.rescue.unwritten or session.save():
        return True  # one more try first: the folder may be back
    copy = session.rescue.path
    where = (f"A copy of all your notes is in {copy}; claimmark offers to take it in the "
             "next time you open this article there." if copy is not None else
             "No copy could be written either: if you quit now, they are lost.")
    reason = session.last_error.split(";")[0].split("cannot save notes: ", 1)[-1]
    message = (f"Your latest notes could not be written to {session.notes_path} "
               f"({reason}).\n\n{where}")
    while True:
        answer = dialogs.unsaved_notes("Notes not saved", message)
        if answer == QUIT:
            return True
        if answer != SAVE:
            return False
        suggested = Path.home() / session.notes_path.name
        path = dialogs.save_path("Save notes elsewhere", str(suggested), NOTES_FILTER)
        if not path:
            continue
        try:
            write_copy(Path(path), session.notes_document())
        except OSError as error:
            message = (f"Could not write {path} ({error.strerror or error}).\n\n{where}")
            continue
        return True
