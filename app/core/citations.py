"""Citation markers and the reference entries they name.

A claim "carries" the markers inside its span: the segmenter keeps a marker
with the sentence before it ("…in adults.[2] Most…", "…in adults.14 15
Most…"), so a claim's markers are the ones it cites. Markers come in these
shapes:

* bracketed numbers: "[1]", "[7][8]", "[3–5]", "[2, 4]", "[note 1]";
* superscript digits: "¹²", "³⁻⁵" (not a power: "10⁶", "m²", "x³");
* bare numbers right after a sentence's full stop: ".11 12", ".30", ".4,5";
* author–year: "(Smith et al., 2020)", "(Smith and Jones 2019; Lee 2021)".

``CitationIndex(article)`` is built once per article and answers which
markers a span carries and which reference entries (blocks of kind
``reference``) they name. Numbers name the entry with that number; an
author–year marker names the entry that starts with the author's name and
holds the year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from app.core.article import Article

MarkerKind = Literal["numeric", "author_year"]

_SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPER_TO_DIGIT = str.maketrans(_SUPERSCRIPT + "⁻", "0123456789-")
_NUMBER_LIST = r"\d{1,3}(?:\s?[,–-]\s?\d{1,3})*"
_BRACKETED = rf"\[(?:{_NUMBER_LIST}|note\s\d{{1,3}}|[a-z])\]"
_NAME = r"[A-Z][\w'’-]+"
_AUTHORS = rf"{_NAME}(?:(?:\s(?:et\sal\.?|and|&)(?:\s{_NAME})?)|(?:,\s{_NAME}(?=,? (?:and|&))))*"
_YEAR = r"(?:19|20)\d{2}[a-z]?"
_AUTHOR_YEAR = (rf"\((?:(?:e\.g\.,?|see|cf\.)\s)?{_AUTHORS},?\s{_YEAR}"
                rf"(?:;\s{_AUTHORS},?\s{_YEAR})*\)")
MARKER = re.compile(
    rf"""(?x)
      (?P<bracketed>(?:{_BRACKETED})+)
    | (?P<superscript>[{_SUPERSCRIPT}]+(?:[,⁻–][{_SUPERSCRIPT}]+)*)
    | (?<=[^\W\d_][.!?])(?P<after_stop>\d{{1,3}}(?:(?:[,–-]|\s)\d{{1,3}})*)(?=\s+[A-Z(\[“"]|\s*$)
    | (?P<author_year>{_AUTHOR_YEAR})
    """
)
_AUTHOR_YEAR_PARTS = re.compile(rf"(?P<name>{_NAME})[^;()]*?(?P<year>(?:19|20)\d{{2}})[a-z]?")
# What a superscript number is a power of: a digit, or a word of up to three
# letters (a unit or a variable: "cm²", "x²"), perhaps then a superscript
# minus ("10⁻³"); after a longer word it cites.
LETTER = "[^\\W\\d_\u00b2\u00b3\u00b9\u2070-\u2079]"  # a letter (a superscript digit is none)
_POWER_BEFORE = re.compile(rf"(?:\d|⁻|(?<!{LETTER}){LETTER}{{1,3}})$")
_RANGE = re.compile(r"(\d{1,3})\s?[–-]\s?(\d{1,3})")
_MAX_RANGE = 50


@dataclass(frozen=True, slots=True)
class CitationMarker:
    """A marker at ``text[start:end]`` naming ``labels`` ("2", "7", "Smith 2020")."""

    start: int
    end: int
    kind: MarkerKind
    labels: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Reference:
    """A reference entry: block number ``block``, its ``number`` if it has one."""

    block: int
    number: int | None
    text: str

    def short(self, width: int = 60) -> str:
        """"[2] Smith J … BMJ 2020": the number, the head and the tail of the
        entry, in whole words: a DOI or URL is never cut (tester T8)."""
        words = self.text.split()
        body = " ".join(words)
        if len(body) > width:
            head = _fitting(words, width * 2 // 3)
            tail = _fitting(words[len(head):][::-1], width // 3)[::-1]
            if len(head) + len(tail) < len(words):
                body = f"{' '.join(head)} … {' '.join(tail)}"
        return f"[{self.number}] {body}" if self.number is not None else body


def _fitting(words: list[str], width: int) -> list[str]:
    """The first words within ``width`` characters (at least one, whole)."""
    taken: list[str] = []
    used = 0
    for word in words:
        if taken and used + len(word) > width:
            break
        taken.append(word)
        used += len(word) + 1
    return taken


def find_markers(text: str, start: int = 0, end: int | None = None) -> list[CitationMarker]:
    """The citation markers inside ``text[start:end]`` (absolute offsets)."""
    found: list[CitationMarker] = []
    for match in MARKER.finditer(text, start, len(text) if end is None else end):
        group = match.lastgroup or ""
        value = match.group(group)
        if group == "superscript" and is_power_after(text, match.start()):
            continue  # "10⁶", "m²", "x³": a power, not a citation
        if group == "author_year":
            labels = tuple(f"{m.group('name')} {m.group('year')}"
                           for m in _AUTHOR_YEAR_PARTS.finditer(value))
            found.append(CitationMarker(match.start(), match.end(), "author_year", labels))
        else:
            found.append(CitationMarker(match.start(), match.end(), "numeric",
                                        _numbers(value.translate(_SUPER_TO_DIGIT))))
    return found


def is_power_after(text: str, at: int) -> bool:
    """Is a superscript number at ``text[at]`` a power of what it follows?"""
    return _POWER_BEFORE.search(text, max(0, at - 4), at) is not None


def _numbers(value: str) -> tuple[str, ...]:
    """"[3–5][8]" → ("3", "4", "5", "8"); "[note 1]" → ("note 1",); ".11 12" → ("11", "12")."""
    groups = re.findall(r"\[([^\]]*)\]", value) or [value]
    labels: list[str] = []
    for group in groups:
        if not group[:1].isdigit():
            labels.append(group)  # "note 1", "a"
            continue
        for part in re.split(r"\s*,\s*|\s+(?=\d)", group):
            span = _RANGE.fullmatch(part)
            if span and 0 <= int(span.group(2)) - int(span.group(1)) <= _MAX_RANGE:
                labels.extend(str(n) for n in range(int(span.group(1)), int(span.group(2)) + 1))
            elif part:
                labels.append(part)
    return tuple(labels)


def is_only_markers(text: str) -> bool:
    """True when ``text`` holds citation markers and nothing else worth a claim."""
    rest = MARKER.sub("", text)
    rest = re.sub(r"\b\d{1,3}\b", "", rest)  # ".11 12" once its full stop went
    return bool(text.strip()) and not re.search(r"[^\W\d_]", rest)


class CitationIndex:
    """The reference entries of one article and the markers that name them."""

    def __init__(self, article: Article) -> None:
        self.text = article.text
        references: list[Reference] = []
        self._by_anchor: dict[str, Reference] = {}
        self._links: list[tuple[int, int, str]] = []  # in-page links: (start, end, target)
        for number, block in enumerate(article.blocks):
            if block.kind == "reference":
                reference = Reference(number, block.ordinal,
                                      article.text[block.start:block.end].strip())
                references.append(reference)
                for style in block.styles:
                    if style.style == "anchor" and style.href:
                        self._by_anchor.setdefault(style.href, reference)
            else:
                self._links.extend((s.start, s.end, s.href[1:]) for s in block.styles
                                   if s.style == "link" and s.href and s.href.startswith("#"))
        self.references: tuple[Reference, ...] = tuple(references)
        self._by_number = {r.number: r for r in references if r.number is not None}

    def markers(self, start: int, end: int) -> list[CitationMarker]:
        """The markers a claim ``text[start:end]`` carries."""
        return find_markers(self.text, start, end)

    def cited(self, start: int, end: int) -> list[Reference]:
        """The reference entries named by the markers in ``text[start:end]``, in order."""
        named: list[Reference] = []
        for marker in self.markers(start, end):
            # A marker that links to its note ("#cite_note-3", "#fn:2") names
            # that note; otherwise its number or author and year do.
            linked = [self._by_anchor[target] for a, b, target in self._links
                      if a < marker.end and b > marker.start and target in self._by_anchor]
            found = linked or [r for label in marker.labels
                               if (r := self._lookup(marker.kind, label)) is not None]
            for reference in found:
                if reference not in named:
                    named.append(reference)
        return named

    def _lookup(self, kind: MarkerKind, label: str) -> Reference | None:
        if kind == "numeric":
            return self._by_number.get(int(label)) if label.isdigit() else None
        name, _, year = label.rpartition(" ")
        for reference in self.references:
            head = reference.text.lstrip("^[]0123456789.) ")
            if head.startswith(name) and year in reference.text:
                return reference
        return None
