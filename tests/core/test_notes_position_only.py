"""A note with a position and no quote (another tool's TextPositionSelector or
RFC 5147 fragment): its offsets count the text it was made on — for
Hypothesis the web page's DOM text, not our canonical text. It is placed by
them only where the notes file beside the article records this very text
(its sha256) for the article the note names; everywhere else it is kept as
lost, re-attachable, and the reader is told why. Every path: the notes file
beside the article (window, ``claimmark notes``, export all anchor it the
same way), File ▸ Import Notes and ``claimmark import``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from app.core.anchoring import anchor_all, lost_reason
from app.core.article import text_sha256
from app.core.importing import import_items, parse_payload
from app.core.loaders import load_article
from app.core.storage import NotesStore
from tests.conftest import ROOT

TEXT = ("Magnesium is an essential mineral. It takes part in hundreds of reactions. "
        "It may help people whose nerves hurt at night. Click here to order today.")
SENTENCE = "It may help people whose nerves hurt at night."
START = TEXT.index(SENTENCE)


def _item(source: str, fragment: bool = False) -> dict[str, Any]:
    selector: dict[str, Any] = (
        {"type": "FragmentSelector", "conformsTo": "http://tools.ietf.org/rfc/rfc5147",
         "value": f"char={START},{START + len(SENTENCE)}"} if fragment else
        {"type": "TextPositionSelector", "start": START, "end": START + len(SENTENCE)})
    return {"id": "https://notes.example.org/anno/7", "type": "Annotation",
            "motivation": "commenting", "creator": {"type": "Person", "name": "Ana"},
            "body": {"type": "TextualBody", "value": "Which trial?"},
            "target": {"source": source, "selector": selector}}


def _collection(item: dict[str, Any], sha256: str | None) -> dict[str, Any]:
    data: dict[str, Any] = {"@context": "http://www.w3.org/ns/anno.jsonld",
                            "type": "AnnotationCollection", "first": {
                                "type": "AnnotationPage", "items": [item]}}
    if sha256 is not None:
        data["claimmark"] = {"version": 1, "article": {"path": "a.txt", "sha256": sha256}}
    return data


def _beside(tmp_path: Path, data: dict[str, Any]) -> Path:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.txt.notes.json").write_text(json.dumps(data), encoding="utf-8")
    return article


def _placed_beside(tmp_path: Path, data: dict[str, Any]) -> tuple[str, int]:
    article = load_article(_beside(tmp_path, data))
    doc = NotesStore(Path(article.source_path)).load(None, article.sha256)
    assert doc is not None
    [placed] = anchor_all(doc.annotations, article.text)
    return placed.anchor.status, placed.anchor.start


def test_a_file_recording_this_text_for_this_article_places_it(tmp_path: Path) -> None:
    for fragment in (False, True):
        data = _collection(_item("a.txt", fragment), text_sha256(TEXT))
        assert _placed_beside(tmp_path, data) == ("exact", START)


def test_the_article_named_another_way_is_the_same_article(tmp_path: Path) -> None:
    """Helper A: "./a.txt" against "a.txt" left the note lost."""
    for source in ("./a.txt", "a.txt", "sub/../a.txt"):
        data = _collection(_item(source), text_sha256(TEXT))
        assert _placed_beside(tmp_path, data) == ("exact", START), source
    data = _collection(_item("other/a.txt"), text_sha256(TEXT))
    assert _placed_beside(tmp_path, data)[0] == "orphaned"


def test_another_tools_file_beside_the_article_keeps_it_as_lost(tmp_path: Path) -> None:
    """No claimmark block (a W3C tool's file), the page as its source, or the
    hash of another text: the offsets may count anything."""
    for data in (_collection(_item("a.txt"), None),
                 _collection(_item("https://blog.example.com/magnesium"), text_sha256(TEXT)),
                 _collection(_item("a.txt"), text_sha256(TEXT + " An added line."))):
        status, _ = _placed_beside(tmp_path, data)
        assert status == "orphaned"


def test_saving_under_a_new_hash_does_not_vouch_for_an_old_position(tmp_path: Path) -> None:
    """The file recorded another version of the text: the note is lost. Saved
    again, the file records this text's hash; the note's offsets still count
    the old one, and the file says so (``positionsElsewhere``)."""
    from dataclasses import replace

    old = TEXT.replace("Magnesium is an essential mineral. ", "")
    article = load_article(_beside(tmp_path, _collection(_item("a.txt"), text_sha256(old))))
    store = NotesStore(Path(article.source_path))
    doc = store.load(None, article.sha256)
    assert doc is not None and doc.article is not None
    [placed] = anchor_all(doc.annotations, article.text)
    assert placed.anchor.status == "orphaned"
    doc.article = replace(doc.article, sha256=article.sha256)
    store.save(doc)
    data = json.loads(store.path.read_text())
    assert data["claimmark"]["positionsElsewhere"] == ["https://notes.example.org/anno/7"]
    assert data["first"]["items"] == [_item("a.txt")]  # the object itself untouched
    assert _placed_beside_again(store, article.text) == "orphaned"
    # A note placed by a file that records this text is not listed when saved.
    data = _collection(_item("a.txt"), article.sha256)
    store.path.write_text(json.dumps(data))
    doc = store.load(None, article.sha256)
    assert doc is not None
    store.save(doc)
    assert "positionsElsewhere" not in json.loads(store.path.read_text())["claimmark"]
    assert _placed_beside_again(store, article.text) == "exact"


def _placed_beside_again(store: NotesStore, text: str) -> str:
    doc = store.load(None, text_sha256(text))
    assert doc is not None
    [placed] = anchor_all(doc.annotations, text)
    return placed.anchor.status


def test_a_lost_position_only_note_says_why() -> None:
    [placed] = anchor_all(import_items([], [_item("a.txt")], TEXT, "a.txt").annotations, TEXT)
    assert placed.anchor.status == "orphaned"
    assert lost_reason(placed.annotation).startswith("only a position")


def test_an_import_never_places_by_position_alone_and_says_so() -> None:
    """Even from a file that records this text: an import comes from elsewhere."""
    data = _collection(_item("a.txt"), text_sha256(TEXT))
    items = parse_payload(json.dumps(data).encode())
    result = import_items([], items, TEXT, "a.txt")
    assert (result.added, result.placed, result.lost, result.position_only) == (1, 0, 1, 1)
    assert "1 had only a position" in result.summary()
    assert "another article" not in result.summary()


def _claimmark(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=60, check=False)


def test_the_command_line_keeps_it_lost_and_says_why(tmp_path: Path) -> None:
    article = _beside(tmp_path, _collection(_item("https://example.org/page"), None))
    result = _claimmark("notes", str(article))
    assert result.returncode == 3, result.stderr
    assert "lost its place: only a position, which may count another text" in result.stdout
    exported = tmp_path / "from-hypothesis.json"
    exported.write_text(json.dumps([_item("https://example.org/page")]), encoding="utf-8")
    (tmp_path / "a.txt.notes.json").unlink()
    result = _claimmark("import", str(article), str(exported))
    assert result.returncode == 0, result.stderr
    assert "1 could not be placed; 1 had only a position" in result.stdout + result.stderr
    result = _claimmark("notes", str(article), "--json")
    [note] = json.loads(result.stdout)["annotations"]
    assert (note["status"], result.returncode) == ("orphaned", 3)
