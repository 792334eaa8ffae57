"""What a reader makes of another tool's file: images, each with named shapes in pixels.

Readers never guess: a value that is not a number (``"12"`` where a number belongs, a
missing corner) is a problem named with its file, and the shape is left out; the rest of the
file is read on.

Example:
    >>> number("12.5"), number(3)
    (None, 3.0)
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

FORMATS = ("voc", "labelme", "coco", "cvat")


@dataclass
class ForeignShape:
    """One labeled shape, in the source image's pixels."""

    name: str
    xyxy: tuple[float, float, float, float]
    polygon: np.ndarray | None = None  # (n, 2) pixel points, when the source shape was a polygon
    difficult: bool = False
    truncated: bool = False
    rotated: bool = False


@dataclass
class ForeignImage:
    """One image as another tool described it."""

    source: str  # the file the description came from
    image_ref: str  # the image as the file names it (a path or a file name)
    size: tuple[int, int] | None = None  # (w, h) as the file states it
    shapes: list[ForeignShape] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)  # left-out or noted shapes by reason

    def count(self, reason: str, n: int = 1) -> None:
        """Note ``n`` shapes left out (or changed) for ``reason``."""
        if n:
            self.counts[reason] = self.counts.get(reason, 0) + n


@dataclass
class ReadResult:
    """Everything read from the source: images, and problems of whole files."""

    images: list[ForeignImage] = field(default_factory=list)
    file_problems: list[tuple[str, str]] = field(default_factory=list)  # (file, message)


def number(value: Any) -> float | None:
    """``value`` as a finite float when it is a JSON/XML number; strings in JSON are refused."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    out = float(value)
    return out if math.isfinite(out) else None


def xml_number(text: str | None) -> float | None:
    """An XML element's text as a finite float (XML has only text), or ``None``."""
    if text is None:
        return None
    try:
        out = float(text.strip())
    except ValueError:
        return None
    return out if math.isfinite(out) else None


def bounds(points: np.ndarray) -> tuple[float, float, float, float]:
    """The axis-aligned bounds of pixel points."""
    return float(points[:, 0].min()), float(points[:, 1].min()), float(points[:, 0].max()), float(points[:, 1].max())
