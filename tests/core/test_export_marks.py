"""Every note is findable from the text of the export, its marker is unlike the
article's own citation markers, a reworded note says so, and the article's
reference numbers and entries come out whole (tester T8, session 9).

The case is T8's: a saved health page with superscript and bracketed
citations and a numbered reference list (``<ol>``, so the numbers are markup),
labelled claims, a note on part of a labelled sentence, and a sentence
reworded after it was labelled (it re-anchors as "fuzzy", shown as changed).
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.annotations import Annotation, annotation_for_span
from app.core.article import Article
from app.core.claims import find_claims
from app.core.export import ExportModel, build_export_model, export_text
from app.core.export.model import missing_number
from app.core.loaders import load_article
from tests.conftest import FIXTURES

HEALTH = FIXTURES / "pages" / "health-references.html"
PART = "with the largest benefit in people who were very deficient at the start"
JUDGED = "about one in six adults has levels"
NOW = "roughly one in five adults has levels"
LONG_DOI = "doi:10.1016/S2213-8587(21)00051-6"
MARK = re.compile(r'<span class="mark" style="[^"]*">(?:<a id="[a-z]+-\d+">)?&nbsp;(?:</a>)?'
                  r'(?:<a href="#[a-z]+-\d+" style="[^"]*">)?N(\d+)(?:</a>)?&nbsp;</span>')
NOTE_DIV = re.compile(r'<div class="note">.*?</div>', re.DOTALL)


def health_notes(article: Article) -> list[Annotation]:
    text = article.text
    claims = find_claims(article)

    def on(words: str, **fields: object) -> Annotation:
        claim = next(c for c in claims if words in text[c.start:c.end])
        return annotation_for_span(text, claim.start, claim.end, **fields)

    part = text.index(PART)
    return [
        on("A 2017 meta-analysis", label="supported", note="Checked: Martineau 2017.",
           sources=("https://doi.org/10.1136/bmj.i6583",)),
        annotation_for_span(text, part, part + len(PART), note="Subgroup, not the headline."),
        on("Research has shown", label="uncertain", note="No reference given."),
        on("However, a larger 2021", label="supported", note="Lancet D&E 2021."),
        on("Our SunBoost", label="advertising"),
        on("In the United Kingdom", label="uncertain", note="Check the NDNS year."),
        annotation_for_span("A sentence the page no longer has at all.", 0, 41,
                            label="uncertain", note="Lost one."),
    ]


def health_model(tmp_path: Path) -> ExportModel:
    """T8's notes, made on the page, then exported after the page was reworded."""
    page = tmp_path / "vitamin-d.html"
    shutil.copy(HEALTH, page)
    notes = health_notes(load_article(page))
    page.write_text(HEALTH.read_text(encoding="utf-8").replace(
        "about one in six adults", "roughly one in five adults"), encoding="utf-8")
    article = load_article(page)
    return build_export_model(article, notes, len(find_claims(article)), author="T8")


def article_part(page: str) -> str:
    """The exported article's text with our markers as ⟨N3⟩, notes and legend left out."""
    body = page.split("<hr>", 1)[1].split("<h2>Notes that lost their place</h2>", 1)[0]
    body = MARK.sub(lambda m: f"⟨N{m.group(1)}⟩", NOTE_DIV.sub("", body))
    return html.unescape(re.sub(r"<[^>]+>", "", body))


def test_a_note_on_part_of_a_labelled_sentence_is_marked_where_it_ends(tmp_path: Path) -> None:
    model = health_model(tmp_path)
    page = export_text(model, "html")
    text = article_part(page)
    numbers = {item.annotation.note: n for n, item in enumerate(model.items, 1)}
    part, whole = numbers["Subgroup, not the headline."], numbers["Checked: Martineau 2017."]
    assert f"{PART}⟨N{part}⟩.[4]⟨N{whole}⟩" in text.replace("\n", " ")
    # Its note says which part it is on, since the tint alone does not.
    note = next(d for d in NOTE_DIV.findall(page) if "Subgroup" in d)
    assert f"On “{PART}”" in note
    sentence = next(d for d in NOTE_DIV.findall(page) if "Martineau" in d)
    assert "On “" not in sentence  # the sentence's own note: its tint says where
    assert "text-decoration:underline" in page  # the overlapping part is underlined


def test_every_placed_note_has_one_marker_in_the_text(tmp_path: Path) -> None:
    model = health_model(tmp_path)
    found = re.findall(r"⟨N(\d+)⟩", article_part(export_text(model, "html")))
    assert sorted(map(int, found)) == list(range(1, len(model.placed) + 1))


def test_our_markers_are_not_the_articles_citation_numbers(tmp_path: Path) -> None:
    model = health_model(tmp_path)
    page = export_text(model, "html")
    text = article_part(page)
    # The article's own markers, as the article writes them, and nothing of ours like them.
    assert "deficient.[2]" in text and "boluses.[5]" in text
    assert "<sup" not in page
    ours = re.findall(r"\[\d+\]", text)
    theirs = re.findall(r"\[\d+\]", model.article.text)
    entries = [f"[{n}]" for n in range(1, 8)]  # the reference list's numbers, shown
    assert sorted(ours) == sorted(theirs + entries)
    assert "marks the reviewer's note 1" in page  # the legend, with what a citation is
    assert "are the article's own citations" in page and "Underlined</span> text" in page
    markdown = export_text(model, "md")
    assert [f"### N{n}." in markdown for n in range(1, len(model.items) + 1)] == [True] * len(
        model.items)


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_a_reworded_note_says_so_and_shows_what_it_was_written_on(tmp_path: Path,
                                                                 fmt: str) -> None:
    model = health_model(tmp_path)
    [changed] = [item for item in model.items if item.changed]
    assert changed.annotation.exact.count(JUDGED) == 1
    out = export_text(model, fmt)
    number = model.items.index(changed) + 1
    if fmt == "html":
        [note] = [d for d in NOTE_DIV.findall(out) if "Check the NDNS year." in d]
        assert [int(n) for n in MARK.findall(note)] == [number]
    else:
        note = out.split(f"### N{number}.", 1)[1].split("\n### ", 1)[0]
    assert "wording changed" in note and "The note was written on:" in note
    assert JUDGED in note and NOW in note
    assert note.index(JUDGED) < note.index(NOW)
    assert sum("wording changed" in item for item in re.split(r"### N|<div", out)) == 1


def test_a_reworded_note_says_so_in_the_csv_too(tmp_path: Path) -> None:
    """Tester T9: the CSV said only "fuzzy". Its status says it plainly, the quote
    is the wording the note was written on, and "now reads" what the article says."""
    model = health_model(tmp_path)
    rows = list(csv.DictReader(io.StringIO(export_text(model, "csv"))))
    [changed] = [row for row in rows if row["status"] == "wording changed"]
    assert changed["note"] == "Check the NDNS year."
    assert JUDGED in changed["quote"] and NOW in changed["now reads"]
    assert NOW not in changed["quote"] and JUDGED not in changed["now reads"]
    assert all(row["now reads"] == "" for row in rows if row is not changed)
    assert "fuzzy" not in {row["status"] for row in rows}


def test_reference_entries_keep_their_numbers(tmp_path: Path) -> None:
    text = article_part(export_text(health_model(tmp_path), "html"))
    assert "[1] Holick MF. Vitamin D deficiency." in text
    assert "[3] Public Health England." in text
    assert "[7] Scientific Advisory Committee" in text


@pytest.mark.parametrize(("entry", "number", "added"), [
    ("Smith J. Magnesium. BMJ 2020.", 3, "[3] "),
    ("3. Smith J. Magnesium.", 3, ""),
    ("[3] Smith J. Magnesium.", 3, ""),
    ("3) Smith J. Magnesium.", 3, ""),
    ("30 patients were enrolled.", 3, "[3] "),
    ("12. Smith J.", 3, "[3] "),
    ("Smith J. Magnesium.", None, ""),
])
def test_a_reference_number_is_added_only_when_the_entry_lacks_it(
        entry: str, number: int | None, added: str) -> None:
    assert missing_number(entry, number) == added


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_cited_entries_are_whole_with_their_identifiers(tmp_path: Path, fmt: str) -> None:
    model = health_model(tmp_path)
    assert all("…" not in entry for item in model.items for entry in item.cited)
    out = export_text(model, fmt)
    notes = "".join(NOTE_DIV.findall(out)) if fmt == "html" else out.replace("\\", "")
    assert "doi:10.1136/bmj.i6583" in notes and LONG_DOI in notes
    assert ("[3] Public Health England. National Diet and Nutrition Survey: results from "
            "years 9 to 11 (2016 to 2019). https://www.gov.uk/government/statistics/"
            "ndns-results-from-years-9-to-11-2016-to-2017-and-2018-to-2019") in notes


@pytest.mark.parametrize("fmt", ["md", "csv", "html", "jsonld", "claimreview"])
def test_every_export_holds_every_note_in_every_state(tmp_path: Path, fmt: str) -> None:
    model = health_model(tmp_path)
    states = {item.status for item in model.items}
    assert {"moved", "fuzzy", "orphaned"} <= states
    out = export_text(model, fmt)
    if fmt == "csv":
        ids = [row["id"] for row in csv.DictReader(io.StringIO(out))]
        assert ids == [item.annotation.id for item in model.items]
    elif fmt == "jsonld":
        ids = [a["id"] for a in json.loads(out)["first"]["items"]]
        assert sorted(ids) == sorted(item.annotation.id for item in model.items)
    elif fmt == "claimreview":
        urls = [review["url"] for review in json.loads(out)]
        # Lost notes review no claim of the article: left out (tester T9).
        labelled = [item.annotation for item in model.items
                    if item.annotation.label != "none" and not item.orphaned]
        assert len(urls) == len(labelled)
        assert all(any(u.endswith(a.id.replace(":", "%3A")) for u in urls) for a in labelled)
    else:
        for item in model.items:
            assert item.annotation.note in out.replace("\\", "").replace("&amp;", "&")


ARTICLE = """# Title of a page

First paragraph, with a claim. Second claim here.[1] Third one.

- A list item that says something.
- Another item.

## References

1. Smith J. A paper. doi:10.1/abc
"""


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, len(ARTICLE)), st.integers(0, 80),
                          st.sampled_from(["none", "supported", "uncertain", "advertising"])),
                min_size=1, max_size=8))
def test_any_spans_give_every_note_one_marker_and_keep_the_text(
        tmp_path: Path, spans: list[tuple[int, int, str]]) -> None:
    """Nested, overlapping, empty, cross-block spans: each placed note is
    marked once, and the article's text is all there, in order."""
    path = tmp_path / "page.md"
    path.write_text(ARTICLE, encoding="utf-8")
    article = load_article(path)
    size = len(article.text)
    notes = [annotation_for_span(article.text, min(s, size), min(s + n, size), label=label,
                                 note=f"note {i}") for i, (s, n, label) in enumerate(spans)]
    model = build_export_model(article, notes, 5, status={a.id: "exact" for a in notes},
                               author="A")
    page = export_text(model, "html")
    text = article_part(page)
    found = re.findall(r"⟨N(\d+)⟩", text)
    assert sorted(map(int, found)) == list(range(1, len(notes) + 1))
    # The legend explains underlining exactly when some text is underlined.
    assert ("Underlined</span> text" in page) == ('underline">' in page.split("<hr>", 1)[1])
    # Every marker links to its note and back, and every link lands somewhere.
    ids = re.findall(r' id="([^"]+)"', page)
    assert len(ids) == len(set(ids)) == 2 * len(notes)
    assert set(re.findall(r' href="#([^"]+)"', page)) == set(ids)
    plain = re.sub(r"⟨N\d+⟩", "", text)
    lines = [article.text[b.start:b.end] for b in article.blocks]
    where = 0
    for line in lines:
        where = plain.index(html.unescape(line), where) + len(line)


def test_a_marker_follows_the_last_word_not_the_space_after_it(tmp_path: Path) -> None:
    path = tmp_path / "page.md"
    path.write_text(ARTICLE, encoding="utf-8")
    article = load_article(path)
    start = article.text.index("Second claim")
    end = article.text.index("Third")  # the selection took the space after "[1]" too
    note = annotation_for_span(article.text, start, end, label="uncertain")
    model = build_export_model(article, [note], 5, status={note.id: "exact"}, author="A")
    assert "here.[1]⟨N1⟩ Third one." in article_part(export_text(model, "html"))


def test_the_legend_speaks_of_citations_and_underlines_only_where_there_are(
        tmp_path: Path) -> None:
    path = tmp_path / "page.md"
    path.write_text(ARTICLE.split("## References")[0].replace("[1]", ""), encoding="utf-8")
    article = load_article(path)
    start = article.text.index("Second claim")
    note = annotation_for_span(article.text, start, start + 12, label="uncertain")
    model = build_export_model(article, [note], 5, status={note.id: "exact"}, author="A")
    page = export_text(model, "html")
    assert "marks the reviewer's note 1" in page
    assert "citations" not in page and "Underlined" not in page
    empty = export_text(build_export_model(article, [], 5, author="A"), "html")
    assert "reviewer's note" not in empty


def test_overlap_is_judged_on_the_spans_as_drawn_in_their_block(tmp_path: Path) -> None:
    """A note starting on the line break after a paragraph is drawn (empty) in
    that paragraph, and inside the note running on into the list below it
    only there, in the list item (underlined, its note saying which part)."""
    path = tmp_path / "page.md"
    path.write_text(ARTICLE, encoding="utf-8")
    article = load_article(path)
    text = article.text
    across = text.index("Third one.")
    on_break = text.index("\n", across)
    notes = [annotation_for_span(text, across, text.index("something"), label="uncertain"),
             annotation_for_span(text, on_break, on_break + 5, note="on the break")]
    model = build_export_model(article, notes, 5, status={a.id: "exact" for a in notes},
                               author="A")
    page = export_text(model, "html")
    paragraph, rest = page.split("<hr>", 1)[1].split("<ul>", 1)
    assert 'underline">' not in paragraph and 'underline">' in rest.split("</li>", 1)[0]
    assert "On “\nA li”" in page or "On “A li”" in page
    assert sorted(re.findall(r"⟨N(\d+)⟩", article_part(page))) == ["1", "2"]


def test_a_note_across_two_paragraphs_is_drawn_in_both(tmp_path: Path) -> None:
    """Tester T9: a note spanning two paragraphs was tinted only in the first.
    It is tinted in both; its marker follows its last word and its note is
    under the paragraph it ends in."""
    path = tmp_path / "page.md"
    path.write_text(ARTICLE.replace("- A list", "A paragraph"), encoding="utf-8")
    article = load_article(path)
    text = article.text
    start, end = text.index("Third one."), text.index(" that says")
    note = annotation_for_span(text, start, end, label="advertising", note="Across.")
    model = build_export_model(article, [note], 5, status={note.id: "exact"}, author="A")
    page = export_text(model, "html")
    body = page.split("<hr>", 1)[1]
    first, second = re.findall(r"<p>(.*?)</p>", body)[:2]
    tinted = '<span class="advertising" style="background-color:#f7d8c4">'
    assert f"{tinted}Third one.</span>" in first and "N1" not in first
    assert f"{tinted}A paragraph item</span>" in second
    assert "⟨N1⟩ that says" in article_part(page)
    assert body.index("Across.") > body.index("A paragraph item")


def test_markers_link_to_their_notes_and_back(tmp_path: Path) -> None:
    model = health_model(tmp_path)
    page = export_text(model, "html")
    body = page.split("<hr>", 1)[1]
    for number, item in enumerate(model.items, 1):
        [note] = [d for d in NOTE_DIV.findall(page) if f'<a id="note-{number}">' in d]
        assert html.escape(item.annotation.note) in note
        if item.orphaned:  # no place in the text to go back to
            assert f'href="#mark-{number}"' not in page
            continue
        assert f'href="#mark-{number}"' in note
        text_part = body.split(note, 1)[0]  # the marker in the text comes before its note
        assert f'<a id="mark-{number}">&nbsp;</a><a href="#note-{number}"' in text_part


def test_an_imported_note_cannot_take_our_markers_anchors(tmp_path: Path) -> None:
    path = tmp_path / "page.md"
    path.write_text(ARTICLE, encoding="utf-8")
    article = load_article(path)
    start = article.text.index("Second claim")
    note = annotation_for_span(article.text, start, start + 12, label="uncertain",
                               note='<a id="note-1" name="mark-1" href="#mark-1">x</a> '
                                    'id="kept" <b id="mark-1">as text</b>')
    model = build_export_model(article, [note], 5, status={note.id: "exact"}, author="A")
    page = export_text(model, "html")
    from html.parser import HTMLParser

    anchors: list[str] = []

    class Anchors(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            anchors.extend(value or "" for name, value in attrs
                           if name == "id" or (name == "name" and tag == "a"))

    Anchors().feed(page)
    assert anchors == ["mark-1", "note-1"]
    assert 'id="kept"' in page and "<b>as text</b>" in page  # text stays text
