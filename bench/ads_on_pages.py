"""Advertising suggested on editorial web pages: false alarms on real prose.

Run: ``.venv/bin/python bench/ads_on_pages.py PAGES [--show dev|held-out]``
where PAGES holds Mozilla Readability's test pages as ``NAME/source.html``
(copies of third-party sites, not committed; see ``bench/readability_pages.py``
for where to read them). Every page is a news article or blog post, so a
sentence called advertising there is a false alarm unless the page's own
furniture sells something ("Subscribe now to access…"): ``--show`` lists them
with their reasons so that can be judged.

The split was fixed in session 15 before any lexicon change: DEV are the pages
looked at to write the rules (``medicalnewstoday`` was seen first, in the
window), HELD_OUT the ones whose sentences were not read until the figures
after the change were taken.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.core.claims import find_claims  # noqa: E402
from app.core.loaders import load_article  # noqa: E402
from app.core.suggest import suggest_for_claims  # noqa: E402

HELD_OUT = ("mercurial", "tmz-1", "topicseed-1", "v8-blog", "wapo-2", "webmd-1", "webmd-2")


def main(pages: Path, show: str) -> None:
    totals: Counter[tuple[str, str]] = Counter()
    for page in sorted(path for path in pages.iterdir() if (path / "source.html").exists()):
        part = "held-out" if page.name in HELD_OUT else "dev"
        article = load_article(page / "source.html")
        claims = find_claims(article)
        suggestions = suggest_for_claims(article, claims)
        ads = sorted(i for i, s in suggestions.items() if s.label == "advertising")
        totals[part, "claims"] += len(claims)
        totals[part, "ads"] += len(ads)
        print(f"{part:8} {page.name:22} claims {len(claims):4}  advertising {len(ads):3}")
        if show == part:
            for index in ads:
                claim = claims[index]
                text = article.text[claim.start:claim.end].replace("\n", " ")
                print(f"    {text[:150]}  | why: {'; '.join(suggestions[index].reasons())}")
    for part in ("dev", "held-out"):
        claims, ads = totals[part, "claims"], totals[part, "ads"]
        if claims:
            print(f"{part}: {ads}/{claims} claims called advertising ({100 * ads / claims:.1f} %)")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]), sys.argv[3] if len(sys.argv) > 3 and sys.argv[2] == "--show" else "")
