"""Sliced inference for small objects in large images (the SAHI idea): run the detector on
overlapping tiles as well as on the whole image, map tile boxes back, merge with NMS.

Cost grows with the tile count (shown by ``tile_count`` before a run), so it is opt-in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import cv2
import numpy as np

from studio.core.labels.boxes import Boxes


def tile_origins(size: int, tile: int, overlap: float) -> list[int]:
    """Start offsets of tiles of ``tile`` px covering ``size`` px with the given overlap."""
    if size <= tile:
        return [0]
    step = max(1, int(tile * (1 - overlap)))
    starts = list(range(0, size - tile, step))
    starts.append(size - tile)
    return sorted(set(starts))


def tile_count(size_wh: tuple[int, int], tile: int, overlap: float) -> int:
    """How many tiles an image of ``size_wh`` needs (whole-image pass not counted)."""
    w, h = size_wh
    return len(tile_origins(w, tile, overlap)) * len(tile_origins(h, tile, overlap))


def nms_merge(xyxy: np.ndarray, conf: np.ndarray, cls: np.ndarray, iou: float) -> np.ndarray:
    """Indices kept by class-aware non-maximum suppression (OpenCV's NMSBoxes per class)."""
    keep: list[int] = []
    for c in np.unique(cls):
        idx = np.nonzero(cls == c)[0]
        rects = [[float(x1), float(y1), float(x2 - x1), float(y2 - y1)] for x1, y1, x2, y2 in xyxy[idx]]
        kept = cv2.dnn.NMSBoxes(rects, conf[idx].astype(float).tolist(), 0.0, iou)
        keep += [int(idx[int(k)]) for k in np.asarray(kept).reshape(-1)]
    return np.array(sorted(keep), dtype=np.int64)


def suppress_contained(xyxy: np.ndarray, conf: np.ndarray, cls: np.ndarray, ratio: float) -> np.ndarray:
    """Indices kept after dropping boxes lying mostly (``ratio`` of their area) inside a
    same-class box of higher confidence: parts of one object seen by a tile."""
    order = np.argsort(-conf)
    kept: list[int] = []
    for i in order:
        x1, y1, x2, y2 = xyxy[i]
        area = max((x2 - x1) * (y2 - y1), 1e-9)
        inside = False
        for j in kept:
            if cls[j] != cls[i]:
                continue
            ix = max(0.0, min(x2, xyxy[j, 2]) - max(x1, xyxy[j, 0]))
            iy = max(0.0, min(y2, xyxy[j, 3]) - max(y1, xyxy[j, 1]))
            if ix * iy / area >= ratio:
                inside = True
                break
        if not inside:
            kept.append(int(i))
    return np.array(sorted(kept), dtype=np.int64)


@dataclass
class SlicedDetector:
    """Wraps a ``Detector``: whole image plus tiles, merged. Images are BGR arrays.

    Tile detections cut by an inner tile edge are dropped; the rest are merged by
    class-aware NMS.
    """

    detector: object
    tile: int = 640
    overlap: float = 0.2
    merge_iou: float = 0.5
    edge_margin: float = 2.0
    contained: float = 0.7

    def __call__(self, images: Sequence[np.ndarray]) -> list[Boxes]:
        return [self._one(img) for img in images]

    def _one(self, img: np.ndarray) -> Boxes:
        h, w = img.shape[:2]
        crops, offsets = [img], [(0, 0, w, h)]
        for y in tile_origins(h, self.tile, self.overlap):
            for x in tile_origins(w, self.tile, self.overlap):
                tw, th = min(self.tile, w), min(self.tile, h)
                if (tw, th) == (w, h):
                    continue
                crops.append(img[y:y + th, x:x + tw])
                offsets.append((x, y, tw, th))
        all_xyxy, all_conf, all_cls = [], [], []
        for crop, (x, y, tw, th) in zip(crops, offsets):
            boxes = self.detector([crop])[0]
            if not len(boxes):
                continue
            local = boxes.to_xyxy((tw, th))
            conf = boxes.confidence if boxes.confidence is not None else np.ones(len(boxes))
            cls = boxes.class_id
            if (tw, th) != (w, h):
                # A box touching a tile edge that is inside the image is an object cut by the
                # tile: the whole-image pass or an overlapping tile sees it whole.
                m = self.edge_margin
                cut = (((local[:, 0] <= m) & (x > 0)) | ((local[:, 1] <= m) & (y > 0))
                       | ((local[:, 2] >= tw - m) & (x + tw < w)) | ((local[:, 3] >= th - m) & (y + th < h)))
                local, conf, cls = local[~cut], conf[~cut], cls[~cut]
            all_xyxy.append(local + np.array([x, y, x, y]))
            all_conf.append(conf)
            all_cls.append(cls)
        if not all_xyxy:
            return Boxes(np.zeros((0, 4)), np.zeros(0, np.int64), np.zeros(0))
        xyxy, conf, cls = np.concatenate(all_xyxy), np.concatenate(all_conf), np.concatenate(all_cls)
        keep = nms_merge(xyxy, conf, cls, self.merge_iou)
        keep = keep[suppress_contained(xyxy[keep], conf[keep], cls[keep], self.contained)]
        return Boxes.from_xyxy(xyxy[keep], cls[keep], (w, h), conf[keep])


def estimate_cost(size_wh: tuple[int, int], tile: int, overlap: float) -> str:
    """A one-line cost estimate, e.g. '1 + 12 tiles: about 13x the time of whole-image inference'."""
    n = tile_count(size_wh, tile, overlap)
    return f"1 + {n} tiles: about {n + 1}x the time of whole-image inference"
