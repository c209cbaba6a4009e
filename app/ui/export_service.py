"""File ▸ Export…: choose a format and a file, then write it in a worker thread
with a percentage and Cancel, so the window never stalls (a book's PDF takes
seconds).

The worker gets a snapshot (the article is immutable; the annotations and their
statuses are copied), so the reader may go on editing while it runs.

Signals:
    started(str): the file being written.
    progress(int): percent done.
    finished(str): the export was written to this path (``outcome`` says it
        in words, with the notes the format left out).
    failed(str): a one-line reason; nothing was written.
    cancelled(): the reader cancelled; nothing was written.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from app.core.anchoring import Status
from app.core.annotations import Annotation
from app.core.article import Article
from app.core.claims import Claim
from app.ui import settings
from app.ui.dialogs import DialogService
from app.ui.session import ArticleSession

log = logging.getLogger(__name__)

FORMAT_CHOICES = {"Markdown (.md)": "md", "HTML (.html)": "html", "PDF (.pdf)": "pdf",
                  "CSV for spreadsheets (.csv)": "csv",
                  "W3C Web Annotation (.jsonld)": "jsonld",
                  "schema.org ClaimReview (.json)": "claimreview"}
HTML_SHARE = 10  # percent of a PDF export done once its HTML is built
LAYOUT_SHARE = 30  # … and once Qt has laid it out in pages


@dataclass(frozen=True)
class ExportJob:
    """Everything an export needs, independent of the live session."""

    article: Article
    annotations: tuple[Annotation, ...]
    claims: tuple[Claim, ...]
    status: dict[str, Status]
    fmt: str
    path: str
    author: str | None = None

    @classmethod
    def of(cls, session: ArticleSession, fmt: str, path: str,
           author: str | None = None) -> ExportJob:
        return cls(session.article, tuple(session.annotations.values()), session.claims,
                   dict(session.status), fmt, path, author)


def run_export(job: ExportJob, report: ProgressReport | None = None) -> str:
    """Write ``job``; OSError on failure, ExportCancelled when cancelled.

    Returns which notes the format left out and why ("" when none).
    """
    from app.core.export import build_export_model, left_out, save_text_export
    from app.core.make_way import MakeWay

    model = build_export_model(job.article, list(job.annotations), job.claims,
                               status=job.status, author=job.author)
    # The window's thread gets the interpreter at least every few milliseconds
    # (each note's sanitising lets go of it and takes it straight back, which
    # kept the window waiting 50-90 ms; core/make_way.py).
    make_way = MakeWay()
    if job.fmt != "pdf":
        save_text_export(model, job.fmt, job.path, make_way)
        return left_out(model, job.fmt)
    from app.core.export.html_export import to_html
    from app.ui.pdf_worker import write_pdf_in_child

    html_text = to_html(model, make_way)
    if report is not None:
        report.percent(HTML_SHARE)
    write_pdf_in_child(html_text, job.path, title=job.article.title,
                       progress=report.pages if report else None,
                       cancelled=report.cancelled if report else None)
    return left_out(model, job.fmt)


class ProgressReport:
    """The worker's side of the progress bar and the Cancel button."""

    def __init__(self, service: ExportService, stop: threading.Event) -> None:
        self._service = service
        self._stop = stop
        self._last = -1

    def percent(self, value: int) -> None:
        if value != self._last:
            self._last = value
            self._service.progress.emit(value)

    def pages(self, done: int, total: int) -> None:
        if not total:  # laid out, no page painted yet
            self.percent(LAYOUT_SHARE)
        else:
            self.percent(LAYOUT_SHARE + (100 - LAYOUT_SHARE) * done // total)

    def cancelled(self) -> bool:
        return self._stop.is_set()


class _ExportThread(QThread):
    """A QThread, not a Python thread: the QTextDocument's layout wants an event
    dispatcher in its thread, which only a QThread brings."""

    def __init__(self, service: ExportService, job: ExportJob, report: ProgressReport) -> None:
        super().__init__(service)
        self._service = service
        self._job = job
        self._report = report

    def run(self) -> None:
        self._service._run(self._job, self._report)


class ExportService(QObject):
    started = Signal(str)
    progress = Signal(int)
    finished = Signal(str)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, dialogs: DialogService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._dialogs = dialogs
        self._thread: _ExportThread | None = None
        self._stop = threading.Event()
        # Busy from start() until the outcome is handled here, in the window's
        # thread (connected first, so before any other slot): the worker may
        # still be returning from run() when the window hears "finished", and
        # an Export asked for then must not be dropped (it was, silently).
        self._running = False
        self._left_out = ""  # of the last export written
        for outcome in (self.finished, self.failed, self.cancelled):
            outcome.connect(self._outcome_handled)

    @property
    def busy(self) -> bool:
        return self._running

    def _outcome_handled(self) -> None:
        self._running = False

    def outcome(self, path: str) -> str:
        """What the last export did, in words: where it went and what it left out."""
        return f"Exported to {path}" + (f"; {self._left_out}" if self._left_out else "")

    def export_notes(self, session: ArticleSession | None) -> None:
        """Ask for a format and a file, then start writing."""
        if session is None or self.busy:
            return
        choice = self._dialogs.choose("Export notes", "Export this article's notes as:",
                                      list(FORMAT_CHOICES), settings.get(settings.EXPORT_FORMAT))
        if choice is None:
            return
        settings.put(settings.EXPORT_FORMAT, choice)
        fmt = FORMAT_CHOICES[choice]
        from app.core.export import SUFFIXES
        from app.core.paths import EXPORT_ENDING

        article_path = Path(session.article.source_path)
        suggested = str(article_path.with_name(article_path.stem + EXPORT_ENDING + SUFFIXES[fmt]))
        path = self._dialogs.save_path("Export notes", suggested, f"{choice} (*{SUFFIXES[fmt]})")
        if not path:
            return
        from app.core.paths import export_clash

        clash = export_clash(session.article.source_path, path)
        if clash:
            self.failed.emit(f"{clash}; nothing was written")
            return
        self.start(ExportJob.of(session, fmt, path, settings.get(settings.AUTHOR) or None))

    def start(self, job: ExportJob) -> None:
        self._stop = threading.Event()
        report = ProgressReport(self, self._stop)
        if self._thread is not None:
            self._thread.wait()
            self._thread.deleteLater()
        self._thread = _ExportThread(self, job, report)
        self._running = True
        self.started.emit(job.path)
        self._thread.start()

    def cancel(self) -> None:
        self._stop.set()

    def wait(self, timeout: float = 30.0) -> None:
        if self._thread is not None:
            self._thread.wait(int(timeout * 1000))

    def _run(self, job: ExportJob, report: ProgressReport) -> None:
        from app.ui.pdf_export import ExportCancelled

        try:
            left_out = run_export(job, report)
        except ExportCancelled:
            log.info("export to %s cancelled", job.path)
            self.cancelled.emit()
        except OSError as error:
            log.warning("export to %s failed", job.path, exc_info=True)
            self.failed.emit(f"Cannot write {job.path}: {error.strerror or error}")
        except Exception as error:  # noqa: BLE001 - a worker must report, never die silently
            log.exception("export to %s failed", job.path)
            self.failed.emit(f"Export failed: {type(error).__name__}: {error}")
        else:
            self._left_out = left_out
            self.finished.emit(job.path)

    def set_author(self) -> None:
        from app.core.export.model import default_author

        current = settings.get(settings.AUTHOR) or default_author()
        name = self._dialogs.ask_text("Author name", "Your name, as the reviewer in "
                                      "ClaimReview exports:", current)
        if name is not None:
            settings.put(settings.AUTHOR, name.strip())
