"""``claimmark library add|list|remove`` and ``claimmark search``.

Each command first brings the library in step with the notes files it covers
(they are the truth). ``search`` keeps its import path lean — SQLite and the
notes reader, no Qt, no loaders unless an article must be read — because it
is the command people run over and over.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from typing import Any

from app.core.library_db import LIBRARY_ENV
from app.core.wording import count_of

LABEL_CHOICES = ("supported", "uncertain", "advertising", "none")


def add_parsers(sub: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    """Register ``library`` and ``search`` on the main parser's subcommands."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--library", metavar="FILE",
                        help=f"the library file (default: ${LIBRARY_ENV}, else library.sqlite3 "
                             "in your data folder)")
    library = sub.add_parser("library", prog="claimmark library",
                             help="the index of every reviewed article's notes")
    actions = library.add_subparsers(dest="action", metavar="ACTION", required=True,
                                     parser_class=parser_class)
    add = actions.add_parser("add", prog="claimmark library add", parents=[common],
                             help="add articles or whole folders (recursively)")
    add.add_argument("paths", nargs="+", metavar="PATH")
    add.set_defaults(run=_command(_run_add))
    listing = actions.add_parser("list", prog="claimmark library list", parents=[common],
                                 help="the articles with their counts per label")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(run=_command(_run_list))
    remove = actions.add_parser("remove", prog="claimmark library remove", parents=[common],
                                help="stop covering articles or folders (files are untouched)")
    remove.add_argument("paths", nargs="+", metavar="PATH")
    remove.set_defaults(run=_command(_run_remove))
    search = sub.add_parser("search", prog="claimmark search", parents=[common],
                            help="search every note of the library (quotes, notes, sources)")
    search.add_argument("query", metavar="QUERY",
                        help='FTS5 query: words, "a phrase", prefix*, AND/OR/NOT')
    search.add_argument("--label", choices=LABEL_CHOICES, help="only notes with this label")
    search.add_argument("--limit", type=int, default=100, help="at most this many hits")
    search.add_argument("--json", action="store_true", help="print JSON")
    search.set_defaults(run=_command(_run_search))


Command = Callable[[Any, argparse.Namespace], int]


def _command(body: Command) -> Callable[[argparse.Namespace], int]:
    """Run ``body`` with the library open; a LibraryError is one line and exit 2."""

    def run(args: argparse.Namespace) -> int:
        from app.cli_errors import fail
        from app.core.library import Library, LibraryError

        if args.library and body is not _run_add and not os.path.lexists(args.library):
            return fail(f"{args.library}: no such library (claimmark library add PATH "
                        "--library FILE makes one)")
        try:
            with Library(args.library) as library:
                return int(body(library, args))
        except LibraryError as error:
            return fail(str(error), error)

    return run


def _run_add(library: Any, args: argparse.Namespace) -> int:
    from app.core.library import default_workers
    from app.core.library_scan import is_under, normalized

    report = library.add(args.paths, workers=default_workers())
    roots = [normalized(p) for p in args.paths]
    entries = [e for e in library.articles() if any(is_under(e.path, r) for r in roots)]
    notes = sum(e.notes for e in entries)
    print(f"Indexed {count_of(len(entries), 'article')} with {count_of(notes, 'note')} "
          f"({count_of(report.notes_files, 'notes file')} read, "
          f"{count_of(report.claims_counted, 'article')} counted).")
    exports = [p for p in report.exports if any(is_under(p, r) for r in roots)]
    if exports:
        print(f"Left out {count_of(len(exports), 'claimmark export')} (notes, not articles):")
        for path in exports:
            print(f"  {path}")
    problems = [e for e in entries if e.problem]
    if problems:
        print(f"Skipped (unreadable, left as they are): {len(problems)}")
        for entry in problems:
            print(f"  {entry.path}: {entry.problem}")
    _print_lost([p for p in report.lost_notes if any(is_under(p, r) for r in roots)])
    return 0


def _print_lost(lost: list[str]) -> None:
    """Notes files with no article beside them: their notes are in no search."""
    if lost:
        print(f"No article beside {count_of(len(lost), 'notes file')} (renamed or moved "
              "alone?), so not indexed:")
        for path in lost:
            print(f"  {path}")


def _warn(problems: list[tuple[str, str]]) -> None:
    """Notes files found unreadable by this sync: named on stderr (once each), never fatal."""
    for line in dict.fromkeys(os.path.join(os.path.dirname(path), problem)
                              for path, problem in problems):
        print(f"claimmark: skipped {line}", file=sys.stderr)


def _run_list(library: Any, args: argparse.Namespace) -> int:
    from app.core.library import default_workers

    # No warning on stderr: the listing names every file it could not read.
    report = library.sync(workers=default_workers())
    entries = library.articles()
    if args.json:
        payload = {"articles": [
            {"path": e.path, "title": e.title, "format": e.format,
             "counts": {**e.counts, "unmarked": e.unmarked}, "notes": e.notes,
             "modified": e.modified or None, "claims": e.claims, "problem": e.problem}
            for e in entries], "notes_without_article": report.lost_notes}
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    missing = library.missing_roots()
    if not entries and not missing:
        print(f"The library {library.path} is empty: claimmark library add PATH…")
        return 0
    for path in missing:
        print(f"! not found (moved or deleted?): {path}")
    if missing:
        print("  claimmark library add NEW-PLACE, then claimmark library remove OLD-PLACE")
    if not entries:
        return 0
    print(f"{'supp':>5} {'unc':>5} {'adv':>5} {'unm':>5}  title — path")
    for e in entries:
        unmarked = "?" if e.unmarked is None else str(e.unmarked)
        c = e.counts
        print(f"{c['supported']:>5} {c['uncertain']:>5} {c['advertising']:>5} {unmarked:>5}  "
              f"{e.title} — {e.path}")
        if e.problem:
            print(f"{'':>25}  ! {e.problem}")
    print(f"{count_of(len(entries), 'article')}, {count_of(sum(e.notes for e in entries), 'note')}")
    _print_lost(report.lost_notes)
    return 0


def _run_remove(library: Any, args: argparse.Namespace) -> int:
    removed, unknown = library.remove(args.paths)
    for path in unknown:
        print(f"claimmark: {path}: not in the library", file=sys.stderr)
    if len(unknown) < len(args.paths):  # something given was in the library
        print(f"Removed {count_of(removed, 'article')} from the library (files untouched).")
    return 2 if unknown else 0


def _run_search(library: Any, args: argparse.Namespace) -> int:
    _warn(library.sync(claims=False).problems)
    hits = library.search(args.query, label=args.label, limit=max(1, args.limit))
    if args.json:
        payload = {"query": args.query, "hits": [
            {"path": h.path, "title": h.title, "id": h.id, "label": h.label, "note": h.note,
             "exact": h.exact, **_position(h), "sources": list(h.sources),
             "snippet": h.snippet} for h in hits]}
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    if not hits:
        print(f"No note matches {args.query!r}.")
        return 0
    print(f"{count_of(len(hits), 'note')} {'matches' if len(hits) == 1 else 'match'} "
          f"{args.query!r}")
    by_article: dict[str, list[Any]] = {}
    for h in hits:  # grouped by article, articles in the order of their best hit
        by_article.setdefault(h.path, []).append(h)
    for group in by_article.values():
        print(f"\n{group[0].title} — {group[0].path}")
        for h in group:
            place = f"{h.start}-{h.end}" if h.start >= 0 else "no position"
            print(f"  [{h.label}] {place} “{h.exact}”")
            print(f"      {h.snippet}")
    return 0


def _position(hit: Any) -> dict[str, int | None]:
    """A note with a quote and no position (an import) has none: null, as in
    ``claimmark notes --json``, never -1."""
    placed = hit.start >= 0
    return {"start": hit.start if placed else None, "end": hit.end if placed else None}


