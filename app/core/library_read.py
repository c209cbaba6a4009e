"""Reading what the index needs of one article: its notes as rows, its claim count.

This is the part of a sync that costs CPU (parsing the notes' JSON-LD,
loading and splitting articles), so when there is much of it, it runs in
worker processes: each worker reads an article's notes AND counts its claims
in one pass and hands back plain tuples, and the main process only writes
SQLite. Work is handed out in chunks with a bounded number in flight, so
memory stays bounded however large the library.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from app.core.library_rows import NoteRow
from app.core.library_scan import FoundArticle

# (claims, title, format, problem, claim spans, lost notes) of an article; claims
# is None when unreadable. The spans are packed (core/claim_labels.py); the lost
# notes are a JSON list of [id, start, end]: the notes that found no place in it.
Claims = tuple[int | None, str, str, str | None, bytes | None, str]

POOL_MIN_TASKS = 256  # fewer than this: starting worker processes costs more than it saves
CHUNK_TASKS = 16  # articles per chunk handed to a worker
CHUNKS_AHEAD = 4  # chunks in flight per worker


@dataclass(slots=True)
class NotesRead:
    """One article's notes, read and parsed, waiting for the next batch."""

    found: FoundArticle
    article_id: int | None
    title: str
    format: str
    rows: list[NoteRow]
    problem: str | None


@dataclass(frozen=True, slots=True)
class Task:
    """What to read of one article: its notes file, its claims, or both."""

    found: FoundArticle
    article_id: int | None
    notes: bool
    claims: bool


@dataclass(slots=True)
class Done:
    task: Task
    notes: NotesRead | None
    claims: Claims | None


ReadNotes = Callable[[FoundArticle, "int | None", dict[str, str]], NotesRead]


def read_notes(item: FoundArticle, article_id: int | None,
               formats: dict[str, str]) -> NotesRead:
    """The article's notes as index rows; a file that cannot be used is named in
    ``problem`` (and gives no rows), never written."""
    name = Path(item.path).name
    fmt = formats.get(os.path.splitext(name)[1].lower(), "txt")
    if item.notes_path is None:
        return NotesRead(item, article_id, name, fmt, [], None)
    from app.core.library_notes import notes_rows
    from app.core.storage import NotesFileError

    try:
        title, notes_fmt, rows = notes_rows(item.notes_path, name,
                                            lambda: _text_sha256(item.path))
    except NotesFileError as error:
        return NotesRead(item, article_id, name, fmt, [], f"{error.path.name}: {error}")
    except Exception as error:  # noqa: BLE001 - an untrusted file must never stop the sync
        return NotesRead(item, article_id, name, fmt, [],
                         f"{Path(item.notes_path).name}: cannot read ({error})")
    return NotesRead(item, article_id, title or name, notes_fmt or fmt, rows, None)


def _text_sha256(path: str) -> str | None:
    """The article's text hash, asked only for notes recorded under another name."""
    from app.core.article import LoadError
    from app.core.loaders import load_article

    try:
        return load_article(path).sha256
    except LoadError:
        return None


def claims_of(path: str, notes_path: str | None = None) -> Claims:
    """``(claims, title, format, problem, spans, lost)`` of the article at
    ``path``; its notes (``notes_path``) are anchored on it as the window
    anchors them, so that "unmarked" leaves out the ones that lost their place."""
    from app.core.article import LoadError
    from app.core.claim_labels import pack_spans
    from app.core.claims import find_claims
    from app.core.loaders import load_article

    try:
        article = load_article(path)
        claims = find_claims(article)
    except LoadError as error:
        return None, "", "", str(error), None, "[]"
    except Exception as error:  # noqa: BLE001 - an untrusted article must never stop the sync
        return None, "", "", f"{Path(path).name}: cannot read ({error})", None, "[]"
    spans = pack_spans([(c.start, c.end) for c in claims])
    return len(claims), article.title, article.format, None, spans, _lost(article.text,
                                                                          notes_path)


def _lost(text: str, notes_path: str | None) -> str:
    """The notes of ``notes_path`` that find no place in ``text``, as JSON."""
    if notes_path is None:
        return "[]"
    import json

    from app.core.anchoring import anchor_all
    from app.core.storage import read_notes_file

    try:
        annotations = read_notes_file(Path(notes_path)).annotations
    except Exception:  # noqa: BLE001 - its problem is named by the notes reader
        return "[]"
    return json.dumps([[p.annotation.id, p.annotation.start, p.annotation.end]
                       for p in anchor_all(annotations, text)
                       if p.anchor.status == "orphaned"])


def do(task: Task, formats: dict[str, str], read: ReadNotes = read_notes) -> Done:
    notes = read(task.found, task.article_id, formats) if task.notes else None
    claims = claims_of(task.found.path, task.found.notes_path) if task.claims else None
    return Done(task, notes, claims)


def do_chunk(tasks: list[Task], formats: dict[str, str]) -> list[Done]:
    """A worker process's unit of work (a module-level function: it is pickled by name)."""
    return [do(task, formats) for task in tasks]


def results(tasks: list[Task], formats: dict[str, str], workers: int,
            read: ReadNotes = read_notes) -> Iterator[Done]:
    """Each task done, in order; in ``workers`` processes when there are many."""
    if workers <= 1 or len(tasks) < POOL_MIN_TASKS:
        for task in tasks:
            yield do(task, formats, read)
        return
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # "spawn": the window has threads, and forking a threaded process is unsafe.
    context = multiprocessing.get_context("spawn")
    given = 0
    try:
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            pending: deque[Future[list[Done]]] = deque()
            for start in range(0, len(tasks), CHUNK_TASKS):
                pending.append(pool.submit(do_chunk, tasks[start:start + CHUNK_TASKS],
                                           formats))
                while len(pending) >= CHUNKS_AHEAD * workers or (
                        pending and start + CHUNK_TASKS >= len(tasks)):
                    for done in pending.popleft().result():
                        given += 1
                        yield done
    except BrokenProcessPool:
        pass  # a worker could not start or died (killed, out of memory): go on here
    for task in tasks[given:]:
        yield do(task, formats, read)
