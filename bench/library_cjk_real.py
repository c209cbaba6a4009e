"""Library search over real Chinese, Japanese and Korean text nobody here wrote.

Run: ``.venv/bin/python bench/library_cjk_real.py``. The notes are the
translations in the system's gettext catalogues (/usr/share/locale/{ja,zh_CN,ko},
up to 3,000 strings each). For 300 random words of 1–4 characters cut from
them, the hits (limit 10,000) must be exactly the notes holding the word, and
each snippet must show the word whole; prints how many were, and the search
times (limit 100, as the window asks).
"""

from __future__ import annotations

import gettext
import glob
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.core import library_db, library_query  # noqa: E402
from app.core.cjk_grams import RUN  # noqa: E402

LANGUAGES = ("ja", "zh_CN", "ko")
NOTES = 3_000
WORDS = 300


def translations(language: str) -> list[str]:
    found: set[str] = set()
    for path in sorted(glob.glob(f"/usr/share/locale/{language}/LC_MESSAGES/*.mo")):
        try:
            with open(path, "rb") as handle:
                catalogue = gettext.GNUTranslations(handle)
        except (OSError, ValueError):
            continue
        for text in catalogue._catalog.values():  # noqa: SLF001 (the catalogue's strings)
            if isinstance(text, str) and RUN.search(text) and 8 <= len(text) <= 300:
                found.add(" ".join(text.split()))
    return sorted(found)


def main() -> int:
    rng = random.Random(7)
    for language in LANGUAGES:
        texts = translations(language)
        if not texts:
            print(f"{language}: no catalogues")
            continue
        rng.shuffle(texts)
        texts = texts[:NOTES]
        conn = library_db.connect(Path(tempfile.mkdtemp()) / "lib.sqlite3")
        with library_db.write(conn):
            conn.execute("INSERT INTO articles(id, path, folder, size, mtime_ns, title, format) "
                         "VALUES (1, '/a', '/', 1, 1, 't', 'txt')")
            conn.executemany(
                'INSERT INTO notes(article, id, label, note, exact, start, "end", sources, '
                "modified) VALUES (1, ?, 'none', '', ?, 0, 1, '', '')",
                [(str(i), text) for i, text in enumerate(texts)])
            conn.execute("INSERT INTO notes_fts(notes_fts) VALUES ('rebuild')")
        runs = [m.group() for text in texts for m in RUN.finditer(text)]
        exact = whole = hits_seen = 0
        times: list[float] = []
        for _ in range(WORDS):
            run = rng.choice(runs)
            size = rng.randint(1, min(4, len(run)))
            at = rng.randint(0, len(run) - size)
            word = run[at:at + size]
            holding = {i for i, text in enumerate(texts) if word.casefold() in text.casefold()}
            hits = library_query.search(conn, word, limit=10_000)
            exact += {int(h.id) for h in hits} == holding
            hits_seen += len(hits)
            whole += sum(1 for h in hits if word in h.snippet.replace("**", ""))
            began = time.perf_counter()
            library_query.search(conn, word, limit=100)
            times.append(time.perf_counter() - began)
        conn.close()
        times.sort()
        print(f"{language}: {len(texts)} notes; {WORDS} words of 1-4 characters: hits exactly "
              f"the notes holding the word for {exact}; snippets showing the word whole "
              f"{whole} of {hits_seen}; search (limit 100) median "
              f"{1000 * times[len(times) // 2]:.1f} ms, worst {1000 * times[-1]:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
