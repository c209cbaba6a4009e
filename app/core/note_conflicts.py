"""One note changed in two places at once: both changes kept in one note.

Tester T10: the same note typed in two windows at the same time kept one
person's text; the other's was written over without a word. Now, when a
session takes in the notes file and finds a note that both it and the other
writer changed since it last read or wrote the file, the two versions are
combined field by field against that common version (the base), as a
three-way merge does (Obsidian Sync does so for notes, ``git merge`` for
files):

- the label: the one changed since the base; changed on both sides, this
  session's — the later one: a session takes in the file just before it
  writes its own change;
- the sources: each side's additions kept, each side's removals done;
- the note text: merged word by word (diff3) where the two sides changed
  different words; where they changed the same stretch, both versions of
  that stretch are kept, this session's first and the other one after
  :data:`SEPARATOR` — like a sync tool's conflict copy, but in the note
  itself, where the reader sees it. No text either side wrote is dropped,
  and none is copied twice.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from difflib import SequenceMatcher
from typing import NamedTuple

from app.core.annotations import Annotation

SEPARATOR = "[Another version of this note, written at the same time:]"
MERGE_TOKENS_MAX = 4000  # a longer note is not diffed: both texts are kept
_TOKENS = re.compile(r"\w+|\s+|[^\w\s]+")
_WORD = re.compile(r"\w")


class Combined(NamedTuple):
    annotation: Annotation
    both_texts: bool  # the texts changed the same words: both kept, one under SEPARATOR
    their_label: str | None  # the other writer's label, set aside for this session's


def merge_text(base: str, ours: str, theirs: str) -> tuple[str, bool]:
    """The note text with both sides' changes to ``base``, and whether they
    merged cleanly (False: both texts kept, ``theirs`` under SEPARATOR)."""
    if ours == theirs or theirs == base:
        return ours, True
    if ours == base:
        return theirs, True
    if theirs in ours:  # e.g. the other window's copy of both texts, typed on here
        return ours, True
    if ours in theirs:
        return theirs, True
    merged = _diff3(_TOKENS.findall(base), _TOKENS.findall(ours), _TOKENS.findall(theirs))
    return merged if merged is not None else (_both(ours, theirs), False)


def merge_words(base: str, ours: str, theirs: str) -> str | None:
    """Both sides' changes to ``base`` where they touch different words, else
    None: no copy of both texts (an undo step made again on a changed note)."""
    if ours == theirs or theirs == base:
        return ours
    if ours == base:
        return theirs
    merged = _diff3(_TOKENS.findall(base), _TOKENS.findall(ours), _TOKENS.findall(theirs))
    return merged[0] if merged is not None and merged[1] else None


def _both(mine: str, other: str) -> str:
    """Two versions of one stretch, the reader's first and untouched (they may
    be typing at its end), the other's after SEPARATOR: never glued together."""
    return f"{mine}{'' if mine.endswith(chr(10)) else chr(10)}\n{SEPARATOR}\n{other}"


def _matches(base: list[str], side: list[str]) -> dict[int, int]:
    """``base`` index -> ``side`` index of the tokens the two keep, aligned
    first on the tokens that stand once in each (a patience diff), then
    within the stretches between. Plain longest-match alignment tied a
    note's repeated SEPARATOR lines to the wrong copy and kept a stretch twice."""
    out: dict[int, int] = {}
    _align(base, 0, len(base), side, 0, len(side), out)
    return out


def _align(a: list[str], a0: int, a1: int, b: list[str], b0: int, b1: int,
           out: dict[int, int], depth: int = 0) -> None:
    in_a, in_b = Counter(a[a0:a1]), Counter(b[b0:b1])
    # Anchors are words: a run of spaces or newlines standing once in each
    # text tied the space after one word to the space after another.
    where_b = {b[j]: j for j in range(b0, b1)
               if in_b[b[j]] == 1 and in_a[b[j]] == 1 and _WORD.match(b[j])}
    pairs = [(i, where_b[a[i]]) for i in range(a0, a1) if a[i] in where_b and in_a[a[i]] == 1]
    if not pairs or depth > 40:
        matcher = SequenceMatcher(None, a[a0:a1], b[b0:b1], autojunk=False)
        for i, j, size in matcher.get_matching_blocks():
            out.update((a0 + i + k, b0 + j + k) for k in range(size))
        return
    for i, j in _increasing(pairs):
        _align(a, a0, i, b, b0, j, out, depth + 1)
        out[i] = j
        a0, b0 = i + 1, j + 1
    _align(a, a0, a1, b, b0, b1, out, depth + 1)


def _increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of ``pairs`` (in order of their first) whose seconds increase."""
    tails: list[int] = []  # the second of the last pair of the best run of each length
    ends: list[int] = []  # that pair's index
    before = [-1] * len(pairs)
    for n, (_i, j) in enumerate(pairs):
        k = bisect_left(tails, j)
        if k == len(tails):
            tails.append(j)
            ends.append(n)
        else:
            tails[k], ends[k] = j, n
        before[n] = ends[k - 1] if k else -1
    run, n = [], ends[-1]
    while n >= 0:
        run.append(pairs[n])
        n = before[n]
    return run[::-1]


def _diff3(base: list[str], ours: list[str],
           theirs: list[str]) -> tuple[str, bool] | None:
    """Both sides' changes to ``base`` (words, spaces and punctuation), and
    whether they touched different stretches; a stretch both changed is kept
    in both versions (``_both``), and only that stretch: a window that typed
    on after taking in such a note gets no second copy of the rest. None for
    a text too long to compare."""
    if max(len(base), len(ours), len(theirs)) > MERGE_TOKENS_MAX:
        return None
    in_ours, in_theirs = _matches(base, ours), _matches(base, theirs)
    stable = [i for i in range(len(base)) if i in in_ours and i in in_theirs]
    out: list[str] = []
    clean = True
    b = o = t = 0
    for i in [*stable, len(base)]:
        o_end = in_ours.get(i, len(ours))
        t_end = in_theirs.get(i, len(theirs))
        if o_end < o or t_end < t:  # not in order in both: no clean merge
            return None
        was, mine, other = base[b:i], ours[o:o_end], theirs[t:t_end]
        if mine == was or mine == other:
            out += other
        elif other == was:
            out += mine
        else:
            out.append(_both("".join(mine), "".join(other)))
            clean = False
        if i < len(base):
            out.append(base[i])
        b, o, t = i + 1, o_end + 1, t_end + 1
    return "".join(out), clean


def merge_sources(base: tuple[str, ...], ours: tuple[str, ...],
             theirs: tuple[str, ...]) -> tuple[str, ...]:
    """Each side's added sources kept, each side's removed ones gone."""
    kept = [s for s in ours if s in theirs or s not in base]
    return (*kept, *(s for s in theirs if s not in base and s not in ours))


def combine(base: Annotation | None, ours: Annotation, theirs: Annotation,
            keep: Annotation) -> Combined:
    """``ours`` and ``theirs``, both changed since ``base`` (None: both made
    since), as one note: ``keep``'s id, place and history with the combined
    label, text and sources (``keep`` itself when it already says that)."""
    was_label = base.label if base else "none"
    if ours.label == was_label:
        label, their_label = theirs.label, None
    else:
        label = ours.label
        their_label = None if theirs.label in (was_label, ours.label) else theirs.label
    note, clean = merge_text(base.note if base else "", ours.note, theirs.note)
    sources = merge_sources(base.sources if base else (), ours.sources, theirs.sources)
    if (label, note, sources) == (keep.label, keep.note, keep.sources):
        return Combined(keep, not clean, their_label)
    return Combined(keep.edited(label=label, note=note, sources=sources), not clean,
                    their_label)
