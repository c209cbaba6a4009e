"""Annotations: a label, a note and sources on a span of the canonical text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any, Literal

Label = Literal["supported", "uncertain", "advertising", "none"]
LABELS: tuple[Label, ...] = ("supported", "uncertain", "advertising")
CONTEXT_CHARS = 32
OCCURRENCES_KEY = "claimmark:occurrences"  # on the TextQuoteSelector; see occurrences_in


def now_iso() -> str:
    """The current UTC time as ``2026-11-25T10:00:00Z``."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


Signature = tuple[object, ...]


class Origin:
    """The JSON object an annotation was read from, kept so that what claimmark
    does not model is written back unchanged.

    ``read`` is the annotation's :meth:`Annotation.signature` as it was read;
    while the annotation still has it, the original object is written back
    verbatim. None means "always merge" (the object needs rewriting, e.g. it
    carried an unusable position). ``place`` is the position a note in
    claimmark's own shape gave: re-anchored elsewhere, it is written with its
    new position. None for the rest (no position, or another tool's object,
    whose positions may count another text): those stay as written until the
    reader edits them.
    ``counts`` is the sha256 of the text a position without a quote counts,
    where the notes file says so (see :func:`app.core.notes_format.from_jsonld`);
    None: its positions may count another text (a web page's DOM text).
    Never mutate ``raw``.
    """

    __slots__ = ("raw", "read", "foreign", "place", "counts")

    def __init__(self, raw: dict[str, Any], read: Signature | None,
                 foreign: bool = False, place: tuple[int, int] | None = None) -> None:
        self.raw = raw
        self.read = read
        self.foreign = foreign  # holds more than claimmark models (other bodies, keys…)
        self.place = place
        self.counts: str | None = None

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, Origin) and self.read == other.read
                and self.raw == other.raw)

    def __hash__(self) -> int:
        return hash(self.read)

    def __repr__(self) -> str:
        return f"Origin(id={self.raw.get('id')!r})"


@dataclass(frozen=True, slots=True)
class Annotation:
    """One annotation. ``start``/``end`` are where it is now (-1 when it has
    never been placed); they are never written as -1.

    ``exact``, ``prefix`` and ``suffix`` are the W3C TextQuoteSelector: the
    wording the reader judged, which lets it find its place again when the
    article changes. It stays as judged when the text at ``start..end`` has
    changed, until the reader confirms the new wording (:func:`rebase`).
    ``prefix``/``suffix`` None means unknown (the file had none), "" means at
    the edge of the text. ``sources`` are normalised URLs, or a source as
    written when it does not normalise (see :func:`app.core.sources.is_normalized`).
    ``occurrences`` is how many times ``exact`` stood in the text when the
    quote was taken (None: not recorded, as in older notes files).
    ``origin`` is the JSON object it was read from (None for new ones).
    """

    id: str
    start: int
    end: int
    exact: str
    prefix: str | None = ""
    suffix: str | None = ""
    label: Label = "none"
    note: str = ""
    sources: tuple[str, ...] = ()
    created: str = field(default_factory=now_iso)
    modified: str = ""
    occurrences: int | None = None
    # Provenance, not content: two annotations that say the same are equal.
    origin: Origin | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.modified:
            object.__setattr__(self, "modified", self.created)

    def signature(self) -> Signature:
        """Everything the reader can change, positions aside."""
        return (self.id, self.exact, self.prefix, self.suffix, self.label, self.note,
                self.sources, self.created, self.modified, self.occurrences)

    @property
    def untouched(self) -> bool:
        """Read from a file and not changed since, nor placed elsewhere than it
        said (tester T8: stale offsets made every open say "moved"): its
        object is written back as read."""
        origin = self.origin
        return origin is not None and origin.read == self.signature() and (
            origin.place is None or origin.place == (self.start, self.end))

    @property
    def marks_no_text(self) -> bool:
        """Another tool's note on the page as a whole, or its reply to a note:
        no quote, no position, and its object names no selector at all. It
        has no place to lose, unlike a note whose selectors cannot be used."""
        if self.exact or self.start >= 0 or self.origin is None:
            return False
        targets = self.origin.raw.get("target")
        return not any(isinstance(t, dict) and "selector" in t
                       for t in (targets if isinstance(targets, list) else [targets]))

    @property
    def position_only(self) -> bool:
        """A position and no quote (another tool's note): nothing to check the
        position against."""
        return not self.exact and self.start >= 0

    @property
    def is_empty(self) -> bool:
        """No label, no note, no source and nothing another tool put there:
        nothing worth keeping."""
        return (self.label == "none" and not self.note.strip() and not self.sources
                and not (self.origin is not None and self.origin.foreign))

    def edited(self, **changes: object) -> Annotation:
        """A copy with ``changes`` and a fresh ``modified`` time."""
        return replace(self, modified=now_iso(), **changes)  # type: ignore[arg-type]


(_set_id, _set_start, _set_end, _set_exact, _set_prefix, _set_suffix, _set_label, _set_note,
 _set_sources, _set_created, _set_modified, _set_occurrences, _set_origin) = (
    getattr(Annotation, name).__set__ for name in Annotation.__slots__)


def read_annotation(id: str, start: int, end: int, exact: str, prefix: str | None,  # noqa: A002
                    suffix: str | None, label: Label, note: str, sources: tuple[str, ...],
                    created: str, modified: str, origin: Origin | None,
                    occurrences: int | None = None) -> Annotation:
    """``Annotation(...)`` for a reader that has every field checked and
    ``modified`` filled in: the same value at a third of the cost.

    A frozen dataclass's ``__init__`` goes through ``object.__setattr__`` once per
    field; opening 10,000 notes spent ~50 ms there. This sets the slots directly
    (a test checks it equals the constructor for any fields; unpacking the slots
    above fails at import if a field is added or removed).
    """
    annotation: Annotation = object.__new__(Annotation)
    _set_id(annotation, id)
    _set_start(annotation, start)
    _set_end(annotation, end)
    _set_exact(annotation, exact)
    _set_prefix(annotation, prefix)
    _set_suffix(annotation, suffix)
    _set_label(annotation, label)
    _set_note(annotation, note)
    _set_sources(annotation, sources)
    _set_created(annotation, created)
    _set_modified(annotation, modified)
    _set_occurrences(annotation, occurrences)
    _set_origin(annotation, origin)
    return annotation


def new_id() -> str:
    # Imported here: uuid brings platform (~6 ms) that opening an article never needs.
    import uuid

    return f"urn:uuid:{uuid.uuid4()}"


MAX_COUNTED = 1000


def occurrences_in(text: str, quote: str) -> int | None:
    """How many times ``quote`` stands in ``text`` (None for no quote or none).

    Recorded with the quote: a quote that stood once in the whole text, found
    once again, is the noted words even where both neighbour sentences were
    rewritten; one that stood twice may be its double (anchoring's rule,
    ``app.core.quote_match``). Overlapping ones count ("ab ab" stands twice
    in "ab ab ab"; ``str.count`` says once); counted up to 1,000. ~0.5 ms
    for a 3 MB book.
    """
    count, at = 0, text.find(quote) if quote else -1
    while at != -1 and count < MAX_COUNTED:
        count += 1
        at = text.find(quote, at + 1)
    return count or None


_KEY = 8  # characters of a quote looked up at each word start of the text
_WORD_START = re.compile(r"(?<!\w)\w")


def occurrences_of_spans(text: str, spans: Sequence[tuple[int, int]]) -> list[int | None]:
    """:func:`occurrences_in` for the quotes ``text[start:end]`` of many spans
    (accepting every suggestion of a book), in one pass over the text.

    ``str.count`` for each is ~0.5 ms on a 3 MB book: 5,000 spans took 2.6 s.
    Here the text's word starts are visited once (~0.4 s for the same). An
    occurrence inside a word (``"xMagnesium is…"`` for ``"Magnesium is…"``)
    is not counted; quotes that do not begin a word, or are short, are
    counted with ``str.count``.
    """
    quotes = [text[start:end] for start, end in spans]
    result: list[int | None] = [None] * len(quotes)
    keyed: dict[str, list[int]] = {}
    for i, quote in enumerate(quotes):
        if len(quote) < _KEY or not quote[0].isalnum():
            result[i] = occurrences_in(text, quote)
        else:
            keyed.setdefault(quote[:_KEY], []).append(i)
    counts = [0] * len(quotes)
    for match in _WORD_START.finditer(text) if keyed else ():
        at = match.start()
        for i in keyed.get(text[at:at + _KEY], ()):
            if counts[i] < MAX_COUNTED and text.startswith(quotes[i], at):
                counts[i] += 1
    for indices in keyed.values():
        for i in indices:
            result[i] = counts[i] or None
    return result


def annotation_for_span(text: str, start: int, end: int, **fields: object) -> Annotation:
    """A new annotation on ``text[start:end]`` with its quote and context."""
    return counted_annotation(text, start, end, occurrences_in(text, text[start:end]),
                              **fields)


def counted_annotation(text: str, start: int, end: int, occurrences: int | None,
                       **fields: object) -> Annotation:
    """:func:`annotation_for_span` when the quote's count in ``text`` is known
    (:func:`occurrences_of_spans`)."""
    return Annotation(
        id=new_id(),
        start=start,
        end=end,
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS):start],
        suffix=text[end:end + CONTEXT_CHARS],
        occurrences=occurrences,
        **fields,  # type: ignore[arg-type]
    )


def rebase(annotation: Annotation, text: str, start: int, end: int) -> Annotation:
    """The same annotation placed at ``text[start:end]`` with fresh context."""
    exact = text[start:end]
    return replace(
        annotation,
        start=start,
        end=end,
        exact=exact,
        prefix=text[max(0, start - CONTEXT_CHARS):start],
        suffix=text[end:end + CONTEXT_CHARS],
        occurrences=occurrences_in(text, exact),
    )


def placed_at(annotation: Annotation, start: int, end: int) -> Annotation:
    """The same annotation shown at ``start..end``; its judged quote is kept."""
    if (annotation.start, annotation.end) == (start, end):
        return annotation
    return replace(annotation, start=start, end=end)
