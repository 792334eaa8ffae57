"""What the training loader will feed the model: samples exactly as Ultralytics makes them.

``augmentation_samples`` builds Ultralytics' own training dataset (``build_yolo_dataset``)
from a run's data with the given hyperparameters and returns ``dataset[i]`` for seeded
random indices: mosaic, random perspective / scale / translate, HSV, flips, mixup, with
the transformed boxes. Two phases: with mosaic, and without it (what the last
``close_mosaic`` epochs see). Mosaic's buffer of recently loaded images is turned off so
partners come from the whole dataset (on a fresh dataset the buffer repeats the first
image); the samples show the transforms, not the training order, and the same seed gives
the same pixels. Boxes the loader drops (too small after augmentation) are counted.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np


@dataclass
class AugmentedSample:
    """One sample: BGR pixels, boxes (normalized xywh) and classes, and boxes dropped on the way."""

    index: int
    image: np.ndarray
    xywhn: np.ndarray
    class_id: np.ndarray
    dropped: int


def _walk(transform: Any) -> list[Any]:
    out = [transform]
    for child in getattr(transform, "transforms", []) or []:
        out += _walk(child)
    pre = getattr(transform, "pre_transform", None)
    if pre is not None:
        out += _walk(pre)
    return out


def build_training_dataset(data_yaml: Path, hyp: dict, mosaic_phase: bool = True) -> Any:
    """Ultralytics' own training dataset for ``data_yaml`` with ``hyp`` (Ultralytics' names)."""
    from ultralytics.data import build_yolo_dataset
    from ultralytics.data.utils import check_det_dataset

    cfg = _cfg(data_yaml, hyp)
    data = check_det_dataset(str(data_yaml))
    dataset = build_yolo_dataset(cfg, data["train"], cfg.batch, data, mode="train")
    set_hyperparameters(dataset, data_yaml, hyp, mosaic_phase)
    return dataset


def _cfg(data_yaml: Path, hyp: dict) -> Any:
    from ultralytics.cfg import get_cfg
    from ultralytics.utils import DEFAULT_CFG

    return get_cfg(DEFAULT_CFG, {**hyp, "data": str(data_yaml)})


def set_hyperparameters(dataset: Any, data_yaml: Path, hyp: dict, mosaic_phase: bool = True) -> None:
    """New augmentation settings on a built dataset (milliseconds; ``imgsz`` needs a new
    dataset). Without ``mosaic_phase``: what Ultralytics' ``close_mosaic`` makes of them."""
    cfg = _cfg(data_yaml, hyp)
    if mosaic_phase:
        dataset.transforms = dataset.build_transforms(hyp=cfg)
    else:
        dataset.close_mosaic(hyp=cfg)
    for t in _walk(dataset.transforms):
        if hasattr(t, "buffer_enabled"):
            t.buffer_enabled = False  # partners from the whole dataset, not a buffer of the first images


def augmentation_samples(dataset: Any, seed: int = 0, count: int = 16) -> list[AugmentedSample]:
    """``count`` samples at seeded random indices, reproducibly (Ultralytics' ``init_seeds``)."""
    from ultralytics.data.augment import RandomPerspective
    from ultralytics.utils.torch_utils import init_seeds

    counter = _count_dropped(dataset, RandomPerspective)
    indices = random.Random(seed).sample(range(len(dataset)), min(count, len(dataset)))
    init_seeds(seed)
    samples = []
    for i in indices:
        counter.dropped = 0
        item = dataset[i]
        image = np.ascontiguousarray(item["img"].numpy().transpose(1, 2, 0)[..., ::-1])
        boxes = item["bboxes"].numpy().reshape(-1, 4)
        classes = item["cls"].numpy().reshape(-1).astype(np.int64)
        samples.append(AugmentedSample(i, image, boxes, classes, counter.dropped))
    return samples


class _Counter:
    dropped = 0


def _count_dropped(dataset: Any, perspective_type: type) -> _Counter:
    """Count the boxes the perspective transforms drop (too small or outside after warping);
    the transforms keep their identity and their pixels."""
    counter = _Counter()

    class CountingPerspective(perspective_type):  # type: ignore[misc, valid-type]
        def __call__(self, labels: dict) -> dict:
            before = len(labels["instances"])
            out = super().__call__(labels)
            counter.dropped += before - len(out["instances"])
            return out

    for t in _walk(dataset.transforms):
        if type(t) is perspective_type:
            t.__class__ = CountingPerspective
    return counter


def grid_image(samples: list[AugmentedSample], names: list[str], columns: int = 4) -> np.ndarray:
    """The samples in a grid (BGR) with their boxes and class names drawn."""
    import cv2

    tiles = []
    for s in samples:
        img = s.image.copy()
        h, w = img.shape[:2]
        for (cx, cy, bw, bh), c in zip(s.xywhn, s.class_id):
            x1, y1 = int((cx - bw / 2) * w), int((cy - bh / 2) * h)
            x2, y2 = int((cx + bw / 2) * w), int((cy + bh / 2) * h)
            cv2.rectangle(img, (x1, y1), (x2, y2), (40, 220, 255), 1)
            label = names[c] if 0 <= c < len(names) else str(c)
            cv2.putText(img, label, (x1, max(10, y1 - 2)), cv2.FONT_HERSHEY_SIMPLEX, 0.35, (40, 220, 255), 1)
        tiles.append(img)
    rows = [np.hstack(tiles[k:k + columns] + [np.zeros_like(tiles[0])] * (columns - len(tiles[k:k + columns])))
            for k in range(0, len(tiles), columns)]
    return np.vstack(rows)


def write_grid(samples: list[AugmentedSample], names: list[str], path: Path, columns: int = 4) -> Path:
    """The grid as a PNG (atomic write)."""
    import cv2

    from studio.core.atomic import atomic_write_bytes

    ok, buf = cv2.imencode(".png", grid_image(samples, names, columns))
    if not ok:
        raise OSError(f"cannot encode {path}")
    atomic_write_bytes(path, buf.tobytes())
    return path


def preview_data(dataset: Any, index: Any, store: Any, cache: Path) -> Path:
    """A hard-linked copy of the finished images for the preview (Ultralytics writes its
    ``labels/*.cache`` there, never in the dataset); returns its ``data.yaml``."""
    from studio.core.training.selection import select_training_images
    from studio.core.training.workspace import build_workspace, fixed_split

    chosen = select_training_images(dataset, index, store)
    split, _ = fixed_split(dataset, store, chosen.paths, dict(zip(index.paths, index.splits)))
    return build_workspace(dataset, split, cache).data_yaml
