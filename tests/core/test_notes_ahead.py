"""Notes read and placed ahead (in the loader's worker) are the notes file as
it is, or nothing the window would take."""

from __future__ import annotations

from pathlib import Path

from app.core.anchoring import anchor_all
from app.core.annotations import annotation_for_span
from app.core.notes_ahead import read_ahead
from app.core.notes_format import ArticleRef, NotesDocument
from app.core.storage import NotesStore

TEXT = "Magnesium may help. Click here to buy Glucontrol now! Trials showed no effect."


def article(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_no_notes_file_is_no_notes(tmp_path: Path) -> None:
    path = article(tmp_path)
    ahead = read_ahead(path, TEXT)
    assert ahead.document is None and ahead.error is None and ahead.signature is None
    assert ahead.still_there(NotesStore(path).path)


def test_notes_are_read_and_placed_as_the_window_would(tmp_path: Path) -> None:
    path = article(tmp_path)
    notes = [annotation_for_span(TEXT, 0, 19, label="uncertain"),
             annotation_for_span(TEXT, 20, 54, label="advertising")]
    NotesStore(path).save(NotesDocument(ArticleRef(path.name, "", "", "txt"), notes))
    ahead = read_ahead(path, TEXT)
    assert ahead.document is not None and ahead.document.annotations == notes
    assert ahead.placed_in(TEXT) == anchor_all(notes, TEXT)
    assert ahead.still_there(NotesStore(path).path)


def test_a_changed_or_removed_notes_file_is_not_taken(tmp_path: Path) -> None:
    path = article(tmp_path)
    NotesStore(path).save(NotesDocument(None, [annotation_for_span(TEXT, 0, 19)]))
    notes = NotesStore(path).path
    ahead = read_ahead(path, TEXT)
    notes.write_bytes(notes.read_bytes() + b"\n")
    assert not ahead.still_there(notes)
    notes.unlink()
    assert not ahead.still_there(notes)
    assert not ahead.still_there(tmp_path / "other.notes.json")


def test_a_damaged_notes_file_gives_its_error_and_stays_as_it_is(tmp_path: Path) -> None:
    path = article(tmp_path)
    for damaged in (b"", b"{ not json", b"\xff\xfe\x00binary", b"[" * 100_000):
        notes = NotesStore(path).path
        notes.write_bytes(damaged)
        ahead = read_ahead(path, TEXT)
        assert ahead.document is None and ahead.error is not None
        assert ahead.still_there(notes)
        assert notes.read_bytes() == damaged


def test_notes_placed_in_another_text_are_not_taken(tmp_path: Path) -> None:
    path = article(tmp_path)
    NotesStore(path).save(NotesDocument(None, [annotation_for_span(TEXT, 0, 19)]))
    ahead = read_ahead(path, TEXT)
    assert ahead.placed_in("Another article, another text.") is None


def test_the_collector_is_back_on_and_what_was_read_settled(tmp_path: Path) -> None:
    """Whatever happens inside, the cyclic collector is on again afterwards
    (off, every cycle made later would leak) and the notes read are out of its
    runs until the window unsettles them (gc_pause)."""
    import gc

    path = article(tmp_path)
    NotesStore(path).save(NotesDocument(ArticleRef(path.name, "", "", "txt"),
                                        [annotation_for_span(TEXT, 0, 19, label="uncertain")]))
    gc.unfreeze()
    try:
        for damaged in (False, True):
            if damaged:
                NotesStore(path).path.write_text("{ not json", encoding="utf-8")
            ahead = read_ahead(path, TEXT)
            assert gc.isenabled()
            assert gc.get_freeze_count() > 0
            assert (ahead.error is not None) == damaged
            gc.unfreeze()
    finally:
        gc.unfreeze()
