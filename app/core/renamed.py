"""An open article renamed on disk: telling for sure where it went (tester T13, F2).

The article and its notes file renamed while the window was open: the next
edit re-created the notes file beside the old name, beside no article. A
rename within one folder keeps the file's device, inode, size and mtime, so
the article is followed when exactly one file in its folder has the identity
recorded when it was read; its notes file, if left behind under the old name, is
moved along. Anything less certain (moved to another folder, deleted,
replaced by a copy) is not followed: the session then writes no notes file
beside a path whose article is gone, and keeps a rescue copy instead
(:mod:`app.core.notes_rescue`).
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from app.core.paths import NOTES_SUFFIX, notes_path_beside
from app.core.storage import NotesSaveError

# (st_dev, st_ino, size, mtime in ns): a rename keeps all four; a file made after the
# article was deleted may be given its inode again (seen in the tests), not its mtime.
Identity = tuple[int, int, int, int]


def identity(path: str | os.PathLike[str]) -> Identity | None:
    """The device, inode, size and mtime of the file at ``path``; None when it is not there."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns


def renamed_to(old: Path, known: Identity | None) -> Path | None:
    """The one regular file in ``old``'s folder that is the file ``known`` names
    (the article renamed there); None when there is none, or several (hard links)."""
    if known is None or os.path.lexists(old):
        return None
    found: list[Path] = []
    try:
        with os.scandir(old.parent) as entries:
            for entry in entries:
                if entry.inode() != known[1] or not entry.is_file(follow_symlinks=False):
                    continue
                info = entry.stat(follow_symlinks=False)
                if (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns) == known:
                    found.append(Path(entry.path))
    except OSError:
        return None
    return found[0] if len(found) == 1 else None


def move_notes_along(old: Path, new: Path) -> Path | None:
    """The notes file left under the article's old name, moved beside the new one
    (unless one is there already: renamed alongside). Returns where it went."""
    before, after = notes_path_beside(old, NOTES_SUFFIX), notes_path_beside(new, NOTES_SUFFIX)
    if not before.is_file() or os.path.lexists(after):
        return None
    try:
        os.rename(before, after)
    except OSError:
        return None
    backup = before.with_name(before.name + ".bak")
    if backup.is_file() and not os.path.lexists(after.with_name(after.name + ".bak")):
        try:
            os.rename(backup, after.with_name(after.name + ".bak"))
        except OSError:
            pass
    return after


def refuse_beside_gone(article: Path, notes: Path) -> None:
    """NotesSaveError when writing ``notes`` would make a notes file beside no article."""
    if not os.path.lexists(article) and not os.path.lexists(notes):
        raise NotesSaveError(errno.ENOENT, f"cannot save notes: {article.name} is no longer "
                             f"in {article.parent} (moved or deleted), and no notes file is "
                             "made beside a file that is gone")
