"""The count of unmarked claims (tester T11): the claims less the labelled
notes said "1 unmarked" while three claims had no label, once a note had
lost its place."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt

from tests.ui.conftest import open_article


def test_a_lost_note_leaves_its_old_claim_unmarked(qtbot, make_window,
                                                   sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    claims = len(window.session.claims)
    assert window.summary.labels["none"].text() == f"{claims - 1} unmarked"
    text = sample_copy.read_text(encoding="utf-8")
    first = re.search(r"Tingling toes.*?neuropathy\.", text, re.S)
    assert first is not None
    with qtbot.waitSignal(window.articleReady, timeout=15000):
        sample_copy.write_text(text.replace(first.group(), "Zebras hum quietly at noon."),
                               encoding="utf-8")
    ident = next(iter(window.session.annotations))
    assert window.session.is_orphaned(ident), window.session.annotations[ident]
    claims = len(window.session.claims)
    assert window.summary.labels["none"].text() == f"{claims} unmarked"
