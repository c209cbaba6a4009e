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


def test_the_library_counts_unmarked_claims_as_the_window_does(qtbot, make_window,
                                                               sample_copy: Path,
                                                               tmp_path: Path) -> None:
    """Tester T11: ``claimmark library list`` said the claims less the labelled
    notes, so a lost note and a second note on one claim made it disagree."""
    from app.core.library import Library

    window = make_window()
    open_article(qtbot, window, sample_copy)
    qtbot.keyClick(window.view, Qt.Key.Key_1)  # the first claim: to be lost
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    qtbot.keyClick(window.view, Qt.Key.Key_2)  # the second claim…
    text = window.session.article.text
    start = text.index("many of them go")
    window.view.setFocus()
    window.view.setTextCursor(window.view.cursor_for(start, start + len("many of them go")))
    qtbot.keyClick(window.view, Qt.Key.Key_3)  # … and a note on its words
    assert len(window.session.annotations) == 3
    window.close()
    source = sample_copy.read_text(encoding="utf-8")
    first = re.search(r"Tingling toes.*?neuropathy\.", source, re.S)
    assert first is not None
    sample_copy.write_text(source.replace(first.group(), "Zebras hum quietly at noon."),
                           encoding="utf-8")
    window = make_window()
    open_article(qtbot, window, sample_copy)
    shown = window.summary.labels["none"].text()
    claims = len(window.session.claims)
    assert shown == f"{claims - 1} unmarked"
    with Library(tmp_path / "lib.sqlite3") as library:
        library.add([sample_copy])
        (entry,) = library.articles()
    assert entry.claims == claims
    assert f"{entry.unmarked} unmarked" == shown


def test_the_labelled_claim_follows_its_note_when_the_article_is_reloaded(
        qtbot, make_window, sample_copy: Path) -> None:
    """The claims' spans are kept per article (not made at every count): a
    reloaded article's claims, shifted by a new sentence, are the ones used."""
    window = make_window()
    open_article(qtbot, window, sample_copy)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    ident = next(iter(window.session.annotations))
    before = window.model.labelled_claims()
    text = sample_copy.read_text(encoding="utf-8")
    first = re.search(r"Tingling toes.*?neuropathy\.", text, re.S)
    assert first is not None
    with qtbot.waitSignal(window.articleReady, timeout=15000):
        sample_copy.write_text(text.replace(first.group(), "Zebras hum quietly at noon. "
                                            + first.group()), encoding="utf-8")
    note = window.session.annotations[ident]
    claim = window.session.claim_at(note.start)
    assert claim is not None and (claim.start, claim.end) == (note.start, note.end)
    assert window.model.labelled_claims() == {claim.index} != before
    claims = len(window.session.claims)
    assert window.summary.labels["none"].text() == f"{claims - 1} unmarked"
