"""Load a local file into an :class:`~app.core.article.Article`.

``load_article`` picks the loader by file extension; unknown extensions are
read as plain text. Every failure is a :class:`LoadError` with one line.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from app.core.article import Article, Block, LoadError, TextBuilder
from app.core.contents_lines import is_entry
from app.core.html_blocks import html_to_blocks
from app.core.language import suggestions_notice
from app.core.plain_chunks import (
    fence_aligned_tables,
    indent,
    is_preformatted,
    plain_chunks,
    table_lead,
)
from app.core.reading import (
    DAMAGED_UTF8,
    MAX_ARTICLE_BYTES,
    chosen_notice,
    decode,
    guess_notice,
    read_bytes,
)
from app.core.roles import assign_roles, is_byline
from app.core.sanitize import sanitize_html
from app.core.segment import split_sentences
from app.core.segment_cjk import CJK_ENDERS
from app.core.segment_scripts import SCRIPT_ENDERS

SUPPORTED_SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
                      ".html": "html", ".htm": "html", ".xhtml": "html", ".pdf": "pdf",
                      ".epub": "epub", ".mhtml": "mhtml", ".mht": "mhtml"}
# Files that look like text but are a word processor's markup: refused with a
# reason rather than shown as control words (docs/decisions.md, session 12 — F).
_RTF_MAGIC = b"{\\rtf"
RTF_REFUSAL = ("an RTF document (a word processor's file), which claimmark does not read: "
               "save it as plain text, a web page or a PDF and open that")
# Lines this long are whole paragraphs, not hard-wrapped text.
_HARD_WRAP_WIDTH = 100
_TITLE_CHARS = 100
# The first sentence is looked for in this much of the first block: splitting
# a whole one-paragraph book again cost as much as finding its claims. A first
# sentence that does not end in it is longer than a title anyway.
_TITLE_SCAN_CHARS = 2_000
_HTML_BLOCK_OPEN = re.compile(
    r"^( {0,3}<(?:details|div|section|aside|article|figure)\b(?![^>]*\bmarkdown=)[^>]*?)(/?>)",
    re.IGNORECASE)
_HEADING_CHARS = 80
_NOT_HEADING_ENDS = (".", ",", ";", ":", "!", "?", "…", '"', "”", "'", ")", "]",
                     *CJK_ENDERS, *SCRIPT_ENDERS, "，", "：", "؛", "،")
# "1. …", "2) …", "[3] …", "- …", "* …", "• …" at the start of a line.
_UNDERLINE = re.compile(r"^(?:={3,}|-{3,}|~{3,})$")
_LABEL = re.compile(r"^[A-Z]{3,}(?:\s[A-Z]{2,})?:\s+\S")  # "APPENDIX: …", "SEE ALSO: …"
_LIST_LINE = re.compile(r"^(?:(?P<bullet>[-*•]\s+)|\[?(?P<number>\d{1,3})[.)\]]\s+)(?=\S)")


# How far a file is read, (done, total), for a progress bar: a web page's stages.
ReadProgress = Callable[[int, int], object]


def load_article(path: str | os.PathLike[str], max_bytes: int = MAX_ARTICLE_BYTES,
                 encoding: str | None = None,
                 progress: ReadProgress | None = None) -> Article:
    """Read ``path`` and return its canonical Article, or raise LoadError.
    ``encoding``: the one the reader chose for a text or HTML file (else detected)."""
    p = Path(path)
    fmt = SUPPORTED_SUFFIXES.get(p.suffix.lower(), "txt")
    if fmt == "pdf":
        from app.core.load_pdf import load_pdf  # PDFium loads only for PDFs

        return with_language_notice(load_pdf(p))
    if fmt == "epub":
        from app.core.load_epub import load_epub

        return with_language_notice(load_epub(p, progress=progress))
    if p.suffix.lower() == ".rtf":
        raise LoadError(f"{p.name}: {RTF_REFUSAL}")
    data = read_bytes(p, max_bytes)
    if not data:
        raise LoadError(f"{p.name}: the file is empty")
    article = article_from_bytes(data, fmt, str(p), encoding, progress)
    if not article.text.strip():
        # Opening it would show a blank page (and a reload of a file caught
        # half-written would set every note adrift): say so instead.
        raise LoadError(f"{p.name}: has no text to read")
    return with_language_notice(article)


def with_language_notice(article: Article) -> Article:
    """``article``, saying so among its notices when it is clearly not in English
    (the suggestions read English only: ``app.core.language``)."""
    return _noticed(article, suggestions_notice(article.text))


def _noticed(article: Article, notice: str | None) -> Article:
    """``article`` with ``notice`` added to its notices, if there is one."""
    return replace(article, notices=(*article.notices, notice)) if notice else article


def article_from_bytes(data: bytes, fmt: str, source_path: str,
                       chosen: str | None = None,
                       progress: ReadProgress | None = None) -> Article:
    """Build an Article from raw bytes of the given format (``chosen``: the
    encoding the reader chose, for text and HTML)."""
    name = Path(source_path).name
    try:
        if fmt == "html":
            return _html_article(data, source_path, chosen, progress)
        if fmt == "mhtml":
            from app.core.load_mhtml import page_of_mhtml

            page = page_of_mhtml(data, name)
            return _html_text_article(page.html, page.encoding, source_path, progress)
        if data.lstrip()[:5] == _RTF_MAGIC:
            raise LoadError(f"{name}: {RTF_REFUSAL}")
        text, encoding = decode(data, name, chosen)
        article = (_markdown_article if fmt == "md" else _plain_article)(
            text, encoding, source_path)
        return _noticed(article, guess_notice(encoding) if chosen is None
                        else chosen_notice(encoding, text, data))
    except RecursionError:
        raise LoadError(f"{name}: nested too deeply to read") from None


def _plain_article(text: str, encoding: str, source_path: str) -> Article:
    builder = TextBuilder()
    chunks = plain_chunks(text)
    for number, chunk in enumerate(chunks):
        lines = [line.strip() for line in chunk.lines]
        last_chunk = number == len(chunks) - 1
        if chunk.notice:  # "Copyright (C) 2007 …": who owns the text, not a claim
            builder.add("meta", " ".join(lines))
            continue
        if is_preformatted(chunk.lines):  # a table in columns, a drawing: as written
            _add_preformatted(builder, chunk.lines)
            continue
        if len(lines) == 1 and not last_chunk and _is_label_heading(
                chunk.lines[0], chunks[number + 1].lines[0]):
            builder.add("heading", lines[0], level=2)
            continue
        short_first = 0 < len(lines[0]) <= _HEADING_CHARS
        underline = _UNDERLINE.match(lines[1]) if len(lines) > 1 and short_first else None
        if underline:  # "Title\n=====" / "1. Definitions\n-----": a heading, as in Markdown
            level = 1 if number == 0 or underline.group(0)[0] == "=" else 2
            builder.add("heading", lines[0], level=level)
            lines = lines[2:]
            if not lines:
                continue
        elif number == 0 and not last_chunk and _is_opening_question(lines):
            builder.add("heading", lines[0], level=1)  # "Intermittent fasting: hype or help?"
            continue
        elif number == 0 and _is_title_block(lines):
            builder.add("heading", lines[0], level=1)
            for line in lines[1:]:
                builder.add("meta", line)
            continue
        entries = sum(map(is_entry, lines))
        if entries and 2 * entries >= len(lines):  # a table of contents: navigation
            for line in lines:
                builder.add("meta", line)
            continue
        if len(lines) > 1 and _is_heading_line(lines[0]) and _LIST_LINE.match(lines[1]):
            builder.add("heading", lines[0], level=2)  # "References" right above its list
            lines = lines[1:]
        if len(lines) == 1 and not last_chunk and not chunk.cut and _is_heading_line(lines[0]):
            builder.add("heading", lines[0], level=2)
        elif any(_LIST_LINE.match(line) for line in lines):
            _add_list_lines(builder, lines)
        elif len(lines) > 1 and max(len(line) for line in lines) <= _HARD_WRAP_WIDTH:
            builder.add("paragraph", " ".join(lines))
        else:
            for line in lines:
                if _is_heading_line(line) and not chunk.cut:
                    builder.add("heading", line, level=2)
                else:
                    builder.add("paragraph", line)
    return _finish(builder, "txt", encoding, source_path)


def _add_preformatted(builder: TextBuilder, lines: list[str]) -> None:
    """A table or drawing line by line, as written (tabs to columns of eight),
    after the sentence that leads into it ("Some of the options include:")."""
    lead = table_lead(lines)
    for line in lines[:lead]:
        builder.add("paragraph", line.strip())
    table = [line.expandtabs(8).rstrip() for line in lines[lead:]]
    margin = min(indent(line) for line in table)
    for line in table:
        builder.add("code", line[margin:])


def _is_heading_line(line: str) -> bool:
    """A short line of its own with no sentence punctuation at its end, or a
    question in title case ("Is It Safe?", "How Much Should You Take?"): a
    heading."""
    return (0 < len(line) <= _HEADING_CHARS and _starts_as_heading(line[0])
            and (not line.endswith(_NOT_HEADING_ENDS) or _is_title_case_question(line))
            and any(c.isalpha() for c in line)
            and not _LIST_LINE.match(line) and not is_byline(line))


def _starts_as_heading(char: str) -> bool:
    """A capital or a digit, or a letter of a script without capitals (Arabic,
    Chinese, Japanese, Hindi): "فيتامين د وصحة العظام" is a title as "Vitamin
    D and your bones" is."""
    return char.isupper() or char.isdigit() or (char.isalpha() and not char.islower())


# Words a title leaves in lower case ("What Is the Best Dose of Magnesium?").
_SMALL_WORDS = frozenset({"a", "an", "the", "and", "or", "nor", "but", "of", "to", "for", "in",
                          "on", "at", "by", "with", "from", "as", "vs", "vs.", "per", "via"})


def _is_title_case_question(line: str) -> bool:
    """Health pages head their sections with questions; a question asked in
    prose ("Why does this matter?") has lower-case words a title would not."""
    words = line[:-1].split()
    return (line.endswith("?") and not line.endswith("??") and 2 <= len(words) <= 12
            and all(word[0].isupper() or word[0].isdigit() or word.lower() in _SMALL_WORDS
                    or (i > 0 and words[i - 1][0].isdigit())  # a unit: "500 mg"
                    for i, word in enumerate(words)))


def _is_label_heading(line: str, next_line: str) -> bool:
    """"APPENDIX: How to apply the Apache License to your work." alone, above a
    block indented deeper: a capitalised label names the section under it.
    (The same line above a block at its own indent is a sentence: "NOTE: Do
    not run this as root.")"""
    stripped = line.strip()
    return (len(stripped) <= _HEADING_CHARS and _LABEL.match(stripped) is not None
            and indent(next_line) > indent(line))


def _is_opening_question(lines: list[str]) -> bool:
    """The file's first line alone, a short question: its title, as a headline
    asks ("Intermittent fasting: hype or help?", tester T13), in sentence case
    too. Further down a question in prose stays a sentence (_is_heading_line)."""
    line = lines[0] if len(lines) == 1 else ""
    return (0 < len(line) <= _HEADING_CHARS and line.endswith("?") and not line.endswith("??")
            and line[0].isupper() and not re.search(r"[.!?]\s", line)
            and not _LIST_LINE.match(line))


def _is_title_block(lines: list[str]) -> bool:
    """How licences, RFCs and READMEs open: a title line, then two or three
    short lines (version, date, address) with no sentence among them."""
    return (2 <= len(lines) <= 4 and _is_heading_line(lines[0])
            and all(len(line) <= _HEADING_CHARS
                    and not line.endswith((".", "!", "?", "…", *CJK_ENDERS, *SCRIPT_ENDERS))
                    and not _LIST_LINE.match(line) for line in lines))


def _add_list_lines(builder: TextBuilder, lines: list[str]) -> None:
    """Lines starting with "1." / "-" / "[1]" open items; other lines continue them."""
    items: list[tuple[int | None, list[str]]] = []
    for line in lines:
        marker = _LIST_LINE.match(line)
        if marker:
            number = marker.group("number")
            ordinal = int(number) if number else None
            body = line[marker.end():]
            items.append((ordinal, [body]))
        elif items:
            items[-1][1].append(line)
        else:
            builder.add("paragraph", line)
    for ordinal, parts in items:
        builder.add("list_item", " ".join(parts), level=1, ordinal=ordinal)


def _markdown_article(text: str, encoding: str, source_path: str) -> Article:
    # Imported by the loader thread, not at start-up. Extensions are passed as
    # objects: by name, Python-Markdown first scans every installed package's
    # entry points (importlib.metadata), ~0.1 s on the first article.
    import markdown
    from markdown.extensions.fenced_code import FencedCodeExtension
    from markdown.extensions.footnotes import FootnoteExtension
    from markdown.extensions.md_in_html import MarkdownInHtmlExtension
    from markdown.extensions.sane_lists import SaneListExtension
    from markdown.extensions.tables import TableExtension
    from markdown.extensions.toc import TocExtension

    html = markdown.markdown(
        _markdown_inside_html_blocks(fence_aligned_tables(_without_front_matter(text))),
        extensions=[FencedCodeExtension(), TableExtension(), SaneListExtension(), TocExtension(),
                    FootnoteExtension(), MarkdownInHtmlExtension()],
        output_format="html")
    builder = TextBuilder()
    html_to_blocks(sanitize_html(html), builder)
    return _finish(builder, "md", encoding, source_path)


# YAML front matter (Jekyll, Hugo, MkDocs, Obsidian): "---" on the first line,
# the block closed by "---" or "..." on a line of its own. It is the file's
# settings ("title: …", "layout: post"), not the article, so not a claim.
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(?:.*?\r?\n)??(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)",
                           re.DOTALL)
_FRONT_MATTER_KEY = re.compile(r"^[A-Za-z_][\w-]*[ \t]*:", re.MULTILINE)


def _without_front_matter(text: str) -> str:
    """``text`` without a YAML front matter block, if it opens with one whose
    first line is a ``key:`` (a thematic break "---" opening a document stays)."""
    match = _FRONT_MATTER.match(text)
    if match is None or not _FRONT_MATTER_KEY.match(match.group().split("\n", 1)[1]):
        return text
    return text[match.end():]


def _markdown_inside_html_blocks(text: str) -> str:
    """Mark ``<details>``/``<div>``… blocks so the Markdown inside them is rendered.

    Python-Markdown passes raw HTML blocks through untouched ("##### 2." shown
    as typed) unless they carry ``markdown="1"`` (md_in_html); fenced code is
    left alone.
    """
    lines = text.split("\n")
    fence = ""
    for number, line in enumerate(lines):
        stripped = line.lstrip()
        if fence:
            if stripped.startswith(fence):
                fence = ""
            continue
        if stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
            continue
        lines[number] = _HTML_BLOCK_OPEN.sub(r'\1 markdown="1"\2', line, count=1)
    return "\n".join(lines)


def _html_article(data: bytes, source_path: str, chosen: str | None,
                  progress: ReadProgress | None = None) -> Article:
    # Imported here: trafilatura and lxml take a while to load and only web
    # pages need them.
    from app.core.load_html import decode_html_noticed

    text, encoding, notice = decode_html_noticed(data, Path(source_path).name, chosen)
    return _noticed(_html_text_article(text, encoding, source_path, progress), notice)


def _html_text_article(text: str, encoding: str, source_path: str,
                       progress: ReadProgress | None = None) -> Article:
    """A saved page's Article from its decoded HTML (.html, and .mhtml's page)."""
    from app.core.load_html import build_html_article

    builder = TextBuilder()
    title, notice = (build_html_article(text, builder, progress) if progress
                     else build_html_article(text, builder))
    return _finish(builder, "html", encoding, source_path, title=title,
                   notices=(notice,) if notice else ())


def _finish(builder: TextBuilder, fmt: str, encoding: str, source_path: str,
            title: str = "", notices: tuple[str, ...] = ()) -> Article:
    text = builder.text()
    blocks = tuple(assign_roles(text, builder.blocks))
    if encoding == DAMAGED_UTF8:
        notices = (*notices, "Some bytes of this file are not valid UTF-8; they show as �.")
    return Article(
        text=text,
        blocks=blocks,
        title=title[:_TITLE_CHARS] or _title(text, blocks, source_path),
        source_path=source_path,
        format=fmt,
        encoding=encoding,
        notices=notices,
    )


def _title(text: str, blocks: tuple[Block, ...], source_path: str) -> str:
    for block in blocks:
        if block.kind == "heading":
            return text[block.start:block.end][:_TITLE_CHARS]
    for block in blocks:
        line = text[block.start:block.end].strip()
        if line and block.kind not in ("image", "meta", "code"):
            head = line[:_TITLE_SCAN_CHARS]
            spans = split_sentences(head)
            first = head[spans[0][0]:spans[0][1]] if spans else head
            if len(first) <= _TITLE_CHARS:
                return first
            cut = first.rfind(" ", 0, _TITLE_CHARS)
            return first[:cut if cut > 0 else _TITLE_CHARS].rstrip(" ,;:") + "…"
    return Path(source_path).name
