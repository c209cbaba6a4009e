"""Reading the library index: the articles with their counts, and note search.

Search takes FTS5's query syntax (words, "phrases", prefix*, AND/OR/NOT,
NEAR) over each note's quote, note and sources, ranked by bm25. Text that is
not a valid query (a DOI's slash, an unbalanced quote) is searched as plain
words instead of failing: people paste identifiers.

Chinese and Japanese write no spaces between words: the index holds their
runs of characters as characters and pairs (:mod:`app.core.cjk_grams`), and a
query's CJK words become phrases of the same grams, so that カテキン and 緑茶 are
found inside a sentence.

Ranking is bounded: a query matching more than ``RANKED_AT_MOST`` notes ranks
the most recently indexed of them (bm25 costs microseconds per match, and a
common word matches hundreds of thousands in a large library). The rows and
snippets are fetched for the page of hits only.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from app.core.annotations import LABELS
from app.core.cjk_grams import CLOSE, OPEN, SEP, grams, query_grams, ungram
from app.core.header_marks import strip_header_mark
from app.core.library_db import TOKENIZER, LibraryError
from app.core.library_rows import sources_of

SEARCH_LABELS = (*LABELS, "none")
SNIPPET_WORDS = 16
SNIPPET_GRAMS = 128  # a snippet's tokens in a note with CJK grams: ~64 characters
SNIPPET_CHARS, SNIPPET_LEAD = 64, 16  # a snippet cut by hand: its length, and before the match
TEXT_COLUMNS = ("exact", "note", "sources")
# How many of a query's matches are ranked at most (the most recently indexed);
# chosen by bench/bench_library.py so that ranking stays within the search target.
RANKED_AT_MOST = 5_000


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
    # The claims without a label, as the window counts them (core/claim_labels.py).
    unmarked: int | None = None


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
        "modified, notes_path, notes_problem, article_problem, unmarked FROM articles "
        "ORDER BY path")
    entries = []
    for (path, title, fmt, folder, claims, notes, supported, uncertain, advertising, modified,
         notes_path, notes_problem, article_problem, unmarked) in rows:
        problem = "; ".join(p for p in (notes_problem, article_problem) if p) or None
        # Titles are cleaned when read, not only when indexed: a row stored
        # before header-link marks were stripped ("Abstract¶") is re-indexed
        # only when its notes file changes.
        entries.append(ArticleEntry(
            path, strip_header_mark(title), fmt, folder, claims, notes,
            {"supported": supported, "uncertain": uncertain, "advertising": advertising},
            modified, notes_path, problem, None if claims is None else unmarked))
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
    if balanced(query):
        try:
            return _search(conn, query_grams(query), label, limit, marks)
        except sqlite3.OperationalError:
            pass  # not a valid FTS5 query (or a passing hiccup): search the plain words
    literal = literal_query(query)
    if not literal:
        return []
    try:
        return _search(conn, query_grams(literal), label, limit, marks)
    except sqlite3.OperationalError as error:
        raise LibraryError(f"the search failed ({error})") from None


def balanced(query: str) -> bool:
    """Whether the brackets outside quoted strings pair up, so that the query can
    be wrapped in ``( )`` without a ``)`` of its own escaping the wrapper."""
    depth, quoted = 0, False
    for ch in query:
        if ch == '"':
            quoted = not quoted  # a doubled "" inside a string toggles twice: no change
        elif not quoted and ch in "()":
            depth += 1 if ch == "(" else -1
            if depth < 0:
                return False
    return depth == 0 and not quoted


def match_expression(query: str, label: str | None = None) -> str:
    """The FTS5 expression: the query over the text columns, and the label's column.

    The label is a column of the index so that a label filter narrows the
    match inside FTS5 (a doclist intersection) instead of looking up every
    matching note's row afterwards; the query is scoped to the text columns so
    that a search for the word "uncertain" finds it in notes, not labels.
    """
    expression = "{" + " ".join(TEXT_COLUMNS) + "} : (" + query + ")"
    if label is not None:
        expression += f' AND label : "{label}"'
    return expression


def _search(conn: sqlite3.Connection, query: str, label: str | None, limit: int,
            marks: tuple[str, str]) -> list[Hit]:
    match = match_expression(query)
    # bm25 costs a few microseconds per matching note, so a word found in
    # hundreds of thousands of notes would take seconds to rank in full: only
    # the RANKED_AT_MOST most recently indexed matches are ranked (found by
    # walking the index backwards from the newest, which costs almost nothing).
    candidates = match if label is None else match_expression(query, label)
    floor_row = conn.execute(
        "SELECT rowid FROM notes_fts WHERE notes_fts MATCH ? ORDER BY rowid DESC "
        "LIMIT 1 OFFSET ?", (candidates, RANKED_AT_MOST - 1)).fetchone()
    floor = floor_row[0] if floor_row else 0
    if label is None:
        ranked = conn.execute(
            "SELECT rowid FROM notes_fts WHERE notes_fts MATCH ? AND rowid >= ? "
            "ORDER BY bm25(notes_fts), rowid DESC LIMIT ?",
            (match, floor, limit))
    else:
        # Ranked without the label phrase: bm25 first counts the notes holding
        # each phrase (for its weight), and a label is held by a third of them.
        ranked = conn.execute(
            "SELECT rowid FROM notes_fts WHERE notes_fts MATCH ? AND rowid >= ? "
            "AND +rowid IN (SELECT rowid FROM notes_fts WHERE notes_fts MATCH ? "
            "AND rowid >= ?) "
            "ORDER BY bm25(notes_fts), rowid DESC LIMIT ?",
            (match, floor, candidates, floor, limit))
    page = [rowid for (rowid,) in ranked]
    if not page:
        return []
    listed = json.dumps(page)
    rows = conn.execute(
        'SELECT n.rowid, a.path, a.title, n.id, n.label, n.note, n.exact, n.start, n."end", '
        "n.sources FROM notes n JOIN articles a ON a.id = n.article "
        "WHERE n.rowid IN (SELECT value FROM json_each(?))", (listed,)).fetchall()
    found = {row[0]: row[1:] for row in rows}
    marked = snippets(match, rows, marks)
    hits = []
    for rowid in page:
        if rowid not in found:
            continue  # removed by another process between the two statements
        path, title, id_, lab, note, exact, start, end, sources = found[rowid]
        hits.append(Hit(path, strip_header_mark(title), id_, lab, note, exact, start, end,
                        tuple(sources_of(sources)), marked.get(rowid, "")))
    return hits


def snippets(match: str, rows: list[Any], marks: tuple[str, str]) -> dict[int, str]:
    """The snippet of each row of a page (``(rowid, path, title, id, label, note,
    exact, …, sources)``), from a small FTS5 table of the page's rows alone.

    A snippet depends only on its row's text and the query, so it is the one the
    library's index gives; but there, the query is run again over the page's
    rowid range (with a prefix query, merging every matching term's list once
    more): 3–13 ms on 1,000,000 notes. Here, ~100 rows are indexed in memory,
    as the index holds them (CJK runs as grams), and each snippet is read back.
    """
    page = sqlite3.connect(":memory:")
    try:
        page.execute("CREATE VIRTUAL TABLE page USING fts5(exact, note, sources, label, "
                     f"tokenize='{TOKENIZER}')")
        page.executemany("INSERT INTO page(rowid, exact, note, sources, label) "
                         "VALUES (?, ?, ?, ?, ?)",
                         [(row[0], grams(row[6]), grams(row[5]), grams(row[9]), row[4])
                          for row in rows])
        # A CJK run is two grams a character: its snippet has more of them.
        found = page.execute(
            "SELECT rowid, snippet(page, -1, ?, ?, '…', CASE WHEN instr(exact || note || "
            "sources, ?) THEN ? ELSE ? END) FROM page WHERE page MATCH ?",
            (OPEN, CLOSE, SEP, SNIPPET_GRAMS, SNIPPET_WORDS, match)).fetchall()
        marked = {}
        for rowid, text in found:
            if SEP in text:
                text = ungram(text, (OPEN, CLOSE))
                if text.endswith(CLOSE + "…"):  # FTS5 ended the window inside the match
                    text = around_first_match(page, rowid, match)
            marked[rowid] = text.replace(OPEN, marks[0]).replace(CLOSE, marks[1])
        return marked
    finally:
        page.close()


def around_first_match(page: sqlite3.Connection, rowid: int, match: str) -> str:
    """A snippet cut by hand from the column with the most matches: from a few
    characters before its first match, ``SNIPPET_CHARS`` or up to that match's end."""
    columns = page.execute(
        "SELECT highlight(page, 0, ?, ?), highlight(page, 1, ?, ?), highlight(page, 2, ?, ?) "
        "FROM page WHERE page MATCH ? AND rowid = ?",
        (OPEN, CLOSE) * 3 + (match, rowid)).fetchone()
    texts = [ungram(column or "", (OPEN, CLOSE)) for column in columns]
    text = max(texts, key=lambda t: t.count(OPEN))  # the first of the best
    first = text.find(OPEN)
    start = max(0, first - SNIPPET_LEAD)
    stop = max(start + SNIPPET_CHARS, text.find(CLOSE, first) + 1)
    if text.rfind(OPEN, 0, stop) > text.rfind(CLOSE, 0, stop):  # a match cut at the end
        stop = text.find(CLOSE, stop) + 1
    return ("…" if start else "") + text[start:stop] + ("…" if stop < len(text) else "")
