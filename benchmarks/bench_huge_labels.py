"""An image whose label file has 200,000 boxes, in the real window (offscreen): key press to
repaint for the keys an annotator uses there, and how busy the GUI thread stays afterwards."""

from __future__ import annotations

import os
import shutil
import statistics
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]


def make_dataset(out_dir: Path, n: int = 200_000) -> Path:
    """Three sample images; the first one's label file holds ``n`` random boxes."""
    from studio.core.dataset.sample import make_sample_dataset

    root = out_dir / "huge-labels"
    if (root / "data.yaml").exists():
        return root
    make_sample_dataset(root, n_train=3, n_val=0, with_photos=False)
    rng = np.random.default_rng(0)
    rows = np.c_[rng.integers(0, 5, n), rng.random((n, 2)), rng.uniform(0.002, 0.05, (n, 2))]
    np.savetxt(root / "labels" / "train" / "train_0000.txt", rows, fmt=["%d", "%.6f", "%.6f", "%.6f", "%.6f"])
    return root


def main(out_dir: Path = ROOT / "bench-out") -> dict:
    """Open, then time keys on the 200,000-box image."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    config = out_dir / "cfg-huge"
    shutil.rmtree(config, ignore_errors=True)  # fresh settings: the huge image opens first
    os.environ["XDG_CONFIG_HOME"] = str(config)
    import studio.core  # noqa: F401 - cleans cv2's environment before Qt
    # isort: split
    from PyQt6.QtCore import QSettings, Qt
    from PyQt6.QtTest import QTest
    from PyQt6.QtWidgets import QApplication

    from benchmarks.qt_wait import wait_until
    from studio.core.plugins import Registry
    from studio.ui.main_window import MainWindow
    from studio.ui.settings import Settings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(config))
    root = make_dataset(out_dir)
    app = QApplication.instance() or QApplication([])
    settings = Settings()
    settings.set_first_run_done(True)
    win = MainWindow(settings, Registry())
    win.resize(1600, 1000)
    win.show()
    shown: list[str] = []
    win.image_shown.connect(shown.append)
    t0 = time.perf_counter()
    win.open_dataset(root)
    wait_until(lambda: shown and len(win.editor.boxes) == 200_000, 120)
    win.view.viewport().repaint()
    open_s = time.perf_counter() - t0

    def key_ms(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
               until=lambda: True) -> float:  # noqa: ANN001
        start = time.perf_counter()
        QTest.keyClick(win.view, key, modifier)
        wait_until(until, 60)
        win.view.viewport().repaint()
        return (time.perf_counter() - start) * 1000

    idle = []
    for _ in range(10):  # an unrelated repaint (a progress bar, the cursor): the cached layer
        start = time.perf_counter()
        win.view.viewport().repaint()
        idle.append((time.perf_counter() - start) * 1000)
    win.editor.select([0])
    nudge = [key_ms(Qt.Key.Key_Right) for _ in range(5)]  # edit one box of 200,000
    away = key_ms(Qt.Key.Key_D, until=lambda: len(shown) >= 2)
    back = key_ms(Qt.Key.Key_A, until=lambda: len(shown) >= 3 and len(win.editor.boxes) == 200_000)
    cpu0 = time.process_time()
    wall0 = time.perf_counter()
    deadline = wall0 + 2.0
    while time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.01)
    busy = (time.process_time() - cpu0) / (time.perf_counter() - wall0)
    win.close()
    return {"boxes": 200_000, "open_to_painted_s": round(open_s, 2),
            "unrelated_repaint_median_ms": round(statistics.median(idle), 1),
            "nudge_key_median_ms": round(statistics.median(nudge), 1), "next_image_key_ms": round(away, 1),
            "back_to_huge_image_key_ms": round(back, 1), "cpu_share_when_idle": round(busy, 3)}


if __name__ == "__main__":
    import json

    print(json.dumps(main(), indent=2))
