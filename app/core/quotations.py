"""Quotations a sentence talks about, or reports as someone's speech.

The suggester (``app.core.suggest``) reads a sentence's words as the
writer's own; these tell it which quoted words are not: a quotation named
as words or a title ('headlines such as "You won't believe…"') is mentioned,
not used, and one reported as speech ('"Doctors hate him," his brother
said') is a remark, not a headline.
"""

from __future__ import annotations

import re

# A quotation a sentence talks about rather than says: 'headlines such as “You won't
# believe…”', 'the phrase "doctors hate him"', '“Licensee” means…'. Its words are
# mentioned, not used, so they are no cue (quoted speech — a testimonial, a climber's
# words — has none of these words around it and still counts).
_QUOTATION = re.compile(r'"[^"\n]{1,400}"|“[^”\n]{1,400}”|«[^»\n]{1,400}»|'
                        r"(?<!\w)‘[^\n]{1,400}?’(?!\w)")
_QUOTE_MARK = re.compile('["“«‘]')
# Words that report a quotation as someone's speech ('"Doctors hate him," his brother
# said'): a clickbait formula said by a person is a joke or a remark, not a headline.
_SPEECH = re.compile(
    r"\b(?:said|says|say|told|tells|joked|jokes|laughed|added|adds|recalled|recalls|"
    r"explained|asked|wrote|writes|shouted|admitted|insisted|quipped|remarked|replied|"
    r"exclaimed|yelled|whispered)\b", re.I)
_MENTION = re.compile(
    r"\b(?:phrases?|words?|wording|terms?|expressions?|slogans?|taglines?|headlines?|"
    r"titles?|captions?|formula[es]?|clich[eé]s?|memes?|click-?bait|catchphrases?|"
    r"buzzwords?|such as|called|dubbed|known as|so-called|reads|titled|entitled|"
    r"spel(?:led|t)|means|meaning)\b", re.I)


def mentioned_quotations(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The quotations of ``text[start:end]`` that the sentence talks about.

    A quotation is mentioned, not said, when the words around it (outside
    every quotation) name words or titles: "phrase", "headlines such as",
    "called", "means"… Then none of it is a cue: a sentence about clickbait
    is no clickbait, a definition of "Licensee" no permission.
    """
    return _quotations_around(text, start, end, _MENTION)


def said_quotations(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The quotations of ``text[start:end]`` reported as someone's speech: the words
    outside every quotation hold a verb of saying ('"Doctors hate him," his brother
    said'). A clickbait formula in them is a remark, not a headline."""
    return _quotations_around(text, start, end, _SPEECH)


def _quotations_around(text: str, start: int, end: int,
                       around: re.Pattern[str]) -> list[tuple[int, int]]:
    """The quotations of ``text[start:end]`` if the words outside them match ``around``."""
    if _QUOTE_MARK.search(text, start, end) is None:
        return []
    spans = [(m.start() + start, m.end() + start)
             for m in _QUOTATION.finditer(text[start:end])]
    if not spans:
        return []
    outside, last = [], start
    for a, b in spans:
        outside.append(text[last:a])
        last = b
    outside.append(text[last:end])
    return spans if around.search(" ".join(outside)) else []
