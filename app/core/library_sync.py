"""Bringing the library index in step with the notes files on disk.

The files are the truth; the index follows them. A sync compares each
article's notes file (size, modification time, inode) with what the index
holds and reads again only what changed. Files are read and parsed outside
any transaction (in worker processes when there are many, see
:mod:`app.core.library_read`) and written in batches, so memory stays bounded
and another process (the window, a command) waits at most one batch for its
turn. Within a changed notes file only the notes that changed are indexed
again: FTS5 must re-tokenize a row to forget it and to learn it, which costs
far more than comparing rows.

A notes file that cannot be used is named (``notes_problem``) and skipped: its
notes leave the index, the file is never written.

Claim counts (for "unmarked") need the article itself: loading and splitting
it costs far more than reading its notes, so they are cached by the article's
size and modification time and counted (in the same pass as its notes) by
``add``, ``list`` and the window, never by ``search``.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from app.core.annotations import LABELS
from app.core.export_mark import is_own_export
from app.core.library_db import write
from app.core.library_read import (
    Done,
    NotesRead,
    Task,
    read_notes,
    results,
)
from app.core.library_rows import NoteRow
from app.core.library_scan import FoundArticle

__all__ = ["Progress", "SyncReport", "sync_notes"]

BATCH_NOTES = 50_000
BATCH_ARTICLES = 500

Progress = Callable[[int, int], None]


@dataclass
class SyncReport:
    """What one sync did; ``problems`` names the notes files it could not read.

    ``notes`` counts the notes read, ``notes_changed`` those indexed again
    (added, edited or removed). ``exports`` names the files left out because
    claimmark wrote them as exports (:mod:`app.core.export_mark`);
    ``lost_notes`` the notes files whose article is not beside them.
    """

    articles: int = 0
    added: int = 0
    removed: int = 0
    notes_files: int = 0
    notes: int = 0
    notes_changed: int = 0
    claims_counted: int = 0
    problems: list[tuple[str, str]] = field(default_factory=list)
    exports: list[str] = field(default_factory=list)
    lost_notes: list[str] = field(default_factory=list)


def _read_notes(item: FoundArticle, article_id: int | None,
                formats: dict[str, str]) -> NotesRead:
    """Read in this process (a seam for the tests that race another process)."""
    return read_notes(item, article_id, formats)


def sync_notes(conn: sqlite3.Connection, found: dict[str, FoundArticle],
               formats: dict[str, str], progress: Progress | None = None,
               only: str | None = None, claims: bool = False,
               workers: int = 1) -> SyncReport:
    """Make the index hold exactly the articles in ``found`` and their current notes.

    With ``claims``, the claims of every article changed since it was counted
    are counted too. With ``only``, just that article's entry is brought in
    step (the window after a save).
    """
    report = SyncReport(articles=len(found))
    # Rows of plain tuples (path, id, size, mtime, claims size, claims mtime, then
    # the notes file's signature), compared as tuples: 10,000 articles in ~10 ms.
    query = ("SELECT path, id, size, mtime_ns, claims_size, claims_mtime_ns, notes_path, "
             "notes_size, notes_mtime_ns, notes_ino FROM articles")
    rows = conn.execute(query + " WHERE path = ?", (only,)) if only else conn.execute(query)
    known: dict[str, tuple[Any, ...]] = {row[0]: row for row in rows}
    gone = [known[path][1] for path in known.keys() - found.keys()]
    if gone:
        with write(conn):
            for start in range(0, len(gone), BATCH_ARTICLES):
                _delete_articles(conn, gone[start:start + BATCH_ARTICLES])
        report.removed = len(gone)
    moved: list[tuple[int, int, int]] = []
    turned: list[int] = []  # articles now holding an export
    tasks: list[Task] = []
    for item in found.values():
        old = known.get(item.path)
        if old is None:
            # Only a file new to the index is looked into: an export of notes is no
            # article, whatever its name (one read of its first 4 KB).
            if is_own_export(item.path):
                report.exports.append(item.path)
                continue
            new = _stat_article(item) if item.size < 0 else item  # not looked at: look now
            if new is None:
                continue  # gone meanwhile
            tasks.append(Task(new, None, True, claims))
            report.added += 1
            continue
        notes = old[6:] != (item.notes_path, item.notes_size, item.notes_mtime_ns,
                            item.notes_ino)
        if item.size < 0:
            if notes:  # the article as last seen
                tasks.append(Task(replace(item, size=old[2], mtime_ns=old[3]), old[1], True,
                                  False))
            continue
        changed = (old[2], old[3]) != (item.size, item.mtime_ns)
        if changed and is_own_export(item.path):  # written over by an export
            turned.append(old[1])
            report.exports.append(item.path)
            continue
        if not notes and changed:
            moved.append((item.size, item.mtime_ns, old[1]))
        count = claims and (old[4], old[5]) != (item.size, item.mtime_ns)
        if notes or count:
            tasks.append(Task(item, old[1], notes, count))
    report.articles -= len(report.exports)
    if turned:
        with write(conn):
            _delete_articles(conn, turned)
        report.removed += len(turned)
    if moved:
        with write(conn):
            conn.executemany("UPDATE articles SET size = ?, mtime_ns = ? WHERE id = ?", moved)
    pending: list[Done] = []
    pending_notes = 0
    for done, result in enumerate(results(tasks, formats, workers, _read_notes), 1):
        if result.notes is not None and result.notes.problem:
            report.problems.append((result.task.found.notes_path or result.task.found.path,
                                    result.notes.problem))
        pending.append(result)
        pending_notes += len(result.notes.rows) if result.notes else 0
        if pending_notes >= BATCH_NOTES or len(pending) >= BATCH_ARTICLES:
            _write_batch(conn, pending, report)
            pending, pending_notes = [], 0
        if progress is not None:
            progress(done, len(tasks))
    if pending:
        _write_batch(conn, pending, report)
    return report


def _stat_article(item: FoundArticle) -> FoundArticle | None:
    try:
        info = os.stat(item.path)
    except OSError:
        return None
    return replace(item, size=info.st_size, mtime_ns=info.st_mtime_ns)


def _write_batch(conn: sqlite3.Connection, batch: list[Done], report: SyncReport) -> None:
    reads = [done.notes for done in batch if done.notes is not None]
    with write(conn):
        # Which articles exist is read again inside the transaction: another process
        # (the window, a command) may have added or removed some since we looked.
        current = _ids_of(conn, [read.found.path for read in reads])
        for read in reads:
            read.article_id = current.get(read.found.path)
        old_rows = _rows_of(conn, [read.article_id for read in reads
                                   if read.article_id is not None])
        fresh: list[tuple[object, ...]] = []
        stale: list[int] = []
        for read in reads:
            old = old_rows.get(read.article_id, {}) if read.article_id is not None else {}
            article_id = read.article_id = _store_article(conn, read)
            for row in read.rows:
                same = old.get(row)
                if same:
                    same.pop()  # unchanged: it keeps its place in the index
                else:
                    fresh.append((article_id, *row))
            stale.extend(rowid for rowids in old.values() for rowid in rowids)
        _delete_rows(conn, stale)
        last = conn.execute("SELECT coalesce(max(rowid), 0) FROM notes").fetchone()[0]
        conn.executemany(
            'INSERT INTO notes(article, id, label, note, exact, start, "end", sources, modified) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", fresh)
        conn.execute("INSERT INTO notes_fts(rowid, exact, note, sources, label) "
                     "SELECT rowid, exact, note, sources, label FROM notes_indexed "
                     "WHERE rowid > ?", (last,))
        counted = [(*done.claims, done.task.found.size, done.task.found.mtime_ns,
                    done.task.found.path) for done in batch if done.claims is not None]
        conn.executemany(
            "UPDATE articles SET claims = ?, title = coalesce(nullif(?, ''), title), "
            "format = coalesce(nullif(?, ''), format), article_problem = ?, claim_spans = ?, "
            "lost_notes = ?, claims_size = ?, claims_mtime_ns = ? WHERE path = ?", counted)
        touched = {read.article_id for read in reads if read.article_id is not None}
        touched.update(_ids_of(conn, [row[-1] for row in counted]).values())
        count_unmarked(conn, sorted(touched))
    report.notes_files += sum(1 for read in reads
                              if read.found.notes_path is not None and read.problem is None)
    report.notes += sum(len(read.rows) for read in reads)
    report.notes_changed += len(fresh) + len(stale)
    report.claims_counted += len(counted)


def count_unmarked(conn: sqlite3.Connection, article_ids: list[int]) -> None:
    """Each article's claims without a label, as the window counts them
    (``core/claim_labels.py``): its notes where they are, less those that found
    no place when its claims were counted."""
    import json

    from app.core.claim_labels import unmarked_count, unpack_spans

    for first in range(0, len(article_ids), BATCH_ARTICLES):
        chunk = article_ids[first:first + BATCH_ARTICLES]
        marks = ",".join("?" * len(chunk))
        notes: dict[int, list[tuple[str, int, int, str]]] = {}
        for article, ident, start, end, label in conn.execute(
                f'SELECT article, id, start, "end", label FROM notes WHERE article IN ({marks}) '
                "ORDER BY rowid", chunk):
            notes.setdefault(article, []).append((ident, start, end, label))
        counts: list[tuple[int | None, int]] = []
        for article, spans, lost_json in conn.execute(
                f"SELECT id, claim_spans, lost_notes FROM articles WHERE id IN ({marks})", chunk):
            if spans is None:
                counts.append((None, article))
                continue
            lost = {(i, s, e) for i, s, e in json.loads(lost_json or "[]")}
            placed = [(s, e, label) for i, s, e, label in notes.get(article, ())
                      if (i, s, e) not in lost]
            counts.append((unmarked_count(unpack_spans(spans), placed), article))
        conn.executemany("UPDATE articles SET unmarked = ? WHERE id = ?", counts)


def _ids_of(conn: sqlite3.Connection, paths: list[str]) -> dict[str, int]:
    ids: dict[str, int] = {}
    for start in range(0, len(paths), BATCH_ARTICLES):
        chunk = paths[start:start + BATCH_ARTICLES]
        marks = ",".join("?" * len(chunk))
        ids.update(conn.execute(f"SELECT path, id FROM articles WHERE path IN ({marks})", chunk))
    return ids


def _rows_of(conn: sqlite3.Connection,
             article_ids: list[int]) -> dict[int, dict[NoteRow, list[int]]]:
    """The indexed notes of these articles: each row's values and their rowids."""
    rows: dict[int, dict[NoteRow, list[int]]] = {}
    for start in range(0, len(article_ids), BATCH_ARTICLES):
        chunk = article_ids[start:start + BATCH_ARTICLES]
        marks = ",".join("?" * len(chunk))
        for (rowid, article, id_, label, note, exact, start, end, sources,
             modified) in conn.execute(
                'SELECT rowid, article, id, label, note, exact, start, "end", sources, modified '
                f"FROM notes WHERE article IN ({marks})", chunk):
            key: NoteRow = (id_, label, note, exact, start, end, sources, modified)
            rows.setdefault(article, {}).setdefault(key, []).append(rowid)
    return rows


def _store_article(conn: sqlite3.Connection, read: NotesRead) -> int:
    item = read.found
    counts = dict.fromkeys(LABELS, 0)
    modified = ""
    for row in read.rows:
        if row[1] in counts:
            counts[row[1]] += 1
        modified = max(modified, row[7])
    values = (item.size, item.mtime_ns, item.notes_path, item.notes_size, item.notes_mtime_ns,
              item.notes_ino, read.problem, len(read.rows), counts["supported"],
              counts["uncertain"], counts["advertising"], modified)
    if read.article_id is not None:
        conn.execute(
            "UPDATE articles SET size = ?, mtime_ns = ?, notes_path = ?, notes_size = ?, "
            "notes_mtime_ns = ?, notes_ino = ?, notes_problem = ?, notes = ?, supported = ?, "
            "uncertain = ?, advertising = ?, modified = ? WHERE id = ?", (*values, read.article_id))
        return read.article_id
    cursor = conn.execute(
        "INSERT INTO articles(size, mtime_ns, notes_path, notes_size, notes_mtime_ns, "
        "notes_ino, notes_problem, notes, supported, uncertain, advertising, modified, path, "
        "folder, title, format) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (*values, item.path, os.path.dirname(item.path), read.title, read.format))
    return int(cursor.lastrowid or 0)


def _delete_rows(conn: sqlite3.Connection, rowids: list[int]) -> None:
    if not rowids:
        return
    listed = json.dumps(rowids)
    # An external-content FTS5 index forgets a row only when told its old values
    # (as indexed: library_db's view notes_indexed).
    conn.execute("INSERT INTO notes_fts(notes_fts, rowid, exact, note, sources, label) "
                 "SELECT 'delete', rowid, exact, note, sources, label FROM notes_indexed "
                 "WHERE rowid IN (SELECT value FROM json_each(?))", (listed,))
    conn.execute("DELETE FROM notes WHERE rowid IN (SELECT value FROM json_each(?))", (listed,))


def _delete_articles(conn: sqlite3.Connection, article_ids: list[int]) -> None:
    marks = ",".join("?" * len(article_ids))
    conn.execute("INSERT INTO notes_fts(notes_fts, rowid, exact, note, sources, label) "
                 "SELECT 'delete', rowid, exact, note, sources, label FROM notes_indexed "
                 f"WHERE rowid IN (SELECT rowid FROM notes WHERE article IN ({marks}))",
                 article_ids)
    conn.execute(f"DELETE FROM notes WHERE article IN ({marks})", article_ids)
    conn.execute(f"DELETE FROM articles WHERE id IN ({marks})", article_ids)
