"""Dataset and model insight on the command line (the twin of Tools > Dataset Insight).

    studio check DATASET [--pixels] [--json] [--all]   QA findings; exit 1 if any error
    studio stats DATASET [--json] [--csv DIR]          classes, sizes, centres, negatives
    studio eval DATASET --pred RUN_ID|FOLDER [--json]  P/R/F1, AP50, AP50-95, confusion matrix
    studio train-report RUN_DIR [RUN_DIR ...] [--json] a training run's curves, best epoch, diagnoses
    studio split DATASET OUT [--val F] [--test F] [--seed S] [--link] [--coco]
                                                       seeded stratified Ultralytics export
None of them modifies the dataset.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from studio.cli.common import existing_store, job_context
from studio.core.dataset.jobs import SPLIT, SplitParams
from studio.core.insight.jobs import CHECK, STATS, CheckParams, StatsParams
from studio.core.jobspec import run_recorded

if TYPE_CHECKING:
    from studio.core.dataset.layout import Dataset
    from studio.core.jobs import Progress


def add_insight_parsers(sub: argparse._SubParsersAction) -> None:
    """Register the insight subcommands."""
    p = sub.add_parser("check", help="find label and image problems (never modifies files)")
    p.add_argument("dataset")
    p.add_argument("--pixels", action="store_true", help="also compare box colours (decodes every labeled image)")
    p.add_argument("--json", action="store_true")
    p.add_argument("--all", action="store_true", help="list info findings one by one too")
    p.add_argument("--workers", type=int, default=None)
    p.set_defaults(func=cmd_check)
    p = sub.add_parser("stats", help="dataset statistics")
    p.add_argument("dataset")
    p.add_argument("--json", action="store_true")
    p.add_argument("--csv", metavar="DIR", help="write the tables as CSV files")
    p.add_argument("--workers", type=int, default=None)
    p.set_defaults(func=cmd_stats)
    p = sub.add_parser("eval", help="compare predictions with the labels")
    p.add_argument("dataset")
    p.add_argument("--pred", required=True, help="a pre-labeling run id, or a folder of YOLO txt files with confidence")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_eval)
    p = sub.add_parser("train-report", help="analyse Ultralytics training runs (results.csv, args.yaml)")
    p.add_argument("runs", nargs="+")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_train_report)
    p = sub.add_parser("split", help="write a seeded, class-stratified Ultralytics copy of a dataset")
    p.add_argument("dataset")
    p.add_argument("out")
    p.add_argument("--val", type=float, default=0.2)
    p.add_argument("--test", type=float, default=0.0)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--link", action="store_true", help="hard-link images instead of copying")
    p.add_argument("--coco", action="store_true", help="also write COCO JSON per split")
    p.set_defaults(func=cmd_split)


def _open(path: str) -> Dataset | None:
    from studio.core.dataset.layout import DatasetError, open_dataset

    try:
        return open_dataset(path)
    except (DatasetError, OSError) as exc:
        print(f"studio: {exc}", file=sys.stderr)
        return None


def _run(job: Iterator[Progress], label: str) -> Any:
    from studio.cli.common import ProgressBar

    bar = ProgressBar(label)
    last = None
    for progress in job:
        bar.update(progress)
        last = progress
    return last.payload if last is not None else None


def cmd_check(args: argparse.Namespace) -> int:
    """Print QA findings; exit 1 when any is an error (Ultralytics would drop the image)."""
    from studio.core.findings import Severity

    ds = _open(args.dataset)
    if ds is None:
        return 2
    ctx = job_context(ds, existing_store(ds))
    report, _survey = _run(run_recorded(CHECK, CheckParams(args.pixels, args.workers), ctx), "check")
    if args.json:
        print(json.dumps({"images": report.images, "boxes": report.boxes, "counts": report.by_code(),
                          "issues": [{"code": i.finding.code, "severity": i.finding.severity.value,
                                      "message": i.finding.message, "file": str(i.finding.path or ""),
                                      "line": i.finding.line, "image": i.image, "box": i.box} for i in report.issues]},
                         ensure_ascii=False, indent=1))
    else:
        info: dict[str, int] = {}
        for i in report.issues:
            if i.finding.severity is Severity.INFO and not args.all:
                info[i.finding.code] = info.get(i.finding.code, 0) + 1
                continue
            print(i.finding)
        for code, n in info.items():
            print(f"info: {n} x {code} (--all lists them)")
        print(f"{report.images} images, {report.boxes} boxes: {report.count(Severity.ERROR)} errors, "
              f"{report.count(Severity.WARNING)} warnings, {report.count(Severity.INFO)} info")
    return 1 if report.count(Severity.ERROR) else 0


def cmd_stats(args: argparse.Namespace) -> int:
    """Print (or write as CSV) the dataset statistics."""
    from studio.core.insight.stats import dataset_stats, write_csv

    ds = _open(args.dataset)
    if ds is None:
        return 2
    st = dataset_stats(_run(run_recorded(STATS, StatsParams(args.workers), job_context(ds, existing_store(ds))),
                            "stats"))
    if args.csv:
        for path in write_csv(st, args.csv):
            print(f"wrote {path}", file=sys.stderr)
    if args.json:
        print(json.dumps({
            "images": st.images, "labeled": st.labeled, "negatives": st.negatives, "unlabeled": st.unlabeled,
            "unreadable": st.unreadable, "boxes": st.boxes, "splits": st.splits, "size_bands": st.size_bands,
            "classes": [{"id": c.class_id, "name": c.name, "boxes": c.boxes, "images": c.images, "share": c.share,
                         "per_split": c.per_split, "size_bands": st.size_bands_per_class[c.class_id]}
                        for c in st.classes],
            "boxes_per_image": st.boxes_per_image,
            "image_sizes": [{"width": w, "height": h, "images": n} for w, h, n in st.image_sizes],
        }, ensure_ascii=False, indent=1))
        return 0
    print(f"{st.images} images: {st.labeled} labeled, {st.negatives} negatives (empty label file), "
          f"{st.unlabeled} unlabeled, {st.unreadable} unreadable; {st.boxes} boxes")
    for split, s in sorted(st.splits.items()):
        print(f"  {split or '(all)'}: {s['images']} images, {s['boxes']} boxes, {s['negatives']} negatives, "
              f"{s['unlabeled']} unlabeled")
    splits = sorted({k for c in st.classes for k in c.per_split})
    print(f"{'class':<16}{'boxes':>8}{'images':>8}{'share':>8}" + "".join(f"{s[:8]:>9}" for s in splits)
          + f"{'small':>8}{'medium':>8}{'large':>8}")
    for c in st.classes:
        b = st.size_bands_per_class[c.class_id]
        print(f"{c.name[:15]:<16}{c.boxes:>8}{c.images:>8}{c.share:>8.1%}"
              + "".join(f"{c.per_split.get(s, 0):>9}" for s in splits)
              + f"{b['small']:>8}{b['medium']:>8}{b['large']:>8}")
    total = max(st.boxes, 1)
    print("sizes (COCO bands): " + ", ".join(f"{k} {v} ({v / total:.1%})" for k, v in st.size_bands.items() if v))
    print("boxes per image: " + ", ".join(f"{k}: {v}" for k, v in list(st.boxes_per_image.items())[:15]))
    print("image sizes: " + ", ".join(f"{w}x{h} ({n})" for w, h, n in st.image_sizes[:5]))
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    """Print the evaluation table of predictions against the labels."""
    from studio.core.dataset.store_location import open_store
    from studio.core.insight.jobs import EVALUATE, EvaluateParams
    from studio.core.jobs import last_payload

    ds = _open(args.dataset)
    if ds is None:
        return 2
    if args.pred.isdigit():
        params, store = EvaluateParams(run_id=int(args.pred)), open_store(ds)[0]
    elif Path(args.pred).is_dir():
        params, store = EvaluateParams(folder=args.pred), existing_store(ds)
    else:
        print(f"studio: --pred must be a run id or a folder of prediction files: {args.pred}", file=sys.stderr)
        return 2
    rep = last_payload(run_recorded(EVALUATE, params, job_context(ds, store)))
    for problem in rep.problems:
        print(f"note: {problem}", file=sys.stderr)
    if args.json:
        print(json.dumps({
            "images": rep.images, "map50": rep.map50, "map50_95": rep.map50_95, "best_conf": rep.best_conf,
            "precision": rep.precision, "recall": rep.recall, "f1": rep.f1,
            "classes": [{"id": c.class_id, "name": rep.names[c.class_id] if c.class_id < len(rep.names) else None,
                         "boxes": c.n_gt, "predictions": c.n_pred, "ap50": c.ap50 if c.n_gt else None,
                         "ap50_95": c.ap50_95 if c.n_gt else None,
                         **dict(zip(("precision", "recall", "f1"), rep.at_best(c.class_id)))} for c in rep.classes],
            "confusion_matrix": rep.confusion.matrix.tolist(), "problems": rep.problems,
        }, ensure_ascii=False, indent=1))
        return 0
    print(f"{rep.images} images; confidence maximizing mean F1: {rep.best_conf:.3f}")
    print(f"{'class':<16}{'boxes':>7}{'preds':>7}{'P':>7}{'R':>7}{'F1':>7}{'AP50':>7}{'AP50-95':>9}")
    for c in rep.classes:
        name = rep.names[c.class_id] if 0 <= c.class_id < len(rep.names) else f"#{c.class_id}"
        p, r, f = rep.at_best(c.class_id)
        ap = f"{c.ap50:7.3f}{c.ap50_95:9.3f}" if c.n_gt else f"{'-':>7}{'-':>9}"
        print(f"{name[:15]:<16}{c.n_gt:>7}{c.n_pred:>7}{p:7.3f}{r:7.3f}{f:7.3f}{ap}")
    print(f"{'all':<16}{sum(c.n_gt for c in rep.classes):>7}{sum(c.n_pred for c in rep.classes):>7}"
          f"{rep.precision:7.3f}{rep.recall:7.3f}{rep.f1:7.3f}{rep.map50:7.3f}{rep.map50_95:9.3f}")
    labels = [*(rep.names or [str(i) for i in range(len(rep.confusion.matrix) - 1)]), "background"]
    print("confusion matrix (rows predicted, columns true; conf > 0.25, IoU > 0.45):")
    print(" " * 12 + "".join(f"{n[:9]:>10}" for n in labels))
    for i, row in enumerate(rep.confusion.matrix):
        print(f"{labels[i][:11]:<12}" + "".join(f"{v:>10}" for v in row))
    return 0


def cmd_train_report(args: argparse.Namespace) -> int:
    """Print each run's best epoch, diagnoses and key settings."""
    from studio.core.insight.training_runs import RunReadError, read_run

    status, out = 0, []
    for folder in args.runs:
        try:
            run = read_run(folder)
        except RunReadError as exc:
            print(f"studio: {exc}", file=sys.stderr)
            status = 1
            continue
        if args.json:
            out.append({"run": str(run.folder), "epochs": len(run.epochs), "best_epoch": run.best_epoch,
                        "diagnoses": [{"code": d.code, "text": d.text, "epoch": d.epoch} for d in run.diagnoses],
                        "notes": run.notes, "settings": dict(run.settings())})
            continue
        print(f"{run.folder}: {len(run.epochs)} epochs")
        for note in run.notes:
            print(f"  note: {note}")
        for d in run.diagnoses:
            print(f"  {d.text}")
        print("  settings: " + ", ".join(f"{k}={v}" for k, v in run.settings()))
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=1, default=str))
    return status


def cmd_split(args: argparse.Namespace) -> int:
    """Write a seeded, stratified Ultralytics copy (and COCO JSON) of a dataset."""
    from studio.core.dataset.export import ExportError

    ds = _open(args.dataset)
    if ds is None:
        return 2
    params = SplitParams(args.out, args.val, args.test, args.seed, args.link, args.coco)
    try:
        summary = _run(run_recorded(SPLIT, params, job_context(ds, existing_store(ds))), "split")
    except ExportError as exc:
        print(f"studio: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {args.out}: " + ", ".join(f"{k} {n} images / {summary.boxes.get(k, 0)} boxes"
                                             for k, n in summary.counts.items()))
    if summary.dropped_lines:
        print(f"left out {summary.dropped_lines} non-box label lines", file=sys.stderr)
    return 1 if summary.skipped else 0
