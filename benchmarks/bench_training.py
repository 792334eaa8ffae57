"""Training from the window keeps the GUI responsive: a 10 ms timer's gaps while a run trains.

In a real window on Xvfb: open a generated sample, start a run from the Tools menu's code
path (the trainer is a spawned process), and record every gap between ticks of a 10 ms
QTimer until the run ends; the same timer with the window idle is the baseline. Also the
run's own time, for scale. Needs Xvfb (Debian: xvfb); skipped without it.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DISPLAY = ":80"

SCRIPT = textwrap.dedent('''
    import json, statistics, sys, time, tempfile
    sys.path.insert(0, sys.argv[1])
    import studio.core
    from PyQt6.QtCore import QTimer
    from PyQt6.QtWidgets import QApplication
    from studio.core import bundled
    from studio.core.plugins import Registry
    from studio.ui.main_window import MainWindow
    from studio.ui.settings import Settings

    app = QApplication([])
    settings = Settings()
    settings.set_first_run_done(True)
    win = MainWindow(settings, Registry())
    win.resize(1280, 820)
    win.show()
    win.open_dataset(sys.argv[2])
    deadline = time.time() + 120
    while time.time() < deadline and (win.session.index is None or win.session.is_indexing()):
        app.processEvents(); time.sleep(0.01)
    gaps, last = [], [time.perf_counter()]
    def tick():
        now = time.perf_counter(); gaps.append(now - last[0]); last[0] = now
    timer = QTimer(); timer.setInterval(10); timer.timeout.connect(tick); timer.start()
    end = time.time() + 3
    while time.time() < end:
        app.processEvents(); time.sleep(0.001)
    idle = list(gaps); gaps.clear()
    run = win.training_ui.start({"model": str(bundled.demo_model()), "epochs": 2, "imgsz": 160, "batch": 8,
                                 "workers": 0, "device": "cpu"})
    ended = []
    run.ended.connect(ended.append)
    started = time.time()
    while not ended and time.time() - started < 900:
        app.processEvents(); time.sleep(0.001)
    busy = list(gaps)
    timer.stop()
    win.training_ui.preview_action.trigger()
    while win.training_ui.preview is None:
        app.processEvents(); time.sleep(0.001)
    preview = win.training_ui.preview
    shown = []
    preview.shown.connect(lambda s: shown.append(time.perf_counter()))
    while not shown:
        app.processEvents(); time.sleep(0.001)
    updates = []
    for k in range(6):
        n = len(shown); t0 = time.perf_counter()
        preview.controls["degrees"].setValue(5.0 * (k + 1))
        while len(shown) == n:
            app.processEvents(); time.sleep(0.001)
        updates.append(shown[-1] - t0)
    preview.close()
    def pct(v, q):
        v = sorted(v); return v[min(len(v) - 1, int(round(q * (len(v) - 1))))]
    print(json.dumps({"state": ended[0] if ended else "timeout", "train_s": round(time.time() - started, 1),
                      "idle_p50_ms": round(pct(idle, 0.5) * 1000, 1), "idle_p99_ms": round(pct(idle, 0.99) * 1000, 1),
                      "train_p50_ms": round(pct(busy, 0.5) * 1000, 1), "train_p99_ms": round(pct(busy, 0.99) * 1000, 1),
                      "train_worst_ms": round(max(busy) * 1000, 1), "ticks": len(busy),
                      "augment_update_median_ms": round(statistics.median(updates) * 1000, 1),
                      "augment_update_worst_ms": round(max(updates) * 1000, 1)}))
    run.close(); win.close()
''')


def main(out_dir: Path = ROOT / "bench-out") -> dict:
    """Run the window on Xvfb while it trains; the timer's gaps idle and while training."""
    from benchmarks import xvfb
    from studio.core.dataset.sample import make_sample_dataset

    if not xvfb.available():
        return {"skipped": "Xvfb is not installed (apt-get install xvfb)"}
    data = out_dir / "train-60"
    if not (data / "data.yaml").exists():
        make_sample_dataset(data, n_train=48, n_val=12, with_photos=False)
    with xvfb.display(DISPLAY) as env:
        env.update(XDG_CONFIG_HOME=str(out_dir / "cfg-train"), XDG_DATA_HOME=str(out_dir / "data-train"))
        done = subprocess.run([sys.executable, "-c", SCRIPT, str(ROOT), str(data)], capture_output=True, text=True,
                              env=env, timeout=1200)
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("{")]
    if not lines:
        return {"failed": done.stderr[-800:]}
    result = json.loads(lines[-1])
    result["images"] = 60
    return result

if __name__ == "__main__":
    print(json.dumps(main(), indent=2))
