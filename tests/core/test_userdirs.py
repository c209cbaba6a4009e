"""The user folders: where each platform expects them, all movable for tests."""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from app.core import userdirs
from app.core.annotations import annotation_for_span
from app.core.notes_format import NotesDocument
from app.core.paths import fallback_notes_path
from app.core.storage import NotesStore

FOLDERS = {
    "data": userdirs.data_dir,
    "config": userdirs.config_dir,
    "state": userdirs.state_dir,
    "cache": userdirs.cache_dir,
}


def test_claimmark_home_moves_every_folder(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMMARK_HOME", str(tmp_path))
    for part, folder in FOLDERS.items():
        assert folder() == tmp_path / part
    assert userdirs.fallback_notes_folder() == tmp_path / "data" / "notes"


def test_the_tests_never_see_the_real_user_folders(user_folders: Path) -> None:
    for folder in FOLDERS.values():
        assert folder().is_relative_to(user_folders)


@pytest.mark.parametrize("variable, folder", [("CLAIMMARK_DATA_DIR", userdirs.data_dir),
                                               ("CLAIMMARK_STATE_DIR", userdirs.state_dir)])
def test_one_folder_alone_can_be_moved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       variable: str, folder: Callable[[], Path]) -> None:
    monkeypatch.setenv(variable, str(tmp_path / "elsewhere"))
    assert folder() == tmp_path / "elsewhere"
    assert userdirs.config_dir() != tmp_path / "elsewhere"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG folders are Linux's")
def test_linux_follows_the_xdg_variables(tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLAIMMARK_HOME")
    for variable, folder in (("XDG_DATA_HOME", userdirs.data_dir),
                             ("XDG_CONFIG_HOME", userdirs.config_dir),
                             ("XDG_STATE_HOME", userdirs.state_dir),
                             ("XDG_CACHE_HOME", userdirs.cache_dir)):
        monkeypatch.setenv(variable, str(tmp_path / variable))
        assert folder() == tmp_path / variable / "claimmark"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG folders are Linux's")
def test_linux_defaults_are_under_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLAIMMARK_HOME")
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert userdirs.data_dir() == tmp_path / ".local" / "share" / "claimmark"
    assert userdirs.config_dir() == tmp_path / ".config" / "claimmark"
    assert userdirs.state_dir() == tmp_path / ".local" / "state" / "claimmark"
    assert userdirs.cache_dir() == tmp_path / ".cache" / "claimmark"


def test_fallback_key_is_the_articles_path(tmp_path: Path) -> None:
    one = tmp_path / "a" / "article.md"
    two = tmp_path / "b" / "article.md"
    assert fallback_notes_path(one) == fallback_notes_path(str(one))
    assert fallback_notes_path(one) != fallback_notes_path(two)
    assert fallback_notes_path(one).parent == userdirs.fallback_notes_folder()
    assert fallback_notes_path(one).name.endswith("-article.md.notes.json")


def test_notes_of_a_read_only_folder_go_to_the_data_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir()
    article = folder / "article.txt"
    text = "One claim. Two claims.\n"
    article.write_text(text)
    real_open = os.open

    def read_only(path: object, flags: int, *args: object) -> int:
        if str(path).startswith(str(folder)) and flags & os.O_CREAT:
            raise OSError(errno.EROFS, "Read-only file system")
        return real_open(path, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", read_only)
    store = NotesStore(article)
    where = store.save(NotesDocument(None, [annotation_for_span(text, 0, 10)]))
    assert where == fallback_notes_path(article)
    assert where.is_relative_to(userdirs.data_dir() / "notes")
    assert "read-only" in store.fallback_reason
    assert NotesStore(article).path == where  # found again on the next open
