"""Notes made in the window record how many times their quote stands in the
article ("claimmark:occurrences"), one by one and all suggestions at once:
what lets a note keep its sentence when both neighbours are rewritten
(tests/core/test_anchoring_unique.py)."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt

from app.core.annotations import occurrences_in
from app.ui.suggest_bridge import default_suggester
from tests.ui.conftest import open_article


def _quotes(notes: Path) -> list[dict[str, object]]:
    items = json.loads(notes.read_text())["first"]["items"]
    return [item["target"]["selector"][0] for item in items]


def test_labelled_and_accepted_notes_record_their_quote_count(qtbot, make_window,
                                                              sample_copy: Path) -> None:
    window = make_window(default_suggester())
    open_article(qtbot, window, sample_copy)
    text = window.session.article.text
    notes = sample_copy.with_name(sample_copy.name + ".notes.json")
    window.navigator.select_row(0)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_3)
    [quote] = _quotes(notes)
    assert quote["claimmark:occurrences"] == occurrences_in(text, str(quote["exact"])) == 1
    window.annotator.accept_all_suggestions()
    quotes = _quotes(notes)
    assert len(quotes) > 10
    assert [q.get("claimmark:occurrences") for q in quotes] == [
        occurrences_in(text, str(q["exact"])) for q in quotes]
