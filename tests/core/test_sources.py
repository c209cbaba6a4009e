"""Sources are validated and normalised to one URL each."""

from __future__ import annotations

import pytest

from app.core.sources import SourceError, describe_source, normalize_source


@pytest.mark.parametrize(
    ("raw", "url"),
    [
        ("10.1200/JCO.2013.52.0536", "https://doi.org/10.1200/JCO.2013.52.0536"),
        ("doi:10.1000/abc", "https://doi.org/10.1000/abc"),
        ("https://dx.doi.org/10.1000/abc", "https://doi.org/10.1000/abc"),
        ("PMID: 33918360", "https://pubmed.ncbi.nlm.nih.gov/33918360/"),
        ("33918360", "https://pubmed.ncbi.nlm.nih.gov/33918360/"),
        ("https://pubmed.ncbi.nlm.nih.gov/33918360/", "https://pubmed.ncbi.nlm.nih.gov/33918360/"),
        ("pmc1234567", "https://pmc.ncbi.nlm.nih.gov/articles/PMC1234567/"),
        ("arXiv:2101.00001v2", "https://arxiv.org/abs/2101.00001v2"),
        ("hep-th/9901001", "https://arxiv.org/abs/hep-th/9901001"),
        ("https://www.nih.gov/news?id=1", "https://www.nih.gov/news?id=1"),
        ("www.nih.gov", "https://www.nih.gov"),
        ("  https://example.org/x.  ", "https://example.org/x"),
    ],
)
def test_normalised(raw: str, url: str) -> None:
    assert normalize_source(raw) == url


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("", "empty"),
        ("javascript:alert(1)", r"only http\(s\)"),
        ("file:///etc/passwd", r"only http\(s\)"),
        ("https://", "not a complete web address"),
        ("hello world", "not a DOI"),
        ("PMID: 0", "positive"),
    ],
)
def test_invalid_sources_say_why(raw: str, reason: str) -> None:
    with pytest.raises(SourceError, match=reason):
        normalize_source(raw)


def test_describe() -> None:
    assert describe_source("https://doi.org/10.1000/abc") == "DOI 10.1000/abc"
    assert describe_source("https://pubmed.ncbi.nlm.nih.gov/1/") == "PMID 1"
    assert describe_source("https://example.org") == "https://example.org"
