"""Where J/K go: the next or previous row of the claim list shown.

Lost notes are walked only in the "Lost their place" list, where they are all
there is; elsewhere J/K go through the article (tester T11: J from a lost note
went on to the next lost note, and a label key then changed a note the reader
never chose). From a lost note, J goes to the first row at or after its last
known place, K to the one before. Lost notes come last in the list, so both
searches are bisections (a book has 18,000 rows).
"""

from __future__ import annotations

from collections.abc import Callable

from app.ui.claim_model import Row

RowAt = Callable[[int], Row]  # the model's row shown at a position of the list


def step_row(row_at: RowAt, count: int, current: int | None, step: int,
             lost_list: bool) -> int:
    """The list position J (``step`` +1) or K (-1) goes to from ``current``
    (None: no row is current) among ``count`` rows shown."""
    row = current + step if current is not None else (0 if step > 0 else count - 1)
    placed = count if lost_list else placed_count(row_at, count)
    if 0 < placed < count:
        if current is not None and row_at(current).orphan:
            row = near_place(row_at, placed, row_at(current).start, step)
        else:
            row = min(row, placed - 1)  # the end of the article: stay
    return max(0, min(count - 1, row))


def placed_count(row_at: RowAt, count: int) -> int:
    """How many of the rows shown have a place in the article."""
    low, high = 0, count
    while low < high:
        middle = (low + high) // 2
        if row_at(middle).orphan:
            high = middle
        else:
            low = middle + 1
    return low


def near_place(row_at: RowAt, placed: int, start: int, step: int) -> int:
    """The first placed row at or after ``start`` (J), or the one before it (K)."""
    low, high = 0, placed
    while low < high:
        middle = (low + high) // 2
        if row_at(middle).start < start:
            low = middle + 1
        else:
            high = middle
    return min(low, placed - 1) if step > 0 else max(low - 1, 0)
