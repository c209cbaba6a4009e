"""Notes files are written atomically, kept, and never overwritten when bad."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import jsonschema
import pytest

from app.core.annotations import annotation_for_span
from app.core.notes_format import ArticleRef, NotesDocument
from app.core.resources import resource_path
from app.core.storage import NotesFileError, NotesSaveError, NotesStore, encode_notes, write_atomic

TEXT = "Magnesium may help. Click here to buy now."


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "user-data"
    monkeypatch.setenv("CLAIMMARK_DATA_DIR", str(folder))
    return folder


def make_doc(label: str = "uncertain") -> NotesDocument:
    a = annotation_for_span(TEXT, 0, 19, label=label, note="hedge")
    return NotesDocument(ArticleRef("a.txt", "0" * 64, "A", "txt"), [a])


def test_save_then_load(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT)
    store = NotesStore(article)
    path = store.save(make_doc())
    assert path == tmp_path / "a.txt.notes.json"
    schema = json.loads(resource_path("schema", "notes.schema.json").read_text())
    jsonschema.validate(json.loads(path.read_text()), schema)
    loaded = store.load()
    assert loaded is not None and loaded.annotations[0].label == "uncertain"
    assert NotesStore(article).load() == loaded


def test_one_annotation_a_line_so_diffs_stay_small() -> None:
    """The layout docs/notes-format.md promises: the collection indented, each
    annotation on a line of its own (whatever its characters), in order."""
    notes = [annotation_for_span(TEXT, 0, 19, label="uncertain", note="hedge é 😀"),
             annotation_for_span(TEXT, 20, 42, label="advertising", note="line\nbreak")]
    doc = NotesDocument(ArticleRef("a.txt", "0" * 64, "A", "txt"), notes)
    data = encode_notes(doc)
    encode_notes(doc)  # the second time from the line cache
    assert encode_notes(doc) == data and data.endswith(b"\n")
    parsed = json.loads(data)
    lines = data.decode("utf-8").splitlines()
    item_lines = [json.loads(line.rstrip(",")) for line in lines if line.startswith('{"id"')]
    assert item_lines == parsed["first"]["items"]
    assert [i["id"] for i in item_lines] == [a.id for a in notes] and len(lines) > len(notes)


def test_bak_is_the_notes_file_as_it_was_when_opened(tmp_path: Path) -> None:
    NotesStore(tmp_path / "a.txt").save(make_doc("uncertain"))  # an earlier session
    assert not (tmp_path / "a.txt.notes.json.bak").exists()  # nothing before it
    store = NotesStore(tmp_path / "a.txt")  # the article is opened again
    for label in ("advertising", "supported", "advertising"):
        store.save(make_doc(label))
    bak = json.loads((tmp_path / "a.txt.notes.json.bak").read_text())
    assert bak["first"]["items"][0]["body"][0]["value"] == "uncertain"
    now = json.loads((tmp_path / "a.txt.notes.json").read_text())
    assert now["first"]["items"][0]["body"][0]["value"] == "advertising"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_enospc_on_write_leaves_the_old_file_intact(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    store = NotesStore(tmp_path / "a.txt")
    store.save(make_doc("uncertain"))
    before = (tmp_path / "a.txt.notes.json").read_bytes()

    def full(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(NotesSaveError) as info:
        store.save(make_doc("advertising"))
    assert "previous notes file is intact" in str(info.value)
    assert (tmp_path / "a.txt.notes.json").read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_failed_folder_fsync_says_the_new_file_is_in_place(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    import stat

    store = NotesStore(tmp_path / "a.txt")
    store.save(make_doc("uncertain"))
    real_fsync = os.fsync

    def failing_on_folders(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", failing_on_folders)
    with pytest.raises(NotesSaveError) as info:
        store.save(make_doc("advertising"))
    message = str(info.value)
    assert "new file is in place" in message and "durability is unknown" in message
    assert "intact" not in message
    now = json.loads((tmp_path / "a.txt.notes.json").read_text())
    assert now["first"]["items"][0]["body"][0]["value"] == "advertising"


@pytest.mark.parametrize("content", [b"{not json", b"\xff\xfe\x00", b"[1, 2", b'"x"'])
def test_damaged_file_is_never_overwritten(tmp_path: Path, content: bytes) -> None:
    notes = tmp_path / "a.txt.notes.json"
    notes.write_bytes(content)
    store = NotesStore(tmp_path / "a.txt")
    with pytest.raises(NotesFileError) as info:
        store.load()
    assert info.value.kind == "invalid"
    assert notes.read_bytes() == content
    kept = store.move_aside()
    assert kept.read_bytes() == content and "unusable" in kept.name
    assert store.load() is None


def test_newer_version_is_never_overwritten(tmp_path: Path) -> None:
    notes = tmp_path / "a.txt.notes.json"
    notes.write_text('{"type": "AnnotationCollection", "claimmark": {"version": 7}}')
    with pytest.raises(NotesFileError) as info:
        NotesStore(tmp_path / "a.txt").load()
    assert info.value.kind == "newer"


def test_notes_of_another_article(tmp_path: Path) -> None:
    other = NotesStore(tmp_path / "b.txt")
    other.save(make_doc())  # article path recorded is a.txt
    (tmp_path / "b.txt.notes.json").rename(tmp_path / "c.txt.notes.json")
    with pytest.raises(NotesFileError) as info:
        NotesStore(tmp_path / "c.txt").load()
    assert info.value.kind == "other-article"


def test_an_article_renamed_with_its_notes_keeps_them(tmp_path: Path) -> None:
    """Tester T9: health.txt and its notes renamed to turmeric.txt together
    were refused as "another article's"; the text is the same one."""
    from app.core.article import text_sha256

    text = "Turmeric eases stiff joints. Curcumin is poorly absorbed."
    doc = NotesDocument(ArticleRef("health.txt", text_sha256(text)),
                        [annotation_for_span(text, 0, 28, label="uncertain")])
    NotesStore(tmp_path / "health.txt").save(doc)
    (tmp_path / "health.txt.notes.json").rename(tmp_path / "turmeric.txt.notes.json")
    store = NotesStore(tmp_path / "turmeric.txt")
    loaded = store.load(None, text_sha256(text))
    assert loaded is not None and loaded.annotations[0].label == "uncertain"
    with pytest.raises(NotesFileError) as info:  # another text: still another article's
        store.load(None, text_sha256(text + " Edited."))
    assert info.value.kind == "other-article"


def test_a_damaged_notes_file_says_where(tmp_path: Path) -> None:
    """Tester T9: "(Unterminated string starting at)" said nothing of where."""
    (tmp_path / "a.txt.notes.json").write_text('{"type": "AnnotationCollection",\n "id": "x')
    with pytest.raises(NotesFileError) as info:
        NotesStore(tmp_path / "a.txt").load()
    assert "line 2 column" in str(info.value)


def test_fifo_in_place_of_notes_does_not_hang(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "a.txt.notes.json")
    with pytest.raises(NotesFileError) as info:
        NotesStore(tmp_path / "a.txt").load()
    assert info.value.kind == "unreadable"


def test_symlinked_notes_file_is_not_followed(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.json"
    target.write_text("precious")
    (tmp_path / "a.txt.notes.json").symlink_to(target)
    NotesStore(tmp_path / "a.txt").save(make_doc())
    assert target.read_text() == "precious"
    assert not (tmp_path / "a.txt.notes.json").is_symlink()


def test_read_only_folder_falls_back_to_user_data(tmp_path: Path, data_dir: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    real_open = os.open

    def deny(path: object, flags: int, *args: object) -> int:
        if str(path).startswith(str(folder)) and flags & os.O_CREAT:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(path, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", deny)
    store = NotesStore(folder / "a.txt")
    path = store.save(make_doc())
    assert str(path).startswith(str(data_dir))
    assert "not writable" in store.fallback_reason
    assert NotesStore(folder / "a.txt").load() is not None  # found again there


def test_notes_saved_in_user_data_beside_an_older_read_only_file_are_found_again(
        tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tester T9: a read-only folder that already had a notes file; the new
    notes went to the data folder, and on reopening the old file was read."""
    folder = tmp_path / "ro"
    folder.mkdir()
    NotesStore(folder / "a.txt").save(make_doc("supported"))  # before it became read-only
    os.utime(folder / "a.txt.notes.json", ns=(1, 1))
    real_open = os.open

    def deny(path: object, flags: int, *args: object) -> int:
        if str(path).startswith(str(folder)) and flags & os.O_CREAT:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(path, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", deny)
    NotesStore(folder / "a.txt").save(make_doc("advertising"))  # goes to the data folder
    again = NotesStore(folder / "a.txt")
    loaded = again.load()
    assert loaded is not None and [a.label for a in loaded.annotations] == ["advertising"]
    assert str(again.path).startswith(str(data_dir)) and again.fallback_reason


@pytest.mark.parametrize("failing", ["fsync", "replace"])
@pytest.mark.parametrize("code", [errno.EIO, errno.ENOSPC])
def test_io_errors_leave_the_old_file_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             failing: str, code: int) -> None:
    store = NotesStore(tmp_path / "a.txt")
    store.save(make_doc("uncertain"))
    before = (tmp_path / "a.txt.notes.json").read_bytes()

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, failing, fail)
    with pytest.raises(NotesSaveError):
        store.save(make_doc("advertising"))
    monkeypatch.undo()
    assert (tmp_path / "a.txt.notes.json").read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_write_atomic_creates_new_file(tmp_path: Path) -> None:
    write_atomic(tmp_path / "x.json", b"{}")
    assert (tmp_path / "x.json").read_bytes() == b"{}"
    assert not (tmp_path / "x.json.bak").exists()
