"""HTML sanitising with nh3 on an allow-list.

Nothing that can run, fetch or restyle survives: no ``<script>``,
``<style>``, ``<link>``, ``style=``, event handlers, frames, objects, forms,
and no ``javascript:`` or ``data:`` links.
"""

from __future__ import annotations

import nh3

ALLOWED_TAGS = frozenset(
    {"a", "abbr", "article", "b", "blockquote", "br", "caption", "cite", "code",
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


def _keep_attribute(tag: str, attribute: str, value: str) -> str | None:
    """nh3's per-attribute hook: ``data:`` is for images only (size-capped
    when shown), never for links — however the scheme is spaced or cased."""
    if tag == "a" and attribute == "href" and \
            value.lstrip(_URL_LEADING).lower().startswith("data:"):
        return None
    return value


def sanitize_html(html: str, images: bool = True) -> str:
    """Return ``html`` reduced to the allow-list (scripts' text removed).

    ``images=False`` drops ``<img>`` too: an export opened in a browser must
    not fetch anything (an imported note may point at a tracking pixel).
    """
    cleaned: str = nh3.clean(
        html,
        tags=set(ALLOWED_TAGS) if images else set(ALLOWED_TAGS) - {"img"},
        attributes={k: set(v) for k, v in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        clean_content_tags={"script", "style", "template", "noscript", "iframe",
                            "object", "embed", "svg", "math", "textarea", "select"},
        link_rel=None,
        strip_comments=True,
        attribute_filter=_keep_attribute,
    )
    return cleaned
