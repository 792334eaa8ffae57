"""Annotation speed: next image on 12-megapixel JPEGs, and painting 1,000 boxes.

- Next image: in the real main window (offscreen), press ``D`` like a user who looks at
  each image for a moment, and time key press -> image painted (``image_shown`` then a
  synchronous repaint). Side by side: a cold ``cv2.imread`` of the same files.
- 1,000 boxes: time a full repaint of the canvas at fit, at 1:1 and while panning, and
  the selection of a box by a click.
"""

from __future__ import annotations

import json
import os
import statistics
import time
from pathlib import Path

import cv2
import numpy as np

ROOT = Path(__file__).resolve().parents[1]


def make_photos(dest: Path, count: int) -> Path:
    """``count`` 4000x3000 JPEGs with photo-like texture (about 12 MP each)."""
    folder = dest / "photos-12mp"
    marker = folder / f".complete-{count}"
    if marker.exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(0)
    for i in range(count):
        small = rng.integers(0, 255, (300, 400, 3), dtype=np.uint8)
        img = cv2.resize(small, (4000, 3000), interpolation=cv2.INTER_CUBIC)
        img = cv2.add(img, rng.integers(0, 30, img.shape, dtype=np.uint8))
        cv2.imwrite(str(folder / f"photo_{i:03d}.jpg"), img, [cv2.IMWRITE_JPEG_QUALITY, 92])
    marker.write_text("ok")
    return folder


def make_crowded(dest: Path, boxes: int = 1000) -> Path:
    """One 1920x1080 image with ``boxes`` labeled boxes."""
    folder = dest / "crowded"
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(1)
    cv2.imwrite(str(folder / "crowd.jpg"), rng.integers(0, 255, (1080, 1920, 3), dtype=np.uint8))
    xy = rng.uniform(0.02, 0.98, (boxes, 2))
    wh = rng.uniform(0.005, 0.04, (boxes, 2))
    cls = rng.integers(0, 5, boxes)
    (folder / "crowd.txt").write_text("".join(
        f"{c} {x:.6f} {y:.6f} {w:.6f} {h:.6f}\n" for c, (x, y), (w, h) in zip(cls, xy, wh)))
    (folder / "classes.txt").write_text("a\nb\nc\nd\ne\n")
    return folder


def _pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def main(count: int = 12, dwell_s: float = 0.6, out_dir: Path = ROOT / "bench-out") -> dict:
    """Run both measurements; returns the figures."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["XDG_CONFIG_HOME"] = str(out_dir / "cfg-annotation")
    import shutil

    import studio.core  # noqa: F401 - cleans cv2's environment before Qt
    # isort: split
    from PyQt6.QtCore import QPoint, QSettings, Qt
    from PyQt6.QtTest import QTest
    from PyQt6.QtWidgets import QApplication

    from benchmarks.qt_wait import pump, wait_until
    from studio.core.plugins import Registry
    from studio.ui.main_window import MainWindow
    from studio.ui.settings import Settings

    shutil.rmtree(out_dir / "cfg-annotation", ignore_errors=True)  # start at the first image
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(out_dir / "cfg-annotation"))
    photos = make_photos(out_dir, count)
    files = sorted(str(p) for p in photos.glob("*.jpg"))
    cold = []
    for f in files:  # the page cache is warm for both; "cold" means no decode cached
        t0 = time.perf_counter()
        cv2.imread(f)
        cold.append(time.perf_counter() - t0)

    _app = QApplication.instance() or QApplication([])  # kept alive for the windows below
    win = MainWindow(Settings(), Registry())
    win.resize(1600, 1000)
    win.show()
    shown: list[float] = []
    win.image_shown.connect(lambda _k: shown.append(time.perf_counter()))

    win.open_dataset(photos)
    wait_until(lambda: shown)
    wait_until(lambda: not win.session.is_indexing())
    steps = []
    for _ in range(len(files) - 1):
        pump(dwell_s)  # the user looks at the image; prefetch runs
        n = len(shown)
        t0 = time.perf_counter()
        QTest.keyClick(win.view, Qt.Key.Key_D)
        wait_until(lambda n=n: len(shown) > n)
        win.view.viewport().repaint()
        steps.append(time.perf_counter() - t0)

    crowded = make_crowded(out_dir)
    shown.clear()
    win.open_dataset(crowded)
    wait_until(lambda: shown)
    view = win.view

    def repaint_ms(n: int = 15, action=None) -> float:
        times = []
        for _ in range(n):
            if action:
                action()
            t0 = time.perf_counter()
            view.viewport().repaint()
            times.append((time.perf_counter() - t0) * 1000)
        return statistics.median(times)

    fit_ms = repaint_ms()
    view.actual_size()
    one_ms = repaint_ms()
    bar = view.horizontalScrollBar()
    pan_ms = repaint_ms(action=lambda: bar.setValue((bar.value() + 40) % max(1, bar.maximum())))
    view.fit()
    x1, y1, x2, y2 = win.editor.boxes.to_xyxy(win.editor.size_wh)[0]
    pos = view.mapFromScene((x1 + x2) / 2, (y1 + y2) / 2)
    t0 = time.perf_counter()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(pos.x(), pos.y()))
    view.viewport().repaint()
    select_ms = (time.perf_counter() - t0) * 1000
    n_boxes = len(win.editor.boxes)
    win.close()
    return {
        "photos": len(files), "photo_size": "4000x3000",
        "next_image_median_ms": round(statistics.median(steps) * 1000, 1),
        "next_image_p95_ms": round(_pct(steps, 0.95) * 1000, 1),
        "cold_imread_median_ms": round(statistics.median(cold) * 1000, 1),
        "prefetch_speedup": round(statistics.median(cold) / statistics.median(steps), 1),
        "boxes": n_boxes,
        "paint_fit_ms": round(fit_ms, 1), "paint_1to1_ms": round(one_ms, 1),
        "paint_pan_ms": round(pan_ms, 1), "click_select_ms": round(select_ms, 1),
    }


if __name__ == "__main__":
    print(json.dumps(main(), indent=2))
