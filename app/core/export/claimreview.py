"""schema.org ClaimReview: one object per labelled claim, for fact-check publishers.

Rating scale (documented in README): 1–5, best 5, worst 1 —
supported = 5, uncertain = 3, advertising = 1. ``alternateName`` carries the
label itself, ``ratingExplanation`` the note, ``citation`` the sources.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from app.core.export.model import ExportModel

RATING = {"supported": 5, "uncertain": 3, "advertising": 1}
BEST, WORST = 5, 1


def to_claimreviews(model: ExportModel) -> list[dict[str, Any]]:
    reviews = []
    for item in model.items:
        a = item.annotation
        if a.label not in RATING:
            continue
        reviews.append({
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "claimReviewed": " ".join(a.exact.split()),
            "reviewRating": {
                "@type": "Rating",
                "ratingValue": RATING[a.label],
                "bestRating": BEST,
                "worstRating": WORST,
                "alternateName": a.label,
                "ratingExplanation": a.note,
            },
            "itemReviewed": {
                "@type": "Claim",
                "appearance": {"@type": "CreativeWork", "url": model.article_uri,
                               "headline": model.article.title,
                               **({} if item.page is None else {"pagination": f"p. {item.page}"})},
            },
            "author": {"@type": "Person", "name": model.author},
            # An imported note may carry no date: then the export's own day.
            "datePublished": (a.modified or a.created)[:10] or model.exported[:10],
            "url": f"{model.article_uri}#{quote(a.id, safe='')}",
            # The reader's evidence: the works the review cites.
            **({"citation": [{"@type": "CreativeWork", "url": source} for source in a.sources]}
               if a.sources else {}),
        })
    return reviews


def to_claimreview_text(model: ExportModel) -> str:
    return json.dumps(to_claimreviews(model), ensure_ascii=False, indent=1) + "\n"
