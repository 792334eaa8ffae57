"""Review mode at the project's planned size: 33,709 pre-labeled images in the real window.

A generated dataset of 33,709 images (hard links of sample images, with labels) gets a
synthetic pre-labeling run in its store (1-7 proposals per image, ~130,000 in all). Timed in
the real main window, offscreen: opening the dataset, entering review mode (queue built and
ordered, first image shown), and ``Enter`` (accept all, finish, next image painted), with
the reviewer looking at each image for a moment so prefetching can work.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _store_with_run(root: Path) -> int:
    from studio.core.dataset.layout import open_dataset
    from studio.core.inference.runs import create_run, record_results
    from studio.core.labels.boxes import Boxes
    from studio.core.store.db import Store

    ds = open_dataset(root)
    shutil.rmtree(ds.store_dir, ignore_errors=True)
    store = Store(ds.store_dir)
    listing = ds.scan_images()
    store.sync_paths(listing.paths, listing.splits)
    run = create_run(store, "synthetic.pt", dict(enumerate(ds.classes.names)), {}, {}, ds.classes.names)
    rng = np.random.default_rng(0)
    batch = []
    for rel in listing.paths:
        k = int(rng.integers(1, 8))
        xy = rng.uniform(0.2, 0.8, (k, 2))
        wh = rng.uniform(0.05, 0.2, (k, 2))
        batch.append((rel, Boxes(np.c_[xy, wh], rng.integers(0, len(ds.classes), k), rng.uniform(0.25, 1.0, k)),
                      None, 0.01))
        if len(batch) == 2000:
            record_results(store, run, batch)
            batch = []
    record_results(store, run, batch)
    store.close()
    return run


def main(count: int = 33_709, out_dir: Path = ROOT / "bench-out", dwell_s: float = 0.3, steps: int = 25) -> dict:
    """Build, then time open / enter review / Enter per image."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    cfg = out_dir / "cfg-review-scale"
    shutil.rmtree(cfg, ignore_errors=True)
    os.environ["XDG_CONFIG_HOME"] = str(cfg)
    from benchmarks.bench_insight import make_dataset

    root = make_dataset(out_dir / f"insight-{count}", count)
    t0 = time.perf_counter()
    _store_with_run(root)
    fill_s = time.perf_counter() - t0

    from PyQt6.QtCore import QSettings, Qt
    from PyQt6.QtTest import QTest
    from PyQt6.QtWidgets import QApplication

    import studio.core  # noqa: F401 - cleans cv2's environment before Qt
    from benchmarks.qt_wait import pump, wait_until
    from studio.core.plugins import Registry
    from studio.ui.main_window import MainWindow
    from studio.ui.settings import Settings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(cfg))
    _app = QApplication.instance() or QApplication([])  # kept alive for the windows below

    settings = Settings()
    settings.set_first_run_done(True)
    win = MainWindow(settings, Registry())
    win.resize(1400, 900)
    win.show()
    shown: list[float] = []
    win.image_shown.connect(lambda _k: shown.append(time.perf_counter()))
    t0 = time.perf_counter()
    win.open_dataset(root)
    wait_until(lambda: shown, 60)
    open_s = time.perf_counter() - t0
    wait_until(lambda: not win.session.is_indexing(), 120)
    win.view.setFocus()
    t0 = time.perf_counter()
    QTest.keyClick(win.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    first = win.review.queue.ordered[0].path
    wait_until(lambda: win.review.current is not None and win.review.current.path == first, 60)
    enter_review_s = time.perf_counter() - t0
    times = []
    for _ in range(steps):
        pump(dwell_s)
        n = len(shown)
        path = win.review.current.path
        t0 = time.perf_counter()
        QTest.keyClick(win.view, Qt.Key.Key_Return)
        wait_until(lambda n=n, path=path: len(shown) > n and win.review.current is not None
                   and win.review.current.path != path, 60)
        times.append(time.perf_counter() - t0)
    reviewed = win.review.queue.counts().reviewed
    win.close()
    return {"images": count, "proposals_fill_s": round(fill_s, 1), "open_first_image_s": round(open_s, 2),
            "enter_review_mode_s": round(enter_review_s, 2),
            "enter_to_next_image_median_ms": round(1000 * statistics.median(times), 1),
            "enter_to_next_image_p95_ms": round(1000 * sorted(times)[int(0.95 * (len(times) - 1))], 1),
            "reviewed": reviewed}


if __name__ == "__main__":
    print(json.dumps(main(), indent=2))
