"""How good was the model? Proposals of a run against the labels humans finished.

Only images a human reviewed count (automatically accepted images would grade the model
against itself). Their label files, as they are now, are the ground truth; every
proposal of the run is a prediction, whatever the reviewer's display threshold was.
Per class: AP50 (COCO 101-point, equal to pycocotools), precision, recall and F1 at the
F1-best confidence. Overall: the operating curve behind the threshold advisor.

Spot check: images held back from an automatic accept and reviewed by a human. Each
is compared with what the automatic accept would have written (the boxes it had, plus
its proposals at or above the threshold); an image "needed a change" when the two do
not match box for box (same class, IoU >= 0.95).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from studio.core.dataset.layout import Dataset
from studio.core.inference.runs import get_run, run_proposals
from studio.core.labels.boxes import Boxes
from studio.core.labels.merge import merge_accepted
from studio.core.labels.metrics import (
    ClassResult,
    ImageBoxes,
    OperatingCurve,
    box_iou,
    evaluate,
    greedy_pairs,
    operating_curve,
)
from studio.core.labels.yolo import load_yolo_labels
from studio.core.review.auto_accept import last_auto_accept
from studio.core.review.classes import check_run_classes, translate_classes
from studio.core.review.workflow import (
    Decision,
    boxes_before_review,
    decision_counts,
    reviewed_paths,
    spot_check_rows,
)
from studio.core.store.db import Store

SPOT_SAME_IOU = 0.95


@dataclass(frozen=True)
class SpotCheck:
    """The human spot check of an automatic accept."""

    threshold: float
    sampled: int  # spot-check images held back
    checked: int  # of those, reviewed by a human so far
    needed_change: int  # checked images whose labels differ from the automatic result
    false_accepts: int  # boxes the automatic accept would have written that the human removed
    missed: int  # boxes the human has that the automatic accept would not have written
    auto_accepted: int  # images accepted automatically

    @property
    def error_rate(self) -> float:
        """Share of checked images that needed a change."""
        return self.needed_change / self.checked if self.checked else 0.0

    def interval(self, z: float = 1.96) -> tuple[float, float]:
        """Wilson 95% interval of the error rate."""
        n = self.checked
        if not n:
            return 0.0, 1.0
        p = self.error_rate
        centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
        return max(0.0, centre - half), min(1.0, centre + half)


@dataclass
class QualityReport:
    """Everything the report dialog and ``studio review report`` show."""

    run_id: int
    images: int  # human-reviewed images evaluated
    missing_images: list[str]  # reviewed images whose label file or image is gone
    classes: list[ClassResult]
    curve: OperatingCurve
    decisions: dict[str, int]
    added: int
    map50: float
    map50_95: float
    spot: SpotCheck | None = None
    names: list[str] = field(default_factory=list)

    @property
    def shown(self) -> int:
        """Proposals the reviewer saw (hidden ones excluded)."""
        return sum(n for d, n in self.decisions.items() if d != Decision.HIDDEN.value)

    def rate(self, decision: Decision) -> float:
        """Share of shown proposals that got ``decision``."""
        return self.decisions.get(decision.value, 0) / self.shown if self.shown else 0.0


def _image_boxes(boxes: Boxes, with_conf: bool) -> ImageBoxes:
    conf = None
    if with_conf:
        conf = boxes.confidence if boxes.confidence is not None else np.ones(len(boxes))
    return ImageBoxes(boxes.to_xyxy((1, 1)), boxes.class_id.astype(np.int64), conf)


def gather_pairs(dataset: Dataset, store: Store, run_id: int, paths: list[str]
                 ) -> tuple[list[str], list[Boxes], list[Boxes], list[str]]:
    """(kept paths, proposals in today's class ids, final labels, missing paths)."""
    run = get_run(store, run_id)
    check = check_run_classes(run.dataset_names if run else None, dataset.classes.names)
    kept, preds, gts, missing = [], [], [], []
    for rel in paths:
        label = dataset.label_path(rel)
        if not dataset.image_path(rel).exists() or not label.exists():
            missing.append(rel)
            continue
        _ids, props = run_proposals(store, run_id, rel)
        props, gone = translate_classes(props, check)
        kept.append(rel)
        preds.append(props[np.flatnonzero(~gone)] if gone.any() else props)
        gts.append(load_yolo_labels(label).boxes)
    return kept, preds, gts, missing


def quality_report(dataset: Dataset, store: Store, run_id: int) -> QualityReport:
    """The model's quality on the images humans reviewed in ``run_id``."""
    paths = reviewed_paths(store, run_id)
    kept, preds, gts, missing = gather_pairs(dataset, store, run_id, paths)
    p_img = [_image_boxes(p, True) for p in preds]
    g_img = [_image_boxes(g, False) for g in gts]
    ev = evaluate(p_img, g_img, max_dets=10**9)
    curve = operating_curve(p_img, g_img)
    decisions = decision_counts(store, run_id, kept)
    added = _added_boxes(store, run_id, kept, preds, gts)
    return QualityReport(run_id, len(kept), missing, ev.classes, curve, decisions, added, ev.map50,
                         ev.map50_95, spot_check(dataset, store, run_id), list(dataset.classes.names))


def _added_boxes(store: Store, run_id: int, paths: list[str], preds: list[Boxes], gts: list[Boxes]) -> int:
    """Final boxes matching neither a box the image had before review nor any proposal
    (IoU >= 0.5): what the model missed and the human drew."""
    befores = boxes_before_review(store, run_id)
    total = 0
    for rel, pred, gt in zip(paths, preds, gts):
        if not len(gt):
            continue
        known = befores.get(rel, Boxes.empty())
        known = Boxes(np.concatenate([known.xywhn, pred.xywhn]), np.concatenate([known.class_id, pred.class_id]))
        if not len(known):
            total += len(gt)
            continue
        total += int((box_iou(gt.to_xyxy((1, 1)), known.to_xyxy((1, 1))).max(axis=1) < 0.5).sum())
    return total


def _one_to_one(a: Boxes, b: Boxes, iou: float) -> int:
    """Greedy same-class matches between ``a`` and ``b`` at ``iou`` or more."""
    return greedy_pairs(a.to_xyxy((1, 1)), a.class_id, b.to_xyxy((1, 1)), b.class_id, iou)


def spot_check(dataset: Dataset, store: Store, run_id: int) -> SpotCheck | None:
    """Error rate of the latest automatic accept of ``run_id``, from its own human spot check."""
    last = last_auto_accept(store, run_id)
    if last is None:
        return None
    auto_id, threshold = last.id, last.threshold
    rows = spot_check_rows(store, run_id, auto_id)
    sampled, auto = rows.sampled, rows.accepted
    kept, preds, gts, _missing = gather_pairs(dataset, store, run_id, rows.reviewed_paths)
    befores = boxes_before_review(store, run_id, spot_only=True)
    needed = false_accepts = missed = 0
    for rel, pred, gt in zip(kept, preds, gts):
        high = pred[np.flatnonzero(pred.confidence >= threshold)] if len(pred) else pred
        auto_result, _dup = merge_accepted(befores.get(rel, Boxes.empty()), high, any_class=True)
        same = _one_to_one(auto_result, gt, SPOT_SAME_IOU)
        if same != len(auto_result) or same != len(gt):
            needed += 1
        loose = _one_to_one(auto_result, gt, 0.5)
        false_accepts += len(auto_result) - loose
        missed += len(gt) - loose
    return SpotCheck(threshold, sampled, len(kept), needed, false_accepts, missed, auto)
