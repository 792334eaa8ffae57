"""The seed experiment in one click: train once on the labels as a check found them and once on
the labels as fixed since, with the same seed, settings and val split, and compare the mAPs.

Both runs validate on the same val images with today's labels, so the difference is what the
fixes to the training labels bought. Each run goes through the training job; a finished run is
not trained again, an interrupted one resumes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from studio.core.jobs import EtaClock, Progress
from studio.core.jobspec import JobContext, JobSpec

EFFECT_FILE = "effect.json"
SIDES = ("before", "after")
NO_AUGMENTATION = {"mosaic": 0.0, "hsv_h": 0.0, "hsv_s": 0.0, "hsv_v": 0.0, "translate": 0.0, "scale": 0.0,
                   "fliplr": 0.0}


@dataclass(frozen=True)
class EffectParams:
    """Train both sides of a check (``work_dir``) with these settings."""

    VERSION = 1
    work_dir: str
    epochs: int = 10
    imgsz: int = 320
    batch: int = 16
    model: str = ""
    seed: int = 0
    device: str = "auto"
    lr0: float | None = None  # fine-tuning a start model: its learning rate (None: the label check's)
    val_each_epoch: bool = True  # False: validate once, after the last epoch (a large val split costs less)
    freeze: int = 0  # the start model's first layers kept as they are (Ultralytics' freeze): only the rest learns
    augment: bool = True  # False: no mosaic, colour, flip, shift or scale (the seeds differ only in the order)


@dataclass
class EffectResult:
    """Both runs' numbers on the shared val images (the best epoch by Ultralytics' fitness; the
    last one when only the last epoch was validated)."""

    before_map50: float
    before_map50_95: float
    after_map50: float
    after_map50_95: float
    val_images: int
    seed: int
    epochs: int

    @property
    def gain(self) -> float:
        """mAP50-95 after the fixes minus before."""
        return self.after_map50_95 - self.before_map50_95


def effect_params_for(work_dir: str | Path, check_params: dict, **overrides: object) -> EffectParams:
    """The effect's settings for a stored check: the check's own epochs, size, start model, seed
    and device (the folds' settings), with ``overrides`` (for example ``freeze=10``) on top."""
    shared = ("epochs", "imgsz", "batch", "model", "seed", "device")  # a check without one: EffectParams' default
    base = {k: check_params[k] for k in shared if k in check_params}
    base.update({k: v for k, v in overrides.items() if v is not None})
    return EffectParams(str(work_dir), **base)  # type: ignore[arg-type]


def best_epoch_metrics(run_dir: str | Path) -> tuple[float, float]:
    """mAP50 and mAP50-95 of the run's best epoch (fitness 0.1 mAP50 + 0.9 mAP50-95, as best.pt)."""
    import numpy as np

    from studio.core.insight.training_runs import read_run

    run = read_run(run_dir)
    m50, m5095 = run.series("metrics/mAP50(B)"), run.series("metrics/mAP50-95(B)")
    best = int(np.nanargmax(0.1 * m50 + 0.9 * m5095))
    return float(m50[best]), float(m5095[best])


def effect_settings(params: EffectParams) -> dict:
    """The training settings both sides share."""
    from studio.core.labelcheck.plan import train_extra
    from studio.core.training.settings import TrainSettings

    extra = train_extra(params.model, params.lr0)
    if not params.val_each_epoch:
        extra["val"] = False  # Ultralytics still validates the last epoch, which is then the best
    if params.freeze:
        extra["freeze"] = params.freeze
    if not params.augment:
        extra.update(NO_AUGMENTATION)
    return TrainSettings(model=params.model or "yolov8n.yaml", epochs=params.epochs, imgsz=params.imgsz,
                         batch=params.batch, seed=params.seed, workers=0, device=params.device,
                         patience=params.epochs, extra=extra).to_dict()


def _effect(params: EffectParams, ctx: JobContext) -> Iterator[Progress]:
    from studio.core.labelcheck.job import LABELS_FILE
    from studio.core.training.jobs import TRAIN, TrainingError, TrainParams, run_finished
    from studio.core.training.selection import select_training_images
    from studio.core.training.workspace import fixed_split

    assert ctx.dataset is not None and ctx.index is not None
    work = Path(params.work_dir)
    labels = work / LABELS_FILE
    if not labels.is_file():
        raise TrainingError(f"{work} holds no label check to compare with; run Find Label Errors first")
    chosen = select_training_images(ctx.dataset, ctx.index, ctx.store)
    split, _source = fixed_split(ctx.dataset, ctx.store, chosen.paths, dict(zip(ctx.index.paths, ctx.index.splits)))
    settings = effect_settings(params)
    dirs = _run_dirs(ctx, work, settings, split)
    clock, total = EtaClock(200), 200
    for side_no, side in enumerate(SIDES):
        run_dir = dirs[side]
        if run_finished(run_dir):
            continue
        if (run_dir / "weights" / "last.pt").is_file():
            train = TrainParams(str(run_dir), {}, resume=True)
        else:
            train = TrainParams(str(run_dir), settings, split=split,
                                train_labels=str(labels) if side == "before" else "")
        for progress in TRAIN.body(train, ctx):
            if progress.stage == "cancelled":
                yield Progress(side_no * 100, total, 0.0, None, "cancelled", side)
                return
            yield clock.progress(side_no * 100 + int(99 * progress.fraction), side, progress.payload)
    (b50, b5095), (a50, a5095) = (best_epoch_metrics(dirs[s]) for s in SIDES)
    result = EffectResult(b50, b5095, a50, a5095, sum(v == "val" for v in split.values()), params.seed, params.epochs)
    from studio.core.atomic import atomic_write_text

    atomic_write_text(work / EFFECT_FILE, json.dumps(asdict(result), indent=1))
    yield Progress(total, total, 0.0, 0.0, "done", result)


def _run_dirs(ctx: JobContext, work: Path, settings: dict, split: dict[str, str]) -> dict[str, Path]:
    """The two run folders: named by the settings, and the "after" one also by today's training
    labels (fixing more labels and measuring again trains "after" again, "before" never)."""
    import hashlib

    key = hashlib.sha256(json.dumps(settings, sort_keys=True).encode()).hexdigest()[:8]
    labels = hashlib.sha256()
    for rel in sorted(p for p, part in split.items() if part == "train"):
        try:
            labels.update(rel.encode() + b"\0" + ctx.dataset.label_path(rel).read_bytes())  # type: ignore[union-attr]
        except OSError:
            labels.update(rel.encode() + b"\1")
    return {"before": work / f"effect-{key}-before", "after": work / f"effect-{key}-after-{labels.hexdigest()[:8]}"}


def seed_summary(results: list[EffectResult]) -> dict:
    """Several seeds' effects in one verdict: the mean mAP50-95 gain, the spread across seeds
    (the range of either side's mAP50-95, the larger one) and the paired (same-seed) gains."""
    import statistics

    before = [r.before_map50_95 for r in results]
    after = [r.after_map50_95 for r in results]
    paired = [r.gain for r in results]
    spread = max(max(before) - min(before), max(after) - min(after))
    gain = statistics.mean(after) - statistics.mean(before)
    return {"seeds": [r.seed for r in results], "before_map50_95": before, "after_map50_95": after,
            "gain_map50_95": gain, "spread_across_seeds": spread, "gain_exceeds_spread": gain > spread,
            "paired_gains": paired, "spread_of_paired_gains": max(paired) - min(paired)}


def stored_effect(work_dir: str | Path) -> EffectResult | None:
    """The newest measured effect of a check, or ``None``."""
    try:
        return EffectResult(**json.loads((Path(work_dir) / EFFECT_FILE).read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None


def summarize(result: object) -> dict:
    """What the job record keeps."""
    return asdict(result) if isinstance(result, EffectResult) else {}


EFFECT = JobSpec("label-fix-effect", EffectParams, _effect, summarize)
