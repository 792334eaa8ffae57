"""Batch preprocessing on a Ray cluster, through the same runner as pre-labeling.

Workers build the pipeline once and return each output as PNG bytes; the driver writes every
file (atomically, at the same paths as a local run), so the output folder needs no shared
mount and a rerun skips what exists, as locally.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import cv2
import numpy as np

from studio.core.atomic import atomic_write_bytes
from studio.core.cluster.runner import ClusterSpec, map_images, row_image, worker_error
from studio.core.preprocess.batch import BatchResult, output_path, registered_specs
from studio.core.preprocess.ops import OpError
from studio.core.preprocess.pipeline import Pipeline, PipelineError, run_pipeline

REPORT_EVERY = 0.25  # seconds between progress reports


class PreprocessWorker:
    """A Ray Data actor: one pipeline, built once, applied to batches of rows."""

    def __init__(self, pipeline: str, root: str | None) -> None:
        try:
            self.pipeline = Pipeline.from_json(pipeline, registered_specs())
        except Exception as exc:  # noqa: BLE001 - reported to the driver in words
            raise worker_error(exc) from None
        self.root = root

    def __call__(self, rows: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        """PNG bytes (or an error) for each row."""
        pngs, errors = [], []
        for i in range(len(rows["path"])):
            img, error, _ = row_image({k: v[i] for k, v in rows.items()}, self.root)
            png = b""
            if img is not None:
                try:
                    ok, buf = cv2.imencode(".png", run_pipeline(img, self.pipeline, registered_specs()))
                    png, error = (buf.tobytes(), None) if ok else (b"", "PNG encoding failed")
                except (OpError, PipelineError) as exc:
                    error = str(exc)
            pngs.append(png)
            errors.append(error or "")
        return {"path": rows["path"], "png": np.array(pngs, dtype=object), "error": np.array(errors, dtype=object)}


def cluster_preprocess(spec: ClusterSpec, src: Path, dst: Path, todo: Sequence[str], pipeline_json: str,
                       cancelled: Callable[[], bool] = lambda: False) -> Iterator[list[BatchResult]]:
    """Outputs of ``todo`` computed on the cluster and written here; yields results in groups."""
    group: list[BatchResult] = []
    last = time.perf_counter()
    rows = map_images(spec, src, todo, PreprocessWorker, {"pipeline": pipeline_json}, batch_size=8)
    try:
        for row in rows:
            rel, error = str(row["path"]), str(row["error"])
            if error:
                group.append(BatchResult(rel, "failed", error))
            else:
                out = output_path(dst, rel)
                try:
                    out.parent.mkdir(parents=True, exist_ok=True)
                    atomic_write_bytes(out, bytes(row["png"]), fsync=False)
                    group.append(BatchResult(rel, "written"))
                except OSError as exc:
                    group.append(BatchResult(rel, "failed", str(exc)))
            if time.perf_counter() - last >= REPORT_EVERY:
                yield group
                group, last = [], time.perf_counter()
            if cancelled():
                break
    finally:
        rows.close()
    if group:
        yield group
