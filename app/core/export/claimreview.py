"""schema.org ClaimReview: one object per labelled claim, for fact-check publishers.

Rating scale (documented in README): 1–5, best 5, worst 1 —
supported = 5, uncertain = 3, advertising = 1. ``alternateName`` carries the
label itself, ``ratingExplanation`` the note (none when there is no note),
``citation`` the sources. A saved web page's own address (canonical link,
og:url, JSON-LD, the browser's "saved from url=" comment), author and date
(``page_metadata``) name the work and the claim: ``url`` and the Claim's
``appearance``, its ``author`` and ``datePublished``; a page that names none
keeps its file's address.

``claimReviewed`` is the claim: the sentence the note is on (a note on a few
of its words reviews the sentence), as it read when the note was written,
without the article's numbered citation markers ("…at the start.[4]" reads
"…at the start."): a search engine shows it alone, where "[4]" names nothing
(author–year citations are words of the claim and stay). A
note that lost its place in the text reviews no claim of the article, and a
note without a label has no rating: both are left out, and
:func:`left_out` says how many and why.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from app.core.citations import find_markers
from app.core.export.model import ExportItem, ExportModel
from app.core.page_metadata import PageMetadata, saved_page_metadata
from app.core.wording import count_of

RATING = {"supported": 5, "uncertain": 3, "advertising": 1}
NAMES = {"supported": "Supported", "uncertain": "Uncertain", "advertising": "Advertising"}
BEST, WORST = 5, 1


def reviewed(model: ExportModel) -> list[ExportItem]:
    """The notes that become reviews: labelled, and placed in the text."""
    return [item for item in model.items
            if item.annotation.label in RATING and not item.orphaned]


def left_out(model: ExportModel) -> str:
    """Which notes the ClaimReview export leaves out and why ("" if none)."""
    lost = sum(1 for item in model.items if item.orphaned and item.annotation.label in RATING)
    unlabelled = sum(1 for item in model.items if item.annotation.label not in RATING)
    reasons = []
    if lost:
        reasons.append(f"{count_of(lost, 'note')} that lost {'its' if lost == 1 else 'their'} "
                       "place in the article (no sentence of it to review)")
    if unlabelled:
        reasons.append(f"{count_of(unlabelled, 'note')} without a label (a review needs a rating)")
    return "left out " + " and ".join(reasons) if reasons else ""


def _without_numbered_markers(claim: str) -> str:
    kept, at = [], 0
    for marker in find_markers(claim):
        if marker.kind == "numeric":
            kept.append(claim[at:marker.start])
            at = marker.end
    return " ".join("".join([*kept, claim[at:]]).split())


def _claim(model: ExportModel, item: ExportItem, page: PageMetadata) -> dict[str, Any]:
    """The reviewed Claim: who made it and when, where the page says so, and the
    work it appears in, by the page's own address where it names one."""
    return {
        "@type": "Claim",
        **({"author": {"@type": page.author_type, "name": page.author}} if page.author else {}),
        **({"datePublished": page.published} if page.published else {}),
        "appearance": {"@type": "CreativeWork", "url": page.url or model.article_uri,
                       "headline": model.article.title,
                       **({} if item.page is None else {"pagination": f"p. {item.page}"})},
    }


def to_claimreviews(model: ExportModel) -> list[dict[str, Any]]:
    reviews = []
    page = saved_page_metadata(model.article)
    address = page.url or model.article_uri
    for item in reviewed(model):
        a = item.annotation
        reviews.append({
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "claimReviewed": _without_numbered_markers(model.claim_text(item)),
            "reviewRating": {
                "@type": "Rating",
                "ratingValue": RATING[a.label],
                "bestRating": BEST,
                "worstRating": WORST,
                "alternateName": a.label,
                "name": NAMES[a.label],
                # A rating with no note has no explanation (not an empty one).
                **({"ratingExplanation": a.note} if a.note.strip() else {}),
            },
            "itemReviewed": _claim(model, item, page),
            "author": {"@type": "Person", "name": model.author},
            # An imported note may carry no date: then the export's own day.
            "datePublished": (a.modified or a.created)[:10] or model.exported[:10],
            "url": f"{address}#{quote(a.id, safe='')}",
            # The reader's evidence: the works the review cites.
            **({"citation": [{"@type": "CreativeWork", "url": source} for source in a.sources]}
               if a.sources else {}),
        })
    return reviews


def to_claimreview_text(model: ExportModel) -> str:
    return json.dumps(to_claimreviews(model), ensure_ascii=False, indent=1) + "\n"
