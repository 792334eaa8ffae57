"""Evaluation against the oracles: pycocotools (AP), Ultralytics' ap_per_class (P/R/F1 curves)
and ConfusionMatrix, on generated datasets with empty images, images without predictions and
classes without ground truth."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from studio.core.dataset.layout import open_dataset
from studio.core.insight.evaluation import evaluate_predictions, predictions_from_folder
from studio.core.labels.metrics import ImageBoxes
from tests.oracles import coco_eval

W, H = 640, 480


def _make(root: Path, seed: int, n_images: int = 24, nc: int = 4) -> tuple[Path, Path]:
    """Images, labels and a predict-style folder (6 columns) with the edge cases planted."""
    rng = np.random.default_rng(seed)
    (root / "images").mkdir(parents=True)
    (root / "labels").mkdir()
    pred = root.parent / f"pred-{seed}" / "labels"
    pred.mkdir(parents=True)
    (root / "data.yaml").write_text("train: images\nval: images\nnames:\n" +
                                    "".join(f"  {i}: c{i}\n" for i in range(nc)))
    blank = np.zeros((H, W, 3), np.uint8)
    for i in range(n_images):
        name = f"img_{i:03d}"
        cv2.imwrite(str(root / "images" / f"{name}.jpg"), blank)
        n = 0 if i == 0 else int(rng.integers(1, 7))  # image 0: a negative
        xy = rng.uniform(0.1, 0.8, (n, 2))
        wh = rng.uniform(0.05, 0.2, (n, 2))
        cls = rng.integers(0, nc - 1, n)  # class nc-1 never has ground truth
        (root / "labels" / f"{name}.txt").write_text(
            "".join(f"{c} {x + w / 2:.6f} {y + h / 2:.6f} {w:.6f} {h:.6f}\n" for c, (x, y), (w, h) in zip(cls, xy, wh)))
        if i == 1:
            continue  # image 1: no prediction file at all
        keep = rng.random(n) < 0.8
        pxy = xy[keep] + rng.normal(0, 0.01, (int(keep.sum()), 2))
        pwh = wh[keep] * rng.uniform(0.85, 1.15, (int(keep.sum()), 2))
        pcls = np.where(rng.random(int(keep.sum())) < 0.85, cls[keep], rng.integers(0, nc, int(keep.sum())))
        extra = int(rng.integers(0, 3))
        pxy = np.r_[pxy, rng.uniform(0.1, 0.8, (extra, 2))]
        pwh = np.r_[pwh, rng.uniform(0.05, 0.2, (extra, 2))]
        pcls = np.r_[pcls, rng.integers(0, nc, extra)]
        conf = rng.uniform(0.05, 1.0, len(pcls))
        (pred / f"{name}.txt").write_text("".join(
            f"{c} {x + w / 2:.6f} {y + h / 2:.6f} {w:.6f} {h:.6f} {s:.6f}\n"
            for c, (x, y), (w, h), s in zip(pcls, pxy, pwh, conf)))
    return root, pred


def _as_pixels(path: Path, conf: bool) -> ImageBoxes:
    rows = np.array([[float(v) for v in ln.split()] for ln in path.read_text().splitlines() if ln.strip()]
                    ).reshape(-1, 6 if conf else 5)
    cx, cy, w, h = rows[:, 1] * W, rows[:, 2] * H, rows[:, 3] * W, rows[:, 4] * H
    xyxy = np.c_[cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2]
    return ImageBoxes(xyxy, rows[:, 0].astype(int), rows[:, 5] if conf else None)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_map_agrees_with_pycocotools(tmp_path: Path, seed: int) -> None:
    root, pred = _make(tmp_path / "ds", seed)
    ds = open_dataset(root / "data.yaml")
    paths = ds.scan_images().paths
    rep = evaluate_predictions(ds, predictions_from_folder(pred, ds, paths), paths)
    assert rep.images == len(paths)
    gts, preds = [], []
    for rel in sorted(paths):
        stem = Path(rel).stem
        gts.append(_as_pixels(root / "labels" / f"{stem}.txt", False))
        p = pred / f"{stem}.txt"
        preds.append(_as_pixels(p, True) if p.exists() else ImageBoxes(np.zeros((0, 4)), np.zeros(0, int), np.zeros(0)))
    ev = coco_eval(gts, preds)  # summarize() needs the default maxDets (100 > any image here)
    import contextlib
    import io

    with contextlib.redirect_stdout(io.StringIO()):
        ev.summarize()
    assert rep.map50_95 == pytest.approx(ev.stats[0], abs=1e-3)
    assert rep.map50 == pytest.approx(ev.stats[1], abs=1e-3)
    assert any(c.n_gt == 0 and c.n_pred > 0 for c in rep.classes)  # the class without ground truth


def test_curves_and_best_f1_equal_ultralytics(tmp_path: Path) -> None:
    from ultralytics.utils.metrics import ap_per_class

    from studio.core.labels.metrics import _match_image

    root, pred = _make(tmp_path / "ds", 7, n_images=40)
    ds = open_dataset(root / "data.yaml")
    paths = ds.scan_images().paths
    rep = evaluate_predictions(ds, predictions_from_folder(pred, ds, paths), paths)
    tps, confs, pcls, tcls = [], [], [], []
    for rel in sorted(paths):
        stem = Path(rel).stem
        g = _as_pixels(root / "labels" / f"{stem}.txt", False)
        p = pred / f"{stem}.txt"
        pb = _as_pixels(p, True) if p.exists() else ImageBoxes(np.zeros((0, 4)), np.zeros(0, int), np.zeros(0))
        tcls.append(g.class_id)
        for c in np.unique(pb.class_id):
            pm, gm = pb.class_id == c, g.class_id == c
            tp, sc = _match_image(pb.xyxy[pm], pb.confidence[pm], g.xyxy[gm], np.linspace(0.5, 0.95, 10), 10**9)
            tps.append(tp.T)
            confs.append(sc)
            pcls.append(np.full(len(sc), c))
    out = ap_per_class(np.concatenate(tps), np.concatenate(confs), np.concatenate(pcls), np.concatenate(tcls))
    _tp, _fp, p, r, f1, _ap, classes, p_curve, r_curve, f1_curve, x, _pv = out
    assert rep.class_ids == classes.tolist()
    np.testing.assert_allclose(rep.p_curve, p_curve, atol=1e-9)
    np.testing.assert_allclose(rep.r_curve, r_curve, atol=1e-9)
    assert rep.precision == pytest.approx(p.mean(), abs=1e-9)
    assert rep.recall == pytest.approx(r.mean(), abs=1e-9)
    assert rep.f1 == pytest.approx(f1.mean(), abs=1e-9)


def test_confusion_matrix_equals_ultralytics(tmp_path: Path) -> None:
    import torch
    from ultralytics.utils.metrics import ConfusionMatrix

    root, pred = _make(tmp_path / "ds", 3, n_images=30)
    ds = open_dataset(root / "data.yaml")
    paths = ds.scan_images().paths
    rep = evaluate_predictions(ds, predictions_from_folder(pred, ds, paths), paths)
    ref = ConfusionMatrix(names={i: f"c{i}" for i in range(4)})
    for rel in sorted(paths):
        stem = Path(rel).stem
        g = _as_pixels(root / "labels" / f"{stem}.txt", False)
        p = pred / f"{stem}.txt"
        pb = _as_pixels(p, True) if p.exists() else ImageBoxes(np.zeros((0, 4)), np.zeros(0, int), np.zeros(0))
        ref.process_batch({"bboxes": torch.tensor(pb.xyxy, dtype=torch.float32),
                           "cls": torch.tensor(pb.class_id, dtype=torch.float32),
                           "conf": torch.tensor(pb.confidence, dtype=torch.float32)},
                          {"bboxes": torch.tensor(g.xyxy, dtype=torch.float32),
                           "cls": torch.tensor(g.class_id, dtype=torch.float32)})
    np.testing.assert_array_equal(rep.confusion.matrix, ref.matrix.astype(np.int64))
    # each cell lists the images behind it
    for (pi, ti), images in rep.confusion.cells.items():
        assert rep.confusion.matrix[pi, ti] >= len(images) > 0


def test_bad_prediction_files_are_reported(tmp_path: Path) -> None:
    root, pred = _make(tmp_path / "ds", 4, n_images=6)
    (pred / "ghost.txt").write_text("0 0.5 0.5 0.1 0.1 0.9\n")
    (pred / "img_002.txt").write_text("9 0.5 0.5 0.1 0.1 0.9\n0 0.5 0.5 0.1 0.1\n")
    ds = open_dataset(root / "data.yaml")
    paths = ds.scan_images().paths
    rep = evaluate_predictions(ds, predictions_from_folder(pred, ds, paths), paths)
    text = " | ".join(rep.problems)
    assert "match no image" in text and "beyond the 4 classes" in text and "no confidence column" in text
    assert rep.images == len(paths)
