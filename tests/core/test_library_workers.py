"""Library sync in worker processes, and re-indexing only the notes that changed."""

from __future__ import annotations

import os
from dataclasses import fields
from pathlib import Path

import pytest

from app.core import library_read
from app.core.annotations import annotation_for_span
from app.core.library import Library
from app.core.library_scan import FoundArticle, scan
from app.core.notes_format import ArticleRef, NotesDocument
from app.core.storage import NotesStore
from tests.core.conftest import LIBRARY_SPANS, LIBRARY_TEXT

TEXT, SPANS = LIBRARY_TEXT, LIBRARY_SPANS
pytestmark = pytest.mark.usefixtures("data_dir")


def save(path: Path, marks: list[tuple[int, str, str]], text: str = TEXT) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    annotations = [annotation_for_span(TEXT, *SPANS[i], label=label, note=note)
                   for i, label, note in marks]
    NotesStore(path).save(NotesDocument(ArticleRef(path.name, "", "T", "txt"), annotations))


def snapshot(library: Library) -> tuple[object, ...]:
    entries = [(Path(e.path).name, e.claims, e.notes, e.counts, e.problem)
               for e in library.articles()]
    hits = sorted((Path(h.path).name, h.id, h.label, h.note)
                  for h in library.search("mineral OR pain OR alpha OR bravo", limit=1000))
    return tuple(entries), tuple(hits)


def test_workers_index_what_one_process_indexes(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(library_read, "POOL_MIN_TASKS", 2)
    monkeypatch.setattr(library_read, "CHUNK_TASKS", 2)
    root = tmp_path / "r"
    for number in range(7):
        save(root / f"d{number % 2}" / f"a{number}.txt",
             [(number % 4, ["supported", "uncertain", "advertising", "none"][number % 4],
               ["alpha", "bravo"][number % 2])])
    (root / "d0" / "empty.txt").write_text("One claim. Two claims.", encoding="utf-8")
    (root / "d1" / "a1.txt.notes.json").write_text("{not json", encoding="utf-8")
    with Library(tmp_path / "one.sqlite3") as one, Library(tmp_path / "two.sqlite3") as two:
        report_one = one.add([root], workers=1)
        report_two = two.add([root], workers=2)
        assert snapshot(one) == snapshot(two)
        assert report_two.claims_counted == report_one.claims_counted == 8
        assert report_two.problems and report_two.problems == report_one.problems
        assert (root / "d1" / "a1.txt.notes.json").read_text(encoding="utf-8") == "{not json"


def test_only_changed_notes_are_indexed_again(tmp_path: Path) -> None:
    a = tmp_path / "r" / "a.txt"
    save(a, [(0, "supported", "alpha"), (1, "uncertain", "bravo"), (2, "none", "charlie")])
    with Library(tmp_path / "lib.sqlite3") as library:
        library.add([tmp_path / "r"], claims=False)
        before = dict(library.conn.execute("SELECT note, rowid FROM notes"))
        doc = NotesStore(a).load()
        assert doc is not None
        from dataclasses import replace

        edited = [replace(x, label="advertising") if x.note == "bravo" else x
                  for x in doc.annotations if x.note != "charlie"]
        NotesStore(a).save(NotesDocument(doc.article, edited))
        report = library.sync(claims=False)
        assert report.notes == 2 and report.notes_changed == 3  # bravo out and in, charlie out
        after = dict(library.conn.execute("SELECT note, rowid FROM notes"))
        assert after["alpha"] == before["alpha"]  # untouched: kept its row
        assert [h.label for h in library.search("bravo")] == ["advertising"]
        assert library.search("charlie") == []
        assert [h.note for h in library.search("alpha", label="supported")] == ["alpha"]
        library.conn.execute("INSERT INTO notes_fts(notes_fts) VALUES ('integrity-check')")


def test_claims_changed_while_searching_are_counted_by_the_next_list(tmp_path: Path) -> None:
    a = tmp_path / "r" / "a.txt"
    save(a, [(0, "supported", "alpha")])
    with Library(tmp_path / "lib.sqlite3") as library:
        library.add([tmp_path / "r"])
        assert [e.claims for e in library.articles()] == [4]
        a.write_text(TEXT + " One more claim here.", encoding="utf-8")
        library.sync(claims=False)  # what search does: notes only
        assert [e.claims for e in library.articles()] == [4]
        assert library.sync().claims_counted == 1
        assert [e.claims for e in library.articles()] == [5]


class DiesWhenSent(FoundArticle):
    """An article whose hand-over kills the worker process that receives it."""

    __slots__ = ()

    def __reduce__(self) -> tuple[object, ...]:
        return (os._exit, (3,))


def test_a_dying_worker_leaves_the_rest_to_this_process(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(library_read, "POOL_MIN_TASKS", 2)
    for number in range(6):
        save(tmp_path / "r" / f"a{number}.txt", [(number % 4, "supported", "alpha")])
    found = list(scan([(str(tmp_path / "r"), "folder")], frozenset({".txt"})).values())
    killer = DiesWhenSent(**{f.name: getattr(found[0], f.name) for f in fields(FoundArticle)})
    tasks = [library_read.Task(item, None, True, True) for item in [killer, *found[1:]]]
    done = list(library_read.results(tasks, {".txt": "txt"}, workers=2))
    assert [d.task.found.path for d in done] == [t.found.path for t in tasks]
    assert all(d.claims is not None and d.claims[0] == 4 for d in done)
    assert all(d.notes is not None and len(d.notes.rows) == 1 for d in done)
