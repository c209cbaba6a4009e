"""Command line: the window, or a headless subcommand.

``claimmark [FILE]`` opens the window. The subcommands work without Qt
(PySide6 is imported only for the window and for PDF export). Bad input:
one line on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from app import __version__
from app.cli_errors import EXIT_BAD_INPUT, EXIT_BUG, as_given, fail, log, log_exit
from app.cli_export import run_export
from app.cli_many import MANY_HELP, each_file
from app.core.article import LINE_SEPARATOR, Article, LoadError, page_at
from app.core.logs import log_path, setup_logging

EXPORT_FORMATS = ("md", "csv", "html", "pdf", "jsonld", "claimreview")  # as app.core.export
EXIT_ORPHANS = 3
SUBCOMMANDS = ("claims", "suggest", "notes", "export", "import", "library", "search")
ARTICLE_HELP = "an article: .txt, .md, .html, .mhtml, .pdf or .epub"


class _Parser(argparse.ArgumentParser):
    argv: list[str] = []  # the command line being parsed (for dash_hint)

    def error(self, message: str) -> None:  # type: ignore[override]
        message += dash_hint(_Parser.argv)
        log.warning("%s: error: %s", self.prog, message)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message}\n")


def dash_hint(argv: list[str]) -> str:
    """A hint when an argument looks like a file whose name starts with "-"
    (argparse took it for an option): "" when none does."""
    for arg in argv:
        if arg.startswith("-") and arg not in ("-", "--") and "=" not in arg \
                and ("." in arg.lstrip("-") or os.path.exists(arg)):
            return (f" (if {arg} is a file, write ./{arg}, or put -- before it: "
                    f"claimmark ... -- {arg})")
    return ""


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="claimmark",
        usage="claimmark [FILE] | claimmark SUBCOMMAND ...",
        description=(
            "A reader for critical reading: mark each claim of an article as "
            "supported, uncertain or advertising, with notes and sources. "
            "'claimmark FILE' opens FILE in the window; 'claimmark' alone opens "
            "the start page."
        ),
        epilog="Run 'claimmark SUBCOMMAND --help' for the options of each subcommand.",
    )
    parser.add_argument("--version", action="version", version=f"claimmark {__version__}")
    parser.add_argument("--log-path", action="store_true",
                        help="print where claimmark writes its log file, then exit")
    sub = parser.add_subparsers(dest="command", metavar="SUBCOMMAND", parser_class=_Parser)
    claims = sub.add_parser("claims", prog="claimmark claims",
                            help="list the claims (sentences) of an article")
    claims.add_argument("file", metavar="FILE", nargs="+", help=f"{ARTICLE_HELP}{MANY_HELP}")
    claims.add_argument("--json", action="store_true", help="print JSON")
    claims.set_defaults(run=lambda args: each_file(args, _run_claims))
    suggest = sub.add_parser("suggest", prog="claimmark suggest",
                             help="the claims with suggested labels and why")
    suggest.add_argument("file", metavar="FILE", nargs="+", help=f"{ARTICLE_HELP}{MANY_HELP}")
    suggest.add_argument("--json", action="store_true", help="print JSON")
    suggest.set_defaults(run=lambda args: each_file(args, _run_suggest))
    notes = sub.add_parser("notes", prog="claimmark notes",
                           help="the article's notes and where each one is now "
                                "(exit code 3 when any lost its place)")
    notes.add_argument("file", metavar="FILE", help="the article (its notes file sits beside it)")
    notes.add_argument("--json", action="store_true", help="print JSON")
    notes.set_defaults(run=_run_notes)
    export = sub.add_parser("export", prog="claimmark export", help="export the article's notes")
    export.add_argument("file", metavar="FILE", help="the article (its notes file sits beside it)")
    export.add_argument("--format", required=True, choices=EXPORT_FORMATS)
    export.add_argument("-o", "--output", metavar="OUT",
                        help="where to write (standard output if omitted or -; pdf needs -o)")
    export.add_argument("--author", help="author for ClaimReview (default: your user name)")
    export.set_defaults(run=run_export)
    imp = sub.add_parser("import", prog="claimmark import",
                         help="merge notes made elsewhere (W3C annotations or a Hypothesis "
                              "export) into an article's notes")
    imp.add_argument("file", metavar="FILE", help="the article (its notes file sits beside it)")
    imp.add_argument("notes", metavar="NOTES",
                     help="a W3C annotation file, or a Hypothesis API export (JSON)")
    imp.set_defaults(run=_run_import)
    from app.cli_library import add_parsers

    add_parsers(sub, _Parser)
    return parser


def main(argv: list[str]) -> int:
    _Parser.argv = list(argv)
    if argv[:1] == ["--log-path"]:
        print(log_path())
        return 0
    setup_logging()
    if argv and (argv[0] in SUBCOMMANDS or argv[0] in ("-h", "--help", "--version")):
        code = _run_subcommand(argv)
        log_exit(argv, code)
        return code
    gui = _Parser(prog="claimmark", usage="claimmark [FILE]")
    gui.add_argument("file", nargs="?", metavar="FILE")
    args = gui.parse_args(argv)
    if args.file and not os.path.exists(args.file):
        hint = "" if "." in os.path.basename(args.file) else \
            f" (subcommands: {', '.join(SUBCOMMANDS)})"
        return fail(f"{args.file}: no such file{hint}")
    if sys.platform.startswith("linux") and not any(
            os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")):
        return fail("no display to show the window on; the subcommands work without one "
                    "(claimmark --help)")
    prefetch = None
    if args.file:  # read it on the other core while Qt starts (before Qt is imported)
        from app.core.prefetch import prefetch_article

        prefetch = prefetch_article(args.file)
    from app.ui.application import run_window

    return run_window(args.file, prefetch)


def _run_subcommand(argv: list[str]) -> int:
    """Parse and run a subcommand; every way it can fail ends in one line."""
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exited:  # --help, --version, or a bad option (said by argparse)
        return exited.code if isinstance(exited.code, int) else 0 if exited.code is None \
            else EXIT_BAD_INPUT
    try:
        return int(args.run(args))
    except LoadError as error:
        return fail(as_given(str(error), getattr(args, "file", None)), error)
    except BrokenPipeError:
        return 0
    except Exception as error:  # a bug: one line here, the traceback in the log
        return fail(f"unexpected error: {error!r}; details in {log_path()}", error, EXIT_BUG)


def article_json(article: Article) -> dict[str, Any]:
    return {
        "path": article.source_path,
        "format": article.format,
        "title": article.title,
        "encoding": article.encoding,
        "sha256": article.sha256,
        "length": len(article.text),
    }


def _one_line(quote: str) -> str:
    """A claim on one line of the terminal: a wrapped line's break (U+2028) as a space."""
    return quote.replace(LINE_SEPARATOR, " ")


def _claims_payload(article: Article, claims: list[Any]) -> dict[str, Any]:
    items = [{"index": c.index, "block": c.block, "start": c.start, "end": c.end,
              "text": article.text[c.start:c.end]} for c in claims]
    if article.page_breaks:  # paged formats (PDF): the 1-based page each claim starts on
        for item in items:
            item["page"] = page_at(article, item["start"])
    return {"article": article_json(article), "claims": items}


def _page_mark(article: Article, start: int) -> str:
    page = page_at(article, start)
    return "" if page is None else f"(p. {page}) "


def _print_notices(path: str, article: Article) -> None:
    """What the window's status bar says of the file (too deep a page, not English)."""
    for notice in article.notices:
        print(f"claimmark: {Path(path).name}: {notice}", file=sys.stderr)


def _run_claims(args: argparse.Namespace) -> int:
    from app.core.claims import find_claims
    from app.core.loaders import load_article

    article = load_article(args.file)
    _print_notices(args.file, article)
    claims = find_claims(article)
    if args.json:
        print(json.dumps(_claims_payload(article, claims), ensure_ascii=False, indent=2))
    else:
        print(f"{article.title} — {len(claims)} claims")
        width = len(str(len(claims)))
        for c in claims:
            print(f"{c.index + 1:>{width}}. {_page_mark(article, c.start)}"
                  f"{_one_line(article.text[c.start:c.end])}")
    return 0


def _run_suggest(args: argparse.Namespace) -> int:
    from app.core.claims import find_claims
    from app.core.loaders import load_article
    from app.core.suggest import suggest_for_claims

    article = load_article(args.file)
    _print_notices(args.file, article)
    claims = find_claims(article)
    suggestions = suggest_for_claims(article, claims)
    if args.json:
        payload = _claims_payload(article, claims)
        for item in payload["claims"]:
            s = suggestions.get(item["index"])
            item["suggestion"] = None if s is None else {
                "label": s.label, "score": s.score,
                "cues": [{"start": c.start, "end": c.end, "text": c.text, "reason": c.reason}
                         for c in s.cues],
            }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        print(f"{article.title} — {len(claims)} claims, {len(suggestions)} suggestions")
        width = len(str(len(claims)))
        for c in claims:
            s = suggestions.get(c.index)
            mark = f"[{s.label}] " if s else ""
            print(f"{c.index + 1:>{width}}. {_page_mark(article, c.start)}{mark}"
                  f"{_one_line(article.text[c.start:c.end])}")
            if s:
                print(" " * (width + 2) + "why: " + "; ".join(s.reasons()))
    return 0


def _run_notes(args: argparse.Namespace) -> int:
    from app.core.anchoring import anchor_all, lost_reason, same_wording
    from app.core.loaders import load_article
    from app.core.sources import describe_source, is_normalized
    from app.core.storage import NotesFileError, NotesStore

    article = load_article(args.file)
    store = NotesStore(Path(article.source_path))
    try:
        doc = store.load(None, article.sha256)
    except NotesFileError as error:
        return fail(f"{error.path.name}: {error}", error)
    placed = anchor_all(doc.annotations if doc else [], article.text)
    if doc is not None and doc.further is not None:  # never fetched (tester T13)
        print(f"{store.path.name}: {doc.further.sentence()}", file=sys.stderr)
    # A page note or a reply marks no text: nothing of it is lost.
    orphans = sum(p.anchor.status == "orphaned" and not p.annotation.marks_no_text
                  for p in placed)
    if args.json:
        payload = {
            "article": article_json(article),
            "notes_path": str(store.path),
            "annotations": [_note_json(p, article.text) for p in placed],
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        print(f"{article.title} — {len(placed)} notes in {store.path}" if doc is not None
              else f"{article.title} — no notes yet")
        for p in placed:
            a = p.annotation
            lost = p.anchor.status == "orphaned"
            where = f"{p.anchor.start}-{p.anchor.end} {p.anchor.status}"
            if a.marks_no_text:
                where = lost_reason(a)
            elif lost:
                where = "lost its place: " + lost_reason(a)
            print(f"[{a.label}] “{a.exact}” ({where})")
            current = "" if lost else article.text[p.anchor.start:p.anchor.end]
            if not lost and a.exact and not same_wording(a.exact, current):  # a quote to compare
                print(f"    changed since you labelled it; now: “{current}”")
            if a.note:
                print("    note: " + a.note.replace("\n", "\n          "))
            for source in a.sources:
                mark = "" if is_normalized(source) else \
                    " (not a recognised source, kept as written)"
                print(f"    source: {describe_source(source)}{mark}")
    return EXIT_ORPHANS if orphans else 0


def _note_json(placed: Any, text: str) -> dict[str, Any]:
    """One annotation for ``notes --json``: ``exact`` is the stored (judged)
    quote, ``current`` the text now at ``start..end`` (null when lost)."""
    from app.core.sources import is_normalized

    a, anchor = placed.annotation, placed.anchor
    lost = anchor.status == "orphaned"
    return {"id": a.id, "label": a.label, "note": a.note, "sources": list(a.sources),
            "unrecognised_sources": [s for s in a.sources if not is_normalized(s)],
            "exact": a.exact, "current": None if lost else text[anchor.start:anchor.end],
            "start": None if lost else anchor.start, "end": None if lost else anchor.end,
            "status": anchor.status, "marks_no_text": a.marks_no_text}


def _run_import(args: argparse.Namespace) -> int:
    from app.core.importing import ImportFormatError, holds_nothing, import_items, parse_payload
    from app.core.loaders import load_article
    from app.core.notes_format import ArticleRef, NotesDocument
    from app.core.notes_lock import notes_folder_locked
    from app.core.reading import read_bytes
    from app.core.storage import MAX_NOTES_BYTES, NotesFileError, NotesSaveError, NotesStore

    article = load_article(args.file)
    try:
        items = parse_payload(read_bytes(Path(args.notes), MAX_NOTES_BYTES))
    except LoadError as error:  # named as given, not as the article
        raise LoadError(as_given(str(error), args.notes)) from error
    except ImportFormatError as error:
        raise LoadError(f"{args.notes}: {error}") from error
    store = NotesStore(Path(article.source_path))
    # Read, merge and write as one writer: a window saving meanwhile waits, then
    # takes the imported notes in (notes_lock).
    with notes_folder_locked(store.path):
        try:
            doc = store.load(None, article.sha256)
        except NotesFileError as error:
            raise LoadError(f"{error.path.name}: {error}; nothing imported") from error
        if not items:
            print(f"nothing to import: {holds_nothing(Path(args.notes).name, items)}; "
                  "nothing written")
            return 0
        name = Path(article.source_path).name
        result = import_items(doc.annotations if doc else [], items, article.text, name)
        if not result.added:  # every note is there already: the notes file stays as it is
            print(result.summary())
            return 0
        ref = ArticleRef(name, article.sha256, article.title, article.format,
                         page_breaks=article.page_breaks)
        new = NotesDocument(ref, result.annotations, collection=doc.collection if doc else {},
                            opaque=doc.opaque if doc else [])
        try:
            store.save(new)
        except NotesSaveError as error:
            return fail(str(error), error)
    print(result.summary())
    if result.reworded_note():  # stdout stays the one summary line
        print(result.reworded_note(), file=sys.stderr)
    return 0
