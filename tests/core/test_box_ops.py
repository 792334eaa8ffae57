"""Pure box edits: clamping, moving, resizing, hit testing."""

from __future__ import annotations

import numpy as np
import pytest

from studio.core.labels import box_ops
from studio.core.labels.boxes import Boxes

SIZE = (200, 100)


def _b(*rows) -> Boxes:
    return Boxes.from_rows(rows)


def test_add_box_clamps_and_orders_corners() -> None:
    b = box_ops.add_box(Boxes.empty(), (250, 120, 150, -20), 1, SIZE)
    np.testing.assert_allclose(b.to_xyxy(SIZE), [[150, 0, 200, 100]])
    assert b.class_id.tolist() == [1]


def test_move_stops_at_border_keeping_size() -> None:
    b = _b((0, 0.5, 0.5, 0.2, 0.2))  # 40x20 px at (80,40)-(120,60)
    moved = box_ops.move_boxes(b, [0], 500, -500, SIZE)
    np.testing.assert_allclose(moved.to_xyxy(SIZE), [[160, 0, 200, 20]])


def test_resize_each_handle_and_flip() -> None:
    b = _b((0, 0.5, 0.5, 0.2, 0.2))
    r = box_ops.resize_box(b, 0, "br", 150, 90, SIZE)
    np.testing.assert_allclose(r.to_xyxy(SIZE), [[80, 40, 150, 90]])
    r = box_ops.resize_box(b, 0, "l", 10, 0, SIZE)
    np.testing.assert_allclose(r.to_xyxy(SIZE), [[10, 40, 120, 60]])
    r = box_ops.resize_box(b, 0, "t", 0, 80, SIZE)  # dragged below the bottom edge: flips
    np.testing.assert_allclose(r.to_xyxy(SIZE), [[80, 60, 120, 80]])
    r = box_ops.resize_box(b, 0, "tl", -50, -50, SIZE)
    np.testing.assert_allclose(r.to_xyxy(SIZE), [[0, 0, 120, 60]])


def test_set_class_delete_duplicate_paste() -> None:
    b = _b((0, 0.2, 0.2, 0.1, 0.1), (1, 0.7, 0.7, 0.2, 0.2))
    assert box_ops.set_class(b, [1], 4).class_id.tolist() == [0, 4]
    assert box_ops.delete_boxes(b, [0]).class_id.tolist() == [1]
    d = box_ops.duplicate_boxes(b, [1], 10, SIZE)
    assert len(d) == 3
    np.testing.assert_allclose(d.to_xyxy(SIZE)[2], d.to_xyxy(SIZE)[1] + [10, 10, 10, 10])
    p = box_ops.paste_boxes(b, _b((2, 0.95, 0.5, 0.2, 0.2)))
    np.testing.assert_allclose(p.to_xyxy(SIZE)[2], [170, 40, 200, 60])  # clipped to the image


def test_hit_test_prefers_smallest_and_handles() -> None:
    b = _b((0, 0.5, 0.5, 0.8, 0.8), (1, 0.5, 0.5, 0.1, 0.1))
    assert box_ops.hit_test(b, 100, 50, SIZE) == 1
    assert box_ops.hit_test(b, 30, 20, SIZE) == 0
    assert box_ops.hit_test(b, 5, 5, SIZE) == -1
    xyxy = b.to_xyxy(SIZE)[0]
    assert box_ops.handle_at(xyxy, xyxy[2] + 2, xyxy[3] - 1, 4) == "br"
    assert box_ops.handle_at(xyxy, (xyxy[0] + xyxy[2]) / 2, xyxy[1], 4) == "t"
    assert box_ops.handle_at(xyxy, 100, 50, 4) is None


@pytest.mark.parametrize("xyxy, ok", [((0, 0, 2, 50), False), ((0, 0, 3, 3), True), ((5, 5, 5, 9), False)])
def test_stray_clicks_are_too_small(xyxy, ok) -> None:
    assert box_ops.is_big_enough(xyxy) is ok
