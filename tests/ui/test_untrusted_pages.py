"""An untrusted page can fetch nothing, run nothing and read nothing outside its folder."""

from __future__ import annotations

import base64
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument

from tests.ui.conftest import open_article

PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAY"
                       "AAjCB0C8AAAAASUVORK5CYII=")


class Recorder(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self) -> None:  # noqa: N802
        Recorder.requests.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(PNG)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    Recorder.requests = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def tracking_page(base: str) -> str:
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Tracked</title>
<link rel="stylesheet" href="{base}/style.css">
<style>@import url({base}/import.css); body {{ background: url({base}/bg.png); }}</style>
<script src="{base}/script.js"></script></head><body><article>
<h1>A page that tries to phone home</h1>
<p>Magnesium may help some people. <img src="{base}/pixel.gif" width="1" height="1"></p>
<img src="{base}/hero.png" alt="hero">
<div style="background-image:url({base}/div-bg.png)">Styled text is here.</div>
<iframe src="{base}/frame.html"></iframe>
<video poster="{base}/poster.jpg" src="{base}/video.mp4"></video>
<p>Click <a href="{base}/link">this link</a> only if you want to.</p>
<img src="local.png" alt="local figure">
</article></body></html>"""


def test_a_tracking_page_makes_zero_requests(qtbot, make_window, tmp_path: Path,
                                             server: str) -> None:
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "local.png").write_bytes(PNG)
    page = folder / "tracked.html"
    page.write_text(tracking_page(server))
    window = make_window()
    open_article(qtbot, window, page)
    assert "phone home" in window.session.article.text
    bar = window.view.verticalScrollBar()
    for value in range(bar.minimum(), bar.maximum() + 1, max(1, bar.pageStep())):
        bar.setValue(value)
        window.view.viewport().repaint()
    for _ in range(5):
        qtbot.keyClick(window.view, "j")
    window.view.grab()
    for name in ("HTML (.html)", "PDF (.pdf)"):
        window.dialogs.choice = name
        with qtbot.waitSignal(window.exported, timeout=30000) as blocker:
            window.actions["export"].trigger()
        assert Path(blocker.args[0]).stat().st_size > 0
    qtbot.wait(300)
    assert Recorder.requests == []


def test_resources_resolve_only_locally(make_window, tmp_path: Path, server: str) -> None:
    window = make_window()
    view = window.view
    view.base_dir = str(tmp_path)
    (tmp_path / "ok.png").write_bytes(PNG)
    kind = QTextDocument.ResourceType.ImageResource.value
    local = view.loadResource(kind, QUrl("ok.png"))
    assert isinstance(local, QImage) and local.size().width() == 1
    remote = view.loadResource(kind, QUrl(f"{server}/pixel.gif"))
    assert isinstance(remote, QImage) and remote.width() == 160  # the placeholder
    assert view.loadResource(QTextDocument.ResourceType.StyleSheetResource.value,
                             QUrl(f"{server}/x.css")) == ""
    assert Recorder.requests == []


def test_in_page_links_scroll_to_their_heading(qtbot, make_window, tmp_path: Path) -> None:
    article = tmp_path / "long.md"
    filler = "\n\n".join(f"Paragraph {i} says something about magnesium." for i in range(80))
    article.write_text(f"# Top\n\n[Jump to the end](#the-end)\n\n{filler}\n\n## The end\n\nDone.\n")
    window = make_window()
    open_article(qtbot, window, article)
    bar = window.view.verticalScrollBar()
    assert bar.value() == 0
    window.links.activate(QUrl("#the-end"))
    assert bar.value() > 0


def test_no_main_article_is_said_in_the_status_bar(qtbot, make_window, tmp_path: Path) -> None:
    from app.core.load_html import NO_ARTICLE_NOTICE

    page = tmp_path / "list.html"
    page.write_text("<html><body><ul><li>one</li><li>two</li></ul></body></html>")
    window = make_window()
    open_article(qtbot, window, page)
    assert NO_ARTICLE_NOTICE in window.statusBar().currentMessage()
    assert window.session.article.text == "one\ntwo"


def test_too_deep_a_page_is_said_in_the_status_bar(qtbot, make_window, tmp_path: Path) -> None:
    from app.core.load_html import DEEP_NESTING_NOTICE

    page = tmp_path / "deep.html"
    page.write_text("<html><body>" + "<div>" * 400 + "Deep text here."
                    + "</div>" * 400 + "</body></html>")
    window = make_window()
    open_article(qtbot, window, page)
    assert DEEP_NESTING_NOTICE in window.statusBar().currentMessage()
    assert window.session.article.text == "Deep text here."
