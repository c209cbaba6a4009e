"""Library search over CJK text, against the plain answer: a note is found by a
run of CJK characters exactly when its text holds that run, and its snippet marks it."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core import library_db, library_query
from app.core.cjk_grams import RUN

CHARS = st.sampled_from(list("緑茶茶にはカテキン多녹차에") + [" ", "a", "。", "é"])
notes_strategy = st.lists(st.lists(CHARS, min_size=1, max_size=10).map("".join),
                          min_size=1, max_size=6)
MARKED = re.compile(r"\*\*(.+?)\*\*")


@settings(max_examples=80, deadline=None)
@given(notes=notes_strategy, pick=st.data())
def test_a_cjk_query_finds_exactly_the_notes_holding_it(notes: list[str],
                                                       pick: st.DataObject) -> None:
    runs = [m.group() for note in notes for m in RUN.finditer(note)]
    if not runs:
        return
    run = pick.draw(st.sampled_from(runs))
    start = pick.draw(st.integers(0, len(run) - 1))
    query = run[start:pick.draw(st.integers(start + 1, len(run)))]
    conn = library_db.connect(Path(":memory:"))
    try:
        with library_db.write(conn):
            conn.execute("INSERT INTO articles(id, path, folder, size, mtime_ns, title, format) "
                         "VALUES (1, '/a', '/', 1, 1, 't', 'txt')")
            conn.executemany(
                'INSERT INTO notes(article, id, label, note, exact, start, "end", sources, '
                "modified) VALUES (1, ?, 'none', '', ?, 0, 1, '', '')",
                [(str(i), note) for i, note in enumerate(notes)])
            conn.execute("INSERT INTO notes_fts(rowid, exact, note, sources, label) "
                         "SELECT rowid, exact, note, sources, label FROM notes_indexed")
        hits = library_query.search(conn, query, limit=100)
        assert {int(h.id) for h in hits} == {i for i, note in enumerate(notes) if query in note}
        for hit in hits:
            assert any(query in marked for marked in MARKED.findall(hit.snippet)), hit.snippet
            assert hit.snippet.replace("**", "") == hit.exact
    finally:
        conn.close()
