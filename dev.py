#!/usr/bin/env python3
"""One-command setup for claimmark: ``python3 dev.py run`` or ``python3 dev.py test``.

Needs only Python 3.11+, pip and venv. Creates ``.venv`` beside this file and
installs exactly the locked, hash-checked versions of requirements/lock.txt
(with uv, itself installed from requirements/tools.txt by the venv's own pip;
plain pip when uv cannot be installed) plus claimmark itself — again whenever
pyproject.toml, the lock or this installer changed — so a new upstream release
never changes what the tests run on. It also makes sure the system libraries
Qt needs are present (installing them with apt-get when run as root on
Debian/Ubuntu), then opens the sample article in the window or runs the whole
test suite offscreen. ``python3 dev.py lock [--upgrade]`` refreshes the lock
on purpose after a dependency changed in pyproject.toml.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".claimmark-installed"
LOCK = ROOT / "requirements" / "lock.txt"
TOOLS_LOCK = ROOT / "requirements" / "tools.txt"
UV_VERSION = "0.13.9"  # the lock tool; `python3 dev.py lock` pins it in requirements/tools.txt
# Bump when the way we install changes, so existing environments re-install.
INSTALLER_VERSION = "2"
SAMPLE = ROOT / "resources" / "samples" / "magnesium-and-nerves.md"
# Debian packages behind the shared libraries Qt's xcb and offscreen plugins load.
QT_DEBIAN_PACKAGES = [
    "libegl1", "libgl1", "libglib2.0-0", "libfontconfig1", "libfreetype6",
    "libxkbcommon0", "libxkbcommon-x11-0", "libdbus-1-3", "libx11-6", "libx11-xcb1",
    "libxcb1", "libxcb-cursor0", "libxcb-icccm4", "libxcb-image0", "libxcb-keysyms1",
    "libxcb-randr0", "libxcb-render-util0", "libxcb-shape0", "libxcb-xinerama0",
    "libxcb-xkb1", "fonts-dejavu-core",
]


def say(message: str) -> None:
    print(f"[dev.py] {message}", flush=True)


def install_inputs() -> str:
    """What the environment is made from: re-install when any of it changes."""
    digest = hashlib.sha256(INSTALLER_VERSION.encode())
    for path in (ROOT / "pyproject.toml", LOCK, TOOLS_LOCK):
        digest.update(path.read_bytes() if path.exists() else b"")
    return digest.hexdigest()


def ensure_venv() -> None:
    wanted = install_inputs()
    if STAMP.exists() and STAMP.read_text().strip() == wanted and PYTHON.exists():
        return
    if not PYTHON.exists():
        say(f"creating the virtual environment in {VENV}")
        venv.create(VENV, with_pip=True)
    if not LOCK.exists():
        say(f"{LOCK.relative_to(ROOT)} is missing: run `python3 dev.py lock`")
        sys.exit(1)
    say("installing the locked versions of claimmark's dependencies (first run takes a minute)")
    STAMP.unlink(missing_ok=True)
    if install_uv():
        uv = [str(PYTHON), "-m", "uv", "pip"]
        target = ["--python", str(PYTHON)]
        subprocess.run([*uv, "sync", "-q", *target, "--require-hashes", "--compile-bytecode",
                        str(LOCK), str(TOOLS_LOCK)], check=True)
        subprocess.run([*uv, "install", "-q", *target, "--no-deps", "--no-build-isolation",
                        "-e", str(ROOT)], check=True)
        subprocess.run([*uv, "check", "-q", *target], check=True)
    else:
        say("uv could not be installed; installing with pip instead (slower)")
        pip = [str(PYTHON), "-m", "pip", "--disable-pip-version-check", "-q"]
        subprocess.run([*pip, "install", "--require-hashes", "-r", str(LOCK)], check=True)
        subprocess.run([*pip, "install", "--no-deps", "--no-build-isolation", "-e", str(ROOT)],
                       check=True)
        subprocess.run([*pip, "check"], check=True, stdout=subprocess.DEVNULL)
    STAMP.write_text(wanted)
    # An editable install leaves our modules uncompiled; byte-compile them once
    # (as a wheel install would) so start-up does not compile them every time
    # where PYTHONDONTWRITEBYTECODE is set.
    subprocess.run([str(PYTHON), "-m", "compileall", "-q", str(ROOT / "app")], check=False,
                   stdout=subprocess.DEVNULL)


def install_uv() -> bool:
    """Install the pinned, hash-checked uv with the venv's own (not upgraded) pip."""
    if not TOOLS_LOCK.exists():
        return False
    found = subprocess.run([str(PYTHON), "-m", "uv", "--version"], capture_output=True,
                           text=True)
    if found.returncode == 0 and UV_VERSION in found.stdout:
        return True
    result = subprocess.run([str(PYTHON), "-m", "pip", "--disable-pip-version-check", "-q",
                             "install", "--require-hashes", "-r", str(TOOLS_LOCK)])
    return result.returncode == 0


def lock(extra: list[str]) -> int:
    """Re-resolve requirements/lock.txt from pyproject.toml (``--upgrade``: newest allowed)."""
    if not PYTHON.exists():
        say(f"creating the virtual environment in {VENV}")
        venv.create(VENV, with_pip=True)
    if not install_uv():  # no tools lock yet (or another uv pinned there): take the named one
        pip = [str(PYTHON), "-m", "pip", "--disable-pip-version-check", "-q"]
        subprocess.run([*pip, "install", f"uv=={UV_VERSION}"], check=True)
    LOCK.parent.mkdir(exist_ok=True)
    compile_ = [str(PYTHON), "-m", "uv", "pip", "compile", "-q", "--universal",
                "--python-version", "3.11", "--generate-hashes",
                "--custom-compile-command", "python3 dev.py lock", *extra]
    tools_in = ROOT / "requirements" / "tools.in"
    tools_in.write_text(f"uv=={UV_VERSION}\n")
    subprocess.run([*compile_, "--extra", "test", "-o", str(LOCK.relative_to(ROOT)),
                    "pyproject.toml"], check=True, cwd=ROOT)
    subprocess.run([*compile_, "-o", str(TOOLS_LOCK.relative_to(ROOT)),
                    str(tools_in.relative_to(ROOT))], check=True, cwd=ROOT)
    say(f"wrote {LOCK.relative_to(ROOT)} and {TOOLS_LOCK.relative_to(ROOT)}; installing them")
    ensure_venv()
    return 0


def qt_loads() -> tuple[bool, str]:
    probe = "from PySide6 import QtGui, QtWidgets"
    result = subprocess.run([str(PYTHON), "-c", probe], capture_output=True, text=True,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    return result.returncode == 0, result.stderr.strip().splitlines()[-1:] and \
        result.stderr.strip().splitlines()[-1] or ""


def xcb_ready() -> bool:
    """Whether Qt's xcb plugin (the window on X11) finds every library it needs:
    ``ldd`` on the plugin says "not found" for any that is missing (libxcb-cursor
    since Qt 6.5, libxcb-icccm4, libxcb-keysyms1…)."""
    probe = ("import pathlib, PySide6; print(next(pathlib.Path(PySide6.__file__).parent"
             ".glob('Qt/plugins/platforms/libqxcb.so'), ''))")
    plugin = subprocess.run([str(PYTHON), "-c", probe], capture_output=True,
                            text=True).stdout.strip()
    ldd = shutil.which("ldd")
    if plugin and ldd:
        listed = subprocess.run([ldd, plugin], capture_output=True, text=True).stdout
        return "not found" not in listed
    folders = ("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib")
    return any(any(Path(folder).glob("libxcb-cursor.so.0*")) for folder in folders)


def ensure_qt_libraries(need_window: bool) -> None:
    """Make sure Qt loads (offscreen for tests; with xcb too for the window)."""
    if not sys.platform.startswith("linux"):
        return
    ok, error = qt_loads()
    if ok and (not need_window or xcb_ready()):
        return
    apt = shutil.which("apt-get")
    if apt and hasattr(os, "geteuid") and os.geteuid() == 0:
        say("installing the system libraries Qt needs (apt-get)")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run([apt, "update", "-qq"], check=False, env=env)
        installed = subprocess.run([apt, "install", "-y", "-qq", "--no-install-recommends",
                                    *QT_DEBIAN_PACKAGES], check=False, env=env,
                                   stdout=subprocess.DEVNULL)
        if installed.returncode:
            say("apt-get could not install them all; trying with what is there")
        ok, error = qt_loads()
    if not ok:
        say(f"Qt cannot load: {error}")
        say("install these system packages and try again: " + " ".join(QT_DEBIAN_PACKAGES))
        sys.exit(1)
    if need_window and not xcb_ready():
        say("the window may not open on X11: Qt's xcb plugin misses libraries; install: "
            + " ".join(QT_DEBIAN_PACKAGES))


def run(extra: list[str]) -> int:
    ensure_venv()
    ensure_qt_libraries(need_window=True)
    target = extra or [str(SAMPLE)]
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM")
    ):
        say("no display found (DISPLAY/WAYLAND_DISPLAY unset); the window needs one")
        return 1
    return subprocess.call([str(BIN / "claimmark"), *target])


def test(extra: list[str]) -> int:
    ensure_venv()
    ensure_qt_libraries(need_window=False)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.call([str(PYTHON), "-m", "pytest", *extra], cwd=ROOT, env=env)


def main() -> int:
    commands = {"run": run, "test": test, "lock": lock}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__)
        print("usage: python3 dev.py run [FILE] | python3 dev.py test [PYTEST ARGS]"
              " | python3 dev.py lock [--upgrade]")
        return 2
    try:
        return commands[sys.argv[1]](sys.argv[2:])
    except subprocess.CalledProcessError as error:
        say(f"setup step failed (exit {error.returncode}): {' '.join(map(str, error.cmd))}")
        return 1


if __name__ == "__main__":
    sys.exit(main())
