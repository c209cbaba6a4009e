"""Explainable label suggestions for claims.

Each claim may get a :class:`Suggestion`: a label, a score and the cues that
led to it, each with a span and a short reason ("hedge: may", "call to
action: Click here", "citation: PMID 33918360"). Which words are cues is data
(``resources/lexicons/``); how much each counts is learned from data
(``weights.tsv``, written by ``bench/train_suggest.py``). This module only
combines them:

* uncertain and advertising are small logistic models over the cues present
  in the claim: ``P = σ(bias + Σ weights)``. The ordinary uses of the same
  words (a permission "You may", "no guarantee", a doctor who orders tests,
  "click the Save button") are cues too, mostly with negative weights; they
  count in the score but are never shown as reasons (:func:`ordinary_use`),
  nor is any cue with a weight ≤ 0. A label needs ``P ≥ threshold`` and a positive cue that is not a
  mere ``helper`` (style: "you", "!", a question);
* words that are not the writer's own are no cues: image alt text, inline
  code, and a quotation the sentence only talks about ('headlines such as
  "You won't believe…"', :func:`mentioned_quotations`);
* advertising also has context: the closing run of pitch-like sentences that
  holds at least two advertising claims is advertising as a whole;
* supported: only when the claim itself carries evidence: an identifier
  (DOI, PMID, PMCID, arXiv), a named study, a link to a journal, .gov or .edu,
  or a citation marker of its own (``app.core.citations``, which keeps a
  marker with the sentence it closes) — never one that opens the claim;
* none at all for an article clearly not in English (``app.core.language``).

Suggestions never change annotations; the window shows them and the reader
accepts them or not.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from urllib.parse import urlsplit

from app.core.article import Article, Block
from app.core.citations import CitationMarker, find_markers
from app.core.claims import Claim
from app.core.cues import Entry, Lexicon, find_cues, load_lexicon, lower_same_length
from app.core.language import other_language
from app.core.quotations import mentioned_quotations, said_quotations
from app.core.suggest_hooks import mark_hooks
from app.core.suggestion import Cue, Suggestion

PRIORITY = {"advertising": 3, "uncertain": 2, "supported": 1}
CONTEXT_REASON = "context: part of the closing product pitch"
ORDINARY_PREFIXES = ("not_", "perm_", "rule_")
SCHOLARLY_HOSTS = re.compile(
    r"(?:^|\.)(?:doi\.org|ncbi\.nlm\.nih\.gov|pubmed\.ncbi\.nlm\.nih\.gov|nejm\.org|"
    r"thelancet\.com|bmj\.com|jamanetwork\.com|nature\.com|science\.org|cell\.com|"
    r"sciencedirect\.com|springer\.com|wiley\.com|plos\.org|frontiersin\.org|mdpi\.com|"
    r"cochranelibrary\.com|arxiv\.org|medrxiv\.org|biorxiv\.org|who\.int)$|\.(?:gov|edu)$",
    re.I,
)
# Judgement, as for the other citation cues (resources/lexicons/README.md): the
# markers are found by app.core.citations, which keeps them with their sentence.
LINK_WEIGHT = 0.7
MARKER_WEIGHTS = {"numeric": 0.65, "author_year": 0.7}
_IMPERATIVE_START = re.compile(
    r"^[\"'“‘(]*(?:take|regain|feel|get|start|discover|try|improve|boost|stop|join|imagine|"
    r"experience|enjoy|unlock|transform|restore|give|make|find|see|learn|click|order|buy|"
    r"shop|say|don'?t|act|claim|grab|reclaim|rediscover|support|choose|switch)\b",
    re.I,
)
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours)\b", re.I)
# A possibility stated to the reader ("you may also feel weak", "low iron can make you
# breathless") is information, not a pitch: "you" alone does not make it pitch-like.
_POSSIBILITY = re.compile(r"\b(?:may|might|can|could)\b(?!['’]t|not\b| not\b)", re.I)
# Where a citation marker could start, each with a first character the regex
# engine can skip to (a scan of a book with citations.MARKER is slow).
_MARKER_HINTS = (re.compile(r"[\[⁰¹²³⁴⁵⁶⁷⁸⁹]"), re.compile(r"[.!?]\d"),
                 re.compile(r"\((?:e\.g\.,? |see |cf\. )?[A-Z][^()]{0,200}?(?:19|20)\d\d"))
_OPENING_JUNK = "\"'“‘(•*-– \t\n"
# A clickbait formula followed by a word for a kind of text names that kind ("one weird
# trick ads", "doctors hate him adverts"): mentioned, not used, as in a quotation.
_NAMED_KIND = re.compile(
    r"[\s\"'”’-]*(?:-?style|ads?|adverts?|advertisements?|advertising|adverti[sz]ers?|"
    r"headlines?|banners?|clickbait|campaigns?|schemes?|scams?|spam|e-?mails?|posts?|"
    r"articles?|pages?|sites?|videos?|memes?|formulas?|genre|marketing|copy)\b", re.I)
Hit = tuple[int, int, Entry]


def ordinary_use(entry: Entry) -> bool:
    """Whether ``entry`` is an ordinary use of cue words (``not_…``, ``perm_…``,
    ``rule_…``: "click the Save button", "You may copy", "must"). Its weight counts
    whatever the data made it, but it is never a reason: "ordinary use: Click the
    Save button" under "Why suggested: advertising" would be a wrong reason."""
    return entry.id.startswith(ORDINARY_PREFIXES)


def load_lexicons(folder: str | None = None) -> Lexicon:
    """The lexicons and their weights (cached)."""
    return load_lexicon(folder)


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


def own_cues(text: str, start: int, end: int, hits: dict[str, list[Hit]],
             markers: list[CitationMarker], links: list[Cue], lexicon: Lexicon
             ) -> tuple[dict[str, list[Hit]], list[tuple[Cue, float]]]:
    """The cues of each model that count for the claim ``text[start:end]``, and
    the claim's own evidence with each piece's weight.

    Drops start-only cues not at the opening, citation markers and identifiers
    at the opening (they close the sentence before), cues inside a quotation
    the claim only mentions (:func:`mentioned_quotations`) and, when the claim
    cites something, the cues that stand for missing evidence (``nocite``).
    """
    claim_text = text[start:end]
    mentioned = mentioned_quotations(text, start, end)
    said = ([] if any(h[2].id == "offer_testimonial_by" for h in hits.get("advertising", ()))
            else said_quotations(text, start, end))  # a customer's words: a testimonial
    opening = start + len(claim_text) - len(claim_text.lstrip(_OPENING_JUNK))
    weights = lexicon.models["supported"].weights
    evidence = [(Cue(s, e, text[s:e], entry.reason_for(text[s:e])), weights[entry.id])
                for s, e, entry in hits.get("supported", ()) if s != opening]
    evidence += [(Cue(m.start, m.end, text[m.start:m.end], f"citation: {text[m.start:m.end]}"),
                  MARKER_WEIGHTS[m.kind]) for m in markers if m.start != opening]
    evidence += [(cue, LINK_WEIGHT) for cue in links]
    result: dict[str, list[Hit]] = {}
    for model, found in hits.items():
        if model != "supported":
            found = _opening_takes_place(found, opening, lexicon)
            result[model] = [h for h in found if (not h[2].start_only or h[0] == opening)
                             and not (h[2].nocite and evidence)
                             and not (mentioned and _within(h, mentioned))
                             and not (said and h[2].id.startswith("bait_") and _within(h, said))
                             and not _names_a_kind(text, h)]
    return result, evidence


_FREE_ENTRIES: dict[int, frozenset[int]] = {}


def _opening_takes_place(found: list[Hit], opening: int, lexicon: Lexicon) -> list[Hit]:
    """At a claim's opening a start-only cue holds its place as any cue does:
    the word cues listed after it at that place, or starting inside its span,
    do not count. (``find_cues`` keeps them, since mid-sentence the start-only
    cue is dropped and "…and save 30%" must be a discount.)"""
    first = next((h for h in found if h[0] == opening and h[2].start_only), None)
    if first is None:
        return found
    free = _FREE_ENTRIES.get(id(lexicon))
    if free is None:
        free = _FREE_ENTRIES[id(lexicon)] = frozenset(
            id(entry) for scanner in lexicon.scanners for entry, _ in scanner.free)
    if id(first[2]) in free:
        return found
    return [h for h in found if h is first or id(h[2]) in free
            or not opening <= h[0] < first[1]]


def _names_a_kind(text: str, hit: Hit) -> bool:
    """Whether a clickbait formula names a kind of text ("one weird trick ads")."""
    return hit[2].id.startswith("bait_") and _NAMED_KIND.match(text, hit[1]) is not None


def _within(hit: Hit, spans: list[tuple[int, int]]) -> bool:
    return any(a <= hit[0] and hit[1] <= b for a, b in spans)


def cue_ids(sentence: str, lexicon: Lexicon | None = None) -> dict[str, set[str]]:
    """The cue ids of each model in one sentence on its own (for training)."""
    lexicon = lexicon or load_lexicon()
    hits = find_cues(sentence, lexicon.scanners, lower_same_length(sentence))
    counted, _ = own_cues(sentence, 0, len(sentence), hits, find_markers(sentence), [],
                          lexicon)
    return {m: {h[2].id for h in found} for m, found in counted.items()}


def _decide(text: str, counted: dict[str, list[Hit]], evidence: list[tuple[Cue, float]],
            lexicon: Lexicon) -> Suggestion | None:
    best: Suggestion | None = None
    candidates: list[tuple[str, float, list[Cue]]] = []
    if evidence:
        candidates.append(("supported", max(w for _, w in evidence), [c for c, _ in evidence]))
    for label, found in counted.items():
        model = lexicon.models[label]
        positive = [(s, e, entry) for s, e, entry in found
                    if model.weights.get(entry.id, 0) > 0 and not ordinary_use(entry)]
        if all(entry.helper for _, _, entry in positive):
            continue  # nothing, or only style ("you", "!"): never a label alone
        candidates.append((label, model.probability({entry.id for _, _, entry in found}),
                           [Cue(s, e, text[s:e], entry.reason_for(text[s:e]))
                            for s, e, entry in _outermost(positive)]))
    for label, score, cues in candidates:
        if score < lexicon.models[label].threshold:
            continue
        # An advertisement that hedges ("…may help you…") is still an advertisement:
        # the label's priority decides, then the score.
        if best is None or (PRIORITY[label], score) > (PRIORITY[best.label], best.score):
            best = Suggestion(label, round(score, 3), tuple(sorted(cues, key=lambda c: c.start)))
    return best


def _outermost(hits: list[Hit]) -> list[Hit]:
    """The hits not lying inside another one: "our 100-night guarantee" says all
    that "100-night guarantee" would (rows scanned apart can overlap)."""
    return [h for h in hits if not any(o is not h and o[0] <= h[0] and h[1] <= o[1]
                                       and (o[0], o[1]) != (h[0], h[1]) for o in hits)]


def _inside(found: list[Hit], starts: list[int], claim: Claim) -> list[Hit]:
    lo = bisect_right(starts, claim.start - 1)
    hi = bisect_right(starts, claim.end - 1)
    return [h for h in found[lo:hi] if h[1] <= claim.end]


def suggest_for_claims(article: Article, claims: list[Claim],
                       hits: dict[str, list[Hit]] | None = None) -> dict[int, Suggestion]:
    """Suggestions for ``claims`` of ``article``, keyed by claim index.

    ``hits`` are the cues of the whole text if already found
    (``app.core.cue_search`` finds a book's in a child process)."""
    text = article.text
    if other_language(text):  # the lexicons are English (app.core.language)
        return {}
    lexicon = load_lexicon()
    all_hits = hits if hits is not None else find_cues(text, lexicon.scanners,
                                                       lower_same_length(text))
    starts = {m: [h[0] for h in found] for m, found in all_hits.items()}
    hints = sorted(m.start() for hint in _MARKER_HINTS for m in hint.finditer(text))
    unread = _unread_runs(article)
    result: dict[int, Suggestion] = {}
    ordinary: set[int] = set()  # claims with an ordinary use of sales words
    for claim in claims:
        inside = {m: _inside(found, starts[m], claim) for m, found in all_hits.items()}
        skipped = _touching(unread.get(claim.block, ()), claim)
        if skipped:
            inside = {m: [h for h in found if not _overlaps(h, skipped)]
                      for m, found in inside.items()}
        hinted = bisect_right(hints, claim.end - 1) > bisect_right(hints, claim.start - 1)
        own_markers = find_markers(text, claim.start, claim.end) if hinted else []
        links = _link_cues(article, claim) if article.blocks[claim.block].styles else []
        if not links and not own_markers and not any(inside.values()):
            continue
        counted, evidence = own_cues(text, claim.start, claim.end, inside, own_markers, links,
                                     lexicon)
        suggestion = _decide(text, counted, evidence, lexicon)
        if suggestion is not None:
            result[claim.index] = suggestion
        if any(ordinary_use(entry) for _, _, entry in counted.get("advertising", ())):
            ordinary.add(claim.index)
    mark_hooks(article, claims, result, lambda s: bool(_IMPERATIVE_START.search(s)), ordinary)
    _closing_pitch(article, claims, result, ordinary)
    return result


UNREAD_STYLES = ("alt", "code")


def _unread_runs(article: Article) -> dict[int, list[tuple[int, int]]]:
    """The spans per block whose words are never cues: image alt text (a
    picture's caption: "Rated 4.9 out of 5 stars") and inline code (names in a
    program: ``panic!``, ``free()``, ``--save``)."""
    return {number: spans for number, block in enumerate(article.blocks)
            if block.styles and (spans := [(run.start, run.end) for run in block.styles
                                           if run.style in UNREAD_STYLES])}


def _alt_runs_of(block: Block) -> list[tuple[int, int]]:
    return [(run.start, run.end) for run in block.styles if run.style == "alt"]


def _touching(spans: Iterable[tuple[int, int]], claim: Claim) -> list[tuple[int, int]]:
    return [(a, b) for a, b in spans if a < claim.end and b > claim.start]


def _overlaps(hit: Hit, spans: list[tuple[int, int]]) -> bool:
    return any(hit[0] < end and hit[1] > start for start, end in spans)


def _only_alt(article: Article, claim: Claim) -> bool:
    """Whether every letter of ``claim`` is image alt text."""
    spans = _touching(_alt_runs_of(article.blocks[claim.block]), claim)
    text = article.text
    return bool(spans) and not any(
        text[i].isalnum() and not any(s <= i < e for s, e in spans)
        for i in range(claim.start, claim.end))


def suggest_text(text: str) -> Suggestion | None:
    """The suggestion for one sentence on its own (no context)."""
    article = Article(text, (Block("paragraph", 0, len(text)),), "", "", "txt", "utf-8")
    claim = Claim(0, 0, 0, len(text))
    return suggest_for_claims(article, [claim]).get(0)


def _pitch_like(sentence: str, addressed_counts: bool = True) -> bool:
    """An imperative, an exclamation or question, or (``addressed_counts``) the
    reader addressed — in the writer's own words: a quotation the sentence only
    mentions ('Headlines such as "You won't believe…"') does not make it pitch.
    The reader addressed with a possibility ("you may also feel weak", "can make
    you breathless") is health information, not pitch."""
    for a, b in reversed(mentioned_quotations(sentence, 0, len(sentence))):
        sentence = sentence[:a] + sentence[b:]
    stripped = sentence.strip()
    return bool(_IMPERATIVE_START.search(stripped) or stripped.endswith(("!", "?"))
                or (addressed_counts and _SECOND_PERSON.search(stripped)
                    and not _POSSIBILITY.search(stripped)))


def _closing_pitch(article: Article, claims: list[Claim], result: dict[int, Suggestion],
                   ordinary: AbstractSet[int] = frozenset()) -> None:
    """Mark the closing run of pitch-like sentences as advertising as a whole.

    A claim in ``ordinary`` (an ordinary use of sales words: "click the Save
    button", "ask your pharmacist") neither joins nor ends the run: it is not
    pitch, but a shop page's instructions sit among its pitch. Addressing the
    reader makes a claim pitch-like only in a paragraph that sells (holds an
    advertising claim) or before an advertising claim of the run: health pages
    say "you" in every paragraph, and the one after a pitch ("Regular exercise
    helps you sleep") is not part of it, where a line between two selling
    paragraphs is.
    """
    run: list[Claim] = []
    ads = 0
    selling = {claim.block for claim in claims
               if claim.index in result and result[claim.index].label == "advertising"}
    for claim in reversed(claims):
        suggestion = result.get(claim.index)
        is_ad = suggestion is not None and suggestion.label == "advertising"
        if not is_ad and (claim.index in ordinary or _only_alt(article, claim)):
            continue  # a picture's caption, an instruction: neither joins nor ends it
        if not is_ad and not _pitch_like(article.text[claim.start:claim.end],
                                         ads > 0 or claim.block in selling):
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
