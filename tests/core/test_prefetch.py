"""The article named on the command line, read by a forked child while the window starts.

Whatever the child hands back must equal what the window's worker would have
computed itself; on any doubt (a failure, a changed file) it hands back
nothing and the worker loads the file as before.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.claims import find_claims
from app.core.loaders import load_article
from app.core.prefetch import MAX_CHARS, prefetch_article
from app.core.suggest import suggest_for_claims
from tests.conftest import SAMPLE

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="the prefetch child is forked on Linux only")


def _child_gone(prefetch: object) -> bool:
    pid = prefetch._pid  # type: ignore[attr-defined]
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def _here(path: Path) -> tuple[object, object, object]:
    article = load_article(path)
    claims = find_claims(article)
    return article, claims, suggest_for_claims(article, claims)


def test_the_sample_comes_back_as_the_worker_would_make_it() -> None:
    prefetch = prefetch_article(str(SAMPLE))
    assert prefetch is not None
    article = prefetch.article()
    found = prefetch.claims()
    assert found is not None
    expected = _here(SAMPLE)
    assert (article, *found) == expected
    assert found[1], "the sample has suggestions"
    assert _child_gone(prefetch)


_PARAGRAPH = st.lists(
    st.sampled_from(["Magnesium", "may", "help", "some", "people.", "Buy", "now!", "Studies",
                     "show", "(Smith", "2014).", "doi:10.1000/182", "It", "is", "believed",
                     "that", "sleep", "improves.", "1.", "2.", "Dr.", "Café", "—", "😀", "\t"]),
    min_size=1, max_size=25).map(" ".join)


@settings(max_examples=12, deadline=None)
@given(st.lists(_PARAGRAPH, min_size=1, max_size=6), st.sampled_from([".txt", ".md"]))
def test_any_article_comes_back_equal(tmp_path_factory: pytest.TempPathFactory,
                                      paragraphs: list[str], suffix: str) -> None:
    path = tmp_path_factory.mktemp("prefetch") / f"article{suffix}"
    path.write_text("\n\n".join(paragraphs), encoding="utf-8")
    try:
        expected = _here(path)
    except Exception:  # noqa: BLE001 - what the worker cannot load, the child gives up on
        expected = None
    prefetch = prefetch_article(str(path))
    assert prefetch is not None
    article = prefetch.article()
    if expected is None:
        assert article is None
        return
    found = prefetch.claims()
    assert found is not None
    assert (article, *found) == expected


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02" * 100, b"   \n\n  "])
def test_bad_files_give_nothing_and_the_worker_says_why(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    prefetch = prefetch_article(str(path))
    assert prefetch is not None
    assert prefetch.article() is None
    assert prefetch.claims() is None
    assert _child_gone(prefetch)


def test_no_child_for_what_it_does_not_read(tmp_path: Path) -> None:
    assert prefetch_article(str(tmp_path / "missing.md")) is None
    assert prefetch_article(str(tmp_path)) is None
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    assert prefetch_article(str(pdf)) is None


def test_a_file_changed_meanwhile_is_read_again(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("The first version says one thing.", encoding="utf-8")
    prefetch = prefetch_article(str(path))
    assert prefetch is not None
    time.sleep(0.3)  # the child has read it
    path.write_text("The second version says something else entirely.", encoding="utf-8")
    assert prefetch.article() is None
    assert prefetch.claims() is None


def test_a_book_is_left_to_the_worker(tmp_path: Path) -> None:
    path = tmp_path / "book.txt"
    paragraph = "The cells were grown for two days. Then they were counted again. "
    path.write_text("\n\n".join([paragraph * 20] * (MAX_CHARS // 1200 + 2)),
                    encoding="utf-8")
    assert len(load_article(path).text) > MAX_CHARS
    prefetch = prefetch_article(str(path))
    assert prefetch is not None
    assert prefetch.article() is None  # the worker reads it, with progress
    assert prefetch.claims() is None
    assert _child_gone(prefetch)


def test_closing_unread_stops_a_child_blocked_on_the_pipe(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("A sentence that repeats. " * 8_000, encoding="utf-8")  # > a pipe's buffer
    prefetch = prefetch_article(str(path))
    assert prefetch is not None
    time.sleep(0.3)
    started = time.perf_counter()
    prefetch.close()
    assert time.perf_counter() - started < 2.0
    assert _child_gone(prefetch)
    assert prefetch.article() is None


def test_a_child_that_hangs_is_stopped_and_the_worker_reads_the_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import app.core.loaders
    import app.core.prefetch

    path = tmp_path / "a.txt"
    path.write_text("A short article.", encoding="utf-8")
    monkeypatch.setattr(app.core.loaders, "load_article", lambda _p: time.sleep(60))
    monkeypatch.setattr(app.core.prefetch, "WAIT_SECONDS", 0.5)
    prefetch = prefetch_article(str(path))
    assert prefetch is not None
    started = time.perf_counter()
    assert prefetch.article() is None
    assert time.perf_counter() - started < 5
    assert _child_gone(prefetch)


def test_the_child_does_not_outlive_the_window(tmp_path: Path) -> None:
    """A window killed while its child still works takes the child with it."""
    import subprocess

    path = tmp_path / "a.txt"
    path.write_text("A short article.", encoding="utf-8")
    code = (
        "import os, sys, time, app.core.loaders as L\n"
        "L.load_article = lambda p: time.sleep(60)\n"
        "from app.core.prefetch import prefetch_article\n"
        "p = prefetch_article(sys.argv[1])\n"
        "print(p._pid, flush=True)\n"
        "time.sleep(60)\n")
    window = subprocess.Popen([sys.executable, "-c", code, str(path)], stdout=subprocess.PIPE,
                              text=True, env={**os.environ, "PYTHONPATH": str(SAMPLE.parents[2])})
    assert window.stdout is not None
    child = int(window.stdout.readline())
    window.kill()
    window.wait()
    window.stdout.close()
    for _ in range(50):
        if _gone_or_zombie(child):  # a zombie is dead, waiting for init to reap it
            break
        time.sleep(0.1)
    else:
        raise AssertionError("the child outlived the window")


def _gone_or_zombie(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat.rsplit(")", 1)[1].split()[0] in ("Z", "X")


def _modules_after(code: str, tmp_path: Path) -> set[str]:
    """The modules a fresh interpreter holds after running ``code``."""
    import json
    import subprocess

    from tests.conftest import ROOT

    result = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport json, sys; print(json.dumps(sorted(sys.modules)))"],
        capture_output=True, text=True, check=True, timeout=60, cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)})
    return set(json.loads(result.stdout.splitlines()[-1]))


def test_the_child_is_forked_before_the_article_modules_load(tmp_path: Path) -> None:
    """The parent imports next to nothing before the fork: the child starts at once."""
    modules = _modules_after("import app.core.prefetch", tmp_path)
    assert not {"app.core.article", "app.core.claims", "dataclasses"} & modules


def test_what_the_child_sends_unpickles_without_the_suggester(tmp_path: Path) -> None:
    """The window unpickles suggestions without importing the suggester, its
    lexicons and expressions (the child already used them)."""
    import pickle

    article, claims, suggestions = _here(SAMPLE)
    assert suggestions
    message = tmp_path / "message.pickle"
    message.write_bytes(pickle.dumps(("claims", claims, suggestions), pickle.HIGHEST_PROTOCOL))
    modules = _modules_after(
        f"import pickle; kind, claims, found = pickle.loads(open({str(message)!r}, 'rb').read())\n"
        f"assert len(found) == {len(suggestions)} and all(s.cues for s in found.values())",
        tmp_path)
    assert "app.core.suggestion" in modules
    assert not {"app.core.suggest", "app.core.cues", "app.core.citations"} & modules
