"""Which claims carry a label: the one rule behind every "N unmarked".

The window's summary and ``claimmark library list`` both count the claims
without a label this way (tester T11: the library said claims less labelled
notes, so a lost note, or a second note on one claim, made the two disagree).

A note belongs to the claim it starts in, else to the one it ends in (a
quote that begins in the space before a sentence). A claim's note is the one
on exactly the claim, else the first of its notes in text order (the note the
claim's row in the window shows and edits); of two on the very same words,
one with a label. The claim is labelled when its note has a label. Lost
notes have no place and are given to no claim.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterable, Sequence

Span = tuple[int, int]


def claim_holding(claims: Sequence[Span], starts: Sequence[int], start: int,
                  end: int) -> int | None:
    """The index of the claim a note on ``[start, end)`` belongs to (``starts``:
    the claims' starts, in order), or None when it is in no claim."""
    for position in (start, max(start, end - 1)):
        index = bisect_right(starts, position) - 1
        if index >= 0 and claims[index][0] <= position < claims[index][1]:
            return index
    return None


def labelled_claims(claims: Sequence[Span], notes: Iterable[tuple[int, int, str]],
                    starts: Sequence[int] | None = None) -> set[int]:
    """The indexes of the claims whose note has a label. ``notes``: the
    placed notes' ``(start, end, label)``, in any order ("none": no label);
    ``starts``: the claims' starts, when the caller keeps them.

    A note on exactly its claim, with a label, is the best a claim can have
    and is taken without more ado (a book's 10,000 notes are mostly such).
    """
    if starts is None:
        starts = [claim[0] for claim in claims]
    chosen: dict[int, tuple[bool, int, int, bool]] = {}
    settled: set[int] = set()  # claims with a labelled note on exactly them
    for start, end, label in notes:
        index = bisect_right(starts, start) - 1
        if index >= 0 and claims[index][1] > start:
            if label != "none" and claims[index][1] == end and claims[index][0] == start:
                settled.add(index)
                continue
        else:
            found = claim_holding(claims, starts, start, end)
            if found is None:
                continue
            index = found
        if index in settled:
            continue
        rank = ((start, end) != claims[index], start, end, label == "none")
        held = chosen.get(index)
        if held is None or rank < held:
            chosen[index] = rank
    return settled.union(index for index, rank in chosen.items() if not rank[3])


def unmarked_count(claims: Sequence[Span], notes: Iterable[tuple[int, int, str]]) -> int:
    return len(claims) - len(labelled_claims(claims, notes))


def pack_spans(claims: Sequence[Span]) -> bytes:
    """The claims' spans as the library keeps them: starts and ends, 4 bytes each."""
    flat = array("I")
    for start, end in claims:
        flat.append(start)
        flat.append(end)
    return flat.tobytes()


def unpack_spans(data: bytes) -> list[Span]:
    flat = array("I")
    flat.frombytes(data)
    return list(zip(flat[::2], flat[1::2], strict=True))
