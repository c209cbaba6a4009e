"""Undeclared single-byte Latin text: how often reading.decode reads it right.

Real translations nobody here wrote: the gettext catalogues in /usr/share/locale.
Western languages -> cp1252, Central European -> cp1250, Baltic -> cp1257.
Catalogues are split by the CRC-32 of their file name: even in-sample, odd held-out.
Samples: "long" (~3 KB of one catalogue's strings) and "short" (one string of
20-200 characters with a non-ASCII letter, up to 4 per catalogue). A sample is
right when it decodes to exactly its text. Run: python -m bench.latin_code_pages [-v]
"""
from __future__ import annotations

import gettext
import sys
import zlib
from collections import Counter
from pathlib import Path

from app.core.reading import decode

# The first nine Western languages are those U15 measured with (session 15b);
# the other nine were added by M16 (session 16) to check new rules on languages
# the rules were not written from.
GROUPS = {"cp1252": "de fr es pt it nl sv da fi is ca gl eu af ga nb nn oc".split(),
          "cp1250": "pl cs hu ro sk sl hr".split(),
          "cp1257": "lt lv et".split()}


def strings(mo: Path) -> list[str]:
    try:
        with mo.open("rb") as fp:
            catalog = gettext.GNUTranslations(fp)._catalog  # type: ignore[attr-defined]
    except Exception:
        return []
    out = []
    for key, value in sorted(catalog.items(), key=lambda kv: str(kv[0])):
        if key and isinstance(value, str) and value.strip():
            out.append(" ".join(value.split()))
    return out


def samples():
    for page, langs in GROUPS.items():
        for lang in langs:
            for mo in sorted(Path(f"/usr/share/locale/{lang}/LC_MESSAGES").glob("*.mo")):
                held = zlib.crc32(mo.name.encode()) % 2 == 1
                texts = []
                for s in strings(mo):
                    try:
                        s.encode(page)
                    except UnicodeEncodeError:
                        continue
                    texts.append(s)
                if not texts:
                    continue
                long = "\n".join(texts)[:3000]
                if any(ord(c) > 127 for c in long):
                    yield page, lang, held, "long", long
                shorts = [s for s in texts if 20 <= len(s) <= 200
                          and any(ord(c) > 127 and c.isalpha() for c in s)]
                step = max(1, len(shorts) // 4)
                for s in shorts[::step][:4]:
                    yield page, lang, held, "short", s


def main() -> None:
    right = Counter()
    total = Counter()
    wrong = []
    for page, lang, held, kind, text in samples():
        key = ("held-out" if held else "in-sample", page, kind)
        total[key] += 1
        try:
            got, used = decode(text.encode(page))
        except Exception:
            got, used = "", "error"
        if got == text.replace("\r", "\n"):
            right[key] += 1
        else:
            wrong.append((key, lang, used, text[:80]))
    for key in sorted(total):
        print(f"{key[0]:9} {key[1]} {key[2]:5}: {right[key]:4} / {total[key]:4}")
    for split in ("in-sample", "held-out"):
        r = sum(v for k, v in right.items() if k[0] == split)
        t = sum(v for k, v in total.items() if k[0] == split)
        print(f"{split}: {r} / {t}")
    if "-v" in sys.argv:
        for item in wrong:
            if item[0][0] == "in-sample":
                print(*item)


if __name__ == "__main__":
    main()
