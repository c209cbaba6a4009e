"""Notes on a PDF carry their page: in the W3C target and in every export."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.annotations import annotation_for_span
from app.core.article import page_at
from app.core.claims import find_claims
from app.core.export import build_export_model, export_text
from app.core.loaders import load_article
from app.core.notes_format import ArticleRef, NotesDocument, annotation_to_jsonld, to_jsonld
from app.core.resources import resource_path
from app.core.storage import NotesStore, encode_annotation_line, encode_notes
from tests.pdf_factory import make_plain_pages

SCHEMA = json.loads(resource_path("schema", "notes.schema.json").read_text())


@pytest.fixture(scope="module")
def four_pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pages = [[f"The claim on page {n} is here. Another claim on page {n} follows."]
             for n in range(1, 5)]
    return make_plain_pages(tmp_path_factory.mktemp("pdf") / "four.pdf", pages)


def notes_on_every_page(path: Path) -> tuple[object, NotesDocument]:
    article = load_article(path)
    claims = find_claims(article)
    annotations = [annotation_for_span(article.text, c.start, c.end, label="uncertain",
                                       note=f"note {n}")
                   for n, c in enumerate(claims) if n % 2 == 0]
    ref = ArticleRef(path.name, article.sha256, article.title, article.format,
                     page_breaks=article.page_breaks)
    return article, NotesDocument(ref, annotations)


def test_saved_notes_name_their_page_in_a_fragment_selector(four_pages: Path) -> None:
    article, doc = notes_on_every_page(four_pages)
    NotesStore(four_pages).save(doc)
    saved = json.loads(four_pages.with_name("four.pdf.notes.json").read_text(encoding="utf-8"))
    jsonschema.validate(saved, SCHEMA)
    pages = []
    for item in saved["first"]["items"]:
        selectors = item["target"]["selector"]
        quote = selectors[0]
        fragment = next(s for s in selectors if s["type"] == "FragmentSelector")
        assert fragment["conformsTo"] == "http://tools.ietf.org/rfc/rfc3778"
        assert fragment["refinedBy"] == quote
        pages.append(int(fragment["value"].removeprefix("page=")))
        assert f"page {pages[-1]}" in quote["exact"]
    assert pages == [1, 2, 3, 4]
    # And they load back as they were.
    back = NotesStore(four_pages).load()
    assert back is not None and back.annotations == doc.annotations


def test_unpaged_notes_have_no_fragment_selector(four_pages: Path) -> None:
    _, doc = notes_on_every_page(four_pages)
    doc.article = ArticleRef("x.txt")
    for item in to_jsonld(doc)["first"]["items"]:
        assert [s["type"] for s in item["target"]["selector"]] == [
            "TextQuoteSelector", "TextPositionSelector"]


@settings(max_examples=100, deadline=None)
@given(st.text(min_size=1, max_size=40), st.integers(min_value=1, max_value=5000),
       st.text(max_size=10))
def test_the_fast_line_encoder_equals_json_with_a_page(exact: str, page: int,
                                                       source: str) -> None:
    a = annotation_for_span(exact, 0, len(exact), label="supported")
    assert encode_annotation_line(a, source, page) == json.dumps(
        annotation_to_jsonld(a, source, page), ensure_ascii=False)


def test_the_whole_file_encoding_equals_json(four_pages: Path) -> None:
    _, doc = notes_on_every_page(four_pages)
    assert json.loads(encode_notes(doc)) == to_jsonld(doc)


@pytest.mark.parametrize("fmt", ["md", "csv", "html", "jsonld", "claimreview"])
def test_every_export_names_the_page(four_pages: Path, fmt: str) -> None:
    article, doc = notes_on_every_page(four_pages)
    model = build_export_model(article, doc.annotations, len(find_claims(article)), author="A")
    assert [item.page for item in model.items] == [1, 2, 3, 4]
    text = export_text(model, fmt)
    if fmt == "md":
        for n in range(1, 5):
            assert f"### N{n}. Uncertain · p. {n}" in text
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(text)))
        assert rows[0][-1] == "page" and [r[-1] for r in rows[1:]] == ["1", "2", "3", "4"]
    elif fmt == "html":
        assert all(f'<span class="page">p. {n}</span>' in text for n in range(1, 5))
    elif fmt == "jsonld":
        values = [s["value"] for item in json.loads(text)["first"]["items"]
                  for s in item["target"]["selector"] if s["type"] == "FragmentSelector"]
        assert values == ["page=1", "page=2", "page=3", "page=4"]
    else:
        pages = [r["itemReviewed"]["appearance"]["pagination"] for r in json.loads(text)]
        assert pages == ["p. 1", "p. 2", "p. 3", "p. 4"]
    assert page_at(article, model.items[-1].annotation.start) == 4
