"""Build ``bench/data/docs_words.tsv``: real documentation sentences holding the
words whose reasons tester T9 found wrong (session 10).

Run once: ``.venv/bin/python bench/docs_words.py`` (it rewrites the file; the
committed copy is the set, since the files on another machine differ).

Taken by a fixed rule, never by whether a cue fires: every claim of 5–60 words
of ``/usr/share/doc`` (README/NEWS/FAQ/TODO/plain-text/Markdown files, gzipped
or not; not ``copyright`` or ``changelog``; not zlib's, where T9 found the
defect) read by claimmark's own loader and segmenter, that holds

* ``word``: "guarantee…", "no more" or "ever made/built/created" — all of
  them, at most PER_PACKAGE per package;
* ``or``: " or " — every OR_EVERY-th, at most OR_PER_PACKAGE per package.

Split: the packages, sorted, alternate: even positions ``in`` (looked at while
changing cues), odd ones ``held`` (only counted). None of it is an
advertisement (by assumption, like ``tech_prose.tsv``).
"""

from __future__ import annotations

import gzip
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.core.article import LoadError  # noqa: E402
from app.core.claims import find_claims  # noqa: E402
from app.core.loaders import article_from_bytes  # noqa: E402

DOC = Path("/usr/share/doc")
OUT = ROOT / "bench" / "data" / "docs_words.tsv"
WORDS = re.compile(r"guarantee|no more|ever (?:made|built|created)", re.I)
PER_PACKAGE = 8
OR_EVERY = 40
OR_PER_PACKAGE = 4


def _files() -> list[Path]:
    return sorted(p for p in DOC.rglob("*") if p.is_file() and "zlib" not in p.parts[4]
                  and not p.name.startswith(("copyright", "changelog"))
                  and p.suffix in ("", ".gz", ".txt", ".md"))


def _claims(path: Path) -> list[str]:
    try:
        data = path.read_bytes()
        data = gzip.decompress(data) if path.suffix == ".gz" else data
        if len(data) > 400_000 or b"\0" in data[:1000]:
            return []
        article = article_from_bytes(data, "txt", path.name)
    except (OSError, EOFError, LoadError, gzip.BadGzipFile):
        return []
    return [article.text[c.start:c.end] for c in find_claims(article)]


def main() -> None:
    rows: list[tuple[str, str, str, str]] = []
    seen: set[str] = set()
    words: Counter[str] = Counter()
    ors: Counter[str] = Counter()
    or_count = 0
    packages = sorted({p.parts[4] for p in _files()})
    split = {name: ("in" if i % 2 == 0 else "held") for i, name in enumerate(packages)}
    for path in _files():
        package = path.parts[4]
        for claim in _claims(path):
            if claim in seen or not 5 <= len(claim.split()) <= 60 or "\t" in claim:
                continue
            if WORDS.search(claim):
                if words[package] < PER_PACKAGE:
                    words[package] += 1
                    seen.add(claim)
                    rows.append((split[package], "word", str(path.relative_to(DOC)), claim))
            elif " or " in claim:
                or_count += 1
                if or_count % OR_EVERY == 0 and ors[package] < OR_PER_PACKAGE:
                    ors[package] += 1
                    seen.add(claim)
                    rows.append((split[package], "or", str(path.relative_to(DOC)), claim))
    lines = ["# Real documentation holding T9's words (bench/docs_words.py: every rule is there).",
             "# Not advertising, all of it. 'in' = looked at while changing cues; 'held' = only "
             "counted.",
             "# split\tkind\tfile\tsentence"]
    lines += ["\t".join(row) for row in rows]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} rows to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
