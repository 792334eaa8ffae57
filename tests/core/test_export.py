"""Ultralytics export: seeded stratified split, byte-clean labels, accepted by Ultralytics."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from studio.core.dataset.export import ExportError, export_ultralytics, split_paths
from studio.core.dataset.layout import open_dataset
from studio.core.labels.yolo import load_yolo_labels


def test_split_is_seeded_and_stratified() -> None:
    rng = np.random.default_rng(0)
    labels = [[0] * int(rng.integers(1, 4)) for _ in range(180)] + [[1]] * 20 + [[]] * 40
    a = split_paths(labels, {"train": 0.8, "val": 0.2}, seed=3)
    assert a == split_paths(labels, {"train": 0.8, "val": 0.2}, seed=3)
    assert a != split_paths(labels, {"train": 0.8, "val": 0.2}, seed=4)
    val = [i for i, s in enumerate(a) if s == "val"]
    assert len(val) == 48
    assert sum(1 for i in val if labels[i] == [1]) == 4  # the rare class gets its 20%
    assert sum(1 for i in val if labels[i] == []) == 8  # and so do negatives


def test_export_passes_ultralytics_checks(sample_dataset: Path, tmp_path: Path) -> None:
    from ultralytics.data.utils import check_det_dataset, verify_image_label

    ds = open_dataset(sample_dataset)
    paths = ds.scan_images().paths
    # a kept polygon line must not reach the export
    first = ds.label_path(paths[0])
    first.write_bytes(first.read_bytes() + b"0 0.1 0.1 0.2 0.1 0.2 0.2\n")
    out = tmp_path / "내보내기"
    summary = list(export_ultralytics(ds, paths, out, {"train": 0.75, "val": 0.25}, seed=0))[-1].payload
    assert sum(summary.counts.values()) == len(paths) and summary.counts["val"] in (3, 4, 5)
    assert summary.dropped_lines == 1
    data = check_det_dataset(str(out / "data.yaml"))
    assert data["names"] == dict(enumerate(ds.classes.names))
    total_src = sum(len(load_yolo_labels(ds.label_path(p)).boxes) for p in paths)
    total, images = 0, 0
    for split in ("train", "val"):
        for img in sorted((out / "images" / split).iterdir()):
            lb = out / "labels" / split / (img.stem + ".txt")
            _, arr, _, _, _, nm, nf, ne, nc, msg = verify_image_label(
                (str(img), str(lb), "", False, len(ds.classes), 0, 0, False))
            assert (nm, nf, nc) == (0, 1, 0), msg
            assert ne == (0 if len(arr) else 1)
            total += len(arr)
            images += 1
    assert images == len(paths) and total == total_src
    with pytest.raises(ExportError):
        list(export_ultralytics(ds, paths, out, {"train": 0.8, "val": 0.2}))


@pytest.mark.slow
def test_export_trains_with_yolo_train(sample_dataset: Path, tmp_path: Path) -> None:
    from ultralytics import YOLO

    ds = open_dataset(sample_dataset)
    out = tmp_path / "export"
    list(export_ultralytics(ds, ds.scan_images().paths, out, {"train": 0.7, "val": 0.3}, seed=0))
    model = YOLO("yolov8n.yaml")
    model.train(data=str(out / "data.yaml"), epochs=1, imgsz=64, batch=4, device="cpu", workers=0, plots=False,
                amp=False, pretrained=False, project=str(tmp_path / "runs"), name="t", verbose=False, val=True)
    assert (tmp_path / "runs" / "t" / "weights" / "last.pt").exists()


def test_coco_json_round_trips_through_pycocotools_and_ultralytics(sample_dataset: Path, tmp_path: Path) -> None:
    import contextlib
    import io

    from pycocotools.coco import COCO
    from ultralytics.data.converter import convert_coco

    ds = open_dataset(sample_dataset)
    paths = ds.scan_images().paths
    out = tmp_path / "coco export"
    list(export_ultralytics(ds, paths, out, {"train": 0.7, "val": 0.3}, seed=1, coco=True))
    total = 0
    for split in ("train", "val"):
        ann = out / "annotations" / f"instances_{split}.json"
        with contextlib.redirect_stdout(io.StringIO()):
            coco = COCO(str(ann))
        assert len(coco.getImgIds()) == len(list((out / "images" / split).iterdir()))
        assert [c["name"] for c in coco.loadCats(coco.getCatIds())] == ds.classes.names
        total += len(coco.getAnnIds())
    assert total == sum(len(load_yolo_labels(ds.label_path(p)).boxes) for p in paths)
    # Ultralytics' own converter turns the JSON back into the same YOLO rows (within rounding)
    back = tmp_path / "back"
    convert_coco(labels_dir=str(out / "annotations"), save_dir=str(back), use_segments=False, cls91to80=False)
    for lbl in (out / "labels" / "val").glob("*.txt"):
        ours = np.loadtxt(lbl, ndmin=2)
        theirs_path = back / "labels" / "val" / lbl.name
        if not len(ours):
            continue
        theirs = np.loadtxt(theirs_path, ndmin=2)
        order = lambda a: a[np.lexsort(a.T[::-1])]  # noqa: E731
        np.testing.assert_allclose(order(theirs), order(ours), atol=2e-5)
