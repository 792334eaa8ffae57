"""``studio train DATASET --model M``: train a detector on the images humans have finished.

``--resume RUN_DIR`` continues a run that was cancelled or killed from its last finished
epoch. The run folder is Ultralytics' own (args.yaml, results.csv, weights/best.pt and
last.pt); the dataset folder is never written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from studio.cli.common import (
    drive_training_job,
    indexed_context,
    job_context,
    open_dataset_and_store,
    setting_value,
)

if TYPE_CHECKING:
    from studio.core.jobs import Progress


def _settings(args: argparse.Namespace) -> dict:
    from studio.core.training.settings import TrainSettings

    extra = {}
    for item in args.set or []:
        key, _, value = item.partition("=")
        extra[key.strip()] = setting_value(value.strip())
    return TrainSettings(model=args.model, epochs=args.epochs, imgsz=args.imgsz, batch=args.batch,
                         patience=args.patience, optimizer=args.optimizer, lr0=args.lr0, seed=args.seed,
                         workers=args.workers, device=args.device, include_unlabeled=args.include_unlabeled,
                         include_machine=args.include_machine_labels, val=args.val, extra=extra).to_dict()


def _warn_about_classes(run_dir: Path) -> None:
    import json

    try:
        missing = json.loads((run_dir / "studio-run.json").read_text(encoding="utf-8")).get("classes_without_boxes")
    except (OSError, ValueError):
        return
    if missing:
        print(f"warning: no training image has a box of {', '.join(missing)}; the model cannot learn "
              f"{'that class' if len(missing) == 1 else 'those classes'}", file=sys.stderr)


def cmd_train(args: argparse.Namespace) -> int:
    """Train, or resume a run; progress on stderr, the run folder on stdout."""
    from studio.core.jobspec import run_recorded
    from studio.core.training.jobs import TRAIN, TrainParams

    if not args.resume and not args.model:
        print("studio: give --model (a .pt to fine-tune or a .yaml to train from scratch) or --resume RUN_DIR",
              file=sys.stderr)
        return 2
    opened = open_dataset_and_store(args.dataset)
    if opened is None:
        return 1
    dataset, store = opened
    ctx = job_context(dataset, store) if args.resume else indexed_context(dataset, store)
    from studio.core.training.jobs import default_run_dir

    run_dir = Path(args.resume or args.out or default_run_dir(dataset.root))
    params = TrainParams(str(run_dir), {} if args.resume else _settings(args), bool(args.resume))
    last_epoch = -1

    def report(progress: Progress) -> None:
        nonlocal last_epoch
        event = progress.payload
        if progress.stage == "start" and not args.resume:
            _warn_about_classes(run_dir)
        if progress.stage == "epoch" and event.epoch != last_epoch:
            last_epoch = event.epoch
            m = event.metrics
            final = event.epoch >= event.epochs  # Ultralytics validates best.pt once more at the end
            print(("best.pt: " if final else f"epoch {event.epoch + 1}/{event.epochs}: ")
                  + " ".join(f"{k}={v:.4g}" for k, v in event.losses.items())
                  + f" mAP50={m.get('metrics/mAP50(B)', 0.0):.3f} mAP50-95={m.get('metrics/mAP50-95(B)', 0.0):.3f}",
                  file=sys.stderr)

    code = drive_training_job(run_recorded(TRAIN, params, ctx), ctx, report,
                              f"resume with: studio train {args.dataset} --resume {run_dir}")
    if code is not None:
        return code
    _compare_with_previous(ctx, run_dir)
    print(run_dir)
    return 0


def _compare_with_previous(ctx: object, run_dir: Path) -> None:
    """Validate this model and the previous one on today's val images, and say how they compare."""
    from studio.core.jobspec import run_recorded
    from studio.core.training.compare import COMPARE, comparison_params, comparison_text

    params = comparison_params(ctx.store, run_dir)  # type: ignore[attr-defined]
    if params is None or ctx.index is None:  # type: ignore[attr-defined]
        return
    last = None
    for progress in run_recorded(COMPARE, params, ctx):  # type: ignore[arg-type]
        last = progress.payload
    if last:
        print(comparison_text(*last), file=sys.stderr)


def add_train_parser(sub: argparse._SubParsersAction) -> None:
    """Register ``studio train``."""
    p = sub.add_parser("train", help="train a detector on the finished images (Ultralytics, in its own process)")
    p.add_argument("dataset")
    p.add_argument("--model", help="a detection .pt to fine-tune, or a .yaml (yolov8n.yaml) to train from scratch")
    p.add_argument("--resume", metavar="RUN_DIR", help="continue a cancelled or killed run from its last epoch")
    p.add_argument("--out", metavar="RUN_DIR", help="run folder (default: a new one under studio's data folder)")
    p.add_argument("--epochs", type=int)
    p.add_argument("--imgsz", type=int)
    p.add_argument("--batch", type=int)
    p.add_argument("--patience", type=int)
    p.add_argument("--optimizer", choices=("auto", "SGD", "Adam", "AdamW", "NAdam", "RAdam", "RMSProp"))
    p.add_argument("--lr0", type=float, help="initial learning rate (with optimizer auto, auto's optimizer is made "
                                             "explicit so that this rate is used)")
    p.add_argument("--seed", type=int)
    p.add_argument("--workers", type=int, help="data loader processes")
    p.add_argument("--device", default="auto", help="auto (a GPU when there is one), cpu, cuda, cuda:N or mps")
    p.add_argument("--val", type=float, default=0.2, help="validation share when the dataset has no val split")
    p.add_argument("--include-unlabeled", action="store_true", help="train on images without labels as backgrounds")
    p.add_argument("--include-machine-labels", action="store_true",
                   help="also train on label files a model wrote that no human has reviewed")
    p.add_argument("--set", action="append", metavar="NAME=VALUE", help="any other Ultralytics setting")
    p.set_defaults(func=cmd_train)
