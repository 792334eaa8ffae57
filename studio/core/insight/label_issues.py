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
    suggested_box: tuple[float, float, float, float] | None = None  # normalized cx, cy, w, h

    @property
    def sure(self) -> bool:
        """The model holds its suggestion firmly enough (``TAKE_CONFIDENCE``) to write it with one key."""
        return is_sure(self.suggested_confidence, self.kind)

    def to_json(self) -> dict:
        """JSON-ready (the reason as its template and parameters)."""
        return {"kind": self.kind, "index": self.index, "score": self.score,
                "reason": {"template": self.reason.template, "params": self.reason.params},
                "suggested_class": self.suggested_class, "suggested_confidence": self.suggested_confidence,
                "suggested_box": list(self.suggested_box) if self.suggested_box is not None else None}

    @classmethod
    def from_json(cls, data: dict) -> BoxIssue:
        """What ``to_json`` wrote."""
        box = data.get("suggested_box")
        return cls(data["kind"], int(data["index"]), float(data["score"]),
                   Message(data["reason"]["template"], **data["reason"]["params"]), data.get("suggested_class"),
                   data.get("suggested_confidence"), tuple(box) if box is not None else None)  # type: ignore[arg-type]


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


HIGH_CONFIDENCE = 0.5  # cleanlab's 0.95 suits two-stage detectors; YOLO's scores (objectness x class) sit lower
LOW_CONFIDENCE = 0.25  # Ultralytics' own default confidence for a prediction worth showing
SUSPICIOUS_SCORE = 0.5  # a box scoring below this is shown for review
COVERED_IOU = 0.2  # a prediction overlapping a label this much is that label's object (swapped or misplaced)
# A suggestion is taken with one key only from its kind's confidence on. On the bench's planted
# errors (docs/architecture.md, "Label check") 26 of 48 flagged class changes were right, and 22 of
# the 24 held at 0.8 or more; 35 of 60 unlabeled objects were real, and 25 of the 26 held at 0.8 or
# more. A box move is right far more often: on two 400-image samples (seeds 11 and 13, 231 planted
# errors each) 28 of 28 moves held at 0.65-0.8 were right (13 of 16 at 0.5-0.65), against 37 of 55
# class changes and 50 of 65 unlabeled objects at 0.65-0.8.
TAKE_CONFIDENCE = {SWAP: 0.8, OVERLOOKED: 0.8, BADLOC: 0.65}


def is_sure(confidence: float | None, kind: str) -> bool:
    """A suggestion of this kind at this confidence may be written with one key."""
    return confidence is not None and kind in TAKE_CONFIDENCE and confidence >= TAKE_CONFIDENCE[kind]


def overlooked_box_scores(aux: list[dict], high: float = HIGH_CONFIDENCE) -> list[np.ndarray]:
    """cleanlab's overlooked score per prediction, with one change: cleanlab skips a prediction
    that touches any label at all (IoU > 0), which hides unlabeled objects beside labeled ones
    (fruit in a bowl); here only a label covering it (IoU above ``COVERED_IOU``) does."""
    out = []
    for a in aux:
        pred_labels, probs, lab_labels = a["pred_labels"], a["pred_label_probs"], a["lab_labels"]
        iou, similarity = a["iou_matrix"], a["similarity_matrix"]
        scores = np.full(len(pred_labels), np.nan)
        for m, k in enumerate(pred_labels):
            if probs[m] < high or (len(lab_labels) and iou[:, m].max() > COVERED_IOU):
                continue
            same = similarity[lab_labels == k, m]
            scores[m] = same.max() if len(same) else a["min_possible_similarity"] * (1 - probs[m])
        out.append(scores)
    return out


def box_scores_and_flags(cl_labels: list[dict], cl_preds: list[np.ndarray], high: float = HIGH_CONFIDENCE,
                         low: float = LOW_CONFIDENCE, suspicious: float = SUSPICIOUS_SCORE
                         ) -> dict[str, tuple[list, list]]:
    """Per box, cleanlab's ``swap``/``badloc`` scores (labels) and ``overlooked`` scores
    (predictions), each with a flag: suspicious when the score is below ``suspicious``.

    cleanlab's own ``find_label_issues`` flags below a per-class threshold taken from the model's
    average precision; with fold models trained for a few epochs that flagged half of the errors
    planted in the sample, a fixed cut of 0.5 flagged 86% of them (``docs/architecture.md``, "Label check")."""
    from cleanlab.object_detection import filter as cf
    from cleanlab.object_detection import rank

    aux = cf._get_valid_inputs_for_compute_scores(cf.ALPHA, cl_labels, cl_preds)
    swap = rank.compute_swap_box_scores(alpha=cf.ALPHA, high_probability_threshold=high, auxiliary_inputs=aux)
    badloc = rank.compute_badloc_box_scores(alpha=cf.ALPHA, low_probability_threshold=low, auxiliary_inputs=aux)
    overlooked = overlooked_box_scores(aux, high)

    def flags(scores: list[np.ndarray]) -> list[np.ndarray]:
        return [np.nan_to_num(np.asarray(s, np.float64), nan=1.0) < suspicious for s in scores]

    return {SWAP: (swap, flags(swap)), BADLOC: (badloc, flags(badloc)), OVERLOOKED: (overlooked, flags(overlooked))}


def image_quality(scores: dict[str, list[np.ndarray]]) -> np.ndarray:
    """Each image's label quality from its box scores, pooled and weighted as cleanlab's
    ``get_label_quality_scores`` does (softmin per kind, weighted geometric mean)."""
    from cleanlab.internal.constants import TEMPERATURE, TINY_VALUE
    from cleanlab.object_detection import rank

    weights = rank._get_aggregation_weights(None)
    log = sum(weights[kind] * np.log(TINY_VALUE + rank.pool_box_scores_per_image(scores[kind], temperature=TEMPERATURE))
              for kind in (SWAP, BADLOC, OVERLOOKED))
    return np.exp(log)


def find_label_issues(labels: Sequence[Boxes], predictions: Sequence[Boxes], sizes: Sequence[tuple[int, int]],
                      names: Sequence[str]) -> list[ImageIssues]:
    """Every image's quality and suspicious boxes, worst image first."""
    cl_labels, cl_preds = cleanlab_inputs(labels, predictions, sizes, len(names))
    boxes = box_scores_and_flags(cl_labels, cl_preds)
    quality = image_quality({kind: scores for kind, (scores, _flags) in boxes.items()})
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
        if swap_flag[j] and not (badloc_flag[j] and badloc[j] < swap[j]):
            k, conf = _best_other_class(lab, j, pred, wh)
            reason = (Message(QT_TRANSLATE_NOOP("studio.core", "probably {new}, not {old} ({conf:.2f})") if is_sure(conf, SWAP) else
                              QT_TRANSLATE_NOOP("studio.core", "maybe {new}, not {old} ({conf:.2f}): the model is unsure"),
                              new=names[k], old=names[int(lab.class_id[j])], conf=conf) if k is not None else
                      Message(QT_TRANSLATE_NOOP("studio.core", "the model does not see a {old} here"),
                              old=names[int(lab.class_id[j])]))
            out.append(BoxIssue(SWAP, j, float(swap[j]), reason, k, conf))
        elif badloc_flag[j]:
            out.append(BoxIssue(BADLOC, j, float(badloc[j]),
                                Message(QT_TRANSLATE_NOOP("studio.core", "box looks shifted or loose")),
                                int(lab.class_id[j]), *_best_same_class_box(lab, j, pred, wh)))
    return out


def _overlooked(pred: Boxes, scores: np.ndarray, flags: np.ndarray, names: Sequence[str]) -> list[BoxIssue]:
    """Predicted boxes no label covers. cleanlab scores predictions in class order, then by row."""
    order = np.concatenate([np.flatnonzero(pred.class_id == k) for k in range(len(names))]) if len(pred) else []
    out = []
    for score, flag, p in zip(scores, flags, order):
        if flag:
            conf = float(pred.confidence[p]) if pred.confidence is not None else 1.0
            text = (QT_TRANSLATE_NOOP("studio.core", "an unlabeled {name} the model sees here ({conf:.2f})")
                    if is_sure(conf, OVERLOOKED) else
                    QT_TRANSLATE_NOOP("studio.core", "perhaps an unlabeled {name} here ({conf:.2f}): the model is unsure"))
            out.append(BoxIssue(OVERLOOKED, int(p), float(score), Message(text, name=names[int(pred.class_id[p])], conf=conf),
                                int(pred.class_id[p]), conf, tuple(float(v) for v in pred.xywhn[p])))
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


def _best_same_class_box(lab: Boxes, j: int, pred: Boxes, wh: tuple[int, int]
                         ) -> tuple[float | None, tuple[float, float, float, float] | None]:
    """Where the model puts the object of label ``j``: its most overlapping prediction of the same
    class (IoU at least 0.3), with that prediction's confidence."""
    from studio.core.labels.metrics import box_iou

    same = np.flatnonzero(pred.class_id == lab.class_id[j]) if len(pred) else np.zeros(0, np.int64)
    if not len(same):
        return None, None
    iou = box_iou(lab.to_xyxy(wh)[j:j + 1], pred.to_xyxy(wh)[same])[0]
    if iou.max() < 0.3:
        return None, None
    best = same[int(np.argmax(iou))]
    conf = float(pred.confidence[best]) if pred.confidence is not None else 1.0
    return conf, tuple(float(v) for v in pred.xywhn[best])  # type: ignore[return-value]
