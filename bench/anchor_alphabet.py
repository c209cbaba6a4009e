"""Fuzzy search beyond 256 symbols: edlib on a folded alphabet vs rapidfuzz.

Run: ``.venv/bin/python bench/anchor_alphabet.py`` (rapidfuzz is optional:
``pip install rapidfuzz`` to include it). A 60-character Chinese quote with
one character changed is searched in a 4,000-character window of Chinese and
emoji text (~2,000 distinct characters), and an English sentence in an
English window, as the local step of re-anchoring does. Prints the time per
search and whether the right place was found.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import edlib  # noqa: E402

from app.core.approximate import best_locations  # noqa: E402


def per_call(work, runs: int = 200) -> float:
    started = time.perf_counter()
    for _ in range(runs):
        work()
    return (time.perf_counter() - started) / runs * 1e6


def main() -> None:
    rng = random.Random(3)
    cjk = "".join(chr(rng.randint(0x4E00, 0x9FFF)) if rng.random() < 0.95
                  else chr(rng.randint(0x1F300, 0x1F64F)) for _ in range(4000))
    at = 2000
    quote = cjk[at:at + 60]
    window = cjk[:at + 30] + "龍" + cjk[at + 31:]
    english = (Path("/usr/share/common-licenses/GPL-3").read_text()[:4000]
               if Path("/usr/share/common-licenses/GPL-3").exists() else "lorem ipsum " * 400)
    e_at = english.index("The licenses for most software")
    e_quote = english[e_at:e_at + 120]
    e_window = english[:e_at + 20] + "X" + english[e_at + 21:]
    print(f"Chinese window: {len(set(window))} distinct characters")
    try:
        edlib.align(quote, window, mode="HW", task="locations", k=15)
        print("edlib, raw str: accepted")
    except ValueError as error:
        print(f"edlib, raw str: refused ({error})")
    for name, q, w, right in (("Chinese", quote, window, at), ("English", e_quote, e_window, e_at)):
        d, spans = best_locations(q, w, len(q) // 4)
        t = per_call(lambda q=q, w=w: best_locations(q, w, len(q) // 4))
        print(f"{name}: edlib on a folded alphabet  {t:8.0f} µs  distance {d}, "
              f"start {spans[0][0]} (right {right})")
        try:
            from rapidfuzz import fuzz
        except ImportError:
            print("  rapidfuzz not installed: skipped")
            continue
        found = fuzz.partial_ratio_alignment(q, w)
        t = per_call(lambda q=q, w=w: fuzz.partial_ratio_alignment(q, w), 50)
        print(f"{name}: rapidfuzz partial_ratio_alignment {t:8.0f} µs  ratio "
              f"{found.score:.1f}, start {found.dest_start} (right {right})")


if __name__ == "__main__":
    main()
