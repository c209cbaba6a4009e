"""claimmark's log: one rotating file in the user state folder.

Every module logs through its own ``logging.getLogger(__name__)``; only
:func:`setup_logging` (called when the window or a subcommand starts) attaches
a handler, so importing a module never writes anything. Exceptions caught
at a boundary (a worker thread, a file that cannot be read) are logged with
their traceback (``exc_info=True``), so a bug report can include them.
"""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path
from types import TracebackType

from app.core.userdirs import state_dir

LOG_NAME = "claimmark.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

log = logging.getLogger(__name__)


def log_path() -> Path:
    """Where the log file is (it may not exist yet)."""
    return state_dir() / LOG_NAME


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Send the ``app`` loggers to the rotating log file; the path, or None when
    the folder cannot be written (then only warnings go to standard error)."""
    root = logging.getLogger("app")
    root.setLevel(level)
    for existing in root.handlers:
        if getattr(existing, "claimmark", False):  # set up already
            return Path(existing.baseFilename) if isinstance(existing, logging.FileHandler) \
                else None
    from logging.handlers import RotatingFileHandler  # not on the start-up path

    path = log_path()
    handler: logging.Handler
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                      encoding="utf-8", delay=True)
        result: Path | None = path
    except OSError as error:
        handler = logging.StreamHandler(sys.stderr)
        handler.setLevel(logging.WARNING)
        result = None
        print(f"claimmark: no log file ({error.strerror or error})", file=sys.stderr)
    handler.setFormatter(logging.Formatter(FORMAT))
    setattr(handler, "claimmark", True)  # noqa: B010 - marks our own handler
    root.addHandler(handler)
    return result


def log_uncaught_exceptions() -> None:
    """Log what nobody caught (in the UI thread and in worker threads) before
    the default hooks print it."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], value: BaseException,
             trace: TracebackType | None) -> None:
        log.critical("uncaught exception", exc_info=(kind, value, trace))
        previous(kind, value, trace)

    previous_thread_hook = threading.excepthook

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            log.critical("uncaught exception in thread %s",
                         args.thread.name if args.thread else "?",
                         exc_info=(args.exc_type, args.exc_value, args.exc_traceback))
        previous_thread_hook(args)

    sys.excepthook = hook
    threading.excepthook = thread_hook
