"""A sentence wrapped over lines with <br> (DocBook's plain-text READMEs) is
one claim, and its row in the list reads on one line."""

from __future__ import annotations

from pathlib import Path

from tests.ui.conftest import open_article


def test_a_wrapped_sentence_is_one_row_on_one_line(qtbot, make_window, tmp_path: Path) -> None:
    path = tmp_path / "readme.html"
    path.write_text("<html><body><p>If you are building a binary package of Valgrind for "
                    "distribution,<br>please read README_PACKAGERS.<br>It contains some "
                    "important<br>information.</p></body></html>", encoding="utf-8")
    window = make_window()
    open_article(qtbot, window, path)
    model = window.model
    rows = [model.data(model.index(row)) for row in range(len(model.rows))]
    assert rows == ["If you are building a binary package of Valgrind for distribution, "
                    "please read README_PACKAGERS.",
                    "It contains some important information."]
