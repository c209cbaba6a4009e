"""One open article: its text, claims, annotations and notes file.

Every change goes through :meth:`ArticleSession.put`, which saves the notes
file synchronously before it returns: an edit is on disk before the window
moves on.

Signals:
    annotationChanged(str): an annotation was added, changed or removed (its id).
    annotationsReset(): the whole set changed (loaded, re-anchored).
    saveFailed(str): the notes could not be saved; the old file is intact.
    saved(str): the notes file was written (its path).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from app.core.anchoring import Status, anchor_all
from app.core.annotations import Annotation
from app.core.article import Article
from app.core.claims import Claim
from app.core.notes_format import ArticleRef, NotesDocument
from app.core.storage import NotesFileError, NotesSaveError, NotesStore, warm_encoding

WARM_CHUNK = 500  # annotations encoded per idle slice (a few ms)


class ArticleSession(QObject):
    annotationChanged = Signal(str)
    annotationsReset = Signal()
    saveFailed = Signal(str)
    saved = Signal(str)

    def __init__(self, article: Article, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.article = article
        self.claims: list[Claim] = []
        self.annotations: dict[str, Annotation] = {}
        self.status: dict[str, Status] = {}
        self._by_span: dict[tuple[int, int], str] = {}
        self.store = NotesStore(Path(article.source_path))
        self.notes_problem: NotesFileError | None = None
        self.last_error = ""
        self._batch_depth = 0
        self._batch_dirty = False
        self._warm_queue: list[Annotation] = []
        self._warm_timer = QTimer(self)
        self._warm_timer.setInterval(0)
        self._warm_timer.timeout.connect(self._warm_some)

    # ---- loading -------------------------------------------------------
    def load_notes(self) -> dict[Status, int]:
        """Read and anchor the saved notes; returns how many per status.

        A notes file that cannot be used is kept untouched: ``notes_problem``
        says why, and nothing is saved until the user starts fresh.
        """
        self.notes_problem = None
        try:
            doc = self.store.load(Path(self.article.source_path).name)
        except NotesFileError as error:
            self.notes_problem = error
            doc = None
        return self.set_annotations(doc.annotations if doc else [])

    def set_annotations(self, annotations: list[Annotation]) -> dict[Status, int]:
        placed = anchor_all(annotations, self.article.text)
        self.annotations = {p.annotation.id: p.annotation for p in placed}
        self.status = {p.annotation.id: p.anchor.status for p in placed}
        self._reindex()
        self.annotationsReset.emit()
        # Encode the notes for saving in idle slices, so the first edit of a
        # big notes file saves as fast as the next ones.
        self._warm_queue = list(self.annotations.values())
        self._warm_timer.start()
        counts: dict[Status, int] = {"exact": 0, "moved": 0, "fuzzy": 0, "orphaned": 0}
        for status in self.status.values():
            counts[status] += 1
        return counts

    def _reindex(self) -> None:
        self._by_span = {(a.start, a.end): a.id for a in self.annotations.values()
                         if self.status.get(a.id) != "orphaned"}

    def _warm_some(self) -> None:
        chunk, self._warm_queue = self._warm_queue[:WARM_CHUNK], self._warm_queue[WARM_CHUNK:]
        warm_encoding(chunk, Path(self.article.source_path).name)
        if not self._warm_queue:
            self._warm_timer.stop()

    # ---- queries ---------------------------------------------------------
    def annotation_at(self, start: int, end: int) -> Annotation | None:
        ident = self._by_span.get((start, end))
        return self.annotations.get(ident) if ident else None

    def claim_at(self, position: int) -> Claim | None:
        """The claim containing ``position`` (or the nearest before it in its block)."""
        lo, hi = 0, len(self.claims)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.claims[mid].start <= position:
                lo = mid + 1
            else:
                hi = mid
        if lo == 0:
            return self.claims[0] if self.claims else None
        claim = self.claims[lo - 1]
        return claim

    def counts(self) -> dict[str, int]:
        result = {"supported": 0, "uncertain": 0, "advertising": 0}
        for a in self.annotations.values():
            if a.label in result:
                result[a.label] += 1
        return result

    # ---- changes ---------------------------------------------------------
    def put(self, ident: str, annotation: Annotation | None) -> None:
        """Add, replace (``annotation``) or remove (None) one annotation, then save."""
        old = self.annotations.pop(ident, None)
        if old is not None and self._by_span.get((old.start, old.end)) == ident:
            del self._by_span[(old.start, old.end)]
        if annotation is not None:
            self.annotations[ident] = annotation
            if self.status.get(ident) != "orphaned" or old is None:
                self.status[ident] = self.status.get(ident, "exact")
            if self.status[ident] != "orphaned":
                self._by_span[(annotation.start, annotation.end)] = ident
        else:
            self.status.pop(ident, None)
        if self._batch_depth:
            self._batch_dirty = True
        else:
            self.save()
        self.annotationChanged.emit(ident)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Several puts, one save at the end."""
        self._batch_depth += 1
        try:
            yield
        finally:
            self._batch_depth -= 1
            if not self._batch_depth and self._batch_dirty:
                self._batch_dirty = False
                self.save()

    def reattach(self, ident: str, annotation: Annotation) -> None:
        """Place an orphan (or any annotation) at a new span."""
        self.status[ident] = "exact"
        self.put(ident, annotation)

    def notes_document(self) -> NotesDocument:
        ref = ArticleRef(Path(self.article.source_path).name, self.article.sha256,
                         self.article.title, self.article.format)
        ordered = sorted(self.annotations.values(),
                         key=lambda a: (self.status.get(a.id) == "orphaned", a.start, a.end))
        return NotesDocument(ref, ordered)

    def save(self) -> bool:
        """Write the notes file now. False (and saveFailed) when it failed or is blocked."""
        if self.notes_problem is not None:
            self.last_error = f"not saved: {self.notes_problem}"
            self.saveFailed.emit(self.last_error)
            return False
        try:
            path = self.store.save(self.notes_document())
        except NotesSaveError as error:
            self.last_error = str(error)
            self.saveFailed.emit(self.last_error)
            return False
        self.last_error = ""
        self.saved.emit(str(path))
        return True

    def start_fresh(self) -> Path:
        """Keep the unusable notes file under a clear name; save ours in its place."""
        kept = self.store.move_aside()
        self.notes_problem = None
        self.save()
        return kept
