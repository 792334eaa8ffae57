"""Export a dataset back to the tool it came from: Pascal VOC (LabelImg), labelme JSON, COCO.

Registered as exporters (``studio export DATASET DEST --format voc|labelme|coco``). Files are
written below ``DEST`` at the images' relative paths; each write is atomic. What each format
cannot hold is left out: segment rows and other lines studio keeps verbatim (all three), and
fractions of a pixel (VOC stores integer corners, LabelImg's way: rounded, at least 1).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from xml.sax.saxutils import escape

from studio.core.atomic import atomic_write_text
from studio.core.dataset.imageio import ImageReadError, read_image_size
from studio.core.dataset.index import ImageIndex
from studio.core.dataset.layout import Dataset
from studio.core.jobs import EtaClock, Progress
from studio.core.labels.boxes import Boxes
from studio.core.labels.yolo import load_yolo_labels


def _labeled(dataset: Dataset, index: ImageIndex) -> Iterator[tuple[str, Boxes, tuple[int, int]]]:
    """``(rel, boxes, (w, h))`` of every image with a label file (negatives included)."""
    for rel in index.paths:
        label = dataset.label_path(rel)
        if not label.exists():
            continue
        try:
            wh = read_image_size(dataset.image_path(rel))
        except ImageReadError:
            continue
        yield rel, load_yolo_labels(label, len(dataset.classes.names)).boxes, wh


def _name(dataset: Dataset, cls: int) -> str:
    names = dataset.classes.names
    return names[cls] if 0 <= cls < len(names) else str(cls)


def voc_xml(dataset: Dataset, rel: str, boxes: Boxes, wh: tuple[int, int]) -> str:
    """One LabelImg-style VOC file: corners as LabelImg writes them from YOLO rows."""
    w, h = wh
    objs = []
    for (cx, cy, bw, bh), cls in zip(boxes.xywhn, boxes.class_id):
        x1, x2 = round(w * max(cx - bw / 2, 0)), round(w * min(cx + bw / 2, 1))
        y1, y2 = round(h * max(cy - bh / 2, 0)), round(h * min(cy + bh / 2, 1))
        objs.append(f"\t<object>\n\t\t<name>{escape(_name(dataset, int(cls)))}</name>\n\t\t<pose>Unspecified</pose>\n"
                    f"\t\t<truncated>0</truncated>\n\t\t<difficult>0</difficult>\n\t\t<bndbox>\n"
                    f"\t\t\t<xmin>{max(x1, 1)}</xmin>\n\t\t\t<ymin>{max(y1, 1)}</ymin>\n\t\t\t<xmax>{x2}</xmax>\n"
                    f"\t\t\t<ymax>{y2}</ymax>\n\t\t</bndbox>\n\t</object>\n")
    path = Path(rel)
    return (f"<annotation>\n\t<folder>{escape(path.parent.name)}</folder>\n\t<filename>{escape(path.name)}</filename>\n"
            f"\t<path>{escape(str(dataset.image_path(rel)))}</path>\n\t<source>\n\t\t<database>Unknown</database>\n"
            f"\t</source>\n\t<size>\n\t\t<width>{w}</width>\n\t\t<height>{h}</height>\n\t\t<depth>3</depth>\n"
            f"\t</size>\n\t<segmented>0</segmented>\n{''.join(objs)}</annotation>\n")


def labelme_json(dataset: Dataset, rel: str, boxes: Boxes, wh: tuple[int, int], json_path: Path) -> str:
    """One labelme JSON: rectangles in pixels, the image referenced relative to the JSON."""
    w, h = wh
    shapes = [{"label": _name(dataset, int(cls)), "points": [[(cx - bw / 2) * w, (cy - bh / 2) * h],
                                                             [(cx + bw / 2) * w, (cy + bh / 2) * h]],
               "group_id": None, "description": "", "shape_type": "rectangle", "flags": {}}
              for (cx, cy, bw, bh), cls in zip(boxes.xywhn.tolist(), boxes.class_id.tolist())]
    image_path = os.path.relpath(dataset.image_path(rel), json_path.parent)
    return json.dumps({"version": "5.5.0", "flags": {}, "shapes": shapes, "imagePath": image_path,
                       "imageData": None, "imageHeight": h, "imageWidth": w}, ensure_ascii=False, indent=2)


def _write_each(dataset: Dataset, index: ImageIndex, dest: Path, suffix: str, stage: str,
                render: Callable[[str, Boxes, tuple[int, int], Path], str]) -> Iterator[Progress]:
    """One file per labeled image at its relative path below ``dest`` (atomic writes)."""
    items = list(_labeled(dataset, index))
    clock = EtaClock(len(items))
    for k, (rel, boxes, wh) in enumerate(items, 1):
        target = (dest / rel).with_suffix(suffix)
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(target, render(rel, boxes, wh, target))
        yield clock.progress(k, stage)


def export_voc(dataset: Dataset, index: ImageIndex, dest: Path) -> Iterator[Progress]:
    """Exporter ``voc``: one Pascal VOC XML per labeled image, below ``dest``."""
    return _write_each(dataset, index, dest, ".xml", "voc",
                       lambda rel, boxes, wh, _target: voc_xml(dataset, rel, boxes, wh))


def export_labelme(dataset: Dataset, index: ImageIndex, dest: Path) -> Iterator[Progress]:
    """Exporter ``labelme``: one labelme JSON per labeled image, below ``dest``."""
    return _write_each(dataset, index, dest, ".json", "labelme",
                       lambda rel, boxes, wh, target: labelme_json(dataset, rel, boxes, wh, target))


def export_coco(dataset: Dataset, index: ImageIndex, dest: Path) -> Iterator[Progress]:
    """Exporter ``coco``: ``dest/annotations.json`` for every labeled image (category id = class id + 1)."""
    from studio.core.dataset.export import write_coco

    items = [(rel, dataset.image_path(rel), boxes) for rel, boxes, _wh in _labeled(dataset, index)]
    write_coco(dest / "annotations.json", items, dataset.classes.names)
    yield Progress(1, 1, stage="coco")
