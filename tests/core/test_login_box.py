"""A login box is no text of the article (session 15, R: Herald Sun's "Login using your
social network", "Login using your Newspass account" and "Subscribe now to access Herald
Sun." stayed around its forms, the last one a claim)."""

from __future__ import annotations

from app.core.loaders import article_from_bytes

_STORY = ("<p>The Prime Minister has spent the week defending a budget that his own "
          "backbench has called unfair to pensioners and young families alike.</p>"
          "<p>Treasury figures released on Friday show the deficit is larger than forecast "
          "in December, and the gap is expected to widen next year.</p>")


def _text(body: str) -> str:
    page = f"<html><head><title>Budget</title></head><body>{body}</body></html>"
    return article_from_bytes(page.encode(), "html", "page.html").text


_LOGIN = (
    "<div class='module'><div class='module-header'><ul><li><a href='/login'>Login</a></li>"
    "<li><a href='/subscribe'>Subscribe</a></li></ul></div>"
    "<div class='content-item'><div class='ci-header'><h4>Login using your social network</h4>"
    "<form action='/social'><button>Login with Facebook</button></form></div>"
    "<div class='ci-content'><h4>Login using your Newspass account</h4>"
    "<form action='/rest' method='POST'><label>Username</label><input type='text'>"
    "<label>Password</label><input type='password' name='password'>"
    "<button type='submit'>Login</button></form></div>"
    "<div class='ci-footer'><ul><li>Subscribe now to access Herald Sun.</li>"
    "<li><a href='/offers'>Subscribe</a></li></ul></div></div></div>")


def test_a_login_box_goes_with_its_prompts() -> None:
    text = _text(f"<div>{_LOGIN}</div><div><h1>Budget under fire</h1>{_STORY}</div>")
    assert "Login using" not in text and "Subscribe now" not in text
    assert "Treasury figures released on Friday" in text


def test_a_password_field_inside_the_article_does_not_take_the_article() -> None:
    """The box stops below the article: its sentences stay."""
    text = _text(f"<article><h1>Budget under fire</h1>{_STORY}<form><input type='password'>"
                 "</form></article>")
    assert "Treasury figures released on Friday" in text


def test_a_short_story_beside_a_login_form_stays() -> None:
    text = _text(f"<div><h1>Budget under fire</h1>{_STORY}{_LOGIN}</div>")
    assert "Treasury figures released on Friday" in text and "Login using" not in text
