"""Sentence ends in scripts Punkt does not know: Arabic and Devanagari.

Punkt ends sentences at ".", "!" and "?" only. Arabic ends a question with
"؟" and Urdu a sentence with "۔"; Hindi, Marathi and Nepali end one with the
danda "।" (and a verse with "॥") — the sentence terminators of pySBD's and
pragmatic_segmenter's Arabic, Urdu and Hindi rules (Unicode lists all four
as Sentence_Terminal). Used by :mod:`app.core.segment`, which asks only when
the text holds one of :data:`SCRIPT_ENDERS`.

An Arabic title before a name is no sentence end: "بقلم د. أحمد" ("by Dr.
Ahmad"). The titles are those of spaCy's Arabic tokenizer exceptions ("د."
doctor, "أ." and "ب." professor, "أ.د" professor doctor); "م." is left out
(it is also the year's "AD", which often ends a sentence).
"""

from __future__ import annotations

import re

SCRIPT_ENDERS = ("؟", "۔", "।", "॥")
# An ender, the closing quotes and brackets after it, then space.
_SCRIPT_STOP = re.compile(r"[؟۔।॥]+[!?]*[\"'”’»)\]]*(?=\s)")
_ARABIC_TITLE = re.compile(r"(?<![^\s(\[«\"“])(?:د|أ|ب|أ\.\s?د|ا\.\s?د)\.$")
_ARABIC_LETTER = re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff]")


def script_cuts(text: str) -> list[int]:
    """Ends of the sentences closed by an Arabic or Devanagari stop."""
    return [match.end() for match in _SCRIPT_STOP.finditer(text)]


def arabic_title_before_name(before: str, after: str) -> bool:
    """Does ``before`` end with an Arabic title ("د.") and ``after`` go on in Arabic?"""
    return bool(_ARABIC_TITLE.search(before)) and bool(_ARABIC_LETTER.match(after))
