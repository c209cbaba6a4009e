"""Our saved-page reading against Firefox Reader View's, on real pages.

The pages are Mozilla Readability's test pages (https://github.com/mozilla/readability,
``test/test-pages/NAME/``, Apache-2.0; the pages themselves are copies of third-party
sites and are not kept here): ``source.html`` is the saved page, ``expected.html`` the
article as Reader View shows it. Put them at ``DIR/NAME/{source,expected}.html``.

Run: ``.venv/bin/python bench/readability_pages.py DIR [--show] [--list FILE]``.
For each page of the list (``bench/data/readability_pages.txt``: "dev NAME" or
"held NAME", split by name before any result was seen), our Article text
(``load_article`` on source.html) against the visible text of expected.html:

- word recall: how much of Reader View's article we show (multiset of words);
- word precision: how much of what we show is in it;
- claims not in Reader View's text (furniture that became claims): a claim whose
  words, in order, are not in Reader View's text and share under half their word
  pairs with it.

Then the whole-set figures, dev and held-out apart, and the worst pages. ``--show``
prints, for dev pages only, Reader View's paragraphs we lost and our claims that are
not in it (held-out pages are only ever counted, never shown).
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import lxml.html

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.core.article import Article, LoadError  # noqa: E402
from app.core.claims import find_claims  # noqa: E402
from app.core.loaders import load_article  # noqa: E402

LIST = Path(__file__).resolve().parent / "data" / "readability_pages.txt"
_WORD = re.compile(r"\w+")
_BLOCKS = frozenset({"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
                     "blockquote", "pre", "table", "tr", "td", "th", "figure", "figcaption",
                     "section", "article", "header", "footer", "dt", "dd", "dl", "br",
                     "aside", "main", "details", "summary", "caption"})
_PARAGRAPHS = ("p", "li", "blockquote", "dd", "td", "h1", "h2", "h3", "h4", "h5", "h6")


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def visible_text(element: lxml.html.HtmlElement) -> str:
    """The element's text with a space between blocks (scripts and styles left out)."""
    pieces: list[str] = []

    def walk(node: lxml.html.HtmlElement) -> None:
        if not isinstance(node.tag, str) or node.tag in ("script", "style", "template"):
            pieces.append(node.tail or "")
            return
        block = node.tag in _BLOCKS
        pieces.append(" " if block else "")
        pieces.append(node.text or "")
        for child in node:
            walk(child)
        pieces.append(" " if block else "")
        pieces.append(node.tail or "")

    walk(element)
    return "".join(pieces)


def _pairs(tokens: list[str]) -> set[tuple[str, str]]:
    return set(zip(tokens, tokens[1:], strict=False))


@dataclass
class PageResult:
    name: str
    split: str
    expected_words: int
    our_words: int
    common: int
    claims: int
    foreign: list[str]
    lost: list[str]

    @property
    def recall(self) -> float:
        return self.common / self.expected_words if self.expected_words else 1.0

    @property
    def precision(self) -> float:
        return self.common / self.our_words if self.our_words else 1.0


def is_in(tokens: list[str], joined: str, pairs: set[tuple[str, str]]) -> bool:
    """Are these words, in order, in the text (``joined``: its words, one space
    between, with a space at each end), or do half their word pairs occur in it?"""
    if not tokens:
        return True
    if f" {' '.join(tokens)} " in joined:
        return True
    own = _pairs(tokens)
    return bool(own) and len(own & pairs) >= 0.5 * len(own)


def measure(name: str, split: str, directory: Path) -> PageResult:
    source, expected = directory / name / "source.html", directory / name / "expected.html"
    reader = lxml.html.document_fromstring(expected.read_text(encoding="utf-8"))
    reader_words = words(visible_text(reader))
    reader_joined = f" {' '.join(reader_words)} "
    reader_pairs = _pairs(reader_words)
    article: Article = load_article(source)
    ours = words(article.text)
    common = sum((Counter(reader_words) & Counter(ours)).values())
    claims = [article.text[c.start:c.end] for c in find_claims(article)]
    foreign = [c for c in claims if not is_in(words(c), reader_joined, reader_pairs)]
    our_joined, our_pairs = f" {' '.join(ours)} ", _pairs(ours)
    lost = []
    for element in reader.iter(*_PARAGRAPHS):
        if any(isinstance(a.tag, str) and a.tag in _PARAGRAPHS for a in element.iterancestors()):
            continue
        text = " ".join(visible_text(element).split())
        if len(words(text)) >= 4 and not is_in(words(text), our_joined, our_pairs):
            lost.append(text)
    return PageResult(name, split, len(reader_words), len(ours), common, len(claims),
                      foreign, lost)


def read_list(path: Path) -> list[tuple[str, str]]:
    pages = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            split, name = line.split()
            pages.append((split, name))
    return pages


def main(arguments: list[str]) -> None:
    show = "--show" in arguments
    arguments = [a for a in arguments if a != "--show"]
    listed = LIST
    if "--list" in arguments:
        at = arguments.index("--list")
        listed = Path(arguments[at + 1])
        del arguments[at:at + 2]
    if len(arguments) != 1:
        sys.exit(__doc__)
    directory = Path(arguments[0])
    results: list[PageResult] = []
    for split, name in read_list(listed):
        if not (directory / name / "source.html").exists():
            print(f"{name}: not here")
            continue
        try:
            result = measure(name, split, directory)
        except LoadError as error:
            print(f"{name}: not loaded ({error})")
            continue
        results.append(result)
        print(f"{split:4} {name:22} recall {result.recall:6.1%}  precision "
              f"{result.precision:6.1%}  claims {result.claims:4}  not in Reader View "
              f"{len(result.foreign):3}  lost paragraphs {len(result.lost):3}")
        if show and split == "dev":
            for text in result.lost:
                print(f"     LOST  {text[:160]}")
            for text in result.foreign:
                print(f"     EXTRA {text[:160]}")
    for split in ("dev", "held"):
        part = [r for r in results if r.split == split]
        if not part:
            continue
        expected = sum(r.expected_words for r in part)
        ours = sum(r.our_words for r in part)
        common = sum(r.common for r in part)
        print(f"{split:4} {len(part):2} pages: recall {common / expected:.1%}  precision "
              f"{common / ours:.1%}  claims {sum(r.claims for r in part)}  not in Reader "
              f"View {sum(len(r.foreign) for r in part)}  lost paragraphs "
              f"{sum(len(r.lost) for r in part)}")
    worst = sorted(results, key=lambda r: r.recall)[:5]
    print("lowest recall: " + ", ".join(f"{r.name} {r.recall:.1%}" for r in worst))
    worst = sorted(results, key=lambda r: -len(r.foreign))[:5]
    print("most claims not in Reader View: "
          + ", ".join(f"{r.name} {len(r.foreign)}" for r in worst))


if __name__ == "__main__":
    main(sys.argv[1:])
