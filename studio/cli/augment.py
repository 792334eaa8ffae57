"""``studio augment-preview DATASET --out DIR``: what training will see, as Ultralytics makes it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from studio.cli.common import indexed_context, open_dataset_and_store, setting_value


def cmd_augment_preview(args: argparse.Namespace) -> int:
    """Write two grids (with mosaic, and the last epochs without it) of augmented samples."""
    from studio.core.training.augment import augmentation_samples, build_training_dataset, preview_data, write_grid
    from studio.core.training.jobs import augment_cache_dir
    from studio.core.training.workspace import WorkspaceError

    hyp: dict = {}
    for item in args.hyp:
        key, sep, value = item.partition("=")
        if not sep:
            print(f"studio: '{item}' is not NAME=VALUE", file=sys.stderr)
            return 2
        hyp[key.strip()] = setting_value(value.strip())
    opened = open_dataset_and_store(args.dataset)
    if opened is None:
        return 1
    dataset, store = opened
    ctx = indexed_context(dataset, store)
    try:
        data_yaml = preview_data(dataset, ctx.index, store, augment_cache_dir(dataset.root))
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        for phase, mosaic in (("mosaic", True), ("no-mosaic", False)):
            built = build_training_dataset(data_yaml, {"seed": args.seed, **hyp}, mosaic_phase=mosaic)
            samples = augmentation_samples(built, args.seed, args.count)
            path = write_grid(samples, list(dataset.classes.names), out / f"{phase}.png")
            dropped = sum(s.dropped for s in samples)
            kept = sum(len(s.xywhn) for s in samples)
            print(f"{path}: {len(samples)} samples, {kept} boxes, {dropped} dropped by the loader (too small or "
                  "outside after augmentation)")
    except (WorkspaceError, OSError, ValueError, SyntaxError) as exc:
        print(f"studio: {exc}", file=sys.stderr)
        return 1
    return 0


def add_augment_parser(sub: argparse._SubParsersAction) -> None:
    """Register ``studio augment-preview``."""
    p = sub.add_parser("augment-preview", help="grids of training samples exactly as Ultralytics' loader makes them")
    p.add_argument("dataset")
    p.add_argument("--out", required=True, help="folder for mosaic.png and no-mosaic.png")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--count", type=int, default=16)
    p.add_argument("hyp", nargs="*", metavar="NAME=VALUE", help="Ultralytics hyperparameters (degrees=10 ...)")
    p.set_defaults(func=cmd_augment_preview)
