"""Opening a big saved web page: where the time goes, stage by stage.

Run: ``.venv/bin/python bench/bench_html_load.py [PAGE.html] [--runs N]``
(default page: the Rust book's print.html from the rustup docs, 1.9 MB, when
installed; else the biggest page under tests/fixtures/pages). Prints the load
average first (the machine is shared: compare figures taken at a like load),
then per stage the best of N runs in seconds, then the whole ``load_article``
and ``find_claims``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
RUST_BOOK = Path.home() / (".rustup/toolchains/stable-x86_64-unknown-linux-gnu/share/doc/"
                           "rust/html/book/print.html")


def default_page() -> Path:
    if RUST_BOOK.exists():
        return RUST_BOOK
    pages = sorted((ROOT / "tests" / "fixtures" / "pages").glob("*.html"),
                   key=lambda p: p.stat().st_size)
    return pages[-1]


def best(runs: int, work: Callable[[], Any]) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("page", nargs="?", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    page = args.page or default_page()

    from trafilatura.metadata import extract_metadata

    from app.core import load_html
    from app.core.article import TextBuilder
    from app.core.claims import find_claims
    from app.core.html_blocks import html_to_blocks
    from app.core.html_byline import page_metadata
    from app.core.loaders import load_article
    from app.core.main_content import find_main_content
    from app.core.sanitize import sanitize_html

    print(f"load average {os.getloadavg()[0]:.2f}; {page.name}: {page.stat().st_size:,} bytes")
    data = page.read_bytes()
    rows: list[tuple[str, float]] = []
    seconds, (html, _) = best(args.runs, lambda: load_html.decode_html(data, page.name))
    rows.append(("decode", seconds))
    seconds, flat = best(args.runs, lambda: load_html.flatten_deep_nesting(html))
    rows.append(("flatten nesting", seconds))
    seconds, main_content = best(args.runs, lambda: find_main_content(flat))
    rows.append(("main content (lxml, furniture)", seconds))
    seconds, _ = best(args.runs, lambda: page_metadata(flat))
    rows.append(("metadata (as loaded)", seconds))
    seconds, _ = best(args.runs, lambda: extract_metadata(flat, extensive=False))
    rows.append(("  trafilatura extract_metadata, whole page", seconds))
    body = main_content.html or main_content.cleaned_page
    seconds, clean = best(args.runs, lambda: sanitize_html(body))
    rows.append(("sanitise (nh3)", seconds))
    seconds, _ = best(args.runs, lambda: html_to_blocks(clean, TextBuilder()))
    rows.append(("blocks (html_blocks)", seconds))
    seconds, article = best(args.runs, lambda: load_article(page))
    rows.append(("load_article, all", seconds))
    seconds, claims = best(args.runs, lambda: find_claims(article))
    rows.append(("find_claims", seconds))
    for name, value in rows:
        print(f"{name:45s} {value:7.2f} s")
    print(f"{len(article.text):,} characters, {len(article.blocks):,} blocks, "
          f"{len(claims):,} claims")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
