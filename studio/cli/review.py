"""``studio review``: the headless twin of the Review menu.

    studio review status DATASET [--run N]                 done / left of a run's queue
    studio review report DATASET [--run N] [--precision P] [--json]
                                                            the model's quality on reviewed images
    studio review auto-accept DATASET --threshold T [--spot F] [--min-spot K] [--seed S]
                                                            accept confident images, keep a spot check
    studio review export DATASET OUT [--val F] [--test F] [--seed S] [--link]
                                                            reviewed images as an Ultralytics dataset
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from studio.cli.common import job_context
from studio.core.jobspec import run_recorded
from studio.core.review.jobs import AUTO_ACCEPT, REVIEW_EXPORT, AutoAcceptParams, ReviewExportParams

if TYPE_CHECKING:
    from studio.core.dataset.layout import Dataset
    from studio.core.inference.runs import RunInfo
    from studio.core.review.classes import ClassCheck
    from studio.core.store.db import Store


def add_review_parser(sub: argparse._SubParsersAction) -> None:
    """Register ``studio review`` and its actions."""
    p = sub.add_parser("review", help="report on, auto-accept and export a reviewed pre-labeling run")
    actions = p.add_subparsers(dest="action", required=True)
    for name, help_text in (("status", "done and left in the review queue"),
                            ("report", "precision, recall, F1, AP50 per class; decision rates; thresholds"),
                            ("auto-accept", "accept images whose proposals are all confident"),
                            ("export", "write the finished images as an Ultralytics dataset")):
        a = actions.add_parser(name, help=help_text)
        a.add_argument("dataset")
        if name == "export":
            a.add_argument("out", help="new or empty folder")
            a.add_argument("--val", type=float, default=0.2)
            a.add_argument("--test", type=float, default=0.0)
            a.add_argument("--seed", type=int, default=0)
            a.add_argument("--link", action="store_true", help="hard-link images instead of copying")
        a.add_argument("--run", type=int, help="run id (default: the newest)")
        if name == "report":
            a.add_argument("--precision", type=float, default=0.95, help="precision target for the advisor")
            a.add_argument("--json", action="store_true")
        if name == "auto-accept":
            a.add_argument("--threshold", type=float, required=True)
            a.add_argument("--spot", type=float, default=0.05, help="share held back for a human spot check")
            a.add_argument("--min-spot", type=int, default=20)
            a.add_argument("--seed", type=int, default=0)
        a.set_defaults(func=cmd_review)


def cmd_review(args: argparse.Namespace) -> int:
    """Dispatch ``studio review ACTION``."""
    from studio.cli.common import open_dataset_and_store
    from studio.core.inference.runs import get_run, list_runs

    opened = open_dataset_and_store(args.dataset)
    if opened is None:
        return 1
    dataset, store = opened
    runs = list_runs(store)
    run = get_run(store, args.run) if args.run is not None else (runs[0] if runs else None)
    if run is None:
        print("studio: no pre-labeling run" + (f" {args.run}" if args.run is not None else "")
              + " in this dataset (run 'studio prelabel' first)", file=sys.stderr)
        return 1
    handler = {"status": _status, "report": _report, "auto-accept": _auto_accept, "export": _export}[args.action]
    return handler(args, dataset, store, run)


def _check(dataset: Dataset, run: RunInfo) -> ClassCheck:
    from studio.core.review.classes import check_run_classes

    check = check_run_classes(run.dataset_names, dataset.classes.names)
    if check.remap:
        print(f"note: classes moved since run {run.id}; matched by name", file=sys.stderr)
    if check.missing:
        print(f"note: proposals for classes no longer in the dataset are left out: "
              f"{', '.join(check.missing.values())}", file=sys.stderr)
    return check


def _status(args: argparse.Namespace, dataset: Dataset, store: Store, run: RunInfo) -> int:
    from studio.core.review.workflow import count_queue, queue_items

    c = count_queue(queue_items(store, run.id, _check(dataset, run)))
    print(f"run {run.id}: {c.total} images, {c.reviewed} reviewed, {c.auto} accepted automatically, "
          f"{c.left} left ({c.spot_left} spot checks)")
    return 0


def _report(args: argparse.Namespace, dataset: Dataset, store: Store, run: RunInfo) -> int:
    from studio.core.review.report import quality_report
    from studio.core.review.workflow import Decision

    _check(dataset, run)
    rep = quality_report(dataset, store, run.id)
    best_t, best_f1 = rep.curve.best_f1()
    target = rep.curve.for_precision(args.precision)
    if args.json:
        out = {
            "run": run.id, "images": rep.images, "missing_images": rep.missing_images,
            "map50": rep.map50, "map50_95": rep.map50_95,
            "classes": [{"id": c.class_id, "name": rep.names[c.class_id] if c.class_id < len(rep.names) else None,
                         "boxes": c.n_gt, "proposals": c.n_pred, "precision": c.precision, "recall": c.recall,
                         "f1": c.f1, "best_conf": c.best_conf, "ap50": c.ap50 if c.n_gt else None}
                        for c in rep.classes],
            "decisions": rep.decisions, "added": rep.added,
            "best_f1": {"threshold": best_t, "f1": best_f1},
            "precision_target": {"target": args.precision, "threshold": target[0] if target else None,
                                 "recall": target[1] if target else None},
            "spot_check": None if rep.spot is None else {
                "threshold": rep.spot.threshold, "sampled": rep.spot.sampled, "checked": rep.spot.checked,
                "needed_change": rep.spot.needed_change, "error_rate": rep.spot.error_rate,
                "interval95": rep.spot.interval(), "false_accepts": rep.spot.false_accepts,
                "missed": rep.spot.missed, "auto_accepted": rep.spot.auto_accepted},
        }
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    print(f"run {run.id}: {rep.images} images reviewed by a human"
          + (f" ({len(rep.missing_images)} left out: image or labels gone)" if rep.missing_images else ""))
    print(f"{'class':<16}{'boxes':>7}{'props':>7}{'P':>7}{'R':>7}{'F1':>7}{'conf':>7}{'AP50':>7}")
    for c in rep.classes:
        name = rep.names[c.class_id] if 0 <= c.class_id < len(rep.names) else f"#{c.class_id}"
        ap = f"{c.ap50:7.3f}" if c.n_gt else "      -"
        print(f"{name[:15]:<16}{c.n_gt:>7}{c.n_pred:>7}{c.precision:7.3f}{c.recall:7.3f}{c.f1:7.3f}"
              f"{c.best_conf:7.2f}{ap}")
    print(f"mAP50 {rep.map50:.3f}  mAP50-95 {rep.map50_95:.3f}")
    if rep.shown:
        print(f"decisions on {rep.shown} proposals shown: accepted {rep.rate(Decision.ACCEPTED):.1%}, "
              f"edited {rep.rate(Decision.EDITED):.1%}, rejected {rep.rate(Decision.REJECTED):.1%}; "
              f"{rep.decisions.get('duplicate', 0)} duplicates; {rep.added} boxes drawn by hand")
    p, r, _ = rep.curve.at(best_t)
    print(f"best F1 {best_f1:.3f} at confidence {best_t:.2f} (precision {p:.3f}, recall {r:.3f})")
    print(f"precision >= {args.precision:.2f}: " + (f"from confidence {target[0]:.2f} (recall {target[1]:.3f})"
                                                   if target else "not reached at any threshold"))
    if rep.spot is not None:
        s = rep.spot
        lo, hi = s.interval()
        print(f"spot check of the automatic accept at {s.threshold:.2f}: {s.checked}/{s.sampled} checked, "
              f"{s.needed_change} needed a change ({s.error_rate:.1%}, 95% interval {lo:.1%}-{hi:.1%}); "
              f"{s.auto_accepted} images accepted automatically")
    return 0


def _auto_accept(args: argparse.Namespace, dataset: Dataset, store: Store, run: RunInfo) -> int:
    from studio.cli.common import ProgressBar

    params = AutoAcceptParams(run.id, args.threshold, args.spot, args.min_spot, args.seed)
    bar = ProgressBar("auto-accept")
    stats: dict = {}
    job = run_recorded(AUTO_ACCEPT, params, job_context(dataset, store))
    try:
        for progress in job:
            bar.update(progress)
            stats = progress.payload
    except KeyboardInterrupt:
        print("interrupted; run the same command again to continue", file=sys.stderr)
        return 130
    finally:
        job.close()
    print(f"run {run.id}: accepted {stats['accepted']} images automatically ({stats['boxes']} boxes, "
          f"{stats['duplicates']} duplicates skipped); {stats['spot']} held back for a spot check")
    for path, reason in stats["failed"]:
        print(f"failed: {path}: {reason}", file=sys.stderr)
    return 1 if stats["failed"] else 0


def _export(args: argparse.Namespace, dataset: Dataset, store: Store, run: RunInfo) -> int:
    from studio.cli.common import ProgressBar
    from studio.core.dataset.export import ExportError

    params = ReviewExportParams(run.id, args.out, args.val, args.test, args.seed, args.link)
    bar = ProgressBar("export")
    try:
        summary = None
        for progress in run_recorded(REVIEW_EXPORT, params, job_context(dataset, store)):
            bar.update(progress)
            summary = progress.payload
    except ExportError as exc:
        print(f"studio: {exc}", file=sys.stderr)
        return 1
    counts = ", ".join(f"{k} {n}" for k, n in summary.counts.items())
    print(f"exported {sum(summary.counts.values())} reviewed images ({counts}) to {args.out}; "
          f"train with: yolo train data={Path(args.out) / 'data.yaml'}")
    if summary.dropped_lines:
        print(f"left out {summary.dropped_lines} non-box label lines", file=sys.stderr)
    return 1 if summary.skipped else 0
