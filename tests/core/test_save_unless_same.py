"""``NotesStore.save_unless_same`` writes nothing when the file holds the
very bytes it would write (tester T13, F10: a new mtime at every opening)."""

from __future__ import annotations

import os
from pathlib import Path

from app.core.annotations import annotation_for_span
from app.core.notes_format import ArticleRef, NotesDocument
from app.core.reading import file_holds
from app.core.storage import NotesStore

TEXT = "Magnesium helps. Zinc is a mineral."
PAST = 1_000_000_000_000_000_000


def test_the_same_bytes_are_not_written_again(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT)
    store = NotesStore(article)
    doc = NotesDocument(ArticleRef("a.txt"), [annotation_for_span(TEXT, 0, 16, label="supported")])
    store.save(doc)
    os.utime(store.path, ns=(PAST, PAST))
    store.save_unless_same(doc)
    assert store.path.stat().st_mtime_ns == PAST
    assert not store.path.with_name(store.path.name + ".bak").exists()
    store.save(doc)  # asked: always written
    assert store.path.stat().st_mtime_ns != PAST
    os.utime(store.path, ns=(PAST, PAST))
    doc.annotations[0] = doc.annotations[0].edited(label="uncertain")
    store.save_unless_same(doc)  # other bytes: written
    assert store.path.stat().st_mtime_ns != PAST and b"uncertain" in store.path.read_bytes()


def test_file_holds(tmp_path: Path) -> None:
    path = tmp_path / "f"
    assert not file_holds(path, b"")  # no file
    path.write_bytes(b"abc")
    assert file_holds(path, b"abc")
    assert not file_holds(path, b"abd") and not file_holds(path, b"abcd")
    assert not file_holds(tmp_path, b"")  # a folder
