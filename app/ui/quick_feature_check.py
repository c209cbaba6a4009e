"""A quicker answer to the question PySide6 asks of every module imported.

Once PySide6 is loaded, its import hook (``shibokensupport.feature``, the
machinery behind ``from __feature__ import snake_case``) asks of every module
imported after it whether its source mentions "PySide6", and finds out with
``inspect.getsource``: tokenize to learn the encoding, split into lines, keep
every source in ``linecache``. For the ~120 modules the window imports before
its first paint that costs 23–27 ms of each start (docs/decisions.md,
"Start-up"). Here the same question is answered by one read of the file's
bytes; anything that is not a plain ``.py`` file we can read (a compiled
module, a zip import, a UTF-16 source) still gets PySide6's own check, so the
answer is the same. A PySide6 without that check is left alone.

This replaces a private function of PySide6 (``_mod_uses_pyside``). It is
installed by ``app.ui``'s ``__init__``; ``tests/ui/test_quick_feature_check.py``
holds it to the same answers as the original for every module loaded.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType
from typing import Any

import shiboken6  # noqa: F401 - loads PySide6's import hook (shibokensupport.feature)

HOOK_MODULE = "shibokensupport.feature"
_NAME = "_mod_uses_pyside"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def quick_uses_pyside(module: ModuleType, original: Callable[[ModuleType], bool]) -> bool:
    """Whether ``module``'s source mentions "PySide6" (``original`` answers
    for anything but a readable ``.py`` file in an ASCII-compatible encoding)."""
    path = getattr(module, "__file__", None)
    if isinstance(path, str) and path.endswith(".py"):
        try:
            with open(path, "rb") as source:
                data = source.read()
        except OSError:
            return original(module)
        if not data.startswith(_UTF16_BOMS):
            return b"PySide6" in data
    return original(module)


def install() -> bool:
    """Put the quick check in place of PySide6's; False when there is none to replace."""
    hook: Any = sys.modules.get(HOOK_MODULE)
    original = getattr(hook, _NAME, None)
    if original is None or getattr(original, "quick", False):
        return getattr(original, "quick", False) is True

    def quick(module: ModuleType) -> bool:
        return quick_uses_pyside(module, original)

    quick.quick = True  # type: ignore[attr-defined]
    quick.original = original  # type: ignore[attr-defined]
    setattr(hook, _NAME, quick)
    return True
