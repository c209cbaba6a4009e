"""An import records each placed quote's count (claimmark:occurrences) as a note
made here would, counted for all notes in one pass over the text."""

from __future__ import annotations

from typing import Any

from app.core.annotations import occurrences_in
from app.core.importing import import_items

TEXT = ("Magnesium helps. Zinc is a mineral found in oysters. Magnesium helps. "
        "Vitamin D is made in the skin when sunlight falls on it. Nothing else here.")


def _item(n: int, exact: str) -> dict[str, Any]:
    return {"id": f"https://notes.example.org/{n}", "type": "Annotation",
            "body": {"type": "TextualBody", "value": f"note {n}"},
            "target": {"source": "https://example.org/page",
                       "selector": {"type": "TextQuoteSelector", "exact": exact}}}


def test_imported_notes_know_how_often_their_quotes_stand() -> None:
    quotes = ["Magnesium helps.", "Zinc is a mineral found in oysters.",
              "Vitamin D is made in the skin when sunlit falls on it."]  # a typo: fuzzy
    result = import_items([], [_item(n, q) for n, q in enumerate(quotes)], TEXT, "a.txt")
    assert result.placed == 3
    by_note = {a.note: a for a in result.annotations}
    assert by_note["note 0"].occurrences == 2
    assert by_note["note 1"].occurrences == 1
    fuzzy = by_note["note 2"]  # the judged words stand nowhere: no count
    assert fuzzy.exact == quotes[2] and fuzzy.occurrences is None
    for a in result.annotations:  # as one note at a time would count them
        assert a.occurrences == occurrences_in(TEXT, a.exact)


def test_importing_claimmarks_own_notes_again_adds_no_selectors() -> None:
    """Tester T10: notes imported from one article's claimmark file into a copy,
    then from that copy into another, gained a quote and a position selector
    at every hop."""
    from app.core.annotation_jsonld import annotation_to_jsonld
    from app.core.selectors import as_list

    item = _item(1, "Zinc is a mineral found in oysters.")
    counts = []
    for _hop in range(3):
        (placed,) = import_items([], [item], TEXT, "a.txt").annotations
        item = annotation_to_jsonld(placed, "copy.txt")
        item["id"] = "https://notes.example.org/1"
        counts.append(len(as_list(as_list(item["target"])[0]["selector"])))
    # Ours (a quote with its context and count, a position) and the other
    # tool's own quote, kept as it wrote it: three, at every hop.
    assert counts == [3, 3, 3]


def test_the_import_report_says_what_was_reworded_and_what_differed() -> None:
    """Tester T10: "imported 4: 4 placed" where all four sat on other wording,
    and "(1 already there)" for a colleague's newer version of a note."""
    typo = _item(2, "Vitamin D is made in the skin when sunlit falls on it.")
    first = import_items([], [_item(1, "Zinc is a mineral found in oysters."), typo], TEXT,
                         "a.txt")
    assert first.summary() == "imported 2: 2 placed, 0 could not be placed"
    assert first.reworded_note().startswith("1 of the placed notes sit on words that differ")
    newer = _item(1, "Zinc is a mineral found in oysters.")
    newer["body"] = {"type": "TextualBody", "value": "note 1, corrected by a colleague"}
    again = import_items(first.annotations, [newer, _item(2, typo["target"]["selector"][
        "exact"])], TEXT, "a.txt")
    assert again.added == 0 and again.already_there == 2 and again.differing == 1
    assert "1 of them different from the version here, which is kept" in again.summary()
    assert [a.note for a in again.annotations if a.id.endswith("/1")] == ["note 1"]


def _page_note(n: int, reply: bool) -> dict[str, Any]:
    """A Hypothesis-style page note or reply as W3C: a target with no selector."""
    return {"id": f"https://notes.example.org/p{n}", "type": "Annotation",
            "motivation": "replying" if reply else "commenting",
            "body": {"type": "TextualBody", "value": f"page {n}"},
            "target": "https://example.org/anno/1" if reply
            else {"source": "https://example.org/page"}}


def test_page_notes_and_replies_are_kept_apart_not_lost() -> None:
    # Tester T13: "imported 2: 0 placed, 2 could not be placed; none of their
    # words is in this article" for one page note and one reply.
    result = import_items([], [_page_note(1, False), _page_note(2, True)], TEXT, "a.txt")
    assert (result.added, result.placed, result.lost, result.no_text) == (2, 0, 0, 2)
    assert result.summary() == ("imported 2: 0 placed, 0 could not be placed, 2 page notes "
                                "and replies kept (they mark no text)")
    mixed = [_item(1, "Magnesium helps."), _item(2, "Not in this text at all, no."),
             _page_note(3, False)]
    result = import_items([], mixed, TEXT, "a.txt")
    assert result.summary() == ("imported 3: 1 placed, 1 could not be placed, 1 page note or "
                                "reply kept (they mark no text)")
