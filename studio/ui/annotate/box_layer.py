"""Many boxes, drawn once: above ``MANY`` visible boxes the canvas paints them into an image of
the viewport, kept until the boxes, the selection or the view change.

A label file can hold hundreds of thousands of rows. Drawing them is a few hundred
milliseconds; drawing them again for every unrelated repaint (a progress bar, the cursor)
would keep a core busy for good. With the layer, such repaints are one image blit.

When only a few boxes change (a nudge, a new selection, a deleted box), only the pixels
around their old and new places are drawn again: every box touching that patch is redrawn
into it in the same order as a full drawing, so the patched layer equals a fresh one (tested).
Drawing is OpenCV's ``polylines`` on a numpy buffer, one call per class.
"""

from __future__ import annotations

import cv2
import numpy as np
from PyQt6.QtGui import QImage, QPainter, QTransform

from studio.ui.colors import class_color

MANY = 5000  # visible boxes above which the layer is used (and captions are not drawn)
PATCH_LIMIT = 64  # changed boxes up to which the layer is patched instead of redrawn
_MARGIN = 2  # pixels around a box that its selection outline (3 px) can reach


class BoxLayer:
    """The cached drawing of many boxes for one view."""

    def __init__(self) -> None:
        self._view: tuple | None = None
        self._rects = np.zeros((0, 4), np.int32)
        self._class_id = np.zeros(0, np.int64)
        self._selected: frozenset[int] = frozenset()
        self._buffer: np.ndarray | None = None
        self._image: QImage | None = None
        self.patched = 0  # how many paints were patches (for tests and benchmarks)

    def paint(self, painter: QPainter, xyxy: np.ndarray, class_id: np.ndarray, selected: set[int],
              view_transform: QTransform, viewport: tuple[int, int], identity: object) -> None:
        """Blit the layer, drawing first what changed since the last paint."""
        t = view_transform
        view = (identity, viewport, (t.m11(), t.m12(), t.m21(), t.m22(), t.dx(), t.dy()))
        rects = _viewport_rects(xyxy, t)
        class_id = np.asarray(class_id, np.int64)
        chosen = frozenset(i for i in selected if 0 <= i < len(rects))
        if view != self._view or self._buffer is None or len(rects) != len(self._rects):
            self._redraw(rects, class_id, chosen, viewport)
        else:
            self._update(rects, class_id, chosen)
        self._view = view
        painter.save()
        painter.setTransform(QTransform())  # the layer is in viewport pixels
        painter.drawImage(0, 0, self._image)
        painter.restore()

    def _redraw(self, rects: np.ndarray, class_id: np.ndarray, selected: frozenset[int],
                viewport: tuple[int, int]) -> None:
        w, h = max(1, viewport[0]), max(1, viewport[1])
        self._buffer = draw_boxes(rects, class_id, selected, (0, 0, w, h))
        self._image = QImage(self._buffer.data, w, h, 4 * w, QImage.Format.Format_ARGB32_Premultiplied)
        self._rects, self._class_id, self._selected = rects, class_id, selected

    def _update(self, rects: np.ndarray, class_id: np.ndarray, selected: frozenset[int]) -> None:
        moved = np.flatnonzero((rects != self._rects).any(axis=1) | (class_id != self._class_id))
        changed = np.union1d(moved, np.fromiter(selected ^ self._selected, np.int64))
        if not len(changed):
            return
        if len(changed) > PATCH_LIMIT:
            h, w = self._buffer.shape[:2]
            self._redraw(rects, class_id, selected, (w, h))
            return
        h, w = self._buffer.shape[:2]
        for box in np.r_[self._rects[changed], rects[changed]]:
            x0, y0 = max(0, int(box[0]) - _MARGIN), max(0, int(box[1]) - _MARGIN)
            x1, y1 = min(w, int(box[2]) + _MARGIN + 1), min(h, int(box[3]) + _MARGIN + 1)
            if x0 < x1 and y0 < y1:
                self._buffer[y0:y1, x0:x1] = draw_boxes(rects, class_id, selected, (x0, y0, x1, y1))
        self._rects, self._class_id, self._selected = rects, class_id, selected
        self.patched += 1


def _viewport_rects(xyxy: np.ndarray, t: QTransform) -> np.ndarray:
    """Scene corners to whole viewport pixels (no rotation in this view: x' = m11 x + dx)."""
    sx, sy, dx, dy = t.m11(), t.m22(), t.dx(), t.dy()
    v = np.c_[xyxy[:, 0] * sx + dx, xyxy[:, 1] * sy + dy, xyxy[:, 2] * sx + dx, xyxy[:, 3] * sy + dy]
    return np.rint(np.clip(v, -1e6, 1e6)).astype(np.int32)


def draw_boxes(rects: np.ndarray, class_id: np.ndarray, selected: frozenset[int],
               window: tuple[int, int, int, int]) -> np.ndarray:
    """The pixels of ``window`` (x0, y0, x1, y1 in viewport pixels) with every box outline that
    touches it: 1 px in its class colour, class by class in ascending order, then the selected
    boxes 3 px wide. Premultiplied BGRA, transparent elsewhere."""
    x0, y0, x1, y1 = window
    out = np.zeros((y1 - y0, x1 - x0, 4), np.uint8)
    touches = ((rects[:, 2] >= x0 - _MARGIN) & (rects[:, 0] < x1 + _MARGIN)
               & (rects[:, 3] >= y0 - _MARGIN) & (rects[:, 1] < y1 + _MARGIN))
    shift = np.array([x0, y0, x0, y0], np.int32)
    for cls in np.unique(class_id[touches]).tolist():
        rows = np.flatnonzero(touches & (class_id == cls))
        cv2.polylines(out, _outlines(rects[rows] - shift), True, _bgra(cls), 1, cv2.LINE_8)
    for i in sorted(selected):
        if touches[i]:
            cv2.polylines(out, _outlines(rects[i:i + 1] - shift), True, _bgra(int(class_id[i])), 3, cv2.LINE_8)
    return out


def _outlines(rects: np.ndarray) -> list[np.ndarray]:
    """Each rectangle as its four corners, the point lists ``cv2.polylines`` takes."""
    x1, y1, x2, y2 = rects[:, 0], rects[:, 1], rects[:, 2], rects[:, 3]
    return list(np.stack([np.c_[x1, y1], np.c_[x2, y1], np.c_[x2, y2], np.c_[x1, y2]], axis=1))


def _bgra(cls: int) -> tuple[int, int, int, int]:
    color = class_color(cls)
    return (color.blue(), color.green(), color.red(), 255)
