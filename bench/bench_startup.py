"""Start-up: process start → window painted with the sample and its suggestions.

Run: ``.venv/bin/python bench/bench_startup.py`` (offscreen). Runs whole
processes, interleaved, median of 9 runs each:

- **bare**: PySide6 showing the sample in a QTextBrowser (the design's yardstick);
- **floor**: the same Qt parts as claimmark's window, none of its code
  (``startup_floor.py``): what PySide6 and Qt charge for those parts;
- **claimmark**: opening the sample, painted with its suggestions.

Target: claimmark ≤ 1.3 × bare. For each it prints the time from process
start to that paint (the design's measure: the child prints the wall clock
when it has painted), the process's CPU time by then, and the whole process's
wall and CPU time to exit (claimmark's prefetch child included). Also the load
average before and after (the machine is shared) and one run of claimmark
split into its phases.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = 9

# The bare window stops at its first paint (its paintEvent, as the article
# view's); claimmark once the sample is painted with its suggestions. (Until
# issue 15's second attempt the bare window quit before any paint; calling
# view.viewport() from Python instead would add ~25 ms of shiboken type
# discovery to it that a bare window never pays.)
BARE = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QTextBrowser
app = QApplication(sys.argv[:1])
class View(QTextBrowser):
    painted = False
    def paintEvent(self, event):
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            print(f"PAINTED {time.time():.6f} {time.process_time():.4f}", file=sys.stderr)
            QTimer.singleShot(0, app.quit)
view = View()
view.setPlainText(open(sys.argv[1], encoding="utf-8").read())
view.resize(1280, 820)
view.show()
app.exec()
"""

# The data and settings folders are fresh temporary ones made by the harness
# (CLAIMMARK_DATA_DIR, BENCH_SETTINGS_DIR): a cold first open.
CLAIMMARK = """
import os, sys, time
started = time.perf_counter()
from app.core.prefetch import prefetch_article
prefetch = prefetch_article(sys.argv[1]) if os.environ.get("PREFETCH", "1") == "1" else None
from app.ui import settings
settings.redirect(os.environ["BENCH_SETTINGS_DIR"])
from app.ui.application import start_window
from PySide6.QtCore import QTimer
imported = time.perf_counter()
app, window = start_window(sys.argv[1], prefetch)
window.resize(1280, 820)
built = time.perf_counter()
def ready():
    assert window.navigator.suggestions, "suggestions must be shown"
    window.view.viewport().repaint()
    done = time.perf_counter()
    print(f"PAINTED {time.time():.6f} {time.process_time():.4f}", file=sys.stderr)
    print(f"SPLIT imports {imported - started:.3f} s, window {built - imported:.3f} s, "
          f"open -> painted with suggestions {done - built:.3f} s; "
          f"process CPU {time.process_time():.3f} s", file=sys.stderr)
    QTimer.singleShot(0, app.quit)
window.articleReady.connect(ready)
app.exec()
"""


FLOOR = ROOT / "bench" / "startup_floor.py"


@dataclass(frozen=True)
class Run:
    to_paint: float  # process start → painted, wall seconds
    cpu_at_paint: float  # the process's CPU seconds then
    wall: float  # process start → exit
    cpu: float  # user + system of the process and its children, to exit
    split: str  # claimmark's phases


def timed(program: list[str], sample: Path) -> Run:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT),
           "CLAIMMARK_DATA_DIR": tempfile.mkdtemp(), "BENCH_SETTINGS_DIR": tempfile.mkdtemp()}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started, start = time.time(), time.perf_counter()
    done = subprocess.run([sys.executable, *program, str(sample)], check=True, env=env,
                          stderr=subprocess.PIPE, text=True, cwd=tempfile.gettempdir())
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    lines = done.stderr.splitlines()
    painted = next(line for line in lines if line.startswith("PAINTED")).split()
    split = next((line for line in lines if line.startswith("SPLIT")), "")
    return Run(float(painted[1]) - started, float(painted[2]), wall, cpu, split[6:])


def main() -> None:
    sample = ROOT / "resources" / "samples" / "magnesium-and-nerves.md"
    # Byte-compiled, as after a wheel install (this machine sets PYTHONDONTWRITEBYTECODE).
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "app")], check=True,
                   stdout=subprocess.DEVNULL)
    programs = {"bare": ["-c", BARE], "floor": [str(FLOOR)], "claimmark": ["-c", CLAIMMARK]}
    for program in programs.values():  # warm the file cache
        timed(program, sample)
    load_before = os.getloadavg()[0]
    runs: dict[str, list[Run]] = {name: [] for name in programs}
    for _ in range(RUNS):  # interleaved: a busy moment disturbs all three alike
        for name, program in programs.items():
            runs[name].append(timed(program, sample))
    load_after = os.getloadavg()[0]
    print(f"load average (1 min): {load_before:.2f} before, {load_after:.2f} after; "
          f"median of {RUNS} interleaved runs each")
    bare = statistics.median(run.to_paint for run in runs["bare"])
    for name, measured in runs.items():
        to_paint = statistics.median(run.to_paint for run in measured)
        print(f"{name:>9}: painted at {to_paint:.3f} s ({to_paint / bare:.2f}x bare), "
              f"CPU then {statistics.median(run.cpu_at_paint for run in measured):.3f} s; "
              f"to exit {statistics.median(run.wall for run in measured):.3f} s wall, "
              f"{statistics.median(run.cpu for run in measured):.3f} s CPU")
    middle = sorted(runs["claimmark"], key=lambda run: run.to_paint)[RUNS // 2]
    print(f"claimmark's median run: {middle.split}")
    ours = statistics.median(run.to_paint for run in runs["claimmark"])
    floor = statistics.median(run.to_paint for run in runs["floor"])
    print(f"ratio to bare: claimmark {ours / bare:.2f}, floor {floor / bare:.2f} "
          f"(target <= 1.30); claimmark over the floor: {ours - floor:.3f} s")


if __name__ == "__main__":
    main()
