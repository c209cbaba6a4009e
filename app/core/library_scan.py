"""Finding the articles a library covers and their notes files, by size and mtime.

A notes file's signature is its size, modification time and inode: an atomic
save (claimmark's, an editor's, git's) makes a new inode, so a rewrite within
one tick of the file system's clock that keeps the size is still noticed.

A scan only lists folders and stats files (``os.scandir`` reuses what the
listing already told); nothing is read. Comparing what it finds with what the
index holds tells the sync which notes files to read again. Hidden folders and
symbolic links to folders are not followed (no loops, no surprises).

A folder walk leaves out claimmark's own exports: File ▸ Export suggests
``<stem>-notes.<ext>`` beside the article, and such a file (Markdown or HTML
of the notes) is not an article to review when ``<stem>.<suffix>`` is there
too. Alone, or added by name, it is one. (Exports carry a mark too, whatever
their names: the sync reads the first bytes of each file new to the index or
changed, see :mod:`app.core.export_mark`; the name rule still covers exports
written before the mark.)
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass

from app.core.paths import EXPORT_ENDING, NOTES_SUFFIX, fallback_notes_path
from app.core.userdirs import data_dir as user_data_dir


@dataclass(frozen=True, slots=True)
class FoundArticle:
    """An article file on disk and its notes file, each with size and mtime."""

    path: str
    size: int  # -1 (with mtime_ns): not looked at (a scan that needs no claim counts)
    mtime_ns: int
    notes_path: str | None = None
    notes_size: int | None = None
    notes_mtime_ns: int | None = None
    notes_ino: int | None = None


def normalized(path: str | os.PathLike[str]) -> str:
    """The key a path is known by in the library: absolute, links resolved."""
    return os.path.realpath(os.fspath(path))


def is_under(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def scan(roots: Iterable[tuple[str, str]], suffixes: frozenset[str],
         articles_stat: bool = True,
         lost_notes: list[str] | None = None) -> dict[str, FoundArticle]:
    """Every article under the roots (``(path, kind)``; kind file, folder or excluded).

    Without ``articles_stat`` the articles in folders are not ``stat``-ed (their
    size and mtime are -1): the listing tells which are regular files, and only
    claim counts need more. That is half the system calls of a large library.
    ``lost_notes`` (when given) gets the notes files in the folders walked
    whose article is not beside them (renamed or moved alone): their notes are
    in no article's index, and the reader should hear of it (from the listing:
    no system call).
    """
    roots = list(roots)
    excluded = {path for path, kind in roots if kind == "excluded"}
    fallbacks = _FallbackNotes()
    found: dict[str, FoundArticle] = {}
    for path, kind in roots:
        if kind == "excluded":
            continue  # it only prunes the walks of the folders around it
        if kind == "folder":
            _walk(path, suffixes, excluded, fallbacks, found, articles_stat, lost_notes)
        else:
            article = _single(path, fallbacks)
            if article is not None:
                found[path] = article
    return found


def _walk(top: str, suffixes: frozenset[str], excluded: set[str],
          fallbacks: _FallbackNotes, found: dict[str, FoundArticle],
          articles_stat: bool = True, lost_notes: list[str] | None = None) -> None:
    pending = [top]
    while pending:
        folder = pending.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError:
            continue  # gone or unreadable: its articles leave the index
        names = {entry.name: entry for entry in entries}
        stems: set[str] | None = None  # of this folder's articles, made on first need
        for entry in entries:
            name = entry.name
            # The name's extension (os.path.splitext's, for a name that does not start
            # with a dot), without its cost on each of the 20,000 files of a library.
            dot = name.rfind(".")
            ext = name[dot:] if dot > 0 else ""
            try:
                if entry.is_dir(follow_symlinks=False):  # the listing's type: no system call
                    if name[0] != "." and not (excluded and entry.path in excluded):
                        pending.append(entry.path)
                    continue
                if (ext == ".json" and lost_notes is not None and name.endswith(NOTES_SUFFIX)
                        and name[0] != "." and name[:-len(NOTES_SUFFIX)] not in names):
                    lost_notes.append(entry.path)
                    continue
                if ((ext not in suffixes and ext.lower() not in suffixes) or name[0] == "."
                        or (excluded and entry.path in excluded)):
                    continue
                info: os.stat_result | None = None
                if articles_stat:
                    info = entry.stat()
                    if not stat.S_ISREG(info.st_mode):
                        continue
                elif not entry.is_file():  # the listing's file type: no system call
                    continue
            except OSError:
                continue
            if name.endswith(EXPORT_ENDING, 0, dot):
                if stems is None:
                    stems = _article_stems(names, suffixes)
                if name[:dot - len(EXPORT_ENDING)] in stems:
                    continue
            notes = names.get(name + NOTES_SUFFIX)
            found[entry.path] = _with_notes(entry.path, info, notes, fallbacks)


def _article_stems(names: Iterable[str], suffixes: frozenset[str]) -> set[str]:
    """The stems of a folder's article names that are not exports themselves."""
    stems = set()
    for name in names:
        dot = name.rfind(".")
        if dot > 0 and name[0] != "." and (name[dot:] in suffixes
                                           or name[dot:].lower() in suffixes):
            stem = name[:dot]
            if not stem.endswith(EXPORT_ENDING):
                stems.add(stem)
    return stems


def _single(path: str, fallbacks: _FallbackNotes) -> FoundArticle | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    notes_path = path + NOTES_SUFFIX
    try:
        notes_info: os.stat_result | None = os.stat(notes_path)
    except OSError:
        notes_info = None
    if notes_info is None:
        return _with_notes(path, info, None, fallbacks)
    return FoundArticle(path, info.st_size, info.st_mtime_ns, notes_path,
                        notes_info.st_size, notes_info.st_mtime_ns, notes_info.st_ino)


def _with_notes(path: str, info: os.stat_result | None, notes: os.DirEntry[str] | None,
                fallbacks: _FallbackNotes) -> FoundArticle:
    size, mtime_ns = (-1, -1) if info is None else (info.st_size, info.st_mtime_ns)
    notes_path: str | None = None
    notes_info: os.stat_result | None = None
    if notes is not None:
        try:
            notes_info = notes.stat()
            notes_path = notes.path
        except OSError:
            notes_info = None
    if notes_info is None:
        notes_path = fallbacks.find(path)
        if notes_path is not None:
            try:
                notes_info = os.stat(notes_path)
            except OSError:
                notes_path = None
    if notes_path is None or notes_info is None:
        return FoundArticle(path, size, mtime_ns)
    return FoundArticle(path, size, mtime_ns, notes_path,
                        notes_info.st_size, notes_info.st_mtime_ns, notes_info.st_ino)


class _FallbackNotes:
    """Notes kept in the user data folder (the article's folder was read-only).

    The folder is listed once per scan, so an article without notes costs a
    set lookup, not a ``stat``.
    """

    def __init__(self) -> None:
        self._names: set[str] | None = None

    def find(self, article: str) -> str | None:
        if self._names is None:
            try:
                self._names = set(os.listdir(user_data_dir() / "notes"))
            except OSError:
                self._names = set()
        if not self._names:
            return None
        candidate = fallback_notes_path(article)
        return str(candidate) if candidate.name in self._names else None
