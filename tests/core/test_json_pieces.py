"""Parsing JSON a piece at a time (app.core.json_pieces) gives what json.loads
gives, and refuses what it refuses."""

from __future__ import annotations

import gc
import json
import sys
import threading
import time
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.json_pieces import loads_in_pieces

SCALARS = (st.none() | st.booleans() | st.integers() | st.text(max_size=8)
           | st.floats(allow_nan=False, allow_infinity=False))
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=5)
                      | st.dictionaries(st.text(max_size=5), inner, max_size=5), max_leaves=30)
LAYOUTS = st.sampled_from([{}, {"indent": 2}, {"indent": 0}, {"separators": (",", ":")},
                           {"indent": "\t", "separators": (" ,", " : ")}])


@settings(max_examples=300)
@given(VALUES, LAYOUTS, st.sampled_from(["", " ", "\n", "\r\n\t "]))
def test_the_same_value_as_json_loads(value: Any, layout: dict[str, Any], space: str) -> None:
    text = space + json.dumps(value, **layout) + space
    assert loads_in_pieces(text) == json.loads(text)


def outcome(parse: Any, text: str) -> tuple[str, Any]:
    try:
        return "value", parse(text)
    except json.JSONDecodeError:
        return "refused", None
    except RecursionError:
        return "too deep", None


@settings(max_examples=200)
@given(VALUES.filter(lambda v: isinstance(v, (dict, list))), LAYOUTS, st.data())
def test_a_damaged_text_is_refused_as_json_loads_refuses_it(value: Any, layout: dict[str, Any],
                                                            data: st.DataObject) -> None:
    text = json.dumps(value, **layout)
    cut = data.draw(st.integers(0, len(text)))
    damage = data.draw(st.sampled_from(["", ",", "]", "}", ":", "x", '"', " ,", "{", "[", "1"]))
    damaged = text[:cut] + damage + text[cut + data.draw(st.integers(0, 2)):]
    assert outcome(loads_in_pieces, damaged) == outcome(json.loads, damaged)


@pytest.mark.parametrize("text", ["", "   ", "{", "[", "{}x", "[1,]", '{"a":1,}', '{"a" 1}',
                                  '{1: 2}', "[1 2]", "\ufeff{}", "nul", '"str"', "12", "null"])
def test_edge_cases_as_json_loads(text: str) -> None:
    assert outcome(loads_in_pieces, text) == outcome(json.loads, text)


def stalled_share(parse: Any, text: str) -> float:
    """The share of the time ``parse(text)`` takes that another thread spends
    in waits of over 20 ms for the interpreter (the machine's own scheduling
    makes a few such waits; json.loads makes the whole time one)."""
    ticks: list[float] = []
    done = threading.Event()

    def tick() -> None:
        while not done.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.0005)

    ticker = threading.Thread(target=tick)
    ticker.start()
    try:
        time.sleep(0.01)
        start = time.perf_counter()
        parse(text)
        end = time.perf_counter()
    finally:
        done.set()
        ticker.join()
    during = [start] + [t for t in ticks if start < t < end] + [end]
    waits = (b - a for a, b in zip(during, during[1:], strict=False))
    return sum(wait for wait in waits if wait > 0.02) / (end - start)


def test_other_threads_run_while_a_big_document_is_parsed() -> None:
    """The point of it: json.loads holds the interpreter for the whole text."""
    text = json.dumps({"@context": "x", "items": [{"id": f"n{i}", "body": [{"value": "v" * 50}]}
                                                  for i in range(100_000)]})
    switch = sys.getswitchinterval()
    sys.setswitchinterval(0.001)
    gc.disable()  # as the notes store parses (gc_pause): its runs would be pauses too
    try:
        whole = stalled_share(json.loads, text)
        pieces = stalled_share(loads_in_pieces, text)
    finally:
        gc.enable()
        sys.setswitchinterval(switch)
    assert whole > 0.8 and pieces < 0.5, (whole, pieces)
