"""The label-check job: K fold models trained through the training job, each image predicted by
the model that did not see it, cleanlab's scores merged with studio's own checks, stored.

Resumable at every step: a finished fold is never trained again, a cancelled fold resumes from
its last epoch, and a fold's predictions are kept once made. Nothing in the dataset is written;
the suspicious labels wait in the store for a human decision.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from studio.core.jobs import Progress
from studio.core.jobspec import JobContext, JobSpec
from studio.core.labelcheck.plan import CheckPlan, LabelCheckParams, fold_dir, fold_seconds, plan_check

LABELS_FILE = "labels-as-checked.json"


@dataclass
class CheckEvent:
    """What the check is doing: ``stage`` (plan, train, predict, score, done), on which fold."""

    stage: str
    fold: int = 0
    folds: int = 0
    train: object = None  # the training job's ``TrainEvent`` while a fold trains
    plan: CheckPlan | None = None
    check_id: int | None = None
    flagged_images: int = 0
    flagged_boxes: int = 0
    reused_folds: int = 0
    warnings: list = field(default_factory=list)


class WorkClock:
    """Progress in estimated seconds of work (a fold's training weighs what the plan says it
    costs, its predictions far less), with an ETA from the mean pace so far: the pace of the
    quick prediction steps never makes the next fold's training look short."""

    def __init__(self, total: float, done: float = 0.0) -> None:
        self.total, self.start = max(int(total), 1), int(done)
        self.started = time.monotonic()

    def progress(self, done: float, stage: str, payload: object) -> Progress:
        """A ``Progress`` at ``done`` estimated seconds of work."""
        done = min(int(done), self.total)
        elapsed, worked = time.monotonic() - self.started, done - self.start
        pace = elapsed / worked if worked > 0 and elapsed > 0 else 1.0
        return Progress(done, self.total, 1 / pace, (self.total - done) * pace, stage, payload)


def _check(params: LabelCheckParams, ctx: JobContext) -> Iterator[Progress]:
    assert ctx.dataset is not None and ctx.index is not None
    _check_model(params.model)
    plan = plan_check(ctx.dataset, ctx.index, ctx.store, params)
    plan.work_dir.mkdir(parents=True, exist_ok=True)
    _save_labels(plan)
    k = params.folds
    train_s, predict_s = fold_seconds(len(plan.paths), params)
    per_fold, score_s = train_s + predict_s, max(1.0, 0.002 * len(plan.paths))
    clock = WorkClock(k * per_fold + score_s, plan.folds_done * per_fold)
    yield clock.progress(plan.folds_done * per_fold, "plan",
                         CheckEvent("plan", 0, k, plan=plan, reused_folds=plan.folds_done, warnings=plan.warnings))
    for fold in range(k):
        base = fold * per_fold
        for progress in _train_fold(plan, params, fold, ctx):
            if progress.stage == "cancelled":
                yield Progress(int(base), clock.total, 0.0, None, "cancelled", CheckEvent("train", fold, k))
                return
            yield clock.progress(base + train_s * progress.fraction, "train",
                                 CheckEvent("train", fold, k, train=progress.payload))
        for fraction in _predict_fold(plan, params, fold, ctx):
            if ctx.token():
                yield Progress(int(base + train_s), clock.total, 0.0, None, "cancelled",
                               CheckEvent("predict", fold, k))
                return
            yield clock.progress(base + train_s + predict_s * fraction, "predict", CheckEvent("predict", fold, k))
    yield clock.progress(k * per_fold, "score", CheckEvent("score", k, k))
    from studio.core.labelcheck.scoring import score_check

    event = score_check(ctx.dataset, ctx.store, plan, params)
    event.reused_folds, event.warnings = plan.folds_done, plan.warnings
    yield Progress(clock.total, clock.total, 0.0, 0.0, "done", event)


def _check_model(model: str) -> None:
    """A given start model must open through the safe loader before any fold trains on it."""
    if not model:
        return
    from studio.core.inference.model_file import load_detection_model

    load_detection_model(model)  # ModelRefused / ModelError say why


def _save_labels(plan: CheckPlan) -> None:
    """The labels as checked: what scoring reads and what "Measure the effect" trains on as "before"."""
    from studio.core.atomic import atomic_write_text

    path = plan.work_dir / LABELS_FILE
    if not path.is_file():
        atomic_write_text(path, json.dumps(plan.labels, ensure_ascii=False))


def _train_fold(plan: CheckPlan, params: LabelCheckParams, fold: int, ctx: JobContext) -> Iterator[Progress]:
    """Train the model for ``fold`` (train on the other folds, validate on this one); a finished
    fold is skipped, an interrupted one resumed."""
    from studio.core.training.jobs import TRAIN, TrainParams, run_finished
    from studio.core.training.settings import TrainSettings

    run_dir = fold_dir(plan.work_dir, fold)
    if run_finished(run_dir):
        return
    if (run_dir / "weights" / "last.pt").is_file() and (run_dir / "studio-run.json").is_file():
        train = TrainParams(str(run_dir), {}, resume=True)
    else:
        settings = TrainSettings(model=params.start_model(), epochs=params.epochs, imgsz=params.imgsz,
                                 batch=params.batch, seed=params.seed, workers=0, device=params.device,
                                 patience=params.epochs, extra=params.train_extra())
        split = {p: ("val" if f == fold else "train") for p, f in plan.folds.fold.items()}
        train = TrainParams(str(run_dir), settings.to_dict(), split=split,
                            train_labels=str(plan.work_dir / LABELS_FILE))
    yield from TRAIN.body(train, ctx)


def predictions_file(plan: CheckPlan, fold: int) -> Path:
    """Where fold ``fold``'s out-of-sample predictions are kept."""
    return fold_dir(plan.work_dir, fold) / "predictions.json"


def _predict_fold(plan: CheckPlan, params: LabelCheckParams, fold: int, ctx: JobContext) -> Iterator[float]:
    """Predict the images of ``fold`` with its model (loaded through the safe loader); yields the
    share done. Kept in ``predictions.json`` once complete."""
    out = predictions_file(plan, fold)
    if out.is_file():
        return
    from studio.core.atomic import atomic_write_text
    from studio.core.device import resolve_device
    from studio.core.inference.engine import PredictParams, UltralyticsDetector
    from studio.core.inference.model_file import load_detection_model
    from studio.core.inference.pipeline import StageTimes, local_results, read_file
    from studio.core.inference.prelabel_run import default_batch

    model, _info = load_detection_model(fold_dir(plan.work_dir, fold) / "weights" / "last.pt")
    device = resolve_device(params.device)
    detector = UltralyticsDetector(model, PredictParams(conf=params.conf, imgsz=params.imgsz), device)
    members = plan.folds.members(fold)
    sizes: dict[str, list[int]] = {}

    def load(rel: str) -> tuple:
        """Read as pre-labeling does, noting the image's size (scoring needs it in pixels)."""
        image, error, signature = read_file(ctx.dataset.image_path(rel))  # type: ignore[union-attr]
        if image is not None:
            sizes[rel] = [int(image.shape[1]), int(image.shape[0])]
        return image, error, signature

    found: dict[str, dict] = {}
    # pre-labeling's own pipeline: decoding on threads, batches of one shape beside the model
    for rel, boxes, error, _seconds, _signature in local_results(None, members, detector, default_batch(device),
                                                                 StageTimes(), load=load):
        if boxes is None:
            found[rel] = {"error": error}
        else:
            rows = [[int(c), *map(float, xywh), float(s)] for c, xywh, s in
                    zip(boxes.class_id, boxes.xywhn, boxes.confidence if boxes.confidence is not None else [])]
            found[rel] = {"wh": sizes[rel], "rows": rows}
        if ctx.token():
            return
        yield len(found) / len(members)
    atomic_write_text(out, json.dumps(found))


def summarize(event: CheckEvent | None) -> dict:
    """What the job record keeps."""
    if event is None:
        return {}
    return {"stage": event.stage, "check_id": event.check_id, "flagged_images": event.flagged_images,
            "flagged_boxes": event.flagged_boxes, "reused_folds": event.reused_folds}


LABEL_CHECK = JobSpec("label-check", LabelCheckParams, _check, summarize)
