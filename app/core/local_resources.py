"""Which images an article may show: the only resources claimmark ever loads.

Allowed: ``data:image/…`` URLs up to ``MAX_DATA_IMAGE_BYTES``, and regular
image files inside the article's own folder (real path resolved, so no
symlink or ``..`` escapes), up to ``MAX_FILE_IMAGE_BYTES``. Everything else
— http(s), other folders, devices, pipes — gets ``None``: the view shows a
neutral placeholder. Nothing here touches the network.
"""

from __future__ import annotations

import base64
import binascii
import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

from app.core.article import LoadError
from app.core.reading import read_bytes

MAX_DATA_IMAGE_BYTES = 2 * 1024 * 1024
MAX_FILE_IMAGE_BYTES = 8 * 1024 * 1024
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".svg"})


def image_bytes(src: str, base_dir: str | os.PathLike[str] | None) -> bytes | None:
    """The bytes of an allowed image, or None (refused or unreadable)."""
    src = src.strip()
    if src.lower().startswith("data:"):
        return _data_url(src)
    parts = urlsplit(src)
    if parts.scheme and parts.scheme.lower() != "file":
        return None  # http, https, ftp, javascript, …: never fetched
    if parts.netloc and parts.netloc.lower() not in ("", "localhost"):
        return None
    if base_dir is None:
        return None
    raw_path = unquote(parts.path)
    if not raw_path:
        return None
    folder = Path(os.path.realpath(base_dir))
    candidate = Path(raw_path) if os.path.isabs(raw_path) else folder / raw_path
    resolved = Path(os.path.realpath(candidate))
    if folder != resolved and folder not in resolved.parents:
        return None
    if resolved.suffix.lower() not in IMAGE_SUFFIXES:
        return None
    try:
        return read_bytes(resolved, MAX_FILE_IMAGE_BYTES)
    except LoadError:
        return None


def _data_url(src: str) -> bytes | None:
    header, _, payload = src[5:].partition(",")
    if not header.lower().startswith("image/"):
        return None
    if len(payload) > MAX_DATA_IMAGE_BYTES * 4 // 3 + 8:
        return None
    try:
        if header.lower().endswith(";base64"):
            data = base64.b64decode(payload, validate=False)
        else:
            data = unquote(payload).encode("latin-1", "replace")
    except (binascii.Error, ValueError):
        return None
    return data if len(data) <= MAX_DATA_IMAGE_BYTES else None
