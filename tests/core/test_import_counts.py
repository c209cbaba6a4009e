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
