"""Writing a PDF in a child process (``python -m app.ui.pdf_export``), followed
and cancellable from a worker thread.

Qt lays out a book's HTML in single calls of seconds that hold Python's GIL;
in a thread of ours they would stall the window's event loop that long
(measured: 2.7 s for a 3 MB book). In a child process they stall nothing.
The child writes to a hidden ``.part`` file beside the target; only a whole
PDF is renamed into place. The kernel stops the child if the window's process
ends first (``PR_SET_PDEATHSIG``, as prefetch); what a killed window left (its
``.NAME.pdf.PID.part``, its ``claimmark-export-PID-….html``) is removed at the
next PDF export once process PID is gone (tester T13, F9).
"""

from __future__ import annotations

import logging
import os
import queue
import re
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from app.core.storage import process_alive
from app.ui.pdf_export import PARENT_ENV, Cancelled, ExportCancelled, Progress

log = logging.getLogger(__name__)

POLL_SECONDS = 0.05
_PART = re.compile(r"\..+\.pdf\.(?P<pid>\d+)\.part")
_HTML = re.compile(r"claimmark-export-(?P<pid>\d+)-[^/]*\.html")


def remove_stale_leftovers(folder: Path) -> int:
    """Remove what a killed window's PDF export left: ``.NAME.pdf.PID.part`` in
    ``folder``, ``claimmark-export-PID-….html`` in the temporary folder, where
    process PID is gone. Returns how many files."""
    removed = 0
    for place, pattern in ((folder, _PART), (Path(tempfile.gettempdir()), _HTML)):
        try:
            names = os.listdir(place)
        except OSError:
            continue
        for name in names:
            match = pattern.fullmatch(name)
            if match is None or process_alive(int(match["pid"])):
                continue
            try:
                os.unlink(place / name)
            except OSError:
                continue
            removed += 1
    return removed


def write_pdf_in_child(html_text: str, path: str | Path, title: str = "",
                       progress: Progress | None = None,
                       cancelled: Cancelled | None = None) -> None:
    """As :func:`app.ui.pdf_export.write_pdf`, in a child process.

    OSError when it cannot be written, ExportCancelled when ``cancelled()``
    turned true (the child is stopped); no partial file is left either way.
    """
    target = Path(path)
    partial = target.with_name(f".{target.name}.{os.getpid()}.part")
    if remove_stale_leftovers(target.parent):
        log.info("removed what a killed export left beside %s", target)
    with open(partial, "wb"):  # a clear OSError (no such folder, no permission) first
        pass
    handle, html_name = tempfile.mkstemp(prefix=f"claimmark-export-{os.getpid()}-",
                                          suffix=".html")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as html_file:
            html_file.write(html_text)
        _run_child([html_name, str(partial), title], progress, cancelled)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
        Path(html_name).unlink(missing_ok=True)


def _run_child(args: list[str], progress: Progress | None,
               cancelled: Cancelled | None) -> None:
    # The child finds this very package, installed or run from a source tree.
    package_root = str(Path(__file__).resolve().parents[2])
    path = os.pathsep.join(p for p in (package_root, os.environ.get("PYTHONPATH")) if p)
    with subprocess.Popen([sys.executable, "-m", "app.ui.pdf_export", *args],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          encoding="utf-8",
                          env={**os.environ, "PYTHONPATH": path, PARENT_ENV: str(os.getpid())}
                          ) as child:
        errors = _follow(child, progress, cancelled)
    if child.returncode != 0:
        reason = errors[-1].strip() if errors else f"the PDF writer stopped ({child.returncode})"
        log.warning("PDF child failed (%s): %s", child.returncode, "".join(errors)[-2000:])
        raise OSError(reason)


def _follow(child: subprocess.Popen[str], progress: Progress | None,
            cancelled: Cancelled | None) -> list[str]:
    """Report the child's progress lines until it ends; stop it when cancelled.
    Returns what it wrote on stderr."""
    out, err = child.stdout, child.stderr
    assert out is not None and err is not None
    lines: queue.Queue[str | None] = queue.Queue()
    errors: list[str] = []

    def pump_out() -> None:
        for line in out:
            lines.put(line)
        lines.put(None)

    readers = [threading.Thread(target=pump_out, daemon=True),
               threading.Thread(target=lambda: errors.extend(err), daemon=True)]
    for reader in readers:
        reader.start()
    try:
        while True:
            if cancelled is not None and cancelled():
                raise ExportCancelled
            try:
                line = lines.get(timeout=POLL_SECONDS)
            except queue.Empty:
                continue
            if line is None:
                break
            done, total = (int(n) for n in line.split())
            if progress is not None:
                progress(done, total)
    finally:
        if child.poll() is None:
            child.kill()
        child.wait()
        for reader in readers:
            reader.join(5)
    return errors
