"""Every page of a W3C collection the file holds is read (tester T13: the
``next`` page was dropped without a word); pages named by URL only are named
in the report, never fetched; a page pointing back at itself ends the walk."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.annotation_pages import MAX_PAGES, read_pages
from app.core.importing import import_items, w3c_items
from app.core.notes_format import ArticleRef, from_jsonld, to_jsonld
from app.core.storage import NotesStore

TEXT = "Magnesium helps. Zinc is a mineral found in oysters. Nothing else here."


def _item(n: int, exact: str = "Zinc is a mineral") -> dict[str, Any]:
    return {"id": f"https://notes.example.org/{n}", "type": "Annotation",
            "body": {"type": "TextualBody", "value": f"note {n}"},
            "target": {"source": "https://example.org/page",
                       "selector": {"type": "TextQuoteSelector", "exact": exact}}}


def _chain(sizes: list[int], tail: Any = None, total: int | None = None) -> dict[str, Any]:
    """A collection whose pages (first, then each next) hold ``sizes`` items."""
    number = 0
    page: Any = tail
    pages = []
    for size in sizes:
        pages.append([_item(number + k) for k in range(size)])
        number += size
    for index, items in reversed(list(enumerate(pages))):
        page = {"id": f"https://notes.example.org/page/{index}", "type": "AnnotationPage",
                "items": items, **({"next": page} if page is not None else {})}
    collection: dict[str, Any] = {"type": "AnnotationCollection", "first": page}
    if total is not None:
        collection["total"] = total
    return collection


def test_an_import_reads_the_next_page_of_a_collection() -> None:
    result = import_items([], w3c_items(_chain([2, 2])), TEXT, "a.txt")
    assert result.added == 4 and result.placed == 4
    assert sorted(a.note for a in result.annotations) == [f"note {n}" for n in range(4)]
    assert result.further is None and "further pages" not in result.summary()


def test_a_next_page_named_by_url_only_is_named_in_the_report() -> None:
    data = _chain([2], tail="https://notes.example.org/page/1", total=5)
    result = import_items([], w3c_items(data), TEXT, "a.txt")
    assert result.added == 2
    assert result.summary().endswith(
        "; 3 notes on further pages not in this file (https://notes.example.org/page/1)")


def test_a_page_pointing_back_at_itself_ends_the_walk() -> None:
    data = _chain([1, 1], tail="https://notes.example.org/page/0")
    pages = read_pages(data["first"])
    assert len(pages.items) == 2 and pages.further is None
    looped = {"id": "p", "type": "AnnotationPage", "items": [_item(1)], "next": "p"}
    assert read_pages(looped).further is None


def test_past_the_cap_the_rest_is_kept_unread_and_named() -> None:
    data = _chain([1] * (MAX_PAGES + 2))
    pages = read_pages(data["first"], MAX_PAGES + 2)
    assert len(pages.items) == MAX_PAGES
    assert pages.further is not None and pages.further.notes == 2
    assert pages.first["next"]["items"][0]["id"].endswith(f"/{MAX_PAGES}")


def test_a_notes_file_beside_the_article_shows_every_page_and_saves_them_once(
        tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT)
    notes = tmp_path / "a.txt.notes.json"
    notes.write_text(json.dumps(_chain([2, 3, 1])))
    store = NotesStore(article)
    doc = store.load(None, "")
    assert doc is not None and len(doc.annotations) == 6
    doc.article = ArticleRef("a.txt")
    store.save(doc)
    written = json.loads(notes.read_text())
    assert "next" not in written["first"] and len(written["first"]["items"]) == 6
    assert len(from_jsonld(written).annotations) == 6


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 4), min_size=1, max_size=8), st.booleans())
def test_every_annotation_of_every_embedded_page_is_imported_once(sizes: list[int],
                                                                  as_page: bool) -> None:
    data = _chain(sizes)
    payload = data["first"] if as_page else data
    result = import_items([], w3c_items(payload), TEXT, "a.txt")
    ids = [a.id for a in result.annotations]
    assert sorted(ids) == sorted(f"https://notes.example.org/{n}" for n in range(sum(sizes)))
    again = from_jsonld(to_jsonld(from_jsonld(payload)))  # written once, read back: same
    assert [a.id for a in again.annotations] == [a.id for a in from_jsonld(payload).annotations]


def test_claimmark_import_names_the_pages_of_a_collection_it_does_not_hold(
        tmp_path: Path) -> None:
    import subprocess
    import sys

    article = tmp_path / "a.txt"
    article.write_text(TEXT)
    notes = tmp_path / "elsewhere.json"
    notes.write_text(json.dumps({"type": "AnnotationCollection", "total": 3,
                                 "first": "https://notes.example.org/page/1"}))
    run = subprocess.run([sys.executable, "-m", "app", "import", str(article), str(notes)],
                         capture_output=True, text=True, timeout=120,
                         cwd=Path(__file__).resolve().parents[2])
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == (
        "nothing to import: elsewhere.json holds no annotations; 3 notes on further pages not "
        "in this file (https://notes.example.org/page/1); nothing written")


def test_claimmark_notes_names_the_pages_a_notes_file_does_not_hold(tmp_path: Path) -> None:
    import subprocess
    import sys

    article = tmp_path / "a.txt"
    article.write_text(TEXT)
    data = _chain([2], tail="https://notes.example.org/page/1", total=3)
    (tmp_path / "a.txt.notes.json").write_text(json.dumps(data))
    run = subprocess.run([sys.executable, "-m", "app", "notes", str(article)],
                         capture_output=True, text=True, timeout=120,
                         cwd=Path(__file__).resolve().parents[2])
    assert run.returncode == 0, run.stderr
    assert run.stderr.strip().endswith(
        "a.txt.notes.json: 1 note on further pages not in this file "
        "(https://notes.example.org/page/1)")


def _hypothesis_row(n: int) -> dict[str, Any]:
    return {"id": f"hyp{n}", "user": "acct:reader@hypothes.is", "text": f"row {n}",
            "uri": "https://example.org/page",
            "target": [{"source": "https://example.org/page",
                        "selector": [{"type": "TextQuoteSelector",
                                      "exact": "Zinc is a mineral"}]}]}


def test_a_hypothesis_search_answer_names_the_rows_it_does_not_hold() -> None:
    """The Hypothesis API answers 20 rows unless asked for more, with the
    total it found: an import of such an answer said nothing of the rest."""
    answer = {"total": 57, "rows": [_hypothesis_row(n) for n in range(20)]}
    result = import_items([], w3c_items(answer), TEXT, "a.txt")
    assert result.added == 20
    assert result.summary().endswith(
        "; 37 notes the search found are not in this file (a Hypothesis search answers a "
        "page at a time: ask again with a higher limit or an offset)")
    whole = {"total": 2, "rows": [_hypothesis_row(n) for n in range(2)]}
    assert "search found" not in import_items([], w3c_items(whole), TEXT, "a.txt").summary()
    for total in ("57", True, None, -1, 1):  # not a count, or not more than it holds
        odd = {"total": total, "rows": [_hypothesis_row(0), _hypothesis_row(1)]}
        assert w3c_items(odd).further is None


def test_a_collection_whose_pages_are_all_elsewhere_is_named_not_refused() -> None:
    """The W3C model lets ``first`` be only the page's IRI (test fixtures of
    public annotation servers do): the import said "not W3C annotations"."""
    data = {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection",
            "label": "Reading group", "total": 3, "first": "urn:uuid:1dadd70a-f5ad",
            "last": "urn:uuid:1dadd70a-f5ad"}
    result = import_items([], w3c_items(data), TEXT, "a.txt")
    assert result.summary() == ("imported 0: 0 placed, 0 could not be placed; 3 notes on "
                                "further pages not in this file (urn:uuid:1dadd70a-f5ad)")


def test_a_page_read_alone_counts_the_notes_after_it_by_its_collection() -> None:
    page = {"@context": "http://www.w3.org/ns/anno.jsonld", "id": "https://notes.example.org/p1",
            "type": "AnnotationPage", "startIndex": 0, "next": "https://notes.example.org/p2",
            "partOf": {"id": "https://notes.example.org/c", "total": 40},
            "items": [_item(0), _item(1)]}
    assert import_items([], w3c_items(page), TEXT, "a.txt").summary().endswith(
        "; 38 notes on further pages not in this file (https://notes.example.org/p2)")
    later = {**page, "startIndex": 10}  # the third page: 28 after it
    assert import_items([], w3c_items(later), TEXT, "a.txt").summary().endswith(
        "; 28 notes on further pages not in this file (https://notes.example.org/p2)")
    odd = {**page, "startIndex": "0"}
    assert import_items([], w3c_items(odd), TEXT, "a.txt").summary().endswith(
        "; notes on further pages not in this file (https://notes.example.org/p2)")
