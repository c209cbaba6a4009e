"""A story's date line and the other lines of its byline's list are meta, not claims.

Seen on Readability's test pages (a news column: "by: Laurie Oakes" / "From: Herald
Sun" / "March 13, 2015 9:00PM" as a list under the headline; the last two became
claims); the pages below are written for the test.
"""

from __future__ import annotations

from app.core.article import Article
from app.core.claims import find_claims
from app.core.loaders import article_from_bytes

STORY = ("<p>The city council voted on Tuesday to close the old bridge to cars from next "
         "spring, after engineers found that two of its piers had settled.</p>"
         "<p>Cyclists and walkers will still be able to cross while the repairs go on, and a "
         "temporary bus route will link both banks of the river every ten minutes.</p>")
INFO = ('<div class="story-info"><ul><li class="byline first"><span>by:</span> '
        '<cite class="author">Jane Row</cite></li><li class="source"><span>From:</span> '
        '<cite>City Courier</cite></li><li class="date-and-time last"><span class="datestamp">'
        'March 13, 2015</span> <span class="timestamp">9:00PM</span></li></ul></div>')


def _load(body: str) -> Article:
    html = f"<html><head><title>Bridge</title></head><body><main>{body}</main></body></html>"
    return article_from_bytes(html.encode(), "html", "story.html")


def _kinds(article: Article) -> dict[str, str]:
    return {article.text[b.start:b.end]: b.kind for b in article.blocks}


def _claims(article: Article) -> list[str]:
    return [article.text[c.start:c.end] for c in find_claims(article)]


def test_the_lines_of_a_byline_list_are_meta() -> None:
    article = _load(f"<h1>Bridge to close</h1>{INFO}{STORY}")
    kinds = _kinds(article)
    assert kinds["From: City Courier"] == "meta"
    assert kinds["March 13, 2015 9:00PM"] == "meta"
    assert not any("City Courier" in claim or "2015" in claim for claim in _claims(article))


def test_a_line_whose_class_names_a_date_is_meta() -> None:
    article = _load(f'<h1>Bridge to close</h1><div class="pub-date">Last modified on Sat 14 '
                    f'Mar 2015 10.12 GMT</div>{STORY}')
    assert _kinds(article)["Last modified on Sat 14 Mar 2015 10.12 GMT"] == "meta"


def test_an_id_named_after_a_function_is_no_date() -> None:
    # An API manual names its entries' anchors after the functions ("isDate").
    article = _load(f'<h1>Functions</h1>{STORY}<p id="isDate"><b>isDate</b> Returns true if '
                    'the object is a Date.</p>')
    assert "isDate Returns true if the object is a Date." in _claims(article)


def test_a_list_of_sentences_beside_a_byline_stays() -> None:
    listing = ('<ul><li class="author">Jane Row</li><li>The council will vote again in May.</li>'
               '<li>Residents can comment until April.</li></ul>')
    article = _load(f"<h1>Bridge to close</h1>{STORY}{listing}")
    claims = _claims(article)
    assert "The council will vote again in May." in claims
    assert "Residents can comment until April." in claims
