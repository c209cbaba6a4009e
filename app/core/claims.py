"""Claims: the sentences of an article, each inside one block."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from app.core.article import CLAIM_KINDS, LINE_SEPARATOR, Article, Block


@dataclass(frozen=True, slots=True)
class Claim:
    """A sentence ``article.text[start:end]`` inside block number ``block``."""

    index: int
    block: int
    start: int
    end: int


_LETTER = re.compile(r"[^\W\d_]")  # a letter of any script
_INNER_STOP = re.compile(r"[a-z][.!?][\"'”’)\]]*\s+[A-Z]")
# A line that goes on with a word in lower case ("please read…", "information."),
# not a name ("win32: …", "configure.ac: …", "xsltFindDocument").
_CONTINUES = re.compile(r"([^\W\d_]+)(?:[\s,;:!?)]|\.(?![^\W\d_])|$)")
WRAPPED_LINE = 40  # characters: a shorter line was ended by its writer, not wrapped
# A line that ends a sentence: a stop, perhaps closed by quotes or brackets.
_FINAL_STOP = re.compile(r"[.!?…:;][\"'”’)\]]*$")
# A run-in heading: title-case words and a full stop opening a section ("6.
# Trademarks. This License…", "Disclaimer of Warranty. Unless…"), small words
# allowed between them. It names what follows; it asserts nothing.
_SMALL_WORD = r"(?:and|as|at|by|for|from|in|into|of|on|or|the|to|with)"
_TITLE_WORD = r"[A-Z][\w'’&/-]*"
_RUN_IN_HEADING = re.compile(
    rf"{_TITLE_WORD}(?:\s+(?:{_TITLE_WORD}|{_SMALL_WORD}(?=\s+[A-Z]))){{0,5}}\.")
# The same set in bold at a block's start, in any case: a word or up to four
# and a stop or colon ("**Abstract.** We…", "<b>Main outcome measures:</b> …").
RUN_IN_LABEL = re.compile(r"[^\W\d_][^\s.:]*(?:\s+[^\s.:]+){0,3}\s?[.:]")


def iter_claims(article: Article) -> Iterator[Claim]:
    """Yield the claims of ``article`` in document order.

    Only paragraphs, quotes and list items hold claims (``CLAIM_KINDS``):
    headings, bylines, captions, code, table rows and reference entries stay
    in the text but are not the article's assertions. A hard line break
    (U+2028) inside a block separates lines that are segmented apart. A
    "sentence" without a single letter (a section number "1.1.", a page
    number, a rule of dashes or asterisks) asserts nothing and is skipped.
    """
    # The segmenter (its expressions, Punkt) loads on first use: the window
    # needs ``Claim`` at start-up, not the splitting.
    from app.core.language import other_language
    from app.core.segment import split_sentences

    index = 0
    text = article.text
    language = other_language(text)
    for block_number, block in enumerate(article.blocks):
        if block.kind not in CLAIM_KINDS:
            continue
        offset = block.start
        label = _bold_label(text, block)
        for line in _unwrapped(text[block.start:block.end].split(LINE_SEPARATOR)):
            for start, end in split_sentences(line.replace(LINE_SEPARATOR, " "), language):
                if offset == block.start and start < label:
                    if end <= label:
                        continue  # the label names what follows; it asserts nothing
                    start = label + len(line[label:end]) - len(line[label:end].lstrip())
                if _LETTER.search(line, start, end) is None:
                    continue
                if offset == block.start and start == 0 and language != "German" and (
                        _is_run_in_heading(line, end, block.kind, block.end - block.start)):
                    # (German writes every noun with a capital: "Hallo Welt." is a sentence)
                    continue
                yield Claim(index, block_number, offset + start, offset + end)
                index += 1
            offset += len(line) + 1


def _unwrapped(lines: list[str]) -> list[str]:
    """The block's lines with hard-wrapped prose joined again (each join keeps
    its line separator, so offsets stay those of the text).

    Some pages break every line of a plain-text file with ``<br>`` (DocBook's
    literallayout: "…profile your programs in detail.  There are" / "Valgrind
    tools that can…"): a line that ends without a sentence's final stop
    continues on the next when the next starts with a word in lower case, or when the
    block is prose (a sentence ends inside one of its lines) and the line is
    nearly as long as the block's longest and at least :data:`WRAPPED_LINE`
    long (it was wrapped). A short line
    without a stop before a capital (a heading, an address line, a line of a
    poem) stays apart, as before.
    """
    if len(lines) < 2:
        return lines
    # Wrapped prose ends sentences inside its lines; a list of items, one a
    # line without a stop (a changelog's "Fix …" lines), does not.
    prose = any(_INNER_STOP.search(line) for line in lines)
    wrap = max(WRAPPED_LINE, 0.6 * max(len(line) for line in lines))
    joined = [lines[0]]
    for previous, line in zip(lines, lines[1:], strict=False):
        last = previous.rstrip()
        follows = line.lstrip()
        if (last and follows and not _FINAL_STOP.search(last)
                and ((prose and len(previous) >= wrap)
                     or _continues(follows))):
            joined[-1] += LINE_SEPARATOR + line
        else:
            joined.append(line)
    return joined


def _continues(line: str) -> bool:
    """Does ``line`` open with a word in lower case, not a name or an identifier?"""
    match = _CONTINUES.match(line)
    return match is not None and match.group(1).islower()


def _bold_label(text: str, block: Block) -> int:
    """Where a run-in heading set in bold at the block's start ends (0: none)."""
    for style in block.styles:
        if style.style == "bold" and style.start == block.start:
            end = style.end + (style.end < block.end and text[style.end] in ".:")
            label = text[block.start:end].rstrip()
            if RUN_IN_LABEL.fullmatch(label):
                return len(label)
    return 0


def _is_run_in_heading(line: str, end: int, kind: str, block_length: int) -> bool:
    """The block's first sentence ``line[:end]`` names the section: in a list
    item ("Definitions." of "1. Definitions."), or three title-case words or
    more before the paragraph's own sentences ("Disclaimer of Warranty.")."""
    match = _RUN_IN_HEADING.fullmatch(line, 0, end)
    if match is None:
        return False
    # Two words are a sentence as often as a heading ("Hallo Welt. Das ist…",
    # "Thank You. We…"): a paragraph's run-in heading has three words or more.
    return kind == "list_item" or (match.group().count(" ") >= 2 and end < block_length)


def find_claims(
    article: Article, progress: Callable[[int, int], bool] | None = None
) -> list[Claim]:
    """All claims of ``article``.

    ``progress(done_chars, total_chars)`` is called now and then; returning
    False cancels the work and the claims found so far are returned.
    """
    claims: list[Claim] = []
    total = len(article.text)
    next_report = 0
    for claim in iter_claims(article):
        claims.append(claim)
        if progress is not None and claim.end >= next_report:
            next_report = claim.end + 20_000
            if not progress(claim.end, total):
                break
    if progress is not None:
        progress(total, total)
    return claims


def claim_at(claims: tuple[Claim, ...], position: int) -> Claim | None:
    """The claim containing ``position`` (or the nearest before it in its block)."""
    lo = bisect_right(claims, position, key=lambda claim: claim.start)
    if lo == 0:
        return claims[0] if claims else None
    return claims[lo - 1]
