"""What a row of the claim list says in words beyond its quote: the line the
list draws under the quote (claim_delegate) and the whole row as a screen
reader reads it (claim_model's AccessibleTextRole). One wording for both, so
a reader who listens hears what a reader who looks sees (tester T13: a screen
reader said "none: …" and never heard of a note, a suggestion or a rewording);
and what the editor says of a claim's other notes (:func:`notes_in_claim`).
"""

from __future__ import annotations

from collections.abc import Sequence

from app.core.annotations import Annotation
from app.ui.note_preview import plain_note
from app.ui.palette import LABEL_TITLES

NO_TEXT = "marks no text: a note on the whole page, or a reply"
LOST = "lost its place — re-attach or delete"
REWORDED = "reworded since you labelled it — review"


def status_remark(no_text: bool, status: str) -> str:
    """The row's state in words ("" when there is nothing to say)."""
    if no_text:
        return NO_TEXT
    return {"orphaned": LOST, "fuzzy": REWORDED}.get(status, "")


def spoken_row(label: str | None, quote: str, suggested: str | None, remark: str,
               note: str) -> str:
    """The whole row for a screen reader. ``label`` is the note's label (None:
    no note on this claim), ``suggested`` the label suggested for it, if shown."""
    if label is None or label == "none":
        head = "Note without a label" if label == "none" else LABEL_TITLES["none"]
        if suggested:
            head += f", suggested {suggested}"
    else:
        head = LABEL_TITLES.get(label, label)
    words = [f"{head}: {quote}" if quote.strip() else head]  # a page note has no quote
    if remark:
        words.append(remark[0].upper() + remark[1:])
    note = plain_note(note)
    if note:
        words.append(f"Note: {note}")
    return " ".join(w if w.endswith((".", "!", "?", "…")) else w + "." for w in words)


def notes_in_claim(notes: Sequence[Annotation | None], claim: tuple[int, int]) -> list[str]:
    """What the editor says of a claim's notes on part of it: the quote of the
    note it edits (the first of ``notes``), and each other note (they stay in
    the notes file). ``claim``: the claim's span."""
    lines = []
    for number, a in enumerate(notes):
        if a is None or (number == 0 and (a.start, a.end) == claim):
            continue
        quote = a.exact if len(a.exact) <= 80 else a.exact[:79] + "…"
        if number == 0:
            lines.append(f"The note is on part of it: “{quote}”")
            continue
        parts = [LABEL_TITLES[a.label]] if a.label != "none" else []
        if a.note:
            note = plain_note(a.note)
            parts.append(note if len(note) <= 120 else note[:119] + "…")
        lines.append(f"Also on “{quote}”" + (f": {' — '.join(parts)}" if parts else ""))
    return lines
