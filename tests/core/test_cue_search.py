"""The cue search of a book in a child process (app.core.cue_search): its
hits are the search done here, and any child that fails, hangs or answers
something else gives None, never an exception or wrong hits."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.core import cue_search
from app.core.claims import find_claims
from app.core.cue_search import CueSearch, digest_of
from app.core.cues import find_cues, lower_same_length
from app.core.loaders import load_article
from app.core.resources import sample_article_path
from app.core.suggest import load_lexicons, suggest_for_claims

ADS = ("Doctors hate this one simple trick! Order now and save 30% with code NERVE30. "
       "Research has shown that magnesium may help. Click the Save button to keep your work.")


@pytest.fixture(scope="module")
def article(tmp_path_factory: pytest.TempPathFactory):
    sample = sample_article_path().read_text(encoding="utf-8")
    path = tmp_path_factory.mktemp("cues") / "book.md"
    path.write_text("\n\n".join([sample, ADS] * 4), encoding="utf-8")
    return load_article(str(path))


def child(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: str) -> None:
    """Start this Python ``code`` as the child instead of ours."""
    script = tmp_path / "child.py"
    script.write_text(code, encoding="utf-8")
    monkeypatch.setattr(cue_search, "command", lambda: [sys.executable, str(script)])


def test_the_childs_hits_are_the_search_done_here(article) -> None:
    lexicon = load_lexicons()
    search = CueSearch.start(article.text)
    assert search is not None
    hits = search.hits(lexicon)
    expected = find_cues(article.text, lexicon.scanners, lower_same_length(article.text))
    assert hits == expected
    assert sum(map(len, expected.values())) > 50  # the text has cues of every kind
    assert all(expected.values())


def test_suggestions_from_the_childs_hits_are_the_same(article) -> None:
    claims = find_claims(article)
    search = CueSearch.start(article.text)
    assert search is not None
    hits = search.hits(load_lexicons())
    assert hits is not None
    assert suggest_for_claims(article, claims, hits) == suggest_for_claims(article, claims)


def answer(text: str, hits: list[list[object]]) -> str:
    return json.dumps({"chars": len(text), "digest": digest_of(text), "hits": hits})


@pytest.mark.parametrize("what", ["garbage", "exit 3", "another text", "unknown entry",
                                  "another row", "out of range", "boolean position",
                                  "unknown model"])
def test_a_child_answering_wrong_gives_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           article, what: str) -> None:
    text = article.text
    good = find_cues(text, load_lexicons().scanners, lower_same_length(text))
    model, items = next((m, f) for m, f in good.items() if f)
    start, end, entry = items[0]
    row = entry.id, entry.rank
    bodies = {
        "garbage": "print('not json at all')",
        "exit 3": "raise SystemExit(3)",
        "another text": f"print({answer(text + 'x', [])!r})",
        "unknown entry": f"print({answer(text, [[model, start, end, 'no_such_cue', row[1]]])!r})",
        "out of range": f"print({answer(text, [[model, start, len(text) + 5, *row]])!r})",
        "boolean position": f"print({answer(text, [[model, True, end, *row]])!r})",
        "another row": f"print({answer(text, [[model, start, end, row[0], -1]])!r})",
        "unknown model": f"print({answer(text, [['gossip', start, end, *row]])!r})",
    }
    child(tmp_path, monkeypatch, "import sys\nsys.stdin.buffer.read()\n" + bodies[what])
    search = CueSearch.start(text)
    assert search is not None
    assert search.hits(load_lexicons()) is None


def test_a_child_that_cannot_start_gives_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cue_search, "command", lambda: ["/nonexistent/python"])
    assert CueSearch.start("Some text.") is None


def test_a_hanging_child_is_stopped_after_the_timeout(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    child(tmp_path, monkeypatch, "import sys, time\nsys.stdin.buffer.read()\ntime.sleep(60)\n")
    monkeypatch.setattr(cue_search, "TIMEOUT", 0.5)
    search = CueSearch.start("Some text.")
    assert search is not None
    process = search._process
    assert process is not None
    started = time.monotonic()
    assert search.hits(load_lexicons()) is None
    assert time.monotonic() - started < 10
    assert process.poll() is not None  # stopped, not left behind


def test_close_stops_a_child_still_working(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    child(tmp_path, monkeypatch, "import sys, time\nsys.stdin.buffer.read()\ntime.sleep(60)\n")
    search = CueSearch.start("Some text.")
    assert search is not None
    process = search._process
    assert process is not None
    search.close()
    assert process.poll() is not None
    assert search.hits(load_lexicons()) is None  # closed: nothing to wait for


def test_the_child_reads_text_that_is_not_valid_unicode() -> None:
    """Surrogates (from a badly decoded file) travel both ways unchanged."""
    text = "Magnesium may help. \udcff Order now!"
    done = subprocess.run([sys.executable, "-m", "app.core.cue_search"],
                          input=text.encode("utf-8", "surrogatepass"), capture_output=True,
                          check=True, timeout=60)
    assert json.loads(done.stdout)["digest"] == digest_of(text)


def test_suggestions_weigh_the_hits_given_not_a_search_of_their_own(article) -> None:
    """No cues given: only what needs none is left (a claim's own citation markers, links)."""
    claims = find_claims(article)
    none = {model: [] for model in load_lexicons().entries}
    given = suggest_for_claims(article, claims, none)
    searched = suggest_for_claims(article, claims)
    assert len(given) < len(searched) / 2
