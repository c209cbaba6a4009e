"""PDF reading: speed and reading order, beside pdftotext (and pdfminer.six if installed).

Run: ``.venv/bin/python bench/bench_pdf.py [--pages 300] [extra.pdf ...]``

Makes a two-column paper and a long document with tests/pdf_factory.py, then
prints for each file and reader:
- seconds for the whole text (best of 3 for the short ones) and, for
  claimmark, seconds to the first page's article (what the window paints first);
- for the made-up papers, how many of the body sentences come back whole
  (columns in order, hyphenated words mended, no running head in the middle):
  a sentence broken by a column break or a hyphen does not count.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.core.load_pdf import load_pdf  # noqa: E402
from app.core.segment import split_sentences  # noqa: E402
from tests import pdf_samples  # noqa: E402
from tests.pdf_factory import make_paper  # noqa: E402


def sentences() -> list[str]:
    found = []
    for paragraph in pdf_samples.BODY:
        found += [paragraph[s:e] for s, e in split_sentences(paragraph)]
    return found


def whole(text: str, source: str, wanted: list[str]) -> tuple[int, int]:
    """(sentences found whole, sentences in the source), counting repeats."""
    flat = " ".join(text.split())
    good = sum(min(flat.count(s), source.count(s)) for s in wanted)
    return good, sum(source.count(s) for s in wanted)


def ours(path: Path) -> str:
    return load_pdf(path).text


def pdftotext(path: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def pdfminer_text(path: Path) -> str:
    from pdfminer.high_level import extract_text

    return str(extract_text(str(path)))


def timed(read: Callable[[Path], str], path: Path, runs: int) -> tuple[float, str]:
    best, text = float("inf"), ""
    for _ in range(runs):
        start = time.perf_counter()
        text = read(path)
        best = min(best, time.perf_counter() - start)
    return best, text


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("extra", nargs="*", type=Path)
    args = parser.parse_args()
    readers: dict[str, Callable[[Path], str]] = {"claimmark": ours}
    if shutil.which("pdftotext"):
        readers["pdftotext"] = pdftotext
    try:
        import pdfminer  # noqa: F401

        readers["pdfminer.six"] = pdfminer_text
    except ImportError:
        pass
    wanted = sentences()
    with tempfile.TemporaryDirectory() as folder:
        paper = make_paper(Path(folder) / "paper.pdf", pdf_samples.health_paper())
        # About 1.8 sections a page.
        long = make_paper(Path(folder) / "long.pdf",
                          pdf_samples.long_paper(max(1, args.pages * 18 // 10)))
        long_source = " ".join(item.text for item in pdf_samples.long_paper(
            max(1, args.pages * 18 // 10)).flow if item.kind == "para")
        from tests.core.test_pdf_latex import PDF as LATEX
        from tests.core.test_pdf_latex import source_sentences

        latex = source_sentences()
        files = [("two-column paper", paper, 3, " ".join(pdf_samples.BODY), wanted),
                 ("LaTeX fixture (held out)", LATEX, 3, " ".join(latex), latex),
                 ("long paper", long, 1, long_source, wanted)]
        files += [(p.name, p, 1, "", []) for p in args.extra]
        for label, path, runs, source, sentences_of in files:
            from app.core.pdf_lines import open_pdf, pdf_info

            pages = pdf_info(open_pdf(path.read_bytes(), path.name)).pages
            print(f"\n{label}: {pages} pages, {path.stat().st_size / 1e6:.2f} MB")
            start = time.perf_counter()
            load_pdf(path, last_page=1)
            print(f"  claimmark first page: {time.perf_counter() - start:.2f} s")
            for name, read in readers.items():
                if name == "pdfminer.six" and pages > 50:
                    continue  # minutes per run; measured once on the short files
                seconds, text = timed(read, path, runs)
                line = f"  {name:13s} {seconds:6.2f} s"
                if source:
                    good, total = whole(text, source, sentences_of)
                    line += f"   sentences whole: {good}/{total} ({100 * good / total:.0f}%)"
                print(line)


if __name__ == "__main__":
    main()
