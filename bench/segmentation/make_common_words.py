"""Write ``resources/segmentation/common_words.txt``: the words nupunkt's model
takes for abbreviations that are common English words.

nupunkt's default model (trained on legal and OCR'd text) lists ~5,900
abbreviations, among them "sleep", "cancer", "life", "week", "free", "rest",
"fish", "cold", "will" and "all": "…hours of sleep. Teenagers need more." was
one claim. Punkt does not end a sentence after a known abbreviation unless the
next word is known to start sentences. This script lists the model's
abbreviations (letters only, three or more) that are common words — a Zipf
frequency of 3.5 or more in wordfreq's English list (about three in a million
words; the threshold was set before any scoring) — and that pySBD's curated
English abbreviation list does not hold (it keeps "dept", "inc", "fig", "jan",
"calif", "mass", "gen"…). ``app.core.segment`` removes them from the model with
nupunkt's ``remove_abbreviation``; our own abbreviations are never removed.

Run (a throwaway venv; neither library is a dependency of claimmark)::

    python -m venv /tmp/words && /tmp/words/bin/pip install wordfreq pysbd nupunkt==0.8.0
    /tmp/words/bin/python bench/segmentation/make_common_words.py

wordfreq 3.1.1 (its data: CC BY-SA 4.0, Robyn Speer); pySBD 0.3.4 (MIT).
"""

from __future__ import annotations

from pathlib import Path

import nupunkt
from pysbd.lang.english import English
from wordfreq import zipf_frequency

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "resources" / "segmentation" / "common_words.txt"
ZIPF = 3.5

HEADER = """\
# Words nupunkt's model takes for abbreviations that are common English words
# (Zipf >= 3.5 in wordfreq 3.1.1, not in pySBD 0.3.4's English abbreviations).
# claimmark removes them from the model: "...hours of sleep. Teenagers..." ends
# a sentence. Made by bench/segmentation/make_common_words.py; do not edit.
"""


def main() -> None:
    model = nupunkt.load_default_model()
    curated = {a.lower().rstrip(".") for a in English.Abbreviation.ABBREVIATIONS}
    words = sorted(
        w for w in model.abbreviations
        if w.isalpha() and w.isascii() and w.islower() and len(w) >= 3
        and w not in curated and zipf_frequency(w, "en") >= ZIPF)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(HEADER + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
