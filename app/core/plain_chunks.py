"""Plain text cut into chunks: blank-line paragraphs, with the shapes licences add.

A .txt file's paragraphs are separated by blank lines, but licences and READMEs
(the GPL, Apache, GFDL, BSD texts in /usr/share/common-licenses) bend that:

- a copyright notice ("Copyright (C) 2007 Free Software Foundation, Inc.") is
  often the first line of a paragraph whose next line starts a sentence. It is
  cut out as a chunk of its own (``notice``), with the lines that carry it on:
  any line after one ending in ",", a more indented line, a street address or
  a URL (the foundation's), a line going on in lower case ("see AUTHORS" /
  "file."), a short line after one that stops mid-name ("Free Software" /
  "Foundation, Inc.") and "All rights reserved.";
- "You may obtain a copy of the License at", a blank line, then the URL alone
  on a more indented line: one sentence across the blank line. A chunk that is
  only a URL, indented deeper than the line before it, which does not end a
  sentence, is joined to the chunk before.

Lines keep their indentation here (it is evidence); the loader strips them.

A chunk laid out in columns (a table of spaces or tabs: dpkg's trigger
states, a changelog's summary) or drawn with box-drawing characters is
preformatted (:func:`is_preformatted`): its lines are shown as written, not
joined into one long "sentence".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

from app.core.roles import is_copyright_notice, may_hold_copyright

_URL_ONLY = re.compile(r"^<?(?:(?:https?|ftp)://|www\.)\S+?>?$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")
_ADDRESS = re.compile(r"^\d{1,5}\s+[A-Z]\w*")  # "51 Franklin Street, Fifth Floor, …"
_RESERVED = re.compile(r"^all rights reserved\.?$", re.IGNORECASE)


@dataclass
class Chunk:
    """Lines of one paragraph as written (indentation kept).

    ``notice``: a copyright notice; ``cut``: the rest of a paragraph a notice
    was cut out of (one line of it is not a heading on its own).
    """

    lines: list[str]
    notice: bool = False
    cut: bool = False


def indent(line: str) -> int:
    """How far ``line`` is indented (a tab counts as eight)."""
    expanded = line.expandtabs(8)
    return len(expanded) - len(expanded.lstrip())


def plain_chunks(text: str) -> list[Chunk]:
    """The chunks of ``text`` in order (see the module doc)."""
    chunks: list[Chunk] = []
    for lines in _blank_line_chunks(text):
        for chunk in _cut_notices(lines):
            if chunks and _continues_with_url(chunks[-1], chunk):
                chunks[-1].lines += chunk.lines
            else:
                chunks.append(chunk)
    return chunks


def _blank_line_chunks(text: str) -> list[list[str]]:
    chunks: list[list[str]] = []
    current: list[str] = []
    for line in text.split("\n"):
        if line.strip():
            current.append(line)
        elif current:
            chunks.append(current)
            current = []
    if current:
        chunks.append(current)
    return chunks


def _cut_notices(lines: list[str]) -> list[Chunk]:
    """``lines`` with each copyright notice (and the lines that carry it on) cut out."""
    if not may_hold_copyright("\n".join(lines)) or not any(map(is_copyright_notice, lines)):
        return [Chunk(lines)]
    chunks: list[Chunk] = []
    rest: list[str] = []
    k = 0
    while k < len(lines):
        if not is_copyright_notice(lines[k]):
            rest.append(lines[k])
            k += 1
            continue
        if rest:
            chunks.append(Chunk(rest, cut=True))
            rest = []
        notice = [lines[k]]
        k += 1
        while k < len(lines) and _carries_on(notice, lines[k]):
            notice.append(lines[k])
            k += 1
        chunks.append(Chunk(notice, notice=True))
    if rest:
        chunks.append(Chunk(rest, cut=True))
    return chunks


def _carries_on(notice: list[str], line: str) -> bool:
    """Is ``line`` still part of the notice (an address, a URL, "All rights reserved.")?"""
    if is_copyright_notice(line):
        return False  # the next holder's notice: a block of its own
    stripped = line.strip()
    last = notice[-1].rstrip()
    if last[-1:].isalpha() and len(stripped.split()) <= 3:
        return True  # "… Free Software" / "Foundation, Inc.": a name wrapped at the line end
    return (last.endswith(",") or indent(line) > indent(notice[0])
            or stripped[:1].islower() or _ADDRESS.match(stripped) is not None
            or _URL_ONLY.match(stripped) is not None or _RESERVED.match(stripped) is not None)


def _continues_with_url(before: Chunk, chunk: Chunk) -> bool:
    """A URL alone on a deeper line finishing the sentence the chunk before left open."""
    if before.notice or chunk.notice or len(chunk.lines) != 1:
        return False
    line, last = chunk.lines[0], before.lines[-1]
    return (_URL_ONLY.match(line.strip()) is not None and indent(line) > indent(last)
            and not _SENTENCE_END.search(last.rstrip()))


_BOX_DRAWING = re.compile(r"[\u2500-\u257f]")
_SENTENCE_GAP = ".!?"  # two spaces after a full stop part sentences, not cells
_SPACES = re.compile(r"(?:\t|  )[ \t]*")  # a tab, or two spaces or more
_GAP = re.compile(r"(?<=\S)[ \t]*(?:\t|  )[ \t]*(?=\S)")  # a tab, or two spaces or more
_LIST_MARKER = re.compile(r"\s*(?:[-*+•o]|\(?[0-9a-z]{1,3}[.)]|\[\d{1,3}\])")
_MIN_ALIGNED = 0.6  # of a chunk's lines sharing a column where a cell starts


def is_preformatted(lines: list[str]) -> bool:
    """Is the chunk a table laid out in columns, or a drawing?

    A table: two lines or more, and most of them start a cell (after a tab or
    two spaces or more, inside the line) at one same column. Prose wrapped
    with two spaces after its full stops has its gaps in changing places.
    A drawing: most lines hold box-drawing characters (┌─┐│).
    """
    if len(lines) < 2:
        return False
    joined = "\n".join(lines)
    if not joined.isascii() and _BOX_DRAWING.search(joined) is not None and 2 * sum(
            1 for line in lines if _BOX_DRAWING.search(line)) >= len(lines):
        return True
    # This runs on every paragraph of a book: the cheapest tests first (the
    # double spaces counted, those after a full stop taken off), the walk over
    # the gaps last.
    needed = max(2, _MIN_ALIGNED * len(lines))
    doubles = joined.count("  ") + joined.count("\t")
    if doubles < needed or doubles - joined.count(".  ") - joined.count("?  ") < needed:
        return False
    gaps = [gap for gap in _SPACES.finditer(joined) if _opens_cell(joined, gap)]
    if len(gaps) < needed:
        return False
    ends = list(accumulate(len(line) + 1 for line in lines))  # each line's end, with its "\n"
    columns: dict[int, set[int]] = {}
    for gap in gaps:
        number = bisect_right(ends, gap.start())
        line = lines[number]
        begin = ends[number] - len(line) - 1
        if _LIST_MARKER.fullmatch(line, 0, gap.start() - begin):
            continue  # "-   item": the gap after a list's marker
        column = gap.end() - begin
        if "\t" in line:
            column = len(line[:column].expandtabs(8))
        columns.setdefault(column, set()).add(number)
    return any(len(found) >= needed for found in columns.values())


def _opens_cell(text: str, gap: re.Match[str]) -> bool:
    """Does the run of spaces ``gap`` part two cells inside a line (not indent
    a line, end it, or follow a full stop)?"""
    start, end = gap.span()
    while start > 0 and text[start - 1] in " \t":  # (" \t": the run began a space earlier)
        start -= 1
    return start > 0 and text[start - 1] not in "\n.!?" and end < len(text) and text[end] != "\n"


def table_lead(lines: list[str]) -> int:
    """How many lines of a preformatted chunk lead into its table: sentences
    ending with ":" and holding no cells ("Some of the options include:")."""
    lead = 0
    while (lead < len(lines) - 2 and lines[lead].rstrip().endswith(":")
           and not cell_starts(lines[lead]) and is_preformatted(lines[lead + 1:])):
        lead += 1
    return lead


def cell_starts(line: str) -> list[int]:
    """Columns (tabs expanded to eights) where a cell starts inside ``line``
    (not after a list's marker: "-   item", "1)  item")."""
    body = line.lstrip(" \t")
    if "  " not in body and "\t" not in body:
        return []  # (most lines of a book: one regular expression test less)
    starts: list[int] = []
    for gap in _GAP.finditer(line, len(line) - len(body)):
        if line[gap.start() - 1] in _SENTENCE_GAP or _LIST_MARKER.fullmatch(line, 0, gap.start()):
            continue
        end = gap.end()
        starts.append(len(line[:end].expandtabs(8)) if "\t" in line else end)
    return starts


_NOT_MARKDOWN_TABLE = re.compile(r"^\s*(?:[#>|<]|[-*+]\s|\d{1,3}[.)]\s)|\|")


def fence_aligned_tables(markdown: str) -> str:
    """``markdown`` with its paragraphs laid out in columns fenced as code.

    Markdown joins such a table's lines into one paragraph (one long
    "sentence"); fenced, each line is shown as written. Pipe tables, lists,
    quotes, headings, HTML and indented code are Markdown's own and stay.
    """
    out: list[str] = []
    chunk: list[str] = []
    fence = ""

    def flush() -> None:
        if (len(chunk) >= 2 and not any(_NOT_MARKDOWN_TABLE.search(line) for line in chunk)
                and min(indent(line) for line in chunk) < 4 and is_preformatted(chunk)):
            lead = table_lead(chunk)
            out.extend((*chunk[:lead], "", "```", *chunk[lead:], "```") if lead
                       else ("```", *chunk, "```"))
        else:
            out.extend(chunk)
        chunk.clear()

    for line in markdown.split("\n"):
        stripped = line.lstrip()
        if fence:
            out.append(line)
            if stripped.startswith(fence):
                fence = ""
        elif stripped.startswith(("```", "~~~")):
            flush()
            fence = stripped[:3]
            out.append(line)
        elif stripped:
            chunk.append(line)
        else:
            flush()
            out.append(line)
    flush()
    return "\n".join(out)
