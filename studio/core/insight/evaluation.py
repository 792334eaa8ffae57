"""Evaluate predictions against a dataset's labels, the way the trusted tools do.

Predictions come from a pre-labeling run in the store or from a folder of YOLO txt files
with a confidence column (``yolo predict save_txt save_conf`` writes ``labels/<stem>.txt``).
The method:

- AP50 and AP50-95 per class: COCO matching and 101-point interpolation
  (``studio.core.labels.metrics.evaluate``), equal to pycocotools (tested within 1e-3).
- Precision, recall and F1 curves over confidence: Ultralytics' ``ap_per_class`` method
  (IoU 0.5 true positives, curves sampled at 1,000 confidences); the reported P/R/F1 of
  every class, and overall, are taken at the one confidence that maximizes the (smoothed)
  mean F1 over classes, as ``yolo val`` prints them.
- Confusion matrix: Ultralytics' ``ConfusionMatrix.process_batch`` (confidence > 0.25,
  class-agnostic greedy matching at IoU > 0.45 by descending confidence; rows predicted,
  columns true, the last row and column "background"), with the images behind every cell.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from studio.core.dataset.layout import Dataset
from studio.core.labels.boxes import Boxes
from studio.core.labels.metrics import IOU_THRESHOLDS, ClassResult, ImageBoxes, _match_image, box_iou, evaluate
from studio.core.labels.yolo import load_yolo_labels, parse_label_bytes
from studio.core.store.db import Store

CURVE_POINTS = 1000
CONFUSION_CONF, CONFUSION_IOU = 0.25, 0.45


@dataclass
class Predictions:
    """Boxes with confidence per image (relative path), and what could not be used."""

    boxes: dict[str, Boxes] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def predictions_from_run(store: Store, run_id: int, paths: list[str]) -> Predictions:
    """A run's proposals for ``paths`` (images the run did not cover are left out and said)."""
    from studio.core.inference.runs import done_image_paths, run_proposals

    out = Predictions()
    covered = set(done_image_paths(store, run_id))
    for rel in paths:
        if rel in covered:
            out.boxes[rel] = run_proposals(store, run_id, rel)[1]
    missing = len(paths) - len(out.boxes)
    if missing:
        out.problems.append(f"{missing} images were not in run {run_id}; they are left out")
    return out


def predictions_from_folder(folder: str | Path, dataset: Dataset, paths: list[str]) -> Predictions:
    """YOLO txt files with a confidence column, matched to images by relative path or stem.

    An image without a file is taken as "nothing predicted"; files for no image, rows
    without a confidence and unparsable rows are counted in ``problems``.
    """
    folder = Path(folder)
    files = {p.relative_to(folder).with_suffix("").as_posix(): p for p in folder.rglob("*.txt")}
    by_stem: dict[str, list[Path]] = defaultdict(list)
    for key, p in files.items():
        by_stem[Path(key).name].append(p)
    out = Predictions()
    used: set[Path] = set()
    no_conf = bad_rows = 0
    for rel in paths:
        label_rel = dataset.label_path(rel).relative_to(dataset.root).with_suffix("").as_posix()
        stem = Path(rel).stem
        hit = files.get(label_rel) or files.get(Path(rel).with_suffix("").as_posix())
        if hit is None and len(by_stem.get(stem, [])) == 1:
            hit = by_stem[stem][0]
        if hit is None:
            out.boxes[rel] = Boxes(np.zeros((0, 4)), np.zeros(0, np.int64), np.zeros(0))
            continue
        used.add(hit)
        rows, confs = [], []
        lf = parse_label_bytes(hit.read_bytes(), hit)
        for f in lf.findings:
            if f.code == "confidence_column":
                continue
            if f.severity.value == "error":
                bad_rows += 1
        for kept in lf.kept:
            parts = kept.raw.decode("utf-8", "replace").split()
            try:
                values = [float(x) for x in parts]
            except ValueError:
                continue
            if len(values) == 6 and values[0] >= 0 and values[0] == int(values[0]):
                rows.append(values[:5])
                confs.append(values[5])
        no_conf += len(lf.boxes)  # 5-column rows have no confidence
        arr = np.asarray(rows, np.float64).reshape(-1, 5)
        out.boxes[rel] = Boxes(arr[:, 1:5], arr[:, 0].astype(np.int64), np.asarray(confs, np.float64))
    unmatched = len(files) - len(used)
    if unmatched:
        out.problems.append(f"{unmatched} prediction files match no image of the dataset; they are ignored")
    if no_conf:
        out.problems.append(f"{no_conf} rows have no confidence column (5 columns); they are ignored")
    if bad_rows:
        out.problems.append(f"{bad_rows} malformed rows are ignored")
    return out


@dataclass
class ConfusionMatrix:
    """``matrix[pred, true]`` with background last; ``cells[(pred, true)]`` lists images."""

    matrix: np.ndarray
    cells: dict[tuple[int, int], list[str]]


@dataclass
class EvalReport:
    """Everything ``studio eval`` prints and the evaluation view draws."""

    names: list[str]
    images: int
    classes: list[ClassResult]  # COCO AP (and best-F1 P/R of the class itself)
    map50: float
    map50_95: float
    class_ids: list[int]  # rows of the curves below
    conf_grid: np.ndarray  # (1000,)
    p_curve: np.ndarray  # (C, 1000) precision over confidence
    r_curve: np.ndarray
    f1_curve: np.ndarray
    pr_curves: list[tuple[np.ndarray, np.ndarray]]  # per class: (recall, precision) steps at IoU 0.5
    best_conf: float  # confidence that maximizes the mean F1 over classes
    precision: float  # mean over classes at best_conf
    recall: float
    f1: float
    confusion: ConfusionMatrix
    problems: list[str]
    lowest_conf: float = 0.0  # the least confident prediction (curves are flat below it)

    def at_best(self, class_id: int) -> tuple[float, float, float]:
        """P, R, F1 of one class at the overall best confidence."""
        if class_id not in self.class_ids:
            return 0.0, 0.0, 0.0
        i = self.class_ids.index(class_id)
        j = int(np.argmin(np.abs(self.conf_grid - self.best_conf)))
        return float(self.p_curve[i, j]), float(self.r_curve[i, j]), float(self.f1_curve[i, j])


def _pixels(boxes: Boxes, size: tuple[int, int], conf: bool) -> ImageBoxes:
    c = None
    if conf:
        c = boxes.confidence if boxes.confidence is not None else np.ones(len(boxes))
    return ImageBoxes(boxes.to_xyxy(size), boxes.class_id.astype(np.int64), c)


def curves(tp: np.ndarray, conf: np.ndarray, pred_cls: np.ndarray, target_cls: np.ndarray
           ) -> tuple[list[int], np.ndarray, np.ndarray, np.ndarray, np.ndarray, list]:
    """Ultralytics-style P/R/F1 curves over 1,000 confidences, per class with ground truth."""
    order = np.argsort(-conf, kind="stable")
    tp, conf, pred_cls = tp[order], conf[order], pred_cls[order]
    classes, n_true = np.unique(target_cls, return_counts=True)
    x = np.linspace(0, 1, CURVE_POINTS)
    p_curve = np.zeros((len(classes), CURVE_POINTS))
    r_curve = np.zeros((len(classes), CURVE_POINTS))
    pr = []
    for ci, c in enumerate(classes):
        m = pred_cls == c
        if not m.any():
            pr.append((np.zeros(0), np.zeros(0)))
            continue
        tpc = np.cumsum(tp[m])
        fpc = np.cumsum(~tp[m])
        recall = tpc / (n_true[ci] + 1e-16)
        precision = tpc / (tpc + fpc)
        r_curve[ci] = np.interp(-x, -conf[m], recall, left=0)
        p_curve[ci] = np.interp(-x, -conf[m], precision, left=1)
        pr.append((recall, precision))
    f1 = 2 * p_curve * r_curve / (p_curve + r_curve + 1e-16)
    return [int(c) for c in classes], x, p_curve, r_curve, f1, pr


def smooth(y: np.ndarray, f: float = 0.05) -> np.ndarray:
    """A box filter as wide as fraction ``f`` of ``y`` (edges padded), as Ultralytics
    smooths the mean F1 curve before picking its best confidence."""
    nf = round(len(y) * f * 2) // 2 + 1
    pad = np.ones(nf // 2)
    return np.convolve(np.concatenate((pad * y[0], y, pad * y[-1])), np.ones(nf) / nf, mode="valid")


def confusion_matrix(preds: dict[str, Boxes], gts: dict[str, Boxes], nc: int,
                     conf: float = CONFUSION_CONF, iou_thres: float = CONFUSION_IOU) -> ConfusionMatrix:
    """Ultralytics' detection confusion matrix, with the images behind each cell."""
    m = np.zeros((nc + 1, nc + 1), np.int64)
    cells: dict[tuple[int, int], list[str]] = defaultdict(list)

    def add(p: int, t: int, rel: str) -> None:
        m[p, t] += 1
        if not cells[(p, t)] or cells[(p, t)][-1] != rel:
            cells[(p, t)].append(rel)

    for rel, gt in gts.items():
        det = preds.get(rel, Boxes.empty())
        dconf = det.confidence if det.confidence is not None else np.ones(len(det))
        gt_cls = [min(int(c), nc) for c in gt.class_id]
        if not len(gt):
            for c in det.class_id[dconf > conf]:
                add(min(int(c), nc), nc, rel)
            continue
        if not len(det):
            for c in gt_cls:
                add(nc, c, rel)
            continue
        keep = dconf > conf
        det_cls = [min(int(c), nc) for c in det.class_id[keep]]
        dc = dconf[keep]
        iou = box_iou(gt.to_xyxy((1, 1)), det[np.flatnonzero(keep)].to_xyxy((1, 1))) if keep.any() else \
            np.zeros((len(gt), 0))
        gt_match = np.full(len(gt), -1)
        candidates = np.flatnonzero((iou > iou_thres).any(0)) if iou.size else np.zeros(0, int)
        for d in candidates[np.argsort(-dc[candidates], kind="stable")]:
            g = int(iou[:, d].argmax())
            if iou[g, d] > iou_thres:
                gt_match[g] = d
                iou[g] = 0
        matched = set(gt_match[gt_match >= 0].tolist())
        for i, c in enumerate(gt_cls):
            if gt_match[i] >= 0:
                add(det_cls[gt_match[i]], c, rel)
            else:
                add(nc, c, rel)
        for i, c in enumerate(det_cls):
            if i not in matched:
                add(c, nc, rel)
    return ConfusionMatrix(m, dict(cells))


def _tp_at_iou50(p_img: list[ImageBoxes], g_img: list[ImageBoxes]
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """IoU-0.5 true-positive flags, confidences and classes per prediction, and the true classes
    (the inputs of Ultralytics' curves)."""
    tps, confs, pcls, tcls = [], [], [], []
    thr = IOU_THRESHOLDS[:1]
    for p, g in zip(p_img, g_img):
        tcls.append(g.class_id)
        for c in np.unique(p.class_id):
            pm, gm = p.class_id == c, g.class_id == c
            tp, sc = _match_image(p.xyxy[pm], p.confidence[pm], g.xyxy[gm], thr, 10**9)
            tps.append(tp[0])
            confs.append(sc)
            pcls.append(np.full(len(sc), c))

    def cat(xs: list, dt: type) -> np.ndarray:
        return np.concatenate(xs).astype(dt) if xs else np.zeros(0, dt)

    return cat(tps, bool), cat(confs, float), cat(pcls, int), cat(tcls, int)


def evaluate_predictions(dataset: Dataset, preds: Predictions, paths: list[str]) -> EvalReport:
    """Compare ``preds`` with the labels of ``paths`` (images without a label file are skipped)."""
    from studio.core.dataset.imageio import ImageReadError, read_image_size

    nc = len(dataset.classes)
    names = list(dataset.classes.names)
    problems = list(preds.problems)
    gts: dict[str, Boxes] = {}
    sizes: dict[str, tuple[int, int]] = {}
    unlabeled = unknown_cls = 0
    for rel in paths:
        if rel not in preds.boxes:
            continue
        lf = load_yolo_labels(dataset.label_path(rel), nc or None)
        if not lf.exists:
            unlabeled += 1
            continue
        try:
            sizes[rel] = read_image_size(dataset.image_path(rel))
        except ImageReadError:
            problems.append(f"{rel}: image unreadable; left out")
            continue
        gts[rel] = lf.boxes
    if unlabeled:
        problems.append(f"{unlabeled} images have no label file; they are left out")
    pb: dict[str, Boxes] = {}
    for rel in gts:
        b = preds.boxes[rel]
        if nc and len(b) and (b.class_id >= nc).any():
            unknown_cls += int((b.class_id >= nc).sum())
            b = b[np.flatnonzero(b.class_id < nc)]
        pb[rel] = b
    if unknown_cls:
        problems.append(f"{unknown_cls} predictions have class ids beyond the {nc} classes; they are ignored")
    order = sorted(gts)
    p_img = [_pixels(pb[r], sizes[r], True) for r in order]
    g_img = [_pixels(gts[r], sizes[r], False) for r in order]
    ev = evaluate(p_img, g_img, max_dets=10**9)
    tps, confs, pcls, tcls = _tp_at_iou50(p_img, g_img)
    all_conf = confs
    ids, x, pc, rc, f1c, pr = curves(tps, all_conf, pcls, tcls)
    if len(ids):
        j = int(smooth(f1c.mean(0), 0.1).argmax())
        best, p, r, f = float(x[j]), float(pc[:, j].mean()), float(rc[:, j].mean()), float(f1c[:, j].mean())
    else:
        best = p = r = f = 0.0
    cm = confusion_matrix(pb, gts, nc or (max((int(c) for b in gts.values() for c in b.class_id), default=-1) + 1))
    lowest = float(all_conf.min()) if len(all_conf) else 0.0
    return EvalReport(names, len(order), ev.classes, ev.map50, ev.map50_95, ids, x, pc, rc, f1c, pr, best, p, r, f,
                      cm, problems, lowest)
