"""Boxes: the one container for detection boxes in studio (labels, proposals, predictions).

Parallel numpy arrays, validated on construction; operations return new objects.

Example:
    >>> b = Boxes.from_rows([(0, 0.5, 0.5, 0.2, 0.1)])
    >>> len(b), b.class_id.tolist()
    (1, [0])
    >>> b.to_xyxy((100, 50)).round(1).tolist()
    [[40.0, 22.5, 60.0, 27.5]]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, eq=False)
class Boxes:
    """N boxes: ``xywhn`` (N, 4) normalized center/size, ``class_id`` (N,), optional ``confidence``."""

    xywhn: np.ndarray
    class_id: np.ndarray
    confidence: np.ndarray | None = None

    def __post_init__(self) -> None:
        xywhn = np.asarray(self.xywhn, dtype=np.float64).reshape(-1, 4)
        class_id = np.asarray(self.class_id, dtype=np.int64).reshape(-1)
        if len(xywhn) != len(class_id):
            raise ValueError(f"{len(xywhn)} boxes but {len(class_id)} class ids")
        object.__setattr__(self, "xywhn", xywhn)
        object.__setattr__(self, "class_id", class_id)
        if self.confidence is not None:
            conf = np.asarray(self.confidence, dtype=np.float64).reshape(-1)
            if len(conf) != len(xywhn):
                raise ValueError(f"{len(xywhn)} boxes but {len(conf)} confidences")
            object.__setattr__(self, "confidence", conf)

    @classmethod
    def empty(cls) -> Boxes:
        """No boxes."""
        return cls(np.zeros((0, 4)), np.zeros((0,), np.int64))

    @classmethod
    def from_rows(cls, rows: Iterable[Sequence[float]]) -> Boxes:
        """Build from ``(class, cx, cy, w, h)`` rows."""
        arr = np.asarray(list(rows), dtype=np.float64).reshape(-1, 5)
        return cls(arr[:, 1:5], arr[:, 0].astype(np.int64))

    @classmethod
    def from_xyxy(cls, xyxy: np.ndarray, class_id: np.ndarray, size_wh: tuple[int, int],
                  confidence: np.ndarray | None = None) -> Boxes:
        """Build from pixel corners in an image of ``size_wh``."""
        w, h = size_wh
        xyxy = np.asarray(xyxy, dtype=np.float64).reshape(-1, 4)
        xywhn = np.stack([(xyxy[:, 0] + xyxy[:, 2]) / 2 / w, (xyxy[:, 1] + xyxy[:, 3]) / 2 / h,
                          (xyxy[:, 2] - xyxy[:, 0]) / w, (xyxy[:, 3] - xyxy[:, 1]) / h], axis=1)
        return cls(xywhn, class_id, confidence)

    def __len__(self) -> int:
        return len(self.class_id)

    def __getitem__(self, index: int | slice | np.ndarray) -> Boxes:
        if isinstance(index, (int, np.integer)):
            index = slice(index, index + 1 if index != -1 else None)
        conf = None if self.confidence is None else self.confidence[index]
        return Boxes(self.xywhn[index], self.class_id[index], conf)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Boxes):
            return NotImplemented
        same_conf = (self.confidence is None) == (other.confidence is None) and (
            self.confidence is None or np.array_equal(self.confidence, other.confidence))
        return (np.array_equal(self.xywhn, other.xywhn)
                and np.array_equal(self.class_id, other.class_id) and same_conf)

    def rows(self) -> list[tuple[int, float, float, float, float]]:
        """The boxes as ``(class, cx, cy, w, h)`` tuples."""
        return [(int(c), *map(float, b)) for c, b in zip(self.class_id, self.xywhn)]

    def to_xyxy(self, size_wh: tuple[int, int]) -> np.ndarray:
        """Pixel corners (N, 4) in an image of ``size_wh``."""
        w, h = size_wh
        cx, cy, bw, bh = self.xywhn.T
        return np.stack([(cx - bw / 2) * w, (cy - bh / 2) * h, (cx + bw / 2) * w, (cy + bh / 2) * h],
                        axis=1)

    def merge(self, other: Boxes) -> Boxes:
        """These boxes followed by ``other``'s (confidence kept only if both have it)."""
        conf = None
        if self.confidence is not None and other.confidence is not None:
            conf = np.concatenate([self.confidence, other.confidence])
        return Boxes(np.concatenate([self.xywhn, other.xywhn]),
                     np.concatenate([self.class_id, other.class_id]), conf)

    def clipped(self) -> Boxes:
        """A copy with every box clipped to the unit square (the image)."""
        x1y1 = np.clip(self.xywhn[:, :2] - self.xywhn[:, 2:] / 2, 0.0, 1.0)
        x2y2 = np.clip(self.xywhn[:, :2] + self.xywhn[:, 2:] / 2, 0.0, 1.0)
        xywhn = np.concatenate([(x1y1 + x2y2) / 2, x2y2 - x1y1], axis=1)
        return Boxes(xywhn, self.class_id, self.confidence)
