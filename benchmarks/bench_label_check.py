"""Label check: how many planted label errors it finds, and what fixing them buys.

A sample generated with a seed the demo model never saw (it trained on seed 0) gets about 5% of
its training boxes each class-swapped, shifted by half their size, or deleted. Its clean val part
is held out of the check (it is the yardstick, not data to check) and put back afterwards. The
check (3 folds from the demo model) ranks the labels; precision and recall per kind are taken over
the top 2N suspicious boxes (N planted) and over the whole queue. Then every flagged training box
gets "take the model's suggestion" (the ones the model holds at ``TAKE_CONFIDENCE`` or more: one
key does not write the unsure ones), and the seed experiment runs for 3 seeds: train on the
damaged labels and on the fixed ones (same settings, same val split), mAP50-95 of the last epoch
on the clean val images. The gain must exceed the spread across seeds. The ceiling: the same
experiment once more with every training label true.

Both sides start from a pretrained network that has not learned these labels: the demo model
with a fresh detection head (``benchmarks/fresh_head.py``), its backbone frozen, and without
augmentation, so that the seeds differ only in the order of the images. From the whole
demo model the labels barely matter (it already detects these objects); from scratch, or with
the whole network learning, the seeds' spread was larger than what the labels changed.

Run: ``python benchmarks/bench_label_check.py [--quick]`` (``make bench`` runs it).
"""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench-out" / "label-check"
SEEDS = (0, 1, 2)
EFFECT_LR = 0.002  # AdamW, no warm-up
EFFECT_FREEZE = 10  # the backbone (layers 0-9) is kept: the neck and the new head learn the labels


def _context(root: Path):  # noqa: ANN202 - the CLI's own context
    from studio.cli.common import indexed_context, open_dataset_and_store

    dataset, store = open_dataset_and_store(str(root))
    return indexed_context(dataset, store)


def _run(spec: object, params: object, ctx: object) -> object:
    from studio.core.jobspec import run_recorded

    last = None
    for progress in run_recorded(spec, params, ctx):  # type: ignore[arg-type]
        last = progress
    return last


def run(n_train: int = 400, n_val: int = 1280, check_epochs: int = 4, effect_epochs: int = 24,
        effect_imgsz: int = 256) -> dict:
    """Plant, check, fix, retrain; the figures."""
    shutil.rmtree(OUT, ignore_errors=True)
    saved = os.environ.get("XDG_DATA_HOME")
    os.environ["XDG_DATA_HOME"] = str(OUT / "user-data")  # the check's folds and runs stay in bench-out
    try:
        return _measure(n_train, n_val, check_epochs, effect_epochs, effect_imgsz)
    finally:
        if saved is None:
            os.environ.pop("XDG_DATA_HOME", None)
        else:
            os.environ["XDG_DATA_HOME"] = saved


def _effect_for_seed(job: tuple) -> tuple[object, float]:
    """One seed's ``EFFECT`` run (both sides), in its own process with its own store connection."""
    from studio.core.labelcheck.effect import EFFECT, EffectParams

    root, work, seed, epochs, imgsz, start = job
    t = time.perf_counter()
    params = EffectParams(work, epochs=epochs, imgsz=imgsz, seed=seed, model=start, lr0=EFFECT_LR,
                          val_each_epoch=False, freeze=EFFECT_FREEZE, augment=False)
    result = _run(EFFECT, params, _context(Path(root)))
    return result.payload, time.perf_counter() - t


def _measure(n_train: int, n_val: int, check_epochs: int, effect_epochs: int, effect_imgsz: int) -> dict:
    from benchmarks.fresh_head import fresh_head_model
    from benchmarks.planted_errors import label_agreement, plant_errors, score_found, suggestion_accuracy
    from studio.core import bundled
    from studio.core.dataset.layout import open_dataset
    from studio.core.dataset.sample import make_sample_dataset
    from studio.core.labelcheck.effect import seed_summary
    from studio.core.labelcheck.job import LABEL_CHECK
    from studio.core.labelcheck.plan import LabelCheckParams
    from studio.core.labelcheck.results import TAKEN, DecisionError, check_queue, decide
    from studio.core.labels.yolo import load_yolo_labels

    root = make_sample_dataset(OUT / "data", n_train=n_train, n_val=n_val, seed=11, with_photos=False)
    held_out = OUT / "held-out"  # the clean val part is the yardstick, not part of the checked data
    for part in ("images", "labels"):
        (held_out / part).mkdir(parents=True)
        shutil.move(root / part / "val", held_out / part / "val")
    dataset = open_dataset(root)
    train = [p for p in dataset.scan_images().paths if "/train/" in p]

    def labels_now() -> dict:
        return {p: load_yolo_labels(dataset.label_path(p)).boxes for p in train}

    truth = labels_now()
    true_files = {p: dataset.label_path(p).read_bytes() for p in train}
    planted = plant_errors(dataset, train, 0.05, seed=3)
    damaged = labels_now()
    demo = str(bundled.demo_model())
    ctx = _context(root)
    t = time.perf_counter()
    done = _run(LABEL_CHECK, LabelCheckParams(folds=3, epochs=check_epochs, model=demo, imgsz=320), ctx)
    check_s = time.perf_counter() - t
    queue = check_queue(ctx.store, done.payload.check_id)
    flagged = sorted([(e.path, i) for e in queue for i in e.issues if i.kind != "qa"], key=lambda x: x[1].score)
    wh = {e.path: (640, 480) for e in queue}
    found_top = score_found(planted, flagged[:2 * len(planted)], wh)
    found_all = score_found(planted, flagged, wh)
    accuracy = suggestion_accuracy(queue, damaged, truth)  # right of offered, by kind and confidence
    taken = unsure = refused = 0
    for entry in queue:
        if "/train/" not in entry.path:
            continue  # the val part stays as it was: the clean yardstick
        for k, issue in enumerate(entry.issues):
            if issue.kind == "qa":
                continue
            try:
                decide(ctx.store, dataset, done.payload.check_id, entry.path, k, TAKEN)
                taken += 1
            except DecisionError:
                if issue.suggested_confidence is not None and not issue.sure:
                    unsure += 1  # the model is unsure: a human decides, one key does not
                else:
                    refused += 1  # no suggestion (e.g. "the model does not see a lemon here")
    agreement = {"damaged": label_agreement(damaged, truth), "fixed": label_agreement(labels_now(), truth)}
    for part in ("images", "labels"):
        shutil.move(held_out / part / "val", root / part / "val")
    _context(root)  # index the val part once, before the seeds' processes open the dataset
    work = str(done.payload.plan.work_dir)
    start = fresh_head_model(demo, OUT / "demo-fresh-head.pt")  # a pretrained network, new to these labels
    # the seeds run side by side: each trainer keeps one core busy, and these machines have two
    spawn = multiprocessing.get_context("spawn")
    jobs = [(str(root), work, seed, effect_epochs, effect_imgsz, str(start)) for seed in SEEDS]
    with ProcessPoolExecutor(len(SEEDS), mp_context=spawn) as pool:
        runs = list(pool.map(_effect_for_seed, jobs))
    # the ceiling: the same experiment with every training label true ("before" is reused, not retrained)
    for path, text in true_files.items():
        dataset.label_path(path).write_bytes(text)
    _context(root)
    with ProcessPoolExecutor(len(SEEDS), mp_context=spawn) as pool:
        clean = [r[0].after_map50_95 for r in pool.map(_effect_for_seed, jobs)]
    effects = [r[0] for r in runs]
    effect_s = [r[1] for r in runs]
    summary = seed_summary(effects)  # the verdict `studio label-effect --seed 0 --seed 1 --seed 2` prints
    before, after, paired = summary["before_map50_95"], summary["after_map50_95"], summary["paired_gains"]
    sd = max(statistics.stdev(before), statistics.stdev(after))
    return {
        "images": n_train + n_val, "train_images": n_train, "val_images": n_val,
        "boxes_planted": {k: sum(p.kind == k for p in planted) for k in ("swap", "shift", "delete")},
        "check": {"folds": 3, "epochs": check_epochs, "seconds": round(check_s, 1),
                  "queue_images": len(queue), "queue_issues": len(flagged)},
        "top_2n": found_top, "whole_queue": found_all,
        "suggestions_right_of_offered": accuracy,
        "suggestions_taken": taken, "unsure_not_taken": unsure, "without_suggestion": refused,
        "training_labels_against_truth": agreement,
        "effect": {"epochs": effect_epochs, "imgsz": effect_imgsz, "lr0": EFFECT_LR, "freeze": EFFECT_FREEZE,
                   "augmentation": "none",
                   "start": "the demo model with a fresh detection head (benchmarks/fresh_head.py)",
                   "seeds": list(SEEDS),
                   "before_map50_95": [round(v, 4) for v in before], "after_map50_95": [round(v, 4) for v in after],
                   "before_map50": [round(e.before_map50, 4) for e in effects],
                   "after_map50": [round(e.after_map50, 4) for e in effects],
                   "gain_map50_95": round(summary["gain_map50_95"], 4),
                   "spread_across_seeds": round(summary["spread_across_seeds"], 4),
                   "gain_exceeds_spread": summary["gain_exceeds_spread"],
                   "std_across_seeds": round(sd, 4),
                   "paired_gains": [round(g, 4) for g in paired],
                   "spread_of_paired_gains": round(summary["spread_of_paired_gains"], 4),
                   "seconds_per_seed": [round(s, 1) for s in effect_s],
                   "true_labels_map50_95": [round(v, 4) for v in clean],
                   "true_labels_gain": round(statistics.mean(clean) - statistics.mean(before), 4)},
    }


def main() -> int:
    """Print the figures as JSON."""
    quick = "--quick" in sys.argv
    figures = run(60, 20, 1, 2, 160) if quick else run()
    print(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
