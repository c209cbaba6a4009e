"""Markdown: a notes document a person wants to read."""

from __future__ import annotations

import re

from app.core.annotations import LABELS
from app.core.export.model import ExportItem, ExportModel
from app.core.export_mark import MARKDOWN_MARK
from app.core.sources import describe_source, is_web_link

TITLES = {"supported": "Supported", "uncertain": "Uncertain", "advertising": "Advertising",
          "none": "No label"}
# Escaped wherever they stand: emphasis, code and link brackets (a "!" or
# "(" means nothing once "[" is escaped). "<" and an entity's "&" cannot be
# backslash-escaped in Python-Markdown: they become character references.
_ANYWHERE = re.compile(r"([\\`*_\[\]])")
_ENTITY_AMPERSAND = re.compile(r"&(?=#[0-9xX]|\w+;)")  # "&#38" is read without its ";"
# Meaningful only where a line begins: a heading, quote, list item or rule.
_LINE_START = re.compile(r"^(?:([#>+\-])|(\d+)([.)])(?=\s|$))")
# A note is the reader's Markdown, but an imported note is someone else's: in
# the export, raw HTML is shown as text (an autolink <https://…> stays), images
# become links (nothing is fetched when the file is viewed) and a link to
# javascript:, vbscript:, data: or file: is turned into plain text.
_RAW_HTML = re.compile(r"<(?!(?:https?://|mailto:)[^\s<>]*>)")
_IMAGE = re.compile(r"!\[")
_BAD_LINK = re.compile(r"\]\(\s*<?\s*(?=(?:javascript|vbscript|data|file)\s*:)", re.IGNORECASE)
_BAD_DEFINITION = re.compile(
    r"^( {0,3}\[[^\]]+\]):(?=\s*<?\s*(?:javascript|vbscript|data|file)\s*:)",
    re.IGNORECASE | re.MULTILINE)


def escape(text: str) -> str:
    """Escape the Markdown in *text*, so a quote reads as its words, and
    nothing more: "Neukunden!" stays as it is (tester T15)."""
    text = _ANYWHERE.sub(r"\\\1", _ENTITY_AMPERSAND.sub("&amp;", text)).replace("<", "&lt;")
    return _LINE_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", text)


def to_markdown(model: ExportModel) -> str:
    article = model.article
    counts = model.counts()
    lines = [
        MARKDOWN_MARK,  # the library knows its own exports by it, whatever their names
        f"# Notes: {escape(article.title)}",
        "",
        f"Article: `{article.source_path}`  ",
        f"Exported: {model.exported[:10]} by {escape(model.author)}",
        "",
        "**Summary:** " + " · ".join(f"{counts[label]} {label}" for label in LABELS)
        + f" · {model.unmarked} unmarked claims",
        "",
    ]
    if not model.items:
        lines += ["No notes yet.", ""]
    placed = model.placed
    if placed:
        lines += ["## Notes", ""]
        for number, item in enumerate(placed, 1):
            lines += _item(model, number, item)
    if model.orphans:
        lines += ["## Lost their place",
                  "",
                  "These notes no longer match the article's text. They are kept as they were.",
                  ""]
        for number, item in enumerate(model.orphans, len(placed) + 1):
            lines += _item(model, number, item)
    if model.page_notes:  # tester T13: they were filed as lost, with "(no quote)"
        lines += ["## Page notes and replies",
                  "",
                  "These notes are on the article as a whole, or reply to another note: "
                  "they mark no text.",
                  ""]
        for number, item in enumerate(model.page_notes, len(placed) + len(model.orphans) + 1):
            lines += _item(model, number, item)
    return "\n".join(lines).rstrip() + "\n"


def _item(model: ExportModel, number: int, item: ExportItem) -> list[str]:
    a = item.annotation
    where = "" if item.page is None else f" · p. {item.page}"
    changed = " · wording changed" if item.changed else ""
    # "N3", as the HTML and PDF exports mark the note in the article's text.
    lines = [f"### N{number}. {TITLES.get(a.label, a.label)}{where}{changed}", ""]
    quote = " ".join(a.exact.split()) or "(no quote)"
    if item.changed:
        lines += ["The article was changed since this note was written. "
                  "The note was written on:", ""]
    if not item.no_text:
        lines += [f"> {escape(quote)}", ""]
    if item.changed:
        lines += ["The article now reads:", "",
                  f"> {escape(' '.join(model.current(item).split()))}", ""]
    if a.note.strip():
        lines += [defused(a.note.strip()), ""]
    if item.cited:
        lines += ["Cited in the article:", ""]  # whole entries: never a DOI cut in two
        lines += [f"- {escape(reference)}" for reference in item.cited]
        lines.append("")
    if a.sources:
        lines += ["Sources:", ""]
        lines += [f"- [{escape(describe_source(url))}](<{_destination(url)}>)" if is_web_link(url)
                  else f"- {escape(url)} (not a recognised source)" for url in a.sources]
        lines.append("")
    return lines


def _destination(url: str) -> str:
    """A link destination CommonMark takes inside <…>: no "<", ">" or line
    break there (tester T9: a DOI with "<693::AID-ASI4>" was no link)."""
    return url.replace("<", "%3C").replace(">", "%3E").replace("\n", "%0A")


def defused(note: str) -> str:
    """The note's Markdown with nothing that runs or fetches when viewed."""
    note = _BAD_LINK.sub("] (", _BAD_DEFINITION.sub(r"\1 :", note))
    return _RAW_HTML.sub("&lt;", _IMAGE.sub("[", note))
