"""Build ``bench/data/docs_imperatives.tsv``: real documentation sentences that give
the reader an instruction or advice in the imperative, or put two numbers around "for"
(session 11, helper G).

Run once: ``.venv/bin/python bench/docs_imperatives.py`` (it rewrites the file; the
committed copy is the set, since the files on another machine differ).

Taken by a fixed rule, never by whether a cue fires: every claim of 5–40 words of
``/usr/share/doc`` (the files ``bench/docs_words.py`` reads) that

* ``imperative``: opens with one of VERBS (capitalised, as a sentence opens) and
  addresses the reader (you, your, yours, yourself) — at most PER_PACKAGE per package;
* ``for``: holds a number, "for" and a number ("3 for 2", "two for one", "1 for 10") —
  at most PER_PACKAGE per package.

VERBS are the opening verbs the advertising model's start cues list (imperative,
pitch and sales openings), since those are the sentences it could call a pitch.
Split: the packages, sorted, alternate: even positions ``in`` (looked at while
changing cues), odd ones ``held`` (only counted). None of it is an advertisement (by
assumption, like ``tech_prose.tsv``).
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from docs_words import DOC, _claims, _files  # noqa: E402

OUT = ROOT / "bench" / "data" / "docs_imperatives.tsv"
VERBS = ("Get Give Make Take Stop Feel Transform Boost Reclaim Regain Rediscover Choose "
         "Pick Call Act Come Find See Start Learn Test Check Visit Bring Let Order Buy Shop "
         "Subscribe Download Grab Try Join Unlock Treat Upgrade Switch Claim Reserve Save "
         "Register Apply Discover Experience Imagine Enjoy Meet Protect Earn Refer Master "
         "Elevate").split()
OPENING = re.compile(rf"^[\"'“‘(*•-]*\s*(?:{'|'.join(VERBS)})\b")
READER = re.compile(r"\b(?:you|your|yours|yourself)\b", re.I)
NUMBER = r"(?:\d+|one|two|three|four|five|six|ten)"
NUMBER_FOR = re.compile(rf"\b{NUMBER} for {NUMBER}\b", re.I)
PER_PACKAGE = 6


def main() -> None:
    rows: list[tuple[str, str, str, str]] = []
    seen: set[str] = set()
    taken: Counter[tuple[str, str]] = Counter()
    packages = sorted({p.parts[4] for p in _files()})
    split = {name: ("in" if i % 2 == 0 else "held") for i, name in enumerate(packages)}
    for path in _files():
        package = path.parts[4]
        for claim in _claims(path):
            if claim in seen or not 5 <= len(claim.split()) <= 40 or "\t" in claim:
                continue
            kind = ("imperative" if OPENING.match(claim) and READER.search(claim)
                    else "for" if NUMBER_FOR.search(claim) else "")
            if kind and taken[package, kind] < PER_PACKAGE:
                taken[package, kind] += 1
                seen.add(claim)
                rows.append((split[package], kind, str(path.relative_to(DOC)), claim))
    lines = ["# Real documentation: imperatives to the reader, and 'N for N' "
             "(bench/docs_imperatives.py: every rule is there).",
             "# Not advertising, all of it. 'in' = looked at while changing cues; 'held' = only "
             "counted.",
             "# split\tkind\tfile\tsentence"]
    lines += ["\t".join(row) for row in rows]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} rows to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
