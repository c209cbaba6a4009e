"""Bringing the library index in step with the notes files on disk.

The files are the truth; the index follows them. A sync compares each
article's notes file (size and modification time) with what the index holds
and reads again only what changed. Files are read and parsed outside any
transaction and written in batches, so memory stays bounded and another
process (the window, a command) waits at most one batch for its turn.

A notes file that cannot be used is named (``notes_problem``) and skipped: its
notes leave the index, the file is never written.

Claim counts (for "unmarked") need the article itself: loading and splitting
it costs far more than reading its notes, so they are a separate step,
cached by the article's size and modification time and run by ``add``,
``list`` and the window, never by ``search``.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from app.core.annotations import LABELS, Annotation
from app.core.library_db import write
from app.core.library_scan import FoundArticle
from app.core.sources import describe_source

BATCH_NOTES = 50_000
BATCH_ARTICLES = 500
CLAIMS_BATCH = 64

Progress = Callable[[int, int], None]


@dataclass
class SyncReport:
    """What one sync did; ``problems`` names the notes files it could not read."""

    articles: int = 0
    added: int = 0
    removed: int = 0
    notes_files: int = 0
    notes: int = 0
    claims_counted: int = 0
    problems: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Indexed:
    id: int
    size: int
    mtime_ns: int
    notes_path: str | None
    notes_size: int | None
    notes_mtime_ns: int | None
    notes_ino: int | None

    def notes_signature(self) -> tuple[str | None, int | None, int | None, int | None]:
        return self.notes_path, self.notes_size, self.notes_mtime_ns, self.notes_ino


@dataclass
class _NotesRead:
    """One article's notes, read and parsed, waiting for the next batch."""

    found: FoundArticle
    article_id: int | None
    title: str
    format: str
    annotations: list[Annotation]
    problem: str | None


def sources_text(sources: Iterable[str]) -> str:
    """The searchable form of sources: one a line, the URL then its short name.

    ``https://pubmed.ncbi.nlm.nih.gov/33918360/ PMID 33918360`` matches both a
    search for the number and for "PMID 33918360". URLs hold no spaces, so
    the first word of each line is the source itself.
    """
    lines = []
    for url in sources:
        short = describe_source(url)
        lines.append(url if short == url else f"{url} {short}")
    return "\n".join(lines)


def sources_of(text: str) -> list[str]:
    return [line.split(" ", 1)[0] for line in text.split("\n") if line]


def sync_notes(conn: sqlite3.Connection, found: dict[str, FoundArticle],
               formats: dict[str, str], progress: Progress | None = None,
               only: str | None = None) -> SyncReport:
    """Make the index hold exactly the articles in ``found`` and their current notes.

    With ``only``, just that article's entry is brought in step (the window
    after a save).
    """
    report = SyncReport(articles=len(found))
    query = ("SELECT path, id, size, mtime_ns, notes_path, notes_size, notes_mtime_ns, "
             "notes_ino FROM articles")
    rows = conn.execute(query + " WHERE path = ?", (only,)) if only else conn.execute(query)
    known = {row[0]: _Indexed(*row[1:]) for row in rows}
    gone = [known[path].id for path in known.keys() - found.keys()]
    if gone:
        with write(conn):
            for start in range(0, len(gone), BATCH_ARTICLES):
                _delete_articles(conn, gone[start:start + BATCH_ARTICLES])
        report.removed = len(gone)
    moved: list[tuple[int, int, int]] = []
    changed: list[tuple[FoundArticle, _Indexed | None]] = []
    for path, item in found.items():
        old = known.get(path)
        if old is None or old.notes_signature() != (
                item.notes_path, item.notes_size, item.notes_mtime_ns, item.notes_ino):
            changed.append((item, old))
        elif (old.size, old.mtime_ns) != (item.size, item.mtime_ns):
            moved.append((item.size, item.mtime_ns, old.id))
    if moved:
        with write(conn):
            conn.executemany("UPDATE articles SET size = ?, mtime_ns = ? WHERE id = ?", moved)
    pending: list[_NotesRead] = []
    pending_notes = 0
    for done, (item, old) in enumerate(changed, 1):
        read = _read_notes(item, None if old is None else old.id, formats)
        if read.problem:
            report.problems.append((item.notes_path or item.path, read.problem))
        report.added += old is None
        pending.append(read)
        pending_notes += len(read.annotations)
        if pending_notes >= BATCH_NOTES or len(pending) >= BATCH_ARTICLES:
            _write_batch(conn, pending, report)
            pending, pending_notes = [], 0
        if progress is not None:
            progress(done, len(changed))
    if pending:
        _write_batch(conn, pending, report)
    return report


def _read_notes(item: FoundArticle, article_id: int | None,
                formats: dict[str, str]) -> _NotesRead:
    name = Path(item.path).name
    fmt = formats.get(os.path.splitext(name)[1].lower(), "txt")
    if item.notes_path is None:
        return _NotesRead(item, article_id, name, fmt, [], None)
    from app.core.storage import NotesFileError, NotesStore

    try:
        doc = NotesStore(Path(item.path)).load()
    except NotesFileError as error:
        return _NotesRead(item, article_id, name, fmt, [], f"{error.path.name}: {error}")
    except Exception as error:  # noqa: BLE001 - an untrusted file must never stop the sync
        return _NotesRead(item, article_id, name, fmt, [],
                          f"{Path(item.notes_path).name}: cannot read ({error})")
    if doc is None:
        return _NotesRead(item, article_id, name, fmt, [], None)
    title = (doc.article.title if doc.article else "") or name
    fmt = (doc.article.format if doc.article else "") or fmt
    return _NotesRead(item, article_id, title, fmt, doc.annotations, None)


def _write_batch(conn: sqlite3.Connection, batch: list[_NotesRead], report: SyncReport) -> None:
    with write(conn):
        # Which articles exist is read again inside the transaction: another process
        # (the window, a command) may have added or removed some since we looked.
        current = _ids_of(conn, [read.found.path for read in batch])
        for read in batch:
            read.article_id = current.get(read.found.path)
        replaced = [read.article_id for read in batch if read.article_id is not None]
        for start in range(0, len(replaced), BATCH_ARTICLES):
            _delete_notes(conn, replaced[start:start + BATCH_ARTICLES])
        last = conn.execute("SELECT coalesce(max(rowid), 0) FROM notes").fetchone()[0]
        rows: list[tuple[object, ...]] = []
        for read in batch:
            article_id = _store_article(conn, read)
            for a in read.annotations:
                rows.append((article_id, a.id, a.label, a.note, a.exact, a.start, a.end,
                             sources_text(a.sources), a.modified))
        conn.executemany(
            'INSERT INTO notes(article, id, label, note, exact, start, "end", sources, modified) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        conn.execute("INSERT INTO notes_fts(rowid, exact, note, sources, label) "
                     "SELECT rowid, exact, note, sources, label FROM notes WHERE rowid > ?",
                     (last,))
    report.notes_files += sum(1 for read in batch
                              if read.found.notes_path is not None and read.problem is None)
    report.notes += len(rows)


def _ids_of(conn: sqlite3.Connection, paths: list[str]) -> dict[str, int]:
    ids: dict[str, int] = {}
    for start in range(0, len(paths), BATCH_ARTICLES):
        chunk = paths[start:start + BATCH_ARTICLES]
        marks = ",".join("?" * len(chunk))
        ids.update(conn.execute(f"SELECT path, id FROM articles WHERE path IN ({marks})", chunk))
    return ids


def _store_article(conn: sqlite3.Connection, read: _NotesRead) -> int:
    item = read.found
    counts = dict.fromkeys(LABELS, 0)
    modified = ""
    for a in read.annotations:
        if a.label in counts:
            counts[a.label] += 1
        modified = max(modified, a.modified)
    values = (item.size, item.mtime_ns, item.notes_path, item.notes_size, item.notes_mtime_ns,
              item.notes_ino, read.problem, len(read.annotations), counts["supported"],
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


def _delete_notes(conn: sqlite3.Connection, article_ids: list[int]) -> None:
    marks = ",".join("?" * len(article_ids))
    # An external-content FTS5 index forgets a row only when told its old values.
    conn.execute("INSERT INTO notes_fts(notes_fts, rowid, exact, note, sources, label) "
                 f"SELECT 'delete', rowid, exact, note, sources, label FROM notes "
                 f"WHERE article IN ({marks})", article_ids)
    conn.execute(f"DELETE FROM notes WHERE article IN ({marks})", article_ids)


def _delete_articles(conn: sqlite3.Connection, article_ids: list[int]) -> None:
    _delete_notes(conn, article_ids)
    marks = ",".join("?" * len(article_ids))
    conn.execute(f"DELETE FROM articles WHERE id IN ({marks})", article_ids)


def count_claims(conn: sqlite3.Connection, workers: int = 1,
                 progress: Progress | None = None) -> int:
    """Count the claims of every article whose file changed since it was counted.

    Returns how many were counted. ``workers`` > 1 splits the work over
    processes (segmentation is pure Python, so threads would not help).
    """
    todo: list[tuple[int, str, int, int]] = conn.execute(
        "SELECT id, path, size, mtime_ns FROM articles WHERE claims_size IS NOT size "
        "OR claims_mtime_ns IS NOT mtime_ns").fetchall()
    if not todo:
        return 0
    paths = [row[1] for row in todo]
    if workers > 1 and len(todo) >= 4 * CLAIMS_BATCH:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            _store_claims(conn, todo, pool.map(claims_of, paths, chunksize=CLAIMS_BATCH // 4),
                          progress)
    else:
        _store_claims(conn, todo, map(claims_of, paths), progress)
    return len(todo)


def _store_claims(conn: sqlite3.Connection, todo: list[tuple[int, str, int, int]],
                  results: Iterable[tuple[int | None, str, str, str | None]],
                  progress: Progress | None) -> None:
    batch: list[tuple[object, ...]] = []
    pairs = zip(todo, results, strict=True)
    for done, ((article_id, _path, size, mtime_ns), result) in enumerate(pairs, 1):
        claims, title, fmt, problem = result
        batch.append((claims, size, mtime_ns, problem, title, fmt, article_id))
        if len(batch) >= CLAIMS_BATCH or done == len(todo):
            with write(conn):
                conn.executemany(
                    "UPDATE articles SET claims = ?, claims_size = ?, claims_mtime_ns = ?, "
                    "article_problem = ?, title = coalesce(nullif(?, ''), title), "
                    "format = coalesce(nullif(?, ''), format) WHERE id = ?", batch)
            batch = []
        if progress is not None:
            progress(done, len(todo))


def claims_of(path: str) -> tuple[int | None, str, str, str | None]:
    """``(claims, title, format, problem)`` of the article at ``path``."""
    from app.core.article import LoadError
    from app.core.claims import find_claims
    from app.core.loaders import load_article

    try:
        article = load_article(path)
        return len(find_claims(article)), article.title, article.format, None
    except LoadError as error:
        return None, "", "", str(error)
    except Exception as error:  # noqa: BLE001 - an untrusted article must never stop the sync
        return None, "", "", f"{Path(path).name}: cannot read ({error})"
