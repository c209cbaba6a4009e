"""Overlapping highlights drawn once, so a note on a few words inside a
labelled sentence keeps its own mark.

QTextEdit draws each ExtraSelection in a pass of its own: where two overlap,
the outer one's underline stays visible under the inner one's (a supported
claim's solid line hid the dash-dot of a note on one of its words, and the
word looked supported). Spans that overlap are cut at every edge into pieces
that do not; each piece gets the formats of the spans covering it merged,
outermost first, their tints composited, so the innermost mark is the one
drawn and the outer tint still shows around and under it.

Each tint is composited once, however many spans bring it, and the blend never
covers the page more than :data:`MAX_BLEND_ALPHA` (or the strongest single tint,
when that covers more): twenty notes on the same words drew a black highlight
under black text (helper N16). Each label's tint alone keeps body text at 5:1
(``palette.py``); a blend of them stays at 4.5:1 or more on the light and the
dark page (``tests/ui/test_nested_marks.py``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from PySide6.QtGui import QColor, QTextCharFormat, QTextFormat

__all__ = ["Span", "flatten", "spans_window"]
LONG_SPAN_LOOKBACK = 64  # spans starting this many before the view are checked too

Span = tuple[int, int, QTextCharFormat, QTextCharFormat | None]  # start, end, format, link


Merged = dict[tuple[int, ...], tuple[QTextCharFormat, QTextCharFormat | None]]

# The most a blend of several tints covers the page: the dark page's text on the
# unlabelled notes' tint (the text's own colour) stays at 4.5:1 up to 98/255.
MAX_BLEND_ALPHA = 98 / 255


def flatten(spans: list[Span]) -> list[Span]:
    """``spans`` (sorted by start) with every overlap cut into merged pieces.

    Formats are merged once for each run of formats met (the caller shares one
    format per kind of mark): a book's 10,000 notes and 4,000 suggestions made
    ~2,000 clusters of the same few kinds, each merged anew (session 15 — S)."""
    result: list[Span] = []
    cluster: list[Span] = []
    merged: Merged = {}  # by the formats' identities, outermost first
    reach = -1
    for span in spans:
        if cluster and span[0] >= reach:
            result.extend(cluster if len(cluster) == 1 else _pieces(cluster, merged))
            cluster = []
        cluster.append(span)
        reach = max(reach, span[1]) if len(cluster) > 1 else span[1]
    if cluster:
        result.extend(cluster if len(cluster) == 1 else _pieces(cluster, merged))
    return result


def _pieces(cluster: list[Span], merged: Merged) -> list[Span]:
    # Outermost first: longer spans, then the order given (a later span of
    # the same length is drawn over an earlier one, as before).
    order = sorted(range(len(cluster)), key=lambda i: (-(cluster[i][1] - cluster[i][0]), i))
    edges = sorted({edge for start, end, _fmt, _link in cluster for edge in (start, end)})
    pieces: list[Span] = []
    for lo, hi in zip(edges, edges[1:], strict=False):
        covering = [cluster[i] for i in order if cluster[i][0] <= lo and hi <= cluster[i][1]]
        if not covering:
            continue
        key = tuple(id(part) for span in covering for part in span[2:])
        if key not in merged:
            merged[key] = _merge(covering)
        fmt, link = merged[key]
        pieces.append((lo, hi, fmt, link))
    return pieces


def _merge(outer_first: list[Span]) -> tuple[QTextCharFormat, QTextCharFormat | None]:
    fmt = QTextCharFormat()
    tint: QColor | None = None
    link: QTextCharFormat | None = None
    seen: set[int] = set()  # each tint once: twenty notes on the same words are one wash
    strongest = 0.0
    for _start, _end, span_format, span_link in outer_first:
        fmt.merge(span_format)
        if span_format.hasProperty(QTextFormat.Property.BackgroundBrush):
            colour = span_format.background().color()
            if colour.rgba() not in seen:
                seen.add(colour.rgba())
                strongest = max(strongest, colour.alphaF())
                tint = colour if tint is None else _over(colour, tint)
        if span_link is not None:
            link = span_link
    if tint is not None:
        cap = max(strongest, MAX_BLEND_ALPHA)
        if tint.alphaF() > cap:
            tint.setAlphaF(cap)
        fmt.setBackground(tint)
    return fmt, link


def _over(top: QColor, below: QColor) -> QColor:
    """``top`` composited over ``below`` (both translucent): the colour and
    opacity of the two tints seen one over the other."""
    a_top, a_below = top.alphaF(), below.alphaF()
    alpha = a_top + a_below * (1 - a_top)
    if alpha <= 0:
        return QColor(0, 0, 0, 0)

    def channel(t: float, b: float) -> float:
        return (t * a_top + b * a_below * (1 - a_top)) / alpha

    return QColor.fromRgbF(channel(top.redF(), below.redF()),
                           channel(top.greenF(), below.greenF()),
                           channel(top.blueF(), below.blueF()), alpha)


def spans_window(starts: list[int], lo: int, hi: int) -> tuple[int, int]:
    """The slice of spans sorted by start that may touch ``[lo, hi]`` (a span
    that starts up to LONG_SPAN_LOOKBACK spans earlier may still reach in)."""
    return max(0, bisect_left(starts, lo) - LONG_SPAN_LOOKBACK), bisect_right(starts, hi)
