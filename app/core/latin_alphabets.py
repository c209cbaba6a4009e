"""Which single-byte Latin code page a file with no declared encoding is in.

Browsers read undeclared Western text as windows-1252; central European
(windows-1250) and Baltic (windows-1257) text gives the same bytes other
letters. Each reading that decodes is judged by its letters: the accented
letters of real text belong to one language's alphabet (German äöüß, Czech
áčďéěíňóřšťúůýž), those of a wrong reading make a mix no language writes
("Pøíklad", "Tagescrčme"). The reading whose letters fit one alphabet best is
taken, windows-1252 first on a tie (the same letters in all three); none
fitting well leaves the file to the general detector (Cyrillic, Greek, CJK).
"""

from __future__ import annotations

import re

CODE_PAGES = ("cp1252", "cp1250", "cp1257")
FIT = 0.9  # this share of a reading's accented letters in one alphabet
TIE = 0.02
_ALPHABETS = tuple(frozenset(letters) for letters in (
    "äöüßé",  # German
    "àâæçéèêëîïôœùûüÿ",  # French
    "áéíóúñüï",  # Spanish, Catalan (+ àèòç·)
    "àèéíïòóúç",  # Catalan
    "àáâãçéêíóôõúü",  # Portuguese
    "àèéìíîòóùú",  # Italian
    "áéèëïóöüíúàäô",  # Dutch
    "åäöéü",  # Swedish, Finnish (+ šž)
    "åäöšž",  # Finnish
    "æøåéóü",  # Danish, Norwegian
    "áðéíóúýþæö",  # Icelandic
    "ąćęłńóśźż",  # Polish
    "áčďéěíňóřšťúůýž",  # Czech
    "áäčďéíĺľňóôŕšťúýž",  # Slovak
    "áéíóöőúüű",  # Hungarian
    "ăâîșțşţ",  # Romanian
    "čšžćđ",  # Slovene, Croatian, Bosnian
    ("ë", "ç", "ç!"),  # Albanian
    "ąčęėįšųūž",  # Lithuanian
    "āčēģīķļņšūž",  # Latvian
    ("ä", "ö", "õ", "õ!", "ü", "š", "ž"),  # Estonian
))
_PUNCTUATION = frozenset(
    "’‘“”„‚–—…€«»‹›°·©®™•†‡‰§¶±¼½¾¿¡ªº¹²³×÷¢£¥¤¦¨¯´µ¸¬\u00a0\u00ad")

# Western spelling: ç stands only before a, o, u or at a word's end; õ only
# before e or s (Portuguese "ões", "põe"); ñ only before a vowel (Spanish,
# Galician, Basque). Not so a misread Latvian ē, Hungarian ő or Polish ń
# ("vçrtîbâ", "lévõ változat", "zakoñczenie").
_ONLY_BEFORE = {"ç": ("aou", True), "õ": ("es", False), "ñ": ("aeiouáéíóú", False)}
# French œ is never followed by c or w (cœur, œil, œsophage); a misread Polish
# ś is ("noœci", "wyœwietl"). Icelandic and Faroese ð never begin a word; a
# misread Lithuanian š does ("ðrifto"). Session 16 — M16.
_NEVER_BEFORE = {"œ": "cw"}
_NEVER_FIRST = frozenset("ð")
_JOINERS = frozenset("’·\u00ad\u00a0")  # no sign inside a word (no-break space: a space)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def fit(text: str) -> float | None:
    """The share of the accented letters that one alphabet holds (1.0 with
    none); None when the text holds something no Latin text would (a control
    character, a sign inside a word)."""
    counts: dict[str, int] = {}
    for found in _NON_ASCII.finditer(text):
        ch, at = found.group(), found.start()
        if ch.isalpha() and ch not in _PUNCTUATION:
            low = ch.lower()
            if not _spelled(low, text[at - 1:at], text[at + 1:at + 2].lower()):
                low += "!"  # "vçrtîbâ", "lévõ változat": not as Western languages spell
            counts[low] = counts.get(low, 0) + 1
        elif ch not in _PUNCTUATION:
            return None
        elif text[at - 1:at].isalpha() and ch not in _JOINERS and _letter_after_signs(text, at):
            counts["?"] = counts.get("?", 0) + 1  # "by³o", "B³¹d": signs inside a word
    total = sum(counts.values())
    if not total:
        return 1.0
    return max(sum(n for ch, n in counts.items() if ch in alphabet)
               for alphabet in _ALPHABETS) / total


def _spelled(low: str, before: str, after: str) -> bool:
    """Whether the letter ``low`` stands where Western spelling puts it."""
    rule = _ONLY_BEFORE.get(low)
    if rule is not None and not (after in rule[0] if after.isalpha() else rule[1]):
        return False
    if after and after in _NEVER_BEFORE.get(low, ""):
        return False
    return not (low in _NEVER_FIRST and not before.isalpha())


def _letter_after_signs(text: str, at: int) -> bool:
    """Whether the signs from ``at`` on are followed by a letter."""
    at += 1
    while at < len(text) and text[at] in _PUNCTUATION and text[at] not in _JOINERS:
        at += 1
    return text[at:at + 1].isalpha()


def latin_reading(data: bytes) -> tuple[str, str] | None:
    """``(text, code page)`` of the reading whose letters fit one Latin
    alphabet best, or None when none fits well."""
    best: tuple[float, str, str] | None = None
    for page in CODE_PAGES:
        try:
            text = data.decode(page)
        except UnicodeDecodeError:
            continue
        score = fit(text)
        if score is not None and score >= FIT and (best is None or score > best[0] + TIE):
            best = (score, text, page)
    return None if best is None else (best[1], best[2])
