"""Who wrote a saved page and when, as trafilatura reads it, kept to what the page writes.

trafilatura's author string is a guess that can be mangled (a URL's words, a
testimonial's attribution, "Smith; John" for "Smith, John", a credential split
off its name): :func:`written_authors` keeps the names the page writes itself.
A big page's metadata is read from its head and top (:func:`metadata_input`).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from html import unescape

from trafilatura.metadata import extract_metadata
from trafilatura.settings import Document

log = logging.getLogger(__name__)


def page_metadata(html: str) -> Document | None:
    """trafilatura's reading of the page's title, author and date; None when it fails."""
    try:
        # Not "extensive": a date is taken only from the page's own markup,
        # never guessed from a copyright line.
        return extract_metadata(metadata_input(html), extensive=False)
    except Exception:  # noqa: BLE001 - metadata is a nicety; never fail on it
        log.warning("page metadata not read", exc_info=True)
        return None


# trafilatura reads a page's metadata by walking all of it (every element's
# class for an author, every link for categories and tags, htmldate's search
# for dates): 1.4-2.4 s of a 1.9 MB book's 6 s opening. What it looks for is
# in the head, the JSON-LD and the top of the body, so a big page is read from
# its first METADATA_CHARS, once styles, scripts other than JSON-LD and
# inline data: URIs (a SingleFile page's fonts and pictures) are set aside,
# with the JSON-LD after the cut appended.
METADATA_CHARS = 200_000
_BULK = re.compile(
    r"<style\b[^>]*>.*?</style\s*>"
    r"|<script\b(?![^>]*ld\+json)[^>]*>.*?</script\s*>"
    r"|data:[^\"')\s]{200,}", re.IGNORECASE | re.DOTALL)
_JSON_LD = re.compile(r"<script\b[^>]*ld\+json[^>]*>.*?</script\s*>", re.IGNORECASE | re.DOTALL)


# A heading's anchor ("attributes-for-crate-authors", "author-lint") is where a
# manual's section starts, never a byline, but trafilatura's author search takes
# an element whose id or class holds "author": clippy's book read "Attributes".
_HEADING_NAMES = re.compile(
    r"""(<h[1-6]\b[^>]*?)\s(?:id|class)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)""", re.IGNORECASE)


def metadata_input(html: str) -> str:
    """What of ``html`` trafilatura reads metadata from (see METADATA_CHARS)."""
    if len(html) <= METADATA_CHARS:
        return html
    slim = _HEADING_NAMES.sub(r"\1", _HEADING_NAMES.sub(r"\1", _BULK.sub("", html)))
    if len(slim) <= METADATA_CHARS:
        return slim
    cut = slim.rfind("<", 0, METADATA_CHARS)  # no element's text cut short ("Attributes"
    cut = cut if cut > 0 else METADATA_CHARS  # of a heading read as its author's name)
    return slim[:cut] + "".join(_JSON_LD.findall(slim, cut))


def written_authors(page: str, authors: str | None) -> str:
    """The names of trafilatura's author string that the page writes itself.

    Its guess can be a mangled line: TeX Live's guide's "Karl Berry, editor"
    over a URL came back "Karl Berry; Editor Https; Tug Org; Texlive". A name
    the page never writes (in its text or its markup, entities decoded; in
    any case, as trafilatura capitalises names) is no author's name, and a
    byline must not show words the page does not have; the names after it
    come from the same garbled line ("Guide" of the URL is a word of the
    page's title too), so the names end there.
    """
    kept: list[str] = []
    decoded = ""
    if (authors or "").lstrip().startswith(_DASHES):
        return ""  # "— Sarah K., Ohio": a quote's attribution (a testimonial), no byline
    parts = _inverted_joined([part.strip() for part in (authors or "").split(";")], page)
    for name in _with_credentials(parts):
        written = re.compile(r"\s+".join(map(re.escape, name.split())), re.IGNORECASE)
        if not name or not (written.search(page) or written.search(
                decoded := decoded or unescape(page))):
            break
        kept.append(name)
    return "; ".join(kept)


def named_in(authors: str, byline: str) -> bool:
    """Is one of trafilatura's names in the line the page marks as its byline?"""
    return any(name.strip().lower() in byline.lower() for name in authors.split(";")
               if name.strip())


def _inverted_joined(parts: list[str], page: str) -> list[str]:
    """"Smith, John" comes back "Smith; John" from trafilatura: two one-word
    parts the page itself writes with a comma between are one inverted name."""
    joined: list[str] = []
    index = 0
    while index < len(parts):
        first, second = parts[index], parts[index + 1] if index + 1 < len(parts) else ""
        if (" " not in first and " " not in second and first[:1].isupper()
                and second[:1].isupper() and not _CREDENTIAL.match(second)
                and re.search(rf"\b{re.escape(first)}\s*,\s*{re.escape(second)}\b", page)):
            joined.append(f"{first}, {second}")
            index += 2
        else:
            joined.append(first)
            index += 1
    return joined


# A credential or suffix after a name: "RD", "MD", "PhD", "PharmD", "MS", "RDN",
# "DrPH", "Jr." — two capitals or more in one short word, or a suffix.
_CREDENTIAL = re.compile(r"^(?:(?=(?:[a-z]*[A-Z]){2})[A-Z][A-Za-z]{1,6}|Jr|Sr|I{2,3}|IV)\.?$")
_DASHES = ("—", "–", "―", "-", "~")


def _with_credentials(names: Iterable[str]) -> list[str]:
    """trafilatura splits an author string at every comma: "Jessica Turner, RD,
    MD" comes back "Jessica Turner; RD; MD". A credential belongs to the name
    before it ("Jessica Turner, RD, MD"); two names stay two ("Jane Doe, PhD;
    John Smith, MPH")."""
    joined: list[str] = []
    for name in names:
        if joined and joined[-1] and _CREDENTIAL.match(name):
            joined[-1] += ", " + name
        else:
            joined.append(name)
    return joined
