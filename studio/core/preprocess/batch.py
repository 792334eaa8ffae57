"""Apply a pipeline to a whole folder, on every core, resumably.

Outputs are lossless PNGs at the same relative paths. Each file is written atomically,
so a file that exists is complete: a rerun after a crash or cancel skips it and finishes
the rest. The pipeline is saved beside the outputs; a rerun with a different pipeline is
refused (unless told to overwrite) so one folder never mixes two pipelines.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

import cv2

from studio.core.atomic import atomic_write_bytes, atomic_write_text
from studio.core.cluster.runner import ClusterSpec
from studio.core.dataset.imageio import ImageReadError, read_image
from studio.core.dataset.paths import is_image_name, natural_key
from studio.core.jobs import EtaClock, Progress
from studio.core.preprocess.ops import OpError
from studio.core.preprocess.pipeline import Pipeline, PipelineError, run_pipeline

MANIFEST = ".studio-pipeline.json"


@dataclass(frozen=True)
class BatchResult:
    """What happened to one image: written, skipped (done before) or failed (with why)."""

    rel: str
    status: str
    error: str = ""


def list_images(src: Path) -> list[str]:
    """Image paths below ``src`` (relative, natural order; hidden folders skipped)."""
    out = []
    for folder, dirs, files in os.walk(src):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        rel_dir = os.path.relpath(folder, src)
        for name in files:
            if is_image_name(name) and not name.startswith("."):
                out.append(name if rel_dir == "." else os.path.join(rel_dir, name))
    return sorted(out, key=natural_key)


def output_path(dst: Path, rel: str) -> Path:
    """Where the output of image ``rel`` goes."""
    return (dst / rel).with_suffix(".png")


def process_one(pipeline_json: str, src: str, dst: str, rel: str) -> BatchResult:
    """Read, run, encode and write one image (runs in a worker process)."""
    try:
        pipeline = Pipeline.from_json(pipeline_json, registered_specs())
        img = run_pipeline(read_image(Path(src) / rel), pipeline, registered_specs())
        ok, buf = cv2.imencode(".png", img)
        if not ok:
            return BatchResult(rel, "failed", "PNG encoding failed")
        out = output_path(Path(dst), rel)
        out.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(out, buf.tobytes(), fsync=False)
        return BatchResult(rel, "written")
    except ImageReadError as exc:
        return BatchResult(rel, "failed", exc.reason)
    except (OpError, PipelineError, OSError) as exc:
        return BatchResult(rel, "failed", str(exc))


_SPECS: dict | None = None


def registered_specs() -> dict:
    """Built-in and plugin operations, loaded once per worker process."""
    global _SPECS
    if _SPECS is None:
        from studio.core.plugins import Registry, default_plugin_folders

        reg = Registry()
        reg.discover(default_plugin_folders())
        _SPECS = {name: reg.get("op", name) for name in reg.names("op")}
    return _SPECS


def _init_worker() -> None:
    cv2.setNumThreads(1)  # one image per process: no oversubscription on small machines


def _claim_output(src: Path, dst: Path, text: str, overwrite: bool) -> None:
    """Check the folders and make ``dst`` this pipeline's output (its manifest written)."""
    if not src.is_dir():
        raise PipelineError(f"no such folder: {src}")
    if src.resolve() == dst.resolve():
        raise PipelineError("the output folder must differ from the input folder")
    dst.mkdir(parents=True, exist_ok=True)
    manifest = dst / MANIFEST
    if manifest.exists() and not overwrite:
        if manifest.read_text(encoding="utf-8") != text:
            raise PipelineError(f"{dst} holds the output of a different pipeline; choose another "
                                f"folder or overwrite")
    if overwrite:
        for rel in list_images(src):
            output_path(dst, rel).unlink(missing_ok=True)
    atomic_write_text(manifest, text)


def preprocess_job(pipeline: Pipeline, src: str | Path, dst: str | Path, workers: int | None = None,
                   cancelled: Callable[[], bool] = lambda: False,
                   overwrite: bool = False, cluster: ClusterSpec | None = None) -> Iterator[Progress]:
    """Apply ``pipeline`` to every image below ``src``, writing PNGs below ``dst``.

    Yields ``Progress`` whose payload is the list of ``BatchResult`` since the last report.
    With ``cluster`` the images are processed on a Ray cluster and written here.
    """
    src, dst = Path(src), Path(dst)
    text = pipeline.to_json()
    _claim_output(src, dst, text, overwrite)
    images = list_images(src)
    todo = [r for r in images if not output_path(dst, r).exists()]
    done_before = [BatchResult(r, "skipped") for r in images if output_path(dst, r).exists()]
    done = len(done_before)
    clock = EtaClock(len(images), start_done=done)
    yield clock.progress(done, "skip", done_before)
    if cluster is not None:
        from studio.core.preprocess.cluster_batch import cluster_preprocess

        for results in cluster_preprocess(cluster, src, dst, todo, text, cancelled):
            done += len(results)
            yield clock.progress(done, "run", results)
        return
    workers = max(1, workers or os.cpu_count() or 1)
    if workers == 1:
        for rel in todo:
            if cancelled():
                return
            done += 1
            yield clock.progress(done, "run", [process_one(text, str(src), str(dst), rel)])
        return
    # "spawn": forking a process whose OpenCV/BLAS threads are running can deadlock the child.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, mp_context=context) as pool:
        pending: set[Future] = set()
        queue = iter(todo)
        for rel in queue:
            pending.add(pool.submit(process_one, text, str(src), str(dst), rel))
            if len(pending) >= workers * 4:
                break
        while pending:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            results = [f.result() for f in finished]
            done += len(results)
            if not cancelled():
                for rel in queue:
                    pending.add(pool.submit(process_one, text, str(src), str(dst), rel))
                    if len(pending) >= workers * 4:
                        break
            yield clock.progress(done, "run", results)
            if cancelled():
                for f in pending:
                    f.cancel()
                return
