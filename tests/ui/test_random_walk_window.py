"""A random walk of what a reader does — keys, notes, sources, undo and redo —
with the notes file, the session, the list, the editor and the summary
checked against each other after every step."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt

from app.core.annotations import Annotation
from app.core.sources import SourceError, normalize_source
from app.core.storage import read_notes_file
from app.ui.claim_model import ANNOTATION_ID_ROLE, LABEL_ROLE, NOTE_ROLE, SOURCES_ROLE
from tests.ui.conftest import open_article

NOTES = ("", "Needs a trial in people, not rats.", "**Sold**, not shown — see [1].",
         "Ünïcode ✓ and a\nsecond line")
SOURCES = ("10.1000/xyz123", "PMID: 12345678", "https://example.org/study", "not a source",
           "arXiv:2101.00001")
LABEL_KEYS = {Qt.Key.Key_1: "supported", Qt.Key.Key_2: "uncertain", Qt.Key.Key_3: "advertising",
              Qt.Key.Key_0: "none"}


def check(window, notes: Path, step: str) -> None:
    """The file, the session, the list, the editor and the summary agree."""
    session = window.session
    on_disk = {a.id: (a.label, a.note, a.sources) for a in read_notes_file(notes).annotations} \
        if notes.exists() else {}
    in_session = {a.id: (a.label, a.note, a.sources) for a in session.annotations.values()}
    assert on_disk == in_session, step
    model = window.model
    shown = {}
    for row in range(len(model.rows)):
        index = model.index(row)
        ident = index.data(ANNOTATION_ID_ROLE)
        if ident:
            shown[ident] = (index.data(LABEL_ROLE), index.data(NOTE_ROLE),
                            tuple(index.data(SOURCES_ROLE) or ()))
    # Each note is its row's, or listed with its claim's (a note on part of it).
    assert shown == {i: v for i, v in in_session.items() if i in shown}, step
    assert all(model.row_for_annotation(i) is not None for i in in_session), step
    # Rows kept up edit by edit are the rows a rebuild would make.
    def rows_of(rows: list) -> list:
        return [(r.start, r.end, r.claim, r.orphan, r.annotation, set(r.others))
                for r in rows]
    assert rows_of(model.rows) == rows_of(model._compute_rows()), step
    target = window.navigator.current_target()
    if target is not None:
        editor = window.editor
        annotation = target.annotation
        label = annotation.label if annotation else "none"
        checked = [name for name, button in editor.label_buttons.items() if button.isChecked()]
        assert checked == ([] if label == "none" else [label]), step
        assert editor.note.toPlainText() == (annotation.note if annotation else ""), step
        urls = [editor.sources.item(i).data(Qt.ItemDataRole.UserRole + 1)
                for i in range(editor.sources.count())]
        assert tuple(urls) == (annotation.sources if annotation else ()), step
    for label, count in session.counts().items():
        assert window.summary.labels[label].text().endswith(f"{count} {label}"), step


def test_a_random_walk_of_keys_notes_and_sources_keeps_everything_in_step(
        qtbot, make_window, sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    rows = len(window.model.rows)
    notes = sample_copy.with_name(sample_copy.name + ".notes.json")
    editor = window.editor
    rng = random.Random(20261125)

    def current() -> Annotation | None:
        target = window.navigator.current_target()
        return target.annotation if target else None

    def key(k: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
            ) -> Callable[[], str]:
        def press() -> str:
            before = current()
            qtbot.keyClick(window.view, k, modifier)
            if k in LABEL_KEYS and modifier == Qt.KeyboardModifier.NoModifier:
                after = current()
                # Clearing the row's note may leave it to another note on part of the claim.
                if not (k == Qt.Key.Key_0 and after is not None and before is not None
                        and after.id != before.id):
                    assert (after.label if after else "none") == LABEL_KEYS[k]
            return f"key {k.name} {modifier.name}"
        return press

    def type_note() -> str:
        text = rng.choice(NOTES)
        editor.note.setPlainText(text)
        editor.commit_note()
        after = current()
        assert (after.note if after else "") == text
        return f"note {text!r}"

    def add_source() -> str:
        raw = rng.choice(SOURCES)
        before = current()
        editor.source_input.setText(raw)
        editor.add_button.click()
        after = current()
        try:
            url = normalize_source(raw)
        except SourceError:
            assert after == before and editor.source_error.isVisibleTo(editor)
        else:
            assert after is not None and url in after.sources
            assert set(before.sources if before else ()) <= set(after.sources)
        return f"add source {raw!r}"

    def remove_source() -> str:
        removed = None
        if editor.sources.count():
            editor.sources.setCurrentRow(rng.randrange(editor.sources.count()))
            removed = editor.sources.currentItem().data(Qt.ItemDataRole.UserRole + 1)
        editor.remove_button.click()
        after = current()
        assert removed is None or after is None or removed not in after.sources
        return "remove source"

    def mark_part() -> str:
        """Select a few words of the current claim and press a label key there."""
        target = window.navigator.current_target()
        if target is None or target.end - target.start < 4:
            return "no part to mark"
        start = rng.randrange(target.start, target.end - 2)
        end = rng.randrange(start + 1, target.end)
        window.view.setFocus()
        window.view.setTextCursor(window.view.cursor_for(start, end))
        k = rng.choice(list(LABEL_KEYS))
        qtbot.keyClick(window.view, k)
        return f"mark part {start}-{end} {k.name}"

    ctrl = Qt.KeyboardModifier.ControlModifier
    steps = [mark_part, key(Qt.Key.Key_J), key(Qt.Key.Key_K), key(Qt.Key.Key_1), key(Qt.Key.Key_2),
             key(Qt.Key.Key_3), key(Qt.Key.Key_0), key(Qt.Key.Key_Z, ctrl),
             key(Qt.Key.Key_Z, ctrl | Qt.KeyboardModifier.ShiftModifier),
             type_note, type_note, add_source, add_source, remove_source]
    done = []
    for number in range(300):
        done.append(rng.choice(steps)())
        check(window, notes, f"step {number}: {done[-1]}")
    assert len(window.model.rows) == rows
    assert any(s.startswith("note") for s in done) and any("source" in s for s in done)
    assert notes.exists() and read_notes_file(notes).annotations  # the walk left notes
