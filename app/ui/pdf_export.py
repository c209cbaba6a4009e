"""PDF: the HTML export laid out and painted by Qt (no browser engine, no network).

The QTextDocument and the QPdfWriter are created, used and dropped in the
calling thread, and no widget is touched. The pages are painted one by one so
a caller can follow the progress and cancel between pages.

The window runs this module as a child process (``python -m
app.ui.pdf_export``, see ``pdf_worker.py``): Qt's HTML parsing and layout of
a book take seconds in single calls that hold Python's GIL, which would
freeze the window even from a worker thread.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QMarginsF, QRectF, QSizeF, QUrl
from PySide6.QtGui import (
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from app.core.export_mark import PDF_CREATOR
from app.core.prefetch import die_with

RESOLUTION = 300  # dots per inch
PARENT_ENV = "CLAIMMARK_EXPORT_PARENT"  # the window's pid: the child dies with it
MARGIN_CM = 2.0  # what QTextDocument.print_ used to add
# Qt's text layout reads frame margins in CSS pixels (1/96 inch) and scales them
# to the paint device: a margin given in the writer's 300-dpi dots came out
# 3.1 times too wide (6.2 cm each side, a 8 cm column on A4).
CSS_PIXELS_PER_INCH = 96

Progress = Callable[[int, int], None]  # pages done, pages in all (0, 0: laid out)
Cancelled = Callable[[], bool]


class ExportCancelled(Exception):
    """The reader cancelled the export; nothing was written."""


def ensure_gui_application() -> QGuiApplication:
    """PDF needs fonts, so a (possibly offscreen) QGuiApplication must exist."""
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication):
        return app
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QGuiApplication(["claimmark"])


class _OfflineDocument(QTextDocument):
    """A QTextDocument that never loads any resource."""

    def loadResource(self, kind: int, name: QUrl | str) -> object:  # noqa: N802 (Qt override)
        return None


def write_pdf(html_text: str, path: str | Path, title: str = "",
              progress: Progress | None = None, cancelled: Cancelled | None = None) -> None:
    """Lay out ``html_text`` on A4 pages and write them to ``path``.

    Raises OSError when the file cannot be written and ExportCancelled when
    ``cancelled()`` turned true; either way no partial file is left behind.
    """
    ensure_gui_application()
    target = Path(path)
    partial = target.with_name(f".{target.name}.{os.getpid()}.part")
    with open(partial, "wb"):  # a clear OSError (no such folder, no permission) first
        pass
    try:
        _paint(html_text, partial, title, progress, cancelled)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def _paint(html_text: str, path: Path, title: str, progress: Progress | None,
           cancelled: Cancelled | None) -> None:
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator(PDF_CREATOR)  # the library knows its own exports by it
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter))
    document = _OfflineDocument()
    try:
        _lay_out_and_print(document, writer, html_text, path, progress, cancelled)
    finally:
        # Deleted here, in the thread that made them, whatever happened.
        shiboken6.delete(document)
        shiboken6.delete(writer)


def _sizes_as_written(document: QTextDocument) -> None:
    """Headings in the sizes the style sheet gives them. Qt marks the text of an
    <h1>…<h6> with a size step too, and on a paint device the step wins, taken from
    the document's 9-point default font: an <h3> came out at 10.8 pt under 12-point
    paragraphs, and claimmark read its own export's headings as claims."""
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                char_format = fragment.charFormat()
                char_format.clearProperty(QTextFormat.Property.FontSizeAdjustment)
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position())
                cursor.setPosition(fragment.position() + fragment.length(),
                                   QTextCursor.MoveMode.KeepAnchor)
                cursor.setCharFormat(char_format)
                it += 1
        block = block.next()


def _lay_out_and_print(document: QTextDocument, writer: QPdfWriter, html_text: str, path: Path,
                       progress: Progress | None, cancelled: Cancelled | None) -> None:
    # Code lines wrap because the HTML's <pre> is pre-wrap (white-space: pre
    # made them run off the page); Qt breaks a URL or any unbroken string wider
    # than the line by itself.
    document.setHtml(html_text)
    _sizes_as_written(document)
    if cancelled is not None and cancelled():
        raise ExportCancelled
    document.documentLayout().setPaintDevice(writer)
    page = writer.pageLayout().fullRectPixels(RESOLUTION)
    width, height = float(page.width()), float(page.height())
    document.setPageSize(QSizeF(width, height))
    frame = document.rootFrame().frameFormat()
    frame.setMargin(CSS_PIXELS_PER_INCH * MARGIN_CM / 2.54)
    document.rootFrame().setFrameFormat(frame)
    pages = document.pageCount()
    if progress is not None:
        progress(0, 0)
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write {path.name}")
    try:
        for number in range(pages):
            if cancelled is not None and cancelled():
                raise ExportCancelled
            if number:
                writer.newPage()
            painter.save()
            painter.translate(0, -number * height)
            document.drawContents(painter, QRectF(0, number * height, width, height))
            painter.restore()
            if progress is not None:
                progress(number + 1, pages)
    finally:
        painter.end()


def main(argv: list[str]) -> int:
    """The child process: ``HTML_FILE PDF_FILE TITLE``; prints ``done total``
    per page (``0 0`` once laid out); exit 2 with one line on stderr on failure."""
    html_path, pdf_path, title = argv
    die_with(int(os.environ.get(PARENT_ENV) or os.getppid()))  # not left running (T13)
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # printing needs fonts, not a display
    if hasattr(os, "nice"):
        os.nice(5)  # a background job: the reader's window comes first
    ensure_gui_application()

    shown = [-1]

    def report(done: int, total: int) -> None:
        # One line per percent, not per page: the window's side wakes per line.
        percent = 100 * done // total if total else -1
        if percent != shown[0] or done == total:
            shown[0] = percent
            print(done, total, flush=True)

    try:
        _paint(Path(html_path).read_text(encoding="utf-8"), Path(pdf_path), title, report, None)
    except OSError as error:
        print(f"cannot write {pdf_path}: {error.strerror or error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
