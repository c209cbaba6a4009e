"""While a saved page is read (before its first paint) the window's progress bar
moves: the tester saw only "Opening rustbook.html…" for 15-30 s (F11)."""

from __future__ import annotations

from pathlib import Path

from app.ui.loader import ArticleLoader

PARAGRAPH = ("<p>Zinc supports the immune system, and a varied diet gives most people "
             "all they need.</p>\n")


def test_a_page_reports_progress_before_it_is_shown(qtbot, tmp_path: Path) -> None:
    page = tmp_path / "zinc.html"
    page.write_text("<html><head><title>Zinc</title></head><body><main><h1>Zinc</h1>"
                    + PARAGRAPH * 300 + "</main></body></html>", encoding="utf-8")
    loader = ArticleLoader()
    events: list[str] = []
    loader.progress.connect(lambda _g, done, total: events.append(f"progress {done}/{total}"))
    loader.articleLoaded.connect(lambda *_: events.append("loaded"))
    loader.first_paint_done.set()
    with qtbot.waitSignal(loader.claimsReady, timeout=15000):
        loader.start(str(page))
    loader.wait()
    before = events[:events.index("loaded")]
    assert len(before) >= 4, events[:8]
    assert all(event.startswith("progress") for event in before)
    assert before[0] == "progress 0/1", "the bar is not shown at once"

