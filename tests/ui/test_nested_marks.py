"""Overlapping highlights are cut into pieces drawn once (app/ui/nested_marks.py)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QColor, QTextCharFormat

from app.ui.nested_marks import flatten


def _format(alpha: int) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(200, 100, 50, alpha))
    return fmt


SPANS = st.lists(st.tuples(st.integers(0, 60), st.integers(1, 30), st.integers(20, 200)),
                 max_size=12)


@settings(max_examples=200, deadline=None)
@given(SPANS)
def test_pieces_do_not_overlap_and_cover_what_the_spans_covered(raw) -> None:
    spans = sorted(((s, s + n, _format(a), None) for s, n, a in raw), key=lambda x: x[0])
    pieces = flatten(spans)
    assert all(a[1] <= b[0] for a, b in zip(pieces, pieces[1:], strict=False))
    covered = {i for s, e, _f, _l in spans for i in range(s, e)}
    assert {i for s, e, _f, _l in pieces for i in range(s, e)} == covered
    for start, end, fmt, _link in pieces:  # two tints one over the other: more opaque
        over = [f for s, e, f, _l in spans if s <= start and end <= e]
        assert fmt.background().color().alpha() >= max(f.background().color().alpha()
                                                        for f in over)


def test_spans_that_do_not_overlap_are_kept_as_they_are() -> None:
    spans = [(0, 5, _format(90), None), (5, 9, _format(90), None), (12, 20, _format(90), None)]
    assert flatten(spans) == spans


def test_the_inner_span_is_merged_over_the_outer() -> None:
    outer, inner = QTextCharFormat(), QTextCharFormat()
    outer.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    inner.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashDotLine)
    pieces = flatten([(0, 30, outer, None), (10, 15, inner, None)])
    assert [(s, e) for s, e, _f, _l in pieces] == [(0, 10), (10, 15), (15, 30)]
    assert pieces[1][2].underlineStyle() == QTextCharFormat.UnderlineStyle.DashDotLine
    assert pieces[0][2].underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline


def test_formats_are_merged_once_for_each_run_of_formats(monkeypatch) -> None:
    """A book's notes on claims with suggestions: thousands of clusters of the
    same two kinds of mark. Each distinct run is merged once, and each cluster
    still gets what merging its own spans gives."""
    import app.ui.nested_marks as nested_marks

    calls: list[int] = []
    merge = nested_marks._merge

    def counted(spans: list[nested_marks.Span]) -> tuple[QTextCharFormat, QTextCharFormat | None]:
        calls.append(len(spans))
        return merge(spans)

    monkeypatch.setattr(nested_marks, "_merge", counted)
    note, suggested, link = _format(90), QTextCharFormat(), QTextCharFormat()
    suggested.setBackground(QColor(20, 60, 220, 40))
    spans = []
    for start in range(0, 1000, 10):  # a note on a claim's first words, a suggestion on it
        spans += [(start, start + 8, suggested, None), (start, start + 3, note, link)]
    for start in range(1000, 2000, 10):  # the other way round: a suggestion inside a note
        spans += [(start, start + 8, note, link), (start, start + 3, suggested, None)]
    pieces = flatten(spans)
    assert len(calls) == 4  # each alone, each over the other
    expected = {0: merge(spans[0:2]), 3: merge(spans[0:1]),
                1000: merge(spans[200:202]), 1003: merge(spans[200:201])}
    assert expected[0][0] != expected[1000][0]  # which is over which shows
    assert [(s % 10, e % 10) for s, e, _f, _l in pieces] == [(0, 3), (3, 8)] * 200
    for start, _end, fmt, piece_link in pieces:
        want = expected[(start >= 1000) * 1000 + start % 10]
        assert fmt == want[0] and piece_link is want[1]
