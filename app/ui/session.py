"""One open article: its text, claims, annotations and notes file.

The session is the only owner of the annotations: it hands out read-only
views (``annotations``, ``status`` are mappings nobody can assign into) and
changes them only through methods that save the notes file synchronously
before they return (an edit is on disk before the window moves on) and emit.

Signals:
    annotationChanged(str) / annotationsReset(): one annotation (its id) / the whole set changed.
    saveFailed(str): the notes could not be saved (notes_rescue keeps a copy).
    saved(str): the notes file was written (its path).
    tookInWhileSaving(object): a save first took in another writer's changes (a
        ``notes_merge.DiskChanges``); the watch's own take-ins are returned.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from app.core.anchoring import Anchored, Status, anchor_all, same_wording
from app.core.annotation_pages import FurtherPages
from app.core.annotations import Annotation
from app.core.article import Article
from app.core.claims import Claim, claim_at
from app.core.count_backfill import changed_since_read, placed_with_counts
from app.core.importing import ImportResult, import_items
from app.core.notes_ahead import NotesAhead
from app.core.notes_format import ArticleRef, NotesDocument
from app.core.notes_lock import notes_folder_locked
from app.core.notes_merge import DiskChanges, SyncState
from app.core.notes_rescue import Rescue, recovered_merge
from app.core.paths import RECOVERED_SUFFIX
from app.core.renamed import refuse_beside_gone
from app.core.storage import NotesFileError, NotesSaveError, NotesStore, warm_encoding

log = logging.getLogger(__name__)

WARM_CHUNK = 500  # annotations encoded per idle slice (a few ms)


class ArticleSession(QObject):
    annotationChanged = Signal(str)
    annotationsReset = Signal()
    saveFailed = Signal(str)
    saved = Signal(str)
    tookInWhileSaving = Signal(object)

    def __init__(self, article: Article, claims: Sequence[Claim] = (),
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._article = article
        self._claims: tuple[Claim, ...] = tuple(claims)
        self._annotations: dict[str, Annotation] = {}
        self._status: dict[str, Status] = {}
        self._by_span: dict[tuple[int, int], str] = {}
        self._store = NotesStore(Path(article.source_path))
        # Where edits go while the notes file cannot be used (never overwritten).
        self._recovery = NotesStore(Path(article.source_path), RECOVERED_SUFFIX, keep_backup=False)
        self._recovered_waiting: NotesDocument | None = None
        self.rescue = Rescue(article.source_path)  # a copy when no notes file can be written
        self._notes_problem: NotesFileError | None = None
        self._last_error = ""
        self._kept = NotesDocument(None)  # the file's own properties, non-notes, pages unread
        self._batch_depth, self._batch_dirty = 0, False
        self._warm_queue: list[Annotation] = []
        self._positions_stale = False  # notes placed elsewhere than the file says
        self._sync = SyncState()  # the notes file as last read/written, changes since
        self._warm_timer = QTimer(self)  # interval 0: a slice each time the loop is idle
        self._warm_timer.timeout.connect(self._warm_some)

    # ---- read-only views -------------------------------------------------
    @property
    def article(self) -> Article:
        return self._article

    @property
    def claims(self) -> tuple[Claim, ...]:
        return self._claims

    @property
    def annotations(self) -> Mapping[str, Annotation]:
        """Every annotation by id (a live, read-only view)."""
        return MappingProxyType(self._annotations)

    @property
    def status(self) -> Mapping[str, Status]:
        """Each annotation's anchoring status by id (a live, read-only view)."""
        return MappingProxyType(self._status)

    @property
    def notes_path(self) -> Path:
        return self._store.path

    @property
    def notes_fallback_reason(self) -> str:
        """Why the notes are in the user data folder ("" when beside the article)."""
        return self._store.fallback_reason or ""

    @property
    def recovery_path(self) -> Path:
        """Where every change is saved while the notes file cannot be used."""
        return self._recovery.path

    @property
    def recovered_waiting(self) -> int:
        """How many notes a recovery file from an earlier session holds (0: none)."""
        return len(self._recovered_waiting.annotations) if self._recovered_waiting else 0

    @property
    def further_pages(self) -> FurtherPages | None:  # named by URL only: never fetched
        return self._kept.further

    @property
    def notes_problem(self) -> NotesFileError | None:
        """Why the notes file on disk is not used (None when it is fine)."""
        return self._notes_problem

    @property
    def last_error(self) -> str:
        return self._last_error

    def is_orphaned(self, ident: str) -> bool:
        return self._status.get(ident) == "orphaned"

    def judged_quote(self, ident: str) -> str | None:
        """The wording judged, where the text now differs (unconfirmed fuzzy)."""
        annotation = self._annotations.get(ident)
        if annotation is None or self._status.get(ident) != "fuzzy":
            return None
        return annotation.exact

    # ---- loading -------------------------------------------------------
    def load_notes(self, ahead: NotesAhead | None = None) -> dict[Status, int]:
        """Read and anchor the saved notes; returns how many per status.

        A notes file that cannot be used is kept untouched: ``notes_problem`` says why,
        and every change goes to the recovery file instead (whose notes, from an earlier
        session, are the starting point). When the notes file is fine and a recovery file
        exists, ``recovered_waiting`` says so and :meth:`take_in_recovered` merges it.
        ``ahead``: what the loader's worker read and anchored, used if the file is still that.
        """
        self._notes_problem = None
        self._recovered_waiting = None
        name = Path(self._article.source_path).name
        if ahead is not None and not ahead.still_there(self._store.path):
            ahead = None
        try:
            if ahead is None:
                doc = self._store.load(name, self._article.sha256)
            elif ahead.error is not None:
                raise ahead.error
            else:
                doc = ahead.document
        except NotesFileError as error:
            log.warning("notes file not used: %s", error)
            self._notes_problem = error
            doc = self._load_recovery(name)
        else:
            self._recovered_waiting = self._load_recovery(name)
        self._kept = replace(doc, article=None, annotations=[]) if doc else NotesDocument(None)
        placed = ahead.placed_in(self._article.text) if ahead and doc is ahead.document else None
        if placed is None and doc is not None and self._notes_problem is None:
            placed = placed_with_counts(doc, self._article.text, self._article.sha256)
        counts = self.set_annotations(doc.annotations if doc else [], placed)
        self._sync.written(self._store.path)
        # Moved notes (or given their quotes' counts) are written back in idle time.
        self._positions_stale = (self._notes_problem is None and doc is not None and bool(
            counts["moved"] or counts["fuzzy"] or changed_since_read(self._annotations.values())))
        return counts

    def _load_recovery(self, name: str) -> NotesDocument | None:
        try:
            return self._recovery.load(name)
        except NotesFileError as error:
            log.warning("recovery file not used: %s", error)
            self._recovery.move_aside()  # keep it, and never write over it
            return None

    def take_in_recovered(self) -> int:
        """Merge the waiting recovered notes into the notes file (theirs win for an id in
        both; the notes deleted there go: notes_rescue), then remove it. Returns how many."""
        waiting, self._recovered_waiting = self._recovered_waiting, None
        if waiting is None:
            return 0
        self.set_annotations(recovered_merge(self._annotations, waiting))
        if self.save():
            self._recovery.remove()
        return len(waiting.annotations)

    def import_result(self, items: list[dict[str, Any]]) -> ImportResult:
        """What merging notes made elsewhere would give (as ``claimmark import`` merges);
        nothing changes until :meth:`replace_all` (undoable)."""
        name = Path(self._article.source_path).name
        return import_items(list(self._annotations.values()), items,
                            self._article.text, name)

    def replace_all(self, annotations: list[Annotation]) -> None:
        """Replace the whole set (an import, or its undo), re-anchored, and save."""
        new = {a.id for a in annotations}
        for ident in set(self._annotations) | new:
            self._sync.touch(ident, self._annotations.get(ident))
        self._sync.deleted = (self._sync.deleted | set(self._annotations)) - new
        self.set_annotations(annotations)
        self.save()

    def set_annotations(self, annotations: list[Annotation],
                        placed: list[Anchored] | None = None) -> dict[Status, int]:
        """Replace the whole set (anchored, unless ``placed`` already is); unsaved."""
        if placed is None:
            placed = anchor_all(annotations, self._article.text)
        self._annotations = {p.annotation.id: p.annotation for p in placed}
        self._status = {p.annotation.id: p.anchor.status for p in placed}
        self._reindex()
        self.annotationsReset.emit()
        # Encoded in idle slices: a big file's first edit saves as fast as the next.
        self._warm_queue = list(self._annotations.values())
        self._warm_timer.start()
        counts = dict.fromkeys(("exact", "moved", "fuzzy", "orphaned"), 0)
        counts.update(Counter(self._status.values()))
        return counts  # type: ignore[return-value]

    def _reindex(self) -> None:
        self._by_span = {(a.start, a.end): a.id for a in self._annotations.values()
                         if self._status.get(a.id) != "orphaned"}

    def _warm_some(self) -> None:
        chunk, self._warm_queue = self._warm_queue[:WARM_CHUNK], self._warm_queue[WARM_CHUNK:]
        warm_encoding(chunk, Path(self._article.source_path).name)
        if not self._warm_queue:
            self._warm_timer.stop()
            if self._positions_stale:
                self._save_positions()

    def _save_positions(self) -> None:
        """Write what re-anchoring found, unasked: a failure is logged, not shown."""
        self._positions_stale = False
        if self._notes_problem is None and self.save(quiet=True):
            log.info("the notes file holds the new positions of moved notes: %s", self._store.path)

    # ---- queries ---------------------------------------------------------
    def annotation_at(self, start: int, end: int) -> Annotation | None:
        ident = self._by_span.get((start, end))
        return self._annotations.get(ident) if ident else None

    def claim_at(self, position: int) -> Claim | None:
        return claim_at(self._claims, position)  # (or the nearest before it in its block)

    def counts(self) -> dict[str, int]:
        labels = Counter(a.label for a in self._annotations.values())
        return {label: labels[label] for label in ("supported", "uncertain", "advertising")}

    def notes_document(self) -> NotesDocument:
        ref = ArticleRef(Path(self._article.source_path).name, self._article.sha256,
                         self._article.title, self._article.format,
                         page_breaks=self._article.page_breaks)
        ordered = sorted(self._annotations.values(),
                         key=lambda a: (self._status.get(a.id) == "orphaned", a.start, a.end))
        kept = self._kept  # the file's own properties, and the pages it names unread
        return NotesDocument(ref, ordered, collection=kept.collection, opaque=kept.opaque,
                             deleted=tuple(sorted(self._sync.deleted)), further=kept.further)

    # ---- changes ---------------------------------------------------------
    def put(self, ident: str, annotation: Annotation | None,
            orphaned: bool | None = None) -> None:
        """Add, replace (``annotation``) or remove (None) one annotation, then save.

        ``orphaned`` True marks the annotation as having lost its place (undoing
        a re-attachment), False places it (a re-attachment); None keeps what it was."""
        old = self._annotations.pop(ident, None)
        self._sync.touch(ident, old)
        if annotation is not None:
            self._sync.deleted.discard(ident)
        elif old is not None:
            self._sync.deleted.add(ident)
        if old is not None and self._by_span.get((old.start, old.end)) == ident:
            del self._by_span[(old.start, old.end)]
        if annotation is not None:
            self._annotations[ident] = annotation
            if orphaned is not None:
                self._status[ident] = "orphaned" if orphaned else "exact"
            elif self._status.get(ident) != "orphaned" or old is None:
                self._status[ident] = self._placed_status(
                    annotation, self._status.get(ident, "exact"))
            if self._status[ident] != "orphaned":
                self._by_span[(annotation.start, annotation.end)] = ident
        else:
            self._status.pop(ident, None)
        if self._batch_depth:
            self._batch_dirty = True
        else:
            self.save()
        self.annotationChanged.emit(ident)

    def _placed_status(self, annotation: Annotation, was: Status) -> Status:
        """A placed note is fuzzy exactly when its judged quote differs from the text at
        its place (as anchoring.anchor says): confirming the new wording makes it exact."""
        if was == "orphaned":
            return was
        now = self._article.text[annotation.start:annotation.end]
        if annotation.exact and not same_wording(annotation.exact, now):
            return "fuzzy"
        return "exact" if was == "fuzzy" else was

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
        self.put(ident, annotation, orphaned=False)

    def save(self, quiet: bool = False) -> bool:
        """Write the notes file now (the recovery file while the notes file cannot be used).
        False (and saveFailed, with where the rescue copy of every note is: notes_rescue)
        when it failed; ``quiet``: an unasked save, only logged, and never to a recovery file."""
        with notes_folder_locked(self._store.path):  # read, merge, write: one writer
            changes = self.take_in_disk_changes()  # none while the notes file is not used
            if changes.taken or changes.gone or changes.both:
                self.tookInWhileSaving.emit(changes)
            store = self._store if self._notes_problem is None else self._recovery
            if quiet and store is not self._store:
                return False
            try:
                refuse_beside_gone(Path(self._article.source_path), store.path)
                path = (store.save_unless_same if quiet else store.save)(self.notes_document())
            except NotesSaveError as error:
                log.log(logging.WARNING if quiet else logging.ERROR, "saving %s failed",
                        store.path, exc_info=True)
                failed = str(error)
            else:
                failed = ""
                if store is self._store:
                    self._positions_stale = False
                    self._sync.written(path)
        if not (quiet and failed):
            self._last_error = failed
        if failed:
            if not quiet:  # said once the lock is let go: its message is a dialog
                self._last_error = self.rescue.failed(self.notes_document(), failed, self._sync)
                self.saveFailed.emit(self._last_error)
            return False
        self.rescue.written(path)
        self.saved.emit(str(path))
        return True

    def follow_rename(self, path: Path) -> None:
        """The article was renamed (the same file, core/renamed): notes go beside it now."""
        self._article = replace(self._article, source_path=str(path))
        self._store = NotesStore(path)
        self._recovery = NotesStore(path, RECOVERED_SUFFIX, keep_backup=False)
        self.rescue.article_path = path

    def disk_changed(self) -> bool:
        """Whether the notes file is not as this session last read, wrote or saw it."""
        return self._sync.changed(self._store.path)

    def take_in_disk_changes(self) -> DiskChanges:
        """What another writer (a CLI import, a second window) did to the notes file since
        this session read, wrote or saw it: the notes it added or edited, taken in, and those
        it deleted, gone here too (notes_merge). A file it left unusable becomes
        ``notes_problem``, never written over."""
        if self._notes_problem is not None:
            return DiskChanges()
        try:
            changes = self._sync.take_in(self._store, self._article, self._annotations,
                                         self._status)
        except NotesFileError as error:  # now unusable: never written over
            log.warning("notes file changed on disk and cannot be used: %s", error)
            self._notes_problem = error
            return DiskChanges()
        if changes.taken or changes.gone or changes.both:
            self._reindex()
            self.annotationsReset.emit()
        return changes

    def start_fresh(self) -> Path:
        """Keep the unusable notes file under a clear name; save ours in its place."""
        kept = self._store.move_aside() if self._store.exists() else self._store.path
        self._notes_problem = None
        if self.save():
            self._recovery.remove()  # its notes are in the notes file now
        return kept
