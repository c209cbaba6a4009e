"""The Library window, driven as a user drives it: sort, type a search, press Enter."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.core.annotations import annotation_for_span
from app.core.notes_format import ArticleRef, NotesDocument
from app.core.storage import NotesStore
from app.ui.library_models import BAR

TEXT = ("Magnesium is a mineral. Magnesium may help nerve pain. "
        "Buy Glucontrol today. Zinc is also a mineral.")
SPANS = [(0, 23), (24, 54), (55, 76), (77, 100)]


def write(path: Path, marks: list[tuple[int, str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(TEXT, encoding="utf-8")
    NotesStore(path).save(NotesDocument(ArticleRef(path.name), [
        annotation_for_span(TEXT, *SPANS[i], label=label, note=note) for i, label, note in marks]))


@pytest.fixture
def library_window(qtbot, tmp_path: Path):
    from app.ui.application import create_application
    from app.ui.library_window import LibraryWindow

    create_application()
    root = tmp_path / "reviews"
    write(root / "calm.txt", [(0, "supported", "textbook"), (1, "supported", "ok")])
    write(root / "shop" / "pushy.txt", [(2, "advertising", "sales pitch"),
                                        (3, "advertising", "another pitch")])
    write(root / "shop" / "unsure.txt", [(1, "uncertain", "hedge words")])
    window = LibraryWindow(tmp_path / "lib.sqlite3", choose_folder=lambda _start: str(root))
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.synced, timeout=30000):
        qtbot.mouseClick(window.add_button, Qt.MouseButton.LeftButton)
    yield window, root
    window.wait_for_sync()


def titles(window) -> list[str]:
    model = window.articles
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_articles_listed_and_sorted(library_window, qtbot) -> None:
    window, _root = library_window
    assert window.status.text() == "3 articles · 5 notes"
    assert len(titles(window)) == 3
    window.sort_box.setCurrentIndex(window.sort_box.findData("advertising"))
    assert Path(window.articles.entries[0].path).name == "pushy.txt"
    window.sort_box.setCurrentIndex(window.sort_box.findData("uncertain"))
    assert Path(window.articles.entries[0].path).name == "unsure.txt"
    window.sort_box.setCurrentIndex(window.sort_box.findData("folder"))
    assert Path(window.articles.entries[-1].path).parent.name == "shop"
    bar = window.articles.index(0, BAR)
    assert "unmarked" in bar.data() and window.article_view.visualRect(bar).width() > 0


def test_search_enter_opens_the_article_at_the_note(library_window, qtbot) -> None:
    window, root = library_window
    window.search_box.setFocus()
    qtbot.keyClicks(window.search_box, "pitch")
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.hit_view, timeout=3000)
    assert window.status.text() == "2 notes in 1 article"
    group = window.hits.index(0, 0)
    assert window.hits.rowCount(group) == 2 and "pushy" not in group.data()
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)  # to the first hit
    assert window.hit_view.hasFocus()
    with qtbot.waitSignal(window.openRequested) as opened:
        qtbot.keyClick(window.hit_view, Qt.Key.Key_Return)
    path, note_id = opened.args
    assert Path(path).name == "pushy.txt"
    assert note_id == window.hit_view.currentIndex().data(
        Qt.ItemDataRole.UserRole + 2).id
    window.label_box.setCurrentIndex(window.label_box.findData("uncertain"))
    assert window.status.text() == "No note matches “pitch”."
    window.search_box.clear()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.article_view, timeout=3000)


def test_an_edited_notes_file_shows_after_a_sync(library_window, qtbot) -> None:
    window, root = library_window
    write(root / "calm.txt", [(0, "uncertain", "second thoughts")])
    with qtbot.waitSignal(window.synced, timeout=30000):
        window.sync()
    window.search_box.setText("thoughts")
    window.run_search()
    assert window.status.text() == "1 note in 1 article"


def test_ctrl_l_then_enter_on_a_hit_opens_that_note_and_edits_reach_the_index(
        make_window, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.core.library import Library

    monkeypatch.delenv("CLAIMMARK_LIBRARY", raising=False)
    root = tmp_path / "reviews"
    write(root / "calm.txt", [(0, "supported", "textbook")])
    write(root / "shop" / "pushy.txt", [(1, "uncertain", "weasel"), (2, "advertising", "pitch")])
    with Library() as library:
        library.add([root])
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.focusWidget() is not None)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    shelf = window.library.window
    assert shelf is not None and shelf.isVisible()
    shelf.wait_for_sync()
    qtbot.keyClicks(shelf.search_box, "pitch")
    qtbot.keyClick(shelf.search_box, Qt.Key.Key_Return)
    hit = shelf.hit_view.currentIndex().data(Qt.ItemDataRole.UserRole + 2)
    assert hit.note == "pitch"
    with qtbot.waitSignal(window.articleReady, timeout=15000):
        qtbot.keyClick(shelf.hit_view, Qt.Key.Key_Return)
    assert Path(window.session.article.source_path).name == "pushy.txt"
    assert window.navigator.current_annotation_id() == hit.id
    assert window.view._current == SPANS[2]
    with qtbot.waitSignal(window.library.indexed, timeout=15000):
        qtbot.keyClick(window.view, Qt.Key.Key_1)  # the pitch re-marked as supported
    with Library() as library:
        assert [h.label for h in library.search("pitch")] == ["supported"]
    qtbot.waitUntil(lambda: "1 note in 1 article" in shelf.status.text(), timeout=5000)
    window.library.wait()


def test_edits_without_a_library_make_no_library_file(make_window, qtbot, sample_copy: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from app.core.library import default_library_path
    from tests.ui.conftest import open_article

    monkeypatch.delenv("CLAIMMARK_LIBRARY", raising=False)
    window = make_window()
    open_article(qtbot, window, sample_copy)
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    assert Path(str(sample_copy) + ".notes.json").exists()
    window.library.wait()
    assert not default_library_path().exists()


def test_down_from_the_search_box_goes_to_the_results(library_window, qtbot) -> None:
    window, root = library_window
    window.search_box.setFocus()
    qtbot.keyClick(window.search_box, Qt.Key.Key_Down)  # no search: the article list
    assert window.article_view.hasFocus() and window.article_view.currentIndex().row() == 0
    window.search_box.setFocus()
    qtbot.keyClicks(window.search_box, "pitch")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Down)
    assert window.hit_view.hasFocus()
    with qtbot.waitSignal(window.openRequested) as opened:
        qtbot.keyClick(window.hit_view, Qt.Key.Key_Return)
    assert Path(opened.args[0]).name == "pushy.txt" and opened.args[1]


def test_esc_clears_the_search_then_closes_the_window(library_window, qtbot) -> None:
    window, _root = library_window
    window.activateWindow()
    window.search_box.setFocus()
    qtbot.keyClicks(window.search_box, "pitch")
    window.run_search()
    assert window.pages.currentWidget() is window.hit_view
    qtbot.keyClick(window.search_box, Qt.Key.Key_Escape)
    assert window.search_box.text() == "" and window.isVisible()
    assert window.pages.currentWidget() is window.article_view  # every article again
    assert window.search_box.hasFocus()
    with qtbot.waitSignal(window.closed, timeout=2000):
        qtbot.keyClick(window.search_box, Qt.Key.Key_Escape)
    assert not window.isVisible()


def test_add_folder_starts_in_the_last_folder_added_else_home(qtbot, tmp_path: Path,
                                                             monkeypatch) -> None:
    from app.ui.application import create_application
    from app.ui.library_window import LibraryWindow

    create_application()
    monkeypatch.chdir(tmp_path)  # where claimmark was started: never the answer
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    first, second = tmp_path / "reviews", tmp_path / "more"
    write(first / "calm.txt", [(0, "supported", "textbook")])
    write(second / "other.txt", [(1, "uncertain", "hedge")])
    asked: list[str] = []
    answers = [str(first), str(second), None]

    def choose(start: str) -> str | None:
        asked.append(start)
        return answers[len(asked) - 1]

    for _ in range(2):  # the second window stands for the next run of claimmark
        window = LibraryWindow(tmp_path / "lib.sqlite3", choose_folder=choose)
        qtbot.addWidget(window)
        window.show()
        with qtbot.waitSignal(window.synced, timeout=30000):
            qtbot.mouseClick(window.add_button, Qt.MouseButton.LeftButton)
        window.wait_for_sync()
        window.close()
    window = LibraryWindow(tmp_path / "lib.sqlite3", choose_folder=choose)
    qtbot.addWidget(window)
    qtbot.mouseClick(window.add_button, Qt.MouseButton.LeftButton)  # Cancel: nothing kept
    assert asked == [str(tmp_path / "home"), str(first), str(second)]


def test_a_title_stored_with_a_header_mark_is_shown_clean(library_window, qtbot) -> None:
    """A row indexed before header-link marks were stripped keeps "Abstract¶"
    in the index until its notes change; the library shows it clean."""
    window, _root = library_window
    library = window.library
    with library.conn:
        library.conn.execute("UPDATE articles SET title = 'Abstract¶' WHERE path LIKE '%pushy.txt'")
        library.conn.execute("UPDATE articles SET title = 'C# in depth 🔗' "
                             "WHERE path LIKE '%calm.txt'")
    window._show_articles()
    shown = titles(window)
    assert "Abstract" in shown and "C# in depth" in shown
    assert not any("¶" in title or "🔗" in title for title in shown)
    window.search_box.setFocus()
    qtbot.keyClicks(window.search_box, "pitch")
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.hit_view, timeout=3000)
    assert window.hits.index(0, 0).data().startswith("Abstract —")


def test_a_folder_added_while_the_library_syncs_is_added_after(library_window, qtbot,
                                                               tmp_path: Path,
                                                               monkeypatch) -> None:
    """A second Add Folder during a sync was dropped without a word."""
    import threading

    from app.core import library as core_library

    window, _root = library_window
    more = tmp_path / "more"
    write(more / "late.txt", [(1, "uncertain", "added during a sync")])
    gate = threading.Event()
    real_sync = core_library.Library.sync

    def slow_sync(self, *args, **kwargs):  # the first sync waits until the add is asked
        gate.wait(5)
        return real_sync(self, *args, **kwargs)

    monkeypatch.setattr(core_library.Library, "sync", slow_sync)
    window.sync()
    window.add_paths([str(more)])
    gate.set()
    qtbot.waitUntil(lambda: "late.txt" in {Path(e.path).name for e in window.articles.entries},
                    timeout=10000)
    window.wait_for_sync()


def test_exports_in_a_folder_are_left_out_and_the_window_says_so(library_window, qtbot,
                                                                tmp_path: Path) -> None:
    """Tester T9: exports with names of their own were listed as articles."""
    from app.core.export import build_export_model, save_text_export
    from app.core.loaders import load_article

    window, root = library_window
    model = build_export_model(load_article(root / "calm.txt"), [], 4)
    save_text_export(model, "md", str(root / "out.md"))
    save_text_export(model, "html", str(root / "shop" / "review.html"))
    with qtbot.waitSignal(window.synced, timeout=30000):
        window.sync()
    assert len(titles(window)) == 3
    assert window.status.text() == ("3 articles · 5 notes · left out 2 claimmark exports "
                                    "(notes, not articles)")


def test_reopening_the_library_puts_the_keyboard_in_its_search(
        make_window, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tester T10 (F9): reopened, the Library window gave the keyboard back to
    the results it had last; a reader reopening it expects to type a search."""
    from app.core.library import Library

    monkeypatch.delenv("CLAIMMARK_LIBRARY", raising=False)
    root = tmp_path / "reviews"
    write(root / "shop" / "pushy.txt", [(1, "uncertain", "weasel"), (2, "advertising", "pitch")])
    with Library() as library:
        library.add([root])
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.focusWidget() is not None)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    shelf = window.library.window
    qtbot.waitUntil(shelf.search_box.hasFocus)
    shelf.wait_for_sync()
    qtbot.keyClicks(shelf.search_box, "pitch")
    qtbot.keyClick(shelf.search_box, Qt.Key.Key_Return)
    assert shelf.hit_view.hasFocus()
    shelf.close()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow() and window.focusWidget() is not None)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(shelf.search_box.hasFocus)
    shelf.wait_for_sync()
    qtbot.keyClicks(shelf.focusWidget(), "weasel")  # typed over the last search
    assert shelf.search_box.text() == "weasel"
    window.library.wait()


def test_ctrl_f_in_the_library_goes_to_its_search(library_window, qtbot) -> None:
    window, _root = library_window
    window.activateWindow()
    window.search_box.setFocus()
    qtbot.keyClicks(window.search_box, "pitch")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    assert window.hit_view.hasFocus()
    qtbot.keyClick(window.hit_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search_box.hasFocus() and window.search_box.selectedText() == "pitch"


def test_a_notes_file_without_its_article_is_named(library_window, qtbot) -> None:
    window, root = library_window
    (root / "calm.txt").rename(root / "calm-2026.txt")  # the article alone
    with qtbot.waitSignal(window.synced, timeout=30000):
        window.sync()
    assert window.status.text().endswith(
        "· ⚠ no article beside 1 notes file: calm.txt.notes.json")


def test_last_edited_is_shown_in_the_readers_time_zone(
        qapp, monkeypatch: pytest.MonkeyPatch) -> None:
    """A note's ``modified`` is UTC; shown as it was, 'Last edited' was hours off
    for a reader anywhere else."""
    import time

    from app.ui.library_models import local_time

    monkeypatch.setenv("TZ", "Asia/Kolkata")  # UTC+05:30, no summer time
    time.tzset()
    try:
        assert local_time("2026-11-27T15:56:45Z") == "2026-11-27 21:26:45"
        assert local_time("2026-11-27T23:00:00+01:00") == "2026-11-28 03:30:00"
        assert local_time("2026-11-27T15:56:45") == "2026-11-27 15:56:45"  # no zone: as written
        assert local_time("yesterday") == "yesterday"
    finally:
        monkeypatch.undo()
        time.tzset()


def test_a_moved_folder_is_named_in_the_status(library_window, qtbot) -> None:
    """Tester T13: the library's folder renamed, the window said the library
    was empty."""
    window, root = library_window
    root.rename(root.with_name("reviews-moved"))
    with qtbot.waitSignal(window.synced, timeout=30000):
        window.sync()
    assert "is empty" not in window.status.text()
    assert f"not found (moved or deleted?): {root}" in window.status.text()


def test_each_cell_of_an_article_row_says_its_own_column(library_window, qtbot) -> None:
    """Tester T13: a screen reader heard title and counts in every cell of a
    row, so the folder and the date were never read."""
    from app.ui.library_models import BAR, EDITED, FOLDER, TITLE

    window, root = library_window
    model = window.articles
    row = next(r for r in range(model.rowCount())
               if Path(model.entries[r].path).name == "pushy.txt")
    spoken = [model.index(row, column).data(Qt.ItemDataRole.AccessibleTextRole)
              for column in (TITLE, BAR, FOLDER, EDITED)]
    assert len(set(spoken)) == 4, spoken
    assert spoken[0].startswith(model.index(row, TITLE).data()) and "advertising" in spoken[1]
    assert spoken[2] == f"Folder {root / 'shop'}"
    assert spoken[3].startswith("Last edited ") and model.index(row, EDITED).data() in spoken[3]
