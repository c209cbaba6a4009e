"""How two lines of a PDF paragraph join, from the document's own words.

- a line-end hyphen is dropped when the parts make a word ("con-" +
  "sectetuer"), kept when the document writes the compound with its hyphen
  elsewhere or both parts are words of their own ("evidence-" + "based"), and
  before a capital or a digit ("vitamin B-" + "12");
- a URL or DOI broken after a slash goes on with no space when what follows
  is more of it ("…/onlinedocs/" + "libstdc++/manual/debug.html"; a DOI's
  "10.1056/" + "NEJMoa2202106"), not when a word follows ("…valgrind.org/" +
  "for more");
- a ragged row short only because the next row's first word would not have
  fit after it does not end its paragraph (``wrapped_early``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.core.pdf_lines import Line

# (a stop, perhaps closed by quotes, then perhaps a citation: "found.[6]", "found.6")
SENTENCE_END = re.compile(
    r"[.!?:][\"'”’)\]]*(?:\[\d[\d,–-]*\])*$|[.!?][\"'”’)\]]*\s*\d{0,3}$")
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# Hyphens a line can end with: ASCII's, and Unicode's HYPHEN (U+2010) that
# some TeX set-ups write for every hyphen (dvipdfmx's manual: "devel‐" "opment").
HYPHENS = "-\u2010"
# The end of a line inside a URL or a DOI, at a slash; a DOI's prefix alone
# ("10.1056/") always has more to come.
_URL_AT_SLASH = re.compile(r"(?:https?://|ftp://|www\.)\S*/$")
_DOI_PREFIX = re.compile(r"(?:^|[\s:(])10\.\d{4,9}/$")
# What goes on a URL's path: a token with a slash, a dot, "#", "?" or "=" inside.
_PATH_GOES_ON = re.compile(r"[\w~%+-]*[/.#?=&][\w~%+-]")


def join_lines(head: str, tail: str, words: set[str]) -> str:
    """Join two lines of one paragraph, mending a word hyphenated at the line end."""
    if not head:
        return tail
    if not tail:
        return head
    if len(head) >= 2 and head[-1] in HYPHENS and head[-2].isalpha() and tail[0].islower():
        first = WORD.findall(plain_hyphens(head[:-1].lower()))
        second = WORD.findall(plain_hyphens(tail.lower()))
        if first and second:
            a, b = first[-1].split("-")[-1], second[0]
            b_first = b.split("-")[0]
            joined = a + b_first
            if joined in words:
                return head[:-1] + tail
            if f"{a}-{b_first}" in words or (
                    len(a) >= 3 and len(b_first) >= 3 and a in words and b_first in words):
                return head + tail
        return head[:-1] + tail
    if len(head) >= 2 and head[-1] in HYPHENS and head[-2].isalnum() and tail[0].isalnum():
        return head + tail  # "vitamin B-" + "12": a hyphen before a capital or digit is real
    if head[-1] == "/" and not tail[0].isspace() and (
            _DOI_PREFIX.search(head) or _URL_AT_SLASH.search(head) and _PATH_GOES_ON.match(tail)):
        return head + tail
    return f"{head} {tail}"


def broken_word(head: str, tail: str) -> bool:
    """Does ``head`` end in a word cut at the line end that ``tail`` finishes ("Op-" "tional")?

    Then the line carries on the paragraph whatever its indent or spacing says
    (a hanging indent in a description list, a slightly wider gap).
    """
    return (len(head) >= 2 and head[-1] in HYPHENS and head[-2].islower()
            and tail[:1].islower())


def plain_hyphens(text: str) -> str:
    """``text`` with U+2010 written as "-" (to compare words, not to show)."""
    return text.replace("\u2010", "-")


def wrapped_early(a: Line, b: Line, left: float, right: float) -> bool:
    """Did ragged text end row ``a`` short because ``b``'s first word would not
    have fit after it ("…have linked low serum" / "25-hydroxyvitamin D…")?

    Only for prose: ``a`` holds most of a row, ``b`` opens with a letter or
    digit and fills the column or ends a sentence (a menu's or a list's short
    rows never do); neither is code or a table's row.
    """
    return bool(b.first_word and b.text[:1].isalnum() and not (
        a.mono or b.mono or a.cells or b.cells) and a.x1 - a.x0 >= 0.4 * (right - left)
                and a.x1 + 0.2 * b.size + b.first_word > right
                and (b.x1 - b.x0 >= 0.7 * (right - left) or SENTENCE_END.search(b.text)))
