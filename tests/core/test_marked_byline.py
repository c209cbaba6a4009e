"""The byline a page marks as its byline names the author, over trafilatura's guess
(session 15, R: both Washington Post pages read "By Username", the account menu's
placeholder, and without it trafilatura took "Follow" from "Follow @erinmcunningham")."""

from __future__ import annotations

from app.core.loaders import article_from_bytes

_STORY = ("<p>Gunmen opened fire on visitors at the country’s most renowned museum on "
          "Wednesday, killing at least 19 people, in an assault that threatened to upset "
          "the fragile stability of the country.</p>"
          "<p>It was the most deadly attack in the nation in more than a decade, and no "
          "group has yet claimed responsibility for it.</p>")


def _lines(body: str) -> list[str]:
    page = f"<html><head><title>Attack</title></head><body>{body}</body></html>"
    return article_from_bytes(page.encode(), "html", "page.html").text.split("\n")


def _page(byline: str) -> str:
    return ("<header><div id='nav-user' class='nav-btn hidden'><span class='username'>"
            "Username</span></div></header>"
            f"<div class='pb-sig-line'>{byline}<span class='tweet-authors'><a "
            "href='https://twitter.com/@erinmcunningham'>Follow @erinmcunningham</a></span>"
            "</div><article><h1>Attack stokes fears</h1>" + _STORY + "</article>")


def test_the_marked_byline_names_the_author_not_the_account_menu() -> None:
    lines = _lines(_page("<span class='pb-byline'>By <a href='/people/erin'>Erin "
                         "Cunningham</a></span>"))
    assert "By Erin Cunningham" in lines[1]
    assert "Username" not in "\n".join(lines) and "Follow" not in lines[1]


def test_a_byline_class_without_by_is_no_author_line() -> None:
    """A byline box that holds a name and a time is not read as "By NAME"."""
    lines = _lines(_page("<div class='c-byline'><a href='/a/jo'>Jo Park</a> "
                         "<time>9:05 AM ET</time></div>"))
    assert not any(line.startswith("By Jo Park 9:05") for line in lines)


def test_a_byline_that_agrees_with_the_metadata_changes_nothing() -> None:
    body = ("<div class='byline'>By <span class='author'>Dana Smith</span></div>"
            "<article><h1>Attack stokes fears</h1>" + _STORY + "</article>")
    assert _lines(body)[1].startswith("By Dana Smith")
