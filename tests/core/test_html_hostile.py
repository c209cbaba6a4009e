"""Hostile pages end in bounded time with an article or a clear message.

Each case runs in a subprocess with a timeout, so a hang or a crash fails the
test instead of the test run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

RUNNER = """
import sys
from app.core.article import LoadError
from app.core.claims import find_claims
from app.core.loaders import load_article
try:
    article = load_article(sys.argv[1])
except LoadError as error:
    print("MESSAGE", error)
else:
    claims = find_claims(article)
    print("ARTICLE", len(article.text), len(claims))
"""


def hostile_pages(tmp: Path) -> dict[str, bytes]:
    cell = "<td>cell</td>" * 50
    return {
        "nested-divs": b"<html><body>" + b"<div>" * 100_000 + b"Deep text." +
                       b"</div>" * 100_000 + b"</body></html>",
        "big-table": ("<table>" + f"<tr>{cell}</tr>" * 5000 + "</table>").encode(),
        "single-line": b"<p>" + b"word " * (19 * 1024 * 1024 // 5) + b"</p>",
        "huge-fonts-and-images": b'<p style="font-size:99999px"><font size="9999">Big.</font>'
                                 b'<img src="x.png" width="999999" height="999999"></p>',
        "bidi-flood": ("<p>" + "\u202e\u2066\u200f" * 200_000 + "text.</p>").encode(),
        "img-fifo-and-zero": b'<p>Text.</p><img src="pipe.png"><img src="/dev/zero">',
        "malformed": b"<html><body><p>Unclosed <b>bold <i>both</p><div><table><tr><td>x"
                     b"</html></p></div>>>>><<<<",
        "truncated": b'<html><head><title>T</title></head><body><p>A full sentence. And a cut',
        "wrong-charset": '<meta charset="utf-8"><p>Caf\u00e9 is tr\u00e8s bon.</p>'
                         .encode("cp1252"),
        "binary": bytes(range(256)) * 100,
        # One parent, 40,000 touching runs: each used to look at all its siblings.
        "span-soup": b"<article><div>" + b"<span>word</span><span>Next</span>" * 20_000
                     + b"</div></article>",
        # 20,000 password fields in one box: each climbed through the same ancestors.
        "password-flood": b"<div><p>Sign in below to read the whole of this week's report on the"
                          b" city's budget.</p><div>"
                          + b"<span><input type='password'></span>" * 20_000 + b"</div></div>",
    }


@pytest.mark.slow
@pytest.mark.parametrize("name", list(hostile_pages(Path("/")).keys()))
def test_hostile_page_is_bounded(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.html"
    path.write_bytes(hostile_pages(tmp_path)[name])
    os.mkfifo(tmp_path / "pipe.png")
    result = subprocess.run([sys.executable, "-c", RUNNER, str(path)], cwd=ROOT,
                            capture_output=True, text=True, timeout=120,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    kind = result.stdout.split()[0]
    assert kind in ("ARTICLE", "MESSAGE")
    if name == "binary":
        assert kind == "MESSAGE"
    elif name != "single-line":
        assert kind == "ARTICLE", result.stdout
