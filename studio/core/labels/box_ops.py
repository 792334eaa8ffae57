"""Pure box edits in pixel space: each takes ``Boxes`` and returns new ``Boxes``.

Every result is clamped to the image; nothing here mutates its input.

Example:
    >>> b = Boxes.empty()
    >>> b = add_box(b, (-10, 5, 50, 25), 2, (100, 50))
    >>> b.rows()
    [(2, 0.25, 0.3, 0.5, 0.4)]
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from studio.core.labels.boxes import Boxes

#: Boxes smaller than this (image pixels, either side) come from stray clicks: not created.
MIN_BOX_PX = 3.0

#: Handle names: corners and edges, as (x side, y side) with -1 = min, 1 = max, 0 = none.
HANDLES: dict[str, tuple[int, int]] = {
    "tl": (-1, -1), "t": (0, -1), "tr": (1, -1), "r": (1, 0),
    "br": (1, 1), "b": (0, 1), "bl": (-1, 1), "l": (-1, 0),
}


def clamp_xyxy(xyxy: np.ndarray, size_wh: tuple[int, int]) -> np.ndarray:
    """Corners clipped to the image, ordered so that x1 <= x2 and y1 <= y2."""
    w, h = size_wh
    xyxy = np.asarray(xyxy, dtype=np.float64).reshape(-1, 4)
    x = np.clip(np.sort(xyxy[:, [0, 2]], axis=1), 0, w)
    y = np.clip(np.sort(xyxy[:, [1, 3]], axis=1), 0, h)
    return np.stack([x[:, 0], y[:, 0], x[:, 1], y[:, 1]], axis=1)


def is_big_enough(xyxy: Sequence[float], min_px: float = MIN_BOX_PX) -> bool:
    """True when a box is at least ``min_px`` wide and high."""
    x1, y1, x2, y2 = xyxy
    return abs(x2 - x1) >= min_px and abs(y2 - y1) >= min_px


def _replace(boxes: Boxes, index: int, xyxy: np.ndarray, size_wh: tuple[int, int]) -> Boxes:
    new = Boxes.from_xyxy(xyxy, boxes.class_id[index:index + 1], size_wh)
    xywhn = boxes.xywhn.copy()
    xywhn[index] = new.xywhn[0]
    return Boxes(xywhn, boxes.class_id, boxes.confidence)


def add_box(boxes: Boxes, xyxy: Sequence[float], class_id: int, size_wh: tuple[int, int]) -> Boxes:
    """``boxes`` plus one box (clamped to the image)."""
    clamped = clamp_xyxy(np.asarray(xyxy, dtype=np.float64), size_wh)
    return boxes.merge(Boxes.from_xyxy(clamped, np.array([class_id]), size_wh))


def move_boxes(boxes: Boxes, indices: Sequence[int], dx: float, dy: float,
               size_wh: tuple[int, int]) -> Boxes:
    """Move boxes by ``(dx, dy)`` pixels; a box stops at the image border, keeping its size."""
    if not len(indices):
        return boxes
    w, h = size_wh
    xyxy = boxes.to_xyxy(size_wh)
    xywhn = boxes.xywhn.copy()
    for i in indices:
        x1, y1, x2, y2 = xyxy[i]
        ddx = float(np.clip(dx, -x1, w - x2)) if x2 - x1 <= w else 0.0
        ddy = float(np.clip(dy, -y1, h - y2)) if y2 - y1 <= h else 0.0
        moved = clamp_xyxy(np.array([x1 + ddx, y1 + ddy, x2 + ddx, y2 + ddy]), size_wh)
        xywhn[i] = Boxes.from_xyxy(moved, np.array([0]), size_wh).xywhn[0]
    return Boxes(xywhn, boxes.class_id, boxes.confidence)


def resize_box(boxes: Boxes, index: int, handle: str, x: float, y: float,
               size_wh: tuple[int, int]) -> Boxes:
    """Drag ``handle`` of box ``index`` to pixel ``(x, y)``; flips if dragged past the other side."""
    sx, sy = HANDLES[handle]
    x1, y1, x2, y2 = boxes.to_xyxy(size_wh)[index]
    if sx < 0:
        x1 = x
    elif sx > 0:
        x2 = x
    if sy < 0:
        y1 = y
    elif sy > 0:
        y2 = y
    return _replace(boxes, index, clamp_xyxy(np.array([x1, y1, x2, y2]), size_wh), size_wh)


def set_class(boxes: Boxes, indices: Sequence[int], class_id: int) -> Boxes:
    """The given boxes relabeled to ``class_id``."""
    cls = boxes.class_id.copy()
    cls[list(indices)] = class_id
    return Boxes(boxes.xywhn, cls, boxes.confidence)


def delete_boxes(boxes: Boxes, indices: Sequence[int]) -> Boxes:
    """``boxes`` without the given ones."""
    keep = np.ones(len(boxes), bool)
    keep[list(indices)] = False
    return boxes[keep]


def duplicate_boxes(boxes: Boxes, indices: Sequence[int], offset_px: float,
                    size_wh: tuple[int, int]) -> Boxes:
    """``boxes`` plus copies of the given ones, shifted by ``offset_px`` (kept inside)."""
    if not len(indices):
        return boxes
    copies = boxes[np.asarray(list(indices))]
    merged = boxes.merge(Boxes(copies.xywhn, copies.class_id))
    start = len(boxes)
    return move_boxes(merged, list(range(start, len(merged))), offset_px, offset_px, size_wh)


def paste_boxes(boxes: Boxes, pasted: Boxes) -> Boxes:
    """``boxes`` plus ``pasted`` (normalized, so they fit any image), clipped to the image."""
    if not len(pasted):
        return boxes
    return boxes.merge(Boxes(pasted.xywhn, pasted.class_id).clipped())


def hit_test(boxes: Boxes, x: float, y: float, size_wh: tuple[int, int], tol: float = 0.0) -> int:
    """Index of the smallest box containing pixel ``(x, y)`` (grown by ``tol``), or ``-1``."""
    if not len(boxes):
        return -1
    xyxy = boxes.to_xyxy(size_wh)
    inside = ((xyxy[:, 0] - tol <= x) & (x <= xyxy[:, 2] + tol)
              & (xyxy[:, 1] - tol <= y) & (y <= xyxy[:, 3] + tol))
    if not inside.any():
        return -1
    area = (xyxy[:, 2] - xyxy[:, 0]) * (xyxy[:, 3] - xyxy[:, 1])
    area = np.where(inside, area, np.inf)
    return int(np.argmin(area))


def handle_positions(xyxy: Sequence[float]) -> dict[str, tuple[float, float]]:
    """Pixel position of each resize handle of a box."""
    x1, y1, x2, y2 = xyxy
    xs = {-1: x1, 0: (x1 + x2) / 2, 1: x2}
    ys = {-1: y1, 0: (y1 + y2) / 2, 1: y2}
    return {name: (xs[sx], ys[sy]) for name, (sx, sy) in HANDLES.items()}


def handle_at(xyxy: Sequence[float], x: float, y: float, tol: float) -> str | None:
    """The handle of a box within ``tol`` pixels of ``(x, y)``, corners first."""
    best, best_d = None, tol
    for name, (hx, hy) in handle_positions(xyxy).items():
        d = max(abs(hx - x), abs(hy - y))
        if d <= best_d and (best is None or len(name) >= len(best) or d < best_d):
            best, best_d = name, d
    return best
