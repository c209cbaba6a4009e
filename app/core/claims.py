"""Claims: the sentences of an article, each inside one block."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from app.core.article import CLAIM_KINDS, LINE_SEPARATOR, Article


@dataclass(frozen=True, slots=True)
class Claim:
    """A sentence ``article.text[start:end]`` inside block number ``block``."""

    index: int
    block: int
    start: int
    end: int


_LETTER = re.compile(r"[^\W\d_]")  # a letter of any script


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
    from app.core.segment import split_sentences

    index = 0
    text = article.text
    for block_number, block in enumerate(article.blocks):
        if block.kind not in CLAIM_KINDS:
            continue
        offset = block.start
        for line in text[block.start:block.end].split(LINE_SEPARATOR):
            for start, end in split_sentences(line):
                if _LETTER.search(line, start, end) is None:
                    continue
                yield Claim(index, block_number, offset + start, offset + end)
                index += 1
            offset += len(line) + 1


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
