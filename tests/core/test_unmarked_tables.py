"""A page with no content markup keeps the tables of figures between its paragraphs.

trafilatura, reading such a page (an old table-laid news page, LWN's weekly edition
in Readability's test pages), turned a table inside a quote into a run of its first
column's links and dropped tables nested in a table's cells, so a report's figures
were lost while the sentences around them ("The most active developers were:")
stayed (``extraction_verdict``: a data table follows its neighbours).
"""

from __future__ import annotations

from app.core.article import Article
from app.core.loaders import article_from_bytes

PARA = ("The river authority measured the flow at every gauge along the valley during the "
        "spring floods, and the readings were published in the weekly bulletin. ")


def _rows(count: int, tenth: int) -> str:
    return "".join(f"<tr><td>Station {i}</td><td>{100 + i * 7}</td><td>{i}.{tenth}%</td></tr>"
                   for i in range(count))


SIDEBAR = ('<td class="Left"><div class="Side"><p class="Header">Sections</p>'
           '<p><a href="/a">Log in now</a></p><p><a href="/b">Subscribe</a></p></div></td>')
MENU = ('<table class="TopNavigation"><tr><td><a href="/w">Weekly edition</a></td>'
        '<td><a href="/k">Kernel</a></td><td><a href="/s">Security</a></td></tr>'
        '<tr><td><a href="/ar">Archives</a></td><td><a href="/c">Calendar</a></td>'
        '<td><a href="/su">Subscribe</a></td></tr></table>')
PAGE = f"""<html><head><title>Weekly bulletin</title></head><body>
<table class="Page"><tr>{SIDEBAR}<td>{MENU}<div class="Text"><h2>Flood readings for March</h2>
<p>{PARA * 2}</p><p>The flow at each gauge, in cubic metres a second:</p>
<blockquote><table><tr><th>Gauge</th><th>Flow</th><th>Share</th></tr>{_rows(8, 1)}</table>
</blockquote>
<p>{PARA}The upper stations saw the highest readings since the records began.</p>
<p>The two largest tributaries compared:</p>
<blockquote><table><tr><th colspan="2">Tributaries</th></tr><tr>
<td valign="top"><table><tr><th colspan="3">North</th></tr>{_rows(6, 2)}</table></td>
<td valign="top"><table><tr><th colspan="3">South</th></tr>{_rows(6, 3)}</table></td>
</tr></table></blockquote>
<p>{PARA}Both tributaries peaked within a day of each other, which nobody expected.</p>
</div></td></tr></table>
<p>Copyright 2015 the river authority.</p></body></html>"""


def _load(html: str) -> Article:
    return article_from_bytes(html.encode(), "html", "bulletin.html")


def _blocks(article: Article) -> list[tuple[str, str]]:
    return [(b.kind, article.text[b.start:b.end]) for b in article.blocks]


def test_a_table_in_a_quote_keeps_every_row() -> None:
    got = _blocks(_load(PAGE))
    assert ("table_header", "Gauge | Flow | Share") in got
    for i in range(8):
        assert ("table_row", f"Station {i} | {100 + i * 7} | {i}.1%") in got


def test_tables_nested_in_cells_keep_their_rows_in_order() -> None:
    got = _blocks(_load(PAGE))
    texts = [text for _, text in got]
    for tenth in (2, 3):
        for i in range(6):
            assert f"Station {i} | {100 + i * 7} | {i}.{tenth}%" in texts
    assert texts.index("North") < texts.index("Station 5 | 135 | 5.2%") < texts.index(
        "South") < texts.index("Station 0 | 100 | 0.3%")
    assert texts.index("The two largest tributaries compared:") < texts.index("Tributaries")


def test_menus_and_sidebars_laid_out_in_tables_stay_out() -> None:
    text = _load(PAGE).text
    for furniture in ("Weekly edition", "Calendar", "Log in now", "Sections"):
        assert furniture not in text


def test_a_table_after_the_article_is_not_taken_in() -> None:
    # Neighbours decide: a table of figures after the article's end, followed by
    # the site's links, stays out, as trafilatura judged it.
    page = PAGE.replace("<p>Copyright 2015 the river authority.</p>",
                        '<div class="footer"><table><tr><th>Site</th><th>Visits</th></tr>'
                        '<tr><td>North office</td><td>41</td></tr>'
                        '<tr><td>South office</td><td>17</td></tr></table>'
                        '<p><a href="/about">About us</a></p><p><a href="/jobs">Jobs</a></p>'
                        '<p><a href="/privacy">Privacy</a></p></div>')
    assert "North office" not in _load(page).text


def test_a_table_of_links_between_paragraphs_is_still_a_menu() -> None:
    # Titles of other pages with their dates: a menu, even with words that are no
    # link (set in a quote, where trafilatura drops a table whatever it holds).
    links = ('<blockquote><table>'
             '<tr><td><a href="/1">Earlier bulletins</a></td><td>1 March</td></tr>'
             '<tr><td><a href="/3">Flood maps</a></td><td>8 March</td></tr>'
             '<tr><td><a href="/4">Contact the authority</a></td><td>9 March</td></tr>'
             '</table></blockquote>')
    page = PAGE.replace("<p>The two largest tributaries compared:</p>",
                        f"{links}<p>The two largest tributaries compared:</p>")
    assert "Flood maps" not in _load(page).text
