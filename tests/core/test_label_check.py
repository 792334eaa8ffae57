"""The label check end to end: planted errors found, a rerun reuses its folds, a cancelled fold
resumes, decisions write only what a human chose (and undo), and bad input gets clear messages.

The acceptance oracle: a sample generated with a seed the demo model never saw (it trained on
seed 0), with about 5% of its boxes each class-swapped, shifted by half their size, or deleted.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

import numpy as np
import pytest

from benchmarks.planted_errors import plant_errors, score_found
from studio.core.jobs import Progress
from studio.core.jobspec import JobContext
from studio.core.labelcheck.plan import LabelCheckParams
from tests.hostile_models import DEMO, ROOT

pytestmark = pytest.mark.slow


def _studio(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "studio.cli", *args], capture_output=True, text=True, timeout=900,
                          cwd=ROOT)


def _context(root: Path) -> JobContext:
    from studio.cli.common import indexed_context, open_dataset_and_store

    dataset, store = open_dataset_and_store(str(root))
    return indexed_context(dataset, store)


def _run(ctx: JobContext, params: LabelCheckParams) -> list[Progress]:
    from studio.core.jobspec import run_recorded
    from studio.core.labelcheck.job import LABEL_CHECK

    return list(run_recorded(LABEL_CHECK, params, ctx))


def test_planted_errors_rank_first_and_a_rerun_reuses_the_folds(tmp_path: Path, capsys) -> None:
    from studio.core.dataset.layout import open_dataset
    from studio.core.dataset.sample import make_sample_dataset
    from studio.core.labelcheck.plan import LabelCheckParams, fold_dir
    from studio.core.labelcheck.results import check_queue, latest_check

    root = make_sample_dataset(tmp_path / "과일 검사", n_train=50, n_val=10, seed=7, with_photos=False)
    dataset = open_dataset(root)
    paths = list(dataset.scan_images().paths)
    planted = plant_errors(dataset, paths, 0.05, seed=1)
    before = {p: dataset.label_path(p).read_bytes() for p in paths}
    ctx = _context(root)
    params = LabelCheckParams(folds=2, epochs=1, model=str(DEMO), imgsz=320, device="cpu")
    progress = _run(ctx, params)
    assert progress[-1].stage == "done" and progress[-1].done == progress[-1].total
    assert [p.payload.fold for p in progress if p.stage == "train"][-1] == 1  # both folds trained, in order
    queue = check_queue(ctx.store, latest_check(ctx.store).id)
    flagged = sorted([(e.path, i) for e in queue for i in e.issues if i.kind != "qa"], key=lambda x: x[1].score)
    found = score_found(planted, flagged[:2 * len(planted)], {p: (640, 480) for p in paths})
    print(json.dumps(found))
    assert found["all"]["recall"] >= 0.7
    assert all(found[kind]["found"] > 0 for kind in ("swap", "shift", "delete"))
    assert [e.quality for e in queue] == sorted(e.quality for e in queue)  # worst image first
    assert {p: dataset.label_path(p).read_bytes() for p in paths} == before  # nothing written before a decision
    # the same data and settings: no training, the same queue (the CLI, as JSON)
    weights = fold_dir(progress[0].payload.plan.work_dir, 0) / "weights" / "last.pt"
    stamp = weights.stat().st_mtime_ns
    from studio.cli import main

    capsys.readouterr()
    assert main(["label-issues", str(root), "--folds", "2", "--epochs", "1", "--model", str(DEMO), "--imgsz", "320",
                 "--device", "cpu", "--json"]) == 0  # the CLI, in this process (torch is loaded already)
    again = capsys.readouterr()
    assert "2 fold(s) already trained, reused" in again.err and "fold 1/2" not in again.err
    assert weights.stat().st_mtime_ns == stamp
    listed = json.loads(again.out)
    assert [e["path"] for e in listed] == [e.path for e in queue]


def test_a_cancelled_fold_resumes_from_its_last_epoch_and_a_hostile_fold_model_is_refused(sample_dataset: Path,
                                                                                           hostile, capsys) -> None:
    from studio.core.labelcheck.job import predictions_file
    from studio.core.labelcheck.plan import LabelCheckParams, fold_dir

    ctx = _context(sample_dataset)
    params = LabelCheckParams(folds=2, epochs=2, model=str(DEMO), imgsz=64, batch=4, device="cpu")
    from studio.core.jobspec import run_recorded
    from studio.core.labelcheck.job import LABEL_CHECK

    seen = []
    for progress in run_recorded(LABEL_CHECK, params, ctx):
        seen.append(progress)
        event = progress.payload
        if progress.stage == "train" and event.fold == 1 and getattr(event.train, "kind", "") == "epoch":
            ctx.token.cancel()  # fold 2 has one epoch done
    assert seen[-1].stage == "cancelled"
    work = seen[0].payload.plan.work_dir
    first = (fold_dir(work, 0) / "weights" / "last.pt").stat().st_mtime_ns
    from studio.core.jobs import CancelToken

    ctx.token = CancelToken()
    rest = list(run_recorded(LABEL_CHECK, params, ctx))
    assert rest[-1].stage == "done"
    assert rest[0].payload.reused_folds == 1  # fold 1 finished before: kept, not trained again
    assert (fold_dir(work, 0) / "weights" / "last.pt").stat().st_mtime_ns == first
    starts = [p.payload.train for p in rest if p.stage == "train" and getattr(p.payload.train, "kind", "") == "start"]
    assert [s.epoch for s in starts] == [1]  # fold 2 resumed at its second epoch, not redone
    epochs = (fold_dir(work, 1) / "results.csv").read_text().splitlines()[1:]
    assert [line.split(",")[0].strip() for line in epochs] == ["1", "2"]
    # the seed experiment on this check: both runs on the same val images, the result kept
    from studio.core.labelcheck.effect import EFFECT, EffectParams, stored_effect

    effect = EffectParams(str(work), epochs=1, imgsz=64, batch=4, model=str(DEMO), device="cpu")
    result = list(run_recorded(EFFECT, effect, ctx))[-1].payload
    assert result.val_images > 0 and 0 <= result.before_map50_95 <= 1 and 0 <= result.after_map50_95 <= 1
    assert result.before_map50_95 == result.after_map50_95  # nothing was fixed: the same labels, the same run
    assert stored_effect(work) == result
    runs = sorted(p.name for p in work.glob("effect-*"))
    assert len(runs) == 2 and runs[0].endswith("-after-" + runs[0].rsplit("-", 1)[1]) and runs[1].endswith("-before")
    # the CLI twin, two seeds: seed 0 is the pair above (reused, not trained), seed 1 a new pair
    stamps = {p.name: (p / "results.csv").stat().st_mtime_ns for p in work.glob("effect-*")}
    from studio.cli import main

    capsys.readouterr()
    assert main(["label-effect", str(sample_dataset), "--epochs", "1", "--seed", "0", "--seed", "1", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [r["seed"] for r in out["runs"]] == [0, 1] and out["runs"][0] == asdict(result)
    assert {p.name: (p / "results.csv").stat().st_mtime_ns for p in work.glob("effect-*") if p.name in stamps} == stamps
    assert len(list(work.glob("effect-*"))) == 4
    summary = out["summary"]
    assert summary["paired_gains"] == [0.0, 0.0] and summary["gain_map50_95"] == 0.0  # nothing fixed, either seed
    assert summary["spread_across_seeds"] == pytest.approx(abs(out["runs"][0]["before_map50_95"]
                                                               - out["runs"][1]["before_map50_95"]))
    # a fold model replaced by a hostile file: refused by the safe loader before it predicts anything
    from studio.core.inference.model_file import ModelRefused

    path, marker = hostile
    (fold_dir(work, 0) / "weights" / "last.pt").write_bytes(path.read_bytes())
    predictions_file(seen[0].payload.plan, 0).unlink()
    with pytest.raises(ModelRefused, match="contains code outside the Ultralytics checkpoint format"):
        list(run_recorded(LABEL_CHECK, params, ctx))
    assert not marker.exists()


def test_too_few_images_a_lonely_class_and_a_hostile_model_get_clear_messages(sample_dataset: Path,
                                                                              hostile) -> None:
    from studio.core.labelcheck.folds import FoldError, assign_folds

    with pytest.raises(FoldError, match="only 5 finished images for 3 folds: each fold needs at least 2"):
        assign_folds([f"{i}.jpg" for i in range(5)], [[0]] * 5, 3, 0, ["apple"])
    folds = assign_folds([f"{i}.jpg" for i in range(8)], [[0], [0], [0], [1], [0], [0], [], [0]], 2, 0,
                         ["apple", "pear"])
    assert [str(w) for w in folds.warnings] == [
        "class pear has boxes in one fold only: the model that checks those images never saw it, so its boxes "
        "there are not judged. Label a few more, or use fewer folds."]
    assert sorted(np.bincount(list(folds.fold.values()))) == [4, 4]
    no_check = _studio("label-effect", str(sample_dataset))
    assert no_check.returncode == 1 and "find label errors first (studio label-issues)" in no_check.stderr
    too_many = _studio("label-issues", str(sample_dataset), "--folds", "10")
    assert too_many.returncode == 1 and "only 14 finished images for 10 folds" in too_many.stderr
    assert "Traceback" not in too_many.stderr
    path, marker = hostile
    refused = _studio("label-issues", str(sample_dataset), "--folds", "2", "--model", str(path))
    assert refused.returncode == 1 and "contains code outside the Ultralytics checkpoint format" in refused.stderr
    assert not marker.exists() and "Traceback" not in refused.stderr
