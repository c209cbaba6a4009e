"""Where a fuzzy match starts and ends: on word boundaries, inside one block.

edlib reports a span of least edits, which can start inside a word or leave
out an inserted word at the quote's edge. The edges are moved to where
context and quote, read as one string, align best.
"""

from __future__ import annotations

import re

from app.core.approximate import edit_distance
from app.core.quote_context import Query, prefix_side, suffix_side, wordy


def _mid_word_start(q: Query) -> bool:
    """The stored quote began inside a word (so may its new span)."""
    return wordy(q.quote[0]) and q.prefix is not None and wordy(q.prefix[-1:])


def _mid_word_end(q: Query) -> bool:
    return wordy(q.quote[-1]) and q.suffix is not None and wordy(q.suffix[:1])


def _edge_word(quote: str, first: bool) -> str:
    chars = quote if first else reversed(quote)
    word: list[str] = []
    for ch in chars:
        if not wordy(ch):
            break
        word.append(ch)
    return "".join(word if first else reversed(word))


def refine(q: Query, text: str, start: int, end: int, max_errors: int) -> tuple[int, int]:
    """Move a fuzzy span's edges onto word boundaries, best quote and context.

    The end is chosen first (the start fixed), then the start. A span edge
    that carries the quote's own first or last word whole is worth that word:
    with an inserted word at the quote's edge, the shortest span is cheaper by
    a character or two, yet the reader's sentence still starts at its word.
    """
    reach = min(max_errors, 16) + 4
    free_start, free_end = _mid_word_start(q), _mid_word_end(q)
    # Without a context to align, the quote's own edge words mark its edges.
    first = "" if free_start or q.prefix is not None else _edge_word(q.quote, True)
    last = "" if free_end or q.suffix is not None else _edge_word(q.quote, False)

    lo, hi = 0, len(text)
    if "\n" not in q.quote:  # a span stays inside one block, as its quote did
        if "\n" in text[start:end]:
            pieces = re.finditer(r"[^\n]+", text[start:end])
            piece = max(pieces, key=lambda m: len(m.group()), default=None)
            if piece is not None:
                start, end = start + piece.start(), start + piece.end()
        lo = text.rfind("\n", 0, start) + 1
        hi = text.find("\n", end)
        hi = len(text) if hi == -1 else hi
    word_first, word_last = wordy(q.quote[0]), wordy(q.quote[-1])

    def allowed(p: int, is_start: bool) -> bool:
        if p <= 0 or p >= len(text):
            return True
        inner = text[p] if is_start else text[p - 1]
        if inner.isspace() or ((word_first if is_start else word_last) and not wordy(inner)):
            return False  # a span starts (ends) with the same kind of character as its quote
        if (free_start if is_start else free_end):
            return True
        return not (wordy(text[p - 1]) and wordy(text[p]))

    def cost(s: int, e: int, is_start: bool) -> float:
        """Edits of stored context + quote against the text: the edge goes
        where the three strings, read as one, align best."""
        d = float(edit_distance(q.quote, text[s:e]))
        if is_start and first and text.startswith(first, s):
            d -= len(first)
        if not is_start and last and text.endswith(last, s, e):
            d -= len(last)
        side = prefix_side(q, text, s) if is_start else suffix_side(q, text, e)
        return d + (side[0] if side is not None else 0.0)

    ends = [e for e in range(max(start + 1, end - reach), min(hi, end + reach) + 1)
            if allowed(e, False)]
    if ends:
        end = min(ends, key=lambda e: (cost(start, e, False), -e))
    starts = [s for s in range(max(lo, start - reach), min(end - 1, start + reach) + 1)
              if allowed(s, True)]
    if starts:
        start = min(starts, key=lambda s: (cost(s, end, True), s))
    return _sentence_kept(q.quote, text, start, end, lo, hi)


# Up to three words between the span and its sentence's start (end); none of
# them ends a sentence, so another sentence's words are never taken in.
_SENTENCE_HEAD = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))((?:\S*[^\s.!?][ \t]+){1,3})\Z")
_SENTENCE_TAIL = re.compile(r"[^\s.!?]*(?:[ \t]+[^\s.!?]+){0,2}[.!?](?=\s|\Z)")


def _sentence_kept(quote: str, text: str, start: int, end: int, lo: int, hi: int
                   ) -> tuple[int, int]:
    """A quote that was a whole sentence stays one: its first (last) word
    replaced, edit distance alone may leave the new word out ("cells were
    analyzed…" for "EGFP+ cells were analyzed…"), and with its second word
    replaced the first too ("backs bail…" for "Aye vitamin backs bail…"). The
    words (up to three) between the span and the sentence's own edge are
    taken back in when that costs at most a quarter of their length in edits
    more than leaving them out (words in place of the old ones, not a
    heading or another sentence's words)."""
    base = edit_distance(quote, text[start:end])
    if quote[:1].isupper() and not text[start:start + 1].isupper():
        head = _SENTENCE_HEAD.search(text, max(lo, start - 40), start)
        if head is not None and edit_distance(quote, text[head.start(1):end]) \
                <= base + len(head.group(1)) // 4:
            start = head.start(1)
            base = edit_distance(quote, text[start:end])
    if quote[-1:] in ".!?" and text[end - 1:end] not in (".", "!", "?"):
        tail = _SENTENCE_TAIL.match(text, end, min(hi, end + 40))
        if tail is not None and edit_distance(quote, text[start:tail.end()]) \
                <= base + (tail.end() - end) // 4:
            end = tail.end()
    return start, end
