"""A labelled claim of a big document keeps its tint through a reload (tester T15,
F6: the last sentence of the Rust book kept its focus frame but lost its vermillion
for 20+ s after a reload, also after scrolling away and back; the list jumped to the
top). The view's scroll position was handed to the highlights' refresh timer as its
interval: at 779,307 px the tint came back 13 minutes later. And a second change
noticed while the first was read (a file written in two goes) took the half-shown
page's place as the reader's: the top, nothing current."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject

from tests.ui.conftest import open_article


def _book(tmp_path: Path) -> Path:
    path = tmp_path / "book.txt"
    path.write_text("\n\n".join(f"Paragraph {n} says a thing about tea. It has a second "
                                f"sentence too." for n in range(5000)), encoding="utf-8")
    return path


def _tinted(window, start: int, end: int) -> bool:
    view = window.view
    s16, e16 = view.positions.to_utf16(start), view.positions.to_utf16(end)
    return any(sel.cursor.selectionStart() <= s16 and sel.cursor.selectionEnd() >= e16
               and sel.format.background().style().value != 0
               for sel in view.extraSelections())


def _last_labelled(qtbot, window) -> None:
    window.navigator.select_row(len(window.session.claims) - 1)
    window.annotator.apply_label("advertising")
    claim = window.session.claims[-1]
    qtbot.waitUntil(lambda: _tinted(window, claim.start, claim.end), timeout=5000)


class _Paints(QObject):
    """What each paint of the view showed: (scroll position, last claim tinted)."""

    def __init__(self, window) -> None:
        super().__init__()
        self.window = window
        self.seen: list[tuple[int, bool]] = []

    def eventFilter(self, watched, event):  # noqa: N802 (Qt override)
        session = self.window.session
        if event.type() == QEvent.Type.Paint and session is not None and session.claims:
            claim = session.claims[-1]
            self.seen.append((self.window.view.verticalScrollBar().value(),
                              _tinted(self.window, claim.start, claim.end)))
        return False


def test_a_reload_keeps_the_tint_from_its_first_paint(qtbot, make_window,
                                                      tmp_path: Path) -> None:
    window = make_window()
    path = _book(tmp_path)
    open_article(qtbot, window, path)
    _last_labelled(qtbot, window)
    place = window.view.verticalScrollBar().value()
    assert place > 10_000
    path.write_text("Inserted paragraph at the top. Buy now!\n\n"
                    + path.read_text(encoding="utf-8"), encoding="utf-8")
    paints = _Paints(window)
    window.view.viewport().installEventFilter(paints)
    with qtbot.waitSignal(window.articleReady, timeout=30000):  # the file watcher's reload
        pass
    claim = window.session.claims[-1]
    assert window.session.annotations, "the label came through the reload"
    assert _tinted(window, claim.start, claim.end), "no tint once the reload is done"
    qtbot.waitUntil(lambda: any(scroll == place for scroll, _ in paints.seen), timeout=5000)
    back = [tinted for scroll, tinted in paints.seen if scroll == place]
    assert all(back), f"painted back in place without the tint: {paints.seen[-6:]}"
    assert window.list.currentIndex().row() == len(window.session.claims) - 1


def test_scrolling_far_brings_the_tint_at_once(qtbot, make_window, tmp_path: Path) -> None:
    window = make_window()
    open_article(qtbot, window, _book(tmp_path))
    _last_labelled(qtbot, window)
    claim = window.session.claims[-1]
    bar = window.view.verticalScrollBar()
    end = bar.value()
    bar.setValue(0)
    qtbot.waitUntil(lambda: not _tinted(window, claim.start, claim.end), timeout=2000)
    bar.setValue(end)
    qtbot.waitUntil(lambda: _tinted(window, claim.start, claim.end), timeout=1000)
    bar.setValue(end - 40)  # a small scroll: refreshed after this turn, not in minutes
    qtbot.waitUntil(lambda: not window.view._visible_timer.isActive(), timeout=1000)
    assert _tinted(window, claim.start, claim.end)


def test_a_change_noticed_during_a_reload_keeps_the_readers_place(qtbot, make_window,
                                                                  tmp_path: Path) -> None:
    window = make_window()
    path = _book(tmp_path)
    open_article(qtbot, window, path)
    _last_labelled(qtbot, window)
    place = window.view.verticalScrollBar().value()
    documents = window.documents
    with qtbot.waitSignal(window.articleReady, timeout=30000):
        documents.reload("The article changed on disk: reloading…", "reloaded from disk")
        qtbot.waitSignal(documents.loader.articleLoaded, timeout=10000).wait()
        documents.reload("The article changed on disk: reloading…", "reloaded from disk")
    last = len(window.session.claims) - 1
    assert window.list.currentIndex().row() == last
    assert window.view.verticalScrollBar().value() == place
    claim = window.session.claims[-1]
    assert _tinted(window, claim.start, claim.end)
