"""The Punkt model the segmenter splits with, and the abbreviations it knows.

nupunkt's default model was learnt from legal and OCR'd English text; it is
loaded once, on first use (off the window's start-up path), and corrected
with our lists in ``resources/segmentation``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from app.core.language import function_words
from app.core.resources import resource_path

# Our own abbreviations that are never a sentence's last word before an opener.
KEPT_ABBREVIATIONS = frozenset({"approx", "vs", "al", "cf", "ca", "resp", "vers", "fig",
                                "figs", "no", "nos", "etc", "viz", "incl", "esp", "pp", "vol",
                                "eq", "eqs", "ref", "refs", "ch", "ed", "eds", "cit", "op",
                                "ibid", "id", "p", "st", "mt", "ft", "in", "sci"})
# Words that end sentences besides the function words: German separable verb
# prefixes (Duden's common ones) and short adverbs.
_EVERYDAY = {"German": frozenset("ab an auf aus bei ein fest her hin los mit nach vor weg zu "
                                 "zurück zusammen so da hier dort jetzt dann nun".split())}
_LONGEST_ABBREVIATION = 6  # letters: "approx", "transl"; "intestine" is a word


# Abbreviations added when an article is clearly in one of these languages
# (``language.other_language``): CLDR/ICU's and pySBD's lists (docs/decisions.md,
# "Session 15b — G15" and "Session 16 — G16"), and the English model's
# "abbreviations" that are everyday words there (``everyday_xx.txt``).
_CODES = {"German": "de", "Spanish": "es", "French": "fr", "Italian": "it", "Portuguese": "pt",
          "Dutch": "nl"}
LANGUAGE_ABBREVIATIONS = {name: f"abbreviations_{code}.txt" for name, code in _CODES.items()}
_EVERYDAY_FILES = {name: f"everyday_{code}.txt" for name, code in _CODES.items()
                   if code in ("fr", "it", "pt", "nl")}


def tokenizer(language: str | None = None) -> Any:
    """nupunkt's default model with our corrections, and ``language``'s
    abbreviations when we hold a list for it (else the English model)."""
    return _model(language if language in LANGUAGE_ABBREVIATIONS else None)


@lru_cache(maxsize=len(LANGUAGE_ABBREVIATIONS) + 1)
def _model(language: str | None) -> Any:
    import nupunkt  # loaded on first use, off the window's start-up path

    model = nupunkt.load_default_model()
    # Its model, learnt from legal and OCR'd text, counts common words ("sleep",
    # "free": bench/segmentation/make_common_words.py), whole words the list
    # misses ("intestine"), names and OCR junk as abbreviations.
    long_words = {word for word in model.abbreviations
                  if len(word) > _LONGEST_ABBREVIATION and word.isalpha()}
    for word in (common_words() | long_words) - KEPT_ABBREVIATIONS:
        model.remove_abbreviation(word)
    model.add_abbreviations(["approx", "vs", "al", "e.g", "i.e", "cf", "ca", "resp",
                             "vers", "fig", "figs", "no", "nos", "n°", "etc",
                             *word_list("journal_abbreviations.txt")])  # "Natl. Acad."
    if language is not None:
        own = word_list(LANGUAGE_ABBREVIATIONS[language])
        # The English model's "abbreviations" that are everyday words here
        # ("no", "que", "so", the verb prefix "an" of "Er ruft morgen an.").
        everyday = _EVERYDAY.get(language, frozenset())
        if language in _EVERYDAY_FILES:
            everyday |= word_list(_EVERYDAY_FILES[language])
        for word in (function_words(language) | everyday) - own:
            model.remove_abbreviation(word)
        model.add_abbreviations(sorted(own))
    return model


def common_words() -> frozenset[str]:
    return word_list("common_words.txt")


def word_list(name: str) -> frozenset[str]:
    text = resource_path("segmentation", name).read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))
