"""Quality of the suggestions: precision, recall and F1 per label.

Run: ``.venv/bin/python bench/eval_suggest.py``. Three measurements:

1. ``../shared/corpus/magnesium-neuropathy.txt`` against a hand-made gold
   labelling (below): the four closing sentences advertising, the hedged or
   unattributed claims uncertain, nothing supported;
2. hedge detection on ``../shared/corpus/hedges/bioscope.jsonl`` (a sentence
   with any cue counts as uncertain), and the share of those sentences
   suggested advertising;
3. ``bench/data/ad_copy.tsv``: advertising recall and false alarms.

Also reports how long suggestions take on about 3 MB of text beyond claim
splitting.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus"

from app.core.claims import find_claims  # noqa: E402
from app.core.loaders import article_from_bytes, load_article  # noqa: E402
from app.core.suggest import suggest_for_claims, suggest_text  # noqa: E402

# Gold labels for the corpus article, by claim number (1-based): the claims a
# careful reader marks uncertain (hedged: may, shown promise…; or unattributed:
# "research has shown", "has been shown") and the closing pitch.
MAGNESIUM_GOLD = {
    **{n: "uncertain" for n in (3, 5, 6, 7, 9, 13, 14, 16, 17, 18, 20)},
    **{n: "advertising" for n in (22, 23, 24, 25)},
}
LABELS = ("supported", "uncertain", "advertising")


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def corpus_article() -> None:
    article = load_article(CORPUS / "magnesium-neuropathy.txt")
    claims = find_claims(article)
    suggestions = suggest_for_claims(article, claims)
    print("1. magnesium-neuropathy.txt (25 claims, hand-labelled gold)")
    for label in LABELS:
        gold = {n for n, lab in MAGNESIUM_GOLD.items() if lab == label}
        pred = {c.index + 1 for c in claims if c.index in suggestions
                and suggestions[c.index].label == label}
        p, r, f = prf(len(gold & pred), len(pred - gold), len(gold - pred))
        print(f"   {label:<12} P={p:.2f} R={r:.2f} F1={f:.2f}  gold={len(gold)} "
              f"suggested={len(pred)}")


def bioscope() -> None:
    rows = [json.loads(line) for line in open(CORPUS / "hedges" / "bioscope.jsonl",
                                              encoding="utf-8")]
    tp = fp = fn = ads = 0
    for row in rows:
        suggestion = suggest_text(row["text"])
        predicted = suggestion is not None and suggestion.label == "uncertain"
        gold = bool(row["cues"])
        tp += predicted and gold
        fp += predicted and not gold
        fn += gold and not predicted
        ads += suggestion is not None and suggestion.label == "advertising"
    p, r, f = prf(tp, fp, fn)
    print(f"2. bioscope.jsonl ({len(rows)} sentences, {tp + fn} with a hedge cue)")
    print(f"   uncertain    P={p:.3f} R={r:.3f} F1={f:.3f}")
    print(f"   advertising  {ads} sentences suggested ({100 * ads / len(rows):.2f}%)")


def ad_copy() -> None:
    tp = fp = fn = tn = 0
    for line in open(ROOT / "bench" / "data" / "ad_copy.tsv", encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        gold, sentence = line.rstrip("\n").split("\t", 1)
        suggestion = suggest_text(sentence)
        predicted = suggestion is not None and suggestion.label == "advertising"
        if gold == "ad":
            tp += predicted
            fn += not predicted
        else:
            fp += predicted
            tn += not predicted
    p, r, f = prf(tp, fp, fn)
    print(f"3. ad_copy.tsv ({tp + fn} ad sentences, {fp + tn} non-ad health sentences)")
    print(f"   advertising  P={p:.3f} R={r:.3f} F1={f:.3f}  false alarms={fp}")


def speed() -> None:
    rows = [json.loads(line)["text"] for line in open(CORPUS / "hedges" / "bioscope.jsonl",
                                                      encoding="utf-8")]
    text = "\n\n".join(" ".join(rows[i:i + 5]) for i in range(0, len(rows), 5))
    while len(text) < 3_000_000:
        text += "\n\n" + text
    text = text[:3_000_000]
    article = article_from_bytes(text.encode(), "txt", "book.txt")
    claims = find_claims(article)
    start = time.perf_counter()
    suggestions = suggest_for_claims(article, claims)
    elapsed = time.perf_counter() - start
    print(f"4. speed: suggestions for {len(text) / 1e6:.1f} MB ({len(claims)} claims) took "
          f"{elapsed:.2f} s beyond claim splitting; {len(suggestions)} suggested")


if __name__ == "__main__":
    corpus_article()
    bioscope()
    ad_copy()
    speed()
