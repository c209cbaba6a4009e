"""HTML: the article itself, claims highlighted in their label colours, each
block's notes under it, and the summary on top. Printable, self-contained, no
scripts, no remote resources; the PDF export renders this same HTML with Qt."""

from __future__ import annotations

import heapq
import html
import re
from collections.abc import Callable

import markdown

from app.core.annotations import LABELS
from app.core.article import Block, image_alt
from app.core.export.model import ExportItem, ExportModel, missing_number
from app.core.export_mark import HTML_MARK
from app.core.language import language_tag, right_to_left
from app.core.make_way import keep_going
from app.core.sanitize import sanitize_html
from app.core.sources import describe_source, is_web_link

# The labels' colours darkened for text on white (4.5:1 or more; app/ui/palette.py).
COLORS = {"supported": "#00805D", "uncertain": "#8F6300", "advertising": "#914000"}
TINTS = {"supported": "#cdeee4", "uncertain": "#f7e1af", "advertising": "#f7d8c4",
         "none": "#e8e8e8"}
TITLES = {"supported": "Supported", "uncertain": "Uncertain", "advertising": "Advertising",
          "none": "Note"}
STYLE = """
body { font-family: Georgia, 'DejaVu Serif', serif; font-size: 12pt; line-height: 150%;
       max-width: 44em; margin: 0 auto; color: #1a1a1a; }
h1, h2, h3, h4, h5, h6 { font-family: 'DejaVu Sans', Arial, sans-serif; }
h1 { font-size: 22pt; } h2 { font-size: 18pt; } h3 { font-size: 15pt; }
h4 { font-size: 13pt; } h5, h6 { font-size: 12pt; }
.summary { font-weight: bold; }
.note .head { font-family: 'DejaVu Sans', Arial, sans-serif; font-weight: bold; font-size: 12pt; }
.meta { color: #555; font-size: 10pt; }
.note { margin: 0.2em 0 0.8em 1.5em; padding-left: 0.6em; border-left: 3px solid #bbb;
        font-size: 10.5pt; color: #333; }
.label { font-family: 'DejaVu Sans', Arial, sans-serif; font-weight: bold; }
.supported { background-color: #cdeee4; }
.uncertain { background-color: #f7e1af; }
.advertising { background-color: #f7d8c4; }
blockquote { margin-left: 2em; font-style: italic; }
pre { font-family: 'DejaVu Sans Mono', monospace; font-size: 10pt; white-space: pre-wrap; }
p, li, blockquote, pre, .note { overflow-wrap: anywhere; }  /* browsers: long URLs wrap */
.changed { color: #7a1f00; }
"""
MARK_STYLE = ("font-family:'DejaVu Sans',Arial,sans-serif; font-size:8pt; font-weight:bold; "
              "color:#ffffff; background-color:{color}")
NO_LABEL_COLOR = "#555555"  # a note without a label: white on grey, 7.5:1
LEGEND = ("{mark} marks the reviewer's note {number}: it follows the text the note is on, "
          "and the note itself is under the paragraph (a click on the marker goes to the note "
          "and back).")
LINK_STYLE = "color:#ffffff; text-decoration:none"
# A start tag, and an id or name attribute in one (sanitised HTML: a "<" in
# text is "&lt;", attribute values are double-quoted with '"' escaped).
_START_TAG = re.compile(r"<[a-zA-Z][^>]*>")
_ANCHOR_ATTRIBUTE = re.compile(r'\s(?:id|name)="[^"]*"')
LEGEND_CITATIONS = (" Plain numbers such as [3] or ³ are the article's own citations; its "
                    "reference list keeps their numbers.")
LEGEND_UNDERLINE = (' <span style="text-decoration:underline">Underlined</span> text has a '
                    "note on part of a sentence that has a note of its own.")


def to_html(model: ExportModel, make_way: Callable[[], None] = keep_going) -> str:
    """``make_way`` is called after each note (a worker thread passes
    ``core/make_way.MakeWay``: each note lets go of the interpreter in nh3)."""
    article = model.article
    counts = model.counts()
    numbers = {item.annotation.id: n for n, item in enumerate(model.items, 1)}
    by_block, noted = _items_by_block(model)
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        HTML_MARK,  # the library knows its own exports by it, whatever their names
        f"<title>Notes: {html.escape(article.title)}</title>",
        f"<style>{STYLE}</style></head><body>",
        f"<h1{_direction(article.title)}>{html.escape(article.title)}</h1>",
        f'<p class="meta">Article: {html.escape(article.source_path)}<br>'
        f"Exported {html.escape(model.exported[:10])} by {html.escape(model.author)}</p>",
        '<p class="summary">' + " · ".join(
            f'<span class="label" style="color:{COLORS[label]}">{counts[label]} {label}</span>'
            for label in LABELS) + f" · {model.unmarked} unmarked claims</p>",
        _summary_bar(counts, model.claims),
    ]
    inside = set().union(*(_inside_others(article.blocks[number], items)
                           for number, items in by_block.items()))
    if model.items:
        out.append(_legend(model, bool(inside)))
    out.append("<hr>")
    tag = language_tag(article.text)  # our own words around it are English
    if tag:
        out.append(f'<div lang="{tag}">')
    in_list = False
    for number, block in enumerate(article.blocks):
        if block.kind == "list_item" and not in_list:
            out.append("<ul>")
            in_list = True
        elif block.kind != "list_item" and in_list:
            out.append("</ul>")
            in_list = False
        items = by_block.get(number, [])
        here = noted.get(number, [])
        out.append(_block(model, block, items, numbers, {item.annotation.id for item in here}))
        for item in here:
            out.append(_note(model, item, numbers[item.annotation.id],
                             show_quote=item.annotation.id in inside))
            make_way()
    if in_list:
        out.append("</ul>")
    if tag:
        out.append("</div>")
    if model.orphans:
        out.append("<hr><h2>Notes that lost their place</h2>")
        for item in model.orphans:
            exact = item.annotation.exact
            out.append(f"<blockquote{_direction(exact)}>{_escape(exact)}</blockquote>")
            out.append(_note(model, item, numbers[item.annotation.id]))
            make_way()
    if model.page_notes:
        out.append("<hr><h2>Page notes and replies</h2>")
        out.append("<p>On the article as a whole, or replies to another note: they mark "
                   "no text.</p>")
        for item in model.page_notes:
            out.append(_note(model, item, numbers[item.annotation.id]))
            make_way()
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _legend(model: ExportModel, overlapping: bool) -> str:
    """What the markers mean; the citation and underline sentences only where
    the article has references or a note lies inside another."""
    legend = LEGEND.format(mark=mark("N1", NO_LABEL_COLOR), number=1)
    if any(item.cited for item in model.items) or any(
            block.kind == "reference" for block in model.article.blocks):
        legend += LEGEND_CITATIONS
    if overlapping:
        legend += LEGEND_UNDERLINE
    return f'<p class="meta">{legend}</p>'


def mark(text: str, color: str, anchor: str = "", target: str = "") -> str:
    """Our note marker, "N3": white on the label's colour in a sans-serif face,
    unlike any citation marker an article has (tester T8: "[3]" was both).

    With ``anchor`` the marker is that place (its leading space: Qt makes a
    PDF destination only of an anchor that has text of its own and is no
    link); with ``target`` its number links there.
    """
    lead = f'<a id="{anchor}">&nbsp;</a>' if anchor else "&nbsp;"
    if target:
        text = f'<a href="#{target}" style="{LINK_STYLE}">{text}</a>'
    return f'<span class="mark" style="{MARK_STYLE.format(color=color)}">{lead}{text}&nbsp;</span>'


def _label_of(item: ExportItem) -> str:
    label = item.annotation.label
    return label if label in COLORS else "none"


def _marker(item: ExportItem, number: int, in_text: bool = True) -> str:
    """The marker in the article's text (a link to the note under the
    paragraph) or at the head of the note (a link back; none for a lost note,
    which has no place in the text)."""
    color = COLORS.get(_label_of(item), NO_LABEL_COLOR)
    if in_text:
        return mark(f"N{number}", color, f"mark-{number}", f"note-{number}")
    return mark(f"N{number}", color, f"note-{number}", "" if item.orphaned else f"mark-{number}")


def _summary_bar(counts: dict[str, int], claims: int) -> str:
    total = max(claims, sum(counts.values()))
    if total <= 0:
        return ""
    cells = []
    for label in LABELS:
        if counts[label]:
            width = max(1, round(100 * counts[label] / total))
            cells.append(f'<td width="{width}%" bgcolor="{COLORS[label]}">&nbsp;</td>')
    rest = max(0, 100 - sum(max(1, round(100 * counts[label] / total))
                            for label in LABELS if counts[label]))
    if rest:
        cells.append(f'<td width="{rest}%" bgcolor="#e4e4e4">&nbsp;</td>')
    return ('<table width="100%" cellspacing="0" cellpadding="0" style="height:8px"><tr>'
            + "".join(cells) + "</tr></table>")


def _items_by_block(model: ExportModel) -> tuple[dict[int, list[ExportItem]],
                                                  dict[int, list[ExportItem]]]:
    """The notes drawn in each block (every block a span covers: tester T9, a
    note across two paragraphs was drawn only in the first), and those whose
    marker and note go with each block: the block the span ends in."""
    starts = [b.start for b in model.article.blocks]
    from bisect import bisect_right

    drawn: dict[int, list[ExportItem]] = {}
    noted: dict[int, list[ExportItem]] = {}
    for item in model.placed:
        a = item.annotation
        first = max(0, bisect_right(starts, a.start) - 1)
        last = max(first, bisect_right(starts, a.end - 1) - 1)
        for number in range(first, last + 1):
            drawn.setdefault(number, []).append(item)
        noted.setdefault(last, []).append(item)
    return drawn, noted


def _block(model: ExportModel, block: Block, items: list[ExportItem],
           numbers: dict[str, int], marked: set[str]) -> str:
    """The block's HTML; ``marked`` (by id) get their marker here."""
    text = model.article.text
    if block.kind == "image":
        alt = image_alt(block)
        markers = "".join(_marker(i, numbers[i.annotation.id]) for i in items
                          if i.annotation.id in marked)
        return f'<p class="meta">[image{": " + html.escape(alt) if alt else ""}]{markers}</p>'
    inner = _highlighted(text, block, items, numbers, marked)
    if block.kind == "code":
        return f"<pre>{inner}</pre>"
    way = _direction(text[block.start:block.end])  # an Arabic paragraph runs right to left
    if block.kind == "heading":
        level = min(6, block.level + 1)
        return f"<h{level}{way}>{inner}</h{level}>"
    if block.kind == "list_item":
        return f"<li{way}>{inner}</li>"
    if block.kind == "quote":
        return f"<blockquote{way}>{inner}</blockquote>"
    if block.kind == "reference":
        # An <ol> entry's number is markup, not text: without it "[3]" points nowhere.
        number = missing_number(text[block.start:block.end], block.ordinal)
        return f"<p{way}>{html.escape(number)}{inner}</p>"
    return f"<p{way}>{inner}</p>"


def _direction(text: str) -> str:
    """` dir="rtl"` for text that runs right to left, else nothing (HTML's default
    is left to right whatever the text; Qt's PDF printing reads the same)."""
    return ' dir="rtl"' if right_to_left(text) else ""


def _clipped(item: ExportItem, block: Block) -> tuple[int, int]:
    """The part of ``item``'s span inside ``block`` (empty at its start or end if none)."""
    a = item.annotation
    start = min(max(a.start, block.start), block.end)
    return start, min(max(a.end, start), block.end)


def _highlighted(text: str, block: Block, items: list[ExportItem],
                 numbers: dict[str, int], marked: set[str]) -> str:
    """The block's text with every note's span tinted and, for the notes in
    ``marked`` (those whose span ends in this block), its marker after it.

    Spans may nest or overlap (a note on part of a labelled sentence), so the
    block is cut at every start and end: each piece takes the tint of the
    innermost note over it, and is underlined where notes overlap. Every note
    gets its marker, even one whose span is empty or lies outside the block.
    One sweep over the cuts, the notes over the current piece in a heap (a
    block may hold thousands of notes: a book's one long paragraph).
    """
    starting: dict[int, list[tuple[int, int, int]]] = {}
    ending: dict[int, list[int]] = {}  # where a span stops covering text
    marking: dict[int, list[int]] = {}  # where its marker goes
    for index, item in enumerate(items):
        start, end = _clipped(item, block)
        # After the span's last visible character: a span ending in the space
        # before the next sentence would put its marker at that sentence's start.
        visible = start + len(text[start:end].rstrip())
        if item.annotation.id in marked:
            marking.setdefault(visible if visible > start else end, []).append(index)
        if end > start:
            starting.setdefault(start, []).append(
                (end - start, -numbers[item.annotation.id], index))
            ending.setdefault(end, []).append(index)
    cuts = sorted({block.start, block.end, *starting, *ending, *marking})
    parts: list[str] = []
    over: set[int] = set()
    innermost: list[tuple[int, int, int]] = []  # (length, -number, index), stale ones popped
    for here, after in zip(cuts, [*cuts[1:], None], strict=True):
        parts.extend(_marker(items[i], numbers[items[i].annotation.id])
                     for i in sorted(marking.get(here, []),
                                     key=lambda i: numbers[items[i].annotation.id]))
        over.difference_update(ending.get(here, ()))
        for entry in starting.get(here, ()):
            over.add(entry[2])
            heapq.heappush(innermost, entry)
        if after is None:
            break
        piece = _escape(text[here:after])
        if not over:
            parts.append(piece)
            continue
        while innermost[0][2] not in over:
            heapq.heappop(innermost)
        label = _label_of(items[innermost[0][2]])
        underline = "; text-decoration:underline" if len(over) > 1 else ""
        parts.append(f'<span class="{label}" style="background-color:{TINTS[label]}{underline}">'
                     f"{piece}</span>")
    return "".join(parts)


def _inside_others(block: Block, items: list[ExportItem]) -> set[str]:
    """The notes that lie inside or across a longer note in ``block``: their
    note shows its quote, since the paragraph's tint alone does not say which part.

    Overlapping spans (as drawn: clipped to the block) form a cluster (sorted
    by start, a span joins while it starts before the cluster's end); all but
    the cluster's longest are inside. An empty span covers nothing.
    """
    inside: set[str] = set()
    cluster: list[tuple[int, int, str]] = []
    reach = -1
    spans = ((*_clipped(item, block), item.annotation.id) for item in items)
    for start, end, ident in sorted((s for s in spans if s[1] > s[0]),
                                    key=lambda s: (s[0], -s[1])):
        if cluster and start >= reach:
            inside.update(_all_but_longest(cluster))
            cluster = []
        cluster.append((start, end, ident))
        reach = max(reach, end) if len(cluster) > 1 else end
    inside.update(_all_but_longest(cluster))
    return inside


def _all_but_longest(cluster: list[tuple[int, int, str]]) -> list[str]:
    if len(cluster) < 2:
        return []
    longest = max(cluster, key=lambda s: s[1] - s[0])  # the first of equals
    return [ident for _, _, ident in cluster if ident != longest[2]]


def _escape(text: str) -> str:
    return html.escape(text).replace("\u2028", "<br>")


def _note(model: ExportModel, item: ExportItem, number: int, show_quote: bool = False) -> str:
    a = item.annotation
    label = _label_of(item)
    color = COLORS.get(label, "#555")
    head = [_marker(item, number, in_text=False),
            f' <span class="label" style="color:{color}">{TITLES[label]}</span>']
    if item.page is not None:
        head.append(f' <span class="page">p. {item.page}</span>')
    if item.changed:
        head.append(' · <span class="changed label">wording changed</span>')
    pieces = ['<div class="note"><p class="head">' + "".join(head) + "</p>"]
    if item.changed:
        # As the window does: say so, and show what the note was written on.
        pieces.append('<p class="changed">The article was changed since this note was '
                      "written. The note was written on:</p>"
                      f"<blockquote>{_escape(a.exact)}</blockquote>"
                      f"<p>The article now reads: “{_escape(model.current(item))}”</p>")
    elif show_quote:
        pieces.append(f"<p>On “{_escape(' '.join(a.exact.split()))}”</p>")
    if a.note.strip():
        body = _without_anchors(sanitize_html(markdown.markdown(a.note), images=False))
        pieces.append(f'<div dir="rtl">{body}</div>' if right_to_left(a.note) else body)
    if item.cited:
        pieces.append("<p>Cited in the article:<br>"
                      + "<br>".join(html.escape(r) for r in item.cited) + "</p>")
    if a.sources:
        pieces.append("<p>Sources: " + ", ".join(map(_source_link, a.sources)) + "</p>")
    pieces.append("</div>")
    return "".join(pieces)


def _without_anchors(note_html: str) -> str:
    """The note's HTML without ``id``/``name`` attributes: an imported note's
    ``<a id="note-1">`` would take our markers' links elsewhere."""
    return _START_TAG.sub(lambda tag: _ANCHOR_ATTRIBUTE.sub("", tag.group(0)), note_html)


def _source_link(url: str) -> str:
    """A link for a web source; any other (``javascript:``, ``data:``, a note
    another tool wrote) is shown as text, never followed."""
    if not is_web_link(url):
        return f"{html.escape(url)} (not a recognised source)"
    return f'<a href="{html.escape(url, quote=True)}">{html.escape(describe_source(url))}</a>'
