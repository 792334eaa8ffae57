"""Pre-labeling on a Ray cluster: the worker that holds the model, and the producer for the run.

The driver puts the model file's bytes in Ray's object store once (the ONNX export when the
run uses ONNX Runtime), so nothing is downloaded or read from the driver's disk on a worker.
Each worker writes them to a private temporary file and opens it through studio's safe
loader, after setting the safe-loader flag in its own process (workers do not inherit the
driver's environment). Workers return raw model boxes; the driver maps classes and stores.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from studio.core.cluster.runner import ClusterSpec, map_images, row_image, worker_error
from studio.core.inference.pipeline import Result, StageTimes, local_results
from studio.core.labels.boxes import Boxes

STAGE_COLUMNS = ("decode", "letterbox", "forward", "nms")
ROWS_PER_CALL = 128  # images per worker call (Ray Data block): fewer, larger tasks cost less scheduling


class PrelabelWorker:
    """A Ray Data actor: one model, loaded once, called on batches of rows."""

    def __init__(self, model: list, suffix: str, settings: dict[str, Any], device: str, batch: int,
                 root: str | None) -> None:
        try:
            self._load(model, suffix, settings, device)
        except Exception as exc:  # noqa: BLE001 - reported to the driver in words
            raise worker_error(exc) from None
        self.batch, self.root = batch, root

    def _load(self, model: list, suffix: str, settings: dict[str, Any], device: str) -> None:
        from studio.core import runtime

        runtime.prepare()  # the safe-loader flag, before anything imports Ultralytics here
        import ray

        from studio.core.inference.engine import use_all_cores
        from studio.core.inference.model_file import load_detection_model
        from studio.core.inference.prelabel_run import PrelabelSettings, build_detector

        self._dir = tempfile.TemporaryDirectory(prefix="studio-model-")
        path = Path(self._dir.name) / f"model{suffix}"
        path.write_bytes(ray.get(model[0]))
        loaded, info = load_detection_model(path)
        stored = PrelabelSettings.from_stored(settings)
        self.detector = build_detector(loaded, info, replace(stored, backend=info.backend, device=device))
        use_all_cores()
        normal_priority()

    def __call__(self, rows: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        """Boxes for a batch of rows, as columns (boxes as float64 bytes, n x 6)."""
        try:
            return self._predict(rows)
        except Exception as exc:  # noqa: BLE001 - reported to the driver in words
            raise worker_error(exc) from None

    def _predict(self, rows: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        n = len(rows["path"])
        times = StageTimes()
        boxes: list[Boxes | None] = [None] * n
        seconds = np.zeros(n)
        errors, signatures = [""] * n, [(-1, -1)] * n

        def load(key: str) -> tuple:
            return row_image({k: v[int(key)] for k, v in rows.items()}, self.root)

        # decoding (on every core: OpenCV releases the GIL) overlaps the model, as on one machine
        for key, b, error, each, sig in local_results(None, [str(i) for i in range(n)], self.detector, self.batch,
                                                      times, decoders=os.cpu_count() or 1, load=load):
            i = int(key)
            boxes[i], seconds[i], errors[i], signatures[i] = b, each, error or "", sig or (-1, -1)
        share = {s: times.seconds[s] / max(n, 1) for s in STAGE_COLUMNS}
        return {"path": rows["path"], "boxes": np.array([_pack(b) for b in boxes], dtype=object),
                "error": np.array(errors, dtype=object), "seconds": seconds,
                "mtime_ns": np.array([s[0] for s in signatures], np.int64),
                "size": np.array([s[1] for s in signatures], np.int64),
                **{f"{s}_s": np.full(n, share[s]) for s in STAGE_COLUMNS}}


def normal_priority() -> None:
    """Undo the niceness Ray gives its workers, where allowed: a niced model worker is preempted
    by every wake-up of the driver, and a preempted thread stalls the whole parallel forward pass."""
    try:
        os.setpriority(os.PRIO_PROCESS, 0, 0)
    except (OSError, AttributeError):  # not permitted, or not a POSIX system
        pass


def _pack(boxes: Boxes | None) -> bytes:
    if boxes is None:
        return b""
    conf = boxes.confidence if boxes.confidence is not None else np.ones(len(boxes))
    return np.column_stack([boxes.xywhn, boxes.class_id, conf]).astype(np.float64).tobytes()


def _unpack(data: bytes) -> Boxes:
    a = np.frombuffer(data, np.float64).reshape(-1, 6)
    return Boxes(a[:, :4].copy(), a[:, 4].astype(np.int64), a[:, 5].copy())


def cluster_results(spec: ClusterSpec, root: Path, todo: Sequence[str], model_file: Path,
                    stored_settings: dict[str, Any], batch: int, times: StageTimes,
                    info: Any = None) -> Iterator[Result]:
    """Proposals for ``todo`` from the cluster, as the run's writer wants them."""
    from studio.core.cluster.connect import connect

    info = info or connect(spec.address)
    import ray

    model_ref = [ray.put(Path(model_file).read_bytes())]  # in a list: Ray hands the worker the reference
    kwargs = {"model": model_ref, "suffix": Path(model_file).suffix.lower(), "settings": stored_settings,
              "device": "0" if spec.gpu else "cpu", "batch": batch}
    rows_per_call = max(batch, ROWS_PER_CALL)
    for row in map_images(spec, root, todo, PrelabelWorker, kwargs, batch_size=rows_per_call, info=info):
        for stage in STAGE_COLUMNS:
            times.add(stage, float(row[f"{stage}_s"]))
        error = str(row["error"]) or None
        signature = (int(row["mtime_ns"]), int(row["size"])) if int(row["size"]) >= 0 else None
        boxes = None if error else _unpack(row["boxes"])
        yield str(row["path"]), boxes, error, float(row["seconds"]), signature

