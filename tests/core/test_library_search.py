"""Library search: bm25 order, the bounded ranking, the label filter, the page's snippets."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core import library_query
from app.core.annotations import annotation_for_span
from app.core.library import Library
from app.core.notes_format import ArticleRef, NotesDocument
from app.core.storage import NotesStore
from tests.core.conftest import LIBRARY_SPANS, LIBRARY_TEXT

TEXT, SPANS = LIBRARY_TEXT, LIBRARY_SPANS
pytestmark = pytest.mark.usefixtures("data_dir")
WORDS = ["alpha", "bravo", "charlie", "delta", "uncertain"]
LABELS = ["supported", "uncertain", "advertising", "none"]
Mark = tuple[int, str, str]


def write_articles(folder: Path, articles: list[list[Mark]]) -> None:
    for number, marks in enumerate(articles):
        path = folder / f"a{number}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(TEXT, encoding="utf-8")
        annotations = [annotation_for_span(TEXT, *SPANS[i], label=label, note=note)
                       for i, label, note in marks]
        NotesStore(path).save(NotesDocument(ArticleRef(path.name, "", "T", "txt"), annotations))


def ranked_in_full(library: Library, query: str, label: str | None) -> list[tuple[int, str]]:
    """The oracle: every match ranked by bm25 in one plain statement (rowid, note id)."""
    sql = ("SELECT n.rowid, n.id FROM notes_fts JOIN notes n ON n.rowid = notes_fts.rowid "
           "WHERE notes_fts MATCH ?" + (" AND n.label = ?" if label else "")
           + " ORDER BY bm25(notes_fts), n.rowid DESC")
    params = [library_query.match_expression(query)] + ([label] if label else [])
    return [(rowid, id_) for rowid, id_ in library.conn.execute(sql, params)]


articles_strategy = st.lists(
    st.lists(st.tuples(st.integers(0, 3), st.sampled_from(LABELS),
                       st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(" ".join)),
             max_size=4),
    min_size=1, max_size=6)
query_strategy = st.one_of(st.sampled_from(WORDS), st.sampled_from(["alp*", "c*", "magnes*"]),
                           st.tuples(st.sampled_from(WORDS), st.sampled_from(WORDS)).map(
                               lambda pair: f'"{pair[0]} {pair[1]}"'),
                           st.tuples(st.sampled_from(WORDS), st.sampled_from(WORDS)).map(
                               lambda pair: f"{pair[0]} OR {pair[1]}"))


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(articles=articles_strategy, query=query_strategy,
       label=st.one_of(st.none(), st.sampled_from(LABELS)), cap=st.integers(1, 30),
       limit=st.integers(1, 8))
def test_hits_are_the_best_by_bm25_among_the_newest_matches(
        tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch,
        articles: list[list[Mark]], query: str, label: str | None, cap: int,
        limit: int) -> None:
    """With at most ``cap`` matches, the page is exactly the full bm25 ranking's top;
    with more, it is the bm25 top of the ``cap`` most recently indexed matches."""
    root = tmp_path_factory.mktemp("lib")
    write_articles(root / "r", articles)
    monkeypatch.setattr(library_query, "RANKED_AT_MOST", cap)
    with Library(root / "lib.sqlite3") as library:
        library.add([root / "r"], claims=False)
        full = ranked_in_full(library, query, label)
        newest = {rowid for rowid, _ in sorted(full, reverse=True)[:cap]}
        expected = [id_ for rowid, id_ in full if rowid in newest][:limit]
        hits = library.search(query, label=label, limit=limit)
        assert [h.id for h in hits] == expected
        assert all(label is None or h.label == label for h in hits)
        assert all("**" in h.snippet for h in hits)  # each snippet marks its match
        match = library_query.match_expression(query)
        assert [h.snippet for h in hits] == [library.conn.execute(  # the index's own snippet
            "SELECT snippet(notes_fts, -1, '**', '**', '…', ?) FROM notes_fts "
            "JOIN notes n ON n.rowid = notes_fts.rowid WHERE notes_fts MATCH ? AND n.id = ?",
            (library_query.SNIPPET_WORDS, match, h.id)).fetchone()[0] for h in hits]
        if len(full) <= cap:
            assert [h.id for h in hits] == [id_ for _, id_ in full][:limit]


def test_a_label_is_a_filter_never_a_word(tmp_path: Path) -> None:
    write_articles(tmp_path / "r", [[(0, "uncertain", "alpha"), (1, "supported", "uncertain")],
                                    [(2, "uncertain", "bravo")]])
    with Library(tmp_path / "lib.sqlite3") as library:
        library.add([tmp_path / "r"], claims=False)
        assert [h.note for h in library.search("uncertain")] == ["uncertain"]
        assert [h.note for h in library.search("alpha OR bravo", label="uncertain")] in (
            ["alpha", "bravo"], ["bravo", "alpha"])
        assert library.search("uncertain", label="uncertain") == []
        # A query cannot step out of the text columns with a bracket of its own.
        assert library.search("x) OR (label : uncertain") == []
        assert library.search("label : uncertain") == []
        assert [h.note for h in library.search("note : alpha")] == ["alpha"]


@pytest.mark.parametrize(("query", "expected"), [
    ("(alpha", False), ("alpha)", False), (")alpha(", False), ('"a ) b"', True),
    ('"unclosed', False), ('"a "" ) b" (c)', True), ("(a (b) c)", True)])
def test_balanced_brackets(query: str, expected: bool) -> None:
    assert library_query.balanced(query) == expected


def test_snippets_mark_stemmed_and_accented_matches(tmp_path: Path) -> None:
    """The page's snippets come from a small table of their own: with the index's
    tokenizer, so a stem or an accent-free spelling is marked as the index marks it."""
    write_articles(tmp_path / "r", [[(0, "uncertain", "Damaged nerves, says the café owner")]])
    with Library(tmp_path / "lib.sqlite3") as library:
        library.add([tmp_path / "r"], claims=False)
        assert [h.snippet for h in library.search("nerve")] == [
            "Damaged **nerves**, says the café owner"]
        assert [h.snippet for h in library.search("cafe OR damage")] == [
            "**Damaged** nerves, says the **café** owner"]
