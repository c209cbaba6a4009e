"""Where Chinese and Japanese sentences end: at full-width 。！？ (no spaces to go by).

Used by :mod:`app.core.segment`, which asks only when the text holds one of
:data:`CJK_ENDERS` (instant on Latin text).
"""

from __future__ import annotations

import re
from bisect import bisect_right

Span = tuple[int, int]

# Chinese and Japanese end a sentence with a full-width 。！？ (or the
# half-width ｡, or the full-width ． of Japanese technical writing when it is
# not a decimal point), and the closing quotes and brackets after it belong to
# the sentence ("「行こう。」"). There are no spaces for Punkt to go by.
_CJK_STOP = re.compile(
    r"(?:[。！？｡]|(?<![0-9０-９A-Za-zＡ-Ｚａ-ｚ])．)[。！？｡．!?]*[」』）〕】〉》”’]*")
CJK_ENDERS = ("。", "！", "？", "｡", "．")
_CJK_PAIRS = {"「": "」", "『": "』", "（": "）", "〔": "〕", "【": "】", "〈": "〉",
              "《": "》", "“": "”"}
_CJK_BRACKET = re.compile("[「」『』（）〔〕【】〈〉《》“”]")
# 「本当ですか？」と聞いた: a quotation before the quotative particle と or って
# is part of the sentence that quotes it.
_QUOTATIVE_AFTER = re.compile(r"\s*(?:と|って)")


def cjk_cuts(text: str) -> list[int]:
    """Ends of the sentences closed by full-width enders (see _CJK_STOP).

    An ender inside a quotation or a bracket that closes after it ends a
    sentence of the quotation, not of the text ("「はい。そうです。」と答えた。"
    is one sentence); an opening bracket that is never closed is ignored.
    """
    quoted = _outer_brackets(text)
    opens = [opened for opened, _ in quoted]
    cuts = []
    for match in _CJK_STOP.finditer(text):
        start, end = match.span()
        pair = bisect_right(opens, start) - 1
        if pair >= 0 and quoted[pair][1] >= end:
            continue  # inside a quotation that goes on after this ender
        if text[end - 1] in "」』）〕】〉》”’" and _QUOTATIVE_AFTER.match(text, end):
            continue
        cuts.append(end)
    return cuts


def _outer_brackets(text: str) -> list[Span]:
    """``(open, close)`` indices of the outermost full-width bracket pairs, in order."""
    stack: list[tuple[int, str]] = []
    pairs: list[Span] = []
    for match in _CJK_BRACKET.finditer(text):
        char = match.group()
        if char in _CJK_PAIRS:
            stack.append((match.start(), _CJK_PAIRS[char]))
            continue
        for depth in range(len(stack) - 1, -1, -1):  # the nearest opener it closes
            if stack[depth][1] == char:
                pairs.append((stack[depth][0], match.start()))
                del stack[depth:]
                break
    pairs.sort()
    outer: list[Span] = []
    for pair in pairs:
        if not outer or pair[0] > outer[-1][1]:
            outer.append(pair)
    return outer
