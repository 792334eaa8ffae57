"""Metrics against pycocotools on the same boxes."""

from __future__ import annotations

import contextlib
import io

import numpy as np
import pytest

from studio.core.labels.metrics import ImageBoxes, box_iou, evaluate
from tests.oracles import coco_eval


def _random_case(seed: int, n_images: int = 30, n_classes: int = 3):
    rng = np.random.default_rng(seed)
    gts, preds = [], []
    for _ in range(n_images):
        n = int(rng.integers(0, 8))
        xy = rng.uniform(0, 400, (n, 2))
        wh = rng.uniform(10, 120, (n, 2))
        g = np.concatenate([xy, xy + wh], 1)
        gc = rng.integers(0, n_classes, n)
        keep = rng.random(n) < 0.8
        jitter = rng.normal(0, 6, (n, 4))
        p = (g + jitter)[keep]
        pc = np.where(rng.random(n) < 0.9, gc, rng.integers(0, n_classes, n))[keep]
        extra = int(rng.integers(0, 4))
        exy = rng.uniform(0, 400, (extra, 2))
        p = np.concatenate([p, np.concatenate([exy, exy + rng.uniform(10, 80, (extra, 2))], 1)])
        pc = np.concatenate([pc, rng.integers(0, n_classes, extra)])
        conf = rng.uniform(0.05, 1.0, len(p))
        p[:, 2:] = np.maximum(p[:, 2:], p[:, :2] + 1)
        gts.append(ImageBoxes(g, gc))
        preds.append(ImageBoxes(p, pc, conf))
    return gts, preds


def _coco(gts, preds):
    ev = coco_eval(gts, preds)
    with contextlib.redirect_stdout(io.StringIO()):
        ev.summarize()
    return ev.stats[0], ev.stats[1]


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_map_agrees_with_pycocotools(seed: int) -> None:
    gts, preds = _random_case(seed)
    ours = evaluate(preds, gts)
    map50_95, map50 = _coco(gts, preds)
    assert ours.map50 == pytest.approx(map50, abs=1e-3)
    assert ours.map50_95 == pytest.approx(map50_95, abs=1e-3)


def test_iou_and_f1_basics() -> None:
    assert box_iou(np.array([[0, 0, 10, 10]]), np.array([[5, 0, 15, 10]]))[0, 0] == pytest.approx(1 / 3)
    gt = [ImageBoxes(np.array([[0, 0, 10, 10], [20, 20, 30, 30]]), np.array([0, 0]))]
    pred = [ImageBoxes(np.array([[0, 0, 10, 10], [50, 50, 60, 60]]), np.array([0, 0]), np.array([0.9, 0.8]))]
    (c,) = evaluate(pred, gt).classes
    assert (c.precision, c.recall, c.f1, c.best_conf) == (1.0, 0.5, pytest.approx(2 / 3), 0.9)


def test_overlapping_pairs_equal_the_full_iou_matrix() -> None:
    """The bounded sweep finds exactly the pairs the N x N matrix finds."""
    from studio.core.labels.metrics import box_iou, overlapping_pairs

    rng = np.random.default_rng(7)
    for _trial in range(40):
        n = int(rng.integers(2, 250))
        c, wh = rng.random((n, 2)), rng.uniform(0.001, 0.4, (n, 2))
        dup = rng.integers(0, n, n // 3)  # near-copies, as class conflicts look
        c[dup] = c[rng.integers(0, n, len(dup))] + rng.normal(0, 0.002, (len(dup), 2))
        wh[dup] = wh[rng.integers(0, n, len(dup))]
        xyxy = np.c_[c - wh / 2, c + wh / 2]
        t = float(rng.choice([0.3, 0.5, 0.7, 0.95]))
        full = np.triu(box_iou(xyxy, xyxy), 1)
        for direct_below in (0, 128):  # the grid always, then the small-matrix shortcut where it applies
            i, j, iou, complete = overlapping_pairs(xyxy, t, direct_below=direct_below)
            assert complete
            assert set(zip(i.tolist(), j.tolist())) == set(zip(*map(np.ndarray.tolist, np.nonzero(full >= t))))
            assert np.allclose(iou, full[i, j])


def test_overlapping_pairs_stop_at_the_budget_on_piled_boxes() -> None:
    from studio.core.labels.metrics import overlapping_pairs

    piled = np.tile([[0.4, 0.4, 0.6, 0.6]], (20_000, 1))
    i, _j, _iou, complete = overlapping_pairs(piled, 0.7, budget=1_000_000)
    assert not complete and len(i) == 0
