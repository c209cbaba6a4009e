"""A page saved as one .mhtml file reads as the page; .rtf is refused (tester T11)."""

from __future__ import annotations

import json
import os
import quopri
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.article import LoadError
from app.core.claims import find_claims
from app.core.load_mhtml import page_of_mhtml
from app.core.loaders import load_article
from app.core.page_metadata import saved_page_metadata

ADDRESS = "https://news.example.org/health/measles-123"
PAGE = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>Measles – News</title>'
        '<meta name="author" content="Sarah Kemp"></head><body><nav><a href="/">Home</a></nav>'
        "<main><article><h1>Measles cases rise</h1><p>Measles cases in England have risen to "
        "their highest level in a decade, the health agency has said.</p><p>There were 2,911 "
        "laboratory-confirmed cases in 2024 — “a warning”, said Dr Saliba.</p>"
        '<img src="https://news.example.org/kid.jpg" alt="A child"></article></main>'
        "</body></html>")
BOUNDARY = "----MultipartBoundary--T11mhtml----"


def mhtml(page: str = PAGE, charset: str = "utf-8") -> bytes:
    body = quopri.encodestring(page.encode(charset if charset != "bogus" else "utf-8"))
    return (f"From: <Saved by Blink>\r\nSnapshot-Content-Location: {ADDRESS}\r\n"
            "Subject: Measles\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n"
            f'\ttype="text/html";\r\n\tboundary="{BOUNDARY}"\r\n\r\n\r\n'
            f"--{BOUNDARY}\r\nContent-Type: text/html; charset={charset}\r\n"
            "Content-ID: <frame-1@mhtml.blink>\r\nContent-Transfer-Encoding: quoted-printable\r\n"
            f"Content-Location: {ADDRESS}\r\n\r\n").encode() + body + (
            f"\r\n--{BOUNDARY}\r\nContent-Type: image/jpeg\r\nContent-Transfer-Encoding: base64"
            "\r\nContent-Location: https://news.example.org/kid.jpg\r\n\r\n/9j/4AAQSkZJRg==\r\n"
            f"--{BOUNDARY}--\r\n").encode()


def claims_of(path: Path) -> list[str]:
    article = load_article(path)
    return [article.text[c.start:c.end] for c in find_claims(article)]


def test_a_saved_mhtml_page_reads_as_the_page(tmp_path: Path) -> None:
    path = tmp_path / "measles.mhtml"
    path.write_bytes(mhtml())
    article = load_article(path)
    assert article.format == "html" and article.title.startswith("Measles")
    assert claims_of(path) == [
        "Measles cases in England have risen to their highest level in a decade, the health "
        "agency has said.",
        "There were 2,911 laboratory-confirmed cases in 2024 — “a warning”, said Dr Saliba."]
    assert "Content-Type" not in article.text and "Home" not in article.text
    found = saved_page_metadata(article)
    assert (found.url, found.author) == (ADDRESS, "Sarah Kemp")


def test_the_parts_charset_is_read(tmp_path: Path) -> None:
    path = tmp_path / "latin.mht"
    latin = (PAGE.replace("–", "-").replace("—", "-").replace("“", '"').replace("”", '"')
             .replace('<meta charset="utf-8">', "").replace("</article>", "<p>Café</p></article>"))
    path.write_bytes(mhtml(latin, "latin-1"))
    assert "Café" in load_article(path).text


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "the file is empty"),
    (bytes(range(256)) * 40, "not a saved web page"),
    (b"Just some text.\n\nNothing else.", "not a saved web page"),
    (b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n\r\n--x\r\n"
     b"Content-Type: image/png\r\n\r\nabc\r\n--x--\r\n", "holds no web page"),
    (b"Content-Type: multipart/related; boundary=b0\r\n\r\n" + b"".join(  # nested 2,000 deep
        b"--b%d\r\nContent-Type: multipart/related; boundary=b%d\r\n\r\n" % (i, i + 1)
        for i in range(2000)), "damaged"),
    (b"Content-Type: text/html\r\n\r\n   ", "empty"),
])
def test_bad_mhtml_gets_one_line(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "bad.mhtml"
    path.write_bytes(data)
    with pytest.raises(LoadError, match=reason) as error:
        load_article(path)
    assert "\n" not in str(error.value)


def test_a_truncated_or_odd_mhtml_never_raises_anything_else(tmp_path: Path) -> None:
    whole = mhtml()
    for cut in range(0, len(whole), 97):
        try:
            page_of_mhtml(whole[:cut], "cut.mhtml")
        except LoadError:
            pass
    assert "Measles" in page_of_mhtml(mhtml(charset="bogus"), "odd.mhtml").html


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_give_a_page_or_a_load_error(data: bytes) -> None:
    head = b"Content-Type: multipart/related; boundary=b\r\n\r\n--b\r\nContent-Type: text/html"
    for candidate in (data, head + data):
        try:
            page = page_of_mhtml(candidate, "x.mhtml")
        except LoadError:
            continue
        assert isinstance(page.html, str)


def test_a_huge_mhtml_is_refused_by_the_size_cap(tmp_path: Path) -> None:
    path = tmp_path / "huge.mhtml"
    with path.open("wb") as out:
        out.write(mhtml())
        out.truncate(21 * 1024 * 1024)
    with pytest.raises(LoadError):
        load_article(path)


@pytest.mark.parametrize("name", ["letter.rtf", "letter.txt"])
def test_rtf_is_refused_with_its_reason(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}}\\f0 Magnesium helps.\\par}")
    with pytest.raises(LoadError, match="RTF document") as error:
        load_article(path)
    assert str(error.value).startswith(f"{name}: ")


def test_the_command_line_names_the_refusal_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "letter.rtf"
    path.write_bytes(b"{\\rtf1 Hello.}")
    done = subprocess.run([sys.executable, "-m", "app", "claims", str(path)], text=True,
                          capture_output=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                          timeout=120)
    assert done.returncode == 2 and "RTF document" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert json.dumps(done.stdout) == '""'
