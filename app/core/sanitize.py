"""HTML sanitising with nh3 on an allow-list.

Nothing that can run, fetch or restyle survives: no ``<script>``,
``<style>``, ``<link>``, ``style=``, event handlers, frames, objects, forms,
and no ``javascript:`` or ``data:`` links.
"""

from __future__ import annotations

import re

import nh3

ALLOWED_TAGS = frozenset(
    {"a", "abbr", "address", "article", "b", "blockquote", "br", "caption", "cite", "code",
     "dd", "del", "details", "div", "dl", "dt", "em", "figcaption", "figure",
     "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li",
     "main", "mark", "ol", "p", "pre", "q", "s", "samp", "section", "small",
     "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot",
     "th", "thead", "time", "tr", "tt", "u", "ul"}
)
ALLOWED_ATTRIBUTES = {
    "*": {"id"},
    "a": {"href", "title", "name"},
    "img": {"src", "alt", "title", "width", "height"},
    "ol": {"start"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
    "time": {"datetime"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto", "data"})
# What browsers strip from the front of a URL before reading its scheme.
_URL_LEADING = "".join(map(chr, range(0x21)))
# nh3's time grows with the square of one text run's length when the run has
# character references (1 MB of "&amp;" in one paragraph: 0.6 s CPU, 2 MB 2.5 s,
# 4 MB 8.5 s; plain words stay linear). Runs longer than this are cut by an
# empty <span></span>, which changes no text: 4 MB then takes 0.6 s.
_RUN_CHARS = 20_000
# Elements whose content is raw text: a tag written inside it would be text.
_RAW_TEXT = re.compile(r"<(script|style|textarea|title|xmp|iframe|noembed|noframes|noscript|"
                       r"plaintext)\b[^<]*$", re.IGNORECASE)
_OPEN_REFERENCE = re.compile(r"&[#\w]{0,40}$")


def _keep_attribute(tag: str, attribute: str, value: str) -> str | None:
    """nh3's per-attribute hook: ``data:`` is for images only (size-capped
    when shown), never for links — however the scheme is spaced or cased."""
    if tag == "a" and attribute == "href" and \
            value.lstrip(_URL_LEADING).lower().startswith("data:"):
        return None
    return value


def split_long_text_runs(html: str, run_chars: int = _RUN_CHARS) -> str:
    """Cut text runs longer than ``run_chars`` with ``<span></span>`` (see above).

    Never inside a character reference, and not in raw-text elements
    (``<script>``, ``<title>`` …) whose content would show the tag as text.
    """
    if len(html) < run_chars:
        return html
    pieces: list[str] = []
    last = 0
    for match in re.finditer(rf">[^<]{{{run_chars},}}", html):  # (re caches it)
        opening = html.rfind("<", 0, match.start() + 1)
        if _RAW_TEXT.match(html, opening, match.start() + 1):
            continue
        position = match.start() + 1
        while match.end() - position > run_chars:
            cut = position + run_chars
            reference = _OPEN_REFERENCE.search(html, cut - 41, cut)
            if reference:
                cut = reference.start()
            pieces.append(html[last:cut])
            pieces.append("<span></span>")
            last = position = cut
    pieces.append(html[last:])
    return "".join(pieces)


def sanitize_html(html: str, images: bool = True) -> str:
    """Return ``html`` reduced to the allow-list (scripts' text removed).

    ``images=False`` drops ``<img>`` too: an export opened in a browser must
    not fetch anything (an imported note may point at a tracking pixel).
    """
    cleaned: str = nh3.clean(
        split_long_text_runs(html),
        tags=set(ALLOWED_TAGS) if images else set(ALLOWED_TAGS) - {"img"},
        attributes={k: set(v) for k, v in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        clean_content_tags={"head", "title", "script", "style", "template", "noscript", "iframe",
                            "object", "embed", "svg", "math", "textarea", "select"},
        link_rel=None,
        strip_comments=True,
        attribute_filter=_keep_attribute,
    )
    return cleaned
