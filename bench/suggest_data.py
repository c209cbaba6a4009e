"""The data the suggestion models learn from and are scored on, split once.

Shared by ``bench/train_suggest.py`` (reads only the tuning parts) and
``bench/eval_suggest.py`` (reports tuning and held-out parts apart):

* BioScope (``../shared/corpus/hedges/bioscope.jsonl``) split by document:
  a document whose MD5 ends in 0–2 of 16 values (about 19%) is held out;
* ``bench/data/*_dev.tsv`` and ``ad_copy.tsv`` (tuning) versus
  ``*_heldout.tsv`` (held out, written after the dev sets, never trained on);
* licences: Debian's common licences GPL-2, LGPL-2.1, MPL-2.0, Artistic,
  GFDL-1.3 and CC0 for tuning; GPL-3, Apache-2.0 and the MIT and BSD texts
  found in the running Python's site-packages held out.
"""

from __future__ import annotations

import hashlib
import json
import sys
import sysconfig
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus"
DATA = ROOT / "bench" / "data"
LICENCES = Path("/usr/share/common-licenses")
DEV_LICENCES = ("GPL-2", "LGPL-2.1", "MPL-2.0", "Artistic", "GFDL-1.3", "CC0-1.0")
HELDOUT_LICENCES = ("GPL-3", "Apache-2.0")

from app.core.claims import find_claims  # noqa: E402
from app.core.loaders import article_from_bytes  # noqa: E402


def held_out_doc(doc: str) -> bool:
    return int(hashlib.md5(doc.encode()).hexdigest(), 16) % 16 < 3


def bioscope(held_out: bool) -> list[tuple[str, bool]]:
    """``(sentence, has a hedge cue)`` from one part of BioScope."""
    rows = []
    with open(CORPUS / "hedges" / "bioscope.jsonl", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if held_out_doc(row["doc"]) == held_out:
                rows.append((row["text"], bool(row["cues"])))
    return rows


def tsv(name: str) -> list[list[str]]:
    """Rows of ``bench/data/NAME`` without comments: the fields, sentence last."""
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def ads_dev() -> list[tuple[str, bool]]:
    return [(r[-1], r[0] == "ad") for r in tsv("ad_copy.tsv") + tsv("ads_dev.tsv")]


def hedges_dev() -> list[tuple[str, bool]]:
    return [(r[-1], r[0] == "hedge") for r in tsv("hedges_dev.tsv")]


def claims_of(text: str) -> list[str]:
    article = article_from_bytes(text.encode("utf-8"), "txt", "licence.txt")
    return [article.text[c.start:c.end] for c in find_claims(article)]


def _site_licences() -> Iterator[tuple[str, str]]:
    site = Path(sysconfig.get_paths()["purelib"])
    seen: set[str] = set()
    for path in sorted(site.glob("*.dist-info/**/*")):
        if not path.is_file() or not path.name.upper().startswith(("LICENSE", "COPYING")):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        kind = ("MIT" if "Permission is hereby granted, free of charge" in text
                else "BSD" if "Redistribution and use in source and binary forms" in text
                else "")
        key = " ".join(text.split()[20:80])
        if kind and key not in seen and len(text) < 20_000:
            seen.add(key)
            package = path.parent.parent if path.parent.name == "licenses" else path.parent
            yield f"{kind}: {package.name}", text


def licences(held_out: bool) -> list[tuple[str, list[str]]]:
    """``(name, claims)`` of each licence text of one part."""
    found = []
    for name in HELDOUT_LICENCES if held_out else DEV_LICENCES:
        path = LICENCES / name
        if path.exists():
            found.append((name, claims_of(path.read_text(encoding="utf-8"))))
    if held_out:
        found.extend((name, claims_of(text)) for name, text in _site_licences())
    return found
