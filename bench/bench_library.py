"""The library at scale: 10,000 articles with 1,000,000 notes.

Run: ``.venv/bin/python bench/bench_library.py`` (``--articles 300 --notes 30``
for a quick look; ``--keep`` keeps the generated folder, ``--reuse FOLDER`` times
searches and syncs again on a kept one, without generating and adding). Articles are made
of real sentences (the BioScope corpus in ../shared/corpus, else a small
built-in list) in 100 nested folders; notes files are written directly as
claimmark writes them. Everything lives in a temporary folder that is removed
at the end (about 1.5 GB at full size).

Prints: generating; adding (notes read and claims counted in one pass, in
worker processes, the main process writing SQLite; CPU time of all
processes beside the wall time, and the load average, since the machine is
shared); a search (median and worst of 20 warm runs
for several kinds of query); the ``claimmark search`` command end to end
(process start, sync of every article, query); an unchanged sync; a sync
after 100 notes files changed. Targets: add ≤ 120 s, search ≤ 50 ms
(median, warm), sync after 100 changed notes files ≤ 1 s.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from json.encoder import encode_basestring as q  # noqa: E402

from app.core.library import Library  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "hedges" / "bioscope.jsonl"
FALLBACK = ["Magnesium may help reduce nerve pain in some adults.",
            "Research has shown that vitamin D supports bone health.",
            "Click here to learn more about Glucontrol.",
            "The trial enrolled 120 patients over two years."]
NOTE_TEMPLATES = ["No source for this {w}.", "Hedged: {w} is only suggested.",
                  "Pitch: {w} sold at the end.", "Textbook fact about {w}.",
                  "See the review on {w} and {v}.", "{w} {v}: check the dose."]
LABELS = ["supported", "uncertain", "advertising", "none"]
QUERIES = [("rare word", "tuberculosis", None), ("common word", "cells", None),
           ("phrase", '"transcription factor"', None), ("prefix", "immun*", None),
           ("label filter", "expression", "uncertain"), ("source", "PMID 33918360", None),
           ("two words", "malaria children", None)]


def sentences() -> list[str]:
    if not CORPUS.is_file():
        return FALLBACK
    found = []
    with open(CORPUS, encoding="utf-8") as handle:
        for line in handle:
            text = json.loads(line)["text"]
            if 40 <= len(text) <= 240 and text.endswith("."):
                found.append(text)
    return found


def generate(root: Path, articles: int, notes: int, rng: random.Random) -> int:
    """Articles and their notes files, written directly (claimmark's own line format)."""
    pool = sentences()
    words = sorted({w.strip(".,;()").lower() for s in pool[:4000] for w in s.split()
                    if len(w) > 5 and w.isalpha()})
    note_pool = [rng.choice(NOTE_TEMPLATES).format(w=rng.choice(words), v=rng.choice(words))
                 for _ in range(5000)]
    bodies = []
    for i in range(20_000):
        roll = i / 20_000
        body = [] if rng.random() < 0.1 else [
            '{"type": "TextualBody", "purpose": "classifying", "value": '
            + q(rng.choice(LABELS[:3])) + "}"]
        if roll < 0.7:
            body.append('{"type": "TextualBody", "purpose": "commenting", "value": '
                        + q(rng.choice(note_pool)) + ', "format": "text/markdown"}')
        if roll > 0.8:
            pmid = 33918360 if roll > 0.9995 else rng.randint(1, 39_999_999)
            body.append('{"type": "SpecificResource", "purpose": "linking", "source": '
                        f'"https://pubmed.ncbi.nlm.nih.gov/{pmid}/"}}')
        bodies.append(", ".join(body))
    quoted = [q(sentence) for sentence in pool]
    total = 0
    for number in range(articles):
        folder = root / f"topic{number % 10:02d}" / f"batch{number // 10 % 10:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        name = f"article{number:05d}.txt"
        chosen = rng.sample(range(len(pool)), notes + 10)
        parts, spans, offset = [], [], 0
        for i, index in enumerate(chosen):
            # Paragraphs of five sentences; the file separates them with a blank line,
            # the canonical text (where offsets count) with one "\n".
            sep = "\n" if i and i % 5 == 0 else (" " if i else "")
            offset += len(sep)
            parts.append(sep + pool[index])
            spans.append((offset, offset + len(pool[index]), index))
            offset += len(pool[index])
        text = "".join(parts)
        (folder / name).write_text(text.replace("\n", "\n\n"), encoding="utf-8")
        lines = []
        for i, (start, end, index) in enumerate(rng.sample(spans, notes)):
            lines.append(
                f'{{"id": "urn:uuid:{number:08x}-0000-4000-8000-{i:012x}", "type": "Annotation", '
                '"motivation": "assessing", "created": "2026-11-20T10:00:00Z", '
                '"modified": "2026-11-20T10:00:00Z", "body": ['
                + bodies[rng.randrange(len(bodies))] + '], "target": {"source": ' + q(name)
                + ', "selector": [{"type": "TextQuoteSelector", "exact": ' + quoted[index]
                + ', "prefix": ' + q(text[max(0, start - 32):start]) + ', "suffix": '
                + q(text[end:end + 32]) + '}, {"type": "TextPositionSelector", "start": '
                + f'{start}, "end": {end}}}]}}}}')
        head = json.dumps({"@context": ["http://www.w3.org/ns/anno.jsonld",
                                        {"claimmark": "https://claimmark.invalid/ns#"}],
                           "type": "AnnotationCollection", "total": len(lines),
                           "claimmark": {"version": 1, "article": {
                               "path": name, "sha256": "", "title": "", "format": "txt"}}})
        data = head[:-1] + ', "first": {"type": "AnnotationPage", "items": [\n' \
            + ",\n".join(lines) + "\n]}}\n"
        (folder / (name + ".notes.json")).write_text(data, encoding="utf-8")
        total += len(lines)
    return total


def cpu() -> float:
    """CPU seconds of this process and its finished children: less shaken than the
    wall clock by the other work on a shared machine."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def own_cpu() -> float:
    return time.process_time()


def load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--notes", type=int, default=100, help="notes per article")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--dir", help="where to make the temporary folder")
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--reuse", metavar="FOLDER", help="a folder kept by --keep")
    args = parser.parse_args()
    rng = random.Random(17)
    if args.reuse:
        args.keep = True
    work = Path(args.reuse) if args.reuse else Path(
        tempfile.mkdtemp(prefix="claimmark-library-bench-", dir=args.dir))
    root = work / "reviews"
    env = {**os.environ, "CLAIMMARK_DATA_DIR": str(work / "user-data")}
    os.environ["CLAIMMARK_DATA_DIR"] = env["CLAIMMARK_DATA_DIR"]
    try:
        library = Library(work / "library.sqlite3")
        if not args.reuse:
            start = time.perf_counter()
            total = generate(root, args.articles, args.notes, rng)
            print(f"generated {args.articles:,} articles with {total:,} notes in "
                  f"{time.perf_counter() - start:.1f} s ({work})")
            print(f"load average before adding: {load()}")
            start, start_cpu, start_main = time.perf_counter(), cpu(), own_cpu()
            report = library.add([root], workers=args.workers)
            added = time.perf_counter() - start
            print(f"add (notes read and claims counted in one pass, {args.workers} worker "
                  f"processes): {added:.1f} s wall (target ≤ 120 s), CPU {cpu() - start_cpu:.1f} s "
                  f"(main process {own_cpu() - start_main:.1f} s); {report.articles:,} articles, "
                  f"{report.notes:,} notes, {report.claims_counted:,} counted; "
                  f"load average {load()}")
        size = sum(f.stat().st_size for f in work.glob("library.sqlite3*"))
        print(f"library file {size / 1e6:.0f} MB; peak memory {peak_mb():.0f} MB")
        print(f"load average before searching: {load()}")
        for name, query, label in QUERIES:
            library.search(query, label=label)
            times, cpus = [], []
            for _ in range(20):
                t, c = time.perf_counter(), time.process_time()
                hits = library.search(query, label=label)
                times.append(time.perf_counter() - t)
                cpus.append(time.process_time() - c)
            print(f"search {name:<13} {query!r:<26} median {statistics.median(times) * 1000:6.1f}"
                  f" ms (CPU {statistics.median(cpus) * 1000:5.1f} ms), worst "
                  f"{max(times) * 1000:6.1f} ms ({len(hits)} hits shown)")
        times, cpus = [], []
        for _ in range(5):
            t, c = time.perf_counter(), time.process_time()
            library.sync(claims=False)
            times.append(time.perf_counter() - t)
            cpus.append(time.process_time() - c)
        print(f"sync, nothing changed: median {statistics.median(times) * 1000:.0f} ms "
              f"(CPU {statistics.median(cpus) * 1000:.0f} ms)")
        notes_files = sorted(root.rglob("*.notes.json"))
        if args.reuse:  # files not changed by an earlier run
            notes_files = [p for p in notes_files if b'"value": "uncertain"' in p.read_bytes()]
        changed = rng.sample(notes_files, 100)
        for path in changed:
            data = path.read_bytes().replace(b'"value": "uncertain"', b'"value": "supported"')
            path.write_bytes(data.replace(b"Hedged:", b"Rewritten:"))
        t, c = time.perf_counter(), time.process_time()
        report = library.sync(claims=False)
        print(f"sync after 100 changed notes files: {(time.perf_counter() - t) * 1000:.0f} ms "
              f"(CPU {(time.process_time() - c) * 1000:.0f} ms; {report.notes:,} notes re-read, "
              f"{report.notes_changed:,} re-indexed; target ≤ 1000 ms); load average {load()}")
        library.close()
        times, cpus = [], []
        for _ in range(5):
            t, c = time.perf_counter(), children_cpu()
            result = subprocess.run(
                [sys.executable, "-m", "app", "search", "tuberculosis", "--library",
                 str(work / "library.sqlite3"), "--limit", "20"], cwd=ROOT, env=env,
                capture_output=True, text=True, check=True)
            times.append(time.perf_counter() - t)
            cpus.append(children_cpu() - c)
        print(f"claimmark search end to end (start, sync {args.articles:,} articles, query): "
              f"median {statistics.median(times):.2f} s, CPU {statistics.median(cpus):.2f} s "
              f"({result.stdout.splitlines()[0]}); load average {load()}")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
