"""A finished check's predictions scored with cleanlab, merged with studio's own QA findings,
and stored as the queue of suspicious labels, worst image first."""

from __future__ import annotations

import json

import numpy as np

from studio.core.dataset.layout import Dataset
from studio.core.i18n import Message
from studio.core.insight.label_issues import BoxIssue, find_label_issues
from studio.core.labelcheck.plan import CheckPlan, LabelCheckParams
from studio.core.labels.boxes import Boxes
from studio.core.labels.yolo import parse_label_bytes
from studio.core.store.db import Store

QA = "qa"  # a finding of studio's own check (duplicates, boxes off the image, ...)


def fold_predictions(plan: CheckPlan) -> dict[str, dict]:
    """Every fold's out-of-sample predictions, by image."""
    from studio.core.labelcheck.job import predictions_file

    out: dict[str, dict] = {}
    for k in range(plan.folds.k):
        out.update(json.loads(predictions_file(plan, k).read_text(encoding="utf-8")))
    return out


def checked_labels(text: str | None, n_classes: int) -> tuple[Boxes, np.ndarray]:
    """The boxes cleanlab can score (known classes) and their row numbers in the label file."""
    boxes = parse_label_bytes(text.encode("utf-8")).boxes if text else Boxes.empty()
    keep = np.flatnonzero((boxes.class_id >= 0) & (boxes.class_id < n_classes))
    return boxes[keep], keep


def rows_to_boxes(rows: list) -> Boxes:
    """Stored prediction rows ``[class, cx, cy, w, h, confidence]`` as ``Boxes``."""
    if not rows:
        return Boxes(np.zeros((0, 4)), np.zeros(0, np.int64), np.zeros(0))
    a = np.asarray(rows, np.float64)
    return Boxes(a[:, 1:5], a[:, 0].astype(np.int64), a[:, 5])


def score_check(dataset: Dataset, store: Store | None, plan: CheckPlan, params: LabelCheckParams) -> object:
    """Score, merge, store; the ``CheckEvent`` of the finished check."""
    from studio.core.labelcheck.job import CheckEvent
    from studio.core.labelcheck.results import save_check

    names = list(dataset.classes.names)
    predictions = fold_predictions(plan)
    paths = [p for p in plan.paths if "rows" in predictions.get(p, {})]
    labels, rows_of = [], []
    for rel in paths:
        boxes, rows = checked_labels(plan.labels.get(rel), len(names))
        labels.append(boxes)
        rows_of.append(rows)
    preds = [rows_to_boxes(predictions[p]["rows"]) for p in paths]
    sizes = [tuple(predictions[p]["wh"]) for p in paths]
    ranked = find_label_issues(labels, preds, sizes, names) if paths else []
    for image in ranked:  # indices into the scored boxes -> rows of the label file
        image.issues = [_to_file_row(issue, rows_of[image.index]) for issue in image.issues]
    qa = qa_issues(dataset, set(paths))
    for image in ranked:
        image.issues += qa.get(paths[image.index], [])
    check_id = save_check(store, plan, params, [(paths[im.index], im) for im in ranked]) if store else None
    flagged = [im for im in ranked if im.issues]
    return CheckEvent("done", plan.folds.k, plan.folds.k, plan=plan, check_id=check_id,
                      flagged_images=len(flagged), flagged_boxes=sum(len(im.issues) for im in flagged))


def _to_file_row(issue: BoxIssue, rows: np.ndarray) -> BoxIssue:
    from dataclasses import replace

    if issue.kind == "overlooked":
        return issue
    return replace(issue, index=int(rows[issue.index]))


def qa_issues(dataset: Dataset, paths: set[str]) -> dict[str, list[BoxIssue]]:
    """studio's own findings on ``paths`` (its ``check``), as issues of the same queue."""
    from studio.core.insight.qa import check_job
    from studio.core.jobs import last_payload

    got = last_payload(check_job(dataset))
    if not got:
        return {}
    report, _survey = got
    out: dict[str, list[BoxIssue]] = {}
    for issue in report.issues:
        if issue.image in paths:
            reason = Message(issue.finding.template, **issue.finding.params)
            out.setdefault(issue.image, []).append(BoxIssue(QA, -1 if issue.box is None else int(issue.box), 1.0,
                                                            reason))
    return out

