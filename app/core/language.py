"""Which language an article is in, as far as suggesting labels needs to know.

The suggestion lexicons (``resources/lexicons``) are English: on German or
French text they find nothing, and "0 suggestions" would read as "nothing
hedged, nothing selling here". So an article that clearly is in another
language says so instead (a notice, as the loaders' other notices), and gets
no English suggestions.

"Clearly" is judged by the share of each language's commonest function words
among the text's words, or by the script of its letters; a text that is
neither clearly English nor clearly another language (a changelog, a list of
names, code) counts as English, as before. A package such as langid or
lingua would name more languages, but it costs tens of megabytes or ~100 ms
of loading for a yes/no the function words answer (docs/decisions.md,
"Session 15 — lead: articles not in English").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

SAMPLE_CHARS = 20_000  # ~3,000 words: enough to judge; a book is not read whole
MIN_WORDS = 30  # fewer: too short to tell, counted as English
MIN_SHARE = 0.12  # function words of a language in its own prose: 0.25–0.45
FEW_ENGLISH = 0.04  # English prose: 0.25–0.35; a changelog or a list of names: 0.01–0.08
PROSE_LOWER = 0.5  # share of lower-case words in prose: 0.7–0.9
ACCENTED = 0.03  # share of letters outside ASCII in Polish, Czech, Swedish… prose: 0.05–0.12
OWN_SCRIPT = 0.5  # share of letters in one non-Latin script

_FUNCTION_WORDS = {
    "English": "the and of to is that with for was this are be by it not have from which but "
               "were they their has been would can more than these what who when there she his "
               "her its also into about after should could other such because while those only",
    "German": "der die das und ist nicht mit den dem des ein eine einer auch sich auf für von "
              "zu im wird werden sind wie oder aber bei nach noch kann wurde über",
    "French": "le la les des est et une dans pour que qui pas sur sont avec par plus du au ce "
              "cette mais ou été être aux ses leur il elle nous",
    "Spanish": "el la los las del que y en es por una para con no se su más como pero sus al "
               "lo está son ha también fue muy",
    "Italian": "il la che di è per una sono non della del con gli le dei anche più come ma nel "
               "alla questo essere",
    "Portuguese": "o a os as que de do da em um uma para com não é se por mais dos das como mas "
                  "foi ao ele são",
    "Dutch": "de het een en van is dat op te zijn niet met voor aan er om ook als bij door maar "
             "worden wordt",
}
_WORDS = {name: frozenset(words.split()) for name, words in _FUNCTION_WORDS.items()}


def function_words(language: str) -> frozenset[str]:
    """The commonest function words of ``language`` ("German"), empty if unknown."""
    return _WORDS.get(language, frozenset())


_SCRIPTS = (
    ("Chinese or Japanese", re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")),
    ("Korean", re.compile(r"[\u1100-\u11ff\uac00-\ud7af]")),
    ("Russian or another Cyrillic-script language", re.compile(r"[\u0400-\u04ff]")),
    ("Arabic", re.compile(r"[\u0600-\u06ff\u0750-\u077f]")),
    ("Hebrew", re.compile(r"[\u0590-\u05ff]")),
    ("Greek", re.compile(r"[\u0370-\u03ff]")),
    ("Hindi or another Devanagari-script language", re.compile(r"[\u0900-\u097f]")),
    ("Thai", re.compile(r"[\u0e00-\u0e7f]")),
)
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=16)
def other_language(text: str) -> str | None:
    """The name of the language ``text`` is clearly written in when that is not
    English ("German", "Chinese or Japanese"), else None (English, or too
    little to tell)."""
    sample = text[:SAMPLE_CHARS]
    words = _WORD.findall(sample.lower())
    joined = "".join(words)
    letters = len(joined)
    if not letters:
        return None
    outside_ascii = letters - len(joined.encode("ascii", "ignore"))  # letters, not “quotes”
    if outside_ascii >= OWN_SCRIPT * letters:  # else no script can hold half the letters
        for name, script in _SCRIPTS:
            if len(script.findall(sample)) >= OWN_SCRIPT * letters:
                return name
    if len(words) < MIN_WORDS:
        return None
    shares = {name: sum(word in common for word in words) / len(words)
              for name, common in _WORDS.items()}
    best = max(shares, key=shares.__getitem__)
    if best != "English" and shares[best] >= MIN_SHARE and shares[best] >= 2 * shares["English"]:
        return best
    # Prose of a language not listed above (Polish, Swedish…): hardly any English
    # function words, letters outside ASCII, and mostly lower-case words (a list of
    # names — "Jürgen Schmidt, Søren Kierkegaard" — is none of the last).
    accented = outside_ascii / letters
    lower = sum(word.islower() for word in _WORD.findall(sample)) / len(words)
    if shares["English"] < FEW_ENGLISH and accented >= ACCENTED and lower >= PROSE_LOWER:
        return "a language other than English"
    return None


def suggestions_notice(text: str) -> str | None:
    """What the reader is told when suggestions cannot read ``text``, or None."""
    language = other_language(text)
    if language is None:
        return None
    return (f"This article seems to be in {language}; claimmark's suggestions read English only, "
            "so none are made. Mark the claims yourself.")


# BCP 47 tags for an export's ``lang``: only where the name says which language
# it is (a script shared by many languages gets none, and no tag is better than
# a wrong one to a screen reader).
_TAGS = {"German": "de", "French": "fr", "Spanish": "es", "Italian": "it", "Portuguese": "pt",
         "Dutch": "nl", "Korean": "ko", "Hebrew": "he", "Greek": "el", "Thai": "th"}
_KANA = re.compile(r"[\u3040-\u30ff]")


def language_tag(text: str) -> str | None:
    """The BCP 47 tag of the language ``text`` is clearly written in, when it is
    not English and can be named ("de"; "ja" for Japanese, which writes kana,
    "zh" for Chinese, which does not), else None."""
    language = other_language(text)
    if language == "Chinese or Japanese":
        return "ja" if _KANA.search(text, 0, SAMPLE_CHARS) else "zh"
    return _TAGS.get(language or "")


def right_to_left(text: str) -> bool:
    """Whether ``text`` runs right to left: its first strong character is Arabic
    or Hebrew (the Unicode bidirectional algorithm's rule for a paragraph)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return False
        if kind in ("R", "AL"):
            return True
    return False
