"""Cue lexicons and their learned weights: what words count, and how much.

The lexicons (``resources/lexicons/*.tsv``) say which expressions are cues;
``resources/lexicons/weights.tsv`` says how much each one counts. The weights
are written by ``bench/train_suggest.py`` from data (BioScope and the sets in
``bench/data``), never by hand, so the lexicons hold no number anyone could
tune to one article.

Each label has its own model and its own scan of the text: a cue of one model
never hides a cue of another. Within a model, the row listed first wins where
two could match at the same place — that is how "You may copy" becomes a
permission cue instead of a hedge, and "no guarantee" an ordinary use instead
of a guarantee.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from app.core.resources import resource_path

MODELS: dict[str, tuple[str, ...]] = {
    "uncertain": ("hedges", "unattributed"),
    "advertising": ("clickbait", "disclaimers", "calls_to_action", "offers"),
    "supported": ("citations",),
}
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
# ``re`` holds the interpreter for a whole search: a free pattern with no hit in a
# 3 MB book took 134 ms in one call, a stall of the window meanwhile. It scans
# slices of WINDOW characters instead (~3 ms each); a match may reach REACH
# characters past its slice (a cue is a phrase: the longest, a quotation, is
# under 450).
_CLOSING_QUOTE = re.compile(r"^[\"”’],? ")
WINDOW = 65_536
REACH = 4_096


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon row: a cue ``id`` of ``model`` and how to find it."""

    model: str
    id: str
    start_only: bool
    nocite: bool
    bounded: bool
    case_sensitive: bool
    reason: str
    regex: re.Pattern[str]
    helper: bool = False  # adds to a label, never makes one alone
    source: str = ""  # the expression as written
    rank: int = 0  # position in the lexicons: the first listed wins

    def reason_for(self, matched: str) -> str:
        # the words, not the closing quote mark before them ('" says Mark from Leeds')
        words = _CLOSING_QUOTE.sub("", " ".join(matched.split()))
        return self.reason.replace("{m}", words)


@dataclass(frozen=True)
class Scanner:
    """How to find one model's entries fast: a trie of the text they start with.

    ``trie`` finds where an entry that starts a word with a known letter could
    match: it is a character trie of each entry's literal opening ("no
    guarantee" for ``no guarantee(?:s)?``, "may" for ``may(?:be)?``), so it
    compiles in a few milliseconds where one of the whole expressions took
    ~0.1 s (the expressions are compiled once each anyway). ``names`` maps the
    longest opening found there to the entries whose opening it starts with,
    in lexicon order: the first of them whose own expression matches is the
    cue. ``free`` holds the entries that start with a capital, a sign or a
    bracket, each searched on its own with an expression the engine can skip
    through by its first character.
    """

    model: str
    trie: re.Pattern[str] | None
    names: dict[str, tuple[Entry, ...]]
    free: tuple[tuple[Entry, re.Pattern[str]], ...]


@dataclass(frozen=True)
class Model:
    """A label's logistic model: ``P = σ(bias + Σ weight of the cues present)``."""

    label: str
    bias: float
    threshold: float
    weights: dict[str, float]
    origins: dict[str, str]

    def probability(self, ids: set[str]) -> float:
        z = self.bias + sum(self.weights.get(i, 0.0) for i in ids)
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


@dataclass(frozen=True)
class Lexicon:
    entries: dict[str, tuple[Entry, ...]]
    scanners: tuple[Scanner, ...]
    models: dict[str, Model]


def parse_rows(model: str, name: str, text: str) -> list[Entry]:
    """The entries of one lexicon file (``id, flags, reason, expression``)."""
    entries: list[Entry] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            cue_id, flags, reason, pattern = line.split("\t", 3)
        except ValueError:
            raise ValueError(f"{name}.tsv line {number}: expected 4 tab-separated fields") \
                from None
        flag_set = {f.strip() for f in flags.split(",")}
        bounded = "nobound" not in flag_set
        body = rf"(?:{pattern})(?!\w)" if bounded else f"(?:{pattern})"
        try:
            regex = re.compile(rf"\b{body}" if bounded else body)
        except re.error as error:
            raise ValueError(f"{name}.tsv line {number}: {error}") from None
        entries.append(Entry(model, cue_id, "start" in flag_set, "nocite" in flag_set,
                             bounded, "case" in flag_set, reason, regex,
                             "helper" in flag_set, pattern))
    return entries


_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def _syntax(pattern: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """Each character of ``pattern`` from ``start`` that is regex syntax (not
    escaped, not inside a ``[...]`` class), with the group depth after it."""
    depth, in_class, escaped = 0, False, False
    for index in range(start, len(pattern)):
        char = pattern[index]
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        else:
            depth += (char == "(") - (char == ")")
            yield index, char, depth


def _branches(pattern: str) -> list[str]:
    """``pattern`` split at its top-level ``|`` (outside groups and classes)."""
    cuts = [index for index, char, depth in _syntax(pattern) if char == "|" and depth == 0]
    bounds = [-1, *cuts, len(pattern)]
    return [pattern[a + 1:b] for a, b in zip(bounds, bounds[1:], strict=False)]


def _closing(pattern: str, opening: int) -> int:
    """Index of the ``)`` that closes the group opened at ``opening``."""
    for index, char, depth in _syntax(pattern, opening):
        if char == ")" and depth == 0:
            return index
    raise ValueError(f"unbalanced group in {pattern!r}")


def _by_first_letter(branch: str, depth: int = 0) -> list[tuple[str, str]] | None:
    """``branch`` as ``(first letter, rest)`` pairs, or None where it cannot be.

    Leading groups are distributed (``(?:a|b)c`` → ``ac``, ``bc``) and an
    optional one taken both ways; a branch that opens with a class, an escape
    or a repeat cannot start with one known letter.
    """
    if depth > 6 or not branch:
        return None
    if branch.startswith("(?:"):
        end = _closing(branch, 0)
        inner, after = branch[3:end], branch[end + 1:]
        optional = after.startswith("?") and not after.startswith("??")
        if after[:1] in ("*", "+", "{") or after.startswith("??"):
            return None
        after = after[1:] if optional else after
        pairs: list[tuple[str, str]] = []
        for alternative in [*_branches(inner), *([""] if optional else [])]:
            found = _by_first_letter(alternative + after, depth + 1)
            if found is None:
                return None
            pairs.extend(found)
        return pairs
    first = branch[0]
    if first not in _WORD_CHARS or branch[1:2] in ("?", "*", "+", "{"):
        return None
    return [(first, branch[1:])]


_SYNTAX_CHARS = frozenset("\\.^$*+?{}[]|()")


def _literal_opening(first: str, rest: str) -> str:
    """The text every match of ``first + rest`` starts with (at least ``first``)."""
    opening = first
    for char in rest:
        if char in _SYNTAX_CHARS:
            if char in "?*{" and len(opening) > 1:
                opening = opening[:-1]  # the character before was optional
            break
        opening += char
    return opening


_Trie = dict[str, "_Trie"]


def _trie_pattern(words: set[str]) -> str:
    """A regular expression matching the longest of ``words`` at a place."""
    trie: _Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: _Trie) -> str:
        branches = [re.escape(char) + render(child)
                    for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        if "" not in node:
            return body
        return f"(?:{body})?" if len(branches) == 1 and len(body) > 1 else f"{body}?"

    return render(trie)


def _scanner(model: str, entries: list[Entry]) -> Scanner:
    """One trie of literal openings for the word-start entries, and the rest apart.

    CPython's ``re`` rejects a branch that opens with a literal in one step, so
    the trie costs a few steps per word, where one alternation of whole
    entries tries every entry at every word.
    """
    openings: dict[str, list[Entry]] = {}
    free: list[tuple[Entry, re.Pattern[str]]] = []
    for entry in entries:
        pairs: list[tuple[str, str]] | None = []
        if entry.bounded and not entry.case_sensitive:
            for branch in _branches(entry.source):
                found = _by_first_letter(branch)
                if found is None:
                    pairs = None
                    break
                pairs.extend(found)  # type: ignore[union-attr]
        if not pairs:
            body = entry.regex.pattern[2:] if entry.bounded else entry.regex.pattern
            free.append((entry, re.compile(body)))
            continue
        for first, rest in pairs:
            ask = openings.setdefault(_literal_opening(first, rest), [])
            if entry not in ask:
                ask.append(entry)
    rank = {id(entry): number for number, entry in enumerate(entries)}
    names: dict[str, tuple[Entry, ...]] = {}
    for opening in openings:  # every shorter opening it starts with counts too
        asked = {id(e): e for n in range(1, len(opening) + 1)
                 for e in openings.get(opening[:n], ())}
        names[opening] = tuple(sorted(asked.values(), key=lambda e: rank[id(e)]))
    trie = re.compile(rf"\b(?:{_trie_pattern(set(openings))})") if openings else None
    return Scanner(model, trie, names, tuple(free))


def parse_weights(text: str) -> dict[str, Model]:
    """Models from ``weights.tsv``: ``model, id, weight, support, precision, origin``.

    Two pseudo-ids per model: ``(bias)`` and ``(threshold)``.
    """
    rows: dict[str, dict[str, tuple[float, str]]] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 6:
            raise ValueError(f"weights.tsv line {number}: expected 6 tab-separated fields")
        rows.setdefault(fields[0], {})[fields[1]] = (float(fields[2]), fields[5])
    models: dict[str, Model] = {}
    for label, table in rows.items():
        bias = table.pop("(bias)", (0.0, ""))[0]
        threshold = table.pop("(threshold)", (0.5, ""))[0]
        models[label] = Model(label, bias, threshold, {k: v[0] for k, v in table.items()},
                              {k: v[1] for k, v in table.items()})
    return models


@lru_cache(maxsize=4)
def load_lexicon(folder: str | None = None) -> Lexicon:
    """The cue entries and weights from ``resources/lexicons`` (or ``folder``)."""
    base = Path(folder) if folder else resource_path("lexicons")
    entries: dict[str, tuple[Entry, ...]] = {}
    rank = 0
    for model, files in MODELS.items():
        found: list[Entry] = []
        for name in files:
            for entry in parse_rows(model, name, (base / f"{name}.tsv").read_text(
                    encoding="utf-8")):
                found.append(replace(entry, rank=rank))
                rank += 1
        entries[model] = tuple(found)
    models = parse_weights((base / "weights.tsv").read_text(encoding="utf-8"))
    return Lexicon(entries, tuple(_scanner(m, list(e)) for m, e in entries.items()), models)


def lower_same_length(text: str) -> str:
    """``text`` lower-cased with every offset kept (str.lower can add characters)."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else text.translate(_ASCII_LOWER)


def find_in_slices(regex: re.Pattern[str], text: str, window: int = WINDOW,
                   reach: int = REACH) -> Iterator[re.Match[str]]:
    """``regex.finditer(text)``, searched a slice at a time (see WINDOW).

    The same matches for every match shorter than ``reach``: a slice's search
    runs ``reach`` characters past it (so a match, and what it looks ahead at,
    is not cut), keeps the matches that start inside it, and the next slice
    starts where the last match ended.
    """
    start, size = 0, len(text)
    while start < size:
        stop = start + window
        resume = stop
        for match in regex.finditer(text, start, min(size, stop + reach)):
            if match.start() >= stop:
                break
            yield match
            resume = max(stop, match.end())
        start = resume


def find_cues(text: str, scanners: tuple[Scanner, ...], lowered: str | None = None,
              window: int = WINDOW) -> dict[str, list[tuple[int, int, Entry]]]:
    """Every cue of each model in ``text``: ``(start, end, entry)`` by start.

    Within a model a cue's span is consumed: no other cue of that model starts
    inside it (so "no guarantee" is not also "guarantee"). A cue that counts only
    at a sentence's opening (``start_only``) consumes nothing: mid-sentence it is
    dropped later, and "…and save 30%" must still be a discount.
    """
    lowered = lower_same_length(text) if lowered is None else lowered
    hits: dict[str, list[tuple[int, int, Entry]]] = {}
    for scanner in scanners:
        found: list[tuple[int, int, Entry]] = []
        trie, position = scanner.trie, 0
        while trie is not None and (match := trie.search(lowered, position)) is not None:
            start = position = match.start()
            for entry in scanner.names[match.group()]:
                own = entry.regex.match(lowered, start)
                if own is not None:
                    found.append((start, own.end(), entry))
                    if entry.start_only:
                        continue  # counts only where a sentence opens: the next may hold the place
                    position = own.end() - 1  # a cue's span is consumed
                    break
            position += 1
        for entry, regex in scanner.free:
            haystack = text if entry.case_sensitive else lowered
            for match in find_in_slices(regex, haystack, window):
                start = match.start()
                if entry.bounded and start and (haystack[start - 1].isalnum()
                                                or haystack[start - 1] == "_"):
                    continue
                found.append((start, match.end(), entry))
        found.sort(key=lambda item: item[0])
        hits[scanner.model] = found
    return hits
