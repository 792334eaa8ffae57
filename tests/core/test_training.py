"""The training job: Ultralytics' own numbers, the user's folder untouched, kill and resume.

The oracle: ``studio train`` and ``yolo train cfg=args.yaml`` (the file studio's run wrote,
with its three folder settings pointed elsewhere) give identical ``results.csv`` columns
apart from ``time``; CPU training with a seed is deterministic.
"""

from __future__ import annotations

import csv
import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.hostile_models import DEMO, ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def small_dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A few dozen sample images under a Korean folder name."""
    from studio.core.dataset.sample import make_sample_dataset

    return make_sample_dataset(tmp_path_factory.mktemp("train") / "과일", n_train=24, n_val=8, with_photos=False)


def _bytes_of(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha1(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and ".studio" not in p.parts}


def _studio(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "studio.cli", *args], capture_output=True, text=True, timeout=600,
                          cwd=ROOT)


def _columns(results_csv: Path) -> dict[str, list[str]]:
    with open(results_csv, newline="") as f:
        rows = list(csv.DictReader(f))
    return {k.strip(): [r[k] for r in rows] for k in rows[0] if k.strip() != "time"}


def test_studio_train_equals_yolo_train_with_the_args_yaml_it_wrote(small_dataset: Path, tmp_path: Path) -> None:
    before = _bytes_of(small_dataset)
    run = tmp_path / "runs" / "first"
    done = _studio("train", str(small_dataset), "--model", str(DEMO), "--epochs", "2", "--imgsz", "160",
                   "--batch", "8", "--workers", "0", "--out", str(run))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(run)
    assert "epoch 2/2" in done.stderr and "best.pt" in done.stderr
    for name in ("args.yaml", "results.csv", "weights/best.pt", "weights/last.pt", "studio-run.json"):
        assert (run / name).is_file(), name
    assert _bytes_of(small_dataset) == before  # the user's folder: byte for byte (its .cache files went to the run)

    import yaml

    args = yaml.safe_load((run / "args.yaml").read_text(encoding="utf-8"))
    args.update(project=str(tmp_path / "by-hand"), name="run", save_dir=str(tmp_path / "by-hand" / "run"))
    cfg = tmp_path / "by-hand.yaml"
    cfg.write_text(yaml.safe_dump(args), encoding="utf-8")
    env = {**os.environ, "YOLO_OFFLINE": "true", "YOLO_CONFIG_DIR": str(tmp_path / "ycfg"),
           "ULTRALYTICS_SAFE_LOAD": "0"}
    (tmp_path / "ycfg" / "Ultralytics").mkdir(parents=True)
    from studio.core import bundled

    for font in ("Arial.ttf", "Arial.Unicode.ttf"):
        (tmp_path / "ycfg" / "Ultralytics" / font).write_bytes(bundled.hangul_font().read_bytes())
    yolo = Path(sys.executable).with_name("yolo")
    by_hand = subprocess.run([str(yolo), "train", f"cfg={cfg}"], capture_output=True, text=True, timeout=600,
                             env=env, cwd=tmp_path)
    assert by_hand.returncode == 0, by_hand.stdout[-2000:] + by_hand.stderr[-2000:]
    ours, theirs = _columns(run / "results.csv"), _columns(tmp_path / "by-hand" / "run" / "results.csv")
    assert len(ours["epoch"]) == 2 and ours == theirs


def _spawned_children(pid: int) -> list[int]:
    """The multiprocessing children (trainers) of ``pid``, from /proc."""
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            cmdline = (stat.parent / "cmdline").read_bytes()
        except OSError:
            continue
        if int(fields[1]) == pid and b"spawn_main" in cmdline:
            out.append(int(stat.parent.name))
    return out


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def test_kill_during_training_then_resume_finishes_all_epochs(small_dataset: Path, tmp_path: Path) -> None:
    before = _bytes_of(small_dataset)
    run = tmp_path / "runs" / "killed"
    cmd = [sys.executable, "-m", "studio.cli", "train", str(small_dataset), "--model", str(DEMO), "--epochs", "3",
           "--imgsz", "160", "--batch", "2", "--workers", "0", "--out", str(run)]  # small batches: longer epochs
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                            start_new_session=True)
    results, last = run / "results.csv", run / "weights" / "last.pt"
    deadline = time.time() + 300
    while time.time() < deadline and not (last.is_file() and results.is_file()
                                          and results.read_text().count("\n") >= 2):
        time.sleep(0.05)
    assert last.is_file(), "the first epoch never finished"
    time.sleep(0.5)  # last.pt of epoch 1 is complete; epoch 2 is under way
    trainers = _spawned_children(proc.pid)
    assert trainers, "no trainer process"
    os.kill(proc.pid, signal.SIGKILL)  # the CLI dies (a GUI killed with kill -9); its trainer is orphaned
    proc.wait(timeout=30)
    deadline = time.time() + 120
    while time.time() < deadline and any(_running(pid) for pid in trainers):
        time.sleep(0.1)
    alive = [pid for pid in trainers if _running(pid)]
    for pid in alive:
        os.kill(pid, signal.SIGKILL)
    assert not alive, "the orphaned trainer kept running"
    assert results.read_text().count("\n") == 2  # one epoch done; the orphan stopped at its next batch
    resumed = _studio("train", str(small_dataset), "--resume", str(run))
    assert resumed.returncode == 0, resumed.stderr
    assert _columns(results)["epoch"] == ["1", "2", "3"]
    assert _bytes_of(small_dataset) == before


def test_hostile_checkpoints_are_refused_for_training_and_for_resume(small_dataset: Path, tmp_path: Path,
                                                                     hostile) -> None:
    path, marker = hostile
    done = _studio("train", str(small_dataset), "--model", str(path), "--epochs", "1", "--imgsz", "160",
                   "--out", str(tmp_path / "never"))
    assert done.returncode == 1 and "contains code outside the Ultralytics checkpoint format" in done.stderr
    assert not marker.exists() and "Traceback" not in done.stderr
    run = tmp_path / "foreign-run"
    (run / "weights").mkdir(parents=True)
    (run / "studio-run.json").write_text('{"format": "studio-train-run", "version": 1}', encoding="utf-8")
    (run / "weights" / "last.pt").write_bytes(path.read_bytes())
    resumed = _studio("train", str(small_dataset), "--resume", str(run))
    assert resumed.returncode == 1 and "contains code outside" in resumed.stderr
    assert not marker.exists()
    (run / "weights" / "last.pt").write_bytes(DEMO.read_bytes())
    (run / "weights" / "best.pt").write_bytes(path.read_bytes())  # Ultralytics reads best.pt again at the end
    resumed = _studio("train", str(small_dataset), "--resume", str(run))
    assert resumed.returncode == 1 and "contains code outside" in resumed.stderr
    assert not marker.exists()


def test_bad_requests_get_one_line_and_no_run(small_dataset: Path, tmp_path: Path) -> None:
    no_model = _studio("train", str(small_dataset))
    assert no_model.returncode == 2 and "--model" in no_model.stderr
    gpu = _studio("train", str(small_dataset), "--model", str(DEMO), "--device", "cuda:3", "--out", str(tmp_path / "g"))
    assert gpu.returncode == 2 and "cuda:3" in gpu.stderr and "Traceback" not in gpu.stderr
    other = tmp_path / "other-version"
    other.mkdir()
    (other / "studio-run.json").write_text('{"format": "studio-train-run", "version": 99}', encoding="utf-8")
    newer = _studio("train", str(small_dataset), "--resume", str(other))
    assert newer.returncode == 1 and "another version of studio" in newer.stderr
    damaged = tmp_path / "damaged"
    (damaged / "weights").mkdir(parents=True)
    (damaged / "studio-run.json").write_text('{"format": "studio-train-run", "version": 1}', encoding="utf-8")
    (damaged / "weights" / "last.pt").write_bytes(DEMO.read_bytes()[:5000])  # a trainer killed mid-write
    cut = _studio("train", str(small_dataset), "--resume", str(damaged))
    assert cut.returncode == 1 and "cannot be resumed" in cut.stderr and "Traceback" not in cut.stderr


def _indexed(root: Path):  # noqa: ANN202 - (dataset, store, index)
    from studio.core.dataset.index import ImageIndex, index_job
    from studio.core.dataset.layout import open_dataset
    from studio.core.dataset.store_location import open_store
    from studio.core.jobs import last_payload  # noqa: F401 - the index job is run to its end below

    dataset = open_dataset(root)
    store, _ = open_store(dataset)
    index = ImageIndex.from_listing(dataset.scan_images())
    for progress in index_job(dataset, index, store, lambda: False):
        if progress.payload is not None:
            index.apply(progress.payload)
    return dataset, store, index


def test_training_data_is_what_humans_finished(sample_dataset: Path) -> None:
    """Machine-written label files are left out until a human touches them; unlabeled images too."""
    from studio.core.labels.boxes import Boxes
    from studio.core.labels.yolo import boxes_to_label_file, save_yolo_labels
    from studio.core.store.label_origin import PRELABEL, record_machine_label
    from studio.core.training.selection import select_training_images

    dataset, store, index = _indexed(sample_dataset)
    labeled = [p for p in index.paths if dataset.label_path(p).is_file()]
    machine, edited, gone = labeled[0], labeled[1], labeled[2]
    for rel in (machine, edited):
        record_machine_label(store, rel, PRELABEL, 1, dataset.label_path(rel).read_bytes())
    save_yolo_labels(dataset.label_path(edited),  # a human moved a box: it is the human's file now
                     boxes_to_label_file(Boxes.from_rows([(0, 0.41, 0.5, 0.2, 0.2)])))
    dataset.label_path(gone).unlink()
    dataset, store, index = _indexed(sample_dataset)
    chosen = select_training_images(dataset, index, store)
    assert machine not in chosen.paths and edited in chosen.paths and gone not in chosen.paths
    assert (chosen.machine_left_out, chosen.unlabeled_left_out) == (1, 1)
    assert len(chosen.paths) == len(index.paths) - 2
    everything = select_training_images(dataset, index, store, include_unlabeled=True, include_machine=True)
    assert sorted(everything.paths) == sorted(index.paths)


def test_the_val_part_stays_fixed_when_images_are_added(sample_dataset: Path) -> None:
    """A dataset without its own val: the split is stored per image; new images never move old ones."""
    from studio.core.training.workspace import build_workspace, fixed_split

    dataset, store, index = _indexed(sample_dataset)
    paths = sorted(index.paths)
    first, source = fixed_split(dataset, store, paths[:10], {}, val=0.3, seed=0)
    assert source == "studio" and set(first.values()) == {"train", "val"}
    again, _ = fixed_split(dataset, store, paths, {}, val=0.3, seed=5)  # more images, another seed
    assert {p: again[p] for p in paths[:10]} == first
    own, source = fixed_split(dataset, store, paths, dict(zip(index.paths, index.splits)))
    assert source == "dataset" and all(own[p] == ("val" if s == "val" else "train")
                                       for p, s in zip(index.paths, index.splits))
    before = {p: dataset.image_path(p).stat().st_ino for p in paths}
    workspace = build_workspace(dataset, again, sample_dataset.parent / "run")
    linked = sorted((sample_dataset.parent / "run" / "data" / "images").rglob("*.jpg"))
    assert len(linked) == len(paths) and len(workspace.train) + len(workspace.val) == len(paths)
    assert {f.stat().st_ino for f in linked} == set(before.values())  # hard links: no copies of the images


def test_augmentation_samples_are_ultralytics_own_pixels(small_dataset: Path, tmp_path: Path) -> None:
    """The preview's samples equal what Ultralytics' training dataset gives for the same seed and
    hyperparameters (built here straight from Ultralytics' API), in both phases."""
    import random

    import numpy as np
    from ultralytics.cfg import get_cfg
    from ultralytics.data import build_yolo_dataset
    from ultralytics.data.augment import Mosaic
    from ultralytics.data.utils import check_det_dataset
    from ultralytics.utils import DEFAULT_CFG
    from ultralytics.utils.torch_utils import init_seeds

    from studio.core.training.augment import augmentation_samples, build_training_dataset, preview_data

    dataset, store, index = _indexed(small_dataset)
    before = _bytes_of(small_dataset)
    data_yaml = preview_data(dataset, index, store, tmp_path / "preview")
    hyp = {"imgsz": 160, "degrees": 10.0, "mixup": 0.5, "seed": 7}
    for mosaic in (True, False):
        ours = augmentation_samples(build_training_dataset(data_yaml, hyp, mosaic_phase=mosaic), seed=7, count=6)
        cfg = get_cfg(DEFAULT_CFG, {**hyp, "data": str(data_yaml)})
        data = check_det_dataset(str(data_yaml))
        theirs = build_yolo_dataset(cfg, data["train"], cfg.batch, data, mode="train")
        for t in theirs.transforms.transforms[0].transforms:
            if isinstance(t, Mosaic):
                t.buffer_enabled = False
        theirs.transforms.transforms[1].buffer_enabled = False  # MixUp
        if not mosaic:
            theirs.close_mosaic(hyp=cfg)
        indices = random.Random(7).sample(range(len(theirs)), 6)
        init_seeds(7)
        for sample, i in zip(ours, indices):
            item = theirs[i]
            assert sample.index == i
            np.testing.assert_array_equal(sample.image, item["img"].numpy().transpose(1, 2, 0)[..., ::-1])
            np.testing.assert_array_equal(sample.xywhn, item["bboxes"].numpy().reshape(-1, 4))
            np.testing.assert_array_equal(sample.class_id, item["cls"].numpy().reshape(-1))
    assert _bytes_of(small_dataset) == before


def test_augment_preview_cli_writes_both_phases(small_dataset: Path, tmp_path: Path) -> None:
    before = _bytes_of(small_dataset)
    out = tmp_path / "미리보기"
    done = _studio("augment-preview", str(small_dataset), "--out", str(out), "--count", "4", "--seed", "1",
                   "degrees=5", "imgsz=160")
    assert done.returncode == 0, done.stderr
    assert (out / "mosaic.png").is_file() and (out / "no-mosaic.png").is_file()
    assert "dropped by the loader" in done.stdout
    bad = _studio("augment-preview", str(small_dataset), "--out", str(out), "nonsense=1")
    assert bad.returncode == 1 and "nonsense" in bad.stderr and "Traceback" not in bad.stderr
    assert _bytes_of(small_dataset) == before


def test_a_segmentation_model_a_missing_class_and_a_full_disk_get_clear_messages(small_dataset: Path,
                                                                                 tmp_path: Path,
                                                                                 monkeypatch) -> None:
    import errno

    from ultralytics import YOLO

    seg = tmp_path / "seg.pt"
    YOLO("yolov8n-seg.yaml").save(str(seg))
    done = _studio("train", str(small_dataset), "--model", str(seg), "--epochs", "1", "--out", str(tmp_path / "s"))
    assert done.returncode == 1 and "'segment' model; studio needs a detection model" in done.stderr

    from studio.core.labels.yolo import load_yolo_labels
    from studio.core.training import workspace
    from studio.core.training.jobs import classes_without_boxes

    dataset, _store, index = _indexed(small_dataset)
    assert classes_without_boxes(dataset, index.paths) == []
    only_some = [p for p in index.paths if 0 not in load_yolo_labels(dataset.label_path(p)).boxes.class_id.tolist()]
    assert classes_without_boxes(dataset, only_some) == [dataset.classes.names[0]]

    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(workspace.os, "link", full)
    monkeypatch.setattr(workspace.shutil, "copy2", full)
    before = _bytes_of(small_dataset)
    with pytest.raises(workspace.WorkspaceError, match="No space left"):
        workspace.build_workspace(dataset, {p: "train" for p in index.paths}, tmp_path / "full-run")
    assert _bytes_of(small_dataset) == before


def test_a_second_run_is_compared_with_the_first_on_todays_val_images(small_dataset: Path, tmp_path: Path) -> None:
    import shutil

    data = tmp_path / "비교"
    shutil.copytree(small_dataset, data, ignore=shutil.ignore_patterns(".studio"))
    common = ["--model", str(DEMO), "--epochs", "1", "--imgsz", "160", "--batch", "8", "--workers", "0"]
    first = _studio("train", str(data), *common, "--out", str(tmp_path / "runs" / "a"))
    assert first.returncode == 0 and "On the same" not in first.stderr  # nothing to compare with yet
    second = _studio("train", str(data), *common, "--lr0", "0.002", "--out", str(tmp_path / "runs" / "b"))
    assert second.returncode == 0, second.stderr
    text = second.stderr[second.stderr.index("On the same"):]
    n_val = len(list((data / "images" / "val").glob("*.jpg")))
    assert f"On the same {n_val} val images" in text and "  a: mAP50 " in text and "  b: mAP50 " in text
    import re

    b_line = next(ln for ln in text.splitlines() if ln.startswith("  b: "))
    final = [ln for ln in second.stderr.splitlines() if ln.startswith("best.pt: ")][-1]
    # the same model on the same, unchanged val labels: the comparison repeats the run's own final numbers
    assert re.search(r"mAP50 (\d\.\d{3})", b_line).group(1) == re.search(r"mAP50=(\d\.\d{3})", final).group(1)
