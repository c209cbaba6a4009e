"""Notes an earlier session could not save, offered when the article opens.

The recovery file (``….notes.recovered.json``: the notes file was unusable, or a
save failed) is offered as it always was: taken in, theirs winning, then removed
(:meth:`ArticleSession.take_in_recovered`). An earlier rescue copy that a later
failure set aside (``….notes.recovered-<mtime>.json``, :mod:`app.core.notes_rescue`)
was only named when it was made (helper N13's leftover): it is offered the same way,
after it, and merged as File ▸ Import Notes merges (a note already here keeps the
version here, which is newer). It is removed once every note of it is in the notes
file as it was; one whose version here differs is kept as ``….json.kept`` and named.
The notes its session deleted after the split go here too, unless changed here since
(:func:`app.core.notes_rescue.without_deleted`, helper N16).
"""

from __future__ import annotations

import os
from pathlib import Path

from app.core.annotation_jsonld import annotation_from_jsonld
from app.core.article import LoadError
from app.core.importing import ImportFormatError, ImportItems, parse_payload
from app.core.notes_rescue import recorded_deletions, set_aside_copies, without_deleted
from app.core.reading import read_bytes
from app.core.storage import MAX_NOTES_BYTES
from app.ui.dialogs import DialogService
from app.ui.session import ArticleSession


def waiting(session: ArticleSession) -> bool:
    """Whether an opening has recovered notes to offer."""
    return bool(session.recovered_waiting or set_aside_copies(session.article.source_path))


def offer(session: ArticleSession, dialogs: DialogService) -> str:
    """Ask about each file of notes kept for this article; what was taken in ("": none)."""
    said: list[str] = []
    count = session.recovered_waiting
    if count:
        message = (f"{count} {'note was' if count == 1 else 'notes were'} saved to "
                   f"{session.recovery_path} while the notes file "
                   "could not be used. Take them into the notes file now? (Otherwise they "
                   "stay in that file.)")
        if dialogs.confirm("Recovered notes", message, "Take them in"):
            said.append(f"Took in {session.take_in_recovered()} recovered notes")
    for path in set_aside_copies(session.article.source_path):
        if session.notes_problem is not None:
            break
        try:
            data = read_bytes(path, MAX_NOTES_BYTES)
            items = parse_payload(data)
        except (ImportFormatError, LoadError):
            continue  # kept as it is; File ▸ Import Notes… says why
        message = (f"{len(items)} {'note was' if len(items) == 1 else 'notes were'} kept in "
                   f"{path} by an earlier session that could not save them (set aside when "
                   "a later copy was made). Take them into the notes file now? (Otherwise "
                   "they stay in that file.)")
        if items and dialogs.confirm("Recovered notes", message, "Take them in"):
            said.append(_take_in(session, path, items, recorded_deletions(data)))
    return "; ".join(said)


def _take_in(session: ArticleSession, path: Path, items: ImportItems,
             recorded: dict[str, str]) -> str:
    result = session.import_result(items)
    after, gone = without_deleted(result.annotations, session.annotations.values(),
                                  {annotation_from_jsonld(item).id for item in items}, recorded)
    if result.added or gone:
        session.replace_all(after)
        if session.last_error:
            return f"{path.name} could not be taken in ({session.last_error})"
    said = f"Took in {result.added} notes from {path.name}"
    if gone:
        said += f" and removed {gone} deleted there"
    try:
        if result.differing:
            kept = path.with_name(path.name + ".kept")
            os.replace(path, kept)
            return (f"{said}; {result.differing} differ from the version here, which is kept: "
                    f"that file is kept as {kept}")
        os.unlink(path)
    except OSError as error:
        return f"{said}; {path} stays ({error.strerror or error})"
    return f"{said} ({result.already_there} already here)" if result.already_there else said
