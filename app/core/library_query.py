"""Reading the library index: the articles with their counts, and note search.

Search takes FTS5's query syntax (words, "phrases", prefix*, AND/OR/NOT,
NEAR) over each note's quote, note and sources, ranked by bm25. Text that is
not a valid query (a DOI's slash, an unbalanced quote) is searched as plain
words instead of failing: people paste identifiers.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from app.core.annotations import LABELS
from app.core.library_db import LibraryError
from app.core.library_sync import sources_of

SEARCH_LABELS = (*LABELS, "none")
SNIPPET_WORDS = 16


@dataclass(frozen=True, slots=True)
class ArticleEntry:
    """One article of the library as ``library list`` shows it.

    ``claims`` is None until counted (or when the article cannot be read);
    ``problem`` says what could not be read, if anything.
    """

    path: str
    title: str
    format: str
    folder: str
    claims: int | None
    notes: int
    counts: dict[str, int] = field(default_factory=dict)
    modified: str = ""
    notes_path: str | None = None
    problem: str | None = None

    @property
    def unmarked(self) -> int | None:
        if self.claims is None:
            return None
        return max(0, self.claims - sum(self.counts.get(label, 0) for label in LABELS))


@dataclass(frozen=True, slots=True)
class Hit:
    """One note found by a search; ``snippet`` marks the matches with the given marks."""

    path: str
    title: str
    id: str
    label: str
    note: str
    exact: str
    start: int
    end: int
    sources: tuple[str, ...]
    snippet: str


def list_articles(conn: sqlite3.Connection) -> list[ArticleEntry]:
    rows = conn.execute(
        "SELECT path, title, format, folder, claims, notes, supported, uncertain, advertising, "
        "modified, notes_path, notes_problem, article_problem FROM articles ORDER BY path")
    entries = []
    for (path, title, fmt, folder, claims, notes, supported, uncertain, advertising, modified,
         notes_path, notes_problem, article_problem) in rows:
        problem = "; ".join(p for p in (notes_problem, article_problem) if p) or None
        entries.append(ArticleEntry(
            path, title, fmt, folder, claims, notes,
            {"supported": supported, "uncertain": uncertain, "advertising": advertising},
            modified, notes_path, problem))
    return entries


def literal_query(text: str) -> str:
    """Every word of ``text`` as a quoted FTS5 string: no operators, no syntax errors."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in text.split())


def search(conn: sqlite3.Connection, query: str, label: str | None = None, limit: int = 100,
           marks: tuple[str, str] = ("**", "**")) -> list[Hit]:
    """The notes matching ``query`` (FTS5 syntax), best first."""
    if label is not None and label not in SEARCH_LABELS:
        raise LibraryError(f"unknown label {label!r} (one of {', '.join(SEARCH_LABELS)})")
    if not query.strip():
        return []
    try:
        return _search(conn, query, label, limit, marks)
    except sqlite3.OperationalError:
        pass  # not a valid FTS5 query (or a passing hiccup): search the plain words
    literal = literal_query(query)
    if not literal:
        return []
    try:
        return _search(conn, literal, label, limit, marks)
    except sqlite3.OperationalError as error:
        raise LibraryError(f"the search failed ({error})") from None


def _search(conn: sqlite3.Connection, query: str, label: str | None, limit: int,
            marks: tuple[str, str]) -> list[Hit]:
    where = "notes_fts MATCH ?"
    params: list[object] = [marks[0], marks[1], SNIPPET_WORDS, query]
    if label is not None:
        where += " AND n.label = ?"
        params.append(label)
    params.append(limit)
    rows = conn.execute(
        "SELECT a.path, a.title, n.id, n.label, n.note, n.exact, n.start, n.\"end\", n.sources, "
        "snippet(notes_fts, -1, ?, ?, '…', ?) "
        "FROM notes_fts JOIN notes n ON n.rowid = notes_fts.rowid "
        "JOIN articles a ON a.id = n.article "
        f"WHERE {where} ORDER BY rank LIMIT ?", params).fetchall()
    return [Hit(path, title, id_, lab, note, exact, start, end, tuple(sources_of(sources)),
                snippet)
            for path, title, id_, lab, note, exact, start, end, sources, snippet in rows]
