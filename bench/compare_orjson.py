"""Would orjson make the notes file faster? 10,000 notes on a 3 MB book.

Run: ``.venv/bin/python -m pip install orjson`` then
``.venv/bin/python bench/compare_orjson.py``. orjson is not a dependency; this
script only measures whether it should become one (issue 15). Prints CPU
milliseconds, best of 7, for encoding every annotation's line (our encoder
with and without its line cache, the json module, orjson) and for parsing the
written file (json and orjson, with the cyclic collector on and paused).
orjson writes no spaces after ``,`` and ``:``, so taking it would also change
every line of every notes file once.
"""

from __future__ import annotations

import gc
import json
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_window_load import make_book  # noqa: E402

from app.core import storage  # noqa: E402
from app.core.annotation_jsonld import annotation_to_jsonld  # noqa: E402
from app.core.annotations import LABELS, annotation_for_span  # noqa: E402
from app.core.claims import find_claims  # noqa: E402
from app.core.loaders import load_article  # noqa: E402
from app.core.notes_format import ArticleRef, NotesDocument  # noqa: E402

COUNT = 10_000


def cpu_ms(work: Callable[[], object], runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        start = time.process_time()
        work()
        times.append(time.process_time() - start)
    return 1000 * min(times)


def main() -> int:
    try:
        import orjson
    except ImportError:
        print("orjson is not installed: .venv/bin/python -m pip install orjson")
        return 2
    book = Path(tempfile.mkdtemp(prefix="claimmark-orjson-")) / "book.txt"
    make_book(book)
    article = load_article(book)
    rng = random.Random(7)
    chosen = sorted(rng.sample(find_claims(article), COUNT), key=lambda c: c.start)
    notes = [annotation_for_span(article.text, c.start, c.end, label=rng.choice(LABELS),
                                 note="Checked against the cited review, é.",
                                 sources=("https://doi.org/10.1000/182",))
             for c in chosen]
    doc = NotesDocument(ArticleRef(book.name, article.sha256, article.title, "txt"), notes)
    source = book.name

    def ours_cold() -> None:
        storage._LINE_CACHE.clear()
        storage.encode_notes(doc)

    rows: list[tuple[str, Callable[[], object]]] = [
        ("encode, ours (hand-written lines, cache empty)", ours_cold),
        ("encode, ours (after one edit, line cache)", lambda: storage.encode_notes(doc)),
        ("encode, json.dumps per line",
         lambda: [json.dumps(annotation_to_jsonld(a, source), ensure_ascii=False) for a in notes]),
        ("encode, orjson.dumps per line",
         lambda: [orjson.dumps(annotation_to_jsonld(a, source)) for a in notes]),
    ]
    data = storage.encode_notes(doc)
    rows += [(f"parse {len(data) / 1e6:.1f} MB, json.loads", lambda: json.loads(data)),
             ("parse, orjson.loads", lambda: orjson.loads(data))]
    print(f"orjson {orjson.__version__}; {COUNT} notes; CPU ms, best of 7")
    for name, work in rows:
        print(f"{name + ':':50} {cpu_ms(work):6.1f}")
    gc.disable()
    for name, work in rows[-2:]:
        print(f"{name + ', collector paused:':50} {cpu_ms(work):6.1f}")
    gc.enable()
    return 0


if __name__ == "__main__":
    sys.exit(main())
