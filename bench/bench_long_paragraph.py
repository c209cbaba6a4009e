"""Time to split one long paragraph (issue C: it grew quadratically).

Run: ``.venv/bin/python bench/bench_long_paragraph.py [MB ...]`` (default
0.25 0.5 1 4). Each text is BioScope sentences joined by spaces into a single
line (one paragraph, no blank line), written to a .txt file and taken through
the claims path (``load_article`` + ``find_claims``); then saved pages whose
one paragraph is that many bytes of "&amp;" (nh3 grew quadratically on one
long text run). Prints wall and CPU seconds, claims, and the load average
(other engineers share the machine).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus"

from app.core.claims import find_claims  # noqa: E402
from app.core.loaders import load_article  # noqa: E402


def one_paragraph(size: int) -> str:
    sentences = []
    with open(CORPUS / "hedges" / "bioscope.jsonl", encoding="utf-8") as handle:
        for line in handle:
            sentences.append(json.loads(line)["text"].replace("\n", " "))
    pieces: list[str] = []
    length = 0
    while length < size:
        for sentence in sentences:
            pieces.append(sentence)
            length += len(sentence) + 1
            if length >= size:
                break
    return " ".join(pieces)


def main(sizes_mb: list[float]) -> None:
    load_article(ROOT / "README.md")  # warm: imports and Punkt's model
    find_claims(load_article(ROOT / "README.md"))
    with tempfile.TemporaryDirectory() as folder:
        for mb in sizes_mb:
            path = Path(folder) / f"one{int(mb * 1_000_000)}.txt"
            path.write_text(one_paragraph(int(mb * 1_000_000)), encoding="utf-8")
            wall, cpu = time.perf_counter(), time.process_time()
            article = load_article(path)
            claims = find_claims(article)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            print(f"{mb:>5} MB one paragraph: {wall:6.2f} s wall, {cpu:6.2f} s CPU, "
                  f"{len(claims)} claims (load average {os.getloadavg()[0]:.2f})", flush=True)
        for mb in sizes_mb:
            path = Path(folder) / f"amp{int(mb * 1_000_000)}.html"
            path.write_text("<html><body><p>" + "&amp;" * int(mb * 200_000) + "</p></body></html>")
            wall, cpu = time.perf_counter(), time.process_time()
            article = load_article(path)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            print(f"{mb:>5} MB page of &amp;: {wall:6.2f} s wall, {cpu:6.2f} s CPU, "
                  f"{len(article.text)} characters (load average {os.getloadavg()[0]:.2f})",
                  flush=True)


if __name__ == "__main__":
    main([float(a) for a in sys.argv[1:]] or [0.25, 0.5, 1, 4])
