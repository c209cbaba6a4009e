"""Opening an article never rewrites its notes file with the bytes already on
disk (tester T13, F10: every open of an article with a reworded note gave the
file a new mtime, churn for git and sync tools)."""

from __future__ import annotations

import os
from pathlib import Path

from tests.ui.conftest import open_article
from tests.ui.test_judged_quote_window import open_with_a_changed_note


def _settled(qtbot, window) -> None:
    """The idle work after an opening (encoding, then the positions' save) is done."""
    qtbot.waitUntil(lambda: not window.session._warm_timer.isActive(), timeout=15000)


def test_reopening_a_reworded_note_leaves_the_notes_file_alone(
        qtbot, make_window, sample_copy: Path) -> None:
    window, ident = open_with_a_changed_note(qtbot, make_window, sample_copy)
    _settled(qtbot, window)
    window.close()
    notes = sample_copy.with_name(sample_copy.name + ".notes.json")
    before = notes.read_bytes()
    os.utime(notes, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    for _ in range(2):
        window = make_window()
        open_article(qtbot, window, sample_copy)
        assert window.session.status[ident] == "fuzzy"
        _settled(qtbot, window)
        window.close()
        assert notes.stat().st_mtime_ns == 1_000_000_000_000_000_000
        assert notes.read_bytes() == before
