"""trafilatura's extracted article (its XML) as HTML that keeps inline code inline.

trafilatura's own HTML output renames every ``<code>`` to ``<pre>``, inline
ones too, and writes ``<kbd>``/``<tt>``/``<samp>`` as ``<var>``. A ``<pre>``
inside a ``<p>`` is not valid HTML, so the sanitiser's parser (html5ever)
closes the paragraph before it: "Use <code>bzip2</code> to compress." became
the claims "Use" and "to compress.", and the code word left the sentence
(130 of 1161 claims of the bzip2 manual were such fragments; issue C).

So we take trafilatura's extracted tree (its XML vocabulary, before the XML
serialiser drops the spaces between adjacent styled runs), where inline and block code still differ
by where they sit, and convert it ourselves: code with text right before or
after it, or alone on one line in a paragraph, heading, list item or cell,
becomes ``<code>``; other code becomes ``<pre>``. Everything else maps as trafilatura maps it,
except that numbered lists stay ``<ol>``.
"""

from __future__ import annotations

from lxml import etree

# Elements whose text runs on one line with the code inside them.
_TEXT_CONTAINERS = frozenset({"p", "head", "item", "cell", "hi", "ref", "del"})
_STYLED_RUNS = frozenset({"hi", "ref"})
_HI_TAGS = {"#b": "b", "#i": "i", "#u": "u", "#t": "code", "#sub": "sub", "#sup": "sup"}
_RENAMES = {"item": "li", "quote": "blockquote", "lb": "br", "graphic": "img", "ref": "a",
            "row": "tr"}
_KEEP_ATTRIBUTES = {"img": ("src", "alt", "title")}


def extracted_tree_to_html(body: etree._Element | None) -> str:
    """Convert the body trafilatura extracted (``Document.body``, its XML
    vocabulary) to HTML; "" when there is none (the caller falls back).

    The tree is converted in place: it is the extraction's own copy.
    """
    if body is None or not len(body) and not (body.text or "").strip():
        return ""
    # Decided before any renaming (the test looks at the parent's XML tag);
    # the set holds the elements themselves, so lxml keeps their proxies.
    inline_code = {code for code in body.iter("code") if is_inline_code(code)}
    for element in body.iter():
        if isinstance(element.tag, str):
            _convert(element, element in inline_code)
    body.tag = "body"
    body.attrib.clear()
    html: str = etree.tostring(body, encoding="unicode", method="html")
    return html


def is_inline_code(element: etree._Element) -> bool:
    """Code that runs inside a line of text, not a block of its own.

    Text or a styled run right before or after it makes it inline, even with a line break
    inside (a source wrapped mid-phrase: "(<code>gcc\n-static</code>)").
    Alone, it is inline only on one line inside a paragraph-like element.
    """
    parent = element.getparent()
    previous = element.getprevious()
    before = (previous.tail if previous is not None
              else parent.text if parent is not None else None) or ""
    if before.strip() or (element.tail or "").strip():
        return True
    following = element.getnext()
    if any(n is not None and n.tag in _STYLED_RUNS for n in (previous, following)):
        return True  # "<code>define</code><hi>name</hi>": one line of text
    one_line = "\n" not in "".join(element.itertext()).strip()
    return one_line and parent is not None and parent.tag in _TEXT_CONTAINERS


def _convert(element: etree._Element, inline_code: bool) -> None:
    tag = str(element.tag)
    attributes = dict(element.attrib)
    if tag == "code":
        element.tag = "code" if inline_code else "pre"
    elif tag == "hi":
        element.tag = _HI_TAGS.get(attributes.get("rend", ""), "i")
    elif tag == "head":
        rend = attributes.get("rend", "h3")
        level = rend[1:] if rend[:1] == "h" and rend[1:].isdigit() else "3"
        element.tag = f"h{min(6, max(1, int(level)))}"
    elif tag == "list":
        element.tag = "ol" if attributes.get("rend") == "ol" else "ul"
    elif tag == "cell":
        element.tag = "th" if attributes.get("role") == "head" else "td"
    else:
        element.tag = _RENAMES.get(tag, tag)
    element.attrib.clear()
    if element.tag == "a" and attributes.get("target"):
        element.set("href", attributes["target"])
    for name in _KEEP_ATTRIBUTES.get(str(element.tag), ()):
        if attributes.get(name):
            element.set(name, attributes[name])
