"""Whose notes these are: the one rule the window, the CLI and the library share.

A notes file records the article's path and the sha256 of its canonical text.
It is the article's when it records the article's file name, or, under
another name, when it was made on this very text: the article and its notes
renamed together (testers T9, T10) are still one another's. Another text
under another name is another article's notes, refused and kept untouched.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

# The text's sha256, or a function giving it (None when the text cannot be
# read), asked only when the names differ: the library loads the article then.
TextHash = str | Callable[[], "str | None"] | None


def recorded_for_another(recorded_path: str, recorded_sha256: str, name: str,
                         text_sha256: TextHash) -> str | None:
    """The file name of the other article notes recorded for ``recorded_path``
    (with ``recorded_sha256``) belong to, or None when they are the article
    named ``name`` whose text has ``text_sha256``."""
    recorded = Path(recorded_path).name
    if recorded == name:
        return None
    if recorded_sha256:
        text = text_sha256() if callable(text_sha256) else text_sha256
        if text and text == recorded_sha256:
            return None
    return recorded
