"""Chinese, Japanese and Korean words for the library's full-text index.

SQLite's unicode61 tokenizer splits words at spaces and punctuation, but
Chinese and Japanese write none between words: "緑茶にはカテキンが多く含まれて
います" is one token, found only whole. The index therefore holds each run of
such characters as its characters and the pairs of neighbours between them
("カテキン" → カ カテ テ テキ キ キン ン), separated by a zero-width space, and a
query's run is the same sequence as a phrase: any part of a run is found
where it stands, one character ("茶") or many ("カテキン"), and the pairs make
a phrase of common characters cheap to find. Text in other scripts passes
through unchanged (:func:`grams` of it is itself).

The snippets of a search are cut from the index's form of the text;
:func:`ungram` turns one back into the text, with its matches marked.
"""

from __future__ import annotations

import re

SEP = "\u200b"  # between the grams of a run: a separator to unicode61, invisible if shown
OPEN, CLOSE = "\ufdd0", "\ufdd1"  # noncharacters: the snippet's marks while it is read back

# Han (with its extensions and compatibility block), the kana (with the
# iteration and prolonged-sound marks), half-width katakana and Hangul: the
# letters among them (unicode61 splits at the others, such as "・").
_RUN_CHARS = ("\u1100-\u11ff\u3005-\u3007\u3021-\u3029\u3031-\u3035\u3041-\u3096\u309d-\u309f"
              "\u30a1-\u30fa\u30fc-\u30ff\u3131-\u318e\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
              "\ua960-\ua97f\uac00-\ud7a3\ud7b0-\ud7ff\uf900-\ufaff\uff66-\uff9d\uffa0-\uffdc"
              "\U00020000-\U0003134f")
RUN = re.compile(f"[{_RUN_CHARS}]+")
_QUERY_PIECE = re.compile(r'"(?:[^"]|"")*"?|[\w\x1a\x80-\U0010ffff]+')


def has_cjk(text: str) -> bool:
    return RUN.search(text) is not None


def _run_grams(run: str) -> str:
    pieces = []
    for i, ch in enumerate(run):
        pieces.append(ch)
        if i + 1 < len(run):
            pieces.append(run[i:i + 2])
    return SEP + SEP.join(pieces) + SEP


def grams(text: str) -> str:
    """The index's form of ``text``: its CJK runs as characters and pairs."""
    if text.isascii():
        return text
    return RUN.sub(lambda m: _run_grams(m.group()), text)


def grams_or_none(text: str | None) -> str | None:
    """:func:`grams` as an SQL function (a NULL stays NULL)."""
    return None if text is None else grams(text)


def query_grams(query: str) -> str:
    """An FTS5 query with each word or string holding CJK made a phrase of its
    grams; the rest (operators, brackets, columns, other words) unchanged.
    A query without CJK is returned as it is."""
    if not has_cjk(query):
        return query
    return _QUERY_PIECE.sub(_piece_grams, query)


def _piece_grams(match: re.Match[str]) -> str:
    piece = match.group()
    if not has_cjk(piece):
        return piece
    if piece.startswith('"'):
        inner = piece[1:-1] if len(piece) > 1 and piece.endswith('"') else piece[1:]
        piece = inner.replace('""', '"')
    return '"' + grams(piece).replace(SEP, " ").strip().replace('"', '""') + '"'


def ungram(snippet: str, marks: tuple[str, str]) -> str:
    """A snippet of the index's form back to the text: each CJK run read
    from its grams, the characters a matched gram covers marked with
    ``marks`` (the snippet is marked with OPEN and CLOSE); the rest as it is.
    A run cut by the snippet's ends may start or end with a pair."""
    chars: list[str] = []
    marked: list[bool] = []
    depth = 0
    last = ""  # the last CJK gram read in this run ("" outside runs)
    for piece in re.split(f"([{OPEN}{CLOSE}{SEP}]|{RUN.pattern})", snippet):
        if not piece or piece == SEP:
            continue
        if piece in (OPEN, CLOSE):
            depth = depth + 1 if piece == OPEN else max(0, depth - 1)
            continue
        inside = depth > 0
        if not RUN.fullmatch(piece):
            last = ""
            chars.extend(piece)
            marked.extend([inside] * len(piece))
            continue
        gram, previous, last = piece, last, piece
        if chars and chars[-1] == gram[0] and len(gram) + len(previous) == 3:
            # a pair after its first character, or a character after its pair
            marked[-1] = marked[-1] or inside
            gram = gram[1:]
        chars.extend(gram)
        marked.extend([inside] * len(gram))
    out: list[str] = []
    shown = False
    for ch, mark in zip(chars, marked, strict=True):
        if mark != shown:
            out.append(marks[0] if mark else marks[1])
            shown = mark
        out.append(ch)
    if shown:
        out.append(marks[1])
    return "".join(out)
