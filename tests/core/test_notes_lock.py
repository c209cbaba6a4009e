"""One writer at a time between reading a notes file and writing it back
(app/core/notes_lock.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from app.core import notes_lock
from app.core.annotations import annotation_for_span
from app.core.notes_format import NotesDocument
from app.core.notes_lock import notes_folder_locked
from app.core.storage import NotesStore

ROOT = Path(__file__).resolve().parents[2]
TEXT = "Magnesium may help nerves. Sleep matters too."
IMPORTED = "urn:uuid:eeeeeeee-0000-4000-8000-000000000001"


def test_claimmark_import_waits_for_a_window_between_reading_and_writing(
        tmp_path: Path) -> None:
    """A window has read the notes file and is about to write it back when
    `claimmark import` runs: the import waits, then merges into the window's
    file (before, the window's write dropped the imported note)."""
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    payload = tmp_path / "imp.json"
    payload.write_text(json.dumps([{
        "id": IMPORTED, "type": "Annotation",
        "body": [{"type": "TextualBody", "purpose": "classifying", "value": "advertising"}],
        "target": {"selector": {"type": "TextQuoteSelector", "exact": "Sleep matters"}}}]))
    store = NotesStore(article)
    mine = annotation_for_span(TEXT, 0, 26, label="uncertain")
    with notes_folder_locked(store.path):
        doc = store.load() or NotesDocument(None)  # the window has read the file
        cli = subprocess.Popen([sys.executable, "-m", "app", "import", str(article),
                                str(payload)], env={**os.environ, "PYTHONPATH": str(ROOT)},
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 1.5  # the import takes ~0.4 s unhindered
        while cli.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        doc.annotations = [*doc.annotations, mine]
        store.save(doc)  # the window writes
    assert cli.wait(timeout=30) == 0
    saved = NotesStore(article).load()
    assert saved is not None
    assert {a.id for a in saved.annotations} == {mine.id, IMPORTED}


def test_the_lock_is_reentered_in_one_process_and_never_hangs(tmp_path: Path,
                                                             monkeypatch) -> None:
    notes = tmp_path / "a.txt.notes.json"
    with notes_folder_locked(notes) as held, notes_folder_locked(notes) as again:
        assert held and again  # a save that saves again while showing what it took in
        other = subprocess.Popen(
            [sys.executable, "-c", "import sys, time; from pathlib import Path;"
             "from app.core import notes_lock; notes_lock.WAIT_S = 0.2;"
             "t = time.monotonic();"
             "cm = notes_lock.notes_folder_locked(Path(sys.argv[1]));"
             "held = cm.__enter__(); print(held, round(time.monotonic() - t, 1))",
             str(notes)], env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdout=subprocess.PIPE, text=True)
        out, _ = other.communicate(timeout=30)
    assert out.split()[0] == "False"  # gave up waiting: goes on without it
    assert notes_lock._held == {}  # released
    with notes_folder_locked(notes) as held:
        assert held
