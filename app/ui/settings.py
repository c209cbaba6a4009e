"""Every setting declared once, with its type and default.

QSettings is created lazily, never at import time, so tests can point it at
a temporary folder first (``QSettings.setPath``). One object is kept: a
QSettings made per call wrote the file each time it was dropped (10–17 ms
per change, two of them before an opened article was shown); the kept one
writes from the event loop, when the application quits, or on :func:`flush`.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings

from app.core.userdirs import HOME_VARIABLE, config_dir

ORGANIZATION = "claimmark"
APPLICATION = "claimmark"
MAX_RECENT = 10


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any


GEOMETRY = Setting("window/geometry", QByteArray, QByteArray())
WINDOW_STATE = Setting("window/state", QByteArray, QByteArray())
PANES = Setting("window/panes", str, "")  # shares of the window (pane_shares.py)
ZOOM = Setting("view/zoom", int, 0)
SHOW_SUGGESTIONS = Setting("view/show_suggestions", bool, True)
ORIGINAL_PAGE = Setting("view/original_page", bool, False)  # View ▸ Original Page (PDFs)
THEME = Setting("view/theme", str, "system")  # system | light | dark
RECENT_FILES = Setting("files/recent", list, [])
LAST_FOLDER = Setting("files/last_folder", str, "")
LIBRARY_FOLDER = Setting("library/last_folder", str, "")  # Library ▸ Add Folder starts here
AUTHOR = Setting("export/author", str, "")
EXPORT_FORMAT = Setting("export/format", str, "")  # the last one chosen, offered first
# {article path: encoding} chosen in File ▸ Reopen with Encoding, as JSON, newest last
ENCODINGS = Setting("files/encodings", str, "")
MAX_ENCODINGS = 500
# Not now to notes found under another path: {article: [old notes files]} (found_notes.py)
FOUND_NOT_NOW = Setting("notes/found_not_now", str, "")


_kept: list[QSettings] = []  # the one QSettings, once made
_flush_on_quit: list[QCoreApplication] = []
_redirected: list[str] = []  # folders settings were moved to (redirect)


def redirect(folder: str) -> None:
    """Keep settings under ``folder`` (tests, screenshots) from now on."""
    flush()
    _kept.clear()
    _redirected.append(folder)
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, folder)


def flush() -> None:
    """Write pending changes to the settings file now."""
    for kept in _kept:
        kept.sync()


def _settings() -> QSettings:
    if not _kept:
        if not _redirected and os.environ.get(HOME_VARIABLE):
            redirect(str(config_dir()))  # CLAIMMARK_HOME moves every folder (T10: not these)
        _kept.append(QSettings(ORGANIZATION, APPLICATION))
    app = QCoreApplication.instance()
    if app is not None and app not in _flush_on_quit:
        _flush_on_quit.append(app)
        app.aboutToQuit.connect(flush)
    return _kept[0]


def get(setting: Setting) -> Any:
    value = _settings().value(setting.key, setting.default)
    if setting.type is list:
        if value is None:
            return []
        if isinstance(value, str):
            return [value]
        return list(value) if isinstance(value, list | tuple) else []
    if setting.type is bool:
        return value in (True, "true", "1", 1)
    if setting.type is int:
        try:
            return int(value)  # type: ignore[call-overload]
        except (TypeError, ValueError):
            return setting.default
    if setting.type is QByteArray:
        return value if isinstance(value, QByteArray) else QByteArray()
    return value if isinstance(value, setting.type) else setting.default


def put(setting: Setting, value: Any) -> None:
    _settings().setValue(setting.key, value)


def add_recent(path: str) -> list[str]:
    recent = [p for p in get(RECENT_FILES) if p != path]
    recent.insert(0, path)
    del recent[MAX_RECENT:]
    put(RECENT_FILES, recent)
    return recent


def rename_recent(old: str, new: str) -> list[str]:
    """``old`` renamed to ``new`` in the recent files, in its place; the
    encoding chosen for it goes along."""
    recent = [new if p == old else p for p in get(RECENT_FILES) if p != new]
    put(RECENT_FILES, recent)
    chosen = chosen_encoding(old)
    if chosen is not None:
        choose_encoding(old, None)
        choose_encoding(new, chosen)
    return recent


def _encodings() -> dict[str, str]:
    try:
        chosen = json.loads(get(ENCODINGS) or "{}")
    except ValueError:  # a settings file edited by hand: detect again
        return {}
    if not isinstance(chosen, dict):
        return {}
    return {k: v for k, v in chosen.items() if isinstance(k, str) and isinstance(v, str)}


def chosen_encoding(path: str) -> str | None:
    """The encoding the reader chose for the article at ``path`` (None: detect)."""
    return _encodings().get(path)


def choose_encoding(path: str, encoding: str | None) -> None:
    """Remember ``encoding`` for ``path`` (None: forget, detect again); the
    oldest choices go past MAX_ENCODINGS."""
    chosen = _encodings()
    chosen.pop(path, None)
    if encoding is not None:
        chosen[path] = encoding
    put(ENCODINGS, json.dumps(dict(list(chosen.items())[-MAX_ENCODINGS:])))
