"""Header-link anchors: the "¶" Sphinx puts after every heading, "#" and "🔗" of others.

Documentation generators add to each heading (and to API terms, captions,
sometimes paragraphs) a small link to itself, drawn as a mark that shows on
hover: ``<a class="headerlink" href="#abstract">¶</a>``. It is a control, not
text: a saved page's title read "Abstract¶" and its headings ended in "#".
Such a link is known by its shape — it points into the page and its whole
text is one mark — so "C#", "#tags" or a "#" linking elsewhere stay.
"""

from __future__ import annotations

HEADER_MARKS = frozenset({"¶", "#", "🔗", "§", "⚓", "🔗︎", "¶︎"})
# Marks that never end a real title ("#" does: "C#"); stripped from titles stored earlier.
_TITLE_MARKS = ("¶", "🔗", "⚓", "\ufe0e")


def is_header_link(href: str | None, text: str) -> bool:
    """A link to a place in the page whose whole text is one header-link mark."""
    return bool(href) and str(href).startswith("#") and text.strip() in HEADER_MARKS


def strip_header_mark(title: str) -> str:
    """``title`` without a trailing "¶"/"🔗" a page left in it ("Abstract¶" → "Abstract")."""
    stripped = title.rstrip()
    while stripped.endswith(_TITLE_MARKS) and len(stripped) > 1:
        stripped = stripped[:-1].rstrip()
    return stripped if stripped else title
