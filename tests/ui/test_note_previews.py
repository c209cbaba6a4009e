"""Note previews (the claim list's line, the library's hits) show the note's
words, not its Markdown marks (tester T7: "**bold**", "[x](url)")."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QImage, QTextDocument

from app.core.library import Hit
from app.ui.library_models import MARK_CLOSE, MARK_OPEN, hit_html
from app.ui.note_preview import plain_note
from tests.ui.conftest import open_article

MARKDOWN = ("**Hedged**: see [the 2021 trial](https://doi.org/10.1000/xyz_(2021)) "
            "and `Mg2+`, *not* ~~proven~~")
PLAIN = "Hedged: see the 2021 trial and Mg2+, not proven"


def test_markdown_marks_go_and_every_word_stays() -> None:
    assert plain_note(MARKDOWN) == PLAIN
    assert plain_note("# Why\n\n- one\n- two\n\n> quoted") == "Why one two quoted"
    assert plain_note("![chart](fig.png) <b>bold</b> <https://a.example/x>") == (
        "chart bold https://a.example/x")
    assert plain_note(r"2 \* 3 \* 4 and snake_case_name") == "2 * 3 * 4 and snake_case_name"
    assert plain_note("**cut off mid") == "**cut off mid"  # a snippet's half a mark stays


WORDS = st.text(st.characters(whitelist_categories=("Ll", "Lu", "Nd")), min_size=1, max_size=8)


@given(st.lists(WORDS, min_size=1, max_size=12))
def test_plain_words_are_left_alone(words: list[str]) -> None:
    text = " ".join(words)
    assert plain_note(text) == text


@given(st.lists(WORDS, min_size=1, max_size=6), st.sampled_from(
    ["**{}**", "*{}*", "_{}_", "`{}`", "[{}](https://example.org/a)", "~~{}~~", "# {}",
     "- {}", "> {}", "![{}](a.png)"]))
def test_each_mark_goes_and_leaves_its_words(words: list[str], mark: str) -> None:
    text = " ".join(words)
    assert plain_note(mark.format(text)) == text


@given(st.text(max_size=300))
def test_a_preview_is_one_line_and_never_longer(note: str) -> None:
    shown = plain_note(note)
    assert "\n" not in shown
    assert len(shown) <= len(note)


def row_image(window: object, row: int) -> QImage:
    lst = window.list  # type: ignore[attr-defined]
    rect = lst.visualRect(lst.model().index(row, 0))
    lst.viewport().repaint()
    return lst.viewport().grab(rect).toImage().convertToFormat(QImage.Format.Format_RGB32)


def test_the_claim_list_shows_the_notes_words(qtbot, make_window, sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    window.navigator.select_row(1)
    note = window.editor.note

    def write(text: str) -> QImage:
        note.setPlainText(text)
        window.editor.commit_note()
        window.navigator.select_row(0)  # the row painted unselected
        qtbot.wait(20)
        image = row_image(window, 1)
        window.navigator.select_row(1)
        return image

    assert write(MARKDOWN) == write(PLAIN)
    assert write(MARKDOWN) != write("Hedged")  # the note's line is really painted
    assert window.model.index(1).data() and note.toPlainText() == "Hedged"


def test_library_hits_show_the_notes_words() -> None:
    hit = Hit("/a/b.txt", "B", "urn:x", "uncertain", MARKDOWN, "Magnesium may help.", 0, 19,
              (), f"**{MARK_OPEN}Hedged{MARK_CLOSE}**: see [the 2021 trial](https://doi.org/x) …")
    doc = QTextDocument()
    doc.setHtml(hit_html(hit))
    shown = doc.toPlainText()
    assert "Hedged: see the 2021 trial …" in shown
    assert "**" not in shown and "](" not in shown
    assert "<b>Hedged</b>" in hit_html(hit)  # the match still in bold
