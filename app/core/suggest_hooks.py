"""A pitch's hook: the question or imperative that opens a selling paragraph.

"Stop paying too much for your mobile plan. Compare the best SIM-only deals…": the first
sentence names no product, price or call to buy, so it has no cue of its own (an imperative
opening and "you" are helpers, session 11), but the sentence after it in the same paragraph
sells. A hook directly before an advertising claim of its own paragraph is part of that
pitch. One step only: a hook makes nothing before it a hook, and a sentence that already has
a suggestion, or is an ordinary use of sales words, keeps what it has. What a hook is, the
caller says (``suggest``: an imperative opening; a question to the reader before a single ad
stays unmarked, as the closing pitch has always had it).
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Set as AbstractSet

from app.core.article import Article
from app.core.claims import Claim
from app.core.suggestion import Cue, Suggestion

HOOK_REASON = "context: opens the pitch that follows"


def mark_hooks(article: Article, claims: list[Claim], result: dict[int, Suggestion],
               is_hook: Callable[[str], bool],
               ordinary: AbstractSet[int] = frozenset()) -> None:
    """Mark as advertising each claim with no suggestion that ``is_hook`` and that comes
    directly before an advertising claim (found by its own cues) of the same block."""
    sold = {index for index, suggestion in result.items() if suggestion.label == "advertising"}
    for claim, after in zip(claims, claims[1:], strict=False):
        if (claim.block != after.block or after.index not in sold or claim.index in result
                or claim.index in ordinary):
            continue
        text = article.text[claim.start:claim.end]
        if is_hook(text):
            result[claim.index] = Suggestion(
                "advertising", 0.6, (Cue(claim.start, claim.end, text, HOOK_REASON),))
