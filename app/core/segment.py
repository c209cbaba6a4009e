"""Sentence segmentation of one block of text, with character offsets.

nupunkt (a fast, unsupervised Punkt implementation) does the statistical work;
around it:

* URLs, e-mail addresses and DOIs are masked by same-length placeholders so
  that their dots and question marks never end a sentence;
* inline lists ("1) … 2) …", "a. … b. …", "• …") are split at their markers
  first, and each marker stays with its item;
* a few targeted rules fix what Punkt gets wrong on our texts: numbered
  references after a full stop ("…in vivo.30 The…"), "Yahoo!"-style names,
  upper-case A.M./P.M. at the end of a sentence, the pronoun "I." at the end
  of a sentence, and "No."/"N°." before numbers.

The result for a string is a list of ``(start, end)`` pairs, whitespace
trimmed, covering every non-blank character exactly once.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right

from app.core.punkt_model import KEPT_ABBREVIATIONS as _KEPT_ABBREVIATIONS
from app.core.punkt_model import tokenizer
from app.core.roles import is_attribution
from app.core.segment_cjk import CJK_ENDERS, cjk_cuts
from app.core.segment_languages import joined, language_cuts
from app.core.segment_scripts import SCRIPT_ENDERS, arabic_title_before_name, script_cuts

Span = tuple[int, int]

# Full-width punctuation never belongs to a URL or DOI written in running
# Chinese or Japanese text ("https://example.jp/docsを参照。次の文。").
_NOT_IN_URL = "。、，！？｡．「」『』（）【】〈〉《》“”"
_MASKABLE = re.compile(
    rf"""(?ix)
    \b(?:https?://|www\.)[^\s<>"'()\[\]{_NOT_IN_URL}]+[^\s<>"'()\[\].,;:!?{_NOT_IN_URL}]  # URLs
  | \b10\.\d{{4,9}}/[^\s"<>{_NOT_IN_URL}]+[^\s"<>.,;:!?)\]{_NOT_IN_URL}]  # DOIs
  | \b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b                                      # e-mail
    """
)
# List markers: "1.)", "1)", "1.", "a.", "•", "⁃" at item starts.
_LIST_MARKER = re.compile(
    r"(?P<bullet>[•⁃▪‣◦]\s*)?(?<![^\s•⁃▪‣◦])(?P<label>\d{1,3}|[a-z])(?P<punct>\.\)|\)|\.)(?=\s)"
)
# The same markers found fast (see _list_markers): the pattern starts with the
# space or bullet before the label, so re skips ahead from word start to word
# start instead of trying a look-behind at every character.
_LIST_LABEL = re.compile(r"[\s•⁃▪‣◦](?P<label>\d{1,3}|[a-z])(?P<punct>\.\)|\)|\.)(?=\s)")
_LIST_LABEL_FIRST = re.compile(r"(?P<label>\d{1,3}|[a-z])(?P<punct>\.\)|\)|\.)(?=\s)")
_BULLETS = "•⁃▪‣◦"
_BULLET_ONLY = re.compile(r"[•⁃▪‣◦](?<!\S[•⁃▪‣◦])(?=\s*\S)")
# "…in vivo.30 The…" or "…kinase. 21,22 Myeloid…": numeric references.
_REFERENCE_AFTER_STOP = re.compile(
    r"[.!?](?<=[^\W\d_)\]%][.!?])\d{1,3}(?:(?:[,–-]|\s)\d{1,3})*\s+(?=[A-Z(\[])"
    r"|\.(?<=\d\.)\d{1,3}(?:[,–-]\d{1,3})+\s+(?=[A-Z])"
)
# Citation markers belong to the sentence before them: "…early.[1] One…",
# "…cost.[2][3] Common…", "…helps.¹² Most…" end the sentence after the marker.
_BRACKET_MARKER = r"\[(?:\d{1,3}(?:\s?[,–-]\s?\d{1,3})*|note\s\d{1,3}|[a-z])\]"
_SUPERSCRIPT_MARKER = r"[⁰¹²³⁴⁵⁶⁷⁸⁹][⁰¹²³⁴⁵⁶⁷⁸⁹⁻,]*"
_MARKER_AFTER_STOP = re.compile(
    rf"[.!?][\"”’)]?(?:{_BRACKET_MARKER}|{_SUPERSCRIPT_MARKER})+(?=\s+\S)")
_LEADING_MARKERS = re.compile(
    rf"(?:{_BRACKET_MARKER}|{_SUPERSCRIPT_MARKER}|\s)*(?:{_BRACKET_MARKER}|{_SUPERSCRIPT_MARKER})"
    rf"|\d{{1,3}}(?:[,–-]\d{{1,3}})+(?=\s+[A-Z])")
# "…for 12 h. Proteinase K…": a unit after a number, then a new sentence.
_UNIT_AT_END = re.compile(
    r"\d(?<!\w\d)\d*(?:\.\d+)?\s?(?:h|hr|min|s|ms|d|wk|mo|yr|g|mg|µg|ng|kg|ml|µl|mM|nM|µM|M|V|"
    r"°C|bp|kb|kDa|cm|mm)\.(?=\s+[A-Z][a-z])"
)
# "…NF-kappa B. These…": a single capital, then a word that starts sentences.
_LETTER_THEN_STARTER = re.compile(
    r"[A-Z](?<=\w[- ][A-Z])\.(?=\s+(?:The|This|These|That|Those|There|We|Here|In|It|Its|Our|A|An|"
    r"However|Thus|Therefore|To|Because|When|After|Although|Both|Furthermore|Moreover|"
    r"Finally|Like|Unlike|No|Cells|For|With|By|As)\b)"
)
# "…compounds. . . . The practice…": the sentence ends at "compounds." and the
# next one opens with the ellipsis (MLA style for an omission across sentences).
_STOP_THEN_ELLIPSIS = re.compile(r"\w\.(?= \. \. \. [A-Z])")
_ONLY_DOTS = re.compile(r"[.\s…]+")
_UPPER_AMPM = re.compile(r"\b[AP]\.M\.(?=\s+[A-Z])")
_PRONOUN_I = re.compile(r"\b(?:and|or|than|as|me),? I\.(?=\s+[A-Z])")
# Abbreviations that stand before a number: "No. 5", "Fig. 3", "Rs. 500".
_NUMBER_ABBREV = re.compile(
    r"(?:\bNo|\bN°|\bNos|\bFig|\bFigs|\bVol|\bVers|\bp|\bpp|\bRs|\bRe|\bRp|\bKsh|\bTk)\.$")
# Words that open sentences in general English: pronouns, determiners,
# conjunctions, connectives, prepositions, question words. Where a full stop
# is ambiguous (after "code.", "U.K.", "K."), one of these after it ends the
# sentence; a name or a proper noun after it does not.
_OPENERS = (
    r"(?:The|This|These|That|Those|There|Here|It|Its|He|She|We|They|I|You|His|Her|Our|Their|"
    r"My|Your|And|But|Or|So|Yet|Nor|However|Thus|Therefore|Then|Now|Also|Still|Instead|"
    r"Meanwhile|Moreover|Furthermore|Finally|Overall|Indeed|Otherwise|In|On|At|For|With|By|"
    r"As|If|When|While|After|Before|Although|Though|Because|Since|Unless|A|An|Most|Many|Some|"
    r"All|Each|Every|Both|Few|One|No|Not|What|Why|How|Who|Where|Which|Do|Does|Did|Is|Are|To|"
    r"Was|Were|Can|Could|Should|Would|Will|May|Might|Let|Please)"
)
# "…fixed the code. And it worked.": Punkt's model counts some plain words
# ("code") as abbreviations; an opener after them still starts a sentence.
# (Patterns start with their full stop: re finds a literal first char fast.)
_WORD_THEN_OPENER = re.compile(rf"\.(?<=[a-z][a-z]\.)(?=\s+{_OPENERS}\s)")
# "…rich in vitamin K. Eat greens…": a single capital after an ordinary
# lowercase word, then a capitalised word and a lowercase one. Not after words
# that introduce names ("by J. Smith", "said K. Lee").
_CAPITAL_AFTER_WORD = re.compile(r"\.(?<=[a-z][a-z] [A-Z]\.)(?=\s+[A-Z][a-z]+\s+[a-z(])")
_NAME_INTRODUCERS = frozenset({"by", "to", "and", "or", "of", "from", "with", "said", "says",
                               "wrote", "writes", "told", "asked", "per", "cf", "see", "dear",
                               "than", "like", "at", "for", "in", "on", "as", "via", "versus",
                               "vs", "thanked", "thanks", "authors", "author", "editor"})
# "…at 7 p.m. Patients…": lower-case a.m./p.m. ends a sentence unless a day,
# a month or a time zone follows.
_LOWER_AMPM = re.compile(
    r"\b[ap]\.m\.(?=\s+(?!(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|"
    r"Sep|Oct|Nov|Dec|Eastern|Pacific|Central|Mountain|Atlantic|Greenwich|[A-Z]{2,5}\b))[A-Z])")
# "At 5 a.m. Mr. Smith went…": a time phrase that opens a sentence is not one.
_TIME_PHRASE_OPENS = re.compile(
    r"(?:^|[.!?]\s+)(?:At|By|From|Until|Before|After|Around|About|Since)\s+"
    r"\d{1,2}(?::\d{2})?\s*[ap]\.m\.$")
# "…in the U.K. Doctors are…": an initialism ends the sentence before an opener
# or a plural noun and its verb ("Doctors are", "Experts blame"); not before a
# proper noun ("the U.S. Senate").
_INITIALISM_AT_END = re.compile(
    rf"[A-Z](?<![\w.][A-Z])\.(?:[A-Z]\.){{1,2}}(?=\s+(?:{_OPENERS}\s|[A-Z][a-z]+[^\Ws]s\s+[a-z]))")
# "…now would we?  deflateEnd() can be called…": a question or an exclamation
# ends its sentence before a name of code ("deflateEnd()", "avail_in",
# "inflateInit"), which keeps its lower case at a sentence's start; a plain
# word in lower case after it goes on ("Yahoo! in the…", "Why? because…").
_DASHES = "—–―~"
_CODE_NAME = re.compile(r"[a-z_][a-z0-9_]*(?:\(|_[a-z0-9]|[a-z0-9][A-Z])")
# "…is, well, ok.  Z_STREAM_END is also ok": a word's full stop before a
# constant's name in capitals with an underscore (not after an abbreviation).
_WORD_THEN_CONSTANT = re.compile(r"\.(?<=[a-z][a-z]\.)(?=\s+[A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9]\b)")
def split_sentences(text: str, language: str | None = None) -> list[Span]:
    """Split ``text`` (one block, no newline) into trimmed sentence spans;
    ``language`` is the article's when it is clearly not English
    (``language.other_language``): German and Spanish get their abbreviations."""
    if not text.strip():
        return []
    masked = _mask(text)
    spans: list[Span] = []
    for start, end in _list_items(masked):
        spans.extend(_split_item(masked, start, end, language))
    spans = _apply_rules(masked, spans, language)
    return [span for span in (_trim(text, s, e) for s, e in spans) if span[1] > span[0]]


def _mask(text: str) -> str:
    def placeholder(match: re.Match[str]) -> str:
        return "x" * len(match.group(0))

    lowered = text.lower()
    if "://" not in text and "www." not in lowered and "10." not in text and "@" not in text:
        return text  # no URL, DOI or e-mail address can be there
    return _MASKABLE.sub(placeholder, text)


def _list_items(text: str) -> list[Span]:
    """Split at inline list markers when they count up (1, 2 … or a, b …)."""
    markers = _list_markers(text)
    cuts: list[int] = []
    for previous, current in zip(markers, markers[1:], strict=False):
        if not (_follows(previous[1], current[1]) and previous[2] == current[2]):
            continue
        if cuts and cuts[-1] == previous[0]:
            cuts.append(current[0])
        elif _starts_item(text, previous[0]):
            cuts.extend((previous[0], current[0]))
    bullets = ([m.start() for m in _BULLET_ONLY.finditer(text)]
               if any(bullet in text for bullet in _BULLETS) else [])
    if len(bullets) >= 2:
        cuts.extend(bullets)
    cuts = sorted(set(c for c in cuts if c > 0))
    bounds = [0, *cuts, len(text)]
    return [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if text[a:b].strip()]


def _list_markers(text: str) -> list[tuple[int, str, str]]:
    """``(start, label, punct)`` of each match of _LIST_MARKER, found faster."""
    first = _LIST_LABEL_FIRST.match(text)
    matches = ([first] if first else []) + list(_LIST_LABEL.finditer(text))
    markers = []
    for match in matches:
        start = match.start("label")
        before = start
        while before > 0 and text[before - 1].isspace():
            before -= 1
        if before > 0 and text[before - 1] in _BULLETS:
            start = before - 1
        markers.append((start, match.group("label"), match.group("punct")))
    return markers


def _starts_item(text: str, index: int) -> bool:
    """A list starts a block or follows a sentence end or a colon."""
    before = index  # (no copy of text[:index]: a long paragraph has many markers)
    while before > 0 and text[before - 1].isspace():
        before -= 1
    return before == 0 or text[before - 1] in ".:!?"


def _follows(a: str, b: str) -> bool:
    if a.isdigit() and b.isdigit():
        return int(b) == int(a) + 1
    return len(a) == len(b) == 1 and a.isalpha() and ord(b) == ord(a) + 1


def _split_item(text: str, start: int, end: int, language: str | None) -> list[Span]:
    item = text[start:end]
    marker = _LIST_MARKER.match(item.lstrip())
    skip = 0
    if marker:
        skip = len(item) - len(item.lstrip()) + marker.end()
    body = item[skip:]
    spans = [(start + skip + s, start + skip + e) for s, e in tokenizer(language).spans(body)]
    if not spans:
        return [(start, end)]
    spans[0] = (start, spans[0][1])
    return spans


# Each rule that adds boundaries, with a substring every match contains.
_CUT_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (_REFERENCE_AFTER_STOP, ""), (_MARKER_AFTER_STOP, ""), (_UPPER_AMPM, ".M."),
    (_PRONOUN_I, " I."), (_UNIT_AT_END, "."), (_LETTER_THEN_STARTER, "."),
    (_STOP_THEN_ELLIPSIS, ". . ."), (_INITIALISM_AT_END, "."))


def _apply_rules(text: str, spans: list[Span], language: str | None = None) -> list[Span]:
    # Rules that add boundaries Punkt missed.
    cuts: set[int] = set()
    for pattern, needle in _CUT_RULES:
        if needle in text:  # a plain substring test skips most rules on most text
            for match in pattern.finditer(text):
                cuts.add(match.end())
    for match in _LOWER_AMPM.finditer(text) if ".m." in text else ():
        # (search with pos: "^" still means the real start of the text)
        if not _TIME_PHRASE_OPENS.search(text, max(0, match.start() - 20), match.end()):
            cuts.add(match.end())
    for pattern in (_WORD_THEN_OPENER, _WORD_THEN_CONSTANT):
        for match in pattern.finditer(text) if pattern is _WORD_THEN_OPENER or "_" in text else ():
            word = _word_before(text, match.start())
            if word.islower() and word not in _KEPT_ABBREVIATIONS:
                cuts.add(match.end())
    for match in _CAPITAL_AFTER_WORD.finditer(text):
        word = _word_before(text, match.start() - 2)  # before "K."
        if word.islower() and word not in _NAME_INTRODUCERS:
            cuts.add(match.end())
    if any(stop in text for stop in CJK_ENDERS):  # (instant on Latin-1 text)
        cuts.update(cjk_cuts(text))
    if any(stop in text for stop in SCRIPT_ENDERS):  # Arabic "؟", Hindi "।"
        cuts.update(script_cuts(text))
    cuts.update(language_cuts(text, language))  # German "…, s. o." | "Das …"
    if cuts:
        spans = _cut(spans, cuts)
    # Rules that remove boundaries Punkt added wrongly.
    merged: list[Span] = []
    for span in spans:
        if merged and (_should_merge(text, merged[-1], span)
                       or joined(text, merged[-1][1], span[0], language)):
            merged[-1] = (merged[-1][0], span[1])
        elif (merged and (refs := _LEADING_MARKERS.match(text, _skip_space(text, span[0])))
              and _ends_with_stop(text, merged[-1])
              and (refs.end() >= span[1] or text[refs.end()].isspace()
                   or _is_wide(text[refs.end()]))):  # not "[1]1": one run of text
            # A marker opening a sentence cites the one before: move it there;
            # a span of markers alone is never a sentence of its own.
            merged[-1] = (merged[-1][0], refs.end())
            if text[refs.end():span[1]].strip():
                merged.append((refs.end(), span[1]))
        else:
            merged.append(span)
    return merged


def _word_before(text: str, end: int) -> str:
    """The run of letters ending at ``end`` ("" if a dot or a digit is glued to it)."""
    start = end
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "._"):
        return ""
    return text[start:end]


def _skip_space(text: str, index: int) -> int:
    while index < len(text) and text[index].isspace():
        index += 1
    return index


def _cut(spans: list[Span], cuts: set[int]) -> list[Span]:
    """Split each span at the cuts strictly inside it.

    The cuts are sorted once and each span takes its own by bisection: a
    scan of all cuts per span made a one-paragraph file of 1 MB take a minute.
    """
    ordered = sorted(cuts)
    result: list[Span] = []
    for start, end in spans:
        first = bisect_right(ordered, start)
        inside = ordered[first:bisect_left(ordered, end, first)]
        bounds = [start, *inside, end]
        result.extend(zip(bounds, bounds[1:], strict=False))
    return result


# How much of a span's end the merge rules read: a span grown by many merges
# ("Yahoo! a Yahoo! b …") is never copied whole again.
_TAIL_CHARS = 256


def _tail(text: str, span: Span) -> tuple[str, bool]:
    """The end of ``span`` right-stripped, and whether that is the whole span."""
    start = max(span[0], span[1] - _TAIL_CHARS)
    tail = text[start:span[1]].rstrip()
    if tail or start == span[0]:
        return tail, start == span[0]
    return text[span[0]:span[1]].rstrip(), True  # (rare) a long blank end: read it all


def _ends_with_stop(text: str, span: Span) -> bool:
    return _tail(text, span)[0].endswith((".", "!", "?", '"', "”", "’", ")", "]", *CJK_ENDERS,
                                          *SCRIPT_ENDERS, "」", "』", "）"))


def _should_merge(text: str, previous: Span, current: Span) -> bool:
    before, whole = _tail(text, previous)
    after = text[current[0]:current[1]].lstrip()
    if not after or not before:
        return True
    if _inside_word(text, previous[1], current[0]):
        return True  # "(without the !" + ")." or "#!" + "[no_std] is…": one run of text
    if _ONLY_DOTS.fullmatch(before) and (
            whole or _ONLY_DOTS.fullmatch(text, previous[0], previous[1])):
        return True  # a lone ellipsis opens the sentence after it
    if (after[0] in _DASHES or after.startswith("- ")) and is_attribution(after):
        return True  # "“It works.” — Sarah K., Ohio": who said it goes with what was said
    if arabic_title_before_name(before, after):
        return True  # "بقلم د." + "أحمد": a title before a name
    if _OPEN_BRACKET_ABBREVIATION.search(before) and _CLOSES_BRACKET.match(after):
        # "(see Tab." + "2).", "(cf." + "Table 2).": a bracket opened after an
        # abbreviation closes in the next span, within three words or numbers
        return True
    if before.endswith(("!", "?")) and after[0].islower():
        # "Yahoo! in the …", not "we? deflateEnd()" — unless inside a quotation
        # ('fixes "npm ERR! cb() never called!"')
        return _CODE_NAME.match(after) is None or _open_quote(text[previous[0]:previous[1]])
    return after[0].isdigit() and bool(_NUMBER_ABBREV.search(before))


# A bracket still open at a span's end after a short word and its full stop
# (an abbreviation: "(see Tab."), and a span whose first words close it.
_OPEN_BRACKET_ABBREVIATION = re.compile(r"[(\[][^()\[\]]*(?<![^\W\d_])[^\W\d_]{1,6}\.$")
_CLOSES_BRACKET = re.compile(
    r"[^\s()\[\].!?]+(?: [^\s()\[\].!?]+){0,2}[)\]]|[\d\s,;–-]*[)\]]")


def _open_quote(span: str) -> bool:
    """Does ``span`` leave a quotation open (an odd number of '"', or “ unclosed)?"""
    return span.count('"') % 2 == 1 or span.count("“") > span.count("”")


def _inside_word(text: str, end: int, start: int) -> bool:
    """Is the boundary between a span ending at ``end`` and one starting at
    ``start`` inside a run of text with no space? Sentences are parted by
    space, except in Chinese and Japanese (wide characters, no spaces)."""
    return (end == start and 0 < end < len(text) and not text[end - 1].isspace()
            and not text[end].isspace() and not _is_wide(text[end - 1])
            and not _is_wide(text[end]))


def _is_wide(char: str) -> bool:
    return char >= "\u1100" and unicodedata.east_asian_width(char) in ("W", "F")


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
