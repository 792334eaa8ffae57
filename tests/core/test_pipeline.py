"""The local pre-labeling pipeline: batches of one shape, the same boxes as one image at a time,
a stage breakdown, and a writer that stores each image once whatever the producer."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from studio.core.dataset.layout import open_dataset
from studio.core.inference.engine import PredictParams, UltralyticsDetector, prelabel_job
from studio.core.inference.pipeline import STAGES, ShapeBatcher, StageTimes, store_stream
from studio.core.inference.runs import create_run, proposals_for, run_counts
from studio.core.labels.boxes import Boxes
from studio.core.store.db import Store

DEMO = Path(__file__).resolve().parents[2] / "resources" / "models" / "demo-fruit.pt"


def test_shape_batcher_never_mixes_shapes_and_bounds_what_waits() -> None:
    batcher = ShapeBatcher(3, max_waiting=4)
    shapes = [(4, 4, 3), (8, 4, 3), (4, 4, 3), (4, 8, 3), (4, 4, 3), (8, 4, 3), (9, 9, 3)]
    out = []
    for i, shape in enumerate(shapes):
        out.extend(batcher.add(shape, (shape, i)))
    out.extend(batcher.drain())
    assert sorted(i for batch in out for _, i in batch) == list(range(len(shapes)))
    assert all(len({s for s, _ in batch}) == 1 and len(batch) <= 3 for batch in out)
    assert [i for _, i in out[0]] == [0, 2, 4]  # full batch as soon as three of a shape arrived
    pairs = ShapeBatcher(2, max_waiting=len(shapes) + 1)  # nothing forced out: batches by shape alone
    grouped = [ready for i, s in enumerate(shapes) for ready in pairs.add(s, i)] + pairs.drain()
    assert grouped == [[0, 2], [1, 5], [3], [4], [6]]


def test_batched_run_gives_the_boxes_of_one_image_at_a_time_on_mixed_shapes(sample_dataset: Path) -> None:
    from studio.core.inference.model_file import load_detection_model

    train = sample_dataset / "images" / "train"
    for k, src in enumerate(sorted(train.glob("*.jpg"))[:6]):  # two more shapes among the 640x480 ones
        img = cv2.imread(str(src))
        size = (1280, 960) if k % 2 else (480, 640)
        cv2.imwrite(str(train / f"big_{src.name}"), cv2.resize(img, size))
    ds = open_dataset(sample_dataset)
    paths = ds.scan_images().paths
    model, info = load_detection_model(DEMO)
    identity = {k: k for k in info.names}
    params = PredictParams(imgsz=320)
    runs = {}
    times = StageTimes()
    store = Store(ds.store_dir)
    for batch in (1, 4):
        runs[batch] = create_run(store, str(DEMO), info.names, params.as_dict(), identity)
        list(prelabel_job(ds, paths, store, UltralyticsDetector(model, params), runs[batch], identity,
                          batch=batch, times=times if batch == 4 else None))
    assert run_counts(store, runs[4])["done"] == len(paths) == 20
    for rel in paths:
        one, four = proposals_for(store, rel, runs[1]), proposals_for(store, rel, runs[4])
        assert len(one) == len(four), rel
        assert np.array_equal(one.class_id, four.class_id), rel
        assert np.abs(one.xywhn - four.xywhn).max(initial=0) < 1e-4, rel
        assert np.abs(one.confidence - four.confidence).max(initial=0) < 1e-3, rel
    assert times.images == len(paths)
    assert all(times.seconds[s] > 0 for s in STAGES), times.seconds
    assert "forward" in times.summary()


def test_the_writer_stores_each_image_once_and_stops_its_producer_on_cancel(sample_dataset: Path) -> None:
    ds = open_dataset(sample_dataset)
    store = Store(ds.store_dir)
    run = create_run(store, "fake", {0: "apple", 1: "x"}, {}, {0: 0})
    paths = ds.scan_images().paths
    closed = []

    def produce(todo):
        try:
            for rel in todo:
                yield rel, Boxes(np.array([[0.5, 0.5, 0.2, 0.2]] * 2), np.array([0, 1]), np.array([0.9, 0.8])), \
                    None, 0.01, None
        finally:
            closed.append(len(todo))

    cancel_after = iter(range(100))
    list(store_stream(store, run, paths, produce, {0: 0}, cancelled=lambda: next(cancel_after) >= 4))
    first = run_counts(store, run)["done"]
    assert first == 5 and closed == [len(paths)]
    list(store_stream(store, run, paths, produce, {0: 0}))
    assert closed[-1] == len(paths) - first  # the resume asks only for what is missing
    assert run_counts(store, run) == {"done": len(paths), "proposals": len(paths)}  # class 1 is unmapped
    assert len(proposals_for(store, paths[0], run)) == 1


@pytest.mark.parametrize("bad", [b"", b"\x00\x01not an image"])
def test_unreadable_images_do_not_stall_a_batch(sample_dataset: Path, bad: bytes) -> None:
    (sample_dataset / "images" / "train" / "train_0003.jpg").write_bytes(bad)
    ds = open_dataset(sample_dataset)
    store = Store(ds.store_dir)
    run = create_run(store, "fake", {0: "apple"}, {}, {0: 0})
    seen = []

    def detector(images):
        seen.append(len(images))
        return [Boxes(np.array([[0.5, 0.5, 0.2, 0.2]]), np.array([0]), np.array([0.9])) for _ in images]

    list(prelabel_job(ds, ds.scan_images().paths, store, detector, run, {0: 0}, batch=4))
    assert run_counts(store, run) == {"done": 13, "error": 1, "proposals": 13}
    assert max(seen) == 4 and sum(seen) == 13
