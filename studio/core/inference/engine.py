"""The pre-labeling engine: images in, proposals out, resumable, decode beside inference.

The engine only needs a ``Detector`` (a callable from a list of BGR images to ``Boxes``
in the model's class ids), so tests inject a fake one and a distributed runner can
replace the loop without touching the GUI.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

import numpy as np

from studio.core.dataset.layout import Dataset
from studio.core.inference.pipeline import COMMIT_EVERY, StageTimes, local_results, store_stream
from studio.core.jobs import Progress
from studio.core.labels.boxes import Boxes
from studio.core.store.db import Store


@dataclass
class PredictParams:
    """Ultralytics ``predict`` settings (its defaults), plus a class filter."""

    conf: float = 0.25
    iou: float = 0.7
    imgsz: int = 640
    max_det: int = 300
    classes: list[int] | None = None
    agnostic_nms: bool = False

    def as_dict(self) -> dict[str, Any]:
        """For storing with a run."""
        return asdict(self)


class Detector(Protocol):
    """Anything that turns BGR images into boxes (model class ids, normalized, with confidence)."""

    def __call__(self, images: Sequence[np.ndarray]) -> list[Boxes]: ...


@dataclass
class UltralyticsDetector:
    """A loaded Ultralytics model (``.pt`` or ``.onnx``) as a ``Detector``."""

    model: Any
    params: PredictParams = field(default_factory=PredictParams)
    device: str = "cpu"  # Ultralytics' device string ("cpu", "0", "mps"), see ``studio.core.device``
    last_speed: dict[str, float] = field(default_factory=dict)  # ms per image of the last call, by stage

    def __call__(self, images: Sequence[np.ndarray]) -> list[Boxes]:
        """Boxes for ``images``, predicted as one batch (give it images of one shape)."""
        results = self.model.predict(list(images), conf=self.params.conf, iou=self.params.iou,
                                     imgsz=self.params.imgsz, max_det=self.params.max_det,
                                     classes=self.params.classes, agnostic_nms=self.params.agnostic_nms,
                                     verbose=False, device=self.device, batch=max(len(images), 1))
        self.last_speed = dict(results[0].speed) if results and results[0].speed else {}
        return [results_to_boxes(r) for r in results]


def results_to_boxes(result: Any) -> Boxes:
    """The one place that reads an Ultralytics ``Results`` object."""
    b = result.boxes
    if b is None or len(b) == 0:
        return Boxes(np.zeros((0, 4)), np.zeros(0, np.int64), np.zeros(0))
    return Boxes(b.xywhn.cpu().numpy().astype(np.float64), b.cls.cpu().numpy().astype(np.int64),
                 b.conf.cpu().numpy().astype(np.float64))


def use_all_cores() -> None:
    """Undo Ultralytics' ``OMP_NUM_THREADS=1``: inference should use every core."""
    n = os.cpu_count() or 1
    os.environ["OMP_NUM_THREADS"] = str(n)
    try:
        import torch

        torch.set_num_threads(n)
    except ImportError:
        pass


def map_classes(model_names: dict[int, str], dataset_names: Sequence[str],
                manual: dict[str, str] | None = None) -> dict[int, int]:
    """Model class id -> dataset class id: by name (case-insensitive), or by hand.

    ``manual`` maps model class names (or ids as text) to dataset class names (or ids);
    model classes that map to nothing are dropped from proposals.
    """
    lookup = {n.strip().lower(): i for i, n in enumerate(dataset_names)}
    out: dict[int, int] = {}
    for mid, mname in model_names.items():
        target = None
        if manual:
            target = manual.get(mname, manual.get(str(mid)))
        if target is None:
            hit = lookup.get(mname.strip().lower())
            if hit is not None:
                out[mid] = hit
            continue
        if str(target).isdigit() and int(target) < len(dataset_names):
            out[mid] = int(target)
        elif str(target).strip().lower() in lookup:
            out[mid] = lookup[str(target).strip().lower()]
    return out


def apply_class_map(boxes: Boxes, mapping: dict[int, int]) -> Boxes:
    """Boxes in dataset class ids; unmapped model classes are dropped."""
    if not len(boxes):
        return boxes
    keep = np.array([int(c) in mapping for c in boxes.class_id], bool)
    kept = boxes[keep]
    cls = np.array([mapping[int(c)] for c in kept.class_id], np.int64)
    return Boxes(kept.xywhn, cls, kept.confidence)


def prelabel_job(dataset: Dataset, paths: Sequence[str], store: Store, detector: Detector,
                 run_id: int, class_map: dict[int, int],
                 cancelled: Callable[[], bool] = lambda: False,
                 commit_every: int = COMMIT_EVERY, batch: int = 1,
                 times: StageTimes | None = None) -> Iterator[Progress]:
    """Propose boxes for ``paths`` (relative to the dataset) into run ``run_id`` on this machine.

    Images already processed by this run are skipped (resume). Decoding runs on threads beside
    inference, and images of one shape go through the model ``batch`` at a time. Progress
    payloads are ``[(path, n_proposals, error)]``; ``times`` collects the stage breakdown.
    """
    times = times if times is not None else StageTimes()
    return store_stream(store, run_id, paths,
                        lambda todo: local_results(dataset.image_path, todo, detector, batch, times),
                        class_map, cancelled, commit_every, times)
