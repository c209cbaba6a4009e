"""Bad input never escapes as anything but a one-line LoadError."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.article import Article, LoadError
from app.core.loaders import article_from_bytes, load_article
from app.core.reading import decode, read_bytes


def _one_line(error: LoadError) -> str:
    message = str(error)
    assert message and "\n" not in message
    return message


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as info:
        load_article(tmp_path / "nope.txt")
    assert "no such file" in _one_line(info.value)


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as info:
        load_article(tmp_path)
    assert "folder" in _one_line(info.value)


def test_fifo_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(LoadError) as info:
        load_article(fifo)
    assert "not a regular file" in _one_line(info.value)


def test_device_is_refused() -> None:
    with pytest.raises(LoadError):
        read_bytes("/dev/zero")


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    with pytest.raises(LoadError) as info:
        load_article(path)
    assert "binary" in _one_line(info.value)


def test_over_the_size_cap(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:  # sparse: cheap to make
        handle.truncate(21 * 1024 * 1024)
    with pytest.raises(LoadError) as info:
        load_article(path)
    assert "too large" in _one_line(info.value)


def test_small_cap_is_respected(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("x" * 100)
    with pytest.raises(LoadError):
        load_article(path, max_bytes=99)
    assert load_article(path, max_bytes=100).text == "x" * 100


def test_damaged_utf16_is_an_error() -> None:
    with pytest.raises(LoadError):
        decode(b"\xff\xfe\x00\xd8", "x.txt")  # BOM then a lone surrogate


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("empty.txt", b"", "empty.txt: the file is empty"),
    ("empty.md", b"", "empty.md: the file is empty"),
    ("empty.html", b"", "empty.html: the file is empty"),
    ("blank.txt", b"  \n\n\t\n", "blank.txt: has no text to read"),
    ("blank.md", b"\n---\n\n<!-- nothing -->\n", "blank.md: has no text to read"),
    ("blank.html", b"<html><head><title></title></head><body> </body></html>",
     "blank.html: has no text to read"),
    ("bom.txt", b"\xef\xbb\xbf\n", "bom.txt: has no text to read"),
])
def test_a_file_without_text_is_refused_in_one_line(tmp_path: Path, name: str, data: bytes,
                                                     reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(LoadError) as info:
        load_article(path)
    assert _one_line(info.value) == reason


def test_one_visible_character_is_an_article(tmp_path: Path) -> None:
    path = tmp_path / "short.txt"
    path.write_bytes(b"\n\n  Yes.\n")
    assert load_article(path).text == "Yes."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Caf\u00e9 na\u00efve.".encode(), "utf-8"),
        (b"\xef\xbb\xbf" + "Caf\u00e9 na\u00efve.".encode(), "utf-8"),
        ("Caf\u00e9 na\u00efve.".encode("utf-16"), "utf-16"),
    ],
)
def test_unicode_encodings(data: bytes, encoding: str) -> None:
    text, found = decode(data, "x.txt")
    assert text == "Caf\u00e9 na\u00efve."
    assert found == encoding


def test_legacy_encoding_is_detected() -> None:
    data = ("Le café est très chaud. Déjà vu, à côté de l'église. " * 5).encode("cp1252")
    text, encoding = decode(data, "x.txt")
    assert "café" in text and "église" in text
    assert encoding != "utf-8"


def test_line_endings_and_nul_are_normalised() -> None:
    text, _ = decode(b"one\r\ntwo\rthree\x00four\n", "x.txt")
    assert text == "one\ntwo\nthree\ufffdfour\n"


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000), st.sampled_from(["txt", "md", "html"]))
def test_any_bytes_give_an_article_or_a_load_error(data: bytes, fmt: str) -> None:
    try:
        article = article_from_bytes(data, fmt, f"x.{fmt}")
    except LoadError as error:
        _one_line(error)
        return
    assert isinstance(article, Article)
    again = article_from_bytes(data, fmt, f"x.{fmt}")
    assert again.text == article.text and again.sha256 == article.sha256


def test_cyrillic_legacy_encoding_is_not_taken_for_western() -> None:
    data = ("Привет, как дела? Это обычный текст на русском языке. " * 5).encode("cp1251")
    text, encoding = decode(data, "x.txt")
    assert "Привет" in text, encoding


def test_utf8_with_a_stray_byte_keeps_its_accents_and_says_so() -> None:
    data = "Valid UTF-8 sentence with é. And more café.\n".encode() + b"\xff stray byte.\n"
    article = article_from_bytes(data, "txt", "x.txt")
    assert article.text == "Valid UTF-8 sentence with é. And more café. \ufffd stray byte."
    assert article.notices and "not valid UTF-8" in article.notices[0]
    assert article.encoding.startswith("utf-8")


@settings(max_examples=100)
@given(st.text(st.sampled_from(list("ab .éüßж€😀")), min_size=1, max_size=200),
       st.lists(st.integers(0, 10_000), min_size=1, max_size=3))
def test_a_few_damaged_bytes_in_utf8_leave_the_rest_whole(text: str, places: list[int]) -> None:
    encoded = text.encode()
    if sum(1 for ch in text if ord(ch) > 127) < len(places):
        encoded += "é".encode() * len(places)  # at least as many good sequences as bad bytes
        text += "é" * len(places)
    cuts = sorted({p % (len(encoded) + 1) for p in places})
    # Put the stray bytes only between characters, so no good sequence is broken.
    boundaries = [i for i in range(len(encoded) + 1)
                  if i == len(encoded) or (encoded[i] & 0xC0) != 0x80]
    cuts = sorted({boundaries[c % len(boundaries)] for c in cuts})
    damaged = bytearray(encoded)
    for offset, cut in enumerate(cuts):
        damaged[cut + offset:cut + offset] = b"\xff"
    decoded, encoding = decode(bytes(damaged))
    assert encoding.startswith("utf-8")
    assert decoded.replace("\ufffd", "") == text and decoded.count("\ufffd") == len(cuts)


def test_legacy_text_is_still_read_as_legacy() -> None:
    sentence = "The café serves crème brûlée every day, and the naïve visitors love it. "
    decoded, encoding = decode((sentence * 3).encode("cp1252"))
    assert encoding == "cp1252" and decoded.startswith("The café serves crème brûlée")
