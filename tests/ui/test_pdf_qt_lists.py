"""A list printed by Qt's PDF writer: its bullets are drawn as shapes, not set as
characters, so PDFium's text has none, and an item that filled its row ran on into
the next one (and a libxslt menu's items into one claim)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

from app.core.claims import find_claims
from app.core.loaders import load_article

_ITEMS = ["babies from birth to one year old who are being breastfed by the mother all day",
          "children aged one to four years old",
          "people who are not often outdoors in the daytime, such as those who live in a care "
          "home or are housebound all day",
          "people with dark skin"]
_PAGE = ("<p>Most people can get all the vitamin D they need from sunlight between late March "
         "and the end of the summer months in the year, so the groups are</p><ul{style}>"
         + "".join(f"<li>{item}</li>" for item in _ITEMS)
         + "</ul><p>Speak to a pharmacist if you are unsure.</p>")


def _print(path: Path, html: str, resolution: int | None = None) -> Path:
    document = QTextDocument()
    document.setHtml(f'<html><body style="font-family: serif; font-size: 10pt">{html}'
                     "</body></html>")
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    if resolution is not None:
        writer.setResolution(resolution)
    document.print_(writer)
    del writer
    return path


@pytest.mark.parametrize(("style", "resolution"), [
    ("", None), ("", 72), (' style="list-style-type: square"', None),
    (' style="list-style-type: circle"', 300)])
def test_each_item_of_a_qt_printed_list_is_a_claim(qapp, tmp_path: Path, style: str,
                                                   resolution: int | None) -> None:
    article = load_article(_print(tmp_path / "list.pdf", _PAGE.format(style=style),
                                  resolution))
    blocks = [(b.kind, article.text[b.start:b.end]) for b in article.blocks]
    assert [text for kind, text in blocks if kind == "list_item"] == _ITEMS, blocks
    claims = [article.text[c.start:c.end] for c in find_claims(article)]
    assert claims[1:5] == _ITEMS
    assert claims[5] == "Speak to a pharmacist if you are unsure."


def test_a_nested_numbered_list_is_no_part_of_its_item(qapp, tmp_path: Path) -> None:
    """Node.js's menu: "Other versions" then an <ol> under it ("1. 25.x", "2. 24.x
    LTS"): the numbers, set to the right of the item's text, ran on into it."""
    html = ("<ul><li>Code repository and issue tracker</li><li>Other versions</li>"
            '<ol style="margin-top:0px"><li>25.x</li><li>24.x LTS</li></ol></ul>')
    article = load_article(_print(tmp_path / "nested.pdf", html))
    texts = [article.text[b.start:b.end] for b in article.blocks]
    assert texts[:2] == ["Code repository and issue tracker", "Other versions"], texts
    assert texts[2:] == ["1. 25.x", "2. 24.x LTS"], texts
