"""The cue scanner's trie of literal openings (compiled in milliseconds instead
of ~0.1 s for one expression of every whole cue)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from app.core.cues import (
    _branches,
    _by_first_letter,
    _literal_opening,
    _trie_pattern,
    load_lexicon,
)
from tests.conftest import SAMPLE

_WORD = st.text(alphabet="abn .'-", min_size=1, max_size=6)


@given(st.sets(_WORD, min_size=1, max_size=30), st.text(alphabet="abn .'-x", max_size=10))
def test_the_trie_finds_the_longest_word_a_text_starts_with(words: set[str], text: str) -> None:
    match = re.compile(_trie_pattern(words)).match(text)
    starting = [w for w in words if text.startswith(w)]
    if not starting:
        assert match is None
    else:
        assert match is not None and match.group() == max(starting, key=len)


def test_literal_openings_stop_before_anything_optional() -> None:
    assert _literal_opening("m", "ay(?:be)?") == "may"
    assert _literal_opening("c", "olou?r") == "colo"
    assert _literal_opening("n", "o guarantees?") == "no guarantee"
    assert _literal_opening("s", "tud(?:y|ies)") == "stud"
    assert _literal_opening("a", r"\s+b") == "a"
    assert _literal_opening("x", "*") == "x"


def test_everything_an_entry_matches_starts_with_one_of_its_openings() -> None:
    """The trie only proposes places; the entry's own expression decides. So
    each entry's openings must start everything it can match (here: on the
    sample article, some written sentences, and every opening itself)."""
    lexicon = load_lexicon()
    text = SAMPLE.read_text(encoding="utf-8") + (
        " Some experts believe it may help, but no guarantee is given. Order now and save "
        "30% with code NERVE30! Studies suggest that it could possibly work. Maybe not.")
    lowered = text.lower() + " " + " ".join(o for s in lexicon.scanners for o in s.names)
    checked = 0
    for entries in lexicon.entries.values():
        for entry in entries:
            found = [_by_first_letter(b) for b in _branches(entry.source)]
            if not entry.bounded or entry.case_sensitive or None in found:
                continue  # searched on its own, not through the trie
            pairs = [pair for some in found for pair in some or []]
            openings = {_literal_opening(first, rest) for first, rest in pairs}
            for match in entry.regex.finditer(lowered):
                assert match.group().startswith(tuple(openings)), (entry.id, match.group())
                checked += 1
    assert checked > 50
