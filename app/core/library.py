"""The library: every reviewed article's notes in one searchable index.

The notes files beside the articles stay the truth; the index (an SQLite file
with an FTS5 table, see :mod:`app.core.library_db`) is a cache that each
command and the window bring in step with the files before using it
(:mod:`app.core.library_sync`). What the library covers is a list of roots:
articles and folders that were added, and paths removed from inside an added
folder (excluded).
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from app.core.gc_pause import collector_paused
from app.core.library_db import LibraryError, connect, default_library_path, write
from app.core.library_query import ArticleEntry, Hit, list_articles, search
from app.core.library_scan import is_under, normalized, scan
from app.core.library_sync import Progress, SyncReport, sync_notes

__all__ = ["ArticleEntry", "Hit", "Library", "LibraryError", "SyncReport",
           "default_library_path", "default_workers"]


def default_workers() -> int:
    """Worker processes for reading many articles: the CPUs this process may use, at most 4."""
    try:
        return max(1, min(4, len(os.sched_getaffinity(0))))
    except (AttributeError, OSError):
        return max(1, min(4, os.cpu_count() or 1))


class Library:
    """One open library file. Not shared between threads: open one per thread."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path) if path is not None else default_library_path()
        self.conn: sqlite3.Connection = connect(self.path)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def roots(self) -> list[tuple[str, str]]:
        return list(self.conn.execute("SELECT path, kind FROM roots ORDER BY path"))

    def missing_roots(self) -> list[str]:
        """The folders and files added that are no longer there (moved, renamed,
        deleted, or on a drive not mounted now): named to the reader, never
        forgotten by themselves (tester T13: a renamed folder made the
        library look empty)."""
        return [path for path, kind in self.roots()
                if kind != "excluded" and not os.path.exists(path)]

    def add(self, paths: Iterable[str | os.PathLike[str]], workers: int = 1,
            progress: Progress | None = None, claims: bool = True) -> SyncReport:
        """Add articles and folders (recursively), then bring the index in step.

        Raises LibraryError naming a path that does not exist; nothing is
        added then.
        """
        items = []
        for raw in paths:
            path = normalized(raw)
            if not os.path.exists(path):
                raise LibraryError(f"{os.fspath(raw)}: no such file or folder")
            items.append((path, "folder" if os.path.isdir(path) else "file"))
        with write(self.conn):
            for path, kind in items:
                self._forget_roots_under(path, kinds=("excluded",))
                self.conn.execute("INSERT OR REPLACE INTO roots(path, kind) VALUES (?, ?)",
                                  (path, kind))
        return self.sync(claims=claims, workers=workers, progress=progress)

    def remove(self, paths: Iterable[str | os.PathLike[str]]) -> tuple[int, list[str]]:
        """Stop covering these articles or folders; returns (articles removed, unknown paths)."""
        unknown: list[str] = []
        given = list(paths)
        targets = [normalized(raw) for raw in given]
        before = self._indexed_paths()
        with write(self.conn):
            for raw, path in zip(given, targets, strict=True):
                covered = any(is_under(path, root) or is_under(root, path)
                              for root, kind in self.roots() if kind != "excluded")
                if not covered:
                    unknown.append(os.fspath(raw))
                    continue
                self._forget_roots_under(path, kinds=("file", "folder", "excluded"))
                if any(kind == "folder" and is_under(path, root) for root, kind in self.roots()):
                    self.conn.execute("INSERT OR REPLACE INTO roots(path, kind) "
                                      "VALUES (?, 'excluded')", (path,))
        self.sync(claims=False)
        # Only what was under the paths given: the sync may have added files
        # new in a folder meanwhile (T11: "Removed -1 articles").
        gone = before - self._indexed_paths()
        return sum(1 for p in gone if any(is_under(p, t) for t in targets)), unknown

    def _indexed_paths(self) -> set[str]:
        return {path for (path,) in self.conn.execute("SELECT path FROM articles")}

    def _forget_roots_under(self, path: str, kinds: tuple[str, ...]) -> None:
        for root, kind in self.roots():
            if kind in kinds and is_under(root, path):
                self.conn.execute("DELETE FROM roots WHERE path = ?", (root,))

    def sync(self, claims: bool = True, workers: int = 1,
             progress: Progress | None = None) -> SyncReport:
        """Bring the index in step with the files; count claims where articles changed.

        ``workers`` > 1 reads notes and counts claims in that many processes
        when there are many articles to read (segmentation is pure Python, so
        threads would not help).
        """
        formats = self._formats(fresh=claims)
        # A sync makes tens of thousands of short-lived objects and no cycles: the
        # collector would walk them again and again (~10% of a sync's time).
        lost: list[str] = []
        with collector_paused():
            found = scan(self.roots(), frozenset(formats), articles_stat=claims,
                         lost_notes=lost)
            report = sync_notes(self.conn, found, formats, progress, claims=claims,
                                workers=workers)
        report.lost_notes = sorted(lost)
        return report

    def _formats(self, fresh: bool) -> dict[str, str]:
        """The article file endings and their formats, as the loaders know them.

        Importing the loaders compiles dozens of regular expressions, which
        ``search`` (run over and over) should not pay for; so the commands
        that load articles anyway store the table in the library, and the
        others read it from there.
        """
        if not fresh:
            row = self.conn.execute("SELECT value FROM meta WHERE key = 'formats'").fetchone()
            if row is not None:
                try:
                    stored = json.loads(row[0])
                    if isinstance(stored, dict) and stored:
                        return {str(k): str(v) for k, v in stored.items()}
                except ValueError:
                    pass
        from app.core.loaders import SUPPORTED_SUFFIXES

        formats = dict(SUPPORTED_SUFFIXES)
        with write(self.conn):
            self.conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('formats', ?)",
                              (json.dumps(formats, sort_keys=True),))
        return formats

    def update_article(self, path: str | os.PathLike[str]) -> SyncReport | None:
        """Re-read one article's notes now (after the window saved them).

        Does nothing (returns None) when the article is not in the library.
        """
        key = normalized(path)
        row = self.conn.execute("SELECT 1 FROM articles WHERE path = ?", (key,)).fetchone()
        if row is None:
            return None
        return sync_notes(self.conn, scan([(key, "file")], frozenset()),
                          self._formats(fresh=False), only=key)

    def article_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def articles(self) -> list[ArticleEntry]:
        return list_articles(self.conn)

    def search(self, query: str, label: str | None = None, limit: int = 100,
               marks: tuple[str, str] = ("**", "**")) -> list[Hit]:
        return search(self.conn, query, label, limit, marks)

    def problems(self) -> list[tuple[str, str]]:
        """Every article or notes file the index could not read, with why."""
        return [(entry.path, entry.problem) for entry in self.articles() if entry.problem]
