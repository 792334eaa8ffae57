"""Preprocessing speed.

- Live preview on a 12 MP photo: in the real preprocessing window (offscreen, fit to a
  1400x900 window), move a slider while "dragging" and time parameter change -> preview
  and histogram updated on screen; side by side, the same pipeline at full resolution.
- Every operation on its own slider, the same way: at its default parameters and at its
  largest ones, with the scale the preview used (it drops below display scale for a step
  that cannot keep up there).
- Try All Thresholds on the 12 MP photo: key to the quick montage, and to full resolution.
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


def _main_slider(spec) -> str | None:  # noqa: ANN001 - an OpSpec
    """The op's first numeric parameter: the slider an engineer drags."""
    from studio.core.preprocess.params import FloatParam, IntParam

    return next((p.name for p in spec.params if isinstance(p, (IntParam, FloatParam))), None)


def _largest(spec) -> dict:  # noqa: ANN001
    """Every numeric parameter at its maximum (the slowest settings the controls allow)."""
    from studio.core.preprocess.params import FloatParam, IntParam

    return {p.name: p.maximum for p in spec.params if isinstance(p, (IntParam, FloatParam))}


def _each_op_on_its_slider(app, photo: Path, wait_until) -> dict:  # noqa: ANN001
    """Drag each op's main slider alone on the photo: p95 change -> painted, and the scale used."""
    from studio.core.preprocess.pipeline import builtin_specs

    specs = builtin_specs()
    out: dict = {}
    for name, spec in specs.items():
        slider_name = _main_slider(spec)
        if slider_name is None:
            continue
        for label in ("default", "largest"):
            out[f"{name}/{label}"] = _drag_one(app, photo, specs, name, slider_name, label == "largest", wait_until)
    return out


class _UpperHandle:
    """A two-handled range slider seen as its upper handle (the bench moves one value)."""

    def __init__(self, pair) -> None:  # noqa: ANN001
        self.pair = pair

    def minimum(self) -> int:
        return self.pair.minimum()

    def maximum(self) -> int:
        return self.pair.maximum()

    def value(self) -> int:
        return int(self.pair.value()[1])

    def setValue(self, v: int) -> None:  # noqa: N802
        self.pair.setValue((self.pair.value()[0], v))


def _drag_one(app, photo: Path, specs: dict, name: str, slider_name: str, largest: bool, wait_until,  # noqa: ANN001
              updates: int = 20) -> dict:
    """One op in the window at its defaults (run once at full resolution, as a user adds it), then
    dragged: with every other numeric parameter at its maximum first when ``largest``."""
    from studio.core.preprocess.pipeline import Pipeline, Step
    from studio.ui.preprocess.window import PreprocessWindow

    spec = specs[name]
    win = PreprocessWindow(specs)
    win.resize(1400, 900)
    win.show()
    shown: list = []
    win.preview_shown.connect(shown.append)
    win.open_image(photo)
    wait_until(lambda: len(shown) >= 1, 120, poll=0.0005)
    win.set_pipeline(Pipeline([Step(name, spec.defaults())]))
    wait_until(lambda: len(shown) >= 2, 300, poll=0.0005)
    win.controller.wait()
    app.processEvents()
    form = win.pipeline_panel.form
    form._dragging = True
    if largest:
        for other, value in _largest(spec).items():
            if other != slider_name:
                form.set_value(other, value)
                win.pipeline_panel.pipeline.steps[0].params = dict(form.values)
    slider = form.controls[slider_name]
    if isinstance(slider.value(), tuple):  # a two-handled range: drag its upper handle
        pair = slider
        lo, hi = pair.minimum(), pair.maximum()
        slider = _UpperHandle(pair)
    lo, hi = slider.minimum(), slider.maximum()
    step = max((hi - lo) / 50, 1)
    # two values that differ, so every update is a change: near the top, or around the default
    values = (hi, hi - step) if largest else (min(hi, slider.value() + step), max(lo, slider.value() - step))
    times, scales = [], []
    for i in range(updates):
        count = len(shown)
        t0 = time.perf_counter()
        slider.setValue(type(slider.value())(values[i % 2]))
        wait_until(lambda: len(shown) > count, 300, poll=0.0005)  # noqa: B023 - called at once
        app.processEvents()
        times.append(time.perf_counter() - t0)
        scales.append(shown[-1].scale)
        settle = time.perf_counter() + 0.02  # a hand moves a slider about every 20 ms: let paints land
        while time.perf_counter() < settle:
            app.processEvents()
            time.sleep(0.001)
    form._dragging = False
    win.controller._refine.stop()
    win.close()
    win.controller.wait()
    return {"p95_ms": round(_pct(times, 0.95) * 1000, 1), "median_ms": round(statistics.median(times) * 1000, 1),
            "scale": round(statistics.median(scales), 4)}


def _try_all_timing(app, photo: Path, wait_until) -> dict:  # noqa: ANN001
    """Ctrl+T on the 12 MP photo: key -> quick montage on screen, and -> full resolution."""
    from PyQt6.QtCore import Qt
    from PyQt6.QtTest import QTest

    from studio.core.preprocess.pipeline import builtin_specs
    from studio.ui.preprocess.window import PreprocessWindow

    win = PreprocessWindow(builtin_specs())
    win.resize(1400, 900)
    win.show()
    shown: list[object] = []
    win.preview_shown.connect(shown.append)
    win.open_image(photo)
    wait_until(lambda: len(shown) >= 1, 120, poll=0.0005)
    win.controller.wait()
    app.processEvents()
    passes: list[float] = []
    t0 = time.perf_counter()
    QTest.keyClick(win, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    win.try_all_dialog.pass_shown.connect(lambda _full: (win.try_all_dialog.repaint(),
                                                        passes.append(time.perf_counter())))
    wait_until(lambda: len(passes) >= 2, 120, poll=0.0005)
    win.try_all_dialog.close()
    win.close()
    return {"quick_montage_s": round(passes[0] - t0, 3), "full_resolution_s": round(passes[1] - t0, 3)}


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
        settle = time.perf_counter() + 0.02  # as for each op below: a hand moves every ~20 ms
        while time.perf_counter() < settle:
            app.processEvents()
            time.sleep(0.001)
    form._dragging = False
    scale = win.last_result.scale if win.last_result else 1.0
    win.close()

    per_op = _each_op_on_its_slider(app, photo, wait_until)
    try_all = _try_all_timing(app, photo, wait_until)

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
        "per_op": per_op, "try_all": try_all,
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
