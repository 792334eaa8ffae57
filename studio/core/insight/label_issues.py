"""Label errors a model can see, scored with cleanlab's object-detection scores.

Given each image's labels and a model's out-of-sample predictions (from a model that did not
train on that image), cleanlab scores every labeled box for a wrong class (``swap``) and a bad
location (``badloc``), every predicted box for an object nobody labeled (``overlooked``), and
each image as a whole (lower is worse). This module turns studio's boxes into cleanlab's
inputs and its scores into reasons a reviewer can read, worst image first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from studio.core.i18n import QT_TRANSLATE_NOOP, Message
from studio.core.labels.boxes import Boxes

SWAP, BADLOC, OVERLOOKED = "swap", "badloc", "overlooked"


@dataclass(frozen=True)
class BoxIssue:
    """One suspicious box: a label (``index`` into the labels) or a prediction (``overlooked``)."""

    kind: str
    index: int
    score: float
    reason: Message
    suggested_class: int | None = None
    suggested_confidence: float | None = None


@dataclass
class ImageIssues:
    """An image's label quality (0 worst, 1 best) and its suspicious boxes."""

    index: int
    quality: float
    issues: list[BoxIssue] = field(default_factory=list)


def cleanlab_inputs(labels: Sequence[Boxes], predictions: Sequence[Boxes], sizes: Sequence[tuple[int, int]],
                    n_classes: int) -> tuple[list[dict], list[np.ndarray]]:
    """cleanlab's ``labels`` (pixel xyxy and class per image) and ``predictions`` (per image, one
    ``(M, 5)`` array per class: xyxy and confidence)."""
    cl_labels, cl_preds = [], []
    for lab, pred, wh in zip(labels, predictions, sizes):
        cl_labels.append({"bboxes": lab.to_xyxy(wh).astype(np.float64), "labels": lab.class_id.astype(np.int64)})
        per_class = np.empty(n_classes, dtype=object)
        xyxy = pred.to_xyxy(wh)
        conf = pred.confidence if pred.confidence is not None else np.ones(len(pred))
        for k in range(n_classes):
            keep = pred.class_id == k
            per_class[k] = np.column_stack([xyxy[keep], conf[keep]]).astype(np.float32).reshape(-1, 5)
        cl_preds.append(per_class)
    return cl_labels, cl_preds


def box_scores_and_flags(cl_labels: list[dict], cl_preds: list[np.ndarray]) -> dict[str, tuple[list, list]]:
    """Per box, cleanlab's ``swap``/``badloc`` scores (labels) and ``overlooked`` scores
    (predictions), each with the issue flags cleanlab's ``find_label_issues`` decides with: a
    per-class threshold from the model's average precision on that class, times a factor."""
    from cleanlab.object_detection import filter as cf
    from cleanlab.object_detection import rank

    aux = cf._get_valid_inputs_for_compute_scores(cf.ALPHA, cl_labels, cl_preds)
    per_class = cf._get_per_class_ap(cl_labels, cl_preds)
    lab_thresholds = cf._process_class_list([cf._separate_label(x)[1] for x in cl_labels], per_class)
    pred_thresholds = cf._process_class_list([cf._separate_prediction(x)[1] for x in cl_preds], per_class)
    swap = rank.compute_swap_box_scores(alpha=cf.ALPHA, high_probability_threshold=cf.HIGH_PROBABILITY_THRESHOLD,
                                        auxiliary_inputs=aux)
    badloc = rank.compute_badloc_box_scores(alpha=cf.ALPHA, low_probability_threshold=cf.LOW_PROBABILITY_THRESHOLD,
                                            auxiliary_inputs=aux)
    overlooked = rank.compute_overlooked_box_scores(alpha=cf.ALPHA,
                                                    high_probability_threshold=cf.HIGH_PROBABILITY_THRESHOLD,
                                                    auxiliary_inputs=aux)
    return {SWAP: (swap, cf._find_label_issues_per_box(swap, lab_thresholds, cf.SWAP_THRESHOLD_FACTOR)),
            BADLOC: (badloc, cf._find_label_issues_per_box(badloc, lab_thresholds, cf.BADLOC_THRESHOLD_FACTOR)),
            OVERLOOKED: (overlooked, cf._find_label_issues_per_box(overlooked, pred_thresholds,
                                                                   cf.OVERLOOKED_THRESHOLD_FACTOR))}


def find_label_issues(labels: Sequence[Boxes], predictions: Sequence[Boxes], sizes: Sequence[tuple[int, int]],
                      names: Sequence[str]) -> list[ImageIssues]:
    """Every image's quality and suspicious boxes (flagged as cleanlab flags them), worst image first."""
    from cleanlab.object_detection import rank

    cl_labels, cl_preds = cleanlab_inputs(labels, predictions, sizes, len(names))
    quality = rank.get_label_quality_scores(cl_labels, cl_preds, verbose=False)
    boxes = box_scores_and_flags(cl_labels, cl_preds)
    out = []
    for i, (lab, pred, wh) in enumerate(zip(labels, predictions, sizes)):
        image = ImageIssues(i, float(quality[i]))
        image.issues += _label_issues(lab, pred, wh, {k: (v[0][i], v[1][i]) for k, v in boxes.items()}, names)
        image.issues += _overlooked(pred, *(v[i] for v in boxes[OVERLOOKED]), names)
        image.issues.sort(key=lambda issue: issue.score)
        out.append(image)
    return sorted(out, key=lambda image: image.quality)


def _label_issues(lab: Boxes, pred: Boxes, wh: tuple[int, int], boxes: dict[str, tuple[np.ndarray, np.ndarray]],
                  names: Sequence[str]) -> list[BoxIssue]:
    (swap, swap_flag), (badloc, badloc_flag) = boxes[SWAP], boxes[BADLOC]
    out = []
    for j in range(len(lab)):
        if swap_flag[j]:
            k, conf = _best_other_class(lab, j, pred, wh)
            reason = (Message(QT_TRANSLATE_NOOP("studio.core", "probably {new}, not {old} ({conf:.2f})"),
                              new=names[k], old=names[int(lab.class_id[j])], conf=conf) if k is not None else
                      Message(QT_TRANSLATE_NOOP("studio.core", "the model does not see a {old} here"),
                              old=names[int(lab.class_id[j])]))
            out.append(BoxIssue(SWAP, j, float(swap[j]), reason, k, conf))
        elif badloc_flag[j]:
            out.append(BoxIssue(BADLOC, j, float(badloc[j]),
                                Message(QT_TRANSLATE_NOOP("studio.core", "box looks shifted or loose"))))
    return out


def _overlooked(pred: Boxes, scores: np.ndarray, flags: np.ndarray, names: Sequence[str]) -> list[BoxIssue]:
    """Predicted boxes no label covers. cleanlab scores predictions in class order, then by row."""
    order = np.concatenate([np.flatnonzero(pred.class_id == k) for k in range(len(names))]) if len(pred) else []
    out = []
    for score, flag, p in zip(scores, flags, order):
        if flag:
            conf = float(pred.confidence[p]) if pred.confidence is not None else 1.0
            out.append(BoxIssue(OVERLOOKED, int(p), float(score),
                                Message(QT_TRANSLATE_NOOP("studio.core", "an unlabeled {name} the model sees here ({conf:.2f})"),
                                        name=names[int(pred.class_id[p])], conf=conf),
                                int(pred.class_id[p]), conf))
    return out


def _best_other_class(lab: Boxes, j: int, pred: Boxes, wh: tuple[int, int]) -> tuple[int | None, float | None]:
    """The most confident prediction of another class over label ``j`` (IoU at least 0.5)."""
    from studio.core.labels.metrics import box_iou

    if not len(pred):
        return None, None
    iou = box_iou(lab.to_xyxy(wh)[j:j + 1], pred.to_xyxy(wh))[0]
    conf = pred.confidence if pred.confidence is not None else np.ones(len(pred))
    candidates = np.flatnonzero((iou >= 0.5) & (pred.class_id != lab.class_id[j]))
    if not len(candidates):
        return None, None
    best = candidates[np.argmax(conf[candidates])]
    return int(pred.class_id[best]), float(conf[best])
