"""Fixtures shared by the library's tests (tests/core/test_library*.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core import library_db

# Four claims of one short article, and their spans.
LIBRARY_TEXT = ("Magnesium is a mineral. Magnesium may help nerve pain. "
                "Buy Glucontrol today. Zinc is also a mineral.")
LIBRARY_SPANS = [(0, 23), (24, 54), (55, 76), (77, 100)]


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh user data folder, and no library chosen by the environment."""
    folder = tmp_path / "user-data"
    monkeypatch.setenv("CLAIMMARK_DATA_DIR", str(folder))
    monkeypatch.delenv(library_db.LIBRARY_ENV, raising=False)
    return folder
