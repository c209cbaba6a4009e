"""Markdown: a notes document a person wants to read."""

from __future__ import annotations

import re

from app.core.annotations import LABELS
from app.core.export.model import ExportItem, ExportModel
from app.core.sources import describe_source

TITLES = {"supported": "Supported", "uncertain": "Uncertain", "advertising": "Advertising",
          "none": "No label"}
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def escape(text: str) -> str:
    """Backslash-escape Markdown's punctuation so a quote stays plain text."""
    return _SPECIAL.sub(r"\\\1", text)


def to_markdown(model: ExportModel) -> str:
    article = model.article
    counts = model.counts()
    lines = [
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
            lines += _item(number, item)
    if model.orphans:
        lines += ["## Lost their place",
                  "",
                  "These notes no longer match the article's text. They are kept as they were.",
                  ""]
        for number, item in enumerate(model.orphans, len(placed) + 1):
            lines += _item(number, item)
    return "\n".join(lines).rstrip() + "\n"


def _item(number: int, item: ExportItem) -> list[str]:
    a = item.annotation
    where = "" if item.page is None else f" · p. {item.page}"
    lines = [f"### {number}. {TITLES.get(a.label, a.label)}{where}", ""]
    quote = " ".join(a.exact.split()) or "(no quote)"
    lines += [f"> {escape(quote)}", ""]
    if a.note.strip():
        lines += [a.note.strip(), ""]
    if item.cited:
        lines += ["Cited in the article:", ""]
        lines += [f"- {escape(reference)}" for reference in item.cited]
        lines.append("")
    if a.sources:
        lines += ["Sources:", ""]
        lines += [f"- [{escape(describe_source(url))}](<{url}>)" for url in a.sources]
        lines.append("")
    return lines
