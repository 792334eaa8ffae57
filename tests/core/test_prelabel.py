"""Pre-labeling: agreement with Ultralytics, class mapping, resume, bad images, safe label writing."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from studio.core.dataset.layout import open_dataset
from studio.core.inference.engine import (
    PredictParams,
    UltralyticsDetector,
    apply_class_map,
    map_classes,
    prelabel_job,
)
from studio.core.inference.runs import create_run, proposals_for, run_counts, write_labels_from_run
from studio.core.labels.boxes import Boxes
from studio.core.store.db import Store

DEMO = Path(__file__).resolve().parents[2] / "resources" / "models" / "demo-fruit.pt"


@pytest.fixture(scope="module")
def demo():
    from studio.core.inference.model_file import load_detection_model

    return load_detection_model(DEMO)


def _iou(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    lt = np.maximum(a[:, None, :2], b[None, :, :2])
    rb = np.minimum(a[:, None, 2:], b[None, :, 2:])
    inter = np.prod(np.clip(rb - lt, 0, None), axis=2)
    area = lambda r: np.prod(r[:, 2:] - r[:, :2], axis=1)  # noqa: E731
    return inter / (area(a)[:, None] + area(b)[None, :] - inter)


def test_proposals_agree_with_ultralytics_predict(sample_dataset: Path, demo) -> None:
    model, info = demo
    ds = open_dataset(sample_dataset)
    store = Store(ds.store_dir)
    params = PredictParams(imgsz=320)
    identity = {k: k for k in info.names}
    run = create_run(store, str(DEMO), info.names, params.as_dict(), identity)
    paths = ds.scan_images().paths
    list(prelabel_job(ds, paths, store, UltralyticsDetector(model, params), run, identity))
    assert run_counts(store, run)["done"] == len(paths)
    for rel in paths:
        ours = proposals_for(store, rel, run)
        ref = model.predict(str(ds.image_path(rel)), imgsz=320, conf=0.25, iou=0.7, verbose=False)[0].boxes
        assert len(ours) == len(ref), rel
        if not len(ref):
            continue
        size = (640, 480)
        iou = _iou(ours.to_xyxy(size), ref.xyxy.numpy())
        match = iou.argmax(axis=1)
        assert (iou.max(axis=1) >= 0.99).all()
        np.testing.assert_allclose(ours.confidence, ref.conf.numpy()[match], atol=1e-3)
        np.testing.assert_array_equal(ours.class_id, ref.cls.numpy()[match].astype(int))


def test_class_mapping_by_name_by_hand_and_dropping() -> None:
    model = {0: "Apple", 1: "banana", 2: "car", 3: "kiwi"}
    dataset = ["banana", "apple", "키위"]
    assert map_classes(model, dataset) == {0: 1, 1: 0}
    assert map_classes(model, dataset, {"kiwi": "키위", "car": "1"}) == {0: 1, 1: 0, 2: 1, 3: 2}
    boxes = Boxes(np.full((4, 4), 0.5), np.array([0, 1, 2, 3]), np.array([0.9, 0.8, 0.7, 0.6]))
    mapped = apply_class_map(boxes, {0: 1, 1: 0})
    assert mapped.class_id.tolist() == [1, 0] and mapped.confidence.tolist() == [0.9, 0.8]


class _Fake:
    """A detector that proposes one box per image and counts its calls."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, images):
        self.calls += len(images)
        return [Boxes(np.array([[0.5, 0.5, 0.2, 0.2]]), np.array([0]), np.array([0.9])) for _ in images]


def test_corrupt_images_are_recorded_and_skipped(sample_dataset: Path) -> None:
    (sample_dataset / "images" / "train" / "train_0002.jpg").write_bytes(b"\x00\x01")
    ds = open_dataset(sample_dataset)
    store = Store(ds.store_dir)
    run = create_run(store, "fake", {0: "apple"}, {}, {0: 0})
    list(prelabel_job(ds, ds.scan_images().paths, store, _Fake(), run, {0: 0}))
    counts = run_counts(store, run)
    assert counts == {"done": 13, "error": 1, "proposals": 13}


def test_resume_processes_each_image_once(sample_dataset: Path) -> None:
    ds = open_dataset(sample_dataset)
    store = Store(ds.store_dir)
    run = create_run(store, "fake", {0: "apple"}, {}, {0: 0})
    paths = ds.scan_images().paths
    fake = _Fake()
    from studio.core.jobs import CancelToken

    token = CancelToken()
    for p in prelabel_job(ds, paths, store, fake, run, {0: 0}, token, commit_every=2):
        if p.done >= 3:
            token.cancel()
    first = run_counts(store, run)["done"]
    assert 0 < first < len(paths)
    again = _Fake()
    list(prelabel_job(ds, paths, store, again, run, {0: 0}))
    assert again.calls == len(paths) - first
    assert run_counts(store, run) == {"done": 14, "proposals": 14}


def test_kill_9_then_resume_loses_nothing_and_duplicates_nothing(sample_dataset: Path, tmp_path: Path) -> None:
    import shutil

    train = sample_dataset / "images" / "train"
    for src in sorted(train.glob("*.jpg")):  # 64 images: a run cannot finish in its first commit
        for k in range(5):
            shutil.copyfile(src, train / f"copy{k}_{src.name}")
    total = len(list(sample_dataset.rglob("*.jpg")))
    assert total == 64
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "cfg"), XDG_CACHE_HOME=str(tmp_path / "cache"))
    cmd = [sys.executable, "-m", "studio.cli", "prelabel", str(sample_dataset), "--model", str(DEMO)]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    db = sample_dataset / ".studio" / "studio.db"
    deadline = time.time() + 120
    while time.time() < deadline:
        if db.exists():
            try:
                with sqlite3.connect(db) as conn:
                    n = conn.execute("SELECT COUNT(*) FROM run_images").fetchone()[0]
            except sqlite3.OperationalError:  # the schema is being created
                n = 0
            if n >= 1:
                break
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with sqlite3.connect(db) as conn:
        partial = conn.execute("SELECT COUNT(*) FROM run_images").fetchone()[0]
    assert 0 < partial < total  # killed mid-run
    done = subprocess.run(cmd + ["--resume", "1"], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT path, n FROM run_images WHERE run_id=1").fetchall()
        per_image = dict(conn.execute("SELECT path, COUNT(*) FROM proposals WHERE run_id=1 GROUP BY path"))
    assert len(rows) == total and len({p for p, _ in rows}) == total
    assert all(per_image.get(p, 0) == n for p, n in rows)  # no image's proposals stored twice


def test_write_labels_never_touches_existing_files(sample_dataset: Path) -> None:
    lbl = sample_dataset / "labels" / "train"
    (lbl / "train_0000.txt").write_text("4 0.1 0.1 0.1 0.1\n")  # a human's
    (lbl / "train_0001.txt").write_bytes(b"")  # a negative
    (lbl / "train_0002.txt").unlink()
    (lbl / "train_0003.txt").unlink()
    ds = open_dataset(sample_dataset)
    store = Store(ds.store_dir)
    run = create_run(store, "fake", {0: "apple"}, {}, {0: 0})
    list(prelabel_job(ds, ds.scan_images().paths, store, _Fake(), run, {0: 0}))
    written, kept = write_labels_from_run(ds, store, run)
    assert written == 2 and kept == 12
    assert (lbl / "train_0000.txt").read_text() == "4 0.1 0.1 0.1 0.1\n"
    assert (lbl / "train_0001.txt").read_bytes() == b""
    assert (lbl / "train_0002.txt").read_text() == "0 0.500000 0.500000 0.200000 0.200000\n"
    assert "0.9" not in (lbl / "train_0002.txt").read_text()  # no confidence column in labels
    from studio.core.store.label_origin import PRELABEL, machine_written

    # the store knows which files no human decided (training leaves them out by default)
    assert machine_written(store, ds.label_path) == {"images/train/train_0002.jpg": PRELABEL,
                                                     "images/train/train_0003.jpg": PRELABEL}


def test_onnx_runtime_backend_agrees_with_pytorch(sample_dataset: Path, tmp_path: Path, demo, monkeypatch) -> None:
    from studio.core.inference.model_file import load_detection_model
    from studio.core.inference.onnx_backend import exported_onnx

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    onnx_path = exported_onnx(DEMO, 320)
    assert onnx_path.is_relative_to(tmp_path / "cache") and not (DEMO.parent / "demo-fruit.onnx").exists()
    assert exported_onnx(DEMO, 320) == onnx_path  # cached
    ort_model, ort_info = load_detection_model(onnx_path)
    assert ort_info.backend == "onnx" and ort_info.names == demo[1].names
    params = PredictParams(imgsz=320)
    ds = open_dataset(sample_dataset)
    for rel in ds.scan_images().paths[:6]:
        from studio.core.dataset.imageio import read_image

        img = read_image(ds.image_path(rel))
        a = UltralyticsDetector(demo[0], params)([img])[0]
        b = UltralyticsDetector(ort_model, params)([img])[0]
        assert len(a) == len(b), rel
        if len(a):
            iou = _iou(a.to_xyxy((640, 480)), b.to_xyxy((640, 480)))
            assert (iou.max(axis=1) >= 0.99).all()
            np.testing.assert_allclose(np.sort(a.confidence), np.sort(b.confidence), atol=1e-3)


def test_tiles_cover_the_image_and_merge_duplicates() -> None:
    from studio.core.inference.slicing import SlicedDetector, tile_count, tile_origins

    assert tile_origins(1000, 640, 0.2) == [0, 360]
    assert tile_origins(500, 640, 0.2) == [0]
    assert tile_count((4000, 3000), 640, 0.2) == 8 * 6

    class ObjectAt:
        """Finds the one bright square wherever it is fully inside the input."""

        def __call__(self, images):
            out = []
            for img in images:
                ys, xs = np.nonzero(img[..., 0] > 200)
                h, w = img.shape[:2]
                if len(xs) and xs.min() > 0 and ys.min() > 0 and xs.max() < w - 1 and ys.max() < h - 1:
                    xyxy = np.array([[xs.min(), ys.min(), xs.max() + 1, ys.max() + 1]], float)
                    out.append(Boxes.from_xyxy(xyxy, np.array([0]), (w, h), np.array([0.9])))
                else:
                    out.append(Boxes(np.zeros((0, 4)), np.zeros(0, np.int64), np.zeros(0)))
            return out

    img = np.zeros((1000, 1500, 3), np.uint8)
    img[500:520, 700:730] = 255
    merged = SlicedDetector(ObjectAt(), tile=640, overlap=0.2)([img])[0]
    assert len(merged) == 1  # found by the whole image and by overlapping tiles, merged to one
    np.testing.assert_allclose(merged.to_xyxy((1500, 1000)), [[700, 500, 730, 520]])


def test_sliced_inference_finds_small_objects_whole_image_misses(demo) -> None:
    """On a large canvas of small fruit, tiles at the model's size find more than one pass."""
    from studio.core.dataset.sample import render_scene
    from studio.core.inference.slicing import SlicedDetector

    model, info = demo
    rng = np.random.default_rng(3)
    scenes = [render_scene(rng) for _ in range(6)]
    big = np.vstack([np.hstack([s[0] for s in scenes[:3]]), np.hstack([s[0] for s in scenes[3:]])])
    truth = sum(len(s[1]) for s in scenes)
    params = PredictParams(imgsz=320)
    whole = UltralyticsDetector(model, params)([big])[0]
    sliced = SlicedDetector(UltralyticsDetector(model, params), tile=640, overlap=0.2)([big])[0]
    assert len(sliced) > len(whole)
    assert len(sliced) >= 0.6 * truth


def test_run_settings_load_across_versions_with_clear_messages() -> None:
    from studio.core.inference.prelabel_run import PrelabelSettings, RunSettingsError

    old = {"conf": 0.3, "iou": 0.7, "imgsz": 320, "max_det": 300, "classes": None, "agnostic_nms": False,
           "slice": 256, "overlap": 0.1, "scope": "unlabeled"}  # what studio stored before versions
    settings = PrelabelSettings.from_stored(old, 3)
    assert settings.predict.conf == 0.3 and settings.slice == 256 and settings.scope == "unlabeled"
    assert settings.backend == "auto"
    assert PrelabelSettings.from_stored(settings.to_stored()) == settings
    with pytest.raises(RunSettingsError, match="run 4 was made by a newer studio"):
        PrelabelSettings.from_stored({**settings.to_stored(), "version": 99}, 4)
    with pytest.raises(RunSettingsError, match=r"does not know \(tta\)"):
        PrelabelSettings.from_stored({**settings.to_stored(), "tta": True}, 5)


def test_cli_resume_of_a_run_from_a_newer_studio_is_refused_clearly(sample_dataset: Path, capsys) -> None:
    from studio.cli import main
    from studio.core.dataset.layout import open_dataset
    from studio.core.dataset.store_location import open_store
    from studio.core.inference.runs import set_run_status
    from studio.core.store.lifecycle import CANCELLED

    store, _ = open_store(open_dataset(sample_dataset))
    run = create_run(store, str(DEMO.resolve()), {0: "apple"}, {"version": 99, "conf": 0.2}, {0: 0})
    set_run_status(store, run, CANCELLED)
    assert main(["prelabel", str(sample_dataset), "--model", str(DEMO), "--resume", str(run)]) == 2
    err = capsys.readouterr().err
    assert "made by a newer studio" in err and "Traceback" not in err


def test_old_stores_migrate_to_the_run_lifecycle(tmp_path: Path) -> None:
    from studio.core.inference.runs import get_run, list_runs

    store = Store(tmp_path / ".studio")
    ids = [create_run(store, "m.pt", {0: "a"}, {}, {0: 0}) for _ in range(4)]
    conn = store.connection()
    for rid, old in zip(ids, ("done", "interrupted", "failed", "running")):
        conn.execute("UPDATE runs SET status=?, owner_pid=NULL WHERE id=?", (old, rid))
    conn.execute("UPDATE meta SET value='2' WHERE key='schema'")
    store.close()
    store = Store(tmp_path / ".studio")
    assert [get_run(store, i).status for i in ids] == ["finished", "cancelled", "failed", "interrupted"]
    assert len(list_runs(store)) == 4


def test_prelabel_device_choice_is_checked_and_recorded(sample_dataset: Path) -> None:
    """--device takes training's values: a device that is not there is one line and exit 2; the run
    record keeps the device and backend it used."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    base = [sys.executable, "-m", "studio.cli", "prelabel", str(sample_dataset), "--model", str(DEMO)]
    for device in ("cuda:0", "cuda", "mps", "tpu"):
        done = subprocess.run(base + ["--device", device], env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 2 and done.stderr.count("\n") == 1 and "Traceback" not in done.stderr, device
    assert not (sample_dataset / ".studio" / "studio.db").exists() or not sqlite3.connect(
        sample_dataset / ".studio" / "studio.db").execute("SELECT COUNT(*) FROM runs").fetchone()[0]
    done = subprocess.run(base + ["--device", "auto", "--backend", "torch"], env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(sample_dataset / ".studio" / "studio.db") as db:
        params = json.loads(db.execute("SELECT params FROM runs").fetchone()[0])
    assert (params["device"], params["backend"], params["version"]) == ("cpu", "torch", 3)  # auto here: no GPU


def test_on_a_gpu_auto_means_torch_and_onnx_needs_a_gpu_runtime() -> None:
    """How GPUs are reached: PyTorch's own CUDA build; ONNX Runtime only with a GPU provider (the
    onnxruntime installed here has none, so asking for it on a GPU is refused with the way out)."""
    from studio.core.inference.model_file import ModelError, ModelInfo
    from studio.core.inference.prelabel_run import onnxruntime_gpu_available, resolve_backend

    pt = ModelInfo(DEMO, "detect", {0: "apple"}, 320, "torch")
    onnx = ModelInfo(DEMO.with_suffix(".onnx"), "detect", {0: "apple"}, 320, "onnx")
    assert resolve_backend("auto", pt, "cpu") == "onnx" and resolve_backend("torch", pt, "cpu") == "torch"
    assert resolve_backend("auto", onnx, "cpu") == "onnx"
    assert resolve_backend("auto", pt, "0") == "torch" and resolve_backend("auto", pt, "mps") == "torch"
    assert not onnxruntime_gpu_available()
    for info, asked in ((pt, "onnx"), (onnx, "auto")):
        with pytest.raises(ModelError, match="onnxruntime-gpu"):
            resolve_backend(asked, info, "0")
