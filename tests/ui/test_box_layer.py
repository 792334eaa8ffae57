"""The cached layer of many boxes: patched after small edits, and always equal to a fresh drawing."""

from __future__ import annotations

import numpy as np
from PyQt6.QtGui import QImage, QPainter, QTransform

from studio.ui.annotate.box_layer import BoxLayer, draw_boxes


def _blit(layer: BoxLayer, xyxy: np.ndarray, cls: np.ndarray, selected: set[int], size: tuple[int, int],
          transform: QTransform) -> np.ndarray:
    """Paint the layer onto a fresh image, as the canvas does, and return that image's pixels."""
    target = QImage(size[0], size[1], QImage.Format.Format_ARGB32_Premultiplied)
    target.fill(0)
    painter = QPainter(target)
    layer.paint(painter, xyxy, cls, selected, transform, size, "image")
    painter.end()
    ptr = target.constBits()
    ptr.setsize(target.sizeInBytes())
    return np.frombuffer(ptr, np.uint8).reshape(size[1], target.bytesPerLine() // 4, 4)[:, :size[0]].copy()


def test_edits_patch_the_layer_and_it_stays_equal_to_a_fresh_drawing(qapp) -> None:  # noqa: ANN001
    rng = np.random.default_rng(4)
    n, size = 6000, (320, 240)
    xy = rng.uniform(-20, 300, (n, 2))
    xyxy = np.c_[xy, xy + rng.uniform(1, 30, (n, 2))]
    cls = rng.integers(0, 4, n)
    transform = QTransform(1.5, 0, 0, 1.5, -10.0, 5.0)  # zoomed and scrolled
    layer = BoxLayer()
    selected: set[int] = set()
    shown = _blit(layer, xyxy, cls, selected, size, transform)
    for step in range(25):
        xyxy = xyxy.copy()
        kind = step % 4
        if kind == 0:  # nudge a few boxes
            moved = rng.integers(0, n, 3)
            xyxy[moved] += rng.choice([-4.0, -1.0, 2.0, 5.0], (3, 1))
        elif kind == 1:  # select others
            selected = set(rng.integers(0, n, int(rng.integers(0, 4))).tolist())
        elif kind == 2:  # change a class
            cls = cls.copy()
            one = int(rng.integers(0, n))
            cls[one] = (cls[one] + 1) % 4
        else:  # many boxes move at once: a full redraw
            xyxy[:200] += 7.0
        before = layer.patched
        shown = _blit(layer, xyxy, cls, selected, size, transform)
        rects = np.rint(np.c_[xyxy[:, :2] * 1.5 + (-10.0, 5.0), xyxy[:, 2:] * 1.5 + (-10.0, 5.0)]).astype(np.int32)
        fresh = draw_boxes(rects, cls, frozenset(selected), (0, 0, *size))
        np.testing.assert_array_equal(shown, fresh)
        if kind in (0, 2):
            assert layer.patched == before + 1  # a few boxes changed: only their pixels were drawn
        if kind == 3:
            assert layer.patched == before  # 200 changed boxes: redrawn, not patched
    assert layer.patched >= 12
    assert shown[..., 3].any()  # something was drawn at all
