"""Build ``bench/data/tech_prose.tsv``: technical prose nobody here wrote.

Run once: ``.venv/bin/python bench/tech_prose.py`` (it rewrites the file; the
committed copy is the set, since the files on another machine differ).

Every sentence is taken by a fixed rule, never by whether a cue fires:

* sources — the Rust documentation installed by rustup (the book, the
  reference, Cargo's book, Rust by Example, the Embedded book, the Nomicon, the
  standard library's module pages), Debian's ``/usr/share/doc`` (README,
  Markdown and HTML files, gzipped or not), and the package descriptions
  (READMEs) in the ``METADATA`` of the Python packages in this venv;
* files — each source's files sorted by path, every STEP-th of them;
* claims — the file read by claimmark's own loader and split by its own
  segmenter; of its claims with at least MIN_WORDS words, every EVERY-th
  (starting at the second), at most PER_FILE;
* split — within a source, the chosen files alternate: even positions are
  ``in`` (looked at while writing cues), odd ones ``held`` (never looked at
  while cues change; only counted). The tester's Rust book pages (T7: hello
  world, data types, control flow, ownership) are ``in`` whatever their
  position, and never ``held``.

All of it is documentation, tutorials or reference text: none of it is an
advertisement (by assumption; a README that asks for sponsors would be the
exception, and is counted as a false alarm like the rest).
"""

from __future__ import annotations

import email
import gzip
import sys
import sysconfig
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.core.article import LoadError  # noqa: E402
from app.core.claims import find_claims  # noqa: E402
from app.core.loaders import article_from_bytes  # noqa: E402

RUST = Path("/root/.rustup/toolchains/stable-x86_64-unknown-linux-gnu/share/doc/rust/html")
DOC = Path("/usr/share/doc")
OUT = ROOT / "bench" / "data" / "tech_prose.tsv"
MIN_WORDS = 5
EVERY = 4
PER_FILE = 12
TESTER_PAGES = ("ch01-02-hello-world.html", "ch03-02-data-types.html",
                "ch03-05-control-flow.html", "ch04-01-what-is-ownership.html")
# source name → (files sorted, every STEP-th)
STEPS = {"rust-book": 6, "rust-reference": 8, "cargo-book": 8, "rust-by-example": 20,
         "embedded-book": 6, "nomicon": 8, "rust-std": 6, "debian-doc": 12,
         "python-packages": 3}


def _rust(folder: str, pattern: str = "*.html") -> list[Path]:
    return sorted(p for p in (RUST / folder).rglob(pattern)
                  if p.name not in ("print.html", "index.html", "404.html", "toc.html"))


def _sources() -> dict[str, list[Path]]:
    doc = sorted(p for p in DOC.rglob("*") if p.is_file() and not p.is_symlink() and (
        p.name.upper().startswith("README") or p.suffix in (".md", ".html")
        or p.name.endswith((".md.gz", ".html.gz"))))
    site = Path(sysconfig.get_paths()["purelib"])
    return {
        "rust-book": sorted(p for p in (RUST / "book").glob("ch*.html")),
        "rust-reference": _rust("reference"),
        "cargo-book": _rust("cargo"),
        "rust-by-example": _rust("rust-by-example"),
        "embedded-book": _rust("embedded-book"),
        "nomicon": _rust("nomicon"),
        "rust-std": sorted((RUST / "std").glob("*/index.html")),
        "debian-doc": doc,
        "python-packages": sorted(site.glob("*.dist-info/METADATA")),
    }


def _read(path: Path) -> tuple[bytes, str, str]:
    """The file's text as bytes, its format and a name for the loader."""
    name = path.name[:-3] if path.name.endswith(".gz") else path.name
    data = gzip.decompress(path.read_bytes()) if path.name.endswith(".gz") else \
        path.read_bytes()
    if path.name == "METADATA":
        message = email.message_from_bytes(data)
        body = message.get_payload()
        kind = str(message.get("Description-Content-Type", ""))
        fmt = "md" if "markdown" in kind else "txt"
        return str(body).encode("utf-8"), fmt, f"{path.parent.name}.{fmt}"
    fmt = "html" if name.endswith(".html") else "md" if name.endswith(".md") else "txt"
    return data, fmt, name


def _claims(path: Path) -> list[str]:
    try:
        data, fmt, name = _read(path)
        article = article_from_bytes(data, fmt, name)
    except (LoadError, OSError, ValueError, EOFError):
        return []
    text = article.text
    found = [" ".join(text[c.start:c.end].split()) for c in find_claims(article)]
    return [s for s in found if len(s.split()) >= MIN_WORDS]


def rows() -> Iterator[tuple[str, str, str, int, str]]:
    """``(split, source, file, claim number, sentence)`` by the rule above."""
    for source, files in _sources().items():
        chosen = files[::STEPS[source]]
        if source == "rust-book":
            tester = [p for p in files if p.name in TESTER_PAGES]
            chosen = [p for p in chosen if p.name not in TESTER_PAGES]
            split_of = {p: ("in" if i % 2 == 0 else "held") for i, p in enumerate(chosen)}
            split_of.update({p: "in" for p in tester})
            chosen = sorted(split_of)
        else:
            split_of = {p: ("in" if i % 2 == 0 else "held") for i, p in enumerate(chosen)}
        for path in chosen:
            claims = _claims(path)
            where = str(path).replace(str(Path.home()), "~")
            for number in range(1, len(claims), EVERY)[:PER_FILE]:
                yield split_of[path], source, where, number, claims[number]


def main() -> None:
    lines = ["# Technical prose nobody here wrote, taken by a fixed rule "
             "(bench/tech_prose.py: every file and sentence rule is there).",
             "# Not advertising, all of it. 'in' = looked at while writing cues; "
             "'held' = never looked at, only counted.",
             "# split\tsource\tfile\tclaim\tsentence"]
    for split, source, where, number, sentence in rows():
        lines.append(f"{split}\t{source}\t{where}\t{number}\t{sentence.replace(chr(9), ' ')}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines) - 3} sentences to {OUT}")


if __name__ == "__main__":
    main()
