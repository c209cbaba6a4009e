"""The library index follows the notes files: added, listed, searched, kept in step."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core import library_db
from app.core.annotations import annotation_for_span
from app.core.library import Library, LibraryError
from app.core.library_query import literal_query
from app.core.notes_format import ArticleRef, NotesDocument
from app.core.storage import NotesStore
from tests.core.conftest import LIBRARY_SPANS, LIBRARY_TEXT

TEXT, SPANS = LIBRARY_TEXT, LIBRARY_SPANS
pytestmark = pytest.mark.usefixtures("data_dir")


def article(path: Path, text: str = TEXT) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def notes(path: Path, marks: list[tuple[int, str, str]], sources: tuple[str, ...] = ()) -> Path:
    """Save notes on claims of TEXT: (claim number, label, note)."""
    annotations = [annotation_for_span(TEXT, *SPANS[i], label=label, note=note, sources=sources)
                   for i, label, note in marks]
    return NotesStore(path).save(NotesDocument(ArticleRef(path.name, "", "T", "txt"),
                                               annotations))


def test_text_spans_are_the_claims() -> None:
    from app.core.claims import find_claims
    from app.core.loaders import article_from_bytes

    claims = find_claims(article_from_bytes(TEXT.encode(), "txt", "a.txt"))
    assert [(c.start, c.end) for c in claims] == SPANS


def test_add_a_folder_lists_articles_with_counts(tmp_path: Path) -> None:
    root = tmp_path / "reviews"
    a = article(root / "health" / "a.txt")
    notes(a, [(0, "supported", "textbook"), (1, "uncertain", "may"), (2, "advertising", "pitch")])
    article(root / "health" / "deep" / "b.md", "# Title B\n\nOne claim. Two claims.")
    c = article(root / "c.txt")
    notes(c, [(3, "none", "just a note")])
    (root / "ignored.pdfx").write_text("x")
    with Library(tmp_path / "lib.sqlite3") as library:
        report = library.add([root])
        entries = {Path(e.path).name: e for e in library.articles()}
    assert set(entries) == {"a.txt", "b.md", "c.txt"}
    assert report.notes == 4 and report.problems == []
    assert entries["a.txt"].counts == {"supported": 1, "uncertain": 1, "advertising": 1}
    assert entries["a.txt"].unmarked == 1 and entries["a.txt"].notes == 3
    assert entries["b.md"].title == "Title B" and entries["b.md"].format == "md"
    assert entries["b.md"].unmarked == 2 and entries["b.md"].notes == 0
    assert entries["c.txt"].unmarked == 4  # a note without a label leaves its claim unmarked
    assert entries["a.txt"].path == os.path.realpath(a)


def test_damaged_notes_file_is_named_skipped_and_never_written(tmp_path: Path) -> None:
    good = article(tmp_path / "r" / "good.txt")
    notes(good, [(1, "uncertain", "magnesium hedge")])
    bad = article(tmp_path / "r" / "bad.txt")
    damaged = bad.with_name("bad.txt.notes.json")
    damaged.write_bytes(b'{"type": "AnnotationCollection", "first": ')
    stamp = damaged.stat().st_mtime_ns
    with Library(tmp_path / "lib.sqlite3") as library:
        report = library.add([tmp_path / "r"])
        assert [Path(p).name for p, _ in report.problems] == ["bad.txt.notes.json"]
        assert "damaged" in report.problems[0][1]
        assert [Path(p).name for p, _ in library.problems()] == ["bad.txt"]
        assert len(library.search("magnesium")) == 1
        library.sync()
    assert damaged.read_bytes() == b'{"type": "AnnotationCollection", "first": '
    assert damaged.stat().st_mtime_ns == stamp
    assert not bad.with_name("bad.txt.notes.json.bak").exists()


def test_search_quotes_notes_and_sources_with_label_filter(tmp_path: Path) -> None:
    a = article(tmp_path / "a.txt")
    notes(a, [(0, "supported", "See the review"), (1, "uncertain", "weasel words")],
          sources=("https://pubmed.ncbi.nlm.nih.gov/33918360/",))
    b = article(tmp_path / "b.txt")
    notes(b, [(2, "advertising", "a pitch for Glucontrol")])
    with Library(tmp_path / "lib.sqlite3") as library:
        library.add([a, b])
        hits = library.search('"weasel words"')
        assert [(Path(h.path).name, h.label, h.exact) for h in hits] == [
            ("a.txt", "uncertain", TEXT[24:54])]
        assert hits[0].snippet == "**weasel words**"
        assert (hits[0].start, hits[0].end) == SPANS[1]
        assert {h.label for h in library.search("PMID 33918360")} == {"supported", "uncertain"}
        assert hits[0].sources == ("https://pubmed.ncbi.nlm.nih.gov/33918360/",)
        assert [h.label for h in library.search("glucontrol")] == ["advertising"]
        assert library.search("magnesium", label="advertising") == []
        assert len(library.search("magnesium", label="uncertain")) == 1
        assert len(library.search("magnes*")) == 2
        assert library.search("nerves")[0].label == "uncertain"  # stemmed: nerve ~ nerves
        assert library.search("   ") == []
        with pytest.raises(LibraryError):
            library.search("x", label="great")


@pytest.mark.parametrize("query", ['10.1000/xyz', '"unbalanced', "a:b", "AND", "(", "*", "-x"])
def test_any_text_is_a_query(tmp_path: Path, query: str) -> None:
    a = article(tmp_path / "a.txt")
    notes(a, [(0, "supported", "cites 10.1000/xyz and a:b (")])
    with Library(tmp_path / "lib.sqlite3") as library:
        library.add([a])
        library.search(query)  # never raises: invalid syntax is searched as plain words
    assert len(Library(tmp_path / "lib.sqlite3").search("10.1000/xyz")) == 1


def test_literal_query_quotes_every_word() -> None:
    assert literal_query('say "hi" 10.1/x') == '"say" """hi""" "10.1/x"'


def test_index_follows_edits_deletions_and_new_files(tmp_path: Path) -> None:
    root = tmp_path / "r"
    a = article(root / "a.txt")
    notes(a, [(0, "supported", "alpha")])
    b = article(root / "b.txt")
    notes(b, [(1, "uncertain", "bravo")])
    with Library(tmp_path / "lib.sqlite3") as library:
        library.add([root])
        notes(a, [(0, "advertising", "charlie"), (1, "uncertain", "delta")])  # edited
        b.with_name("b.txt.notes.json").unlink()  # notes deleted
        c = article(root / "sub" / "c.txt")  # a new article in an added folder
        notes(c, [(2, "advertising", "echo")])
        library.sync(claims=False)
        assert library.search("alpha") == [] and library.search("bravo") == []
        assert [h.label for h in library.search("charlie")] == ["advertising"]
        assert [Path(h.path).name for h in library.search("echo")] == ["c.txt"]
        a.unlink()  # the article itself is gone: so are its notes
        library.sync(claims=False)
        assert library.search("charlie") == []
        assert sorted(Path(e.path).name for e in library.articles()) == ["b.txt", "c.txt"]
        counts = {Path(e.path).name: e.counts for e in library.articles()}
        assert counts["b.txt"]["uncertain"] == 0


def test_same_size_same_mtime_rewrite_is_noticed(tmp_path: Path) -> None:
    a = article(tmp_path / "a.txt")
    path = notes(a, [(0, "supported", "aaaa")])
    with Library(tmp_path / "lib.sqlite3") as library:
        library.add([a])
        info = path.stat()
        notes(a, [(0, "supported", "bbbb")])
        os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
        assert path.stat().st_size == info.st_size
        library.sync(claims=False)
        assert [h.note for h in library.search("bbbb")] == ["bbbb"]


def test_claim_counts_follow_the_article(tmp_path: Path) -> None:
    a = article(tmp_path / "a.txt")
    with Library(tmp_path / "lib.sqlite3") as library:
        library.add([a])
        assert library.articles()[0].unmarked == 4
        a.write_text(TEXT + " One more claim.", encoding="utf-8")
        report = library.sync()
        assert report.claims_counted == 1 and library.articles()[0].unmarked == 5
        assert library.sync().claims_counted == 0  # cached by size and mtime


def test_unreadable_article_is_listed_with_its_problem(tmp_path: Path) -> None:
    a = tmp_path / "bin.txt"
    a.write_bytes(bytes(range(256)) * 8)
    with Library(tmp_path / "lib.sqlite3") as library:
        library.add([a])
        (entry,) = library.articles()
    assert entry.claims is None and entry.unmarked is None
    assert entry.problem and "binary" in entry.problem


def test_remove_article_folder_and_inside_a_folder(tmp_path: Path) -> None:
    root = tmp_path / "r"
    for name in ("a.txt", "sub/b.txt", "sub/c.txt", "d.txt"):
        notes(article(root / name), [(0, "supported", name.replace("/", " "))])
    with Library(tmp_path / "lib.sqlite3") as library:
        library.add([root])
        assert library.remove([root / "sub" / "b.txt"]) == (1, [])
        assert library.search('"b.txt"') == []
        library.sync()
        assert library.article_count() == 3  # stays out after a sync
        assert library.remove([root / "sub"]) == (1, [])
        library.add([root / "sub" / "b.txt"])  # back in, explicitly
        assert sorted(Path(e.path).name for e in library.articles()) == ["a.txt", "b.txt",
                                                                         "d.txt"]
        assert library.remove([tmp_path / "elsewhere.txt"]) == (0, [
            str(tmp_path / "elsewhere.txt")])
        assert library.remove([root])[0] == 3
        assert library.articles() == [] and library.roots() == []
    assert (root / "sub" / "c.txt.notes.json").exists()  # files untouched


def test_add_missing_path_adds_nothing(tmp_path: Path) -> None:
    a = article(tmp_path / "a.txt")
    with Library(tmp_path / "lib.sqlite3") as library:
        with pytest.raises(LibraryError, match="no such file"):
            library.add([a, tmp_path / "missing"])
        assert library.roots() == []


def test_window_update_reaches_the_index(tmp_path: Path) -> None:
    a = article(tmp_path / "a.txt")
    other = article(tmp_path / "o.txt")
    notes(other, [(0, "supported", "other")])
    with Library(tmp_path / "lib.sqlite3") as library:
        library.add([a, other])
        notes(a, [(1, "uncertain", "fresh")])
        assert library.update_article(a) is not None
        assert [h.note for h in library.search("fresh")] == ["fresh"]
        assert len(library.search("other")) == 1  # the others untouched
        assert library.update_article(tmp_path / "not-added.txt") is None


def test_notes_in_the_user_data_folder_are_found(tmp_path: Path) -> None:
    from app.core.paths import fallback_notes_path

    a = article(tmp_path / "ro" / "a.txt")
    fallback = fallback_notes_path(a)
    fallback.parent.mkdir(parents=True)
    store = NotesStore(a)
    store.path = fallback
    store.save(NotesDocument(ArticleRef("a.txt"), [annotation_for_span(
        TEXT, *SPANS[0], label="supported", note="kept aside")]))
    with Library(tmp_path / "lib.sqlite3") as library:
        library.add([tmp_path / "ro"])
        assert [h.note for h in library.search("aside")] == ["kept aside"]


# --- the library file itself ------------------------------------------------------------

def test_default_location_and_environment(tmp_path: Path, data_dir: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    assert library_db.default_library_path() == data_dir / "library.sqlite3"
    monkeypatch.setenv("CLAIMMARK_LIBRARY", str(tmp_path / "x.db"))
    assert library_db.default_library_path() == tmp_path / "x.db"


@pytest.mark.parametrize("content", [b"not a database at all\n" * 100, b"\x00\xff" * 3000])
def test_a_file_that_is_not_a_library_is_refused_and_untouched(tmp_path: Path,
                                                               content: bytes) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(content)
    with pytest.raises(LibraryError, match="not a claimmark library"):
        Library(path)
    assert path.read_bytes() == content
    assert not Path(str(path) + "-wal").exists()


def test_another_programs_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE things(x)")
    conn.commit()
    conn.close()
    with pytest.raises(LibraryError, match="another program"):
        Library(path)
    with pytest.raises(LibraryError, match="folder"):
        Library(tmp_path)


def test_newer_library_is_refused_older_is_rebuilt(tmp_path: Path) -> None:
    a = article(tmp_path / "a.txt")
    notes(a, [(0, "supported", "kept")])
    path = tmp_path / "lib.sqlite3"
    with Library(path) as library:
        library.add([a])
        library.conn.execute("PRAGMA user_version = 99")
    with pytest.raises(LibraryError, match="newer"):
        Library(path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 0")
    conn.close()
    with Library(path) as library:  # an older cache: rebuilt from the files, roots kept
        assert library.roots() == [(os.path.realpath(a), "file")]
        assert library.articles() == []
        library.sync()
        assert [h.note for h in library.search("kept")] == ["kept"]


def test_missing_fts5_is_a_clear_message(monkeypatch: pytest.MonkeyPatch,
                                         tmp_path: Path) -> None:
    monkeypatch.setattr(library_db, "FTS5_PROBE", "CREATE VIRTUAL TABLE p USING fts0(x)")
    with pytest.raises(LibraryError, match="full-text search"):
        Library(tmp_path / "lib.sqlite3")


# --- the invariant: the index says what the files say -----------------------------------

WORDS = ["alpha", "bravo", "charlie", "delta", "echo"]
note_strategy = st.tuples(st.integers(0, 3), st.sampled_from(["supported", "uncertain",
                                                              "advertising", "none"]),
                          st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join))
state_strategy = st.lists(st.one_of(st.none(), st.lists(note_strategy, max_size=4)),
                          min_size=1, max_size=5)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first=state_strategy, second=state_strategy, searched=st.booleans())
def test_after_any_changes_the_index_equals_the_files(tmp_path_factory: pytest.TempPathFactory,
                                                      first: list[list[tuple[int, str, str]]
                                                                  | None],
                                                      second: list[list[tuple[int, str, str]]
                                                                   | None],
                                                      searched: bool) -> None:
    """Articles with notes (a list), without notes (None), then all rewritten, deleted or
    added; brought in step by a search's sync (no claim counts, articles not looked at)
    and then a list's, or by a list's alone."""
    root = tmp_path_factory.mktemp("lib")
    library = Library(root / "lib.sqlite3")
    try:
        _write_state(root / "r", first)
        library.add([root / "r"])
        _check(library, root / "r", first)
        _write_state(root / "r", second)
        if searched:
            library.sync(claims=False)
            _check(library, root / "r", second, claims=False)
        library.sync()
        _check(library, root / "r", second)
    finally:
        library.close()


def _write_state(folder: Path, state: list[list[tuple[int, str, str]] | None]) -> None:
    for old in folder.glob("*.txt*"):
        number = int(old.name.split(".")[0][1:])
        if number >= len(state) or (state[number] is None and old.name.endswith(".json")):
            old.unlink()
    for number, marks in enumerate(state):
        path = article(folder / f"a{number}.txt")
        if marks is not None:
            notes(path, marks)


def _check(library: Library, folder: Path,
           state: list[list[tuple[int, str, str]] | None], claims: bool = True) -> None:
    entries = {Path(e.path).name: e for e in library.articles()}
    assert set(entries) == {f"a{n}.txt" for n in range(len(state))}
    expected_hits: dict[str, set[tuple[str, str]]] = {word: set() for word in WORDS}
    for number, marks in enumerate(state):
        entry = entries[f"a{number}.txt"]
        marks = marks or []
        counts = {label: sum(m[1] == label for m in marks)
                  for label in ("supported", "uncertain", "advertising")}
        assert entry.counts == counts and entry.notes == len(marks)
        if claims:  # the claims without a label (two notes on one claim: one claim)
            assert entry.unmarked == 4 - len({claim for claim, label, _ in marks
                                              if label != "none"})
        for _claim, _label, note in marks:
            for word in note.split():
                expected_hits[word].add((f"a{number}.txt", note))
    for word, expected in expected_hits.items():
        found = {(Path(h.path).name, h.note) for h in library.search(word, limit=10_000)}
        assert found == expected, word
    library.conn.execute("INSERT INTO notes_fts(notes_fts) VALUES ('integrity-check')")


def test_a_sync_racing_another_process_keeps_the_index_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another process adds the same new article while this sync is reading its notes."""
    from app.core import library_sync

    root = tmp_path / "r"
    notes(article(root / "a.txt"), [(0, "supported", "first")])
    first = Library(tmp_path / "lib.sqlite3")
    second = Library(tmp_path / "lib.sqlite3")
    first.add([root], claims=False)
    notes(article(root / "new.txt"), [(1, "uncertain", "raced")])
    notes(article(root / "a.txt"), [(2, "advertising", "edited")])
    original = library_sync._read_notes
    raced = []

    def read_while_another_syncs(*args: object) -> object:
        if not raced:
            raced.append(None)
            raced[0] = second.sync(claims=False)
        return original(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(library_sync, "_read_notes", read_while_another_syncs)
    first.sync(claims=False)
    assert raced and raced[0].notes == 2
    assert sorted(Path(e.path).name for e in first.articles()) == ["a.txt", "new.txt"]
    assert [h.note for h in first.search("raced OR edited OR first")] in (
        ["raced", "edited"], ["edited", "raced"])
    first.conn.execute("INSERT INTO notes_fts(notes_fts) VALUES ('integrity-check')")
    assert first.conn.execute("SELECT count(*) FROM notes").fetchone()[0] == 2
    first.close()
    second.close()


def test_notes_that_lost_their_place_count_as_in_the_window_and_the_exports(
        tmp_path: Path) -> None:
    """A judgement whose sentence left the article is still the reader's: the
    window's summary and every export count its label (and list the note with
    the lost ones, as Hypothesis keeps orphans); the library counts it the same."""
    from app.core.claims import find_claims
    from app.core.export.model import build_export_model
    from app.core.loaders import load_article

    a = article(tmp_path / "a.txt")
    notes(a, [(0, "supported", "fact"), (2, "advertising", "pitch")])
    edited = TEXT.replace("Buy Glucontrol today. ", "")  # the pitch is gone: an orphan
    a.write_text(edited, encoding="utf-8")
    loaded = load_article(a)
    doc = NotesStore(a).load()
    assert doc is not None
    model = build_export_model(loaded, doc.annotations, len(find_claims(loaded)))
    assert [item.orphaned for item in model.items] == [False, True]
    with Library(tmp_path / "lib.sqlite3") as library:
        library.add([a])
        (entry,) = library.articles()
    assert entry.counts == model.counts() == {"supported": 1, "uncertain": 0, "advertising": 1}
    # "unmarked" is the claims without a label, everywhere: the lost pitch labels
    # no claim (tester T11: "the claims less the labelled notes" said 1 here).
    assert entry.unmarked == model.unmarked == 2 and entry.notes == 2


def test_a_folder_named_like_an_article_is_walked_hidden_ones_are_not(tmp_path: Path) -> None:
    article(tmp_path / "r" / "chapter.txt" / "inner.md", "# Inner\n\nOne claim.")
    article(tmp_path / "r" / ".cache" / "hidden.txt")
    article(tmp_path / "r" / ".hidden.txt")
    article(tmp_path / "r" / "UPPER.TXT")
    with Library(tmp_path / "lib.sqlite3") as library:
        library.add([tmp_path / "r"])
        assert sorted(Path(e.path).name for e in library.articles()) == ["UPPER.TXT", "inner.md"]
        library.sync(claims=False)  # a search's sync finds the same
        assert sorted(Path(e.path).name for e in library.articles()) == ["UPPER.TXT", "inner.md"]


def test_claimmarks_own_exports_beside_an_article_are_not_articles(tmp_path: Path) -> None:
    """File ▸ Export suggests ``<stem>-notes.<ext>`` beside the article: a folder walk
    leaves such a file out when its article is there; alone, or added by name, it is one."""
    folder = tmp_path / "r"
    a = article(folder / "a.txt")
    notes(a, [(0, "supported", "textbook")])
    article(folder / "a-notes.md", "# Notes: a.txt\n\nSupported. A claim.")
    article(folder / "a-notes.html", "<h1>Notes: a.txt</h1><p>One claim.</p>")
    article(folder / "field-notes.md", "# Field notes\n\nNo article called field here.")
    article(folder / "b-notes.TXT", "b's export, but no b article here.")
    with Library(tmp_path / "lib.sqlite3") as library:
        library.add([folder])
        assert sorted(Path(e.path).name for e in library.articles()) == [
            "a.txt", "b-notes.TXT", "field-notes.md"]
        library.sync(claims=False)
        assert len(library.articles()) == 3
        library.add([folder / "a-notes.md"])  # asked for by name: it is added
        assert "a-notes.md" in {Path(e.path).name for e in library.articles()}


def test_exports_with_any_name_are_left_out_and_named(tmp_path: Path) -> None:
    """Tester T9: ``claimmark export -o out.md`` or ``review.html`` was indexed as
    an article. Every export carries claimmark's mark: a sync leaves a marked
    file out whatever its name (walked or added by name) and names it."""
    from app.core.export import build_export_model, save_text_export
    from app.core.export_mark import MARKDOWN_MARK
    from app.core.loaders import load_article

    folder = tmp_path / "r"
    a = article(folder / "a.txt")
    notes(a, [(0, "supported", "textbook")])
    model = build_export_model(load_article(a), [annotation_for_span(TEXT, *SPANS[0])], 3)
    (folder / "sub").mkdir()
    for name, fmt in (("out.md", "md"), ("review.html", "html"), ("sub/x.htm", "html")):
        save_text_export(model, fmt, str(folder / name))
    # An article that quotes the mark anywhere but at its very start is an article.
    article(folder / "about.md", f"# About claimmark\n\nIts exports start {MARKDOWN_MARK}.")
    with Library(tmp_path / "lib.sqlite3") as library:
        report = library.add([folder])
        assert sorted(Path(e.path).name for e in library.articles()) == ["a.txt", "about.md"]
        assert sorted(Path(p).name for p in report.exports) == ["out.md", "review.html", "x.htm"]
        assert report.articles == 2
        report = library.add([folder / "out.md"])  # by name: still an export
        assert "out.md" in {Path(p).name for p in report.exports}
        assert len(library.articles()) == 2


def test_the_export_mark_is_read_from_the_head_only_and_never_blocks(tmp_path: Path) -> None:
    from app.core.export_mark import PDF_CREATOR, is_own_export, is_own_export_head

    # Qt writes the PDF's document information as UTF-16 with a byte order mark.
    qt_info = b"%PDF-1.4\n1 0 obj\n<<\n/Title ()\n/Creator (\xfe\xff" + \
        PDF_CREATOR.encode("utf-16-be") + b")\n"
    assert is_own_export_head(qt_info)
    assert not is_own_export_head(qt_info.replace(b"\x00c\x00l", b"\x00C\x00l"))
    assert not is_own_export_head(b"%PDF-1.7\n/Creator (LaTeX with hyperref)\n")
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    assert not is_own_export(fifo)  # returns at once: no writer, no hang
    assert not is_own_export(tmp_path / "missing.md")


def test_an_article_written_over_by_an_export_leaves_the_index(tmp_path: Path) -> None:
    from app.core.export import build_export_model, save_text_export
    from app.core.loaders import load_article

    folder = tmp_path / "r"
    a, out = article(folder / "a.txt"), article(folder / "out.md", "# Out\n\nA claim here.")
    with Library(tmp_path / "lib.sqlite3") as library:
        library.add([folder])
        assert len(library.articles()) == 2
        save_text_export(build_export_model(load_article(a), [], 3), "md", str(out))
        report = library.sync()
        assert [Path(e.path).name for e in library.articles()] == ["a.txt"]
        assert [Path(p).name for p in report.exports] == ["out.md"] and report.removed == 1


def test_remove_counts_only_what_it_removed(tmp_path: Path) -> None:
    """Tester T11: two files copied into the folder since the last sync, then
    one article removed: "Removed -1 articles" (the sync inside remove added
    the two new ones and the count was the index's size before and after)."""
    root = tmp_path / "r"
    for name in ("a.txt", "b.txt"):
        article(root / name)
    with Library(tmp_path / "lib.sqlite3") as library:
        library.add([root])
        for name in ("c.txt", "d.txt"):
            article(root / name)
        assert library.remove([root / "a.txt"]) == (1, [])
        assert sorted(Path(e.path).name for e in library.articles()) == ["b.txt", "c.txt",
                                                                         "d.txt"]
