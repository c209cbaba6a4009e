"""Parsing a big JSON document a piece at a time, so that other threads run
meanwhile.

Why: ``json.loads`` is one call into C that holds the interpreter for the
whole text; reading an 8 MB notes file (10,000 notes) in the loader's worker
held it for 100–330 ms, and the window froze that long. Notes files are an
object whose few keys hold one long array (``"items"``, or the top level is
that array), so :func:`loads_in_pieces` parses the top-level object or array
one member at a time with the same C scanner (``JSONDecoder.raw_decode``),
and an array member of the top-level object one element at a time. Between
two pieces the interpreter can switch threads. Anything else is one piece.

The result is what ``json.loads`` gives (a property test checks it on random
documents and layouts), and a text ``json.loads`` refuses is refused with
``json.JSONDecodeError`` too.
"""

from __future__ import annotations

import json
import re
from typing import Any

_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"[ \t\n\r]*")


def loads_in_pieces(text: str) -> Any:
    """``json.loads(text)``, parsed a member (or an element) at a time."""
    at = _skip(text, 0)
    value: Any
    if text.startswith("{", at):
        value, at = _object(text, at, split_arrays=True)
    elif text.startswith("[", at):
        value, at = _array(text, at)
    else:
        return json.loads(text)
    if _skip(text, at) != len(text):
        raise json.JSONDecodeError("Extra data", text, _skip(text, at))
    return value


def _skip(text: str, at: int) -> int:
    match = _SPACE.match(text, at)
    assert match is not None  # the pattern matches the empty string
    return match.end()


def _value(text: str, at: int, split_arrays: bool) -> tuple[Any, int]:
    if split_arrays and text.startswith("[", at):
        return _array(text, at)
    value, end = _DECODER.raw_decode(text, at)
    return value, end


def _array(text: str, at: int) -> tuple[list[Any], int]:
    """The array opening at ``text[at]``, one element at a time."""
    items: list[Any] = []
    at = _skip(text, at + 1)
    if text.startswith("]", at):
        return items, at + 1
    while True:
        item, at = _value(text, at, split_arrays=False)
        items.append(item)
        at = _skip(text, at)
        if text.startswith("]", at):
            return items, at + 1
        if not text.startswith(",", at):
            raise json.JSONDecodeError("Expecting ',' delimiter", text, at)
        at = _skip(text, at + 1)


def _object(text: str, at: int, split_arrays: bool) -> tuple[dict[str, Any], int]:
    """The object opening at ``text[at]``, one member at a time."""
    members: dict[str, Any] = {}
    at = _skip(text, at + 1)
    if text.startswith("}", at):
        return members, at + 1
    while True:
        if not text.startswith('"', at):
            raise json.JSONDecodeError(
                "Expecting property name enclosed in double quotes", text, at)
        key, at = _DECODER.raw_decode(text, at)
        at = _skip(text, at)
        if not text.startswith(":", at):
            raise json.JSONDecodeError("Expecting ':' delimiter", text, at)
        members[key], at = _value(text, _skip(text, at + 1), split_arrays)
        at = _skip(text, at)
        if text.startswith("}", at):
            return members, at + 1
        if not text.startswith(",", at):
            raise json.JSONDecodeError("Expecting ',' delimiter", text, at)
        at = _skip(text, at + 1)
