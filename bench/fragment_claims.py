"""Fragment claims on real saved pages (issue C: inline code broke sentences).

Run: ``.venv/bin/python bench/fragment_claims.py [page.html ... | @list.txt]``
(defaults: three Debian manuals under /usr/share/doc, none with
<main>/<article>; ``@list.txt`` reads one path a line, and a total line ends
the output: compare it before and after a change to claims or structure).
A fragment is a claim of fewer than three words or one that opens with
",;:.)]" — what a sentence cut around an inline code word leaves ("," or
"to compress."). Prints claims, fragments, words kept in claims, examples.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.core.article import LoadError  # noqa: E402
from app.core.claims import find_claims  # noqa: E402
from app.core.loaders import load_article  # noqa: E402

PAGES = ("/usr/share/doc/bzip2/manual.html", "/usr/share/doc/gcc-12-base/NEWS.html",
         "/usr/share/doc/bc/bc.html")
_WORD = re.compile(r"\w+")


def is_fragment(claim: str) -> bool:
    return len(_WORD.findall(claim)) < 3 or claim[0] in ",;:.)]"


def main(pages: list[str]) -> None:
    totals = [0, 0, 0]
    for page in pages:
        if not Path(page).exists():
            print(f"{page}: not installed")
            continue
        try:
            article = load_article(page)
        except LoadError as error:
            print(f"{page}: not loaded ({error})")
            continue
        claims = [article.text[c.start:c.end] for c in find_claims(article)]
        fragments = [c for c in claims if is_fragment(c)]
        words = sum(len(_WORD.findall(c)) for c in claims)
        for k, count in enumerate((len(claims), len(fragments), words)):
            totals[k] += count
        print(f"{page}: {len(claims)} claims, {len(fragments)} fragments, "
              f"{words} words in claims; e.g. {fragments[:6]}")
    print(f"total: {totals[0]} claims, {totals[1]} fragments, {totals[2]} words in claims")


def _paths(arguments: list[str]) -> list[str]:
    paths: list[str] = []
    for argument in arguments:
        if argument.startswith("@"):
            lines = Path(argument[1:]).read_text(encoding="utf-8").splitlines()
            paths += [line.strip() for line in lines if line.strip()]
        else:
            paths.append(argument)
    return paths


if __name__ == "__main__":
    main(_paths(sys.argv[1:]) or list(PAGES))
