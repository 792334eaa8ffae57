"""What a label check will do before it starts: the finished images, their folds, where the
work is kept, whether an earlier check of the same data and settings can be reused, and the cost.

The work folder's name is a hash of the settings and of every checked image's label bytes and
image file, so a repeated check of unchanged data finds its folds trained and its predictions
made, and only scores again.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from studio.core.dataset.index import ImageIndex
from studio.core.dataset.layout import Dataset
from studio.core.i18n import Message
from studio.core.labelcheck.folds import Folds, assign_folds
from studio.core.labels.yolo import parse_label_bytes
from studio.core.store.db import Store

FROM_SCRATCH = "yolov8n.yaml"  # Ultralytics' nano architecture, new weights
DEFAULT_FOLDS = 3
DEFAULT_EPOCHS = 10
DEFAULT_IMGSZ = 320
# Measured on 2 CPU cores (yolov8n, imgsz 320, training plus each epoch's validation), per image
# and epoch; scaled by the image area for other sizes. Start-up is per fold.
SECONDS_PER_IMAGE_EPOCH = 0.13
FINE_TUNE_LR = 2e-4
SECONDS_PER_PREDICTION = 0.03
SECONDS_PER_FOLD_START = 12.0


@dataclass(frozen=True)
class LabelCheckParams:
    """How to check: ``folds`` models, each trained ``epochs`` from ``model`` ("" = from scratch)."""

    VERSION = 1
    folds: int = DEFAULT_FOLDS
    epochs: int = DEFAULT_EPOCHS
    model: str = ""
    imgsz: int = DEFAULT_IMGSZ
    batch: int = 16
    seed: int = 0
    device: str = "auto"
    conf: float = 0.05  # the lowest prediction confidence kept for scoring
    include_machine: bool = False  # also check label files a model wrote without review

    def start_model(self) -> str:
        """What each fold model starts from."""
        return self.model or FROM_SCRATCH

    def train_extra(self) -> dict:
        """Ultralytics settings beyond the defaults (see ``train_extra``)."""
        return train_extra(self.model)


def train_extra(model: str, lr0: float | None = None) -> dict:
    """Ultralytics settings beyond the defaults: no plots, and a trained start model is fine-tuned
    gently (no warm-up, a small learning rate), which a few epochs on part of the data would
    otherwise undo (1 epoch with the default warm-up took the demo model from 0.94 to 0.42 mAP50)."""
    extra: dict = {"plots": False}
    if model:
        extra.update(warmup_epochs=0, optimizer="AdamW", lr0=lr0 or FINE_TUNE_LR)
    return extra


@dataclass
class CheckPlan:
    """The images, folds and folder of one check, and what it will cost."""

    paths: list[str]
    folds: Folds
    work_dir: Path
    labels: dict[str, str | None] = field(default_factory=dict)  # each image's label text as checked
    folds_done: int = 0  # folds an earlier run of the same check already trained
    cost_s: float = 0.0

    @property
    def warnings(self) -> list[Message]:
        """What the user should know before starting."""
        return self.folds.warnings


def check_series(dataset: Dataset) -> Path:
    """Where a dataset's checks are kept (beside its training runs, never in the dataset)."""
    from studio.core import user_dirs
    from studio.core.training.jobs import dataset_tag

    return user_dirs.data_dir() / "runs" / f"{dataset.root.name}-{dataset_tag(dataset.root)}"


def plan_check(dataset: Dataset, index: ImageIndex, store: Store | None, params: LabelCheckParams) -> CheckPlan:
    """The plan; raises ``FoldError`` when the finished images cannot make the folds."""
    from studio.core.training.selection import select_training_images

    chosen = select_training_images(dataset, index, store, include_machine=params.include_machine)
    paths = sorted(chosen.paths)
    labels: dict[str, str | None] = {}
    classes = []
    digest = hashlib.sha256(json.dumps(_identity(params), sort_keys=True).encode())
    for rel in paths:
        try:
            data = dataset.label_path(rel).read_bytes()
        except OSError:
            data = None
        labels[rel] = data.decode("utf-8", "replace") if data is not None else None
        classes.append(parse_label_bytes(data).boxes.class_id.tolist() if data is not None else [])
        digest.update(rel.encode() + b"\0" + (data if data is not None else b"\1") + _image_signature(dataset, rel))
    folds = assign_folds(paths, classes, params.folds, params.seed, list(dataset.classes.names))
    work_dir = check_series(dataset) / f"label-check-{digest.hexdigest()[:12]}"
    plan = CheckPlan(paths, folds, work_dir, labels)
    from studio.core.training.jobs import run_finished

    plan.folds_done = sum(run_finished(fold_dir(work_dir, k)) for k in range(params.folds))
    plan.cost_s = estimate_seconds(len(paths), params, plan.folds_done)
    return plan


def fold_dir(work_dir: Path, k: int) -> Path:
    """The training run folder of fold ``k``."""
    return work_dir / f"fold{k + 1}"


def fold_seconds(n_images: int, params: LabelCheckParams) -> tuple[float, float]:
    """About how long one fold takes on this machine's CPU: training (start-up included), predicting."""
    scale = (params.imgsz / 320) ** 2
    per_fold_train = n_images * (params.folds - 1) / params.folds
    train = SECONDS_PER_FOLD_START + params.epochs * per_fold_train * SECONDS_PER_IMAGE_EPOCH * scale
    return train, (n_images / params.folds) * SECONDS_PER_PREDICTION * scale


def estimate_seconds(n_images: int, params: LabelCheckParams, folds_done: int = 0) -> float:
    """About how long the check takes on this machine's CPU (training dominates)."""
    return max(params.folds - folds_done, 0) * sum(fold_seconds(n_images, params))


def _identity(params: LabelCheckParams) -> dict:
    """What makes two checks the same check (the device does not change the result's meaning)."""
    out = asdict(params)
    out.pop("device")
    out["version"] = LabelCheckParams.VERSION
    if params.model:
        try:
            stat = os.stat(params.model)
            out["model"] = [os.path.abspath(params.model), stat.st_size, stat.st_mtime_ns]
        except OSError:
            pass
    return out


def _image_signature(dataset: Dataset, rel: str) -> bytes:
    try:
        stat = dataset.image_path(rel).stat()
    except OSError:
        return b"?"
    return f"{stat.st_size}:{stat.st_mtime_ns}".encode()
