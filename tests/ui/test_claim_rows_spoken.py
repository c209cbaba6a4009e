"""What a screen reader says of a row of the claim list (tester T13): it read
"none: …" for a note without a label and never said that a row had a note,
a suggestion, or had been reworded since it was labelled — all of which the
list shows sighted readers."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from app.ui.claim_model import SUGGESTION_ROLE
from app.ui.suggest_bridge import default_suggester
from tests.ui.conftest import open_article

SPOKEN = Qt.ItemDataRole.AccessibleTextRole


def spoken(window, row: int) -> str:
    return window.model.data(window.model.index(row, 0), SPOKEN)


def current_row(window) -> int:
    return window.proxy.mapToSource(window.list.currentIndex()).row()


def test_a_row_says_its_label_its_note_and_its_suggestion(qtbot, make_window,
                                                          sample_copy: Path) -> None:
    window = make_window(suggester=default_suggester())
    open_article(qtbot, window, sample_copy)
    model = window.model
    suggested = next(r for r in range(model.rowCount())
                     if model.data(model.index(r, 0), SUGGESTION_ROLE) is not None)
    label = model.data(model.index(suggested, 0), SUGGESTION_ROLE).label
    assert spoken(window, suggested).startswith(f"Unmarked, suggested {label}: ")

    qtbot.keyClick(window.view, Qt.Key.Key_1)
    row = current_row(window)
    assert spoken(window, row).startswith("Supported: ")
    assert "Note" not in spoken(window, row)

    window.editor.note.setFocus()
    qtbot.keyClicks(window.editor.note, "Cites a 2019 review")
    window.editor.commit_note()
    assert spoken(window, row).endswith("Note: Cites a 2019 review.")

    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_0)  # the label goes, the note stays
    assert spoken(window, row).startswith("Note without a label: ")
    assert "none" not in spoken(window, row).split(":")[0]


def test_a_reworded_row_says_so(qtbot, make_window, sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    text = sample_copy.read_text(encoding="utf-8")
    with qtbot.waitSignal(window.articleReady, timeout=15000):
        sample_copy.write_text(text.replace("burning feet and numb", "burning feet and very numb"),
                               encoding="utf-8")
    ident = next(iter(window.session.annotations))
    assert window.session.status.get(ident) == "fuzzy"
    rows = [r for r in range(window.model.rowCount())
            if "Reworded since you labelled it" in spoken(window, r)]
    assert len(rows) == 1 and spoken(window, rows[0]).startswith("Supported: ")


def test_label_buttons_and_sources_have_names_a_screen_reader_says(make_window) -> None:
    """Tester T13: the buttons were read with their marks ("✓ Supported") and
    the sources list had no name at all."""
    window = make_window()
    names = {label: button.accessibleName()
             for label, button in window.editor.label_buttons.items()}
    assert names == {"supported": "Mark Supported (1)", "uncertain": "Mark Uncertain (2)",
                     "advertising": "Mark Advertising (3)", "none": "Clear label (0)"}
    assert window.editor.sources.accessibleName() == "Sources of the current claim"
