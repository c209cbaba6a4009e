"""Menus and terms of a page printed by Qt: a column of one- or two-word lines is a
menu, a term set above its indented description names it; neither is a claim
(helper P13's leftover: a printed page's "File", "Edit"… were one-word claims)."""

from __future__ import annotations

from pathlib import Path

from app.core.claims import find_claims
from app.core.loaders import load_article
from tests.ui.test_pdf_qt_lists import _print

_MENU = ["File", "Edit", "View", "Go to", "Window", "Help"]
_INTRO = ("The reader opens an article from the File menu, and the Go to menu moves between "
          "claims without the mouse.")
_TERMS = {"root": "The superuser owns every file of the base system, runs the daemons that "
                  "start when the machine boots, and may read and change any file at all.",
          "daemon": "Some unprivileged daemons that need to write files of their own run as "
                    "this user, though most now have a user of their own instead.",
          "nobody": "Daemons that need no files of their own run as nobody, so that a fault "
                    "in one of them cannot change the files of any other user."}
_MORE = "ChangeLog"  # the one item under the menu's own title, "More"
_PAGE = ("<p>{intro}</p>" + "".join(f"<p>{item}</p>" for item in _MENU)
         + f"<p><b>More</b></p><p>{_MORE}</p>"
         + "<p>Each account below is made when the base system is installed.</p>"
         + "".join(f'<p>{term}</p><p style="margin-left: 40px">{text}</p>'
                   for term, text in _TERMS.items())
         + "<p>Other accounts are made by the packages that need them.</p>")


def test_a_menu_and_a_definition_lists_terms_are_no_claims(qapp, tmp_path: Path) -> None:
    # (at 72 dpi a CSS pixel is a point: the descriptions sit 40 pt right of their terms)
    article = load_article(_print(tmp_path / "menu.pdf", _PAGE.format(intro=_INTRO), 72))
    claims = [article.text[c.start:c.end] for c in find_claims(article)]
    blocks = [(b.kind, article.text[b.start:b.end]) for b in article.blocks]
    assert not {*_MENU, _MORE} & set(claims), blocks
    assert ("heading", "More") in blocks
    assert not set(_TERMS) & set(claims), blocks
    assert claims == [_INTRO, "Each account below is made when the base system is installed.",
                      *_TERMS.values(), "Other accounts are made by the packages that need them."]


def test_two_short_lines_are_no_menu(qapp, tmp_path: Path) -> None:
    # Two one-word lines in a row may be a reply and a greeting: they stay as they were.
    page = _PAGE.format(intro=_INTRO).replace(
        "".join(f"<p>{item}</p>" for item in _MENU) + f"<p><b>More</b></p><p>{_MORE}</p>",
        "<p>Agreed</p><p>Thanks</p>")
    article = load_article(_print(tmp_path / "two.pdf", page, 72))
    claims = [article.text[c.start:c.end] for c in find_claims(article)]
    assert "Agreed" in claims and "Thanks" in claims


def test_a_menu_item_its_narrow_column_wrapped_is_part_of_the_menu(qapp,
                                                                   tmp_path: Path) -> None:
    items = ["Home", "Reporting bugs and<br>getting help", "Downloads", "News"]
    page = _PAGE.format(intro=_INTRO).replace(
        "".join(f"<p>{item}</p>" for item in _MENU),
        "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>")
    article = load_article(_print(tmp_path / "wrapped.pdf", page, 72))
    blocks = [(b.kind, article.text[b.start:b.end]) for b in article.blocks]
    assert ("meta", "Reporting bugs and getting help") in blocks, blocks
    claims = [article.text[c.start:c.end] for c in find_claims(article)]
    assert not {"Home", "Reporting bugs and getting help", "Downloads", "News"} & set(claims)
