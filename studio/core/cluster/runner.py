"""One runner for per-image work on a Ray cluster: Ray Data's actor pool over the images.

Each worker is an actor built once (``worker_cls(**worker_kwargs)``: a model or a pipeline is
loaded once per worker), then called on batches of rows. Rows reach the workers in one of
two ways:

- ``shared``: a row is ``{"path": rel}`` and the worker reads ``root / rel`` itself. Every
  node must see the dataset at the same path (a shared mount, or one machine).
- ``send``: the driver reads the files and sends their bytes (``{"path", "data", "mtime_ns",
  "size"}``) in waves of at most ``WAVE_BYTES``, so no node needs the dataset. Each wave is
  one Ray Data run; its workers start again (a model then loads again from the object store).

Results stream back to the driver row by row as blocks finish; the driver stays the only
writer of the store. Stopping (closing the generator) ends this process's Ray session, which
cancels the work still in flight.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from studio.core.cluster.connect import ClusterError, ClusterInfo, connect, disconnect
from studio.core.dataset.index import file_signature
from studio.core.i18n import QT_TRANSLATE_NOOP

IMAGE_MODES = ("shared", "send")
WAVE_BYTES = 256 << 20


@dataclass(frozen=True)
class ClusterSpec:
    """Where and how a job runs on a cluster."""

    address: str = "local"  # local | auto | ray://host:port
    workers: int | None = None  # actors; default: one per GPU, else one per node
    images: str = "shared"  # shared | send
    cpus_per_worker: float = 0.5  # fractional: whole-CPU actors starve Ray Data's read task on 2 cores
    gpu: bool = False  # one GPU per worker


def cluster_device(asked: str, info: ClusterInfo) -> str:
    """The device a cluster's workers use for ``asked`` (``auto``, ``cpu``, ``cuda[:N]``):
    ``"0"`` (each worker's own GPU) or ``"cpu"``; a GPU asked of a cluster without one is refused."""
    name = (asked or "auto").strip().lower()
    if name == "cpu" or (name == "auto" and info.gpus < 1):
        return "cpu"
    if name == "mps":
        raise ClusterError(QT_TRANSLATE_NOOP("studio.core", "device 'mps' cannot be used on a Ray cluster; use auto, "
                                                            "cpu or cuda"))
    if name != "auto" and not (name == "cuda" or name.startswith("cuda:")):
        raise ClusterError(QT_TRANSLATE_NOOP("studio.core", "unknown device '{name}' (choose auto, cpu or cuda)"),
                           name=asked)
    if info.gpus < 1:
        raise ClusterError(QT_TRANSLATE_NOOP("studio.core", "device '{name}' is not available: the Ray cluster has "
                                                            "no GPU ({what}); use cpu or auto"),
                           name=asked, what=info.describe())
    return "0"


def worker_count(spec: ClusterSpec, info: ClusterInfo) -> int:
    """How many actors to start on this cluster."""
    if spec.workers:
        return spec.workers
    if spec.gpu:
        return max(1, int(info.gpus))
    return max(1, info.nodes)


def map_images(spec: ClusterSpec, root: Path, todo: Sequence[str], worker_cls: type,
               worker_kwargs: dict[str, Any], batch_size: int,
               info: ClusterInfo | None = None) -> Iterator[dict[str, Any]]:
    """Run ``worker_cls`` over ``todo`` (paths relative to ``root``) on the cluster; yield each
    output row (a dict of the worker's columns) as it arrives. Connects unless ``info`` says
    this process is connected already; always disconnects at the end."""
    if spec.images not in IMAGE_MODES:
        raise ClusterError(QT_TRANSLATE_NOOP("studio.core", "unknown image mode '{mode}' (choose shared or send)"),
                           mode=spec.images)
    try:
        info = info or connect(spec.address)
        if spec.gpu and info.gpus < 1:
            raise ClusterError(QT_TRANSLATE_NOOP("studio.core", "the Ray cluster has no GPU ({what})"),
                               what=info.describe())
        kwargs = dict(worker_kwargs, root=str(root) if spec.images == "shared" else None)
        waves = [list(todo)] if spec.images == "shared" else _waves(root, todo)
        for wave in waves:
            rows = wave if spec.images == "shared" else [_sent_row(root, rel) for rel in wave]
            yield from _run_wave(spec, info, rows, worker_cls, kwargs, batch_size)
    finally:
        disconnect()


def _run_wave(spec: ClusterSpec, info: ClusterInfo, rows: list, worker_cls: type, kwargs: dict[str, Any],
              batch_size: int) -> Iterator[dict[str, Any]]:
    import ray.data

    if not rows:
        return
    items = [{"path": r} for r in rows] if isinstance(rows[0], str) else rows
    ds = ray.data.from_items(items, override_num_blocks=max(1, math.ceil(len(items) / batch_size)))
    # two calls at a time in each worker: one decodes while the other's images are in the model
    resources: dict[str, Any] = {"num_cpus": spec.cpus_per_worker}
    if spec.gpu:
        resources["num_gpus"] = 1
    out = ds.map_batches(worker_cls, fn_constructor_kwargs=kwargs, batch_size=batch_size, batch_format="numpy",
                         compute=ray.data.ActorPoolStrategy(size=worker_count(spec, info)), **resources)
    batches = iter(out.iter_batches(batch_size=None, batch_format="numpy", prefetch_batches=1))
    while True:
        try:
            batch = next(batches)
        except StopIteration:
            return
        except Exception as exc:  # noqa: BLE001 - Ray wraps a worker's error in its own types
            raise ClusterError(QT_TRANSLATE_NOOP("studio.core", "a cluster worker failed: {reason}"),
                               reason=worker_failure(exc)) from None
        columns = list(batch)
        for i in range(len(batch["path"])):
            yield {k: batch[k][i] for k in columns}


WORKER_ERROR = "studio-worker: "


def worker_error(exc: BaseException) -> RuntimeError:
    """What a worker raises instead of ``exc``: a plain error Ray can carry to the driver
    (studio's own exceptions take more than a message, so Ray could not rebuild them there)."""
    return RuntimeError(f"{WORKER_ERROR}{exc}".replace("\n", " "))


def worker_failure(exc: BaseException) -> str:
    """The worker's own error inside Ray's wrappers, in one line."""
    seen: set[int] = set()
    current: BaseException | None = exc
    deepest = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        deepest = current
        text = str(current)
        if WORKER_ERROR in text:
            return text.split(WORKER_ERROR, 1)[1].splitlines()[0].strip()
        current = getattr(current, "cause", None) or current.__cause__ or current.__context__
    text = str(deepest).strip()
    lines = [ln for ln in text.splitlines() if ln.strip()]
    # a RayTaskError's text is a traceback; its last line is "Type: message"
    return lines[-1].strip() if lines else type(deepest).__name__


def _waves(root: Path, todo: Sequence[str]) -> list[list[str]]:
    """``todo`` cut into runs of at most ``WAVE_BYTES`` of files (sizes from the file system)."""
    waves: list[list[str]] = [[]]
    size = 0
    for rel in todo:
        try:
            n = os.stat(root / rel).st_size
        except OSError:
            n = 0
        if waves[-1] and size + n > WAVE_BYTES:
            waves.append([])
            size = 0
        waves[-1].append(rel)
        size += n
    return waves


def _sent_row(root: Path, rel: str) -> dict[str, Any]:
    """A row that carries the file's bytes (empty when unreadable: the worker reports it)."""
    path = root / rel
    signature = file_signature(path)
    try:
        data = np.fromfile(path, np.uint8).tobytes() if signature else b""
    except OSError:
        data, signature = b"", None
    mtime_ns, size = signature or (-1, -1)
    return {"path": rel, "data": data, "mtime_ns": mtime_ns, "size": size}


def row_image(row: dict[str, Any], root: str | None) -> tuple[np.ndarray | None, str | None, tuple[int, int] | None]:
    """A worker's image for ``row``: read from ``root`` (shared) or decoded from the sent bytes.
    Returns ``(image or None, error or None, (mtime_ns, size) or None)``."""
    from studio.core.dataset.imageio import ImageReadError, decode_image_bytes, read_image

    rel = str(row["path"])
    try:
        if root is not None:
            path = Path(root) / rel
            return read_image(path), None, file_signature(path)
        data = row.get("data")
        signature = (int(row["mtime_ns"]), int(row["size"])) if int(row.get("size", -1)) >= 0 else None
        if data is None or not len(data):
            return None, QT_TRANSLATE_NOOP("studio.core", "the file is empty (0 bytes)") if signature else \
                QT_TRANSLATE_NOOP("studio.core", "file not found"), signature
        return decode_image_bytes(np.frombuffer(bytes(data), np.uint8), rel), None, signature
    except ImageReadError as exc:
        return None, exc.reason, None
