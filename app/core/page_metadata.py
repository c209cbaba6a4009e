"""What a saved web page says about itself: its address, author and date.

For the ClaimReview export (``export/claimreview.py``): a review names the
work a claim appears in by its address, and the claim by who made it and
when, where the page states them (schema.org/ClaimReview; Google's
fact-check guidance: ``itemReviewed`` a ``Claim`` with ``author``,
``datePublished`` and ``appearance``).

The page is untrusted: only what parses as an ``http(s)`` address (no
credentials, no spaces or control characters, at most 2,000 characters) is an
address, only an ISO 8601 date is a date, and a name is plain text of at most
200 characters. Where the page states nothing usable, the field is ``""``.

Sources, first found wins:

* address: ``<link rel="canonical">``, ``og:url``, JSON-LD's ``url`` /
  ``mainEntityOfPage`` of an article, the "saved from url=(0045)https://…"
  comment browsers write into a saved page;
* author: JSON-LD's article ``author`` (its ``@type`` kept when it is an
  Organization), ``<meta name="author">``, ``article:author`` when it is a
  name (not a profile address); an Organization also when the name is the
  page's publisher's (og:site_name, JSON-LD ``publisher``): "BBC News" by
  BBC News;
* date: JSON-LD's ``datePublished``, ``article:published_time``
  (also ``og:``-prefixed), ``<meta name="date">``/``dc.date``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from app.core.article import Article, LoadError
from app.core.reading import MAX_ARTICLE_BYTES, read_bytes

MAX_URL = 2_000
MAX_NAME = 200
# Enough for any head: what a page says of itself is at its top (JSON-LD
# blocks can sit in the body, but rarely past this).
_SCAN_CHARS = 1_000_000
_MAX_JSON = 200_000
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d{1,5}\)\s*(\S+?)\s*-->", re.IGNORECASE)
_ISO_DATE = re.compile(
    r"^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"
    r"(?:[T ](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")
_ARTICLE_TYPES = frozenset({"article", "newsarticle", "blogposting", "reportagenewsarticle",
                            "analysisnewsarticle", "opinionnewsarticle", "medicalwebpage",
                            "webpage", "scholarlyarticle", "report", "techarticle",
                            "medicalscholarlyarticle", "socialmediaposting", "liveblogposting"})
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True, slots=True)
class PageMetadata:
    """A page's own address, author, author type (Person/Organization) and date."""

    url: str = ""
    author: str = ""
    author_type: str = "Person"
    published: str = ""


def page_metadata(html: str) -> PageMetadata:
    """Read ``html``'s statements about itself (see the module doc); never raises
    on bad input."""
    import lxml.html
    from lxml import etree

    head = html[:_SCAN_CHARS]
    try:
        root = lxml.html.document_fromstring(head)
    except (etree.ParserError, ValueError):
        return PageMetadata(url=_saved_from(head))
    metas = _metas(root)
    articles = list(_json_ld_articles(root))
    url = next((u for u in (
        _clean_url(_link(root, "canonical")), _clean_url(metas.get("og:url", "")),
        *(_clean_url(_text_or_id(a.get("url"))) for a in articles),
        *(_clean_url(_text_or_id(a.get("mainEntityOfPage"))) for a in articles),
        _saved_from(head)) if u), "")
    author, author_type = "", "Person"
    for article in articles:
        author, author_type = _ld_author(article.get("author"))
        if author:
            break
    if not author:
        author = next((n for n in (_clean_name(metas.get(key, "")) for key in (
            "author", "article:author", "og:article:author", "dc.creator"))
            if n and not _looks_like_url(n)), "")
    if author and author_type == "Person" and author in _publishers(metas, articles):
        author_type = "Organization"  # "BBC News" by BBC News: the publisher itself
    published = next((d for d in (
        *(_clean_date(a.get("datePublished")) for a in articles),
        *(_clean_date(metas.get(key, "")) for key in (
            "article:published_time", "og:article:published_time", "datepublished",
            "date", "dc.date", "dc.date.issued", "dcterms.created"))) if d), "")
    return PageMetadata(url, author, author_type if author else "Person", published)


def _publishers(metas: dict[str, str], articles: list[dict[str, Any]]) -> set[str]:
    """The names the page gives its publisher (og:site_name, JSON-LD's publisher)."""
    names = {_clean_name(metas.get("og:site_name", ""))}
    for article in articles:
        publisher = article.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            names.add(_clean_name(publisher["name"]))
    return names - {""}


def _metas(root: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "")
        key = key.strip().lower()
        if key and key not in found:
            found[key] = meta.get("content") or ""
    return found


def _link(root: Any, rel: str) -> str:
    for link in root.iter("link"):
        if rel in (link.get("rel") or "").lower().split():
            return link.get("href") or ""
    return ""


def _saved_from(head: str) -> str:
    match = _SAVED_FROM.search(head[:4096])
    return _clean_url(match.group(1)) if match else ""


def _json_ld_articles(root: Any) -> Iterator[dict[str, Any]]:
    """The article objects of the page's JSON-LD blocks (``@graph`` included)."""
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        text = script.text or ""
        if len(text) > _MAX_JSON:
            continue
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            continue
        yield from _articles_in(data, depth=0)


def _articles_in(data: Any, depth: int) -> Iterator[dict[str, Any]]:
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data[:100]:
            yield from _articles_in(item, depth + 1)
    elif isinstance(data, dict):
        kinds = data.get("@type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if any(isinstance(kind, str) and kind.lower() in _ARTICLE_TYPES for kind in kinds):
            yield data
        if "@graph" in data:
            yield from _articles_in(data["@graph"], depth + 1)


def _text_or_id(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        inner = value.get("@id") or value.get("url")
        return inner if isinstance(inner, str) else ""
    return ""


def _ld_author(value: Any) -> tuple[str, str]:
    """The names of a JSON-LD ``author`` (a name, an object, or a list), joined
    with ", ", and "Organization" when the first is one."""
    people = value if isinstance(value, list) else [value]
    names: list[str] = []
    kind = "Person"
    for person in people[:10]:
        if isinstance(person, str):
            name = _clean_name(person)
        elif isinstance(person, dict):
            given = person.get("name")
            name = _clean_name(given if isinstance(given, str) else "")
            if not names and person.get("@type") == "Organization":
                kind = "Organization"
        else:
            continue
        if name and not _looks_like_url(name) and name not in names:
            names.append(name)
    joined = ", ".join(names)
    return (joined, kind) if 0 < len(joined) <= MAX_NAME else ("", "Person")


def _clean_url(value: str) -> str:
    """``value`` if it is an absolute http(s) address a reader could follow."""
    value = (value or "").strip()
    if not value or len(value) > MAX_URL or _CONTROL.search(value) or re.search(r"\s", value):
        return ""
    try:
        parts = urlsplit(value)
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return ""
    if parts.username or parts.password:
        return ""  # credentials in an address are never republished
    return value


def _clean_name(value: str) -> str:
    name = " ".join(_CONTROL.sub(" ", value or "").split())
    return name if len(name) <= MAX_NAME else ""


def _looks_like_url(name: str) -> bool:
    return bool(re.match(r"(?i)^(?:https?:|www\.)", name))


def _clean_date(value: Any) -> str:
    if not isinstance(value, str):
        return ""
    value = value.strip()
    return value if len(value) <= 40 and _ISO_DATE.match(value) else ""


def saved_page_metadata(article: Article) -> PageMetadata:
    """What the saved page ``article`` was read from says about itself
    (nothing for other formats, or when the file cannot be read now)."""
    if article.format != "html" or not article.source_path:
        return PageMetadata()
    from app.core.load_html import decode_html
    from app.core.load_mhtml import MHTML_SUFFIXES, page_of_mhtml

    path = Path(article.source_path)
    try:
        data = read_bytes(path, MAX_ARTICLE_BYTES)
        if path.suffix.lower() in MHTML_SUFFIXES:
            html, _, location = page_of_mhtml(data, path.name)
        else:
            (html, _), location = decode_html(data, path.name), ""
    except (LoadError, OSError, ValueError):
        return PageMetadata()
    found = page_metadata(html)
    if not found.url and _clean_url(location):
        return replace(found, url=_clean_url(location))
    return found
