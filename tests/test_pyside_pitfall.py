"""PySide6 6.12.0 on CPython < 3.12 aborts after many void calls (design: Known pitfall).

We exclude that version in pyproject.toml; this test proves the installed one
survives 100,000 ``QTextCursor.setPosition`` calls.
"""

from __future__ import annotations

import os
import subprocess
import sys

CODE = """
from PySide6.QtGui import QGuiApplication, QTextDocument, QTextCursor
app = QGuiApplication([])
doc = QTextDocument("x" * 100)
cursor = QTextCursor(doc)
for i in range(100_000):
    cursor.setPosition(i % 100)
print("survived")
"""


def test_many_void_calls_do_not_abort_the_interpreter() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True,
                            env=env, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "survived"
