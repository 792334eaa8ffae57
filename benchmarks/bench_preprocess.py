"""Preprocessing speed.

- Live preview on a 12 MP photo: in the real preprocessing window (offscreen, fit to a
  1400x900 window), move a slider while "dragging" and time parameter change -> preview
  and histogram updated on screen; side by side, the same pipeline at full resolution.
- Batch: ``studio preprocess`` (all cores, processes) against a plain single-process loop
  (read, run, write PNG) over the same images, same pipeline.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import cv2

ROOT = Path(__file__).resolve().parents[1]


def _pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def main(out_dir: Path = ROOT / "bench-out") -> dict:
    """Run both measurements and return the figures."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import studio.core  # noqa: F401 - cleans cv2's environment before Qt
    # isort: split
    from PyQt6.QtWidgets import QApplication

    from benchmarks.bench_annotation import make_photos
    from benchmarks.qt_wait import wait_until
    from studio.core.dataset.imageio import read_image
    from studio.core.preprocess.pipeline import Pipeline, Step, builtin_specs, run_pipeline
    from studio.ui.preprocess.window import PreprocessWindow

    photos = make_photos(out_dir, 12)
    photo = sorted(photos.glob("*.jpg"))[0]
    pipeline = Pipeline([Step("gaussian_blur", {"ksize": 5}), Step("clahe", {"clip_limit": 2.0}),
                         Step("auto_threshold", {"method": "otsu"}),
                         Step("morphology", {"operation": "open", "ksize": 5})])
    pipeline = Pipeline.from_json(pipeline.to_json())
    app = QApplication.instance() or QApplication([])
    win = PreprocessWindow(builtin_specs())
    win.resize(1400, 900)
    win.show()
    shown: list[float] = []
    win.preview_shown.connect(lambda _r: shown.append(time.perf_counter()))

    def wait_for(n: int) -> None:
        wait_until(lambda: len(shown) >= n, 60, poll=0.0005)

    win.open_image(photo)
    wait_for(1)
    win.set_pipeline(pipeline)
    wait_for(2)
    win.controller.wait()
    app.processEvents()
    panel = win.pipeline_panel
    panel.list.setCurrentRow(1)  # CLAHE: the steps after it are recomputed
    app.processEvents()
    win.controller.wait()
    app.processEvents()
    form = panel.form
    slider = form.controls["clip_limit"]
    form._dragging = True
    live = []
    for i in range(25):
        n = len(shown)
        t0 = time.perf_counter()
        slider.setValue(1.0 + (i % 10) * 0.3 + 0.1)
        wait_for(n + 1)
        app.processEvents()
        live.append(time.perf_counter() - t0)
    form._dragging = False
    scale = win.last_result.scale if win.last_result else 1.0
    win.close()

    source = read_image(photo)
    full = []
    for _ in range(5):
        t0 = time.perf_counter()
        run_pipeline(source, pipeline)
        full.append(time.perf_counter() - t0)

    # Batch throughput: 12 photos x 2 = 24 images.
    src = out_dir / "batch-src"
    if not src.exists():
        src.mkdir()
        for i, p in enumerate(sorted(photos.glob("*.jpg")) * 2):
            shutil.copyfile(p, src / f"{i:03d}.jpg")
    pj = out_dir / "bench-pipeline.json"
    pj.write_text(pipeline.to_json(), encoding="utf-8")
    images = sorted(src.glob("*.jpg"))
    plain_out = out_dir / "batch-plain"
    shutil.rmtree(plain_out, ignore_errors=True)
    plain_out.mkdir()
    t0 = time.perf_counter()
    for p in images:
        ok, buf = cv2.imencode(".png", run_pipeline(read_image(p), pipeline))
        (plain_out / (p.stem + ".png")).write_bytes(buf.tobytes())
    plain_s = time.perf_counter() - t0
    studio_out = out_dir / "batch-studio"
    shutil.rmtree(studio_out, ignore_errors=True)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "studio.cli", "preprocess", str(pj), str(src), str(studio_out)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    studio_s = time.perf_counter() - t0
    identical = all((plain_out / f"{p.stem}.png").read_bytes() == (studio_out / f"{p.stem}.png").read_bytes()
                    for p in images)
    return {
        "photo": "4000x3000", "pipeline": "gaussian 5, CLAHE, Otsu, open 5",
        "live_preview_scale": scale,
        "live_median_ms": round(statistics.median(live) * 1000, 1),
        "live_p95_ms": round(_pct(live, 0.95) * 1000, 1),
        "full_resolution_median_ms": round(statistics.median(full) * 1000, 1),
        "batch_images": len(images),
        "batch_plain_loop_s": round(plain_s, 2), "batch_studio_s": round(studio_s, 2),
        "batch_speedup": round(plain_s / studio_s, 2),
        "batch_outputs_identical": identical,
        "cores": os.cpu_count(),
    }


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    print(json.dumps(main(), indent=2))
