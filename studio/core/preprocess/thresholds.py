"""Every automatic threshold of an image at once: ``studio thresholds`` and the "Try all" montage.

ImageJ's numbers are defined for 8-bit images, so an image is refused with a reason when it
is not one (16-bit, float), when transparent pixels make "which pixels count" ambiguous, or
when it cannot be read at all. Colour images use studio's gray conversion (OpenCV's weights);
ImageJ's own RGB -> 8-bit is unweighted by default, so a colour photo's numbers match ImageJ
after converting it the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np

from studio.core.preprocess.functions import as_gray, threshold_of
from studio.core.preprocess.imagej import IMAGEJ_METHODS, gray_histogram, imagej_threshold
from studio.core.preprocess.ops import LEGACY_THRESHOLDS

ALL_METHODS = IMAGEJ_METHODS + LEGACY_THRESHOLDS


class ThresholdImageError(ValueError):
    """An image studio cannot threshold as ImageJ would; the message says why."""


@dataclass
class Thresholds:
    """What each method picks for one image, and which of them failed (threshold 0, as ImageJ)."""

    values: dict[str, float] = field(default_factory=dict)
    failed: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        """``{method: threshold, ..., "failed": [...]}`` (whole numbers for ImageJ's methods)."""
        out: dict = {m: (int(v) if float(v).is_integer() else v) for m, v in self.values.items()}
        out["failed"] = list(self.failed)
        return out


def read_gray(path: str | Path) -> np.ndarray:
    """An 8-bit gray image to threshold, or ``ThresholdImageError`` saying why not."""
    try:
        data = np.fromfile(str(path), np.uint8)
    except OSError as exc:
        raise ThresholdImageError(f"cannot read the file ({exc.strerror or exc})") from exc
    img = cv2.imdecode(data, cv2.IMREAD_UNCHANGED) if data.size else None
    if img is None:
        raise ThresholdImageError("not a readable image" if data.size else "the file is empty")
    if img.dtype != np.uint8:
        bits = img.dtype.itemsize * 8
        raise ThresholdImageError(f"a {bits}-bit image: ImageJ's thresholds here are for 8-bit images; "
                                  "convert it to 8-bit first")
    if img.ndim == 3 and img.shape[2] == 4:
        if (img[..., 3] < 255).any():
            raise ThresholdImageError("has transparent pixels, so which pixels count is ambiguous; "
                                      "flatten it onto a background first")
        img = np.ascontiguousarray(img[..., :3])
    if img.ndim == 3 and img.shape[2] == 1:
        img = img[..., 0]
    if img.shape[0] * img.shape[1] < 2:
        raise ThresholdImageError("has a single pixel; a threshold needs at least two")
    return as_gray(img)


def thresholds_of(gray: np.ndarray, methods: tuple[str, ...] = IMAGEJ_METHODS, ignore_black: bool = False,
                  ignore_white: bool = False) -> Thresholds:
    """Each method's threshold for a gray image (one histogram for all of ImageJ's methods)."""
    result = Thresholds()
    hist = gray_histogram(gray) if any(m in IMAGEJ_METHODS for m in methods) else None
    for method in methods:
        if method in IMAGEJ_METHODS:
            t, failed = imagej_threshold(hist, method, ignore_black, ignore_white)
        else:
            try:
                t, failed = threshold_of(gray, method, ignore_black, ignore_white)
            except ValueError:  # scikit-image's minimum on a histogram without two peaks
                t, failed = 0.0, True
        result.values[method] = float(t)
        if failed:
            result.failed.append(method)
    return result


def try_all_masks(gray: np.ndarray, thresholds: Thresholds, tile_wh: tuple[int, int]) -> dict[str, np.ndarray]:
    """Each method's mask (255 = foreground, above its threshold) shrunk to ``tile_wh``."""
    masks = {}
    for method, t in thresholds.values.items():
        mask = cv2.threshold(gray, t, 255, cv2.THRESH_BINARY)[1]  # 8-bit: src > floor(t), i.e. > t
        masks[method] = cv2.resize(mask, tile_wh, interpolation=cv2.INTER_AREA)
    return masks
