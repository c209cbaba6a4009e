"""Segmentation benchmark: golden rules, boundary F1 and speed, beside pysbd.

Run: ``.venv/bin/python bench/bench_segmentation.py`` (needs ``pip install
'.[bench]'`` for pysbd). Prints each figure for claimmark and for pysbd 0.3.4.

* golden rules: ``../shared/corpus/segmentation/golden_rules_en.json``;
* boundary F1 on the BioScope paragraphs (sentences sharing ``doc`` and
  ``para`` joined by a space; gold boundaries are the sentence starts);
* speed: the whole ``claims`` path (load + claims) on about 3 MB of text made
  of those paragraphs, against pysbd run one paragraph at a time.

In-sample and held-out figures are printed apart (issue 13): the golden rules
and BioScope are what the rules were written from (BioScope is also split by
document: the "tune" half is where rules may be checked, the "held-out" half
is not looked at case by case). ``bench/segmentation/`` holds cases written
for this project from other sources and never used to write a rule: a held-out
spec of many text types, 30 health/web cases, and encyclopedia paragraphs for
boundary F1.
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


def paragraphs() -> tuple[list[list[str]], list[str]]:
    """BioScope paragraphs (their gold sentences) and each one's document."""
    grouped: dict[tuple[str, int], list[str]] = {}
    with open(CORPUS / "hedges" / "bioscope.jsonl", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            grouped.setdefault((row["doc"], row["para"]), []).append(row["text"])
    return list(grouped.values()), [doc for doc, _ in grouped]


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


CASES = ROOT / "bench" / "segmentation"


def read_cases(name: str) -> list[list[str]]:
    """Cases of a ``bench/segmentation`` file: gold sentences, one a line."""
    cases = []
    for chunk in (CASES / name).read_text(encoding="utf-8").split("\n\n"):
        lines = [line for line in chunk.split("\n") if line.strip() and not line.startswith("#")]
        if lines:
            cases.append(lines)
    return cases


def exact(cases: list[list[str]], segment) -> tuple[int, list[str]]:
    passed, failed = 0, []
    for sentences in cases:
        if segment(" ".join(sentences)) == sentences:
            passed += 1
        else:
            failed.append(" ".join(sentences))
    return passed, failed


def split_bioscope(paras: list[list[str]], docs: list[str]) -> tuple[list, list]:
    """Alternate documents: even ones are the tune half, odd ones held out."""
    order = {doc: i for i, doc in enumerate(sorted(set(docs)))}
    tune = [p for p, d in zip(paras, docs, strict=True) if order[d] % 2 == 0]
    held = [p for p, d in zip(paras, docs, strict=True) if order[d] % 2 == 1]
    return tune, held


def report_quality(name: str, segment, spans_of, paras, docs, show_failures: bool) -> None:
    print(f"in-sample  golden rules        {name:9} {golden(segment)}/48", flush=True)
    tune, held = split_bioscope(paras, docs)
    for label, part in (("in-sample  bioscope tune half ", tune),
                        ("held-out   bioscope other half", held)):
        p, r, f = boundary_f1(part, spans_of)
        print(f"{label} {name:9} P={p:.4f} R={r:.4f} F1={f:.4f} ({len(part)} paragraphs)",
              flush=True)
    for label, file in (("held-out   spec               ", "heldout_en.txt"),
                        ("held-out   health/web         ", "health_web_en.txt"),
                        ("held-out   everyday last word ", "common_words_en.txt")):
        cases = read_cases(file)
        passed, failed = exact(cases, segment)
        print(f"{label} {name:9} {passed}/{len(cases)}", flush=True)
        if show_failures:
            for text in failed:
                print(f"    failed: {text}")
    encyclopedia = read_cases("encyclopedia_en.txt")
    p, r, f = boundary_f1(encyclopedia, spans_of)
    print(f"held-out   encyclopedia F1     {name:9} P={p:.4f} R={r:.4f} F1={f:.4f} "
          f"({len(encyclopedia)} paragraphs)", flush=True)
    if name == "claimmark":
        report_languages(show_failures)


LANGUAGE_CASES = (("German", "de"), ("Spanish", "es"), ("French", "fr"), ("Italian", "it"),
                  ("Portuguese", "pt"), ("Dutch", "nl"))


def report_languages(show_failures: bool) -> None:
    """Each language's cases (``tune_xx.txt`` in-sample, ``heldout_xx.txt``
    held out), split with the English model (as before session 15b/16) and
    with the language's own abbreviations and rules."""
    for language, code in LANGUAGE_CASES:
        for label, file in (("in-sample ", f"tune_{code}.txt"),
                            ("held-out  ", f"heldout_{code}.txt")):
            if not (CASES / file).exists():
                continue
            cases = read_cases(file)
            for model in (None, language):
                passed, failed = exact(cases, lambda t, m=model: [t[s:e] for s, e in
                                                                  split_sentences(t, m)])
                print(f"{label} {language:11} {file:17} claimmark {passed}/{len(cases)} "
                      f"({model or 'English'} model)", flush=True)
                if show_failures and model:
                    for text in failed:
                        print(f"    failed: {text}")


def ours_texts(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--megabytes", type=float, default=3.0)
    parser.add_argument("--pysbd-sample", type=float, default=1.0,
                        help="fraction of the text pysbd times (it is slow); scaled up")
    parser.add_argument("--failures", action="store_true",
                        help="list the held-out cases claimmark fails")
    args = parser.parse_args()

    paras, docs = paragraphs()
    report_quality("claimmark", ours_texts, split_sentences, paras, docs, args.failures)

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

    report_quality("pysbd", pysbd_texts, pysbd_spans, paras, docs, False)
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
