"""A note as the library index keeps it: one row, its sources as searchable text.

Shared by the readers (which make rows) and the search (which reads them back),
and small on purpose: ``claimmark search`` imports it on every run.
"""

from __future__ import annotations

from collections.abc import Iterable

from app.core.sources import describe_source

# (id, label, note, exact, start, end, sources, modified): one row of ``notes``.
NoteRow = tuple[str, str, str, str, int, int, str, str]


def sources_text(sources: Iterable[str]) -> str:
    """The searchable form of sources: one a line, the URL then its short name.

    ``https://pubmed.ncbi.nlm.nih.gov/33918360/ PMID 33918360`` matches both a
    search for the number and for "PMID 33918360". URLs hold no spaces, so
    the first word of each line is the source itself.
    """
    lines = []
    for url in sources:
        short = describe_source(url)
        lines.append(url if short == url else f"{url} {short}")
    return "\n".join(lines)


def sources_of(text: str) -> list[str]:
    return [line.split(" ", 1)[0] for line in text.split("\n") if line]
