"""Folding text for the window's claim search: case and accents ignored, as
the library's search ignores them ("ubersicht" finds "Übersicht", "cafe"
finds "café", "strasse" finds "Straße").

Each character is folded on its own: compatibility forms decomposed (NFKD:
"ﬁ" → "fi", full-width "Ａ" → "a"), the accents of the Latin, Greek and
Cyrillic alphabets dropped (the combining marks of the blocks U+0300–036F,
U+1AB0–1AFF, U+1DC0–1DFF, U+20D0–20FF and U+FE20–FE2F), then case folded.
The kana voicing marks are no such accents (ガ and カ are other syllables),
and a Hangul syllable stays whole (decomposed, 노 would be found inside 녹).
Because every character folds alone, a match in the folded text maps back to
the characters it came from (:func:`find_folded`, for marking matches; the
claim list's filter only asks whether the folded text holds the folded query).
"""

from __future__ import annotations

import unicodedata

_ACCENT_BLOCKS = ((0x0300, 0x036F), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF),
                  (0xFE20, 0xFE2F))
_HANGUL = (0xAC00, 0xD7A3)


def _is_accent(ch: str) -> bool:
    code = ord(ch)
    return any(low <= code <= high for low, high in _ACCENT_BLOCKS)


def fold_char(ch: str) -> str:
    """One character folded: possibly "" (an accent) or several ("ß" → "ss")."""
    if _HANGUL[0] <= ord(ch) <= _HANGUL[1]:
        return ch
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", ch).casefold())
    return "".join(c for c in decomposed if not _is_accent(c))


class _FoldTable(dict[int, str]):
    """``str.translate``'s table, filled in as characters are met."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = fold_char(chr(code))
        return folded


_TABLE = _FoldTable()


def fold(text: str) -> str:
    """``text`` with case and accents folded away (the same for a query and a text)."""
    return text.lower() if text.isascii() else text.translate(_TABLE)


def find_folded(text: str, query: str) -> list[tuple[int, int]]:
    """The spans of ``text`` whose folded form is the folded ``query``, left to
    right, not overlapping. A span starts and ends at whole characters of
    ``text`` (the accents after its last letter are its own); a match inside
    one character's folding ("s" in "ß") is none."""
    needle = fold(query)
    if not needle:
        return []
    pieces = [_TABLE[ord(ch)] for ch in text]
    folded = "".join(pieces)
    origin: list[int] = []  # the character of ``text`` each folded character comes from
    for index, piece in enumerate(pieces):
        origin.extend([index] * len(piece))
    origin.append(len(text))

    def whole(at: int) -> bool:  # a folded offset between two characters of text
        return at in (0, len(folded)) or origin[at] != origin[at - 1]

    spans: list[tuple[int, int]] = []
    at = folded.find(needle)
    while at >= 0:
        end = at + len(needle)
        if whole(at) and whole(end):
            # Accents before the text's first letter belong to it; after a letter, to that letter.
            spans.append((origin[at] if at else 0, origin[end]))
            at = folded.find(needle, end)
        else:
            at = folded.find(needle, at + 1)
    return spans

