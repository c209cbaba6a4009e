"""The copy written when the notes file cannot be (tester T13, F1) never
replaces an earlier copy nobody took in yet (helper N13's leftover: a second
failure in a later session wrote over the first session's copy)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.annotations import annotation_for_span
from app.core.notes_format import ArticleRef, NotesDocument
from app.core.notes_rescue import Rescue, rescue_path

pytestmark = pytest.mark.usefixtures("data_dir")

TEXT = "Zinc is a mineral. Zinc may help colds."


def notes(note: str) -> NotesDocument:
    return NotesDocument(ArticleRef("zinc.txt"),
                         [annotation_for_span(TEXT, 0, 18, label="supported", note=note)])


def test_an_earlier_copy_is_kept_beside_the_new_one(tmp_path: Path) -> None:
    article = tmp_path / "zinc.txt"
    article.write_text(TEXT, encoding="utf-8")
    first = Rescue(article)
    first.failed(notes("from the first session"), "cannot save")
    copy = rescue_path(article)
    assert "from the first session" in copy.read_text(encoding="utf-8")

    later = Rescue(article)  # another session; the first copy was never taken in
    said = later.failed(notes("from a later session"), "cannot save")
    assert "from a later session" in copy.read_text(encoding="utf-8")
    kept = [p for p in copy.parent.iterdir() if p != copy]
    assert len(kept) == 1 and "from the first session" in kept[0].read_text(encoding="utf-8")
    assert str(kept[0]) in said

    later.failed(notes("typed on"), "cannot save")  # this session's own copy: replaced
    assert len(list(copy.parent.iterdir())) == 2
    assert "typed on" in copy.read_text(encoding="utf-8")
