"""Loading an article and splitting its claims off the UI thread.

Signals (delivered in the UI thread, tagged with the job's generation so a
superseded job is ignored):
    articleLoaded(int, object): the Article, ready for first paint. A PDF of
        more than one page sends it twice: its first page, then all of it.
    progress(int, int, int): generation, characters done, total.
    claimsReady(int, object, object, object): the claims, the suggestions
        (dict claim index → Suggestion; empty when there is no suggester) and
        the notes read and anchored ahead (app.core.notes_ahead; None when
        reading them failed here: the window reads them itself).
    failed(int, str): a one-line reason.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from app.core.article import Article, LoadError
from app.core.claims import Claim, find_claims
from app.core.gc_pause import collector_paused, settle_long_lived
from app.core.notes_ahead import NotesAhead, read_ahead
from app.core.prefetch import Prefetch

log = logging.getLogger(__name__)

FIRST_PDF_PAGES = 1  # a PDF's first paint: this many pages, then the rest
FIRST_PAINT_WAIT = 1.0  # seconds; never wait longer than this for the UI

Suggester = Callable[[Article, list[Claim]], dict[int, Any]]


class ArticleLoader(QObject):
    articleLoaded = Signal(int, object)
    progress = Signal(int, int, int)
    claimsReady = Signal(int, object, object, object)
    failed = Signal(int, str)

    def __init__(self, suggester: Suggester | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.generation = 0
        self.suggester = suggester
        self._threads: list[threading.Thread] = []
        # The UI thread sets this once the article's first screen is painted:
        # splitting waits for it so the two do not fight over the interpreter.
        self.first_paint_done = threading.Event()
        # What a child process read of the file named on the command line
        # (app.core.prefetch): used by the first job if it opens that file.
        self.prefetched: Prefetch | None = None

    def start(self, path: str, encoding: str | None = None) -> int:
        """Begin loading ``path`` (in the ``encoding`` the reader chose, else
        detected); returns the job's generation."""
        self.generation += 1
        generation = self.generation
        self.first_paint_done.clear()
        prefetch, self.prefetched = self.prefetched, None
        if prefetch is not None and (prefetch.path != path or encoding is not None):
            prefetch.close()  # it read the file in the encoding it detected
            prefetch = None
        thread = threading.Thread(target=self._run, args=(path, generation, prefetch, encoding),
                                  name=f"claimmark-load-{generation}", daemon=True)
        self._threads = [t for t in self._threads if t.is_alive()]
        self._threads.append(thread)
        thread.start()
        return generation

    def cancel(self) -> None:
        self.generation += 1
        self.first_paint_done.set()

    def wait(self, timeout: float = 10.0) -> None:
        for thread in self._threads:
            thread.join(timeout)

    def _send(self, signal: Any, generation: int, *args: object) -> bool:
        """Emit ``signal`` from the worker unless the job was superseded or the
        window that owned this loader is gone (its C++ object deleted while the
        thread was still reading); False means: stop working."""
        if generation != self.generation:
            return False
        try:
            signal.emit(generation, *args)
        except RuntimeError:  # "Signal source has been deleted"
            log.debug("loader gone before job %d finished", generation)
            self.generation += 1
            return False
        return True

    def _run(self, path: str, generation: int, prefetch: Prefetch | None = None,
             encoding: str | None = None) -> None:
        try:
            self._work(path, generation, prefetch, encoding)
        finally:
            if prefetch is not None:
                prefetch.close()  # a superseded job leaves no child behind

    def _work(self, path: str, generation: int, prefetch: Prefetch | None,
              encoding: str | None = None) -> None:
        def report(done: int, total: int) -> bool:
            return self._send(self.progress, generation, done, total)

        try:
            article = prefetch.article() if prefetch is not None else None
            if article is None:
                article = self._load(path, generation, report, encoding)
        except LoadError as error:
            log.info("cannot open %s: %s", path, error)
            self._send(self.failed, generation, str(error))
            return
        except Exception as error:  # noqa: BLE001 - a bad file must never crash the app
            log.exception("loading %s failed", path)
            self._send(self.failed, generation,
                       f"cannot open {path}: {type(error).__name__}: {error}")
            return
        if article is None or not self._send(self.articleLoaded, generation, article):
            return
        self.first_paint_done.wait(FIRST_PAINT_WAIT)
        # No collection while the claims, suggestions and notes are made, and
        # they are settled out of the collector's runs before it is back on: a
        # full collection in this thread holds the interpreter from start to end
        # (a 3 MB book: 16 and 38 ms, the window's longest stall; session 15 — S).
        with collector_paused():
            try:
                found = self._claims(article, generation, prefetch, report)
            except Exception as error:  # noqa: BLE001
                log.exception("splitting %s into claims failed", path)
                self._send(self.failed, generation,
                           f"cannot split claims: {type(error).__name__}: {error}")
                return
            finally:
                settle_long_lived()
            if found is None:
                return
            ahead = self._notes_ahead(article)  # pauses and settles as well
        self._send(self.claimsReady, generation, *found, ahead)

    def _claims(self, article: Article, generation: int, prefetch: Prefetch | None,
                report: Callable[[int, int], bool]) -> tuple[list[Claim], dict[int, Any]] | None:
        """The claims and suggestions (a prefetch's if it has them); None if the
        job was superseded meanwhile."""
        finish = self._search_ahead(article) if prefetch is None else None
        try:
            found = prefetch.claims() if prefetch is not None else None
            if found is None:
                claims = find_claims(article, report)
                if generation != self.generation:
                    return None
                found = claims, self.suggester(article, claims) if self.suggester else {}
            return found
        finally:
            if finish is not None:
                finish()

    def _search_ahead(self, article: Article) -> Callable[[], None] | None:
        """Let a suggester that can (``suggest_bridge.CoreSuggester``) start on
        the article while its claims are split; what to call once done."""
        start = getattr(self.suggester, "search_ahead", None)
        if start is None:
            return None
        try:
            finish: Callable[[], None] = start(article)
        except Exception:  # noqa: BLE001 - the suggester then searches by itself
            log.exception("starting the cue search ahead failed")
            return None
        return finish

    @staticmethod
    def _notes_ahead(article: Article) -> NotesAhead | None:
        try:
            return read_ahead(Path(article.source_path), article.text)
        except Exception:  # noqa: BLE001 - the window reads the notes itself then
            log.exception("reading the notes of %s ahead failed", article.source_path)
            return None

    def _load(self, path: str, generation: int, report: Callable[[int, int], bool],
              encoding: str | None = None) -> Article | None:
        """The article. A long PDF is shown by its first page at once (articleLoaded),
        then read whole here with progress per page; None if cancelled meanwhile."""
        if Path(path).suffix.lower() != ".pdf":
            # Imported here, in the worker: the readers and their expressions
            # are not needed before the first article (a prefetch read it).
            report(0, 1)  # the bar at once: a page's readers take a second to import
            from app.core.loaders import load_article

            return load_article(path, encoding=encoding, progress=report)  # its stages
        from app.core.load_pdf import is_partial, load_pdf

        first = load_pdf(path, last_page=FIRST_PDF_PAGES)
        if not is_partial(first):
            return first
        if not self._send(self.articleLoaded, generation, first):
            return None
        self.first_paint_done.wait(FIRST_PAINT_WAIT)
        self.first_paint_done.clear()
        return load_pdf(path, progress=report)
