"""Opening a 100,000-image folder: time to first painted image and peak memory.

studio (``main.py DIR --exit-after-first-image``, offscreen) is measured side by side with
the simplest possible baseline: ``os.walk`` + sort + ``cv2.imread`` of the first image.
Both are timed from process spawn to the moment they report, and their peak RSS comes
from ``wait4``. The folder is built once with hard links (no disk cost) and reused.
Also measured: the full background index of the folder (``studio index``), and how
long the GUI's event loop stalls while that index runs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import cv2
import numpy as np

ROOT = Path(__file__).resolve().parents[1]


def make_folder(dest: Path, count: int) -> Path:
    """``count`` JPEGs (hard links of a few real-sized images) in one flat folder."""
    marker = dest / f".complete-{count}"
    if marker.exists():
        return dest
    dest.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(0)
    sources = []
    for k in range(max(4, count // 50_000 + 1)):  # a file takes at most 65,000 hard links
        img = cv2.GaussianBlur(rng.integers(0, 255, (960, 1280, 3), dtype=np.uint8), (0, 0), 3)
        src = dest / f".src{k}.jpg"
        cv2.imwrite(str(src), img)
        sources.append(src)
    for i in range(count):
        target = dest / f"img_{i:06d}.jpg"
        if not target.exists():
            os.link(sources[i % len(sources)], target)
    marker.write_text("ok")
    return dest


def run_measured(cmd: list[str], env: dict[str, str], until: str) -> tuple[float, float, str]:
    """Run ``cmd``; return (seconds until a stdout line contains ``until``, peak RSS MiB, output)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    seen = None
    out = []
    assert proc.stdout is not None
    for line in proc.stdout:
        out.append(line)
        if seen is None and until in line:
            seen = time.perf_counter() - t0
    _, _status, usage = os.wait4(proc.pid, 0)
    proc.returncode = 0
    return (seen if seen is not None else float("nan")), usage.ru_maxrss / 1024, "".join(out)


BASELINE = """
import os, sys, time, cv2
root = sys.argv[1]
files = sorted(os.path.join(r, f) for r, _d, fs in os.walk(root) for f in fs
               if f.lower().endswith(('.jpg', '.jpeg', '.png')) and not f.startswith('.'))
img = cv2.imread(files[0])
print('first image read', img.shape, len(files), flush=True)
"""

RESPONSIVENESS = """
import sys, time
from PyQt6.QtCore import QTimer
from PyQt6.QtWidgets import QApplication
import studio.core
from studio.core.plugins import Registry
from studio.ui.main_window import MainWindow
from studio.ui.settings import Settings
app = QApplication([])
win = MainWindow(Settings(), Registry()); win.show()
gaps, last = [], [time.perf_counter()]
def tick():
    now = time.perf_counter(); gaps.append(now - last[0]); last[0] = now
timer = QTimer(); timer.timeout.connect(tick); timer.start(10)
t0 = time.perf_counter()
win.open_dataset(sys.argv[1])
def check():
    if not win.session.is_indexing() or time.perf_counter() - t0 > float(sys.argv[2]):
        win.close(); app.quit()
poll = QTimer(); poll.timeout.connect(check); poll.start(100)
app.exec()
gaps.sort()
print('RESULT', len(gaps), gaps[len(gaps) // 2], gaps[int(len(gaps) * 0.99)], gaps[-1],
      time.perf_counter() - t0, flush=True)
"""


def main(count: int = 100_000, out_dir: Path = ROOT / "bench-out") -> dict:
    """Run the benchmark and return its figures."""
    folder = make_folder(out_dir / f"flat-{count}", count)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(out_dir / "cfg"))
    # Cold-ish studio start: remove studio's store so nothing is cached from an earlier run.
    store = folder / ".studio"
    results: dict[str, float] = {}
    studio_runs, base_runs = [], []
    for _ in range(3):
        if store.exists():
            import shutil
            shutil.rmtree(store)
        t, rss, _ = run_measured([sys.executable, str(ROOT / "main.py"), str(folder),
                                  "--exit-after-first-image"], env, "first image painted")
        studio_runs.append((t, rss))
        t, rss, _ = run_measured([sys.executable, "-c", BASELINE, str(folder)], env, "first image read")
        base_runs.append((t, rss))
    results["images"] = count
    results["studio_first_image_s"] = round(min(t for t, _ in studio_runs), 3)
    results["studio_peak_rss_mib"] = round(max(r for _, r in studio_runs), 1)
    results["baseline_first_image_s"] = round(min(t for t, _ in base_runs), 3)
    results["baseline_peak_rss_mib"] = round(max(r for _, r in base_runs), 1)
    results["first_image_ratio_studio_over_baseline"] = round(
        results["studio_first_image_s"] / results["baseline_first_image_s"], 2)
    # Full background index (headless, same job as the GUI's).
    if store.exists():
        import shutil
        shutil.rmtree(store)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "studio.cli", "index", str(folder)], env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    results["index_full_s"] = round(time.perf_counter() - t0, 2)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "studio.cli", "index", str(folder)], env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    results["index_reopen_s"] = round(time.perf_counter() - t0, 2)
    # Event-loop stalls while the GUI indexes from scratch.
    if store.exists():
        import shutil
        shutil.rmtree(store)
    _, _, out = run_measured([sys.executable, "-c", RESPONSIVENESS, str(folder), "120"], env, "RESULT")
    line = next((ln for ln in out.splitlines() if ln.startswith("RESULT")), None)
    if line:
        _, n, p50, p99, worst, total = line.split()
        results["gui_timer_gap_p50_ms"] = round(float(p50) * 1000, 1)
        results["gui_timer_gap_p99_ms"] = round(float(p99) * 1000, 1)
        results["gui_timer_gap_max_ms"] = round(float(worst) * 1000, 1)
        results["gui_index_s"] = round(float(total), 1)
    return results


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    print(json.dumps(main(n), indent=2))
