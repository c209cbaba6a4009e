"""The magnesium article, edited as a new version would be: every note right.

Each note is on a claim of the real article (../shared/corpus). After the
edits, a moved note is found unchanged at its new place, a reworded one
fuzzy on its sentence (starting and ending on its words), a deleted one
orphaned, and a note whose sentence was reworded while a copy of the old
wording was pasted into another paragraph stays on its own sentence.
"""

from __future__ import annotations

from pathlib import Path

from app.core.anchoring import anchor_all
from app.core.annotations import annotation_for_span
from app.core.claims import find_claims
from app.core.loaders import load_article

MOVED = "Managing neuropathy can be challenging, as the underlying causes are varied and complex."
REWORDED = ("Research has shown that magnesium deficiency can lead to nerve damage and worsen "
            "neuropathic symptoms.")
REWORDED_NOW = ("Research has repeatedly shown that magnesium deficiency may lead to nerve damage "
                "and worsen neuropathic symptoms.")
DELETED = "Inflammation is a common feature of neuropathic conditions and can contribute to nerve"
DUPLICATED = ("Neurotransmitters are chemical messengers that transmit signals between nerve "
              "cells.")
DUPLICATED_NOW = ("Neurotransmitters are the chemical messengers that carry signals between nerve "
                  "cells.")


def test_the_edited_article_keeps_every_note_in_its_right_place(corpus: Path) -> None:
    article = load_article(corpus / "magnesium-neuropathy.txt")
    text = article.text
    spans = {c.start: c for c in find_claims(article)}
    notes = {}
    for key in (MOVED, REWORDED, DELETED, DUPLICATED):
        start = text.index(key)
        claim = spans[start]
        notes[key] = annotation_for_span(text, claim.start, claim.end, label="uncertain")
    deleted_sentence = text[notes[DELETED].start:notes[DELETED].end]
    new = ("Updated in 2026 with a reader's corrections.\n" + text)
    new = new.replace(MOVED + " ", "").replace(
        "One mineral that has shown promise", MOVED + " One mineral that has shown promise")
    new = new.replace(REWORDED, REWORDED_NOW)
    new = new.replace(deleted_sentence + " ", "")
    new = new.replace(DUPLICATED, DUPLICATED_NOW)
    new = new.replace("Furthermore,", DUPLICATED + " Furthermore,", 1)
    assert new.count(DUPLICATED) == 1 and deleted_sentence not in new
    placed = {p.annotation.id: p.anchor for p in anchor_all(list(notes.values()), new)}
    moved, reworded, deleted, duplicated = (placed[notes[k].id] for k in
                                            (MOVED, REWORDED, DELETED, DUPLICATED))
    assert moved.status == "moved" and new[moved.start:moved.end] == MOVED
    assert reworded.status == "fuzzy" and new[reworded.start:reworded.end] == REWORDED_NOW
    assert deleted.status == "orphaned"
    assert duplicated.status == "fuzzy"
    assert new[duplicated.start:duplicated.end] == DUPLICATED_NOW
