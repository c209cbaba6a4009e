"""``claimmark claims A B C`` and ``claimmark suggest A B C``: several articles at once.

Each file's listing comes under a line naming it as it was given (``==> A <==``, as
``head`` and ``tail`` do); with ``--json`` the output is one JSON array with an object
per file, its ``file`` as given and either the one-file output's fields or ``error``.
A file that cannot be read is said on stderr as with one file, and the next one is
read: the exit code is that of the first file that failed (2 for bad input), else 0.
One file prints exactly what it printed before.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
from collections.abc import Callable
from typing import Any

from app.cli_errors import EXIT_BUG, as_given, fail
from app.core.article import LoadError
from app.core.logs import log_path

MANY_HELP = " (several: each under a line naming it; --json: an array, one object each)"


def each_file(args: argparse.Namespace, run: Callable[[argparse.Namespace], int]) -> int:
    """Run ``run`` (a one-file subcommand) on each of ``args.file``."""
    files: list[str] = args.file
    if len(files) == 1:
        args.file = files[0]  # (a LoadError is then said by the caller, as before)
        return run(args)
    code = 0
    payloads: list[dict[str, Any]] = []
    for number, path in enumerate(files):
        one = argparse.Namespace(**{**vars(args), "file": path})
        out = io.StringIO() if args.json else None
        try:
            if out is None:
                if number:
                    print()
                print(f"==> {path} <==", flush=True)
                run(one)
            else:
                with contextlib.redirect_stdout(out):
                    run(one)
                payloads.append({"file": path, **json.loads(out.getvalue())})
        except LoadError as error:
            failed = fail(as_given(str(error), path), error)
            code = code or failed
            payloads.append({"file": path, "error": as_given(str(error), path)})
        except (BrokenPipeError, KeyboardInterrupt):
            raise
        except Exception as error:  # a bug: this file's line, then the next file
            failed = fail(f"{path}: unexpected error: {error!r}; details in {log_path()}", error,
                          EXIT_BUG)
            code = code or failed
            payloads.append({"file": path, "error": f"unexpected error: {error!r}"})
    if args.json:
        print(json.dumps(payloads, ensure_ascii=False, indent=2))
    return code
