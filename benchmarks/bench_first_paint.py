"""Spawn → the first image's pixels on the X screen, as a user sees it.

studio runs in a real window on Xvfb; a second X client (a tiny PyQt6 watcher) reads the
screen under the canvas every few milliseconds and notes when a photo's colours appear.
Measured for 10, 100,000 and 300,000 images, with fresh settings and with ``--model`` given,
from process spawn (interpreter start and imports included). Needs Xvfb (Debian: xvfb).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "resources" / "models" / "demo-fruit.pt"
DISPLAY = ":79"

WATCHER = textwrap.dedent('''
    import sys, time
    from PyQt6.QtGui import QGuiApplication
    app = QGuiApplication(sys.argv[:1])
    screen = app.primaryScreen()
    deadline = time.time() + float(sys.argv[1])
    print("ready", flush=True)
    while time.time() < deadline:
        img = screen.grabWindow(0, 540, 320, 200, 200).toImage()
        distinct = len({img.pixel(x, y) for y in range(0, 200, 20) for x in range(0, 200, 20)})
        if distinct >= 60:  # a photo's texture: the interface there is one flat colour (or a few)
            print(f"shown {time.time():.6f}", flush=True)
            break
        time.sleep(0.003)
''')


def _first_paint(folder: Path, env: dict[str, str], model: bool) -> float:
    watcher = subprocess.Popen([sys.executable, "-c", WATCHER, "60"], env=env, stdout=subprocess.PIPE, text=True)
    assert watcher.stdout is not None
    assert watcher.stdout.readline().strip() == "ready"
    with tempfile.TemporaryDirectory() as cfg:  # fresh settings every time
        cmd = [sys.executable, str(ROOT / "main.py"), str(folder)] + (["--model", str(DEMO)] if model else [])
        t0 = time.time()
        studio = subprocess.Popen(cmd, env={**env, "XDG_CONFIG_HOME": cfg}, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        line = watcher.stdout.readline().strip()
        studio.terminate()
        studio.wait(timeout=30)
        watcher.wait(timeout=10)
    return float(line.split()[1]) - t0 if line.startswith("shown") else float("nan")


def main(out_dir: Path = ROOT / "bench-out", repeats: int = 5) -> dict:
    """Spawn-to-pixels for each folder size, with and without a model; medians of ``repeats``."""
    from benchmarks import xvfb
    from benchmarks.bench_open_large import make_folder

    if not xvfb.available():
        return {"skipped": "Xvfb is not installed (apt-get install xvfb)"}
    with xvfb.display(DISPLAY) as env:
        folders = {n: make_folder(out_dir / f"flat-{n}", n) for n in (10, 100_000, 300_000)}
        result: dict = {}
        for n, folder in folders.items():
            for model in (False, True):
                times = [_first_paint(folder, env, model) for _ in range(repeats)]
                result[f"{n}{'_model' if model else ''}_s"] = round(statistics.median(times), 3)
        base = result["10_s"]
        result["worst_ratio_to_10"] = round(max(v for k, v in result.items() if k.endswith("_s")) / base, 2)
        return result

if __name__ == "__main__":
    import json

    print(json.dumps(main(), indent=2))
