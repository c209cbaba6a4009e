"""``claimmark notes`` on an article re-saved decomposed (NFD, as macOS tools
write): the notes are where they were, none "changed since you labelled it"."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from tests.test_cli import _write_notes, claimmark


def test_notes_on_a_decomposed_article_are_not_changed(tmp_path: Path) -> None:
    article = tmp_path / "de.txt"
    text = "Die Tagescrème mit Aloë vera hilft. Käufer erleben ein Déjà-vu. Öl schadet nicht."
    article.write_text(text, encoding="utf-8")
    second, third = text.index("Käufer"), text.index("Öl")
    _write_notes(article, [(0, second - 1, "uncertain", ""), (second, third - 1, "advertising", ""),
                           (third, len(text), "supported", "")])
    article.write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    result = claimmark("notes", str(article))
    assert result.returncode == 0, result.stderr
    assert "changed since" not in result.stdout and "fuzzy" not in result.stdout
    assert result.stdout.count(" moved)") == 3
