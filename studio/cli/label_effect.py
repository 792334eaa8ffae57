"""``studio label-effect DATASET``: what the fixes since the newest label check bought.

The headless twin of Tools > Measure the Effect: trains once on the training labels as the check
found them and once on the labels as they are now (same seed, settings and val split), through
the training job, and prints both mAPs on the val images. With several ``--seed`` values it runs
one pair per seed and prints the mean gain against the spread across seeds. A finished pair is
not trained again; an interrupted one resumes where it stopped (run the same command again).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from studio.cli.common import ProgressBar, drive_training_job, indexed_context, open_dataset_and_store

if TYPE_CHECKING:
    from studio.core.jobs import Progress


def _overrides(args: argparse.Namespace) -> dict:
    """The settings given on the command line (the rest are the check's)."""
    return {"epochs": args.epochs, "imgsz": args.imgsz, "batch": args.batch, "model": args.model,
            "device": args.device, "lr0": args.lr0, "freeze": args.freeze,
            "augment": False if args.no_augment else None,
            "val_each_epoch": False if args.validate_last_only else None}


def _print_result(result: object) -> None:
    r = result  # an EffectResult
    print(f"seed {r.seed}: mAP50-95 {r.before_map50_95:.4f} before the fixes, {r.after_map50_95:.4f} after "  # type: ignore[attr-defined]
          f"({r.gain:+.4f}); mAP50 {r.before_map50:.4f} -> {r.after_map50:.4f} "  # type: ignore[attr-defined]
          f"on {r.val_images} val images, {r.epochs} epoch{'s' if r.epochs != 1 else ''}")  # type: ignore[attr-defined]


def _train_pair(params: object, ctx: object) -> object:
    """One seed's pair of runs: its ``EffectResult``, or the exit code it stopped with."""
    from studio.core.jobspec import run_recorded
    from studio.core.labelcheck.effect import EFFECT

    bar, done = ProgressBar(f"seed {params.seed}"), []  # type: ignore[attr-defined]

    def report(progress: Progress) -> None:
        if progress.stage == "done":
            done.append(progress.payload)
        bar.update(progress)

    code = drive_training_job(run_recorded(EFFECT, params, ctx), ctx, report,  # type: ignore[arg-type]
                              "run the same command again to resume (finished runs are kept)")
    return code if code is not None else done[-1]


def cmd_label_effect(args: argparse.Namespace) -> int:
    """Train both sides for each seed; the mAPs on stdout."""
    from dataclasses import asdict, replace

    from studio.core.labelcheck.effect import effect_params_for, seed_summary
    from studio.core.labelcheck.results import latest_check

    opened = open_dataset_and_store(args.dataset)
    if opened is None:
        return 1
    dataset, store = opened
    info = latest_check(store)
    if info is None:
        print("studio: find label errors first (studio label-issues): the effect compares the labels as a "
              "check found them with the labels as fixed since", file=sys.stderr)
        return 1
    base = effect_params_for(info.work_dir, info.params, **_overrides(args))
    seeds = args.seed or [base.seed]
    ctx = indexed_context(dataset, store)
    results = []
    for seed in seeds:
        params = replace(base, seed=seed)
        print(f"seed {seed}: training on the labels as check {info.id} found them, then as they are now "
              f"({params.epochs} epoch{'s' if params.epochs != 1 else ''} at imgsz {params.imgsz})", file=sys.stderr)
        result = _train_pair(params, ctx)
        if isinstance(result, int):
            return result
        results.append(result)
        if not args.json:
            _print_result(result)
    summary = seed_summary(results) if len(results) > 1 else None
    if args.json:
        print(json.dumps({"check": info.id, "runs": [asdict(r) for r in results], "summary": summary}, indent=1))
    elif summary is not None:
        verdict = "larger" if summary["gain_exceeds_spread"] else "not larger"
        print(f"mean gain {summary['gain_map50_95']:+.4f} over {len(results)} seeds, {verdict} than the spread "
              f"across seeds ({summary['spread_across_seeds']:.4f}); paired gains "
              + ", ".join(f"{g:+.4f}" for g in summary["paired_gains"]))
    return 0


def add_label_effect_parser(sub: argparse._SubParsersAction) -> None:
    """Register ``studio label-effect``."""
    p = sub.add_parser("label-effect", help="retrain on the labels as the newest label check found them and as "
                                            "fixed since; compare mAP50-95 (the seed experiment)")
    p.add_argument("dataset")
    p.add_argument("--seed", type=int, action="append",
                   help="a seed to train both sides with; repeat for several (default: the check's seed)")
    p.add_argument("--epochs", type=int, help="epochs per run (default: the check's)")
    p.add_argument("--imgsz", type=int, help="image size (default: the check's)")
    p.add_argument("--batch", type=int)
    p.add_argument("--model", help="start model (default: the check's start model)")
    p.add_argument("--device", help="auto, cpu, cuda, cuda:N or mps (default: the check's)")
    p.add_argument("--lr0", type=float, help="learning rate (default: the label check's)")
    p.add_argument("--freeze", type=int, help="keep the start model's first N layers as they are")
    p.add_argument("--no-augment", action="store_true", help="no mosaic, colour, flip, shift or scale")
    p.add_argument("--validate-last-only", action="store_true",
                   help="validate once, after the last epoch (a large val split costs less)")
    p.add_argument("--json", action="store_true", help="every run's numbers and the summary as JSON")
    p.set_defaults(func=cmd_label_effect)
