"""The user folders claimmark keeps its own files in, where each platform expects them.

Through ``platformdirs``: on Linux the XDG folders (``~/.local/share/claimmark``,
``~/.config/claimmark``, ``~/.local/state/claimmark``, ``~/.cache/claimmark``,
each following its ``XDG_*_HOME``), on macOS ``~/Library/Application Support``
and ``~/Library/Caches``, on Windows ``%LOCALAPPDATA%``. What goes where:

- data: notes of articles in read-only folders (:func:`fallback_notes_folder`),
  the library index — files a user would miss if they were deleted;
- config: settings files of our own (the window's settings stay in Qt's own
  place, ``QSettings``, which is the same folder on Linux);
- state: what the program keeps between runs that a user would not miss,
  such as the log file (``app/core/logs.py``);
- cache: anything that can be rebuilt.

``CLAIMMARK_HOME`` puts all of them under one folder (tests, portable use,
benchmarks): ``$CLAIMMARK_HOME/data``, ``/config``, ``/state``, ``/cache``.
``CLAIMMARK_DATA_DIR`` and ``CLAIMMARK_STATE_DIR`` move one folder alone. Nothing here
creates a folder: callers create what they write into.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import platformdirs

APP_NAME = "claimmark"
HOME_VARIABLE = "CLAIMMARK_HOME"
DATA_VARIABLE = "CLAIMMARK_DATA_DIR"
STATE_VARIABLE = "CLAIMMARK_STATE_DIR"


def _dirs() -> platformdirs.PlatformDirs:
    # Imported here: only a run that writes outside the article's folder pays for it.
    import platformdirs

    # appauthor=False: no vendor level on Windows (%LOCALAPPDATA%\claimmark).
    return platformdirs.PlatformDirs(APP_NAME, appauthor=False)


def _home(part: str) -> Path | None:
    home = os.environ.get(HOME_VARIABLE)
    return Path(home) / part if home else None


def data_dir() -> Path:
    """Files the user would miss: notes of read-only folders, the library index."""
    override = os.environ.get(DATA_VARIABLE)
    if override:
        return Path(override)
    return _home("data") or Path(_dirs().user_data_dir)


def config_dir() -> Path:
    """Settings files of our own."""
    return _home("config") or Path(_dirs().user_config_dir)


def state_dir() -> Path:
    """What the program keeps between runs that the user would not miss: the log."""
    override = os.environ.get(STATE_VARIABLE)
    if override:
        return Path(override)
    return _home("state") or Path(_dirs().user_state_dir)


def cache_dir() -> Path:
    """Anything that can be rebuilt."""
    return _home("cache") or Path(_dirs().user_cache_dir)


def fallback_notes_folder() -> Path:
    """Where notes go when the article's own folder cannot take them."""
    return data_dir() / "notes"
