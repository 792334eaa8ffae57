"""Live preview: run the pipeline off the GUI thread, at display scale while dragging, then at
full resolution when the user pauses; only the steps after the changed one are recomputed.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable
from dataclasses import dataclass

import cv2
import numpy as np
from PyQt6.QtCore import QObject, QTimer, pyqtSignal

from studio.core.preprocess.ops import OpSpec
from studio.core.preprocess.pipeline import Pipeline, PipelineRunner
from studio.ui.background import CallLane
from studio.ui.preprocess.drag_scale import MIN_SCALE, DragScale

VIEW_MODES = ("result", "overlay", "split")
REFINE_MS = 250  # a pause this long while holding a slider refines at full resolution ...
REFINE_WHILE_HELD_S = 0.3  # ... when that takes at most this long; a slower step refines on release


@dataclass(frozen=True)
class PreviewResult:
    """What the preview shows: composed BGR pixels, histogram input, step errors, scale."""

    display: np.ndarray
    hist: np.ndarray  # whole-image histogram of the selected step's input
    hist_image: np.ndarray  # that input itself (for a visible-region histogram)
    output: np.ndarray
    errors: dict[int, str]
    scale: float
    seconds: float
    ticket: int
    reduced_to_keep_up: bool = False  # dragging below display scale because this slider is slow there
    step_seconds: tuple[float, ...] = ()  # each step's time when last computed at this scale


def compose(source: np.ndarray, output: np.ndarray, mode: str, opacity: float, split: float) -> np.ndarray:
    """The picture to show: the result, the mask over the photo, or before | after."""
    out = output if output.ndim == 3 else cv2.cvtColor(output, cv2.COLOR_GRAY2BGR)
    if out.shape[:2] != source.shape[:2]:
        out = cv2.resize(out, (source.shape[1], source.shape[0]), interpolation=cv2.INTER_NEAREST)
    if mode == "overlay" and output.ndim == 2:
        mask = output if output.shape == source.shape[:2] else cv2.resize(
            output, (source.shape[1], source.shape[0]), interpolation=cv2.INTER_NEAREST)
        color = np.zeros_like(source)
        color[..., 2] = 255  # red where the mask is on
        blend = cv2.addWeighted(source, 1 - opacity, color, opacity, 0)
        shown = source.copy()
        on = mask > 0
        shown[on] = blend[on]
        return shown
    if mode == "split":
        cut = int(round(source.shape[1] * split))
        shown = out.copy()
        shown[:, :cut] = source[:, :cut]
        shown[:, cut:cut + 2] = (0, 255, 255)
        return shown
    return out


def histogram_of(img: np.ndarray) -> np.ndarray:
    """Exact 256-bin counts: (1, 256) for gray, (4, 256) gray+B+G+R for color."""
    if img.ndim == 2:
        return cv2.calcHist([img], [0], None, [256], [0, 256]).reshape(1, 256)
    gray = cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)
    rows = [cv2.calcHist([gray], [0], None, [256], [0, 256]).reshape(256)]
    rows += [cv2.calcHist([img], [c], None, [256], [0, 256]).reshape(256) for c in range(3)]
    return np.stack(rows)


def render_preview(runner: PipelineRunner, source: np.ndarray, scale: float, pipeline: Pipeline, upto: int,
                   mode: str, opacity: float, split: float, ticket: int, reduced: bool = False) -> PreviewResult:
    """Run ``pipeline`` on ``source`` and compose what the preview shows (on a worker thread)."""
    t0 = time.perf_counter()
    output = runner.run(source, pipeline)
    steps = runner.outputs()
    hist_source = steps[upto - 1] if 0 < upto <= len(steps) else source
    display = compose(source, output, mode, opacity, split)
    return PreviewResult(display, histogram_of(hist_source), hist_source, output, dict(runner.errors), scale,
                         time.perf_counter() - t0, ticket, reduced, tuple(runner.step_seconds))


class PreviewController(QObject):
    """Latest request wins (``background.CallLane``, policy "latest"): a request during a run waits and replaces
    any older waiting one. A failure outside the ops' own handlers is reported (``failed``) and
    the next change previews again."""

    ready = pyqtSignal(object)  # PreviewResult
    failed = pyqtSignal(str)  # a readable reason

    def __init__(self, specs: dict[str, OpSpec], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.specs = specs
        self.source: np.ndarray | None = None
        self._reduced: dict[float, np.ndarray] = {}
        self._runners: dict[float, PipelineRunner] = {}
        self._lane = CallLane(self, "latest")
        self._lane.result.connect(self._on_result)
        self.drag = DragScale()
        self._drags: dict[int, tuple[object, float]] = {}  # ticket -> (slider key, display scale)
        self._held_key: object = None  # the slider being dragged
        self._full_step_s: tuple[float, ...] = ()  # each step's time at full resolution, last measured
        self._selected: tuple[object, int, float] | None = None  # slider key, step, display scale
        self._settle = QTimer(self)  # the view's scale settles (layout, zoom) before a copy is made for it
        self._settle.setSingleShot(True)
        self._settle.setInterval(150)
        self._settle.timeout.connect(self._warm_for_drag)
        self._lane.failed.connect(lambda error: self.failed.emit(error.message))
        self._ticket = 0
        self._refine = QTimer(self)
        self._refine.setSingleShot(True)
        self._refine.setInterval(REFINE_MS)
        self._refine.timeout.connect(lambda: self._request_full())
        self._last_args: tuple | None = None

    def set_source(self, img: np.ndarray) -> None:
        """The full-resolution photo being tuned."""
        self.source = img
        self._reduced = {}  # a new dict: a call still running fills the old one
        self._runners = {}

    def runner_for(self, scale: float) -> PipelineRunner:
        """One incremental runner per scale (it runs on the lane's single worker thread only)."""
        runner = self._runners.get(scale)
        if runner is None:
            runner = self._runners[scale] = PipelineRunner(self.specs)
        return runner

    def request(self, pipeline: Pipeline, upto: int, mode: str, opacity: float, split: float,
                display_scale: float, dragging: bool) -> None:
        """Show ``pipeline``; while dragging at display scale (or less where the dragged step is
        slow, see ``DragScale``), and at full resolution on release or after a pause."""
        if self.source is None:
            return
        args = (copy.deepcopy(pipeline), upto, mode, opacity, split)
        self._last_args = args
        display = min(1.0, max(MIN_SCALE, round(display_scale, 2)))
        if not dragging:
            self._refine.stop()
            self._submit(1.0, args)
            self._selected = (self._slider_key(pipeline, upto), upto, display)
            return
        key = self._slider_key(pipeline, upto)
        scale = self.drag.scale_for(key, display)
        self._submit(scale, args, (key, display), self.drag.reduced(key, display))
        self._held_key = key
        if scale < 1.0:
            self._refine.start()

    def _request_full(self) -> None:
        """A pause while holding: refine now unless that would keep the next updates waiting."""
        if self._drags:  # the last update is still running: its time decides, so ask again later
            self._refine.start()
            return
        if self._last_args is not None and self.drag.full_resolution_s(self._held_key) <= REFINE_WHILE_HELD_S:
            self._submit(1.0, self._last_args)

    def _submit(self, scale: float, args: tuple, drag: tuple[object, float] | None = None,
                reduced: bool = False) -> None:
        self._ticket += 1
        ticket, runner = self._ticket, self.runner_for(scale)
        if drag is not None:
            self._drags[ticket] = drag
        pipeline, upto, mode, opacity, split = args
        shrink = self._shrinker(scale)
        self._lane.submit(lambda: render_preview(runner, shrink(), scale, pipeline, upto, mode, opacity, split,
                                                 ticket, reduced))

    def _shrinker(self, scale: float) -> Callable[[], np.ndarray]:
        """The source at ``scale``, made on the worker thread (a 12 MP resize must not block painting)."""
        source, cache = self.source, self._reduced

        def make() -> np.ndarray:
            if scale >= 1.0 or source is None:
                return source
            img = cache.get(scale)
            if img is None:  # from the smallest copy still larger, not from 12 MP every time
                larger = [s for s in list(cache) if s > scale]
                start = cache[min(larger)] if larger else source
                h, w = source.shape[:2]
                img = cache[scale] = cv2.resize(start, (max(1, round(w * scale)), max(1, round(h * scale))),
                                                interpolation=cv2.INTER_AREA)
            return img

        return make

    def _on_result(self, result: PreviewResult) -> None:
        drag = self._drags.pop(result.ticket, None)
        for old in [t for t in self._drags if t < result.ticket]:
            del self._drags[old]  # replaced before they ran
        if drag is not None:
            self.drag.learn(drag[0], result.scale, result.seconds)
        if result.scale >= 1.0:
            self._full_step_s = result.step_seconds
            if self._selected is not None:  # measured with the current settings: the best estimate
                key, upto, _display = self._selected
                self.drag.expect(key, sum(self._full_step_s[upto:]) if 0 <= upto < len(self._full_step_s) else 0.0)
            self._warm_for_drag()
        self.ready.emit(result)

    @staticmethod
    def _slider_key(pipeline: Pipeline, upto: int) -> tuple[int, str]:
        steps = pipeline.steps
        return (upto, steps[upto].op if 0 <= upto < len(steps) else "")

    def set_display_scale(self, display_scale: float) -> None:
        """The view's scale changed (zoom, a resized window): prepare the next drag for it,
        once the view has settled."""
        if self._selected is not None and display_scale > 0:
            key, upto, _old = self._selected
            self._selected = (key, upto, min(1.0, max(MIN_SCALE, round(display_scale, 2))))
            self._settle.start()

    def _warm_for_drag(self) -> None:
        """Prepare the reduced copy the selected step's first drag update will use (a 12 MP
        resize costs about 25 ms, which that update must not pay)."""
        if self._selected is None:
            return
        key, _upto, display = self._selected
        scale = self.drag.scale_for(key, display)
        if scale < 1.0 and scale not in self._reduced:
            self._lane.warm(self._shrinker(scale))

    def wait(self) -> None:
        """Block until the worker is idle (tests, benchmarks, shutdown)."""
        self._lane.wait()
