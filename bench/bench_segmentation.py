"""Segmentation benchmark: golden rules, boundary F1 and speed, beside pysbd.

Run: ``.venv/bin/python bench/bench_segmentation.py`` (needs ``pip install
'.[bench]'`` for pysbd). Prints each figure for claimmark and for pysbd 0.3.4.

* golden rules: ``../shared/corpus/segmentation/golden_rules_en.json``;
* boundary F1 on the BioScope paragraphs (sentences sharing ``doc`` and
  ``para`` joined by a space; gold boundaries are the sentence starts);
* speed: the whole ``claims`` path (load + claims) on about 3 MB of text made
  of those paragraphs, against pysbd run one paragraph at a time.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus"

from app.core.claims import find_claims  # noqa: E402
from app.core.loaders import load_article  # noqa: E402
from app.core.segment import split_sentences  # noqa: E402


def paragraphs() -> list[list[str]]:
    grouped: dict[tuple[str, int], list[str]] = {}
    with open(CORPUS / "hedges" / "bioscope.jsonl", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            grouped.setdefault((row["doc"], row["para"]), []).append(row["text"])
    return list(grouped.values())


def golden(segment) -> int:
    rules = json.loads((CORPUS / "segmentation" / "golden_rules_en.json").read_text())
    return sum(segment(rule["text"]) == rule["sentences"] for rule in rules)


def boundary_f1(paras: list[list[str]], spans_of) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for sentences in paras:
        text = " ".join(sentences)
        gold, position = set(), 0
        for sentence in sentences[:-1]:
            position += len(sentence) + 1
            gold.add(position)
        predicted = {start for start, _ in spans_of(text)[1:]}
        tp += len(gold & predicted)
        fp += len(predicted - gold)
        fn += len(gold - predicted)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall, 2 * precision * recall / (precision + recall)


def ours_texts(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--megabytes", type=float, default=3.0)
    parser.add_argument("--pysbd-sample", type=float, default=1.0,
                        help="fraction of the text pysbd times (it is slow); scaled up")
    args = parser.parse_args()

    paras = paragraphs()
    print(f"golden rules  claimmark {golden(ours_texts)}/48", flush=True)
    p, r, f = boundary_f1(paras, split_sentences)
    print(f"bioscope F1   claimmark P={p:.4f} R={r:.4f} F1={f:.4f}  ({len(paras)} paragraphs)",
          flush=True)

    book, size = [], 0
    while size < args.megabytes * 1e6:
        for sentences in paras:
            para = " ".join(sentences)
            book.append(para)
            size += len(para) + 2
            if size >= args.megabytes * 1e6:
                break
    text = "\n\n".join(book)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "book.txt"
        path.write_text(text, encoding="utf-8")
        start = time.perf_counter()
        article = load_article(path)
        claims = find_claims(article)
        ours = time.perf_counter() - start
    mb = len(text.encode()) / 1e6
    print(f"speed         claimmark {ours:.2f} s for {mb:.2f} MB ({mb / ours:.2f} MB/s), "
          f"{len(claims)} claims", flush=True)

    try:
        import pysbd
    except ImportError:
        print("pysbd not installed: pip install '.[bench]' for the comparison")
        return
    seg = pysbd.Segmenter(language="en", clean=False, char_span=True)

    def pysbd_spans(t: str) -> list[tuple[int, int]]:
        out = []
        for s in seg.segment(t):
            start = s.start + (len(s.sent) - len(s.sent.lstrip()))
            out.append((start, s.end))
        return out

    def pysbd_texts(t: str) -> list[str]:
        return [s.strip() for s in pysbd.Segmenter(language="en", clean=False).segment(t)]

    print(f"golden rules  pysbd     {golden(pysbd_texts)}/48", flush=True)
    p, r, f = boundary_f1(paras, pysbd_spans)
    print(f"bioscope F1   pysbd     P={p:.4f} R={r:.4f} F1={f:.4f}", flush=True)
    sample = book[: max(1, int(len(book) * args.pysbd_sample))]
    start = time.perf_counter()
    for para in sample:
        seg.segment(para)
    elapsed = (time.perf_counter() - start) * len(book) / len(sample)
    print(f"speed         pysbd     {elapsed:.2f} s for {mb:.2f} MB ({mb / elapsed:.2f} MB/s)"
          f"{'' if args.pysbd_sample == 1 else f' (timed on {args.pysbd_sample:.0%}, scaled)'}")
    print(f"speed ratio   claimmark is {elapsed / ours:.1f}x pysbd")


if __name__ == "__main__":
    main()
