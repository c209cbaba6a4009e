"""Notes the reader deleted while saves failed stay deleted when the rescue copy is
taken in (helper N16): the copy records the version of each note its session deleted
after the split (when it last read or wrote the notes file); a note still that version
in the notes file goes, one changed there since stays. Nothing else is ever dropped."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.annotations import Annotation, annotation_for_span
from app.core.importing import import_items, parse_payload
from app.core.notes_format import ArticleRef, NotesDocument, from_jsonld
from app.core.notes_merge import SyncState
from app.core.notes_rescue import (
    DELETED_VERSIONS,
    Rescue,
    recorded_deletions,
    recovered_merge,
    rescue_path,
    without_deleted,
)
from app.core.storage import encode_notes, read_notes_file

pytestmark = pytest.mark.usefixtures("data_dir")

SENTENCES = ["Zinc is a mineral.", "Zinc may help colds.", "Vitamin C is sold in shops.",
             "Rest helps.", "Water is wet.", "Sleep matters a lot."]
TEXT = " ".join(SENTENCES)
NAME = "zinc.txt"


def span(index: int) -> tuple[int, int]:
    start = TEXT.index(SENTENCES[index])
    return start, start + len(SENTENCES[index])


def note(index: int, words: str) -> Annotation:
    return annotation_for_span(TEXT, *span(index), label="supported", note=words)


def round_trip(notes: list[Annotation]) -> list[Annotation]:
    """As a later session reads them from the notes file."""
    data = encode_notes(NotesDocument(ArticleRef(NAME, "", "", "plain"), notes))
    return from_jsonld(json.loads(data)).annotations


@dataclass
class CopySide:
    """The session whose saves failed: its notes, and what it changed since the split."""

    notes: dict[str, Annotation]
    sync: SyncState = field(default_factory=SyncState)

    def edit(self, ident: str) -> None:
        before = self.notes[ident]
        self.sync.touch(ident, before)
        self.notes[ident] = before.edited(note=before.note + " (edited in the copy)")

    def delete(self, ident: str) -> None:
        self.sync.touch(ident, self.notes.pop(ident))
        self.sync.deleted.add(ident)

    def add(self, annotation: Annotation) -> None:
        self.sync.touch(annotation.id, None)
        self.sync.deleted.discard(annotation.id)
        self.notes[annotation.id] = annotation

    def copy(self, article: Path) -> Path:
        doc = NotesDocument(ArticleRef(NAME), list(self.notes.values()),
                            deleted=tuple(sorted(self.sync.deleted)))
        Rescue(article).failed(doc, "cannot save", self.sync)
        return rescue_path(article)


def taken_in(copy: Path, here: list[Annotation], how: str) -> list[Annotation]:
    """The copy taken in to the notes ``here``: as a set-aside copy (an import) or as
    the recovery file (its version wins)."""
    if how == "recovery file":
        return recovered_merge({a.id: a for a in here}, read_notes_file(copy))
    data = copy.read_bytes()
    items = parse_payload(data)
    result = import_items(here, items, TEXT, NAME)
    copy_ids = {a.id for a in read_notes_file(copy).annotations}
    after, _ = without_deleted(result.annotations, here, copy_ids, recorded_deletions(data))
    return after


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / NAME
    path.write_text(TEXT, encoding="utf-8")
    return path


HOW = ["set-aside copy", "recovery file"]


@pytest.mark.parametrize("how", HOW)
def test_a_note_deleted_in_the_copy_stays_deleted(article: Path, how: str) -> None:
    base = [note(0, "kept"), note(1, "deleted while saves failed")]
    side = CopySide({a.id: a for a in base})
    side.delete(base[1].id)
    copy = side.copy(article)
    assert recorded_deletions(copy.read_bytes()).keys() == {base[1].id}
    after = taken_in(copy, round_trip(base), how)
    assert [a.id for a in after] == [base[0].id]


@pytest.mark.parametrize("how", HOW)
def test_a_note_deleted_in_the_copy_but_changed_here_since_is_kept(
        article: Path, how: str) -> None:
    base = [note(0, "kept"), note(1, "deleted there, edited here")]
    side = CopySide({a.id: a for a in base})
    side.delete(base[1].id)
    copy = side.copy(article)
    here = round_trip(base)
    here[1] = here[1].edited(note="a later session's words")
    after = taken_in(copy, here, how)
    assert {a.note for a in after} == {"kept", "a later session's words"}


@pytest.mark.parametrize("how", HOW)
def test_a_copy_that_records_no_deletions_only_adds(article: Path, how: str) -> None:
    """A copy written before this session (no record) or by hand: nothing is dropped."""
    base = [note(0, "one"), note(1, "two")]
    side = CopySide({a.id: a for a in base})
    side.delete(base[1].id)
    copy = side.copy(article)
    data = json.loads(copy.read_text(encoding="utf-8"))
    del data["claimmark"][DELETED_VERSIONS]
    copy.write_text(json.dumps(data), encoding="utf-8")
    assert len(taken_in(copy, round_trip(base), how)) == 2


def test_a_note_deleted_before_the_split_and_put_back_since_is_kept(article: Path) -> None:
    """Deleted and saved (the split came after): a sync tool put it back since."""
    base = [note(0, "one"), note(1, "deleted and saved, then put back")]
    side = CopySide({base[0].id: base[0]})
    side.sync.deleted.add(base[1].id)  # deleted, written: nothing touched since
    copy = side.copy(article)
    assert recorded_deletions(copy.read_bytes()) == {}
    assert len(taken_in(copy, round_trip(base), "set-aside copy")) == 2


OPS = st.sampled_from(["keep", "edit", "delete", "delete, then undo"])
THEIRS = st.sampled_from(["keep", "edit", "delete"])


@given(copy_ops=st.lists(OPS, min_size=1, max_size=len(SENTENCES)),
       file_ops=st.lists(THEIRS, min_size=len(SENTENCES), max_size=len(SENTENCES)),
       added_there=st.integers(0, 2), added_here=st.integers(0, 2),
       made_and_deleted=st.booleans(), how=st.sampled_from(HOW))
def test_taking_a_copy_in_drops_only_what_it_deleted_after_the_split(
        tmp_path_factory: pytest.TempPathFactory, copy_ops: list[str], file_ops: list[str],
        added_there: int, added_here: int, made_and_deleted: bool, how: str) -> None:
    """Never a note present on either side dropped, unless the copy's session deleted
    it after the split and the notes file still has it as it was then."""
    folder = tmp_path_factory.mktemp("article")
    article = folder / NAME
    article.write_text(TEXT, encoding="utf-8")
    base = [note(i, f"note {i}") for i in range(len(copy_ops))]
    side = CopySide({a.id: a for a in base})
    deleted_there: set[str] = set()
    for annotation, op in zip(base, copy_ops, strict=True):
        if op == "edit":
            side.edit(annotation.id)
        elif op.startswith("delete"):
            side.delete(annotation.id)
            deleted_there.add(annotation.id)
            if op.endswith("undo"):
                side.add(annotation)
                deleted_there.discard(annotation.id)
    for i in range(added_there):
        side.add(note(len(SENTENCES) - 1 - i, f"made in the copy {i}"))
    if made_and_deleted:
        made = note(0, "made and deleted in the copy")
        side.add(made)
        side.delete(made.id)
    copy = side.copy(article)

    here: list[Annotation] = []
    changed_here: set[str] = set()
    for annotation, op in zip(round_trip(base), file_ops, strict=False):
        if op == "edit":
            here.append(annotation.edited(note=annotation.note + " (edited here)"))
            changed_here.add(annotation.id)
        elif op == "keep":
            here.append(annotation)
    here += [note(i, f"made here {i}") for i in range(added_here)]

    after = {a.id for a in taken_in(copy, here, how)}
    gone_rightly = deleted_there - changed_here
    for ident in {*side.notes, *(a.id for a in here)} - gone_rightly:
        assert ident in after
    assert not after & gone_rightly
