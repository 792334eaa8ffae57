"""Foreign shapes to YOLO rows, with each source tool's own pixel convention.

- Pascal VOC (LabelImg): corners are integers; LabelImg's own YOLO writer takes
  ``int()`` of each corner, raises ``xmin``/``ymin`` below 1 to 1, and divides
  ``(xmin + xmax) / 2`` and ``xmax - xmin`` by the real image size (``BndBox2YoloLine``).
- labelme, COCO, CVAT: float pixel corners, ``(x1 + x2) / 2 / W`` and ``(x2 - x1) / W``
  (Ultralytics' ``convert_coco`` for COCO's ``[x, y, w, h]``).

Boxes reaching outside the image are clipped to it and reported; boxes entirely outside, or of
zero size, are reported and left out. A stated image size that disagrees with the image is
reported; the real size is used.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from studio.core.i18n import QT_TRANSLATE_NOOP, Message
from studio.core.interchange.foreign import ForeignImage, ForeignShape
from studio.core.labels.boxes import Boxes
from studio.core.labels.yolo import KeptLine

EDGE_TOLERANCE_PX = 0.01  # rounding in other tools' files: clipped without a word


@dataclass
class Converted:
    """One image's rows in dataset class ids: boxes, and polygons kept as segment rows."""

    boxes: Boxes
    segments: list[KeptLine] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    dropped: dict[str, int] = field(default_factory=dict)


def voc_corners(xyxy: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """LabelImg's corners for its YOLO writer: ``int()`` of each, xmin/ymin at least 1."""
    x1, y1, x2, y2 = (int(v) for v in xyxy)
    return float(max(x1, 1)), float(max(y1, 1)), float(x2), float(y2)


def convert_image(image: ForeignImage, fmt: str, real_wh: tuple[int, int], class_ids: dict[str, int | None],
                  skip_difficult: bool = False, segments: bool = False) -> Converted:
    """Rows for ``image`` on an image of ``real_wh``; ``class_ids`` maps names to ids (``None``: dropped)."""
    out = Converted(Boxes.empty())
    w, h = real_wh
    if image.size is not None and tuple(image.size) != (w, h):
        out.problems.append(Message(QT_TRANSLATE_NOOP("studio.core", "the file says the image is {sw}x{sh}, it is {w}x{h}; the real size is used"), sw=image.size[0], sh=image.size[1], w=w, h=h))
    rows, segs = [], []
    for shape in image.shapes:
        cid = class_ids.get(shape.name)
        if cid is None:
            out.dropped[f"class '{shape.name}' (dropped)"] = out.dropped.get(f"class '{shape.name}' (dropped)", 0) + 1
            continue
        if shape.difficult and skip_difficult:
            out.dropped["difficult"] = out.dropped.get("difficult", 0) + 1
            continue
        box = _box(shape, fmt, (w, h), out.problems)
        if box is None:
            continue
        if segments and shape.polygon is not None:
            segs.append(_segment_row(cid, shape.polygon, (w, h)))
        else:
            rows.append((cid, *box))
    out.boxes = Boxes.from_rows(rows) if rows else Boxes.empty()
    out.segments = [KeptLine(len(rows) + k + 1, line) for k, line in enumerate(segs)]
    return out


def _box(shape: ForeignShape, fmt: str, wh: tuple[int, int], problems: list[str]) -> tuple | None:
    """Normalized ``(cx, cy, bw, bh)`` of a shape, or ``None`` (reported) when it cannot be a box."""
    w, h = wh
    x1, y1, x2, y2 = voc_corners(shape.xyxy) if fmt == "voc" else shape.xyxy
    x1, x2 = min(x1, x2), max(x1, x2)
    y1, y2 = min(y1, y2), max(y1, y2)
    if x2 <= 0 or y2 <= 0 or x1 >= w or y1 >= h:
        problems.append(Message(QT_TRANSLATE_NOOP("studio.core", "'{name}' box ({box}) is outside the {w}x{h} image; left out"),
                                name=shape.name, box=_fmt(x1, y1, x2, y2), w=w, h=h))
        return None
    eps = EDGE_TOLERANCE_PX
    if x1 < -eps or y1 < -eps or x2 > w + eps or y2 > h + eps:
        problems.append(Message(QT_TRANSLATE_NOOP("studio.core", "'{name}' box ({box}) reaches outside the {w}x{h} image; clipped to it"), name=shape.name, box=_fmt(x1, y1, x2, y2), w=w, h=h))
    x1, y1, x2, y2 = max(x1, 0.0), max(y1, 0.0), min(x2, float(w)), min(y2, float(h))
    if x2 - x1 <= 0 or y2 - y1 <= 0:
        problems.append(Message(QT_TRANSLATE_NOOP("studio.core", "'{name}' box ({box}) has zero size; left out"), name=shape.name,
                                box=_fmt(x1, y1, x2, y2)))
        return None
    return (x1 + x2) / 2 / w, (y1 + y2) / 2 / h, (x2 - x1) / w, (y2 - y1) / h


def _fmt(*values: float) -> str:
    return ", ".join(f"{v:g}" for v in values)


def _segment_row(class_id: int, polygon: np.ndarray, wh: tuple[int, int]) -> bytes:
    """An Ultralytics segment row: class, then normalized x y pairs (clipped to the image)."""
    pts = np.clip(polygon / np.array(wh, np.float64), 0.0, 1.0)
    return (f"{class_id} " + " ".join(f"{v:.6f}" for v in pts.reshape(-1))).encode()
