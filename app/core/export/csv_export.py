"""CSV: one row per annotation, RFC 4180 quoting (CRLF line ends)."""

from __future__ import annotations

import csv
import io

from app.core.export.model import ExportModel

COLUMNS = ("id", "label", "quote", "note", "sources", "start", "end", "status", "created",
           "modified")


def to_csv(model: ExportModel) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, dialect="excel", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for item in model.items:
        a = item.annotation
        writer.writerow([a.id, a.label, a.exact, a.note, " ".join(a.sources),
                         "" if item.orphaned else a.start, "" if item.orphaned else a.end,
                         item.status, a.created, a.modified])
    return buffer.getvalue()
