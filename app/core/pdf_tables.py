"""Table rows among a PDF's blocks (``pdf_blocks`` makes the blocks).

A line of wide-gapped cells is a table row already; here, the rows of a table
whose cells sit close together, read beside its "Table N" caption, and the
table's header row.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from app.core.article import BlockKind


class PdfBlock(Protocol):
    """What is read here of ``pdf_blocks.PdfBlock``."""

    kind: BlockKind
    text: str
    lines: int

_FULL_STOP = re.compile(r"[.!?:][\"'”’)\]]*$")


def mark_table_headers(blocks: Sequence[PdfBlock]) -> None:
    """A table's first row is its header when it holds no number (column names)."""
    for index, block in enumerate(blocks):
        if (block.kind == "table_row" and (index == 0 or blocks[index - 1].kind not in (
                "table_row", "table_header")) and not any(ch.isdigit() for ch in block.text)):
            block.kind = "table_header"


def mark_table_rows(blocks: Sequence[PdfBlock]) -> None:
    """One-line blocks that are not sentences, next to a "Table N" caption, are its rows.

    A table whose cells sit close together reads as short lines: beside its
    caption (above or below) they are rows, not claims.
    """
    for index, block in enumerate(blocks):
        if block.kind != "caption" or not block.text.lower().startswith("table"):
            continue
        for step in (-1, 1):
            k = index + step
            while 0 <= k < len(blocks) and _row_like(blocks[k]):
                blocks[k].kind = "table_row"
                k += step


def _row_like(block: PdfBlock) -> bool:
    return block.kind in ("paragraph", "table_row") and block.lines == 1 and not \
        _FULL_STOP.search(block.text)
