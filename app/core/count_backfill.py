"""Quote counts for notes saved before claimmark recorded them.

Since session 10 a note records how many times its quote stood in the text
(``claimmark:occurrences``, docs/notes-format.md): a quote that stood once and
is found once in a changed text is the noted sentence, even where both its
neighbours were rewritten. Notes saved earlier lack the count and keep the
stricter rule, so tester T9's own note stayed lost after the fix.

When the notes file was saved on this very text (the sha256 it records is the
text's), the count now is the count then. Such notes get it as the article
is opened, and the window writes it back quietly, as it does moved notes'
positions. Only notes of claimmark's own shape found exactly where they were
get it: another tool's objects stay as written until the reader edits them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from app.core.anchoring import Anchored, anchor_all
from app.core.annotations import Annotation, occurrences_of_spans
from app.core.notes_format import NotesDocument


def placed_with_counts(doc: NotesDocument, text: str, text_hash: str) -> list[Anchored]:
    """``doc``'s notes anchored in ``text`` (whose sha256 is ``text_hash``), with
    their quotes' counts filled in where the file was saved on ``text``."""
    placed = anchor_all(doc.annotations, text)
    saved_on = doc.article.sha256 if doc.article else None
    todo = [i for i, p in enumerate(placed) if _wants_count(p)]
    if not todo or not saved_on or saved_on != text_hash:
        return placed
    spans = [(placed[i].annotation.start, placed[i].annotation.end) for i in todo]
    for i, count in zip(todo, occurrences_of_spans(text, spans), strict=True):
        annotation, found = placed[i]
        placed[i] = Anchored(replace(annotation, occurrences=count), found)
    return placed


def _wants_count(placed: Anchored) -> bool:
    annotation, found = placed
    origin = annotation.origin
    return (annotation.occurrences is None and bool(annotation.exact)
            and found.status == "exact" and origin is not None and origin.place is not None)


def changed_since_read(annotations: Iterable[Annotation]) -> bool:
    """Whether any note read from a file differs from what the file holds."""
    return any(a.origin is not None and a.origin.read is not None
               and a.signature() != a.origin.read for a in annotations)
