"""numpy BGR images to QImage (shared by the annotation canvas and the preprocessing view)."""

from __future__ import annotations

import numpy as np
from PyQt6.QtGui import QImage


def to_qimage(bgr: np.ndarray) -> QImage:
    """A deep-copied ``QImage`` of a BGR uint8 array (safe to hand across threads)."""
    bgr = np.ascontiguousarray(bgr)
    h, w = bgr.shape[:2]
    return QImage(bgr.data, w, h, int(bgr.strides[0]), QImage.Format.Format_BGR888).copy()
