"""How a subcommand fails: one line on standard error, and the same reason,
with its cause, in the log file (``claimmark --log-path``), so a bug report
or a batch that went wrong can be traced afterwards."""

from __future__ import annotations

import logging
import os
import sys

EXIT_BAD_INPUT = 2
EXIT_BUG = 1

log = logging.getLogger("app.cli")


def fail(message: str, cause: BaseException | None = None, code: int = EXIT_BAD_INPUT) -> int:
    """``claimmark: message`` on stderr and in the log (with ``cause``'s traceback); ``code``."""
    print(f"claimmark: {message}", file=sys.stderr)
    log.warning("%s", message, exc_info=cause)
    return code


def log_exit(argv: list[str], code: int) -> None:
    """Log a non-zero exit with the command line that led to it."""
    if code:
        log.warning("exit %d: claimmark %s", code, " ".join(argv))


def as_given(message: str, path: str | None) -> str:
    """A loader's message names the file (``name: reason``); the command line
    names it as it was given (``/some/where/name: reason``)."""
    if path and path != os.path.basename(path) and \
            message.startswith(f"{os.path.basename(os.path.normpath(path))}: "):
        return path + message[len(os.path.basename(os.path.normpath(path))):]
    return message
