"""A pitch's hook: the question or imperative that opens a selling paragraph.

Run: ``.venv/bin/python bench/eval_pitch_hooks.py [--show]``. Reports

1. ``bench/data/ads_heldout8.tsv`` (held out): hooks scored as the first claim of their
   paragraph — "Stop paying too much for your mobile plan." before "Compare the best
   SIM-only and contract deals…";
2. false alarms on real documents nobody here wrote: every text file of ``/usr/share/doc``
   (README, NEWS and the like, under 200 kB; packages alternate in-sample / held-out by
   name, as ``docs_imperatives.py`` does) split into claims whole, and the claims called
   advertising only as a hook (``--show`` lists them).
"""

from __future__ import annotations

import sys
from pathlib import Path

from suggest_data import tsv

from app.core.claims import find_claims
from app.core.loaders import article_from_bytes
from app.core.suggest import suggest_for_claims

HOOK_REASON = "context: opens the pitch that follows"
DOCS = Path("/usr/share/doc")


def labels_of(text: str) -> list[tuple[str, str | None, str]]:
    """``(claim, label, first reason)`` for each claim of ``text`` read as a .txt article."""
    article = article_from_bytes(text.encode("utf-8"), "txt", "page.txt")
    claims = find_claims(article)
    got = suggest_for_claims(article, claims)
    out = []
    for claim in claims:
        suggestion = got.get(claim.index)
        out.append((article.text[claim.start:claim.end],
                    suggestion.label if suggestion else None,
                    suggestion.cues[0].reason if suggestion else ""))
    return out


def hooks() -> None:
    rows = tsv("ads_heldout8.tsv")
    found = [labels_of(r[-1] + "\n")[0] for r in rows]
    ads = sum(label == "advertising" for _, label, _ in found)
    print(f"1. ads_heldout8.tsv (held out): hooks called advertising {ads}/{len(rows)}")
    for claim, label, reason in found:
        print(f"     {label or '-':<11} {claim[:70]}  [{reason}]")


def doc_files() -> list[tuple[str, Path]]:
    files = []
    for package in sorted(p for p in DOCS.iterdir() if p.is_dir()):
        for path in sorted(package.iterdir()):
            if (path.is_file() and path.suffix in ("", ".md", ".txt")
                    and path.stat().st_size < 200_000 and not path.name.startswith("copyright")):
                files.append((package.name, path))
    return files


def docs() -> None:
    print("2. /usr/share/doc text files read whole: claims called advertising | as a hook")
    parts: dict[str, list[int]] = {"in": [0, 0, 0], "held": [0, 0, 0]}
    for number, (package, path) in enumerate(doc_files()):
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        part = parts["in" if number % 2 == 0 else "held"]
        for claim, label, reason in labels_of(text):
            part[0] += 1
            part[1] += label == "advertising"
            if reason == HOOK_REASON:
                part[2] += 1
                if "--show" in sys.argv:
                    print(f"     hook: {package}/{path.name}: {claim[:120]}")
    for name, (claims, ads, hooked) in parts.items():
        print(f"   {name:<5} claims {claims}, advertising {ads}, as a hook {hooked}")


if __name__ == "__main__":
    hooks()
    docs()
