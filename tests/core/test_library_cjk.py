"""Library search finds Chinese, Japanese and Korean words inside a sentence
(tester T15's F7: カテキン and 緑茶 were found only with the whole sentence)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core import library_db, library_query
from app.core.annotations import annotation_for_span
from app.core.cjk_grams import CLOSE, OPEN, grams, query_grams, ungram
from app.core.library import Library
from app.core.notes_format import ArticleRef, NotesDocument
from app.core.storage import NotesStore

pytestmark = pytest.mark.usefixtures("data_dir")

JA = "緑茶にはカテキンが多く含まれています。"
ZH = "绿茶含有丰富的儿茶素，有益健康。"
KO = "녹차에는 카테킨이 많이 들어 있습니다."
DE = "Magnesium könnte bei Nervenschmerzen helfen."
TEXT = " ".join((JA, ZH, KO, DE))


def spans() -> list[tuple[int, int]]:
    out, at = [], 0
    for sentence in (JA, ZH, KO, DE):
        start = TEXT.index(sentence, at)
        out.append((start, start + len(sentence)))
        at = start + len(sentence)
    return out


def make_library(root: Path, notes: list[str] | None = None) -> Library:
    article = root / "r" / "teas.txt"
    article.parent.mkdir(parents=True)
    article.write_text(TEXT, encoding="utf-8")
    notes = notes or ["日本の研究", "中文笔记", "메모", "eine Notiz"]
    annotations = [annotation_for_span(TEXT, start, end, label="uncertain", note=note)
                   for (start, end), note in zip(spans(), notes, strict=True)]
    NotesStore(article).save(NotesDocument(ArticleRef(article.name, "", "Tea", "txt"),
                                           annotations))
    library = Library(root / "lib.sqlite3")
    library.add([root / "r"], claims=False)
    return library


@pytest.mark.parametrize(("query", "quote"), [
    ("カテキン", JA), ("緑茶", JA), ("緑", JA), ("素", ZH), ("含まれて", JA), ("カテキン 緑茶", JA),
    ('"カテキンが"', JA), ("カテ*", JA), ("exact : 緑茶", JA), ("研究", JA),
    ("儿茶素", ZH), ("绿茶", ZH), ("健康", ZH),
    ("카테킨", KO), ("녹차", KO), ("녹차에는", KO),
    ("konnte", DE), ("Nervenschmerzen", DE), ("nervenschmerz*", DE),
])
def test_a_word_is_found_inside_its_sentence(tmp_path: Path, query: str, quote: str) -> None:
    with make_library(tmp_path) as library:
        hits = library.search(query)
        assert [h.exact for h in hits] == [quote], query


@pytest.mark.parametrize("query", ["カス", "茶緑", "カテキン NOT 緑茶", "テキンで",
                                   "緑茶 magnesium"])
def test_what_the_text_does_not_hold_is_not_found(tmp_path: Path, query: str) -> None:
    with make_library(tmp_path) as library:
        assert library.search(query) == []


def test_the_snippet_is_the_text_with_the_word_marked(tmp_path: Path) -> None:
    with make_library(tmp_path) as library:
        [hit] = library.search("カテキン")
        assert hit.snippet == "緑茶には**カテキン**が多く含まれています。"
        [hit] = library.search("多")
        assert hit.snippet == "緑茶にはカテキンが**多**く含まれています。"
        [hit] = library.search("緑茶 OR 多く")
        assert hit.snippet == "**緑茶**にはカテキンが**多く**含まれています。"
        [hit] = library.search("카테킨")
        assert hit.snippet == "녹차에는 **카테킨**이 많이 들어 있습니다."
        [hit] = library.search("könnte")  # Latin text: as before
        assert hit.snippet == "Magnesium **könnte** bei Nervenschmerzen helfen."


def test_cjk_notes_stay_in_step_with_their_files(tmp_path: Path) -> None:
    """A note edited and a note removed leave the index: the grams are forgotten too."""
    with make_library(tmp_path) as library:
        article = tmp_path / "r" / "teas.txt"
        store = NotesStore(article)
        document = store.load()
        kept = [a for a in document.annotations if a.exact != ZH]
        kept = [a if a.exact != JA else annotation_for_span(
            TEXT, *spans()[0], label="supported", note="新しいメモ") for a in kept]
        store.save(NotesDocument(document.article, kept))
        library.sync(claims=False)
        assert library.search("儿茶素") == []
        assert library.search("研究") == []
        assert [h.note for h in library.search("メモ")] == ["新しいメモ"]
        library.conn.execute("INSERT INTO notes_fts(notes_fts) VALUES ('integrity-check')")


OLD_INDEX = """
CREATE VIRTUAL TABLE notes_fts USING fts5(
    exact, note, sources, label, content='notes', content_rowid='rowid',
    tokenize='porter unicode61 remove_diacritics 2')
"""


def downgrade_to_version_4(path: Path) -> None:
    """The library as version 4 made it: the index over the notes themselves."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DROP TABLE notes_fts")
    conn.execute("DROP VIEW notes_indexed")
    conn.execute(OLD_INDEX)
    conn.execute("INSERT INTO notes_fts(notes_fts) VALUES ('rebuild')")
    conn.execute("PRAGMA user_version = 4")
    conn.close()


def test_a_version_4_library_is_indexed_again_on_opening_and_keeps_every_row(
        tmp_path: Path) -> None:
    with make_library(tmp_path) as library:
        before = library.conn.execute("SELECT * FROM notes ORDER BY rowid").fetchall()
        articles = library.conn.execute("SELECT * FROM articles").fetchall()
    downgrade_to_version_4(tmp_path / "lib.sqlite3")
    old = sqlite3.connect(tmp_path / "lib.sqlite3")
    assert old.execute("SELECT count(*) FROM notes_fts WHERE notes_fts MATCH ?",
                       ('"カテキン"',)).fetchone() == (0,)  # the tester's F7
    old.close()
    # The files are gone (a drive not mounted): the rows come from the library alone.
    (tmp_path / "r" / "teas.txt.notes.json").unlink()
    conn = library_db.connect(tmp_path / "lib.sqlite3")
    try:
        assert conn.execute("PRAGMA user_version").fetchone() == (library_db.SCHEMA_VERSION,)
        assert conn.execute("SELECT * FROM notes ORDER BY rowid").fetchall() == before
        assert conn.execute("SELECT * FROM articles").fetchall() == articles
        assert [h.exact for h in library_query.search(conn, "カテキン")] == [JA]
        assert [h.exact for h in library_query.search(conn, "konnte")] == [DE]
        conn.execute("INSERT INTO notes_fts(notes_fts) VALUES ('integrity-check')")
    finally:
        conn.close()
    again = library_db.connect(tmp_path / "lib.sqlite3")  # opened again: nothing to do
    assert [h.exact for h in library_query.search(again, "緑茶")] == [JA]
    again.close()


def test_queries_without_cjk_are_left_as_they_are() -> None:
    for query in ('magnes* AND "nerve pain"', "NEAR(a b, 3)", 'x) OR (label : y', '"'):
        assert query_grams(query) == query
    assert query_grams("カテキン*") == '"カ カテ テ テキ キ キン ン"*'
    assert query_grams('exact : "緑茶 ""x"""') == 'exact : "緑 緑茶 茶  ""x"""'


CJK = st.sampled_from(list("緑茶カテキンが多く含녹차에") + [" ", "a", "é", "。"])


@settings(max_examples=200)
@given(text=st.lists(CJK, max_size=12).map("".join), marked=st.data())
def test_a_snippet_reads_back_as_its_text(text: str, marked: st.DataObject) -> None:
    """Read back, the index's form is the text; marks on whole grams mark the
    characters the grams cover."""
    assert ungram(grams(text), ("[", "]")) == text
    doc = grams(text)
    pieces = doc.split("\u200b")
    chosen = marked.draw(st.sets(st.integers(0, max(0, len(pieces) - 1))))
    marked_doc = "\u200b".join(OPEN + p + CLOSE if i in chosen and p.strip() else p
                               for i, p in enumerate(pieces))
    assert ungram(marked_doc, ("", "")) == text


# coreutils' Chinese translation of `mv --help` (a note of 195 characters where
# FTS5 ended its snippet after the match's first character: "…上下文**设**…").
MV_HELP = ("-t, --target-directory=目录 将所有 <源> 移动至 <目录> 中 -T, --no-target-directory "
           "将 <目标> 视为普通文件 -u, --update 仅在 <源> 比目标文件更新，或者目标文件 不存在时，"
           "才进行移动操作 -v, --verbose 显示详细步骤 -Z, --context 将目标文件的 SELinux "
           "安全上下文设置为默认类型")


def test_a_long_note_s_snippet_shows_the_word_whole(tmp_path: Path) -> None:
    conn = library_db.connect(tmp_path / "lib.sqlite3")
    try:
        with library_db.write(conn):
            conn.execute("INSERT INTO articles(id, path, folder, size, mtime_ns, title, format) "
                         "VALUES (1, '/a', '/', 1, 1, 't', 'txt')")
            conn.execute('INSERT INTO notes(article, id, label, note, exact, start, "end", '
                         "sources, modified) VALUES (1, 'n', 'none', '', ?, 0, 1, '', '')",
                         (MV_HELP,))
            conn.execute("INSERT INTO notes_fts(notes_fts) VALUES ('rebuild')")
        [hit] = library_query.search(conn, "设置")
        assert hit.snippet == "…件的 SELinux 安全上下文**设置**为默认类型"
        [hit] = library_query.search(conn, "目录")
        assert hit.snippet.startswith(
            "-t, --target-directory=**目录** 将所有 <源> 移动至 <**目录**>")
    finally:
        conn.close()
