"""Opening another article lets the last one go and hands its freed memory back to
the system (tester T15, F11: an epub → 7 MB text → epub cycle went 209 → 641 MB RSS;
the book's session was freed, but glibc kept the pages of Qt's layout: 439 MB with
a three-line article open after the book, 130 MB once trimmed)."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

from tests.ui.conftest import open_article


def test_a_shown_article_gives_freed_memory_back(qtbot, make_window, tmp_path: Path,
                                                 monkeypatch) -> None:
    calls: list[int] = []
    monkeypatch.setattr("app.ui.article_view.give_back_freed_memory",
                        lambda: calls.append(1))
    book = tmp_path / "book.txt"
    book.write_text("\n\n".join(f"Paragraph {n} says a thing about tea. It has a second "
                                f"sentence too." for n in range(3000)), encoding="utf-8")
    small = tmp_path / "small.txt"
    small.write_text("Tea is a drink. Some say it helps.\n", encoding="utf-8")
    window = make_window()
    open_article(qtbot, window, book)
    first = weakref.ref(window.session)
    qtbot.waitUntil(lambda: bool(calls), timeout=5000)
    calls.clear()
    open_article(qtbot, window, small)
    qtbot.waitUntil(lambda: bool(calls), timeout=5000)
    qtbot.wait(50)  # the old session's deleteLater
    gc.collect()
    assert first() is None, "the first article's session is still held"
