"""Imported notes on part of a sentence belong to the claim that holds them:
the list still counts the claims, the note shows on its claim's row, its own
quote stays in the notes file, and a note without a label is marked in the
article on the light and the dark page."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette, QTextCharFormat

from app.core.colour_vision import contrast_ratio, from_hex
from app.core.selectors import as_list
from app.ui.claim_model import LABEL_ROLE
from tests.conftest import FIXTURES
from tests.ui.conftest import open_article, switch_theme

PAGE = FIXTURES / "import" / "magnesium-deficiency.html"
EXPORT = FIXTURES / "import" / "hypothesis-export.json"
PART = "Magnesium plays an important role in carbohydrate metabolism"  # uncertain
UNLABELLED = "Oral first unless symptomatic."  # its quote: one word, "magnesium"


def imported(qtbot, make_window, dialogs, tmp_path: Path):
    page = tmp_path / PAGE.name
    shutil.copy(PAGE, page)
    window = make_window()
    open_article(qtbot, window, page)
    dialogs.notes_answer = str(EXPORT)
    window.actions["import_notes"].trigger()
    return window, page


def items_of(page: Path) -> list[dict]:
    return json.loads(page.with_name(page.name + ".notes.json").read_text())["first"]["items"]


def quote_of(item: dict) -> str:
    for selector in as_list(as_list(item["target"])[0].get("selector")):
        if selector.get("type") == "TextQuoteSelector":
            return str(selector["exact"])
    return ""  # a page note: no quote


def comment_of(item: dict) -> str:
    return next((b["value"] for b in item["body"] if b.get("purpose") == "commenting"), "")


def test_an_import_keeps_the_count_of_claims_and_shows_each_note_on_its_claim(
        qtbot, make_window, dialogs, tmp_path: Path) -> None:
    window, page = imported(qtbot, make_window, dialogs, tmp_path)
    claims = len(window.session.claims)
    text = window.session.article.text
    seen = []
    qtbot.keyClick(window.view, Qt.Key.Key_Home)
    window.navigator.select_row(0)
    for _ in range(window.proxy.rowCount()):
        seen.append(window.editor.heading.text())
        qtbot.keyClick(window.view, Qt.Key.Key_J)
    numbered = [h for h in seen if h.startswith("Claim ")]
    assert numbered == [f"Claim {n} of {claims}" for n in range(1, claims + 1)]
    # Every imported note is somewhere in the list (none dropped, none doubled).
    ids = {a.id for a in window.session.annotations.values()}
    assert len(ids) == 10
    assert all(window.model.row_for_annotation(i) is not None for i in ids)
    # The note on part of a sentence is on that sentence's row, with its label.
    [note] = [a for a in window.session.annotations.values() if a.exact == PART]
    row = window.model.row_for_annotation(note.id)
    claim = window.model.rows[row]
    assert claim.claim is not None and claim.start <= note.start < note.end <= claim.end
    assert window.model.data(window.model.index(row)) == text[claim.start:claim.end]
    assert window.model.data(window.model.index(row), LABEL_ROLE) == "uncertain"
    window.navigator.select_row(row)
    assert window.editor.heading.text() == f"Claim {claim.claim + 1} of {claims}"
    assert f"“{PART}”" in window.editor.also.text() and window.editor.also.isVisible()
    # A label key on that row judges that note: its own quote stays as it was.
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    items = items_of(page)
    assert len(items) == 10
    [item] = [i for i in items if quote_of(i) == PART]
    assert {"type": "TextualBody", "purpose": "classifying", "value": "supported"} \
        in item["body"]
    assert comment_of(item) == "Mechanism plausible; direction of causality unclear."
    assert window.model.claim_count == claims


def test_a_selection_inside_a_claim_is_that_claims_note(qtbot, make_window,
                                                        sample_copy: Path) -> None:
    """The reader's own note on a few words: the same rule as an imported one."""
    window = make_window()
    open_article(qtbot, window, sample_copy)
    claims = len(window.session.claims)
    text = window.session.article.text
    start = text.index("Magnesium is the fourth") + len("Magnesium is the ")
    end = start + len("fourth most abundant mineral")
    window.view.setTextCursor(window.view.cursor_for(start, end))
    window.actions["uncertain"].trigger()
    assert window.model.rowCount() == claims
    row = window.navigator.current_source_row()
    assert window.model.data(window.model.index(row)).startswith("Magnesium is the fourth")
    assert window.model.data(window.model.index(row), LABEL_ROLE) == "uncertain"
    assert window.editor.heading.text() == f"Claim {row + 1} of {claims}"
    # A second note in the same sentence: listed with it, the first still edited there.
    other = text.index("abundant mineral", start)
    window.view.setTextCursor(window.view.cursor_for(other, other + len("abundant")))
    window.actions["advertising"].trigger()
    assert window.model.rowCount() == claims
    window.navigator.select_row(row)
    assert window.model.data(window.model.index(row), LABEL_ROLE) == "uncertain"
    assert "Also on “abundant”: Advertising" in window.editor.also.text()
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Also on" not in window.editor.also.text()
    assert window.model.rowCount() == claims


def _painted(window) -> QImage:
    window.view.viewport().repaint()
    return window.view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


OLDER_REVISION = "Made on an older revision of the page."  # supported, its sentence reworded


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_note_without_a_label_is_marked_in_the_article(qtbot, make_window, dialogs,
                                                         tmp_path: Path, theme: str) -> None:
    window, _page = imported(qtbot, make_window, dialogs, tmp_path)
    # Since session 9 the note made on an older revision of the page is found
    # on its reworded sentence, the one holding this note: taken away here, so
    # the sentence is otherwise unmarked (the nested case is the next test).
    [older] = [a for a in window.session.annotations.values() if a.note == OLDER_REVISION]
    window.session.put(older.id, None)
    window.navigator.refresh()
    other = "light" if theme == "dark" else "dark"
    for name in (other, theme):  # a switch: the marks take the new page's colours
        switch_theme(qtbot, window, name)
    [note] = [a for a in window.session.annotations.values() if a.note == UNLABELLED]
    assert note.label == "none"
    text = window.session.article.text
    # A word of the same sentence without a note (and no descender), for comparison.
    plain = text.index("either", note.end)
    window.navigator.select_row(None)  # no focus frame over them
    window.view.scroll_to(note.start, note.end)
    image = _painted(window)
    page = window.view.palette().color(QPalette.ColorRole.Base)
    ink = window.view.palette().color(QPalette.ColorRole.Text)

    def strong_rows(start: int, end: int) -> list[float]:
        """For each pixel row of the span's lower half: the share drawn in a
        colour that stands out from the page (3:1, WCAG non-text contrast)."""
        [rect] = window.view.span_rects(start, end)
        box = rect.toRect()
        shares = []
        for y in range(box.center().y(), box.bottom() + 1):
            row = [QColor(image.pixel(x, y)) for x in range(box.left(), box.right())]
            shares.append(sum(1 for c in row if contrast_ratio(
                from_hex(c.name()), from_hex(page.name())) >= 3) / len(row))
        return shares

    def tinted(start: int, end: int) -> float:
        [rect] = window.view.span_rects(start, end)
        box = rect.toRect()
        top = [QColor(image.pixel(x, box.top() + 1)) for x in range(box.left(), box.right())]
        return sum(1 for c in top if c != page) / len(top)

    noted, bare = strong_rows(note.start, note.end), strong_rows(plain, plain + len("either"))
    # A row under the letters: dash-dot across the word in the noted one (not a
    # solid line, which is "supported"), nothing in the same row of the bare one.
    lines = [n for n, b in zip(noted, bare, strict=False) if b == 0 and n > 0]
    assert lines and 0.3 <= max(lines) < 0.95
    assert tinted(note.start, note.end) > 0.9 and tinted(plain, plain + len("either")) == 0
    assert ink != page
    # The claim list marks the row too (✎ in its chip): a note, no label.
    row = window.model.row_for_annotation(note.id)
    assert window.model.data(window.model.index(row), LABEL_ROLE) == "none"


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_note_on_a_word_of_a_labelled_claim_keeps_its_own_mark(qtbot, make_window, dialogs,
                                                                 tmp_path: Path,
                                                                 theme: str) -> None:
    """The word's dash-dot, not the supported claim's solid line under it (each
    highlight was drawn in a pass of its own: the solid line showed through)."""
    window, _page = imported(qtbot, make_window, dialogs, tmp_path)
    for name in ("light" if theme == "dark" else "dark", theme):
        switch_theme(qtbot, window, name)
    [note] = [a for a in window.session.annotations.values() if a.note == UNLABELLED]
    [older] = [a for a in window.session.annotations.values() if a.note == OLDER_REVISION]
    assert older.label == "supported" and older.start <= note.start < note.end <= older.end
    text = window.session.article.text
    plain = text.index("either", note.end)  # the same claim, only its label on it
    window.navigator.select_row(None)
    window.view.scroll_to(note.start, note.end)
    image = _painted(window)

    def rows(start: int, end: int) -> list[float]:
        """Per pixel row of the span's lower half: the share that stands out
        (3:1) from the span's own tint (its top row), not the page's."""
        [rect] = window.view.span_rects(start, end)
        box = rect.toRect()
        tint = from_hex(QColor(image.pixel(box.center().x(), box.top() + 1)).name())
        return [sum(1 for x in range(box.left(), box.right()) if contrast_ratio(
            from_hex(QColor(image.pixel(x, y)).name()), tint) >= 3)
            / (box.right() - box.left()) for y in range(box.center().y(), box.bottom() + 1)]

    noted, labelled = rows(note.start, note.end), rows(plain, plain + len("either"))
    solid = [i for i, share in enumerate(labelled) if share >= 0.95]
    assert solid  # the supported claim's line under "either"
    assert all(0.3 <= noted[i] < 0.95 for i in solid)  # dash-dot under the noted word


def test_the_note_on_the_whole_claim_is_the_rows_own(qtbot, make_window,
                                                     sample_copy: Path) -> None:
    """A claim with a note on all of it and one on its first words: the row
    edits the whole-claim note and lists the other, whichever came first."""
    from app.core.annotations import annotation_for_span
    from app.core.loaders import load_article
    from app.core.notes_format import ArticleRef, NotesDocument
    from app.core.storage import NotesStore

    text = load_article(sample_copy).text
    start = text.index("Magnesium is the fourth")
    end = text.index(".", start) + 1
    part = annotation_for_span(text, start, start + len("Magnesium"), label="advertising")
    whole = annotation_for_span(text, start, end, label="supported", note="Textbook.")
    NotesStore(sample_copy).save(NotesDocument(ArticleRef(sample_copy.name), [part, whole]))
    window = make_window()
    open_article(qtbot, window, sample_copy)
    assert window.model.rowCount() == len(window.session.claims)
    row = window.model.row_for_annotation(whole.id)
    assert row == window.model.row_for_annotation(part.id)
    window.navigator.select_row(row)
    assert window.editor.note.toPlainText() == "Textbook."
    assert window.editor.also.text() == "Also on “Magnesium”: Advertising"


def test_marks_in_the_texts_colour_follow_a_palette_change(qtbot, tmp_path: Path) -> None:
    """Underlines are drawn in the text's colour: after a switch to the dark
    page they must be light (black ones vanished on it)."""
    from app.core.loaders import load_article
    from app.ui.article_view import ArticleView, Highlight
    from app.ui.palette import NOTED
    from app.ui.theme import dark_palette

    path = tmp_path / "a.txt"
    path.write_text("Magnesium helps. It may help more.\n", encoding="utf-8")
    view = ArticleView()
    qtbot.addWidget(view)
    view.show_article(load_article(str(path)))
    view.show()
    view.set_highlights([Highlight(0, 16, NOTED), Highlight(17, 34, "supported")])
    view.setPalette(dark_palette())
    ink = view.palette().color(QPalette.ColorRole.Text)
    formats = [QTextCharFormat(s.format) for s in view.extraSelections()]
    underlined = [f for f in formats
                  if f.underlineStyle() != QTextCharFormat.UnderlineStyle.NoUnderline]
    assert len(underlined) == 2
    assert all(f.underlineColor() == ink for f in underlined)


def test_clicking_the_words_of_another_note_edits_that_note(qtbot, make_window,
                                                            sample_copy: Path) -> None:
    """Every note in a claim can be edited: a click on its words makes it the
    one the editor shows; a click on the rest of the sentence, the whole one."""
    from PySide6.QtGui import QTextCursor

    from app.core.annotations import annotation_for_span
    from app.core.loaders import load_article
    from app.core.notes_format import ArticleRef, NotesDocument
    from app.core.storage import NotesStore, read_notes_file

    text = load_article(sample_copy).text
    start = text.index("Magnesium is the fourth")
    end = text.index(".", start) + 1
    word = text.index("abundant", start)
    part = annotation_for_span(text, word, word + len("abundant"), note="Imported remark.")
    whole = annotation_for_span(text, start, end, label="supported", note="Textbook.")
    NotesStore(sample_copy).save(NotesDocument(ArticleRef(sample_copy.name), [part, whole]))
    window = make_window()
    open_article(qtbot, window, sample_copy)

    def click(position: int) -> None:
        cursor = QTextCursor(window.view.document())
        cursor.setPosition(position)
        qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton,
                         pos=window.view.cursorRect(cursor).center())

    click(word + 3)
    assert window.editor.note.toPlainText() == "Imported remark."
    assert window.editor.also.text().startswith("The note is on part of it: “abundant”")
    assert "Also on “Magnesium is the fourth" in window.editor.also.text()
    qtbot.mouseClick(window.editor.note.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(window.editor.note, " Checked.")
    qtbot.keyClick(window.editor.note, Qt.Key.Key_Escape)
    notes = {a.id: a.note for a in read_notes_file(
        sample_copy.with_name(sample_copy.name + ".notes.json")).annotations}
    assert notes == {part.id: "Imported remark. Checked.", whole.id: "Textbook."}
    click(start + 2)
    assert window.editor.note.toPlainText() == "Textbook."
    assert window.model.rowCount() == len(window.session.claims)


def test_page_notes_and_replies_are_not_called_lost(qtbot, make_window, dialogs,
                                                    tmp_path: Path) -> None:
    """Tester T8: a page note was listed as "lost its place"; it marks no text."""
    window, page = imported(qtbot, make_window, dialogs, tmp_path)
    window.close()
    again = make_window()
    open_article(qtbot, again, page)
    message = again.statusBar().currentMessage()
    assert "2 on no text (page notes, replies)" in message
    assert "2 lost" in message  # the footer and navbox notes: their text is not here
    [page_note] = [a for a in again.session.annotations.values()
                   if a.note == "Page note: the lead overstates the evidence."]
    again.navigator.select_row(again.model.row_for_annotation(page_note.id))
    assert "marks no text" in again.editor.heading.text()
