"""Images to proposals as a stream, and the one writer that stores the stream.

A producer turns the images a run still needs into ``Result`` rows; ``store_stream`` is the
only code that writes them to the store, with the same per-image commits, resume and
progress for every producer. Two producers exist: ``local_results`` here (decode on
threads, batch by shape, one batch in the model while the next is decoded and the last is
stored) and the Ray runner in ``studio.core.inference.cluster``.

Only images of the same shape share a batch: Ultralytics letterboxes a batch of equal shapes
to their minimal rectangle, as it does one image; mixed shapes are padded to a square, which
moves confidences by about 1e-2.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from studio.core.dataset.imageio import ImageReadError, read_image
from studio.core.dataset.index import file_signature
from studio.core.jobs import EtaClock, Progress
from studio.core.labels.boxes import Boxes
from studio.core.store.db import Store

COMMIT_EVERY = 16  # at most this many images per transaction (a kill redoes them, never twice)
COMMIT_SECONDS = 0.25  # and at least this often
STAGES = ("decode", "letterbox", "forward", "nms", "store")

Signature = tuple[int, int] | None  # (mtime_ns, size) of the image file the model saw
# (path, boxes in model class ids or None, error or None, seconds, signature)
Result = tuple[str, Boxes | None, str | None, float, Signature]


@dataclass
class StageTimes:
    """Where a run's time went, summed over images (seconds per stage, wall time)."""

    seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))
    images: int = 0
    wall: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def add(self, stage: str, seconds: float) -> None:
        """Add ``seconds`` to ``stage`` (from any thread)."""
        with self._lock:
            self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds

    def per_image_ms(self) -> dict[str, float]:
        """Milliseconds per image for each stage, and the wall time per image."""
        n = max(self.images, 1)
        out = {k: round(v * 1000 / n, 2) for k, v in self.seconds.items()}
        out["wall"] = round(self.wall * 1000 / n, 2)
        return out

    def summary(self) -> str:
        """``decode 2.1 ms · letterbox 0.8 ms · ... per image`` for a progress line."""
        ms = self.per_image_ms()
        parts = [f"{k} {ms[k]:.1f} ms" for k in STAGES]
        return " · ".join(parts) + f" per image (wall {ms['wall']:.1f} ms, {self.images} images)"


def run_detector(detector: Any, images: Sequence[np.ndarray], times: StageTimes) -> list[Boxes]:
    """``detector(images)``, its time split into letterbox / forward / NMS when it reports them.

    An Ultralytics detector reports its per-image stage times (``last_speed``, ms); any other
    detector's whole call counts as the forward pass.
    """
    t0 = time.perf_counter()
    boxes = detector(images)
    elapsed = time.perf_counter() - t0
    speed = getattr(detector, "last_speed", None)
    if speed:
        n = len(images)
        split = {"letterbox": speed.get("preprocess", 0.0) * n / 1000, "nms": speed.get("postprocess", 0.0) * n / 1000}
        for stage, seconds in split.items():
            times.add(stage, seconds)
        times.add("forward", max(elapsed - sum(split.values()), 0.0))
    else:
        times.add("forward", elapsed)
    return boxes


class ShapeBatcher:
    """Collects images into batches of one shape; ``add`` returns the batches that are ready.

    A batch is ready when it holds ``size`` images, or when more than ``max_waiting`` images
    wait across shapes (then the fullest shape goes, so a rare shape cannot hold memory).
    """

    def __init__(self, size: int, max_waiting: int | None = None) -> None:
        self.size = max(1, size)
        self.max_waiting = max_waiting if max_waiting is not None else 4 * self.size
        self._groups: dict[tuple, list] = {}
        self._waiting = 0

    def add(self, shape: tuple, item: Any) -> list[list]:
        """Queue ``item`` (an image of ``shape``); return full batches."""
        group = self._groups.setdefault(shape, [])
        group.append(item)
        self._waiting += 1
        ready = []
        if len(group) >= self.size:
            ready.append(self._take(shape))
        if self._waiting > self.max_waiting:
            ready.append(self._take(max(self._groups, key=lambda s: len(self._groups[s]))))
        return ready

    def drain(self) -> list[list]:
        """Every batch still waiting (at the end of the stream)."""
        return [self._take(shape) for shape in list(self._groups)]

    def _take(self, shape: tuple) -> list:
        group = self._groups.pop(shape)
        self._waiting -= len(group)
        return group


def read_file(path: Path) -> tuple[np.ndarray | None, str | None, Signature]:
    """An image file as ``(image or None, error or None, signature)``."""
    signature = file_signature(path)
    try:
        return read_image(path), None, signature
    except ImageReadError as exc:
        return None, exc.reason, signature


def local_results(image_path: Callable[[str], Path] | None, todo: Sequence[str], detector: Any, batch: int,
                  times: StageTimes, decoders: int = 2,
                  load: Callable[[str], tuple[np.ndarray | None, str | None, Signature]] | None = None
                  ) -> Iterator[Result]:
    """Proposals for ``todo`` on this machine: decoding on ``decoders`` threads, batches of one
    shape in the model on another thread while the previous batch is handed on. Images are
    files below ``image_path``, or whatever ``load(key)`` returns (a cluster worker's rows)."""

    def read(key: str) -> tuple[np.ndarray | None, str | None, Signature]:
        t0 = time.perf_counter()
        out = load(key) if load is not None else read_file(image_path(key))
        times.add("decode", time.perf_counter() - t0)
        return out

    window = max(8, 3 * batch)
    batcher = ShapeBatcher(batch)
    with ThreadPoolExecutor(max_workers=decoders) as pool, ThreadPoolExecutor(max_workers=1) as model:
        ahead: deque[tuple[str, Future]] = deque()
        in_flight: Future | None = None
        nxt = 0

        def infer(items: list) -> list[Result]:
            t0 = time.perf_counter()
            boxes = run_detector(detector, [img for _, img, _ in items], times)
            each = (time.perf_counter() - t0) / len(items)
            return [(rel, b, None, each, sig) for (rel, _, sig), b in zip(items, boxes)]

        def hand_over(ready: list | None) -> Iterator[Result]:
            """Start ``ready`` in the model (``None``: nothing more) and give back the batch before it."""
            nonlocal in_flight
            previous, in_flight = in_flight, (model.submit(infer, ready) if ready is not None else None)
            if previous is not None:
                yield from previous.result()

        try:
            while nxt < len(todo) or ahead:
                while nxt < len(todo) and len(ahead) < window:
                    ahead.append((todo[nxt], pool.submit(read, todo[nxt])))
                    nxt += 1
                rel, future = ahead.popleft()
                img, error, signature = future.result()
                if img is None:
                    yield rel, None, error, 0.0, signature
                    continue
                for ready in batcher.add(img.shape, (rel, img, signature)):
                    yield from hand_over(ready)
            for ready in batcher.drain():
                yield from hand_over(ready)
            yield from hand_over(None)
        finally:
            for _, future in ahead:
                future.cancel()


def store_stream(store: Store, run_id: int, paths: Sequence[str],
                 produce: Callable[[list[str]], Iterator[Result]], class_map: dict[int, int],
                 cancelled: Callable[[], bool] = lambda: False, commit_every: int = COMMIT_EVERY,
                 times: StageTimes | None = None) -> Iterator[Progress]:
    """Store what ``produce(todo)`` yields into run ``run_id``: the single writer of a run.

    ``todo`` is ``paths`` less the images the run already has (resume). Each image is
    committed with its proposals (at most ``commit_every`` per transaction, at least every
    0.25 s), so a kill loses only uncommitted images, which a resume computes again, and
    stores nothing twice. Progress payloads are ``[(path, n_proposals, error)]``.
    """
    from studio.core.inference.engine import apply_class_map
    from studio.core.inference.runs import done_paths, record_results

    times = times if times is not None else StageTimes()
    skip = done_paths(store, run_id)
    todo = [p for p in paths if p not in skip]
    done = len(paths) - len(todo)
    clock = EtaClock(len(paths), start_done=done)
    yield clock.progress(done, "start", [])
    pending: list[tuple] = []
    report: list[tuple[str, int, str | None]] = []
    started = last_commit = time.perf_counter()

    def commit() -> None:
        nonlocal pending, last_commit
        t0 = time.perf_counter()
        record_results(store, run_id, pending)
        times.add("store", time.perf_counter() - t0)
        pending, last_commit = [], time.perf_counter()

    results = produce(todo)
    try:
        for rel, boxes, error, seconds, signature in results:
            mapped = None if boxes is None else apply_class_map(boxes, class_map)
            pending.append((rel, mapped, error, seconds, signature))
            report.append((rel, 0 if mapped is None else len(mapped), error))
            done += 1
            times.images += 1
            if len(pending) >= commit_every or time.perf_counter() - last_commit >= COMMIT_SECONDS:
                commit()
                yield clock.progress(done, "run", report)
                report = []
            if cancelled():
                break
    finally:
        close = getattr(results, "close", None)
        if close is not None:
            close()
    if pending:
        commit()
    times.wall += time.perf_counter() - started
    yield clock.progress(done, "run", report)
