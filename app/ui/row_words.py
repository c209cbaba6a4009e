"""What a row of the claim list says in words beyond its quote: the line the
list draws under the quote (claim_delegate) and the whole row as a screen
reader reads it (claim_model's AccessibleTextRole). One wording for both, so
a reader who listens hears what a reader who looks sees (tester T13: a screen
reader said "none: …" and never heard of a note, a suggestion or a rewording).
"""

from __future__ import annotations

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
    words = [f"{head}: {quote}"]
    if remark:
        words.append(remark[0].upper() + remark[1:])
    note = plain_note(note)
    if note:
        words.append(f"Note: {note}")
    return " ".join(w if w.endswith((".", "!", "?", "…")) else w + "." for w in words)
