"""Load a local file into an :class:`~app.core.article.Article`.

``load_article`` picks the loader by file extension; unknown extensions are
read as plain text. Every failure is a :class:`LoadError` with one line.
"""

from __future__ import annotations

import os
from pathlib import Path

from app.core.article import Article, Block, LoadError, TextBuilder
from app.core.html_blocks import html_to_blocks
from app.core.reading import MAX_ARTICLE_BYTES, decode, read_bytes
from app.core.sanitize import sanitize_html
from app.core.segment import split_sentences

SUPPORTED_SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
                      ".html": "html", ".htm": "html", ".xhtml": "html", ".pdf": "pdf",
                      ".epub": "epub"}
# Lines this long are whole paragraphs, not hard-wrapped text.
_HARD_WRAP_WIDTH = 100
_TITLE_CHARS = 100


def load_article(path: str | os.PathLike[str], max_bytes: int = MAX_ARTICLE_BYTES) -> Article:
    """Read ``path`` and return its canonical Article, or raise LoadError."""
    p = Path(path)
    fmt = SUPPORTED_SUFFIXES.get(p.suffix.lower(), "txt")
    if fmt == "pdf":
        from app.core.load_pdf import load_pdf  # PDFium loads only for PDFs

        return load_pdf(p)
    if fmt == "epub":
        from app.core.load_epub import load_epub

        return load_epub(p)
    data = read_bytes(p, max_bytes)
    return article_from_bytes(data, fmt, str(p))


def article_from_bytes(data: bytes, fmt: str, source_path: str) -> Article:
    """Build an Article from raw bytes of the given format."""
    name = Path(source_path).name
    try:
        if fmt == "html":
            return _html_article(data, source_path)
        text, encoding = decode(data, name)
        if fmt == "md":
            return _markdown_article(text, encoding, source_path)
        return _plain_article(text, encoding, source_path)
    except RecursionError:
        raise LoadError(f"{name}: nested too deeply to read") from None


def _plain_article(text: str, encoding: str, source_path: str) -> Article:
    builder = TextBuilder()
    for chunk in _blank_line_chunks(text):
        lines = [line.strip() for line in chunk]
        if len(lines) > 1 and max(len(line) for line in lines) <= _HARD_WRAP_WIDTH:
            builder.add("paragraph", " ".join(lines))
        else:
            for line in lines:
                builder.add("paragraph", line)
    return _finish(builder, "txt", encoding, source_path)


def _blank_line_chunks(text: str) -> list[list[str]]:
    chunks: list[list[str]] = []
    current: list[str] = []
    for line in text.split("\n"):
        if line.strip():
            current.append(line)
        elif current:
            chunks.append(current)
            current = []
    if current:
        chunks.append(current)
    return chunks


def _markdown_article(text: str, encoding: str, source_path: str) -> Article:
    import markdown  # imported by the loader thread, not at start-up

    html = markdown.markdown(
        text, extensions=["fenced_code", "tables", "sane_lists", "toc"], output_format="html"
    )
    builder = TextBuilder()
    html_to_blocks(sanitize_html(html), builder)
    return _finish(builder, "md", encoding, source_path)


def _html_article(data: bytes, source_path: str) -> Article:
    # Imported here: trafilatura and lxml take a while to load and only web
    # pages need them.
    from app.core.load_html import build_html_article, decode_html

    text, encoding = decode_html(data, Path(source_path).name)
    builder = TextBuilder()
    title, notice = build_html_article(text, builder)
    return _finish(builder, "html", encoding, source_path, title=title,
                   notices=(notice,) if notice else ())


def _finish(builder: TextBuilder, fmt: str, encoding: str, source_path: str,
            title: str = "", notices: tuple[str, ...] = ()) -> Article:
    text = builder.text()
    blocks = tuple(builder.blocks)
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
        if line and block.kind != "image":
            spans = split_sentences(line)
            first = line[spans[0][0]:spans[0][1]] if spans else line
            if len(first) <= _TITLE_CHARS:
                return first
            cut = first.rfind(" ", 0, _TITLE_CHARS)
            return first[:cut if cut > 0 else _TITLE_CHARS].rstrip(" ,;:") + "…"
    return Path(source_path).name
