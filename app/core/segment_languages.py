"""What sentence splitting changes when an article is clearly in another language.

The abbreviations themselves are Punkt's (``punkt_model.LANGUAGE_ABBREVIATIONS``);
here are the rules a list cannot hold:

* German writes the day of a date as an ordinal with a full stop ("am 3. Mai"):
  a number's stop before a month's name ends no sentence (pySBD's and the
  Pragmatic Segmenter's German rule).
* Some abbreviations stand before a number only ("siehe Tab. 3"): German
  "Tab." is in neither CLDR's nor pySBD's list because "Tab" is also a word
  ("Öffnen Sie einen neuen Tab."); before a number it is "Tabelle" (Duden), as
  English "Fig. 3" (``segment._NUMBER_ABBREV``).
* German abbreviations that close a phrase can end a sentence ("…, s. o.",
  "…, Birnen usw."): Punkt takes their stop for an abbreviation's. A capitalised
  function word after them ("Das", "Dann", "Er") starts the next sentence, for
  German writes those in lower case inside a sentence; a noun ("s. o. Abschnitt
  2") does not.
"""

from __future__ import annotations

import re

_GERMAN_MONTHS = ("Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|"
                  "November|Dezember")
_ORDINAL_END = re.compile(r"(?<![\d.])\d{1,2}\.$")
_MONTH = re.compile(rf"\s*(?:{_GERMAN_MONTHS})\b")
# Abbreviations that stand before a number, by language ("Tab. 3", "Abb. 2").
_BEFORE_NUMBER = {
    "German": re.compile(r"(?<![^\s(\[])(?:Tab|Abb|Kap|Nr|Bd|Abs|Anm|Ziff|Rn|Tz)\.$"),
}
_DIGIT_NEXT = re.compile(r"\s*\d")
# "s. o." (siehe oben), "s. u.", "vgl. o.", "usw.", "u. Ä.", "o. Ä." before a
# German sentence opener: capitalised articles, pronouns and connectives.
_GERMAN_OPENERS = (
    "Der|Die|Das|Den|Dem|Des|Ein|Eine|Einen|Einem|Einer|Er|Sie|Es|Wir|Ich|Ihr|Man|Dies|Diese|"
    "Dieser|Dieses|Dann|Danach|Doch|Aber|Auch|Und|Oder|So|Da|Dort|Hier|Nun|Jetzt|Im|In|Am|An|"
    "Auf|Aus|Bei|Mit|Nach|Für|Von|Vor|Zu|Zum|Zur|Wie|Wenn|Als|Was|Wer|Wo|Warum|Außerdem|"
    "Allerdings|Daher|Deshalb|Trotzdem|Zudem|Schließlich|Insgesamt|Weitere|Weiterhin")
_CLOSING_ABBREVIATION = re.compile(
    rf"(?<![^\s(\[,;])(?:[sS]\.\s?[ou]|vgl\.\s?[ou]|usw|usf|[uo]\.\s?[äÄ])\.(?=\s+(?:{_GERMAN_OPENERS})\b)")


def joined(text: str, end: int, start: int, language: str | None) -> bool:
    """Is the boundary between a span ending at ``end`` and one starting at
    ``start`` inside one sentence of ``language``: the stop of a German date's
    day ("am 3." | "Mai") or of an abbreviation before a number ("Tab." | "3")?"""
    if language is None:
        return False
    if language == "German" and _ORDINAL_END.search(text, max(0, end - 4), end) is not None:
        return _MONTH.match(text, start) is not None
    before = _BEFORE_NUMBER.get(language)
    return (before is not None and before.search(text, max(0, end - 8), end) is not None
            and _DIGIT_NEXT.match(text, start) is not None)


def language_cuts(text: str, language: str | None) -> list[int]:
    """Sentence ends Punkt misses in ``language``: "…, s. o." | "Das …"."""
    if language != "German" or "." not in text:
        return []
    return [match.end() for match in _CLOSING_ABBREVIATION.finditer(text)]
