"""HTML: the article itself, claims highlighted in their label colours, each
block's notes under it, and the summary on top. Printable, self-contained, no
scripts, no remote resources; the PDF export renders this same HTML with Qt."""

from __future__ import annotations

import html

import markdown

from app.core.annotations import LABELS
from app.core.article import Block, image_alt
from app.core.export.model import ExportItem, ExportModel
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
h1, h2, h3 { font-family: 'DejaVu Sans', Arial, sans-serif; }
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
"""


def to_html(model: ExportModel) -> str:
    article = model.article
    counts = model.counts()
    numbers = {item.annotation.id: n for n, item in enumerate(model.items, 1)}
    by_block = _items_by_block(model)
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>Notes: {html.escape(article.title)}</title>",
        f"<style>{STYLE}</style></head><body>",
        f"<h1>{html.escape(article.title)}</h1>",
        f'<p class="meta">Article: {html.escape(article.source_path)}<br>'
        f"Exported {html.escape(model.exported[:10])} by {html.escape(model.author)}</p>",
        '<p class="summary">' + " · ".join(
            f'<span class="label" style="color:{COLORS[label]}">{counts[label]} {label}</span>'
            for label in LABELS) + f" · {model.unmarked} unmarked claims</p>",
        _summary_bar(counts, model.claims),
        "<hr>",
    ]
    in_list = False
    for number, block in enumerate(article.blocks):
        if block.kind == "list_item" and not in_list:
            out.append("<ul>")
            in_list = True
        elif block.kind != "list_item" and in_list:
            out.append("</ul>")
            in_list = False
        items = by_block.get(number, [])
        out.append(_block(model, block, items, numbers))
        if items:
            out.extend(_note(item, numbers[item.annotation.id]) for item in items)
    if in_list:
        out.append("</ul>")
    if model.orphans:
        out.append("<hr><h2>Notes that lost their place</h2>")
        for item in model.orphans:
            out.append(f"<blockquote>{html.escape(item.annotation.exact)}</blockquote>")
            out.append(_note(item, numbers[item.annotation.id]))
    out.append("</body></html>")
    return "\n".join(out) + "\n"


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


def _items_by_block(model: ExportModel) -> dict[int, list[ExportItem]]:
    starts = [b.start for b in model.article.blocks]
    from bisect import bisect_right

    result: dict[int, list[ExportItem]] = {}
    for item in model.placed:
        number = max(0, bisect_right(starts, item.annotation.start) - 1)
        result.setdefault(number, []).append(item)
    return result


def _block(model: ExportModel, block: Block, items: list[ExportItem],
           numbers: dict[str, int]) -> str:
    text = model.article.text
    if block.kind == "image":
        alt = image_alt(block)
        return f'<p class="meta">[image{": " + html.escape(alt) if alt else ""}]</p>'
    inner = _highlighted(text, block, items, numbers)
    if block.kind == "heading":
        level = min(6, block.level + 1)
        return f"<h{level}>{inner}</h{level}>"
    if block.kind == "list_item":
        return f"<li>{inner}</li>"
    if block.kind == "quote":
        return f"<blockquote>{inner}</blockquote>"
    if block.kind == "code":
        return f"<pre>{inner}</pre>"
    return f"<p>{inner}</p>"


def _highlighted(text: str, block: Block, items: list[ExportItem],
                 numbers: dict[str, int]) -> str:
    """The block's text with each annotated span marked and numbered."""
    parts: list[str] = []
    position = block.start
    for item in sorted(items, key=lambda i: (i.annotation.start, -i.annotation.end)):
        a = item.annotation
        start, end = max(a.start, position, block.start), min(a.end, block.end)
        if end <= start:
            continue
        parts.append(_escape(text[position:start]))
        label = a.label if a.label in COLORS else "none"
        parts.append(f'<span class="{label}" style="background-color:{TINTS[label]}">'
                     f"{_escape(text[start:end])}</span>"
                     f"<sup>[{numbers[a.id]}]</sup>")
        position = end
    parts.append(_escape(text[position:block.end]))
    return "".join(parts)


def _escape(text: str) -> str:
    return html.escape(text).replace("\u2028", "<br>")


def _note(item: ExportItem, number: int) -> str:
    a = item.annotation
    label = a.label if a.label in COLORS else "none"
    color = COLORS.get(label, "#555")
    pieces = [f'<div class="note"><span class="label" style="color:{color}">'
              f"[{number}] {TITLES[label]}</span>"
              + ("" if item.page is None else f' <span class="page">p. {item.page}</span>')]
    if a.note.strip():
        pieces.append(sanitize_html(markdown.markdown(a.note), images=False))
    if item.cited:
        pieces.append("<p>Cited in the article: "
                      + "; ".join(html.escape(r) for r in item.cited) + "</p>")
    if a.sources:
        pieces.append("<p>Sources: " + ", ".join(map(_source_link, a.sources)) + "</p>")
    pieces.append("</div>")
    return "".join(pieces)


def _source_link(url: str) -> str:
    """A link for a web source; any other (``javascript:``, ``data:``, a note
    another tool wrote) is shown as text, never followed."""
    if not is_web_link(url):
        return f"{html.escape(url)} (not a recognised source)"
    return f'<a href="{html.escape(url, quote=True)}">{html.escape(describe_source(url))}</a>'
