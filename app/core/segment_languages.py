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
* Abbreviations that close a phrase can end a sentence (German "…, s. o.",
  "…, Birnen usw.", Dutch "enz.", Italian "ecc.", "etc."): Punkt takes their
  stop for an abbreviation's. A capitalised article, pronoun or connective
  after them ("Das", "De", "Una") starts the next sentence, for these languages
  write those in lower case inside a sentence; a noun ("s. o. Abschnitt 2")
  does not.
* French and Italian elide an article before an abbreviation ("l'Ing. Rossi"):
  Punkt reads the word "l'ing", which is no abbreviation.
* A word in lower case after a full stop starts no sentence in these languages
  ("Gli idraul. son dovuti", "27 av. J.-C. à 14"): Punkt ends a sentence at
  any stop that does not follow a word it knows as an abbreviation.
"""

from __future__ import annotations

import re

from app.core.punkt_model import LANGUAGE_ABBREVIATIONS, tokenizer

_GERMAN_MONTHS = ("Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|"
                  "November|Dezember")
_ORDINAL_END = re.compile(r"(?<![\d.])\d{1,2}\.$")
_MONTH = re.compile(rf"\s*(?:{_GERMAN_MONTHS})\b")
# Abbreviations that stand before a number, by language ("Tab. 3", "Abb. 2").
_BEFORE_NUMBER = {
    "German": re.compile(r"(?<![^\s(\[])(?:Tab|Abb|Kap|Nr|Bd|Abs|Anm|Ziff|Rn|Tz)\.$"),
}
_DIGIT_NEXT = re.compile(r"\s*\d")
# Abbreviations that close a phrase and so can end a sentence, by language:
# "…, s. o." (siehe oben), "…, Birnen usw.", "…, enz.", "…, ecc.", "…, etc.".
_CLOSING = {
    "German": r"[sS]\.\s?[ou]|vgl\.\s?[ou]|usw|usf|[uo]\.\s?[äÄ]|etc",
    "Dutch": r"enz|etc", "Italian": r"ecc|etc", "French": r"etc", "Portuguese": r"etc",
    "Spanish": r"etc",
}
# Words that open a sentence, written in lower case inside one: capitalised
# articles, pronouns and connectives.
_OPENERS = {
    "German": "Der Die Das Den Dem Des Ein Eine Einen Einem Einer Er Sie Es Wir Ich Ihr Man Dies "
              "Diese Dieser Dieses Dann Danach Doch Aber Auch Und Oder So Da Dort Hier Nun Jetzt "
              "Im In Am An Auf Aus Bei Mit Nach Für Von Vor Zu Zum Zur Wie Wenn Als Was Wer Wo "
              "Warum Außerdem Allerdings Daher Deshalb Trotzdem Zudem Schließlich Insgesamt",
    "Dutch": "De Het Een Dit Dat Deze Die Ik Je Jij U Hij Zij Ze We Wij Maar En Er Als Ook In Op "
             "Met Voor Bij Door Toen Dan Nu",
    "Italian": "Il Lo La I Gli Le Un Una Uno Questo Questa Questi Queste Ma E Poi Quindi Per In "
               "Con Non Si Ci Io Noi Lui Lei Loro",
    "French": "Le La Les Un Une Des Ce Cet Cette Ces Il Elle Ils Elles On Nous Vous Je Mais Et Ou "
              "Donc Puis Ensuite Cela Ceci Si Dans En Pour Par Sur Au Aux Du",
    "Portuguese": "O A Os As Um Uma Este Esta Isto Isso Esse Essa Ele Ela Eles Elas Eu Nós Mas E "
                  "Em No Na Para Com Não Se",
    "Spanish": "El La Los Las Un Una Este Esta Esto Eso Ese Esa Él Ella Ellos Ellas Yo Pero Y En "
               "Con Para No Se Por Lo Su Sus",
}
_CLOSING_ABBREVIATION = {
    language: re.compile(rf"(?<![^\s(\[,;])(?:{closing})\."
                         rf"(?=\s+(?:{'|'.join(_OPENERS[language].split())})\b)")
    for language, closing in _CLOSING.items()}
# French and Italian elide an article before an abbreviation: "l'Ing. Rossi",
# "dell'Avv. Bianchi" — Punkt reads "l'ing" and knows no such abbreviation.
_ELIDED = re.compile(r"(?<![^\W\d_])[^\W\d_]{1,5}['’]([^\W\d_]{1,8})\.$")


def joined(text: str, end: int, start: int, language: str | None) -> bool:
    """Is the boundary between a span ending at ``end`` and one starting at
    ``start`` inside one sentence of ``language``: the stop of a German date's
    day ("am 3." | "Mai") or of an abbreviation before a number ("Tab." | "3")?"""
    if language is None:
        return False
    if (language in LANGUAGE_ABBREVIATIONS and text[start:start + 1].islower()
            and text[end - 1:end] == "."):
        return True  # "Gli idraul. son dovuti …", "27 av. J.-C. à 14": no sentence starts so
    elided = _ELIDED.search(text, max(0, end - 16), end)
    if elided is not None and language in ("French", "Italian"):
        return elided.group(1).lower() in tokenizer(language).abbreviations
    if language == "German" and _ORDINAL_END.search(text, max(0, end - 4), end) is not None:
        return _MONTH.match(text, start) is not None
    before = _BEFORE_NUMBER.get(language)
    return (before is not None and before.search(text, max(0, end - 8), end) is not None
            and _DIGIT_NEXT.match(text, start) is not None)


def language_cuts(text: str, language: str | None) -> list[int]:
    """Sentence ends Punkt misses in ``language``: "…, s. o." | "Das …"."""
    pattern = _CLOSING_ABBREVIATION.get(language) if language is not None else None
    if pattern is None or "." not in text:
        return []
    return [match.end() for match in pattern.finditer(text)]
