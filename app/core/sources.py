"""Evidence sources: DOI, PMID, PMCID, arXiv id or an http(s) URL.

:func:`normalize_source` turns what a user types or pastes into one
canonical URL, or raises :class:`SourceError` saying why it is not a source.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

_DOI = re.compile(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)?(10\.\d{4,9}/\S+)$", re.I)
_PMID = re.compile(
    r"^(?:pmid:?\s*|https?://(?:www\.)?(?:pubmed\.ncbi\.nlm\.nih\.gov|ncbi\.nlm\.nih\.gov/pubmed)/)"
    r"?(\d{1,9})/?$", re.I)
_PMCID = re.compile(
    r"^(?:pmcid:?\s*|https?://(?:www\.)?ncbi\.nlm\.nih\.gov/pmc/articles/|"
    r"https?://pmc\.ncbi\.nlm\.nih\.gov/articles/)?(PMC\d{4,9})/?$", re.I)
_ARXIV = re.compile(
    r"^(?:arxiv:\s*|https?://arxiv\.org/(?:abs|pdf)/)?"
    r"(\d{4}\.\d{4,5}(?:v\d+)?|[a-z-]+(?:\.[A-Z]{2})?/\d{7}(?:v\d+)?)(?:\.pdf)?$", re.I)


class SourceError(ValueError):
    """Not a usable source; ``str()`` says why in one line."""


def normalize_source(raw: str) -> str:
    """The canonical URL of a DOI, PMID, PMCID, arXiv id or http(s) URL."""
    value = raw.strip().rstrip(".,;")
    if not value:
        raise SourceError("empty source")
    if match := _DOI.match(value):
        return "https://doi.org/" + unquote(match.group(1))
    if match := _PMID.match(value):
        if int(match.group(1)) == 0:
            raise SourceError("a PMID is a positive number")
        return f"https://pubmed.ncbi.nlm.nih.gov/{int(match.group(1))}/"
    if match := _PMCID.match(value):
        return f"https://pmc.ncbi.nlm.nih.gov/articles/{match.group(1).upper()}/"
    if match := _ARXIV.match(value):
        return f"https://arxiv.org/abs/{match.group(1)}"
    if value.lower().startswith("www."):
        value = "https://" + value
    parts = urlsplit(value)
    if parts.scheme.lower() in ("http", "https"):
        if not parts.hostname or "." not in parts.hostname or " " in value:
            raise SourceError(f"not a complete web address: {value[:60]}")
        return value
    if parts.scheme and parts.scheme.lower() not in ("doi", "pmid", "arxiv"):
        raise SourceError(f"only http(s) links are allowed, not {parts.scheme}:")
    if value.lower().startswith("10."):
        raise SourceError("a DOI looks like 10.1234/abcd")
    raise SourceError("not a DOI, PMID, PMCID, arXiv id or http(s) URL")


def describe_source(url: str) -> str:
    """A short human label: ``DOI 10.1/x``, ``PMID 123``, or the URL."""
    for prefix, name in (
        ("https://doi.org/", "DOI "),
        ("https://pubmed.ncbi.nlm.nih.gov/", "PMID "),
        ("https://pmc.ncbi.nlm.nih.gov/articles/", ""),
        ("https://arxiv.org/abs/", "arXiv:"),
    ):
        if url.startswith(prefix):
            return name + url[len(prefix):].rstrip("/")
    return url


def is_normalized(source: str) -> bool:
    """True for a canonical source URL; False for one kept as another tool wrote it."""
    try:
        return normalize_source(source) == source
    except SourceError:
        return False


def is_web_link(source: str) -> bool:
    """True when ``source`` is an http(s) URL an export may link to."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(source.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc) \
        and source == source.strip()
