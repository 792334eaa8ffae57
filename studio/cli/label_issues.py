"""``studio label-issues DATASET``: label errors a model can see, ranked worst first.

Trains ``--folds`` models on folds of the finished images (through the training job), predicts
each image with the model that did not see it, and scores the labels with cleanlab. The cost is
printed before anything starts; a repeated run of unchanged data reuses the trained folds, and
an interrupted run resumes at the fold it stopped in. The dataset is never written: suspicious
labels wait in the review panel's "Label errors" queue.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from studio.cli.common import ProgressBar, drive_training_job, indexed_context, open_dataset_and_store

if TYPE_CHECKING:
    from studio.core.jobs import Progress


def _params(args: argparse.Namespace) -> object:
    from studio.core.labelcheck.plan import LabelCheckParams

    return LabelCheckParams(folds=args.folds, epochs=args.epochs, model=args.model or "", imgsz=args.imgsz,
                            batch=args.batch, seed=args.seed, device=args.device,
                            include_machine=args.include_machine_labels)


def _print_plan(plan: object, params: object) -> None:
    from studio.core.jobs import format_eta

    p = params  # type: ignore[assignment]
    start = p.model or "scratch (yolov8n.yaml)"  # type: ignore[attr-defined]
    print(f"{len(plan.paths)} finished images, {p.folds} folds x {p.epochs} epochs from {start} at imgsz "  # type: ignore[attr-defined]
          f"{p.imgsz}: about {format_eta(plan.cost_s)} on this machine"  # type: ignore[attr-defined]
          + (f" ({plan.folds_done} fold(s) already trained, reused)" if plan.folds_done else ""), file=sys.stderr)  # type: ignore[attr-defined]
    for warning in plan.warnings:  # type: ignore[attr-defined]
        print(f"warning: {warning}", file=sys.stderr)


def _report(store: object, check_id: int, as_json: bool, limit: int) -> None:
    from studio.core.labelcheck.results import check_queue

    queue = check_queue(store, check_id)  # type: ignore[arg-type]
    if as_json:
        issues = [[{"kind": i.kind, "box": i.index, "score": round(i.score, 4), "reason": str(i.reason),
                    "suggested_class": i.suggested_class, "suggested_box": i.suggested_box} for i in e.issues]
                  for e in queue]
        print(json.dumps([{"path": e.path, "quality": round(e.quality, 4), "issues": found}
                          for e, found in zip(queue, issues)], ensure_ascii=False, indent=1))
        return
    for entry in queue[:limit]:
        print(f"{entry.path}  quality {entry.quality:.3f}")
        for issue in entry.issues:
            where = f"box {issue.index + 1}" if issue.kind != "overlooked" and issue.index >= 0 else "new box"
            print(f"  {issue.kind:<10} {where}: {issue.reason}")
    if len(queue) > limit:
        print(f"... and {len(queue) - limit} more images (--json lists them all)")


def cmd_label_issues(args: argparse.Namespace) -> int:
    """Run the check; the suspicious labels on stdout, worst image first."""
    from studio.core.jobspec import run_recorded
    from studio.core.labelcheck.folds import FoldError
    from studio.core.labelcheck.job import LABEL_CHECK

    opened = open_dataset_and_store(args.dataset)
    if opened is None:
        return 1
    dataset, store = opened
    ctx = indexed_context(dataset, store)
    params = _params(args)
    bar, state = ProgressBar("label check"), {"event": None, "fold": -1}

    def report(progress: Progress) -> None:
        event = state["event"] = progress.payload
        if progress.stage == "plan":
            _print_plan(event.plan, params)
        elif progress.stage in ("train", "predict") and event.fold != state["fold"]:
            state["fold"] = event.fold
            print(f"fold {event.fold + 1}/{event.folds}: training on the other folds, then predicting this one",
                  file=sys.stderr)
        bar.update(progress)

    code = drive_training_job(run_recorded(LABEL_CHECK, params, ctx), ctx, report,  # type: ignore[arg-type]
                              "run the same command again to resume (finished folds are kept)", (FoldError,))
    if code is not None:
        return code
    event = state["event"]
    print(f"{event.flagged_boxes} suspicious labels on {event.flagged_images} images"  # type: ignore[union-attr]
          + (f" ({event.reused_folds} trained folds reused)" if event.reused_folds else ""),  # type: ignore[union-attr]
          file=sys.stderr)
    _report(store, event.check_id, args.json, args.limit)  # type: ignore[union-attr]
    return 0


def add_label_issues_parser(sub: argparse._SubParsersAction) -> None:
    """Register ``studio label-issues``."""
    from studio.core.labelcheck.plan import DEFAULT_EPOCHS, DEFAULT_FOLDS, DEFAULT_IMGSZ

    p = sub.add_parser("label-issues", help="find wrong classes, misplaced boxes and unlabeled objects with "
                                            "models trained on folds of the data (cleanlab scores)")
    p.add_argument("dataset")
    p.add_argument("--folds", type=int, default=DEFAULT_FOLDS, help=f"models to train (default {DEFAULT_FOLDS})")
    p.add_argument("--epochs", type=int, default=DEFAULT_EPOCHS, help=f"epochs per fold (default {DEFAULT_EPOCHS})")
    p.add_argument("--model", help="start each fold from this detection .pt (a model that never saw these "
                                   "images); default: from scratch")
    p.add_argument("--imgsz", type=int, default=DEFAULT_IMGSZ)
    p.add_argument("--batch", type=int, default=16)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--device", default="auto", help="auto (a GPU when there is one), cpu, cuda, cuda:N or mps")
    p.add_argument("--include-machine-labels", action="store_true",
                   help="also check label files a model wrote that no human has reviewed")
    p.add_argument("--limit", type=int, default=20, help="images to list (default 20)")
    p.add_argument("--json", action="store_true", help="every flagged image and issue as JSON")
    p.set_defaults(func=cmd_label_issues)
