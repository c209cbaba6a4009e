"""Quality of the suggestions, tuning and held-out parts reported apart.

Run: ``.venv/bin/python bench/eval_suggest.py [--cues] [--missed]``. The data and its
split are in ``bench/suggest_data.py``; the weights come from
``bench/train_suggest.py``. Reports:

0. the tester's sentences (in-sample);
1. the two health articles (the sample and ``magnesium-neuropathy.txt``):
   the ad sentences found, the hedged claims found, nothing "supported"
   without evidence;
2. hedges: P/R/F1 of "uncertain" on BioScope (tuning and held-out
   documents) and on the written encyclopedia/news sets, for the learned
   model and for the rule baseline (noisy-OR of each cue's tuning precision,
   cues with precision ≥ 0.7 able to stand alone, threshold 0.7);
3. advertising: recall and false alarms on the written ad sets (two
   held-out files; ``ads_heldout2.tsv`` per source page kind, ``--missed``
   lists the ads not found), and the share of encyclopedia/news/science
   sentences called advertising;
4. licences: share of claims called uncertain or advertising;
4b. technical prose (``tech_prose.tsv``, taken by rule from real docs): share
   called advertising, in-sample and held-out apart, and the tester's Rust
   book pages whole (``--tech`` alone prints only this part; ``--missed``
   lists the in-sample false alarms);
4d. documentation holding the words of tester T9's wrong reasons (``docs_words.tsv``,
   taken by rule from ``/usr/share/doc``): called advertising or uncertain, and
   how many show "alternatives: or" or another reason of the wrong kind
   (``--docs`` alone prints only this part);
4e. documentation sentences in the imperative to the reader, and "N for N"
   (``docs_imperatives.tsv``, taken by rule from ``/usr/share/doc``): called advertising;
4c. health prose (``health_prose.tsv``, held out): per kind, sentences called
   advertising on their own, and the ordinary ones called advertising when
   they follow a closing product pitch in a paragraph of their own;
5. with ``--cues``: each cue's weight, origin, and its support and precision
   on the tuning and held-out data;
6. speed on about 3 MB of text beyond claim splitting.
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from suggest_data import CORPUS, ROOT, ads_dev, bioscope, hedges_dev, licences, tsv

from app.core.claims import find_claims
from app.core.cues import load_lexicon
from app.core.loaders import article_from_bytes, load_article
from app.core.suggest import cue_ids, suggest_for_claims, suggest_text

SAMPLE = ROOT / "resources" / "samples" / "magnesium-and-nerves.md"
SAMPLE_ADS = ("Discover NervaCalm", "Order now and save", "Every bottle comes",
              "Supplies are limited")
SAMPLE_HEDGED = ("Research has shown that magnesium may", "Some experts believe",
                 "Magnesium has shown promise", "Studies show that people",
                 "It is possible that", "More research is needed",
                 "Experts say this could", "Infusions of calcium and magnesium were once",
                 "Whether extra magnesium")
TESTER = ("Doctors hate this one simple trick!", "Click this link to win.",
          "These statements have not been evaluated by the Food and Drug Administration.",
          "This product is not intended to diagnose, treat, cure, or prevent any disease.",
          # tester T8 (session 9): ordinary health sentences, none should be advertising
          "Caffeine late in the day can keep you awake.",
          "Sleep hygiene is the best way to start.",
          "You may also feel weak or tired if your levels are low.",
          "git lets you rewrite history.")
CORPUS_ADS = (21, 22, 23, 24)  # claim indexes of the closing pitch
CORPUS_HEDGED = (2, 4, 5, 6, 8, 12, 13, 15, 16, 17, 19)


def label(sentence: str) -> str | None:
    suggestion = suggest_text(sentence)
    return suggestion.label if suggestion else None


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def scored(rows: list[tuple[str, bool]], predict: Callable[[str], bool]) -> str:
    tp = fp = fn = 0
    for sentence, gold in rows:
        guess = predict(sentence)
        tp += guess and gold
        fp += guess and not gold
        fn += gold and not guess
    p, r, f = prf(tp, fp, fn)
    return f"P={p:.3f} R={r:.3f} F1={f:.3f} (n={len(rows)}, {tp + fn} positive)"


def rule_baseline() -> Callable[[str], bool]:
    """The rule system the learned model replaced, on the same cues and data."""
    lexicon = load_lexicon()
    precision: dict[str, float] = {}
    support: dict[str, int] = {}
    for row in (ROOT / "resources" / "lexicons" / "weights.tsv").read_text().splitlines():
        f = row.split("\t")
        if row.startswith("uncertain\t") and not f[1].startswith("("):
            precision[f[1]], support[f[1]] = float(f[4]), int(f[3])

    def predict(sentence: str) -> bool:
        ids = [i for i in cue_ids(sentence, lexicon)["uncertain"] if support[i] >= 5]
        if not any(precision[i] >= 0.7 for i in ids):
            return False
        remaining = 1.0
        for i in ids:
            remaining *= 1.0 - min(precision[i], 0.999)
        return 1.0 - remaining >= 0.7
    return predict


def tester() -> None:
    """The tester's own sentences (in-sample: the cues were written for their kinds)."""
    print("0. the tester's report (in-sample)")
    for sentence in TESTER:
        got = suggest_text(sentence)
        shown = f"{got.label} ({'; '.join(c.reason for c in got.cues)})" if got else "none"
        print(f"   {sentence[:60]:<60} {shown}")


def articles() -> None:
    print("1. health articles (held-out checks)")
    article = load_article(SAMPLE)
    claims = find_claims(article)
    got = suggest_for_claims(article, claims)
    text = {c.index: article.text[c.start:c.end] for c in claims}
    ads = [i for i in text if any(text[i].startswith(a) for a in SAMPLE_ADS)]
    hedged = [i for i in text if any(text[i].startswith(h) for h in SAMPLE_HEDGED)]
    labels = {i: s.label for i, s in got.items()}
    print(f"   sample: ads {sum(labels.get(i) == 'advertising' for i in ads)}/{len(ads)}, "
          f"hedged {sum(labels.get(i) == 'uncertain' for i in hedged)}/{len(hedged)}, "
          f"other claims labelled {sum(i not in ads + hedged for i in labels)} "
          f"(supported {sorted(i for i, lab in labels.items() if lab == 'supported')})")
    article = load_article(CORPUS / "magnesium-neuropathy.txt")
    got = suggest_for_claims(article, find_claims(article))
    labels = {i: s.label for i, s in got.items()}
    ads_found = sum(labels.get(i) == "advertising" for i in CORPUS_ADS)
    hedged_found = sum(labels.get(i) == "uncertain" for i in CORPUS_HEDGED)
    print(f"   magnesium-neuropathy.txt: ads {ads_found}/4, hedged {hedged_found}/"
          f"{len(CORPUS_HEDGED)}, supported {sum(v == 'supported' for v in labels.values())}")


def hedges() -> None:
    print("2. hedges: uncertain, learned model | rule baseline")
    rules = rule_baseline()
    learned: Callable[[str], bool] = lambda s: label(s) in ("uncertain", "advertising")  # noqa: E731
    held = [(r[-1], r[0] == "hedge", r[1]) for r in tsv("hedges_heldout.tsv")]
    negated = [(r[-1], r[0] == "hedge") for r in tsv("hedges_heldout2.tsv")]
    likely = [(r[-1], r[0] == "hedge", r[1]) for r in tsv("hedges_heldout3.tsv")]
    for name, rows in (
        ("BioScope tuning docs", bioscope(False)),
        ("BioScope held-out docs", bioscope(True)),
        ("hedges_dev.tsv (tuning)", hedges_dev()),
        ("held-out wiki+news", [(s, g) for s, g, _ in held]),
        ("held-out wiki", [(s, g) for s, g, k in held if k == "wiki"]),
        ("held-out news", [(s, g) for s, g, k in held if k == "news"]),
        ("held-out negated verbs", negated),
        ("held-out likely: compare", [(s, g) for s, g, k in likely if k == "compare"]),
        ("held-out likely: other", [(s, g) for s, g, k in likely if k == "likely"]),
    ):
        print(f"   {name:<26} {scored(rows, learned)}")
        print(f"   {'':<26} {scored(rows, rules)}")


def advertising() -> None:
    print("3. advertising")
    is_ad: Callable[[str], bool] = lambda s: label(s) == "advertising"  # noqa: E731
    print(f"   tuning ad sets            {scored(ads_dev(), is_ad)}")
    for name in ("ads_heldout.tsv", *(f"ads_heldout{n}.tsv" for n in (2, 3, 4, 5, 6, 7, 9))):
        held = tsv(name)
        print(f"   {name} (held out)")
        ads = [r[-1] for r in held if r[0] == "ad"]
        found = sum(map(is_ad, ads))
        print(f"   held-out ad copy          recall {found}/{len(ads)} = {found / len(ads):.3f}")
        sources = sorted({r[1] for r in held if r[0] == "ad" and len(r) > 2})
        if sources:
            print("     " + ", ".join(
                f"{s} {sum(is_ad(r[-1]) for r in held if r[0] == 'ad' and r[1] == s)}/"
                f"{sum(r[0] == 'ad' and r[1] == s for r in held)}" for s in sources))
        for kind in ("tricky", "everyday"):
            rows = [r[-1] for r in held if r[0] == kind]
            alarms = [s for s in rows if is_ad(s)]
            print(f"   held-out {kind:<16} false alarms {len(alarms)}/{len(rows)} {alarms}")
            kinds = sorted({r[1] for r in held if r[0] == kind and r[1] != "-"})
            if name not in ("ads_heldout.tsv", "ads_heldout2.tsv") and kinds:
                print("     " + ", ".join(
                    f"{k} {sum(is_ad(r[-1]) for r in held if r[0] == kind and r[1] == k)}/"
                    f"{sum(r[0] == kind and r[1] == k for r in held)}" for k in kinds))
        if name == "ads_heldout3.tsv":  # its FDA news: a regulator's "not evaluated"
            looks = [r for r in held if r[0] != "ad"]
            print("     look-alikes called uncertain: " + ", ".join(
                f"{s} {sum(label(r[-1]) == 'uncertain' for r in looks if r[1] == s)}/"
                f"{sum(r[1] == s for r in looks)}" for s in sorted({r[1] for r in looks})))
        if "--missed" in sys.argv:
            for sentence in ads:
                if not is_ad(sentence):
                    print(f"     missed: {sentence}")
    prose = [r[-1] for r in tsv("hedges_heldout.tsv")]
    alarms = [s for s in prose if is_ad(s)]
    print(f"   held-out wiki+news        called advertising {len(alarms)}/{len(prose)} "
          f"= {100 * len(alarms) / len(prose):.2f}% {alarms}")
    for part, held_out in (("held-out", True), ("tuning", False)):
        science = [s for s, _ in bioscope(held_out)]
        n = sum(map(is_ad, science))
        print(f"   BioScope {part + ' docs':<17}called advertising {n}/{len(science)} "
              f"= {100 * n / len(science):.2f}%")


def licence_texts() -> None:
    print("4. licences: claims suggested uncertain / advertising")
    for held_out in (False, True):
        total = unc = ads = 0
        per = []
        for name, claims in licences(held_out):
            labels = [label(c) for c in claims]
            u, a = labels.count("uncertain"), labels.count("advertising")
            total, unc, ads = total + len(claims), unc + u, ads + a
            if name in ("GPL-3", "Apache-2.0") or not held_out:
                per.append(f"{name} {u}/{len(claims)}")
        part = "held-out" if held_out else "tuning"
        share = 100 * unc / total if total else 0.0
        print(f"   {part:<9} uncertain {unc}/{total} = {share:.1f}%, advertising {ads}; "
              + ", ".join(per))


RUST_BOOK = Path("/root/.rustup/toolchains/stable-x86_64-unknown-linux-gnu/share/doc/rust/"
                 "html/book")
TESTER_PAGES = ("ch01-02-hello-world.html", "ch03-02-data-types.html",
                "ch03-05-control-flow.html", "ch04-01-what-is-ownership.html")


def tech_prose() -> None:
    print("4b. technical prose called advertising (false alarms) | called uncertain")
    rows = tsv("tech_prose.tsv")
    for split, name in (("in", "in-sample"), ("held", "held-out")):
        part = [r for r in rows if r[0] == split]
        labels = [(r[1], label(r[-1])) for r in part]
        ads = sum(lab == "advertising" for _, lab in labels)
        unc = sum(lab == "uncertain" for _, lab in labels)
        print(f"   {name:<10} ads {ads}/{len(part)} = {100 * ads / len(part):.1f}%  "
              f"uncertain {unc}/{len(part)} = {100 * unc / len(part):.1f}%")
        print("     " + ", ".join(
            f"{s} {sum(lab == 'advertising' for k, lab in labels if k == s)}/"
            f"{sum(k == s for k, _ in labels)}" for s in sorted({k for k, _ in labels})))
        if split == "in" and "--missed" in sys.argv:
            for r, (_, lab) in zip(part, labels, strict=True):
                if lab == "advertising":
                    got = suggest_text(r[-1])
                    why = "; ".join(c.reason for c in got.cues) if got else ""
                    print(f"     alarm: {r[-1][:150]}  [{why}]")
    pages = [p for name in TESTER_PAGES if (p := RUST_BOOK / name).exists()]
    shown = []
    for page in pages:
        article = load_article(page)
        claims = find_claims(article)
        got = suggest_for_claims(article, claims)
        ads = sum(s.label == "advertising" for s in got.values())
        shown.append(f"{page.stem.split('-', 1)[1]} {ads}/{len(claims)}")
    print("   tester's Rust book pages (in-sample), claims called advertising: "
          + ", ".join(shown))


# Reasons a reader would find wrong in documentation (tester T9, zlib's docs): a word
# quoted under a meaning it does not have there.
WRONG_REASONS = ("alternatives: or", "guarantee: guarantee", "a seller's guarantee",
                 "promise to the reader: no more",
                 "benefit to the reader: ever")


def docs_imperatives() -> None:
    print("4e. documentation: imperatives to the reader, 'N for N' (docs_imperatives.tsv): "
          "called advertising | uncertain")
    rows = tsv("docs_imperatives.tsv")
    for split, name in (("in", "in-sample"), ("held", "held-out")):
        for kind in ("imperative", "for"):
            part = [r[-1] for r in rows if r[0] == split and r[1] == kind]
            got = [suggest_text(s) for s in part]
            ads = [s for s, g in zip(part, got, strict=True) if g and g.label == "advertising"]
            unc = sum(g is not None and g.label == "uncertain" for g in got)
            print(f"   {name:<10} {kind:<10} ads {len(ads)}/{len(part)}  "
                  f"uncertain {unc}/{len(part)}")
            if split == "in" and "--missed" in sys.argv:
                for sentence in ads:
                    print(f"     alarm: {sentence[:140]}")


def docs_words() -> None:
    print("4d. documentation holding T9's words (docs_words.tsv): called advertising | "
          "uncertain | shown 'alternatives: or' | a wrong-kind reason")
    rows = tsv("docs_words.tsv")
    for split, name in (("in", "in-sample"), ("held", "held-out")):
        for kind in ("word", "or"):
            part = [r[-1] for r in rows if r[0] == split and r[1] == kind]
            got = [suggest_text(s) for s in part]
            ads = sum(g is not None and g.label == "advertising" for g in got)
            unc = sum(g is not None and g.label == "uncertain" for g in got)
            reasons = [[c.reason for c in g.cues] if g else [] for g in got]
            ors = sum(any(r.startswith("alternatives: or") for r in rs) for rs in reasons)
            wrong = sum(any(r.lower().startswith(WRONG_REASONS) for r in rs) for rs in reasons)
            print(f"   {name:<10} {kind:<5} ads {ads}/{len(part)}  uncertain {unc}/{len(part)}  "
                  f"'or' shown {ors}  wrong-kind reasons {wrong}")
            if split == "in" and "--missed" in sys.argv:
                for sentence, g in zip(part, got, strict=True):
                    if g is not None:
                        print(f"     {g.label:<11} {sentence[:140]}  "
                              f"[{'; '.join(c.reason for c in g.cues)}]")


PITCH = ("Try NervaCalm gummies today. Order now and save 20%! "
         "Every bottle comes with a money-back guarantee.")


def health_prose() -> None:
    print("4c. health prose (held out): called advertising alone | after a closing pitch")
    rows = tsv("health_prose.tsv")
    for kind in sorted({r[1] for r in rows}):
        part = [r[-1] for r in rows if r[1] == kind]
        labels = [label(s) for s in part]
        after = 0
        for sentence in part:
            text = f"Iron is a mineral.\n\n{PITCH}\n\n{sentence}\n"
            article = article_from_bytes(text.encode(), "txt", "page.txt")
            claims = find_claims(article)
            got = suggest_for_claims(article, claims).get(claims[-1].index)
            after += got is not None and got.label == "advertising"
        gold = next(r[0] for r in rows if r[1] == kind)
        print(f"   {gold:<4} {kind:<10} ads "
              f"{labels.count('advertising')}/{len(part)}, uncertain "
              f"{labels.count('uncertain')}/{len(part)} | after a pitch ads {after}/{len(part)}")
        if "--missed" in sys.argv:
            for sentence, lab in zip(part, labels, strict=True):
                print(f"     {lab or '-':<11} {sentence}")


def cue_table() -> None:
    print("5. cues: weight origin | tuning support precision | held-out support precision")
    lexicon = load_lexicon()
    held = {"uncertain": [(s, y) for s, y in bioscope(True)]
            + [(r[-1], r[0] == "hedge") for r in tsv("hedges_heldout.tsv")],
            "advertising": [(r[-1], r[0] == "ad") for r in tsv("ads_heldout.tsv")
                            + tsv("ads_heldout2.tsv") + tsv("ads_heldout3.tsv")]
            + [(r[-1], False) for r in tsv("hedges_heldout.tsv")]}
    for model, rows in held.items():
        count: dict[str, int] = defaultdict(int)
        positive: dict[str, int] = defaultdict(int)
        for sentence, gold in rows:
            for cue in cue_ids(sentence, lexicon)[model]:
                count[cue] += 1
                positive[cue] += gold
        for row in (ROOT / "resources" / "lexicons" / "weights.tsv").read_text().splitlines():
            f = row.split("\t")
            if row.startswith(model + "\t") and not f[1].startswith("("):
                p = positive[f[1]] / count[f[1]] if count[f[1]] else 0.0
                print(f"   {model[:5]} {f[1]:<24} {float(f[2]):+7.2f} {f[5]:<9} | "
                      f"{f[3]:>5} {f[4]} | {count[f[1]]:>5} {p:.3f}")


def speed() -> None:
    rows = [s for s, _ in bioscope(False) + bioscope(True)]
    text = "\n\n".join(" ".join(rows[i:i + 5]) for i in range(0, len(rows), 5))
    while len(text) < 3_000_000:
        text += "\n\n" + text
    text = text[:3_000_000]
    article = article_from_bytes(text.encode(), "txt", "book.txt")
    claims = find_claims(article)
    start = time.perf_counter()
    suggestions = suggest_for_claims(article, claims)
    elapsed = time.perf_counter() - start
    print(f"6. speed: suggestions for {len(text) / 1e6:.1f} MB ({len(claims)} claims) took "
          f"{elapsed:.2f} s beyond claim splitting; {len(suggestions)} suggested")


if __name__ == "__main__":
    if "--docs" in sys.argv:
        docs_words()
        sys.exit()
    if "--tech" in sys.argv:
        tech_prose()
        health_prose()
        sys.exit()
    tester()
    articles()
    hedges()
    advertising()
    licence_texts()
    tech_prose()
    health_prose()
    docs_words()
    docs_imperatives()
    if "--cues" in sys.argv:
        cue_table()
    speed()
