"""The window's parts: the session's narrow API, export in a worker with
progress and Cancel, recent files that tell two article.txt apart."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from app.core.annotations import annotation_for_span
from app.ui.recent_files import distinguishing_labels
from tests.ui.conftest import open_article


def test_the_session_hands_out_read_only_views(qtbot, make_window, sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    session = window.session
    [ident] = session.annotations
    with pytest.raises(TypeError):
        session.annotations[ident] = None
    with pytest.raises(TypeError):
        session.status[ident] = "orphaned"
    for name in ("article", "claims", "annotations", "status", "notes_problem"):
        with pytest.raises(AttributeError):
            setattr(session, name, None)
    assert isinstance(session.claims, tuple)


def test_a_change_through_the_session_is_saved_and_emitted(qtbot, make_window,
                                                           sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    session = window.session
    claim = session.claims[3]
    new = annotation_for_span(session.article.text, claim.start, claim.end, label="advertising")
    with qtbot.waitSignal(session.annotationChanged) as changed:
        session.put(new.id, new)
    assert changed.args == [new.id]
    saved = session.notes_path.read_text(encoding="utf-8")
    assert new.id in saved and '"advertising"' in saved


def big_article(folder: Path) -> Path:
    path = folder / "book.txt"
    sentence = "Magnesium may help some people with neuropathy, but the evidence is thin. "
    path.write_text("\n\n".join(sentence * 12 for _ in range(900)), encoding="utf-8")
    return path


def test_pdf_export_reports_percentages_in_a_worker(qtbot, make_window, dialogs,
                                                    tmp_path: Path) -> None:
    window = make_window()
    open_article(qtbot, window, big_article(tmp_path))
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    dialogs.choice = "PDF (.pdf)"
    seen: list[int] = []
    window.exports.progress.connect(seen.append)
    with qtbot.waitSignal(window.exported, timeout=60000) as blocker:
        window.actions["export"].trigger()
        assert window.cancel_export.isVisibleTo(window)  # Cancel shows while it runs
    assert Path(blocker.args[0]).read_bytes().startswith(b"%PDF")
    assert seen == sorted(seen) and seen[-1] == 100 and len(seen) > 3
    assert not window.cancel_export.isVisibleTo(window)
    assert window.actions["export"].isEnabled()


def test_cancelled_pdf_export_leaves_no_file(qtbot, make_window, dialogs,
                                             tmp_path: Path) -> None:
    window = make_window()
    article = big_article(tmp_path)
    open_article(qtbot, window, article)
    dialogs.choice = "PDF (.pdf)"
    before = sorted(p.name for p in tmp_path.iterdir())
    with qtbot.waitSignal(window.exports.cancelled, timeout=60000):
        window.actions["export"].trigger()
        qtbot.mouseClick(window.cancel_export, Qt.MouseButton.LeftButton)
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert "cancelled" in window.statusBar().currentMessage()
    assert window.actions["export"].isEnabled()


def test_export_to_an_unwritable_place_says_why(qtbot, make_window, dialogs,
                                                sample_copy: Path, tmp_path: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    dialogs.choice = "PDF (.pdf)"
    dialogs.save_answer = str(tmp_path / "no such folder" / "notes.pdf")
    with qtbot.waitSignal(window.exports.failed, timeout=30000):
        window.actions["export"].trigger()
    [error] = [c for c in dialogs.calls if c[0] == "error"]
    assert error[1] == "Export failed" and "notes.pdf" in error[2]


def test_recent_files_tell_two_article_txt_apart(qtbot, make_window, tmp_path: Path) -> None:
    paths = []
    for folder in ("blog", "news"):
        (tmp_path / folder).mkdir()
        path = tmp_path / folder / "article.txt"
        path.write_text(f"A claim from the {folder}. Another one.\n", encoding="utf-8")
        paths.append(path)
    window = make_window()
    for path in paths:
        open_article(qtbot, window, path)
    titles = [a.text() for a in window.recent_menu.actions()]
    assert titles == ["article.txt — …/news", "article.txt — …/blog"]
    assert [a.toolTip() for a in window.recent_menu.actions()] == [str(p) for p in
                                                                  reversed(paths)]


folders = st.lists(st.sampled_from(["a", "b", "home", "docs", "x y"]), min_size=0, max_size=4)
names = st.sampled_from(["article.txt", "notes.md", "b"])


@given(st.lists(st.tuples(folders, names), max_size=8))
def test_recent_labels_are_unique_for_unique_paths(entries: list[tuple[list[str], str]]) -> None:
    paths = list(dict.fromkeys("/" + "/".join([*f, n]) for f, n in entries))
    labels = distinguishing_labels(paths)
    assert len(set(labels)) == len(paths)
    for path, label in zip(paths, labels, strict=True):
        assert label.startswith(Path(path).name)


def test_a_loader_deleted_mid_job_stops_quietly(qtbot, sample_copy: Path) -> None:
    """A window closed while its article is still being split: the worker's
    next signal has no source any more; it must stop, not raise in its thread
    (pytest turns an exception in a thread into a failure)."""
    import shiboken6

    from app.ui.loader import ArticleLoader

    reached = threading.Event()
    release = threading.Event()

    def slow_suggester(article: object, claims: object) -> dict[int, object]:
        reached.set()
        release.wait(5)
        return {}

    loader = ArticleLoader(suggester=slow_suggester)
    loader.first_paint_done.set()
    loader.start(str(sample_copy))
    assert reached.wait(10)
    shiboken6.delete(loader)  # the C++ object goes, as with a closed window
    release.set()
    for thread in list(loader._threads):
        thread.join(10)
        assert not thread.is_alive()


def test_an_open_article_is_settled_out_of_full_collections_until_the_next_open(
        qtbot, make_window, sample_copy: Path, tmp_path: Path) -> None:
    """Once an article is open its objects sit in the collector's permanent
    generation (no full collection walks them while the reader works); asking
    for another article gives them back, so the old one's cycles are freed."""
    import gc

    window = make_window()
    open_article(qtbot, window, sample_copy)
    assert gc.get_freeze_count() > 0
    other = tmp_path / "other.txt"
    other.write_text("A second article. It has two claims.", encoding="utf-8")
    with qtbot.waitSignal(window.articleReady, timeout=15000):
        window.open_path(str(other))
        assert gc.get_freeze_count() == 0, "the first article's objects were not given back"
    assert gc.get_freeze_count() > 0


def test_opening_another_article_leaves_nothing_of_the_last_one_on_show(
        qtbot, make_window, sample_copy: Path, tmp_path: Path) -> None:
    """While the next article loads and once it is open: no label lit, no notes
    file of the last article named, no search of the last article applied."""
    window = make_window()
    open_article(qtbot, window, sample_copy)
    window.search_box.setText("magnesium")
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    assert window.editor.label_buttons["uncertain"].isChecked()
    assert window.notes_location.text()
    other = tmp_path / "other.txt"
    other.write_text("A second article. It has two claims.", encoding="utf-8")
    seen: list[tuple[list[bool], str, str]] = []
    window.documents.loader.articleLoaded.connect(lambda *_: seen.append((
        [b.isChecked() for b in window.editor.label_buttons.values()],
        window.notes_location.text(), window.search_box.text())))
    open_article(qtbot, window, other)
    assert seen and seen[0] == ([False] * 4, "", "")
    assert window.search_box.text() == ""
    assert "other.txt.notes.json" in window.notes_location.text()
    assert window.proxy.rowCount() == 2


def test_menu_letters_are_not_claim_keys_and_not_taken_twice(make_window) -> None:
    """Tester T10: Alt+H then K did nothing (K is the previous-claim key), and
    the Claims menu underlined A and N twice. Left: S for both Mark Supported
    and Accept All Suggestions (whose title other tests name)."""
    import re

    window = make_window()
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        letters = [m.group(1).lower() for a in menu.actions()
                   if (m := re.search(r"&(\w)", a.text()))]
        assert not {"j", "k"} & set(letters), menu.title()
        repeated = {letter for letter in letters if letters.count(letter) > 1}
        assert repeated <= {"s"}, (menu.title(), repeated)
