"""``claimmark export``: an article's notes as Markdown, CSV, HTML, PDF, Web
Annotation or ClaimReview, to a file (``-o OUT``) or standard output.

``-o -`` is standard output, as without ``-o``; a PDF goes there only when it
is not a terminal. An export never replaces the article, a notes file or
another annotated article (:func:`app.core.paths.export_clash`); a name whose
known ending is another format's is written, with a warning on stderr.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from app.cli_errors import fail
from app.core.article import Article, LoadError

STDOUT = "-"
# The endings each format is known by: a name ending in another format's is a slip.
KNOWN_ENDINGS = {"md": (".md", ".markdown"), "csv": (".csv",), "html": (".html", ".htm"),
                 "pdf": (".pdf",), "jsonld": (".jsonld", ".json"),
                 "claimreview": (".claimreview.json", ".json")}


def ending_clash(fmt: str, output: str) -> str | None:
    """The other format's ending ``output`` has (``.pdf`` for Markdown), or None."""
    name = Path(output).name.casefold()
    if name.endswith(KNOWN_ENDINGS[fmt]):
        return None
    for other, endings in KNOWN_ENDINGS.items():
        for ending in endings:
            if other != fmt and name.endswith(ending):
                return ending
    return None


def load_notes_for(path: str) -> tuple[Article, Any]:
    """The article and its export model (notes anchored); LoadError on bad input."""
    from app.core.claims import find_claims
    from app.core.loaders import load_article
    from app.core.storage import NotesFileError, NotesStore

    article = load_article(path)
    try:
        doc = NotesStore(Path(article.source_path)).load(None, article.sha256)
    except NotesFileError as error:
        raise LoadError(f"{error.path}: {error}") from error
    return article, (doc.annotations if doc else [], find_claims(article))


def run_export(args: argparse.Namespace) -> int:
    from app.core.export import build_export_model, export_text, left_out, save_text_export
    from app.core.paths import export_clash

    to_stdout = args.output in (None, STDOUT)
    if args.format == "pdf" and args.output is None:
        return fail("pdf export needs -o OUT (or -o - to send it down a pipe)")
    if args.format == "pdf" and to_stdout and sys.stdout.isatty():
        return fail("a PDF is not for the terminal: give -o FILE, or redirect it "
                    "(-o - > notes.pdf); nothing written")
    clash = None if to_stdout else export_clash(args.file, args.output)
    if clash:  # refused before the article is read and split
        return fail(f"{clash}; nothing written")
    article, (annotations, claims) = load_notes_for(args.file)
    model = build_export_model(article, annotations, claims, author=args.author)
    omitted = left_out(model, args.format)
    ending = None if to_stdout else ending_clash(args.format, args.output)
    if ending:  # on stderr, and written all the same: the name is the user's choice
        print(f"claimmark: warning: {args.output} ends in {ending} but holds the "
              f"{args.format} export", file=sys.stderr)
    try:
        if args.format == "pdf":
            _write_pdf(model, article.title, None if to_stdout else args.output)
        elif not to_stdout:
            save_text_export(model, args.format, args.output)
        else:
            sys.stdout.write(export_text(model, args.format))
    except OSError as error:
        if isinstance(error, BrokenPipeError):
            raise
        return fail(f"cannot write {args.output}: {error.strerror}", error)
    if omitted:  # on stderr: standard output may be the export itself
        print(f"claimmark: {args.format} export: {omitted}", file=sys.stderr)
    return 0


def _write_pdf(model: Any, title: str, output: str | None) -> None:
    """The PDF to ``output``, or (None) through a temporary file to standard output."""
    from app.core.export.html_export import to_html
    from app.ui.pdf_export import write_pdf

    if output is not None:
        write_pdf(to_html(model), output, title=title)
        return
    with tempfile.TemporaryDirectory(prefix="claimmark-") as folder:
        path = os.path.join(folder, "export.pdf")
        write_pdf(to_html(model), path, title=title)
        sys.stdout.flush()
        with open(path, "rb") as pdf:
            sys.stdout.buffer.write(pdf.read())
        sys.stdout.buffer.flush()
