"""Saving and loading notes files without ever losing one.

Writes are atomic and durable: a temporary file in the same folder, flush, ``fsync``,
then the previous version is kept as ``.bak`` (a hard link, so the notes path always
names a complete file), ``os.replace``, ``fsync`` of the folder. A failed ``fsync`` is
not retried: the error is raised and the next save writes the whole file again. The
notes path is never followed if it is a symbolic link: ``os.replace`` swaps the link.
"""

from __future__ import annotations

import errno
import json
import os
import stat
import time
from dataclasses import dataclass
from json.encoder import encode_basestring as _quote  # the C encoder, non-ASCII kept
from pathlib import Path

from app.core.annotation_jsonld import annotation_to_jsonld
from app.core.annotations import OCCURRENCES_KEY, Annotation, Origin
from app.core.article import LoadError
from app.core.gc_pause import collector_paused
from app.core.json_pieces import loads_in_pieces
from app.core.notes_format import (
    NewerFormatError,
    NotesDocument,
    NotesFormatError,
    collection_head,
    from_jsonld,
    note_page,
    page_selector,
)
from app.core.paths import NOTES_SUFFIX, fallback_notes_path, notes_path_beside
from app.core.reading import file_holds, read_bytes
from app.core.same_article import recorded_for_another

MAX_NOTES_BYTES = 64 * 1024 * 1024
_LINE_CACHE: dict[tuple[Annotation, Origin | None, str, int | None], bytes] = {}


class NotesFileError(Exception):
    """A notes file we must not overwrite. ``kind`` says why.

    Kinds: ``unreadable`` (cannot be read), ``invalid`` (does not parse),
    ``newer`` (newer format), ``other-article`` (made for another article).
    """

    def __init__(self, kind: str, path: Path, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.path = path


class NotesSaveError(OSError):
    """Saving failed; ``str()`` says whether the previous notes file is intact
    (a failed write) or the new one is in place of unknown durability (a
    failed fsync of the folder after the rename)."""


class FolderSyncError(OSError):
    """The new file is in place, but the folder's fsync failed after the rename."""


def write_atomic(path: Path, data: bytes, keep_backup: bool = True) -> None:
    """Replace ``path`` with ``data`` atomically and durably; with ``keep_backup``
    the file it replaces is kept as ``.bak`` first."""
    folder = path.parent
    _remove_stale_temporaries(path)
    tmp = folder / f".{path.name}.{os.getpid()}.{time.monotonic_ns()}.tmp"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(tmp, flags, 0o644)
    try:
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        if keep_backup:
            _keep_backup(path)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    try:
        _fsync_folder(folder)
    except OSError as error:
        raise FolderSyncError(error.errno, error.strerror) from None


def _remove_stale_temporaries(path: Path) -> None:
    """Temporary files left by a writer that died (crash, kill) are removed."""
    prefix = f".{path.name}."
    try:
        names = os.listdir(path.parent)
    except OSError:
        return
    for name in names:
        if not (name.startswith(prefix) and name.endswith(".tmp")):
            continue
        pid_text = name[len(prefix):].split(".", 1)[0]
        if not pid_text.isdigit() or process_alive(int(pid_text)):
            continue
        try:
            os.unlink(path.parent / name)
        except OSError:
            pass


def process_alive(pid: int) -> bool:
    """Whether process ``pid`` may run still: what it left is not yet stale."""
    try:
        os.kill(pid, 0)  # signal 0 checks only; our own process answers too
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: running
        return True
    return True


def _keep_backup(path: Path) -> None:
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    if not stat.S_ISREG(info.st_mode):
        return  # a link or something else: never follow it, never copy it
    backup = path.with_name(path.name + ".bak")
    try:
        os.unlink(backup)
    except FileNotFoundError:
        pass
    try:
        os.link(path, backup)
    except OSError:
        # No hard links here (some network or FAT folders): copy instead.
        write_atomic(backup, read_bytes(path, MAX_NOTES_BYTES), keep_backup=False)


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError as error:
        if error.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
    finally:
        os.close(fd)


def encode_notes(doc: NotesDocument) -> bytes:
    """The notes file's bytes: the collection indented, one annotation a line.

    Each annotation's line is encoded to UTF-8 once and cached (annotations are immutable),
    so saving after an edit re-encodes only what changed and joins bytes: building one big
    ``str`` first and encoding it cost ~100 ms for 10,000 notes with a non-ASCII character
    among them (the copies of a two-byte-per-character string), joining the cached bytes
    ~5 ms. A full encode uses the C encoder, as ``indent`` would switch json to its slow
    pure-Python one.
    """
    collection = collection_head(doc)
    source = doc.article.path if doc.article else ""
    head = json.dumps(collection, ensure_ascii=False, indent=1)
    marker = '"items": []'
    if not doc.annotations and not doc.opaque:
        return (head + "\n").encode("utf-8")
    if len(_LINE_CACHE) > 4 * max(len(doc.annotations), 10_000):
        _LINE_CACHE.clear()
    lines = []
    with collector_paused():
        for annotation in doc.annotations:
            page = note_page(doc, annotation)
            key = (annotation, annotation.origin, source, page)
            line = _LINE_CACHE.get(key)
            if line is None:
                line = _LINE_CACHE[key] = encode_annotation_line(
                    annotation, source, page).encode("utf-8")
            lines.append(line)
        lines.extend(json.dumps(item, ensure_ascii=False).encode("utf-8") for item in doc.opaque)
    before, after = head.split(marker, 1)
    return b"".join((before.encode("utf-8"), b'"items": [\n', b",\n".join(lines), b"\n  ]",
                     after.encode("utf-8"), b"\n"))


def encode_annotation_line(a: Annotation, source: str, page: int | None = None) -> str:
    """``json.dumps(annotation_to_jsonld(a, source, page), ensure_ascii=False)``, 2–3× faster
    for annotations made in claimmark.

    Only the strings go through json's C string encoder; the fixed structure
    is written out. A test checks it is byte-identical to the json module's.
    Annotations read from a file keep their original object (see
    :mod:`app.core.annotation_jsonld`) and go through ``json.dumps``.
    """
    if a.origin is not None:
        return json.dumps(annotation_to_jsonld(a, source, page), ensure_ascii=False)
    q = _quote
    body = []
    if a.label != "none":
        body.append('{"type": "TextualBody", "purpose": "classifying", "value": '
                    + q(a.label) + "}")
    if a.note:
        body.append('{"type": "TextualBody", "purpose": "commenting", "value": '
                    + q(a.note) + ', "format": "text/markdown"}')
    for url in a.sources:
        body.append('{"type": "SpecificResource", "purpose": "linking", "source": '
                    + q(url) + "}")
    quote = '{"type": "TextQuoteSelector", "exact": ' + q(a.exact)
    if a.prefix is not None:
        quote += ', "prefix": ' + q(a.prefix)
    if a.suffix is not None:
        quote += ', "suffix": ' + q(a.suffix)
    if a.occurrences is not None:
        quote += f', "{OCCURRENCES_KEY}": {int(a.occurrences)}'
    quote += "}"
    position = "" if a.start < 0 else (
        ', {"type": "TextPositionSelector", "start": ' + str(int(a.start))
        + ', "end": ' + str(int(a.end)) + "}")
    if page is not None:
        position += ", " + json.dumps(page_selector(a, page), ensure_ascii=False)
    return ('{"id": ' + q(a.id) + ', "type": "Annotation", "motivation": "assessing", '
            '"created": ' + q(a.created) + ', "modified": ' + q(a.modified)
            + ', "body": [' + ", ".join(body) + '], "target": {"source": ' + q(source)
            + ', "selector": [' + quote + position + "]}}")


def warm_encoding(annotations: list[Annotation], source: str) -> None:
    """Encode annotations into the line cache ahead of the next save (idle time)."""
    for annotation in annotations:
        key = (annotation, annotation.origin, source, None)  # a PDF's notes encode on saving
        if key not in _LINE_CACHE:
            _LINE_CACHE[key] = encode_annotation_line(annotation, source).encode("utf-8")


def read_notes_file(path: Path) -> NotesDocument:
    """Parse the notes file at ``path``; NotesFileError when it cannot be used."""
    try:
        data = read_bytes(path, MAX_NOTES_BYTES)
    except LoadError as error:
        raise NotesFileError("unreadable", path, f"cannot read the notes file: {error}") from None
    try:
        with collector_paused():
            # In pieces: the worker reading it must not hold up the window.
            payload = loads_in_pieces(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        reason = getattr(error, "msg", "not UTF-8 text")
        if isinstance(error, json.JSONDecodeError):  # T9: "Unterminated string starting at"
            reason += f", line {error.lineno} column {error.colno}"
        raise NotesFileError("invalid", path, f"the notes file is damaged ({reason})") from None
    try:
        with collector_paused():
            return from_jsonld(payload)
    except NewerFormatError as error:
        raise NotesFileError("newer", path, str(error)) from None
    except (NotesFormatError, RecursionError) as error:
        raise NotesFileError("invalid", path, f"not a notes file we can read: {error}") from None


@dataclass
class NotesStore:
    """The notes of one article: where they live, loading and saving.

    Notes sit beside the article; where that folder is not writable they go
    to the user data folder and :attr:`fallback_reason` says why.
    """

    article_path: Path
    suffix: str = NOTES_SUFFIX  # RECOVERED_SUFFIX: the recovery file (see ArticleSession)
    keep_backup: bool = True

    def __post_init__(self) -> None:
        self._backed_up = False
        self.article_path = Path(self.article_path)
        self.beside = notes_path_beside(self.article_path, self.suffix)
        self.fallback = fallback_notes_path(self.article_path, self.suffix)
        self.path = self.beside
        self.fallback_reason = ""
        # Also when the file beside the article is older: its folder was not
        # writable, so later notes went to the data folder (T9: not shown).
        fallback, beside = _modified(self.fallback), _modified(self.beside)
        if fallback is not None and (beside is None or fallback > beside):
            self.path = self.fallback
            self.fallback_reason = "notes were saved in your data folder before"

    def load(self, article_name: str | None = None,
             text_sha256: str | None = None) -> NotesDocument | None:
        """The saved notes, or None when there are none yet.

        Notes recorded for another file name are refused, unless they were
        made on this very text (``text_sha256``): the article and its notes
        renamed together (tester T9) are still one another's.
        """
        if not _exists(self.path):
            return None
        doc = read_notes_file(self.path)
        other = doc.article and recorded_for_another(
            doc.article.path, doc.article.sha256, article_name or self.article_path.name,
            text_sha256)
        if other:
            raise NotesFileError("other-article", self.path,
                                 f"the notes file belongs to another article ({other})")
        return doc

    def save_unless_same(self, doc: NotesDocument) -> Path:
        """:meth:`save`, unless the file holds these very bytes (T13: no new mtime)."""
        data = encode_notes(doc)  # once: compared, then written if it differs
        return self.path if file_holds(self.path, data) else self._save_data(data)

    def save(self, doc: NotesDocument) -> Path:
        return self._save_data(encode_notes(doc))

    def _save_data(self, data: bytes) -> Path:
        """Write the encoded notes; returns where. Raises NotesSaveError saying what is
        on disk. The first save keeps the file as opened as ``.bak``; later ones don't."""
        try:
            self._write(data)
            return self.path
        except FolderSyncError as error:
            raise _in_place(error) from None
        except PermissionError as error:
            if self.path != self.beside:
                raise _intact(error) from None
            self._fall_back(f"{self.beside.parent} is not writable")
        except OSError as error:
            if error.errno == errno.EROFS and self.path == self.beside:
                self._fall_back(f"{self.beside.parent} is read-only")
            else:
                raise _intact(error) from None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._write(data)
        except FolderSyncError as error:
            raise _in_place(error) from None
        except OSError as error:
            raise _intact(error) from None
        return self.path

    def _write(self, data: bytes) -> None:
        backup = self.keep_backup and not self._backed_up
        write_atomic(self.path, data, keep_backup=backup)
        self._backed_up = True

    def exists(self) -> bool:
        return _exists(self.path)

    def remove(self) -> None:
        """Delete the file (the recovery file, once its notes are taken in)."""
        try:
            os.unlink(self.path)
        except FileNotFoundError:
            pass

    def _fall_back(self, reason: str) -> None:
        self.path = self.fallback
        self.fallback_reason = reason

    def move_aside(self) -> Path:
        """Keep an unusable notes file under a clear name and free its place."""
        stamp = time.strftime("%Y%m%d-%H%M%S")
        kept = self.path.with_name(f"{self.path.name}.unusable-{stamp}")
        counter = 1
        while _exists(kept):
            counter += 1
            kept = self.path.with_name(f"{self.path.name}.unusable-{stamp}-{counter}")
        os.rename(self.path, kept)
        return kept


def _intact(error: OSError) -> NotesSaveError:
    reason = error.strerror or str(error)
    return NotesSaveError(error.errno, f"cannot save notes: {reason}; the previous notes "
                                       "file is intact")


def _in_place(error: OSError) -> NotesSaveError:
    reason = error.strerror or str(error)
    return NotesSaveError(error.errno, f"notes written, but the folder could not be synced "
                                       f"({reason}): the new file is in place, its durability "
                                       "is unknown")


def _modified(path: Path) -> int | None:
    """When ``path`` (itself, a link not followed) was last written; None if absent."""
    try:
        return os.lstat(path).st_mtime_ns
    except OSError:
        return None


def _exists(path: Path) -> bool:
    return _modified(path) is not None
