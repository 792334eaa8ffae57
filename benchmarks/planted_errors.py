"""Label errors planted on purpose, to measure how many a label check finds.

About ``fraction`` of the boxes each get one kind of error: a wrong class (``swap``), a box
moved by half its size (``shift``), or a box deleted (``delete``). Each image gets at most one.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from studio.core.dataset.layout import Dataset
from studio.core.labels.boxes import Boxes
from studio.core.labels.yolo import boxes_to_label_file, load_yolo_labels, save_yolo_labels


@dataclass(frozen=True)
class Planted:
    """One planted error: the image, its kind, the row it is in now (``-1`` for a deleted box) and
    the box as it was."""

    path: str
    kind: str
    row: int
    box: tuple[float, float, float, float]
    true_class: int


def plant_errors(dataset: Dataset, paths: list[str], fraction: float, seed: int) -> list[Planted]:
    """Plant the errors into the label files of ``paths`` (a damaged copy: never the user's data)."""
    rng = np.random.default_rng(seed)
    labels = {p: load_yolo_labels(dataset.label_path(p)).boxes for p in paths}
    with_boxes = [p for p in paths if len(labels[p])]
    n_boxes = sum(len(labels[p]) for p in with_boxes)
    per_kind = max(1, round(fraction * n_boxes))
    chosen = rng.permutation(len(with_boxes))[:3 * per_kind]
    n_classes = len(dataset.classes.names)
    out = []
    for k, i in enumerate(chosen):
        rel, kind = with_boxes[i], ("swap", "shift", "delete")[k % 3]
        boxes = labels[rel]
        row = int(rng.integers(len(boxes)))
        xywhn, class_id = boxes.xywhn.copy(), boxes.class_id.copy()
        before = tuple(float(v) for v in xywhn[row])
        if kind == "swap":
            class_id[row] = (class_id[row] + int(rng.integers(1, n_classes))) % n_classes
        elif kind == "shift":
            axis = int(rng.integers(2))
            sign = 1.0 if rng.random() < 0.5 else -1.0
            half = xywhn[row, 2 + axis] / 2
            xywhn[row, axis] = np.clip(xywhn[row, axis] + sign * half, half, 1 - half)
        keep = np.arange(len(boxes)) != row if kind == "delete" else np.ones(len(boxes), bool)
        new = Boxes(xywhn[keep], class_id[keep])
        save_yolo_labels(dataset.label_path(rel), boxes_to_label_file(new))
        out.append(Planted(rel, kind, -1 if kind == "delete" else row, before, int(boxes.class_id[row])))
    return out


def score_found(planted: list[Planted], flagged: list[tuple[str, object]], wh: dict[str, tuple[int, int]]
                ) -> dict[str, dict[str, float]]:
    """Precision and recall per kind among ``flagged`` (``(path, BoxIssue)``, most suspicious
    first): a swapped or shifted box is found by an issue on its row; a deleted one by an
    ``overlooked`` suggestion overlapping it with IoU >= 0.5."""
    from studio.core.labels.metrics import box_iou

    found = set()
    true_flags = {"swap": 0, "badloc": 0, "overlooked": 0}
    for path, issue in flagged:
        for k, p in enumerate(planted):
            if p.path != path:
                continue
            if p.kind == "delete" and issue.kind == "overlooked" and issue.suggested_box is not None:
                a = Boxes(np.array([p.box]), np.zeros(1, np.int64)).to_xyxy(wh[path])
                b = Boxes(np.array([issue.suggested_box]), np.zeros(1, np.int64)).to_xyxy(wh[path])
                hit = box_iou(a, b)[0, 0] >= 0.5
            else:
                hit = p.kind != "delete" and issue.kind != "overlooked" and issue.index == p.row
            if hit:
                found.add(k)
                true_flags[issue.kind] = true_flags.get(issue.kind, 0) + 1
                break
    out: dict[str, dict[str, float]] = {}
    for kind, issue_kind in (("swap", "swap"), ("shift", "badloc"), ("delete", "overlooked")):
        n = sum(p.kind == kind for p in planted)
        hits = sum(planted[k].kind == kind for k in found)
        flagged_kind = sum(issue.kind == issue_kind for _, issue in flagged)
        out[kind] = {"planted": n, "found": hits, "recall": hits / n if n else float("nan"),
                     "flagged": flagged_kind,
                     "precision": true_flags.get(issue_kind, 0) / flagged_kind if flagged_kind else float("nan")}
    out["all"] = {"planted": len(planted), "found": len(found), "recall": len(found) / max(len(planted), 1),
                  "flagged": len(flagged)}
    return out


def label_agreement(labels: dict[str, Boxes], truth: dict[str, Boxes], wh: tuple[int, int] = (640, 480)
                    ) -> dict[str, int]:
    """How training labels compare with the true boxes: ``exact`` (IoU >= 0.75, same class),
    ``wrong_class`` (IoU >= 0.75, another class), ``loose`` (0.2 <= IoU < 0.75), ``spurious`` (no
    true box under it), ``missing`` (true boxes no label matches)."""
    from studio.core.labels.metrics import box_iou

    out = {"true": 0, "exact": 0, "wrong_class": 0, "loose": 0, "spurious": 0, "missing": 0}
    for path, boxes in labels.items():
        true = truth[path]
        out["true"] += len(true)
        used: set[int] = set()
        iou = box_iou(true.to_xyxy(wh), boxes.to_xyxy(wh)) if len(true) and len(boxes) else None
        for j in range(len(boxes)):
            i = int(np.argmax(iou[:, j])) if iou is not None else -1
            v = float(iou[i, j]) if iou is not None else 0.0
            if i in used or v < 0.2:
                out["spurious"] += 1
                continue
            used.add(i)
            key = "loose" if v < 0.75 else ("exact" if true.class_id[i] == boxes.class_id[j] else "wrong_class")
            out[key] += 1
        out["missing"] += len(true) - len(used)
    return out


CONFIDENCE_BANDS = (0.0, 0.35, 0.5, 0.65, 0.8, 0.9)


def suggestion_right(issue: object, labels: Boxes, truth: Boxes, wh: tuple[int, int]) -> bool:
    """Would taking ``issue``'s suggestion move the labels toward the truth? A class change: the
    box's true object has that class. A move: the suggested box overlaps a true box better than the
    label does (by 0.05 IoU or more). An unlabeled object: a true box no label covers (IoU 0.5),
    of that class, lies under it (IoU 0.5)."""
    from studio.core.labels.metrics import box_iou

    if not len(truth):
        return False
    true_xyxy = truth.to_xyxy(wh)
    suggested = (Boxes(np.array([issue.suggested_box]), np.zeros(1, np.int64)).to_xyxy(wh)  # type: ignore[attr-defined]
                 if issue.suggested_box is not None else None)  # type: ignore[attr-defined]
    if issue.kind == "swap":  # type: ignore[attr-defined]
        iou = box_iou(labels.to_xyxy(wh)[issue.index:issue.index + 1], true_xyxy)[0]  # type: ignore[attr-defined]
        j = int(np.argmax(iou))
        return bool(iou[j] >= 0.5 and truth.class_id[j] == issue.suggested_class  # type: ignore[attr-defined]
                    and labels.class_id[issue.index] != issue.suggested_class)  # type: ignore[attr-defined]
    if issue.kind == "badloc":  # type: ignore[attr-defined]
        own = box_iou(labels.to_xyxy(wh)[issue.index:issue.index + 1], true_xyxy)[0]  # type: ignore[attr-defined]
        return bool(box_iou(suggested, true_xyxy)[0].max() > own.max() + 0.05)
    iou = box_iou(suggested, true_xyxy)[0]
    covered = box_iou(true_xyxy, labels.to_xyxy(wh)).max(axis=1) >= 0.5 if len(labels) else np.zeros(len(truth), bool)
    j = int(np.argmax(iou))
    return bool(iou[j] >= 0.5 and not covered[j] and truth.class_id[j] == issue.suggested_class)  # type: ignore[attr-defined]


def suggestion_accuracy(queue: list, labels: dict[str, Boxes], truth: dict[str, Boxes],
                        wh: tuple[int, int] = (640, 480)) -> dict[str, dict[str, list[int]]]:
    """Per issue kind and confidence band (``CONFIDENCE_BANDS``' lower edges): how many offered
    suggestions were right, of how many. Where the take floors (``TAKE_CONFIDENCE``) come from."""
    from studio.core.labelcheck.results import offered

    out: dict[str, dict[str, list[int]]] = {}
    for entry in queue:
        if entry.path not in truth:
            continue
        for issue in entry.issues:
            if issue.kind == "qa" or not offered(issue) or issue.suggested_confidence is None:
                continue
            band = max(b for b in CONFIDENCE_BANDS if issue.suggested_confidence >= b)
            cell = out.setdefault(issue.kind, {}).setdefault(f"{band:.2f}", [0, 0])
            cell[0] += suggestion_right(issue, labels[entry.path], truth[entry.path], wh)
            cell[1] += 1
    return {kind: dict(sorted(bands.items())) for kind, bands in sorted(out.items())}
