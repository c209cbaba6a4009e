"""What the reader is told of a file's encoding, and the one they choose
(File ▸ Reopen with Encoding): HTML that declares no charset is named a guess as
plain text is; a chosen encoding is used whatever the bytes or the page say."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.loaders import load_article
from app.core.reading import ENCODING_TITLES, decode, encoding_title

CZECH = "Příliš žluťoučký kůň úpěl ďábelské ódy. Zdraví je důležité."
POLISH = "Zażółć gęślą jaźń, było ich pięć. Zdrowie jest ważne."  # every byte is cp1252 too
PAGE = ("<html><head>{head}<title>Krém</title></head><body><article><h1>Krém</h1>"
        "<p>{text}</p><p>Die Tagescreme kostet 5 €. Sie hilft nicht immer.</p>"
        "</article></body></html>")


def _page(tmp_path: Path, head: str, text: str, encoding: str, name: str = "page.html") -> Path:
    path = tmp_path / name
    path.write_bytes(PAGE.format(head=head, text=text).encode(encoding))
    return path


def _encoding_notices(path: Path, encoding: str | None = None) -> list[str]:
    return [n for n in load_article(path, encoding=encoding).notices
            if "guess" in n or "chosen" in n]


def test_html_that_declares_no_charset_says_its_encoding_was_guessed(tmp_path: Path) -> None:
    path = _page(tmp_path, "", "Die Crème à 5 € ist gut für Käufer.", "cp1252")
    article = load_article(path)
    assert "Crème" in article.text
    assert any("Windows-1252" in n and "guess" in n for n in article.notices), article.notices


@pytest.mark.parametrize("head", [
    '<meta charset="windows-1252">',
    '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">',
    '<meta charset="iso-8859-1">',
])
def test_html_that_declares_its_charset_is_no_guess(tmp_path: Path, head: str) -> None:
    path = _page(tmp_path, head, "Die Crème à 5 € ist gut für Käufer.", "cp1252")
    assert "Crème" in load_article(path).text
    assert _encoding_notices(path) == []


def test_utf8_html_and_a_bom_are_no_guess(tmp_path: Path) -> None:
    plain = _page(tmp_path, "", CZECH, "utf-8")
    assert _encoding_notices(plain) == []
    marked = tmp_path / "bom.html"
    marked.write_bytes(b"\xef\xbb\xbf" + plain.read_bytes())
    assert _encoding_notices(marked) == []


def test_a_chosen_encoding_is_used_and_named(tmp_path: Path) -> None:
    path = tmp_path / "czech.txt"
    path.write_bytes((CZECH + "\n").encode("cp1250"))
    assert load_article(path).encoding == "cp1250"  # the guess is right here
    wrong = load_article(path, encoding="cp1252")
    assert wrong.encoding == "cp1252" and "Pøíliš" in wrong.text
    assert [n for n in wrong.notices if "encoding" in n or "chosen" in n] == [
        "Read as Windows-1252 (Western European), as chosen. 1 character could not be read "
        "that way (shown as \ufffd)."]  # ť is 0x9D, which Windows-1252 leaves undefined
    right = load_article(path, encoding="windows-1250")
    assert right.text.startswith("Příliš") and right.encoding == "cp1250"


def test_a_chosen_encoding_beats_the_page_s_declaration(tmp_path: Path) -> None:
    path = _page(tmp_path, '<meta charset="windows-1252">', POLISH, "cp1250")
    assert "Za¿ó³æ" in load_article(path).text  # the page is wrong about itself
    chosen = load_article(path, encoding="cp1250")
    assert POLISH in chosen.text
    assert any("Windows-1250" in n and "chosen" in n for n in chosen.notices)


def test_bytes_a_chosen_encoding_cannot_read_are_counted(tmp_path: Path) -> None:
    path = tmp_path / "creme.txt"
    path.write_bytes("Crème à 5 €.\n".encode("cp1252"))  # è, à, €: three lone high bytes
    article = load_article(path, encoding="utf-8")
    assert article.text.count("\ufffd") == 3
    assert any("3 characters could not be read" in n for n in article.notices), article.notices


def test_every_offered_encoding_has_a_title() -> None:
    for name, title in ENCODING_TITLES.items():
        assert encoding_title(name) == title
    assert encoding_title("windows-1257") == "Windows-1257 (Baltic)"
    assert encoding_title("x-unknown") == "x-unknown"


@given(st.binary(max_size=200), st.sampled_from(sorted(ENCODING_TITLES)))
def test_a_chosen_encoding_never_refuses_the_bytes(data: bytes, encoding: str) -> None:
    """The reader's choice always reads (a wrong one shows U+FFFD), the same
    bytes the same text: a remembered choice can never lock a file out."""
    text, used = decode(data, "x.txt", encoding)
    assert decode(data, "x.txt", encoding) == (text, used)
    assert "\r" not in text and "\x00" not in text
