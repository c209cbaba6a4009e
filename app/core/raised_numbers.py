"""A raised number after some text: a citation ("fruit⁵" → "fruit[5]") or a
power ("10⁶", "cm²"), whatever the format drew it with (a PDF's smaller,
raised digits, ``pdf_superscripts``; HTML's ``<sup>``, ``html_blocks``), so
that the same paper reads alike as a web page and as a PDF.
"""

from __future__ import annotations

import re

from app.core.citations import LETTER, is_power_after

# What a citation follows: a word of four letters or more; a per cent sign or
# a closing quote; any of these, a letter, a number or a bracket, then a
# sentence's punctuation ("1920.³", "(2020).⁴").
_CITING_END = re.compile(
    rf"(?:(?<![\w.]){LETTER}{{4,}}|[^\s.][.,;:!?]|[%”’\"])$")
_POWER_CHARS = set("0123456789−–-")
_SUPERSCRIPT = str.maketrans("0123456789−–-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁻⁻")


def cites_after(before: str) -> bool:
    """Does a raised number right after ``before`` cite (not a power)?"""
    return _CITING_END.search(before) is not None


def as_power(run: str, before: str) -> str | None:
    """``run`` in superscript digits ("⁻³") where, after ``before``, it is a
    power (after a digit, a short word or a unit); else None."""
    if run and set(run) <= _POWER_CHARS and is_power_after(before, len(before)):
        return run.translate(_SUPERSCRIPT)
    return None
