"""Dataset statistics from a survey: classes, box sizes, centres, boxes per image, images.

Size bands follow COCO: small < 32² px, medium < 96² px, large otherwise, on the box's
pixel area in the image as Ultralytics loads it (EXIF orientation applied). Negatives
(empty label file) are counted apart from unlabeled images (no label file).
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from studio.core.atomic import atomic_write_text
from studio.core.insight.survey import Survey
from studio.core.labels.yolo import LabelState

SMALL, MEDIUM = 32**2, 96**2
HEATMAP_BINS = 32


@dataclass(frozen=True)
class ClassStats:
    """One class across the dataset."""

    class_id: int
    name: str
    boxes: int
    images: int
    share: float  # of all boxes
    per_split: dict[str, int]


@dataclass
class DatasetStats:
    """Everything the statistics view and ``studio stats`` show."""

    classes: list[ClassStats]
    images: int
    labeled: int
    negatives: int
    unlabeled: int
    unreadable: int
    boxes: int
    splits: dict[str, dict[str, int]]  # split -> images / labeled / negatives / unlabeled / boxes
    size_bands: dict[str, int]  # small / medium / large / unknown
    size_bands_per_class: dict[int, dict[str, int]]
    box_area_px: np.ndarray  # per box, for the histogram (0 = unknown size)
    centers: np.ndarray  # (HEATMAP_BINS, HEATMAP_BINS) counts, row = y
    boxes_per_image: dict[int, int]  # n boxes -> images (labeled and negative images)
    image_sizes: list[tuple[int, int, int]]  # (width, height, images), most common first


def _band(area: np.ndarray) -> np.ndarray:
    return np.where(area <= 0, 3, np.where(area < SMALL, 0, np.where(area < MEDIUM, 1, 2)))


def dataset_stats(survey: Survey) -> DatasetStats:
    """Aggregate a survey (vectorized over boxes)."""
    names = survey.class_names
    images = survey.images
    split_of = np.array([im.split or "" for im in images], dtype=object)
    box_split = split_of[survey.box_image] if len(survey.box_image) else np.zeros(0, dtype=object)
    classes = sorted(set(range(len(names))) | {int(c) for c in np.unique(survey.box_class)})
    total = len(survey.box_class)
    wh = survey.box_wh_px
    area = wh[:, 0] * wh[:, 1] if len(wh) else np.zeros(0)
    bands = _band(area)
    band_names = ["small", "medium", "large", "unknown"]
    out_classes = []
    per_class_bands = {}
    for c in classes:
        m = survey.box_class == c
        per_split = dict(Counter(box_split[m].tolist())) if m.any() else {}
        out_classes.append(ClassStats(c, names[c] if c < len(names) else f"#{c}", int(m.sum()),
                                      int(len(np.unique(survey.box_image[m]))),
                                      float(m.sum() / total) if total else 0.0,
                                      {str(k): int(v) for k, v in per_split.items()}))
        per_class_bands[c] = {band_names[b]: int((bands[m] == b).sum()) for b in range(4)}
    states = Counter(im.label_state for im in images)
    splits: dict[str, dict[str, int]] = {}
    n_per_image = np.bincount(survey.box_image, minlength=len(images)) if images else np.zeros(0, int)
    for k, im in enumerate(images):
        s = splits.setdefault(im.split or "", {"images": 0, "labeled": 0, "negatives": 0, "unlabeled": 0, "boxes": 0})
        s["images"] += 1
        key = {LabelState.LABELED: "labeled", LabelState.NEGATIVE: "negatives",
               LabelState.UNLABELED: "unlabeled"}[im.label_state]
        s[key] += 1
        s["boxes"] += int(n_per_image[k])
    heat = np.zeros((HEATMAP_BINS, HEATMAP_BINS), np.int64)
    if total:
        xy = np.clip(survey.box_xywhn[:, :2], 0, 1 - 1e-9)
        heat, _, _ = np.histogram2d(xy[:, 1], xy[:, 0], bins=HEATMAP_BINS, range=[[0, 1], [0, 1]])
        heat = heat.astype(np.int64)
    with_file = np.array([im.label_state is not LabelState.UNLABELED for im in images], bool)
    per_image = Counter(n_per_image[with_file].tolist()) if images else Counter()
    sizes = Counter((im.width, im.height) for im in images if im.width)
    return DatasetStats(
        out_classes, len(images), states.get(LabelState.LABELED, 0), states.get(LabelState.NEGATIVE, 0),
        states.get(LabelState.UNLABELED, 0), sum(1 for im in images if not im.readable), total, splits,
        {band_names[b]: int((bands == b).sum()) for b in range(4)}, per_class_bands, area, heat,
        {int(k): int(v) for k, v in sorted(per_image.items())},
        [(w, h, n) for (w, h), n in sizes.most_common()])


def write_csv(stats: DatasetStats, folder: str | Path) -> list[Path]:
    """Write the statistics as CSV files (atomic, UTF-8); returns their paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    splits = sorted(stats.splits)

    def table(name: str, header: list[str], rows: list[list]) -> Path:
        import io

        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
        path = folder / name
        atomic_write_text(path, buf.getvalue())
        return path

    return [
        table("classes.csv", ["class_id", "name", "boxes", "images", "share", *[f"boxes_{s or 'all'}" for s in splits],
                              "small", "medium", "large"],
              [[c.class_id, c.name, c.boxes, c.images, f"{c.share:.6f}", *[c.per_split.get(s, 0) for s in splits],
                *[stats.size_bands_per_class[c.class_id][b] for b in ("small", "medium", "large")]]
               for c in stats.classes]),
        table("splits.csv", ["split", "images", "labeled", "negatives", "unlabeled", "boxes"],
              [[s or "all", *stats.splits[s].values()] for s in splits]),
        table("boxes_per_image.csv", ["boxes", "images"], [[k, v] for k, v in stats.boxes_per_image.items()]),
        table("image_sizes.csv", ["width", "height", "images"], [list(t) for t in stats.image_sizes]),
        table("size_bands.csv", ["band", "boxes"], [[k, v] for k, v in stats.size_bands.items()]),
        table("box_centers.csv", ["row_y", *[f"x{i}" for i in range(HEATMAP_BINS)]],
              [[r, *stats.centers[r].tolist()] for r in range(HEATMAP_BINS)]),
    ]
