"""Small pieces of the sentences claimmark says to a reader."""

from __future__ import annotations


def count_of(n: int, word: str) -> str:
    """"1 note", "2 notes", "1,234 articles": a count and its noun (a plural in -s)."""
    return f"{n:,} {word}{'' if n == 1 else 's'}"
