"""Teasers of other pages under an article are no claims of it (``teaser_cards``).

Seen on Readability's test pages (a news column's "Other Opinion Columns": a kicker,
a linked headline, the first line of each story, which became claims of the
column); the pages below are written for the test.
"""

from __future__ import annotations

from app.core.article import Article
from app.core.claims import find_claims
from app.core.loaders import article_from_bytes

STORY = ("<p>The city council voted on Tuesday to close the old bridge to cars from next "
         "spring, after engineers found that two of its piers had settled.</p>"
         "<p>Cyclists and walkers will still be able to cross while the repairs go on, and a "
         "temporary bus route will link both banks of the river every ten minutes.</p>"
         "<p>The repairs are expected to take eighteen months and to cost the city about "
         "four million pounds, most of it from the transport budget.</p>")


def _card(kicker: str, title: str, line: str, slug: str) -> str:
    return (f'<div class="story-block"><h4 class="heading"><strong class="kicker">{kicker}'
            f'</strong> <a href="/news/{slug}">{title}</a></h4><a href="/news/{slug}">'
            f'<img src="/i/{slug}.jpg" alt="{title}"></a><p class="standfirst">{line}</p>'
            '<div class="storyblock-footer"><span class="share"></span></div></div>')


CARDS = (
    '<div class="group"><h2>Other columns</h2><div class="module-content">'
    + _card("Editorial", "A lasting legacy", "THE former mayor was a reformer who never "
            "stopped arguing for the city's parks.", "legacy")
    + _card("Shopping", "Good for some", "THE good thing about the new market is that it is "
            "cheap and the produce is fresh.", "market")
    + _card("Own backyard", "Local issues first", "IT is nice to think the city is a player on "
            "the world stage but, really, it is not.", "local")
    + "</div></div>")


def _load(html: str) -> Article:
    return article_from_bytes(html.encode(), "html", "story.html")


def _claims(article: Article) -> list[str]:
    return [article.text[c.start:c.end] for c in find_claims(article)]


def _page(body: str) -> str:
    return f"<html><head><title>Bridge to close</title></head><body>{body}</body></html>"


def test_teasers_under_an_unmarked_article_are_no_claims() -> None:
    # The cards in the story's own box, after its body, as the column's page has them.
    article = _load(_page(f"<div id='story'><h1>Bridge to close</h1><div class='story-body'>"
                          f"{STORY}</div>{CARDS}</div>"))
    claims = _claims(article)
    assert any(claim.startswith("The city council voted") for claim in claims)
    assert not any("former mayor" in claim or "new market" in claim or "world stage" in claim
                   for claim in claims)


def test_cards_that_are_one_link_around_a_title_go_inside_main() -> None:
    cards = "".join(f'<div class="card"><a href="/blog/{n}"><span>Insights</span><h4>{t}</h4>'
                    f'</a><p>{line}</p></div>' for n, t, line in (
                        ("a", "How we rebuilt the bridge", "Engineers explain the piers."),
                        ("b", "Buses on both banks", "The new route runs every ten minutes.")))
    article = _load(_page(f"<main><h1>Bridge to close</h1>{STORY}<div class='cards'>{cards}"
                          "</div></main>"))
    assert "Engineers explain" not in article.text
    assert "The repairs are expected" in article.text


def test_a_page_of_teasers_keeps_them() -> None:
    article = _load(_page(f"<h1>Opinion</h1>{CARDS}"))
    assert "former mayor" in article.text


def test_sections_whose_headings_link_to_themselves_stay() -> None:
    # Documentation: short sections headed by a link to the section itself ("¶").
    sections = "".join(
        f'<div class="section" id="s{i}"><h3><a class="toc-backref" href="#t{i}">Step {i}</a>'
        f'<a class="headerlink" href="#s{i}">¶</a></h3><p>Run the command number {i} and '
        'check that the bridge model still loads.</p></div>' for i in range(4))
    article = _load(_page(f"<main><h1>Bridge model</h1>{STORY}{sections}</main>"))
    assert "Run the command number 3 and check that the bridge model still loads." in _claims(
        article)


def test_a_single_linked_heading_in_an_article_is_no_set() -> None:
    box = ('<div class="box"><div class="aside"><h3><a href="/news/earlier">Earlier: the '
           'bridge inspection</a></h3><p>Engineers first saw the settling piers in a routine '
           'survey.</p></div></div>')
    article = _load(_page(f"<main><h1>Bridge to close</h1>{STORY}{box}<p>Council members "
                          "will meet residents next week.</p></main>"))
    assert "Engineers first saw the settling piers in a routine survey." in _claims(article)
