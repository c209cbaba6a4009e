"""Learn the weights of the suggestion models: ``resources/lexicons/weights.tsv``.

Run: ``.venv/bin/python bench/train_suggest.py`` (pure Python, ~1 min). It
reads only the tuning parts of the data (``bench/suggest_data.py``), finds the
cues of every sentence with the same code the app uses
(``app.core.suggest.cue_ids``) and fits, per label, an L2-regularised logistic
regression over "cue present" features by Newton's method. Then it writes
each cue's weight with its support (tuning sentences holding it), precision
(share of those that are positive) and origin: ``data``, or ``judgement``
for a cue seen in fewer than MIN_SUPPORT tuning sentences, whose weight is
kept within ±JUDGEMENT_CAP so that it never decides alone.

What each model learns from (weights per sentence in brackets):

* uncertain: BioScope's tuning documents (1; not for the cues its guidelines
  never mark: OUTSIDE_BIOSCOPE), ``hedges_dev.tsv`` (GENERAL),
  the tuning licences as not uncertain (LICENCE);
* advertising: ``ad_copy.tsv`` + ``ads_dev.tsv`` (AD), ``hedges_dev.tsv``
  and the tuning licences as not advertising (1), BioScope's tuning
  documents as not advertising (SCIENCE).

Citations (supported) are not learned — no corpus labels them — and carry
fixed judgement weights.
"""

from __future__ import annotations

import math
from collections import defaultdict

from suggest_data import ROOT, ads_dev, bioscope, hedges_dev, licences

from app.core.cues import MODELS, Lexicon, load_lexicon
from app.core.suggest import cue_ids

GENERAL = 8.0
LICENCE = 2.0
AD = 8.0
SCIENCE = 0.1
L2 = 1.0
MIN_SUPPORT = 5
JUDGEMENT_CAP = 1.0
THRESHOLDS = {"uncertain": 0.5, "advertising": 0.5, "supported": 0.6}
CITATION_WEIGHTS = {"cite_doi": 0.8, "cite_pmid": 0.8, "cite_pmc": 0.8, "cite_arxiv": 0.8,
                    "cite_published_in": 0.6,
                    "cite_named_study": 0.6}

# BioScope's guidelines mark speculation only: a tendency ("often"), an association
# or hedged evidence ("in mice", "a small study") is never a cue there, so its
# sentences say nothing about these cues either way and do not count for them.
OUTSIDE_BIOSCOPE = {"hedge_tend", "hedge_usually", "hedge_evidence", "hedge_association",
                    "hedge_weasel_some", "hedge_weasel_verbs", "hedge_weasel_claim",
                    "hedge_further", "hedge_promise"}

Example = tuple[frozenset[str], bool, float]


def examples(lexicon: Lexicon) -> dict[str, list[Example]]:
    """The weighted training examples of each model."""
    def feats(sentence: str, model: str) -> frozenset[str]:
        return frozenset(cue_ids(sentence, lexicon)[model])

    licence_claims = [c for _, claims in licences(held_out=False) for c in claims]
    science = bioscope(held_out=False)
    unc: list[Example] = [(feats(s, "uncertain") - OUTSIDE_BIOSCOPE, y, 1.0)
                          for s, y in science]
    unc += [(feats(s, "uncertain"), y, GENERAL) for s, y in hedges_dev()]
    unc += [(feats(s, "uncertain"), False, LICENCE) for s in licence_claims]
    ads: list[Example] = [(feats(s, "advertising"), y, AD) for s, y in ads_dev()]
    ads += [(feats(s, "advertising"), False, 1.0) for s, _ in hedges_dev()]
    ads += [(feats(s, "advertising"), False, 1.0) for s in licence_claims]
    ads += [(feats(s, "advertising"), False, SCIENCE) for s, _ in science]
    return {"uncertain": unc, "advertising": ads}


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (the Hessian is small and SPD)."""
    n = len(vector)
    a = [row[:] + [vector[i]] for i, row in enumerate(matrix)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(a[r][col]))
        a[col], a[pivot] = a[pivot], a[col]
        for r in range(col + 1, n):
            factor = a[r][col] / a[col][col]
            if factor:
                for c in range(col, n + 1):
                    a[r][c] -= factor * a[col][c]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (a[r][n] - sum(a[r][c] * x[c] for c in range(r + 1, n))) / a[r][r]
    return x


def fit(data: list[Example], ids: list[str]) -> tuple[float, dict[str, float]]:
    """Bias and weights of an L2 logistic regression (bias not penalised)."""
    index = {cue: i + 1 for i, cue in enumerate(ids)}
    grouped: dict[tuple[tuple[int, ...], bool], float] = defaultdict(float)
    for features, label, weight in data:
        grouped[(tuple(sorted(index[f] for f in features)), label)] += weight
    n = len(ids) + 1
    w = [0.0] * n
    for _ in range(25):
        grad = [0.0] * n
        hess = [[0.0] * n for _ in range(n)]
        for (cols, label), weight in grouped.items():
            active = (0, *cols)
            z = sum(w[c] for c in active)
            p = 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))
            g = weight * (p - label)
            h = weight * p * (1 - p)
            for c in active:
                grad[c] += g
                for d in active:
                    hess[c][d] += h
        for c in range(1, n):
            grad[c] += L2 * w[c]
            hess[c][c] += L2
        hess[0][0] += 1e-9
        step = _solve(hess, grad)
        w = [wi - si for wi, si in zip(w, step, strict=True)]
        if max(abs(s) for s in step) < 1e-6:
            break
    return w[0], {cue: w[index[cue]] for cue in ids}


def main() -> None:
    lexicon = load_lexicon()
    lines = ["# source: learned by bench/train_suggest.py from bench/suggest_data.py's tuning",
             "# parts (BioScope, bench/data, licences).",
             "# Weights of the suggestion models, written by bench/train_suggest.py: do not",
             "# edit by hand. support/precision: tuning sentences holding the cue and the share",
             "# of them that carry the label. origin: data, or judgement (fewer than "
             f"{MIN_SUPPORT} tuning",
             f"# sentences, weight kept within ±{JUDGEMENT_CAP}).",
             "# model\tid\tweight\tsupport\tprecision\torigin"]
    for model, data in examples(lexicon).items():
        # a cue may have several rows (one reason each: "benefit to the reader",
        # "endorsement"…): one feature, one weight
        ids = list(dict.fromkeys(e.id for e in lexicon.entries[model]))
        bias, weights = fit(data, ids)
        support: dict[str, int] = defaultdict(int)
        positive: dict[str, int] = defaultdict(int)
        for features, label, _ in data:
            for f in features:
                support[f] += 1
                positive[f] += label
        lines.append(f"{model}\t(bias)\t{bias:.4f}\t{len(data)}\t"
                     f"{sum(y for _, y, _ in data) / len(data):.3f}\tdata")
        lines.append(f"{model}\t(threshold)\t{THRESHOLDS[model]}\t0\t0\tjudgement")
        for cue in ids:
            weight, origin = weights[cue], "data"
            if support[cue] < MIN_SUPPORT:
                weight, origin = max(-JUDGEMENT_CAP, min(JUDGEMENT_CAP, weight)), "judgement"
            precision = positive[cue] / support[cue] if support[cue] else 0.0
            lines.append(f"{model}\t{cue}\t{weight:.4f}\t{support[cue]}\t{precision:.3f}\t"
                         f"{origin}")
    lines.append("supported\t(bias)\t0\t0\t0\tjudgement")
    lines.append(f"supported\t(threshold)\t{THRESHOLDS['supported']}\t0\t0\tjudgement")
    for entry in lexicon.entries["supported"]:
        lines.append(f"supported\t{entry.id}\t{CITATION_WEIGHTS[entry.id]}\t0\t0\tjudgement")
    assert set(MODELS) == {"uncertain", "advertising", "supported"}
    out = ROOT / "resources" / "lexicons" / "weights.tsv"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
