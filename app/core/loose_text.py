"""Loose text beside blocks becomes paragraphs, as a browser shows it.

Hand-written and old pages put text straight into ``<body>`` or a ``<div>``
between headings and paragraphs: ``<h2>…</h2> Vitamin C is found in citrus
fruit. <p>A review found…</p>``. A browser draws such a run as a paragraph of
its own (CSS calls it an anonymous block box). The extraction that follows
keeps only the page's elements, so the run was silently lost: zlib's
``zlib_how.html`` showed 16 of its 47 paragraphs, and its introduction not at
all (tester T8). Here each run of loose text, with the inline elements inside
it, is wrapped in a ``<p>`` of its own before anything is extracted.
"""

from __future__ import annotations

import lxml.html

from app.core.extraction_verdict import BLOCK_TAGS as EXTRACTION_BLOCK_TAGS

# Elements a browser lays out as blocks: a run of text ends at each. The
# extraction's own set, and the furniture it never keeps but a page may still
# hold here (forms, navigation, dialogs).
BLOCK_TAGS = EXTRACTION_BLOCK_TAGS | {"dialog", "dir", "fieldset", "form", "hgroup", "menu", "nav"}
# Containers whose loose text is a paragraph of its own. Not list items, cells
# or quotes: their own text is already read as their block.
_CONTAINERS = frozenset({"body", "div", "section", "article", "main", "center", "aside",
                         "header", "footer", "figure", "form", "details"})


def wrap_loose_text(root: lxml.html.HtmlElement) -> None:
    """Wrap every run of loose text beside blocks in a ``<p>`` (in place)."""
    for container in [e for e in root.iter(*_CONTAINERS) if _has_loose_text(e)]:
        _wrap_runs(container)


def _is_block(element: lxml.html.HtmlElement) -> bool:
    return isinstance(element.tag, str) and element.tag in BLOCK_TAGS


def _has_loose_text(container: lxml.html.HtmlElement) -> bool:
    children = list(container)
    if not any(_is_block(child) for child in children):
        return False  # all of it is one block already
    if (container.text or "").strip():
        return True
    return any((child.tail or "").strip() for child in children if _is_block(child)) or any(
        not _is_block(child) and isinstance(child.tag, str) and child.tag != "br"
        and child.text_content().strip() for child in children)


def _wrap_runs(container: lxml.html.HtmlElement) -> None:
    placed: list[lxml.html.HtmlElement] = []
    run_text: str | None = container.text
    run: list[lxml.html.HtmlElement] = []
    container.text = None

    def flush() -> None:
        nonlocal run_text, run
        if (run_text or "").strip() or any(
                isinstance(e.tag, str) and (e.text_content().strip() or e.tag == "img")
                or (e.tail or "").strip() for e in run):
            paragraph = lxml.html.Element("p")
            paragraph.text = run_text
            paragraph.extend(run)  # each with its tail: the text after it in the run
            placed.append(paragraph)
        else:  # only space, comments and line breaks: as they were
            if placed:
                placed[-1].tail = run_text
            else:
                container.text = run_text
            placed.extend(run)
        run_text, run = None, []

    for child in list(container):
        if _is_block(child):
            flush()
            run_text, child.tail = child.tail, None
            placed.append(child)
        else:
            run.append(child)
    flush()
    container.extend(placed)
