"""The open article renamed or moved on disk: follow it, or say where the notes are.

Tester T13 (F2): the article and its notes file renamed while open, the next
edit re-created the notes file under the old name, beside no article. A
rename in the same folder is told for sure by the file's device and inode
(:mod:`app.core.renamed`): the session follows it and writes beside the new
name, its notes file moved along unless it was renamed alongside. Otherwise
the article stays open, no notes file is made beside the old path, and a
copy of every note goes to the data folder (:mod:`app.core.notes_rescue`).
"""

from __future__ import annotations

from pathlib import Path

from app.core.renamed import Identity, identity, move_notes_along, renamed_to
from app.ui.session import ArticleSession


class ArticleIdentity:
    """The open article's device and inode, recorded each time it is read."""

    def __init__(self) -> None:
        self.known: Identity | None = None

    def opened(self, path: str) -> None:
        self.known = identity(path)

    def follow(self, session: ArticleSession) -> str | None:
        """Follow the article renamed in its folder; what to say, or None (not told)."""
        old = Path(session.article.source_path)
        new = renamed_to(old, self.known)
        if new is None:
            return None
        moved = move_notes_along(old, new)
        session.follow_rename(new)
        if session.rescue.unwritten:  # what failed meanwhile is written beside it now
            session.save()
        said = f"{old.name} was renamed to {new.name}: it stays open"
        if moved is not None or session.notes_path.exists():
            said += f" and its notes follow it ({session.notes_path.name})"
        return said


def gone_message(session: ArticleSession) -> str:
    """What to say when the article is gone and cannot be followed."""
    if session.notes_path.exists():
        where = f"your notes are saved in {session.notes_path}"
    else:
        where = ("no notes file is made beside a file that is gone: your notes stay open "
                 "here and each change is copied to your data folder")
    return f"The article file is gone (moved or deleted): it stays open here; {where}"


def notes_deleted_message(session: ArticleSession) -> str:
    """What to say when the notes file was deleted (or moved away) on disk."""
    if not Path(session.article.source_path).exists():
        return gone_message(session)  # moved away with its article: not re-created
    return (f"{session.notes_path.name} was deleted on disk; your notes are still open here "
            "and are written back with your next edit (or File ▸ Save Notes Now)")


def gone_said(session: ArticleSession) -> bool:
    """Whether the article left a folder still there: its watch saw it go and the status
    bar said so (a failed save needs no dialog then). A folder renamed or removed under
    it is seen by no watch: that failure is shown."""
    article = Path(session.article.source_path)
    return not article.exists() and article.parent.is_dir()
