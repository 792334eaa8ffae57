"""Many boxes, drawn once: above ``MANY`` visible boxes the canvas paints them into an image of
the viewport, kept until the boxes, the selection or the view change.

A label file can hold hundreds of thousands of rows. Drawing them is a few hundred
milliseconds; drawing them again for every unrelated repaint (a progress bar, the cursor)
would keep a core busy for good. With the layer, such repaints are one image blit.
"""

from __future__ import annotations

import numpy as np
from PyQt6.QtCore import QRectF, Qt
from PyQt6.QtGui import QImage, QPainter, QPen, QTransform

from studio.ui.colors import class_color

MANY = 5000  # visible boxes above which the layer is used (and captions are not drawn)


class BoxLayer:
    """The cached drawing of many boxes for one view."""

    def __init__(self) -> None:
        self._key: tuple | None = None
        self._image: QImage | None = None

    def paint(self, painter: QPainter, xyxy: np.ndarray, class_id: np.ndarray, selected: set[int],
              view_transform: QTransform, viewport: tuple[int, int], identity: object) -> None:
        """Blit the layer, drawing it first when the boxes, selection or view changed."""
        t = view_transform
        key = (identity, len(xyxy), tuple(sorted(selected)), viewport,
               (t.m11(), t.m12(), t.m21(), t.m22(), t.dx(), t.dy()))
        if key != self._key or self._image is None:
            self._image = self._draw(xyxy, class_id, selected, view_transform, viewport)
            self._key = key
        painter.save()
        painter.setTransform(QTransform())  # the layer is in viewport pixels
        painter.drawImage(0, 0, self._image)
        painter.restore()

    @staticmethod
    def _draw(xyxy: np.ndarray, class_id: np.ndarray, selected: set[int], t: QTransform,
              viewport: tuple[int, int]) -> QImage:
        w, h = max(1, viewport[0]), max(1, viewport[1])
        image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        # scene -> viewport: x' = m11 x + m21 y + dx (no rotation in this view)
        sx, sy, dx, dy = t.m11(), t.m22(), t.dx(), t.dy()
        v = np.c_[xyxy[:, 0] * sx + dx, xyxy[:, 1] * sy + dy, xyxy[:, 2] * sx + dx, xyxy[:, 3] * sy + dy]
        inside = (v[:, 2] >= 0) & (v[:, 0] <= w) & (v[:, 3] >= 0) & (v[:, 1] <= h)
        painter = QPainter(image)
        for cls in np.unique(class_id[inside]):
            rows = np.flatnonzero(inside & (class_id == cls))
            painter.setPen(QPen(class_color(int(cls)), 1))
            painter.drawRects([QRectF(x1, y1, x2 - x1, y2 - y1) for x1, y1, x2, y2 in v[rows].tolist()])
        for i in selected:
            if 0 <= i < len(v):
                x1, y1, x2, y2 = v[i]
                painter.setPen(QPen(class_color(int(class_id[i])), 3))
                painter.drawRect(QRectF(x1, y1, x2 - x1, y2 - y1))
        painter.end()
        return image
