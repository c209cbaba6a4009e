"""The window has the keyboard on a bare X server (no window manager).

Testers T9 and T10 drive the real window under Xvfb: "claimmark FILE", then
1, marked nothing — no window manager gave the new window the keyboard.
Run only where Xvfb is installed (the offscreen platform of the rest of the
suite activates every shown window by itself, so it cannot show this).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLE

XVFB = shutil.which("Xvfb")

PROBE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from app.ui.application import start_window
app, window = start_window(sys.argv[1])
def report():
    print("ACTIVE" if QApplication.activeWindow() is window else "INACTIVE", flush=True)
    app.quit()
window.articleReady.connect(lambda: QTimer.singleShot(500, report))
QTimer.singleShot(20000, app.quit)
app.exec()
"""


@pytest.mark.skipif(XVFB is None or not sys.platform.startswith("linux"),
                    reason="needs Xvfb (apt-get install xvfb)")
def test_the_window_opened_on_a_bare_x_server_has_the_keyboard(tmp_path: Path) -> None:
    display = f":{40 + os.getpid() % 50}"
    server = subprocess.Popen([str(XVFB), display, "-screen", "0", "1400x900x24", "-nolisten",
                               "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(1.0)
        if server.poll() is not None:
            pytest.skip("Xvfb did not start")
        article = tmp_path / SAMPLE.name
        shutil.copy(SAMPLE, article)
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb",
               "PYTHONPATH": str(ROOT), "CLAIMMARK_DATA_DIR": str(tmp_path / "data"),
               "XDG_CONFIG_HOME": str(tmp_path / "config")}
        done = subprocess.run([sys.executable, "-c", PROBE, str(article)], env=env,
                              capture_output=True, text=True, timeout=60, cwd=tmp_path)
        if "Could not load the Qt platform plugin" in done.stderr:
            pytest.skip("Qt's xcb platform cannot run here (libxcb-cursor0 and friends)")
        assert done.stdout.strip() == "ACTIVE", done.stderr[-2000:]
    finally:
        server.terminate()
        server.wait(10)
