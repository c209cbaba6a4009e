"""Lists of links are navigation; a list of the article's own items that link
is not (session 15, R: Firefox Nightly's weekly report lost its linked items)."""

from __future__ import annotations

from app.core.loaders import article_from_bytes

_INTRO = ("<p>Here is what the team did over the last two weeks, with the bugs that were "
          "fixed and the work still in progress.</p>")


def _text(body: str) -> str:
    page = f"<html><body><article><h1>Weekly report</h1>{body}</article></body></html>"
    return article_from_bytes(page.encode(), "html", "page.html").text


def test_an_item_that_is_one_link_stays_in_a_list_of_prose_items() -> None:
    text = _text(
        _INTRO + "<h3>Highlights</h3><ul>"
        "<li><a href='https://blog.example.org/2020/review'>Here’s our Year in Review!</a></li>"
        "<li>We’ve just landed <a href='https://bugs.example.org/1'>Bug 1553982</a>, which "
        "prevents starting an update while another instance is running.</li></ul>"
        "<h3>Performance</h3><ul>"
        "<li>emalysz fixed a performance issue with the Screenshots feature.</li>"
        "<li>bigiri has <a href='https://bugs.example.org/2'>a patch to move SharedDataMap.jsm "
        "off of OSFile</a></li></ul>")
    assert "Here’s our Year in Review!" in text
    assert "bigiri has a patch to move SharedDataMap.jsm off of OSFile" in text


def test_a_nested_list_of_links_under_a_prose_item_stays() -> None:
    text = _text(
        _INTRO + "<ul><li>We’ve got the green light for another round of students hacking "
        "on Picture-in-Picture next semester!</li><li>In progress:<ul>"
        "<li><a href='https://bugs.example.org/3'>Bug 1677080 – Fullscreen PiP window is "
        "affected by switching video source</a></li>"
        "<li><a href='https://bugs.example.org/4'>Bug 1677107 – Add Telemetry for tracking "
        "multiple PiP support usage</a></li></ul></li></ul>")
    assert "Bug 1677080 – Fullscreen PiP window is affected by switching video source" in text
    assert "Bug 1677107" in text


def test_a_list_of_links_alone_is_still_navigation() -> None:
    text = _text(
        _INTRO + "<p>The fixes are listed on the tracker, one line a bug.</p><ul>"
        "<li><a href='/archive/2020/12'>December 2020</a></li>"
        "<li><a href='/archive/2020/11'>November 2020</a></li>"
        "<li><a href='/about'>About this blog and its writers</a></li></ul>")
    assert "December 2020" not in text and "About this blog" not in text


def test_a_short_unlinked_item_does_not_make_a_menu_prose() -> None:
    """A menu's current page or a label ("You are here", "Home") is no prose."""
    text = _text(
        _INTRO + "<ul><li>Sections</li>"
        "<li><a href='/health'>Health news and research from our newsroom</a></li>"
        "<li><a href='/science'>Science stories from around the world</a></li></ul>")
    assert "Health news and research" not in text


def test_a_one_word_link_beside_a_sentence_is_still_a_control() -> None:
    """Herald Sun's login box: "Subscribe now to access Herald Sun." over its "Subscribe"."""
    text = _text(
        _INTRO + "<ul><li>Subscribe now to access Herald Sun.</li>"
        "<li><a href='/offers'>Subscribe</a></li></ul>")
    assert "\nSubscribe\n" not in text + "\n"
