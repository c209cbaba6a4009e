"""The quick check gives PySide6's import hook the same answers, faster."""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

import pytest

import app.ui  # noqa: F401 - installs the quick check
import app.ui.main_window  # noqa: F401 - a module that uses PySide6, loaded
from app.ui.quick_feature_check import HOOK_MODULE, install, quick_uses_pyside

hook = sys.modules.get(HOOK_MODULE)
needs_hook = pytest.mark.skipif(hook is None or not hasattr(hook, "_mod_uses_pyside"),
                                reason="this PySide6 has no feature import hook")


def module_from(path: Path, name: str = "probe") -> ModuleType:
    module = ModuleType(name)
    module.__file__ = str(path)
    return module


def never(_module: ModuleType) -> bool:
    raise AssertionError("the original check was not to be asked")


@needs_hook
def test_it_is_in_place_once_app_ui_is_imported() -> None:
    check = hook._mod_uses_pyside  # type: ignore[union-attr]
    assert getattr(check, "quick", False)
    assert install()  # a second install keeps it, not a wrapper of a wrapper
    assert hook._mod_uses_pyside is check  # type: ignore[union-attr]


@needs_hook
def test_every_loaded_module_gets_the_original_answer() -> None:
    original = hook._mod_uses_pyside.original  # type: ignore[union-attr]
    modules = [m for m in list(sys.modules.values()) if isinstance(m, ModuleType)]
    assert len(modules) > 100
    differ = [m.__name__ for m in modules if quick_uses_pyside(m, original) != original(m)]
    assert differ == []
    assert quick_uses_pyside(sys.modules["app.ui.main_window"], never)  # it mentions PySide6
    assert not quick_uses_pyside(sys.modules["app.core.article"], never)


def test_a_plain_source_is_read_as_bytes(tmp_path: Path) -> None:
    uses = tmp_path / "uses.py"
    uses.write_text("# é\nfrom PySide6.QtCore import Qt\n", encoding="utf-8")
    plain = tmp_path / "plain.py"
    plain.write_text("import json\n", encoding="utf-8")
    assert quick_uses_pyside(module_from(uses), never)
    assert not quick_uses_pyside(module_from(plain), never)


@pytest.mark.parametrize("case", ["utf16", "missing", "compiled", "no file"])
def test_what_it_cannot_read_goes_to_the_original(tmp_path: Path, case: str) -> None:
    path = tmp_path / "m.py"
    if case == "utf16":
        path.write_text("from PySide6 import QtCore\n", encoding="utf-16")
    elif case == "compiled":
        path = tmp_path / "m.cpython-311-x86_64-linux-gnu.so"
        path.write_bytes(b"\x7fELF PySide6")
    module = module_from(path) if case != "no file" else ModuleType("builtin_like")
    asked: list[ModuleType] = []

    def original(m: ModuleType) -> bool:
        asked.append(m)
        return False

    assert quick_uses_pyside(module, original) is False
    assert asked == [module]
