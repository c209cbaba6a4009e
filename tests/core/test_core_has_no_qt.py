"""app.core must never import Qt: the command line and tests rely on it."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_importing_every_core_module_loads_no_pyside6() -> None:
    code = (
        "import pkgutil, importlib, sys, app.core\n"
        "for m in pkgutil.walk_packages(app.core.__path__, 'app.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "import app.cli\n"
        "bad = sorted(n for n in sys.modules if n.startswith(('PySide6', 'shiboken6')))\n"
        "print(len(list(pkgutil.walk_packages(app.core.__path__))), bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    count = int(result.stdout.split()[0])
    assert count >= 8  # the walk really found the modules
