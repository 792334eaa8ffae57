"""Detection metrics: IoU, matching, precision/recall/F1 and COCO-style AP.

The matching and AP follow pycocotools' COCOeval exactly (per image and class, detections
by descending confidence, each takes the unmatched ground truth of highest IoU at or above
the threshold; precision made monotone; sampled at 101 recall points), so mAP50 and
mAP50-95 agree with pycocotools on the same boxes (tested within 1e-3).

Example:
    >>> gt = [ImageBoxes(np.array([[0, 0, 10, 10]]), np.array([0]))]
    >>> pred = [ImageBoxes(np.array([[0, 0, 10, 9]]), np.array([0]), np.array([0.9]))]
    >>> round(evaluate(pred, gt).map50, 3)
    1.0
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

IOU_THRESHOLDS = np.linspace(0.5, 0.95, 10)
RECALL_POINTS = np.linspace(0.0, 1.0, 101)


def box_iou(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """IoU matrix (len(a), len(b)) of pixel ``xyxy`` boxes."""
    a = np.asarray(a, np.float64).reshape(-1, 4)
    b = np.asarray(b, np.float64).reshape(-1, 4)
    lt = np.maximum(a[:, None, :2], b[None, :, :2])
    rb = np.minimum(a[:, None, 2:], b[None, :, 2:])
    inter = np.prod(np.clip(rb - lt, 0, None), axis=2)
    area_a = np.prod(a[:, 2:] - a[:, :2], axis=1)
    area_b = np.prod(b[:, 2:] - b[:, :2], axis=1)
    union = area_a[:, None] + area_b[None, :] - inter
    return np.where(union > 0, inter / np.where(union > 0, union, 1), 0.0)


PAIR_BUDGET = 50_000_000  # candidate pairs per call: bounds the time an absurd label file can take
_CHUNK = 1_000_000  # candidate pairs scored at once (bounded memory)
DIRECT_BELOW = 128  # fewer boxes than this are compared all with all (a 128 x 128 matrix at most)


def _pair_iou(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """IoU of row-matched boxes ``a[k]`` and ``b[k]``."""
    lt = np.maximum(a[:, :2], b[:, :2])
    rb = np.minimum(a[:, 2:], b[:, 2:])
    inter = np.prod(np.clip(rb - lt, 0, None), axis=1)
    union = np.prod(a[:, 2:] - a[:, :2], axis=1) + np.prod(b[:, 2:] - b[:, :2], axis=1) - inter
    return np.where(union > 0, inter / np.where(union > 0, union, 1), 0.0)


def overlapping_pairs(xyxy: np.ndarray, min_iou: float, budget: int = PAIR_BUDGET, direct_below: int = DIRECT_BELOW
                      ) -> tuple[np.ndarray, np.ndarray, np.ndarray, bool]:
    """Pairs ``i < j`` of boxes with IoU of at least ``min_iou`` (> 0), and whether all were compared.

    Boxes with such an IoU have sizes within a factor ``1 / min_iou`` and centres at most
    ``(1 - min_iou)`` times the larger size apart on each axis, so boxes are bucketed by size
    (powers of ``1 / min_iou``) and hashed into a grid of that cell size; only boxes in
    neighbouring cells are compared, in chunks. Memory and time stay bounded whatever the count; when the
    candidates would exceed ``budget`` (thousands of boxes piled on each other), the pairs
    found so far are returned with ``complete=False``.
    """
    xyxy = np.asarray(xyxy, np.float64).reshape(-1, 4)
    empty = np.zeros(0, np.int64)
    if len(xyxy) < 2:
        return empty, empty, np.zeros(0), True
    if len(xyxy) < direct_below:  # a few boxes (nearly every image): the small matrix is quickest
        full = np.triu(box_iou(xyxy, xyxy), 1)
        i, j = np.nonzero(full >= min_iou)
        return i.astype(np.int64), j.astype(np.int64), full[i, j], True
    size = np.maximum(np.maximum(xyxy[:, 2] - xyxy[:, 0], xyxy[:, 3] - xyxy[:, 1]), 1e-12)
    level = np.floor(np.log(size) / np.log(1.0 / min_iou)).astype(np.int64)
    centre = (xyxy[:, :2] + xyxy[:, 2:]) / 2
    found: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    spent = 0
    for lv in np.unique(level):
        a = np.flatnonzero(level == lv)
        b = np.flatnonzero((level == lv) | (level == lv + 1))
        # IoU >= t needs |centre distance| <= (1 - t) * the larger size, on each axis
        cell = max(float(size[b].max()) * (1.0 - min_iou), 1e-12)
        acell = np.floor(centre[a] / cell).astype(np.int64)
        bcell = np.floor(centre[b] / cell).astype(np.int64)
        bkey = bcell[:, 0] * 4_000_037 + bcell[:, 1]
        border = np.argsort(bkey, kind="stable")
        bsorted = bkey[border]
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                key = (acell[:, 0] + dx) * 4_000_037 + (acell[:, 1] + dy)
                lo, hi = np.searchsorted(bsorted, key, "left"), np.searchsorted(bsorted, key, "right")
                counts = hi - lo
                spent += int(counts.sum())
                if spent > budget:
                    return (*_gather(found), False)
                ia = np.repeat(a, counts)
                ib = b[border[np.repeat(lo, counts) + _ramp(counts)]]
                # each pair once: across levels always; within a level only i < j
                keep = (level[ib] != lv) | (ia < ib)
                ia, ib = ia[keep], ib[keep]
                for k in range(0, len(ia), _CHUNK):
                    pa, pb = ia[k:k + _CHUNK], ib[k:k + _CHUNK]
                    iou = _pair_iou(xyxy[pa], xyxy[pb])
                    hit = iou >= min_iou
                    found.append((pa[hit], pb[hit], iou[hit]))
    return (*_gather(found), True)


def _ramp(counts: np.ndarray) -> np.ndarray:
    """0, 1, ..., c-1 for each count ``c``, concatenated."""
    total = int(counts.sum())
    if not total:
        return np.zeros(0, np.int64)
    starts = np.repeat(np.cumsum(counts) - counts, counts)
    return np.arange(total, dtype=np.int64) - starts


def _gather(found: list[tuple[np.ndarray, np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    if not found:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)
    a = np.concatenate([f[0] for f in found])
    b = np.concatenate([f[1] for f in found])
    v = np.concatenate([f[2] for f in found])
    return np.minimum(a, b), np.maximum(a, b), v


def greedy_pairs(a_xyxy: np.ndarray, a_cls: np.ndarray, b_xyxy: np.ndarray, b_cls: np.ndarray,
                 iou: float, same_class: bool = True) -> int:
    """How many one-to-one pairs boxes ``a`` and ``b`` form: the highest IoU first, each box
    used once, at ``iou`` or more (and of the same class). Used wherever studio compares two
    sets of boxes of one image (review disagreement, spot checks); COCO's own matching, by
    detection confidence, is ``_match_image``."""
    if not len(a_xyxy) or not len(b_xyxy):
        return 0
    m = box_iou(a_xyxy, b_xyxy)
    if same_class:
        m[np.asarray(a_cls)[:, None] != np.asarray(b_cls)[None, :]] = -1
    n = 0
    while True:
        i, j = np.unravel_index(int(np.argmax(m)), m.shape)
        if m[i, j] < iou:
            return n
        n += 1
        m[i, :] = -1
        m[:, j] = -1


@dataclass(frozen=True)
class ImageBoxes:
    """One image's boxes in pixels: ``xyxy`` (N, 4), ``class_id`` (N,), ``confidence`` (N,) for predictions."""

    xyxy: np.ndarray
    class_id: np.ndarray
    confidence: np.ndarray | None = None


@dataclass
class ClassResult:
    """Per-class figures."""

    class_id: int
    n_gt: int
    n_pred: int
    ap50: float
    ap50_95: float
    precision: float  # at the F1-maximizing confidence
    recall: float
    f1: float
    best_conf: float


@dataclass
class Evaluation:
    """Overall and per-class results."""

    classes: list[ClassResult] = field(default_factory=list)

    @property
    def map50(self) -> float:
        """Mean AP at IoU 0.5 over classes that have ground truth."""
        vals = [c.ap50 for c in self.classes if c.n_gt > 0]
        return float(np.mean(vals)) if vals else 0.0

    @property
    def map50_95(self) -> float:
        """Mean AP over IoU 0.50:0.95."""
        vals = [c.ap50_95 for c in self.classes if c.n_gt > 0]
        return float(np.mean(vals)) if vals else 0.0


def _match_image(pred_xyxy: np.ndarray, pred_conf: np.ndarray, gt_xyxy: np.ndarray,
                 thresholds: np.ndarray, max_dets: int) -> tuple[np.ndarray, np.ndarray]:
    """COCO matching for one image and class: (T, D) true-positive flags, scores (D,)."""
    order = np.argsort(-pred_conf, kind="mergesort")[:max_dets]
    pred_xyxy, scores = pred_xyxy[order], pred_conf[order]
    tp = np.zeros((len(thresholds), len(order)), bool)
    if not len(gt_xyxy) or not len(order):
        return tp, scores
    ious = box_iou(pred_xyxy, gt_xyxy)
    for t, thr in enumerate(thresholds):
        taken = np.zeros(len(gt_xyxy), bool)
        for d in range(len(order)):
            best, best_iou = -1, min(thr, 1 - 1e-10)
            for g in range(len(gt_xyxy)):
                if taken[g] or ious[d, g] < best_iou:
                    continue
                best, best_iou = g, ious[d, g]
            if best >= 0:
                taken[best] = True
                tp[t, d] = True
    return tp, scores


def _ap(tp: np.ndarray, n_gt: int) -> float:
    """COCO 101-point interpolated AP from true-positive flags sorted by confidence."""
    if n_gt == 0:
        return -1.0
    tps = np.cumsum(tp)
    fps = np.cumsum(~tp)
    recall = tps / n_gt
    precision = tps / np.maximum(tps + fps, np.finfo(np.float64).eps)
    precision = np.maximum.accumulate(precision[::-1])[::-1] if len(precision) else precision
    idx = np.searchsorted(recall, RECALL_POINTS, side="left")
    sampled = np.array([precision[i] if i < len(precision) else 0.0 for i in idx])
    return float(sampled.mean())


def evaluate(predictions: Sequence[ImageBoxes], ground_truth: Sequence[ImageBoxes],
             max_dets: int = 100) -> Evaluation:
    """Per-class AP50, AP50-95 and P/R/F1 (at the F1-best confidence, IoU 0.5)."""
    classes = sorted({int(c) for g in ground_truth for c in g.class_id}
                     | {int(c) for p in predictions for c in p.class_id})
    result = Evaluation()
    for cls in classes:
        flags, scores, n_gt, n_pred = [], [], 0, 0
        for pred, gt in zip(predictions, ground_truth):
            gmask = gt.class_id == cls
            pmask = pred.class_id == cls
            conf = pred.confidence if pred.confidence is not None else np.ones(len(pred.class_id))
            tp, sc = _match_image(pred.xyxy[pmask], conf[pmask], gt.xyxy[gmask], IOU_THRESHOLDS, max_dets)
            flags.append(tp)
            scores.append(sc)
            n_gt += int(gmask.sum())
            n_pred += len(sc)
        tp_all = np.concatenate(flags, axis=1) if flags else np.zeros((len(IOU_THRESHOLDS), 0), bool)
        sc_all = np.concatenate(scores) if scores else np.zeros(0)
        order = np.argsort(-sc_all, kind="mergesort")
        tp_all, sc_all = tp_all[:, order], sc_all[order]
        aps = [_ap(tp_all[t], n_gt) for t in range(len(IOU_THRESHOLDS))]
        p, r, f1, best = _best_f1(tp_all[0], sc_all, n_gt)
        result.classes.append(ClassResult(cls, n_gt, n_pred, aps[0], float(np.mean(aps)) if n_gt else -1.0,
                                          p, r, f1, best))
    return result


def _best_f1(tp: np.ndarray, scores: np.ndarray, n_gt: int) -> tuple[float, float, float, float]:
    """Precision, recall, F1 and confidence threshold where F1 is highest."""
    if not len(tp) or n_gt == 0:
        return 0.0, 0.0, 0.0, 0.0
    tps = np.cumsum(tp)
    fps = np.cumsum(~tp)
    precision = tps / (tps + fps)
    recall = tps / n_gt
    f1 = 2 * precision * recall / np.maximum(precision + recall, 1e-12)
    i = int(np.argmax(f1))
    return float(precision[i]), float(recall[i]), float(f1[i]), float(scores[i])


@dataclass(frozen=True)
class OperatingCurve:
    """Precision, recall and F1 of all classes together, for every confidence threshold.

    ``thresholds`` are the distinct prediction confidences, high to low; entry ``i`` keeps
    the predictions with confidence >= ``thresholds[i]`` (matching at IoU 0.5, same class).
    """

    thresholds: np.ndarray
    tp: np.ndarray
    fp: np.ndarray
    n_gt: int

    @property
    def precision(self) -> np.ndarray:
        """TP / (TP + FP) per threshold."""
        return self.tp / np.maximum(self.tp + self.fp, 1)

    @property
    def recall(self) -> np.ndarray:
        """TP / ground truth per threshold."""
        return self.tp / max(self.n_gt, 1)

    @property
    def f1(self) -> np.ndarray:
        """Harmonic mean of precision and recall per threshold."""
        p, r = self.precision, self.recall
        return 2 * p * r / np.maximum(p + r, 1e-12)

    def at(self, threshold: float) -> tuple[float, float, float]:
        """Precision, recall, F1 keeping predictions with confidence >= ``threshold``."""
        i = int(np.searchsorted(-self.thresholds, -threshold, side="right")) - 1
        if i < 0:
            return 0.0, 0.0, 0.0
        return float(self.precision[i]), float(self.recall[i]), float(self.f1[i])

    def best_f1(self) -> tuple[float, float]:
        """The threshold that maximizes F1, and that F1 (the lowest such threshold on ties)."""
        if not len(self.thresholds):
            return 0.0, 0.0
        f1 = self.f1
        i = int(np.flatnonzero(f1 == f1.max())[-1])
        return float(self.thresholds[i]), float(f1[i])

    def for_precision(self, target: float) -> tuple[float, float] | None:
        """The lowest threshold whose precision reaches ``target`` (most recall), with that
        recall; ``None`` when no threshold does."""
        ok = np.flatnonzero(self.precision >= target - 1e-12)
        if not len(ok):
            return None
        i = int(ok[-1])
        return float(self.thresholds[i]), float(self.recall[i])


def operating_curve(predictions: Sequence[ImageBoxes], ground_truth: Sequence[ImageBoxes],
                    iou: float = 0.5) -> OperatingCurve:
    """Counts behind precision/recall/F1 at every confidence threshold (COCO matching)."""
    flags, scores, n_gt = [], [], 0
    thr = np.array([iou])
    for pred, gt in zip(predictions, ground_truth):
        n_gt += len(gt.class_id)
        conf = pred.confidence if pred.confidence is not None else np.ones(len(pred.class_id))
        for cls in np.unique(np.concatenate([pred.class_id, gt.class_id])).astype(int):
            pm, gm = pred.class_id == cls, gt.class_id == cls
            if not pm.any():
                continue
            tp, sc = _match_image(pred.xyxy[pm], conf[pm], gt.xyxy[gm], thr, 10**9)
            flags.append(tp[0])
            scores.append(sc)
    if not scores:
        return OperatingCurve(np.zeros(0), np.zeros(0), np.zeros(0), n_gt)
    tp_all, sc_all = np.concatenate(flags), np.concatenate(scores)
    order = np.argsort(-sc_all, kind="mergesort")
    tp_all, sc_all = tp_all[order], sc_all[order]
    tps, fps = np.cumsum(tp_all), np.cumsum(~tp_all)
    last = np.r_[np.flatnonzero(np.diff(sc_all) != 0), len(sc_all) - 1]  # last row of each distinct score
    return OperatingCurve(sc_all[last], tps[last].astype(float), fps[last].astype(float), n_gt)
