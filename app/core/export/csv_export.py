"""CSV: one row per annotation, RFC 4180 quoting (CRLF line ends).

A text cell that a spreadsheet would read as a formula (it starts with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return) gets a leading ``'``, as
OWASP advises against CSV injection: an imported note must not run
``=HYPERLINK(…)`` when the export is opened.

A note whose sentence was reworded since it was written says so as the other
formats do: its status is "wording changed", ``quote`` is the wording it was
written on and ``now reads`` the article's text at its place now (tester T9:
it said only "fuzzy"). A page note or a reply is "marks no text", as
``claimmark notes`` says, not "orphaned" (tester T13)."""

from __future__ import annotations

import csv
import io

from app.core.export.model import ExportModel

COLUMNS = ("id", "label", "quote", "note", "sources", "start", "end", "status", "now reads",
           "created", "modified")
STATUS_WORDS = {"fuzzy": "wording changed"}  # the others say what they mean


def to_csv(model: ExportModel) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, dialect="excel", lineterminator="\r\n")
    paged = bool(model.article.page_breaks)  # PDFs: a last column with each note's page
    writer.writerow((*COLUMNS, "page") if paged else COLUMNS)
    for item in model.items:
        a = item.annotation
        row: list[object] = [a.id, a.label, inert(a.exact), inert(a.note),
                             inert(" ".join(a.sources)),
                             "" if item.orphaned else a.start, "" if item.orphaned else a.end,
                             "marks no text" if item.no_text
                             else STATUS_WORDS.get(item.status, item.status),
                             inert(model.current(item)) if item.changed else "",
                             a.created, a.modified]
        if paged:
            row.append("" if item.page is None else item.page)
        writer.writerow(row)
    return buffer.getvalue()


def inert(cell: str) -> str:
    """``cell``, with a ``'`` before it when a spreadsheet would take it for a formula."""
    return "'" + cell if cell.startswith(("=", "+", "-", "@", "\t", "\r")) else cell
