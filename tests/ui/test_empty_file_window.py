"""An empty file in the window: a one-line message, the open article stays (as the README says)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.conftest import open_article


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("empty.txt", b"", "the file is empty"),
    ("blank.md", b"\n\n   \n", "has no text to read"),
])
def test_an_empty_file_shows_a_message_and_keeps_the_article(
        qtbot, make_window, dialogs, sample_copy: Path, name: str, data: bytes,
        reason: str) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    empty = sample_copy.with_name(name)
    empty.write_bytes(data)
    with qtbot.waitSignal(window.loadFailed, timeout=15000) as blocker:
        window.open_path(str(empty))
    assert blocker.args[0] == f"{name}: {reason}"
    assert dialogs.calls[-1][0] == "error" and reason in dialogs.calls[-1][2]
    assert window.session.article.source_path == str(sample_copy)
    assert window.windowTitle().startswith("Magnesium")
    assert not empty.with_name(name + ".notes.json").exists()
