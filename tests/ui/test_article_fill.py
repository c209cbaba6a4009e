"""A big article is added to the view in slices; what waits for the whole of it
(the claims and notes of a book with 10,000 notes: a 60 ms turn) runs in a turn
of its own, not inside the last slice's (session 15 — S). No timing here: where
documentComplete is emitted from."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from app.core.article import Article
from app.core.loaders import load_article
from app.ui.article_view import FIRST_SCREEN_CHARS, ArticleView


def _inside_a_slice() -> bool:
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_name == "_fill_more":
            return True
        frame = frame.f_back
    return False


@pytest.fixture
def view(qtbot) -> ArticleView:
    widget = ArticleView()
    qtbot.addWidget(widget)
    return widget


def _book(tmp_path: Path, paragraphs: int = 2000) -> Article:
    path = tmp_path / "book.txt"
    path.write_text("\n\n".join(f"Paragraph {i} is about magnesium. It may help."
                                for i in range(paragraphs)), encoding="utf-8")
    return load_article(path)


def test_the_whole_book_is_announced_after_the_last_slice_not_in_it(
        qtbot, view: ArticleView, tmp_path: Path) -> None:
    book = _book(tmp_path)
    assert len(book.text) > 10 * FIRST_SCREEN_CHARS
    announced: list[tuple[bool, bool]] = []
    view.documentComplete.connect(lambda: announced.append((_inside_a_slice(), view.complete)))
    with qtbot.waitSignal(view.documentComplete, timeout=30000):
        view.show_article(book)
        assert not view.complete
    assert announced == [(False, True)]
    assert view.document().toRawText().replace("\u2029", "\n") == book.text


def test_a_new_article_cancels_the_last_ones_announcement(
        qtbot, view: ArticleView, tmp_path: Path) -> None:
    view.show_article(_book(tmp_path))
    view._fill_timer.stop()
    while view._builder is not None:  # every slice in; the announcement is pending
        view._fill_more()
    assert not view.complete
    announced: list[str] = []
    view.documentComplete.connect(lambda: announced.append(view.document().toRawText()))
    short = tmp_path / "short.txt"
    short.write_text("A short note. It fits at once.", encoding="utf-8")
    view.show_article(load_article(short))  # all of it at once: announced there
    qtbot.wait(50)
    assert announced == ["A short note. It fits at once."]
