"""The library's SQLite file: opening it safely, its schema, its transactions.

The library is a cache of the notes files (they stay the truth), so this
module's rules are about never harming anything else: a file that is not a
claimmark library is refused, never written; a library made by an older
version is rebuilt from the files (version 4, whose index only lacked the
CJK grams, is re-indexed where it stands: no file need be read); one made by
a newer version is refused.
Two processes (the window and a command) share one library: WAL mode lets
readers run beside a writer, a busy timeout makes writers wait their turn,
and every write transaction starts with ``BEGIN IMMEDIATE`` so a writer never
fails half-way when another one got there first.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.core.cjk_grams import grams_or_none
from app.core.userdirs import data_dir as user_data_dir

APPLICATION_ID = 0x636C6D6B  # "clmk": marks the file as a claimmark library
SCHEMA_VERSION = 5
GRAMS_FROM = 4  # the version that only needs its index made again
BUSY_TIMEOUT_S = 15.0
LIBRARY_ENV = "CLAIMMARK_LIBRARY"
LIBRARY_NAME = "library.sqlite3"
FTS5_PROBE = "CREATE VIRTUAL TABLE probe USING fts5(text)"
WAL_CHECKPOINT_PAGES = 10_000
TOKENIZER = "porter unicode61 remove_diacritics 2"  # the index's and the search snippets'


# The index reads the notes through a view that writes their CJK runs as grams
# (core/cjk_grams.py); the function is the connection's own (see connect).
_INDEX = """
CREATE VIEW notes_indexed(rowid, exact, note, sources, label) AS
    SELECT rowid, cjk_grams(exact), cjk_grams(note), cjk_grams(sources), label FROM notes;
CREATE VIRTUAL TABLE notes_fts USING fts5(
    exact, note, sources, label,
    content='notes_indexed', content_rowid='rowid',
    tokenize='""" + TOKENIZER + """'
);
"""

_SCHEMA = """
CREATE TABLE meta(
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE roots(
    path TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('file', 'folder', 'excluded'))
) WITHOUT ROWID;
CREATE TABLE articles(
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    folder TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    title TEXT NOT NULL,
    format TEXT NOT NULL,
    claims INTEGER,
    claims_size INTEGER,
    claims_mtime_ns INTEGER,
    claim_spans BLOB,
    lost_notes TEXT,
    unmarked INTEGER,
    article_problem TEXT,
    notes_path TEXT,
    notes_size INTEGER,
    notes_mtime_ns INTEGER,
    notes_ino INTEGER,
    notes_problem TEXT,
    notes INTEGER NOT NULL DEFAULT 0,
    supported INTEGER NOT NULL DEFAULT 0,
    uncertain INTEGER NOT NULL DEFAULT 0,
    advertising INTEGER NOT NULL DEFAULT 0,
    modified TEXT NOT NULL DEFAULT ''
);
CREATE TABLE notes(
    rowid INTEGER PRIMARY KEY,
    article INTEGER NOT NULL,
    id TEXT NOT NULL,
    label TEXT NOT NULL,
    note TEXT NOT NULL,
    exact TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    sources TEXT NOT NULL,
    modified TEXT NOT NULL
);
CREATE INDEX notes_by_article ON notes(article);
""" + _INDEX



class LibraryError(Exception):
    """The library cannot be used; ``str()`` is one line for the user."""


def default_library_path() -> Path:
    """``$CLAIMMARK_LIBRARY``, else ``library.sqlite3`` in the user data folder."""
    override = os.environ.get(LIBRARY_ENV)
    if override:
        return Path(override)
    return user_data_dir() / LIBRARY_NAME


def check_fts5() -> None:
    """Raise LibraryError unless this Python's SQLite has full-text search (FTS5)."""
    probe = sqlite3.connect(":memory:")
    try:
        probe.execute(FTS5_PROBE)
    except sqlite3.OperationalError:
        raise LibraryError(
            f"the library needs SQLite with full-text search (FTS5); this Python's "
            f"SQLite {sqlite3.sqlite_version} was built without it") from None
    finally:
        probe.close()


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) the library at ``path``; LibraryError when unusable."""
    check_fts5()
    path = Path(path)
    if path.exists() and not path.is_file():
        raise LibraryError(f"{path}: not a library file (a folder or a device)")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None,
                               check_same_thread=False)
    except (OSError, sqlite3.Error) as error:
        raise LibraryError(f"{path}: cannot open the library ({error})") from None
    conn.create_function("cjk_grams", 1, grams_or_none, deterministic=True)
    try:
        _prepare(conn, path)
    except BaseException:
        conn.close()
        raise
    return conn


def _prepare(conn: sqlite3.Connection, path: Path) -> None:
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise LibraryError(f"{path}: not a claimmark library ({error})") from None
    if tables and app_id != APPLICATION_ID:
        raise LibraryError(f"{path}: an SQLite file of another program, not a claimmark "
                           "library; choose another file with --library")
    if version > SCHEMA_VERSION:
        raise LibraryError(f"{path}: made by a newer claimmark (library version {version}; "
                           f"this one reads {SCHEMA_VERSION})")
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        # A sync after 100 changed notes files writes ~10 MB of pages: with the
        # default (1,000 pages) its commit also copied them into the database and
        # synced it (~0.2 s). The checkpoint now comes every ~40 MB, or when the
        # last connection closes (a command: after it has printed its answer).
        conn.execute(f"PRAGMA wal_autocheckpoint={WAL_CHECKPOINT_PAGES}")
        if version == GRAMS_FROM and tables:
            _index_again(conn)
        elif version < SCHEMA_VERSION:
            _create(conn, rebuild=bool(tables))
    except sqlite3.DatabaseError as error:
        raise LibraryError(f"{path}: cannot set up the library ({error})") from None


def _create(conn: sqlite3.Connection, rebuild: bool) -> None:
    """A fresh schema; an older library keeps only what was added (the rest is cache)."""
    with write(conn):
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version == SCHEMA_VERSION:
            return  # another process created it meanwhile
        roots: list[tuple[str, str]] = []
        if rebuild:
            try:
                roots = conn.execute("SELECT path, kind FROM roots").fetchall()
            except sqlite3.DatabaseError:
                roots = []
            for (kind, name) in conn.execute(
                    "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view') "
                    "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'notes_fts_%'").fetchall():
                conn.execute(f'DROP {kind.upper()} IF EXISTS "{name}"')
        for statement in _SCHEMA.split(";"):
            if statement.strip():
                conn.execute(statement)
        conn.executemany("INSERT OR IGNORE INTO roots(path, kind) VALUES (?, ?)", roots)
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _index_again(conn: sqlite3.Connection) -> None:
    """A version-4 library: its rows kept, its index made again with the CJK grams
    (200,000 notes of English prose: 3.2–3.5 s, as long as version 4's index took).
    Its notes need no file: one on a drive not mounted now stays found."""
    with write(conn):
        if conn.execute("PRAGMA user_version").fetchone()[0] != GRAMS_FROM:
            return  # another process did it meanwhile
        conn.execute("DROP TABLE IF EXISTS notes_fts")
        for statement in _INDEX.split(";"):
            if statement.strip():
                conn.execute(statement)
        conn.execute("INSERT INTO notes_fts(notes_fts) VALUES ('rebuild')")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


@contextmanager
def write(conn: sqlite3.Connection) -> Iterator[None]:
    """One write transaction: committed on success, rolled back on any error."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
