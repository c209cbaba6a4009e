"""Explainable label suggestions for claims.

Each claim may get a :class:`Suggestion`: a label, a score and the cues that
led to it, each with a span and a short reason ("hedge: may", "call to
action: Click here", "citation: PMID 33918360"). The cue lists are data in
``resources/lexicons/`` (see its README); this module only combines them:

* a label's score is ``1 − Π(1 − weight)`` over its cues, counted only when at
  least one cue is strong enough to stand alone (``solo``);
* uncertain: hedges, and unattributed evidence when the claim cites nothing;
* advertising: calls to action, offers, urgency, guarantees, trademarks,
  disclosures — and context: the closing run of pitch-like sentences that
  holds at least two advertising claims is advertising as a whole;
* supported: only when the claim itself carries a citation (an identifier,
  author–year, a numbered reference, or a link to a journal, .gov or .edu).

Suggestions never change annotations; the window shows them and the reader
accepts them or not.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from app.core.article import Article
from app.core.claims import Claim
from app.core.resources import resource_path

FAMILIES = {
    "hedges": "uncertain",
    "unattributed": "uncertain",
    "calls_to_action": "advertising",
    "offers": "advertising",
    "citations": "supported",
}
THRESHOLDS = {"uncertain": 0.7, "advertising": 0.6, "supported": 0.6}
PRIORITY = {"advertising": 3, "uncertain": 2, "supported": 1}
CONTEXT_REASON = "context: part of the closing product pitch"
SCHOLARLY_HOSTS = re.compile(
    r"(?:^|\.)(?:doi\.org|ncbi\.nlm\.nih\.gov|pubmed\.ncbi\.nlm\.nih\.gov|nejm\.org|"
    r"thelancet\.com|bmj\.com|jamanetwork\.com|nature\.com|science\.org|cell\.com|"
    r"sciencedirect\.com|springer\.com|wiley\.com|plos\.org|frontiersin\.org|mdpi\.com|"
    r"cochranelibrary\.com|arxiv\.org|medrxiv\.org|biorxiv\.org|who\.int)$|\.(?:gov|edu)$",
    re.I,
)
_IMPERATIVE_START = re.compile(
    r"^[\"'“‘(]*(?:take|regain|feel|get|start|discover|try|improve|boost|stop|join|imagine|"
    r"experience|enjoy|unlock|transform|restore|give|make|find|see|learn|click|order|buy|"
    r"shop|say|don'?t|act|claim|grab|reclaim|rediscover|support|choose|switch)\b",
    re.I,
)
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours)\b", re.I)
_NEVER = re.compile(r"(?!)")


@dataclass(frozen=True, slots=True)
class Cue:
    """Why a label was suggested: ``text`` at ``[start, end)`` and a reason."""

    start: int
    end: int
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Suggestion:
    label: str
    score: float
    cues: tuple[Cue, ...]


@dataclass(frozen=True, slots=True)
class _Entry:
    label: str
    weight: float
    solo: bool
    start_only: bool
    nocite: bool
    bounded: bool
    case_sensitive: bool
    reason: str
    regex: re.Pattern[str]


@dataclass(frozen=True)
class _Lexicon:
    """All cue entries, and two combined expressions to find them fast.

    ``fast`` runs over the text with ASCII letters lower-cased, without
    IGNORECASE and without groups, which lets the regex engine skip quickly
    between candidates; the entry behind each hit is found afterwards.
    ``exact`` holds the few case-sensitive entries and runs on the original.
    """

    fast_entries: tuple[_Entry, ...]
    fast: re.Pattern[str] | None
    exact_entries: tuple[_Entry, ...]
    exact: re.Pattern[str] | None


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _parse(name: str, text: str) -> list[_Entry]:
    entries: list[_Entry] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            weight, flags, reason, pattern = line.split("\t", 3)
        except ValueError:
            raise ValueError(f"{name}.tsv line {number}: expected 4 tab-separated fields") \
                from None
        flag_set = {f.strip() for f in flags.split(",")}
        bounded = "nobound" not in flag_set
        case_sensitive = "(?-i:" in pattern
        body = rf"(?:{pattern})(?!\w)" if bounded else f"(?:{pattern})"
        regex = re.compile(rf"\b{body}" if bounded else body,
                           re.IGNORECASE if case_sensitive else 0)
        entries.append(_Entry(FAMILIES[name], float(weight), "solo" in flag_set,
                              "start" in flag_set, "nocite" in flag_set, bounded,
                              case_sensitive, reason, regex))
    return entries


@lru_cache(maxsize=4)
def load_lexicons(folder: str | None = None) -> _Lexicon:
    """The cue entries from ``resources/lexicons`` (or ``folder``)."""
    base = Path(folder) if folder else resource_path("lexicons")
    entries: list[_Entry] = []
    for name in FAMILIES:
        entries.extend(_parse(name, (base / f"{name}.tsv").read_text(encoding="utf-8")))
    fast = [e for e in entries if not e.case_sensitive]
    # Word-bounded entries first, behind one \b; then the unbounded ones.
    fast.sort(key=lambda e: not e.bounded)
    exact = tuple(e for e in entries if e.case_sensitive)

    def body(entry: _Entry) -> str:
        return entry.regex.pattern[2:] if entry.bounded else entry.regex.pattern

    bounded = "|".join(body(e) for e in fast if e.bounded)
    free = "|".join(body(e) for e in fast if not e.bounded)
    parts = [f"\\b(?:{bounded})"] if bounded else []
    if free:
        parts.append(f"(?:{free})")
    return _Lexicon(
        tuple(fast),
        re.compile("|".join(parts)) if parts else None,
        exact,
        re.compile("|".join(f"(?:{e.regex.pattern})" for e in exact), re.IGNORECASE)
        if exact else None,
    )


def _reason(entry: _Entry, matched: str) -> str:
    return entry.reason.replace("{m}", " ".join(matched.split()))


def _lower_same_length(text: str) -> str:
    """``text`` lower-cased with every offset kept (str.lower can add characters)."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else text.translate(_ASCII_LOWER)


def _identify(entries: tuple[_Entry, ...], text: str, start: int) -> tuple[_Entry, int] | None:
    for entry in entries:
        found = entry.regex.match(text, start)
        if found is not None:
            return entry, found.end()
    return None


def _matches(text: str, lexicon: _Lexicon) -> list[tuple[int, int, _Entry]]:
    found: list[tuple[int, int, _Entry]] = []
    for combined, entries, haystack in (
        (lexicon.fast, lexicon.fast_entries, _lower_same_length(text)),
        (lexicon.exact, lexicon.exact_entries, text),
    ):
        if combined is None:
            continue
        for match in combined.finditer(haystack):
            hit = _identify(entries, haystack, match.start())
            if hit is not None:
                found.append((match.start(), hit[1], hit[0]))
    found.sort(key=lambda item: item[0])
    return found


def _link_cues(article: Article, claim: Claim) -> list[Cue]:
    cues = []
    block = article.blocks[claim.block]
    for run in block.styles:
        if run.style != "link" or not run.href or run.end <= claim.start or run.start >= claim.end:
            continue
        host = (urlsplit(run.href).hostname or "").lower()
        if host and SCHOLARLY_HOSTS.search(host):
            cues.append(Cue(run.start, run.end, article.text[run.start:run.end],
                            f"citation: link to {host}"))
    return cues


def _score(cues: list[tuple[Cue, _Entry]]) -> float:
    if not any(entry.solo for _, entry in cues):
        return 0.0
    remaining = 1.0
    for _, entry in cues:
        remaining *= 1.0 - min(entry.weight, 0.999)
    return 1.0 - remaining


def _decide(text: str, claim: Claim, matches: list[tuple[int, int, _Entry]],
            link_cues: list[Cue]) -> Suggestion | None:
    by_label: dict[str, list[tuple[Cue, _Entry]]] = {}
    opening = claim.start + len(text[claim.start:claim.end]) - len(
        text[claim.start:claim.end].lstrip("\"'“‘(•*-– "))
    cited = bool(link_cues) or any(e.label == "supported" for _, _, e in matches)
    for start, end, entry in matches:
        if entry.start_only and start != opening:
            continue
        if entry.nocite and cited:
            continue
        cue = Cue(start, end, text[start:end], _reason(entry, text[start:end]))
        by_label.setdefault(entry.label, []).append((cue, entry))
    if link_cues:
        link_entry = _Entry("supported", 0.7, True, False, False, True, False, "", _NEVER)
        by_label.setdefault("supported", []).extend((c, link_entry) for c in link_cues)
    best: Suggestion | None = None
    for label, cues in by_label.items():
        score = _score(cues)
        if score < THRESHOLDS[label]:
            continue
        candidate = Suggestion(label, round(score, 3), tuple(c for c, _ in cues))
        # An advertisement that hedges ("…may help you…") is still an advertisement:
        # the label's priority decides, then the score.
        if best is None or (PRIORITY[label], score) > (PRIORITY[best.label], best.score):
            best = candidate
    return best


def suggest_for_claims(article: Article, claims: list[Claim]) -> dict[int, Suggestion]:
    """Suggestions for ``claims`` of ``article``, keyed by claim index."""
    text = article.text
    matches = _matches(text, load_lexicons())
    starts = [m[0] for m in matches]
    result: dict[int, Suggestion] = {}
    for claim in claims:
        lo = bisect_right(starts, claim.start - 1)
        hi = bisect_right(starts, claim.end - 1)
        inside = [m for m in matches[lo:hi] if m[1] <= claim.end]
        links = _link_cues(article, claim) if article.blocks[claim.block].styles else []
        if not inside and not links:
            continue
        suggestion = _decide(text, claim, inside, links)
        if suggestion is not None:
            result[claim.index] = suggestion
    _closing_pitch(article, claims, result)
    return result


def suggest_text(text: str) -> Suggestion | None:
    """The suggestion for one sentence on its own (no context)."""
    from app.core.article import Block

    article = Article(text, (Block("paragraph", 0, len(text)),), "", "", "txt", "utf-8")
    claim = Claim(0, 0, 0, len(text))
    return suggest_for_claims(article, [claim]).get(0)


def _pitch_like(sentence: str) -> bool:
    stripped = sentence.strip()
    return bool(_IMPERATIVE_START.search(stripped) or _SECOND_PERSON.search(stripped)
                or stripped.endswith(("!", "?")))


def _closing_pitch(article: Article, claims: list[Claim],
                   result: dict[int, Suggestion]) -> None:
    """Mark the closing run of pitch-like sentences as advertising as a whole."""
    run: list[Claim] = []
    ads = 0
    for claim in reversed(claims):
        suggestion = result.get(claim.index)
        is_ad = suggestion is not None and suggestion.label == "advertising"
        if not is_ad and not _pitch_like(article.text[claim.start:claim.end]):
            break
        run.append(claim)
        ads += is_ad
    if ads < 2:
        return
    for claim in run:
        if claim.index in result and result[claim.index].label == "advertising":
            continue
        cue = Cue(claim.start, claim.end, article.text[claim.start:claim.end], CONTEXT_REASON)
        result[claim.index] = Suggestion("advertising", 0.6, (cue,))
