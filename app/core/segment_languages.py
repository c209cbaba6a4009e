"""What sentence splitting changes when an article is clearly German or Spanish.

The abbreviations themselves are Punkt's (``punkt_model.LANGUAGE_ABBREVIATIONS``);
here are the rules a list cannot hold. German writes the day of a date as an
ordinal with a full stop ("am 3. Mai"): a number's stop before a month's name
ends no sentence (pySBD's and the Pragmatic Segmenter's German rule).
"""

from __future__ import annotations

import re

_GERMAN_MONTHS = ("Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|"
                  "November|Dezember")
_ORDINAL_END = re.compile(r"(?<![\d.])\d{1,2}\.$")
_MONTH = re.compile(rf"\s*(?:{_GERMAN_MONTHS})\b")


def ordinal_date(text: str, end: int, start: int, language: str | None) -> bool:
    """Is the boundary between a span ending at ``end`` and one starting at
    ``start`` the stop of a German date's day ("am 3." | "Mai")?"""
    return (language == "German" and _ORDINAL_END.search(text, max(0, end - 4), end) is not None
            and _MONTH.match(text, start) is not None)
