"""What every exporter works from: the article, its annotations in document
order with their anchoring status, orphans apart, and the counts."""

from __future__ import annotations

import getpass
import logging
import os
import re
import sys
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from app.core.anchoring import Status, anchor_all
from app.core.annotations import LABELS, Annotation
from app.core.article import Article, page_at
from app.core.citations import CitationIndex, Reference
from app.core.claim_labels import labelled_claims
from app.core.claims import Claim

log = logging.getLogger(__name__)

# An entry that shows its own number first: "3. Smith", "[3] Smith", "3) Smith".
NUMBERED = re.compile(r"^\[?(\d{1,4})[\].):]?\s")


@dataclass(frozen=True, slots=True)
class ExportItem:
    """An annotation, where it stands, and the reference entries its text cites."""

    annotation: Annotation
    status: Status
    page: int | None = None  # the page the note starts on (PDFs), None if unknown or lost
    cited: tuple[str, ...] = ()  # "[2] Smith J. … BMJ 2020. doi:…": entries its markers name
    # The claim the note is on: from the start of the first sentence its span
    # touches to the end of the last; None for an orphan or a span in no claim.
    claim: tuple[int, int] | None = None

    @property
    def orphaned(self) -> bool:
        return self.status == "orphaned"

    @property
    def no_text(self) -> bool:
        """A page note or a reply: it marks no text, so it has no place to lose."""
        return self.orphaned and self.annotation.marks_no_text

    @property
    def changed(self) -> bool:
        """Placed where the text now reads differently from the quote the note
        was written on (a fuzzy re-anchor the reader has not confirmed)."""
        return self.status == "fuzzy"


@dataclass(frozen=True)
class ExportModel:
    article: Article
    items: tuple[ExportItem, ...]  # placed ones in document order, lost, page notes
    claims: int
    author: str
    exported: str = field(default_factory=lambda: datetime.now(UTC).strftime(
        "%Y-%m-%dT%H:%M:%SZ"))
    labelled: int = 0  # claims with a label, as the window counts them (core/claim_labels.py)

    @property
    def placed(self) -> tuple[ExportItem, ...]:
        return tuple(i for i in self.items if not i.orphaned)

    @property
    def orphans(self) -> tuple[ExportItem, ...]:
        """The notes that lost their place (page notes and replies aside)."""
        return tuple(i for i in self.items if i.orphaned and not i.no_text)

    @property
    def page_notes(self) -> tuple[ExportItem, ...]:
        """Page notes and replies: on the article as a whole, or on another note."""
        return tuple(i for i in self.items if i.no_text)

    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = dict.fromkeys(LABELS, 0)
        for item in self.items:
            if item.annotation.label in counts:
                counts[item.annotation.label] += 1
        return counts

    @property
    def unmarked(self) -> int:
        """The claims without a label (not the claims less the labelled notes:
        a lost note, or a second note on one claim, is no claim; tester T11)."""
        return max(0, self.claims - self.labelled)

    def current(self, item: ExportItem) -> str:
        """The article's text now at ``item``'s place ("" for an orphan)."""
        if item.orphaned:
            return ""
        return self.article.text[item.annotation.start:item.annotation.end]

    def claim_text(self, item: ExportItem) -> str:
        """The sentence ``item`` is on, as it read when the note was written
        (the judged words in place of the text now at the note's place), on one
        line; the judged words alone when the note is in no claim."""
        a = item.annotation
        if item.claim is None:
            return " ".join(a.exact.split())
        start, end = item.claim
        text = self.article.text
        return " ".join((text[start:a.start] + a.exact + text[a.end:end]).split())

    @property
    def article_uri(self) -> str:
        return Path(os.path.abspath(self.article.source_path)).as_uri()


def default_author() -> str:
    """The system user's full name where known, else the login name."""
    try:
        import pwd

        gecos = pwd.getpwuid(os.getuid()).pw_gecos.split(",")[0].strip()
        if gecos:
            return gecos
    except (ImportError, KeyError, OSError):
        pass
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name is not worth failing an export
        log.warning("no user name", exc_info=True)
        return "claimmark user"


def whole_entry(reference: Reference) -> str:
    """A reference entry whole, with its number: "[3] Smith J. … doi:10.1136/bmj.i6583".

    Never shortened (tester T8: "Cited in the article" cut a DOI in two, as
    ``Reference.short`` does for the window's one-line hint); a long entry
    wraps where it is shown.
    """
    body = " ".join(reference.text.split())
    return f"{missing_number(body, reference.number)}{body}"


def missing_number(entry: str, number: int | None) -> str:
    """"[3] " when a numbered reference entry does not show its number itself
    (an ``<ol>`` item's number is markup, not text), else ""."""
    shown = NUMBERED.match(entry.lstrip())
    if number is None or (shown is not None and int(shown.group(1)) == number):
        return ""
    return f"[{number}] "


def build_export_model(article: Article, annotations: Sequence[Annotation],
                       claims: int | Sequence[Claim],
                       status: dict[str, Status] | None = None,
                       author: str | None = None) -> ExportModel:
    """Order annotations for export; anchor them first unless ``status`` is given.

    ``claims`` are the article's claims (the window and the command have them);
    given only their number, they are found here when a note needs its claim.
    """
    if status is None:
        placed = anchor_all(list(annotations), article.text)
        pairs = [(p.annotation, p.anchor.status) for p in placed]
    else:
        pairs = [(a, status.get(a.id, "exact")) for a in annotations]
    pairs.sort(key=lambda pair: (pair[1] == "orphaned", pair[0].marks_no_text, pair[0].start,
                                 pair[0].end))
    citations = CitationIndex(article)
    sentences = _claim_spans(article, claims, any(s != "orphaned" for _, s in pairs))
    items = tuple(
        ExportItem(a, s, None, ()) if s == "orphaned" else
        ExportItem(a, s, page_at(article, a.start),
                   tuple(map(whole_entry, citations.cited(a.start, a.end))),
                   claim_around(sentences, a.start, a.end))
        for a, s in pairs)
    count = claims if isinstance(claims, int) else len(claims)
    labelled = labelled_claims(sentences, [(a.start, a.end, a.label) for a, s in pairs
                                           if s != "orphaned"])
    return ExportModel(article, items, count, author or default_author(),
                       labelled=len(labelled))


def _claim_spans(article: Article, claims: int | Sequence[Claim],
                 needed: bool) -> list[tuple[int, int]]:
    if isinstance(claims, int):
        if not needed:
            return []
        from app.core.claims import find_claims

        claims = find_claims(article)
    return [(c.start, c.end) for c in claims]


def claim_around(sentences: Sequence[tuple[int, int]], start: int,
                 end: int) -> tuple[int, int] | None:
    """From the first of ``sentences`` (sorted, disjoint) that the span
    ``start..end`` touches to the last; None when it touches none. An empty
    span touches the sentence it stands in."""
    stop = max(end, start + 1)
    index = max(0, bisect_right(sentences, (start, sys.maxsize)) - 1)
    touched: list[tuple[int, int]] = []
    while index < len(sentences) and sentences[index][0] < stop:
        if sentences[index][1] > start:
            touched.append(sentences[index])
        index += 1
    if not touched:
        return None
    return touched[0][0], touched[-1][1]
