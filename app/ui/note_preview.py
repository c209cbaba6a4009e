"""A note's Markdown as the plain words a one-line preview shows.

Notes are Markdown ("**Hedged**: see [the trial](https://…)"); the claim list
and the library's hits show a line of each, where the marks read as noise
(tester T7). The editor and the exports keep the Markdown. This is a few
regular expressions, not a Markdown parser: a preview is one line, the
library's snippets are cut mid-note (an unclosed ``**`` must not swallow the
rest), and the claim list paints rows while scrolling, so it must be cheap
and must not import Python-Markdown at start-up. Only the marks are removed;
every word of the note stays (link text stays, the link's address goes;
an image becomes its alt text).
"""

from __future__ import annotations

import re
from functools import lru_cache

PREVIEW_CHARS = 2_000  # a preview is one line: the rest of a huge note is never painted

_SUBS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^```[^\n]*$|^~~~[^\n]*$", re.M), ""),  # fence lines of a code block
    (re.compile(r"^ {0,3}(?:[-*_] *){3,}$", re.M), ""),  # a rule
    (re.compile(r"^ {0,3}#{1,6}(?:[ \t]+|$)", re.M), ""),  # a heading's hashes
    (re.compile(r"^ {0,3}(?:> ?)+", re.M), ""),  # quote marks
    (re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?", re.M), ""),  # list marks
    (re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)"), r"\1"),  # an image: its alt text
    (re.compile(r"\[([^\]\n]+)\]\((?:[^()\n]|\([^()\n]*\))*\)"), r"\1"),  # a link: its text
    (re.compile(r"\[([^\]\n]+)\]\[[^\]\n]*\]"), r"\1"),  # a reference link: its text
    (re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*\S+.*$", re.M), ""),  # a link definition
    (re.compile(r"<((?:https?|mailto|ftp):[^>\s]+)>"), r"\1"),  # an autolink: its address
    (re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"), ""),  # raw HTML tags
    (re.compile(r"(`+)(.+?)\1"), r"\2"),  # inline code
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])"), r"\1"),  # emphasis
    (re.compile(r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])"), r"\1"),  # emphasis, "_x_"
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),  # strike-through
)
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>~|])")
_HIDDEN = 0xF0000  # escaped marks ride in a private-use plane while the marks go


@lru_cache(maxsize=4096)
def plain_note(note: str) -> str:
    """``note`` (Markdown) as one line of plain text for a preview."""
    text = note[:PREVIEW_CHARS]
    hide = "\\" in text and not any(_HIDDEN <= ord(c) < _HIDDEN + 128 for c in text)
    if hide:  # "\*" is a star, not emphasis: out of the marks' way until they are gone
        text = _ESCAPED.sub(lambda m: chr(_HIDDEN + ord(m.group(1))), text)
    for pattern, replacement in _SUBS:
        text = pattern.sub(replacement, text)
    if hide:
        text = "".join(chr(ord(c) - _HIDDEN) if _HIDDEN <= ord(c) < _HIDDEN + 128 else c
                       for c in text)
    return " ".join(text.split())
