"""Write a set of images and their labels as a clean Ultralytics dataset.

Layout: ``OUT/images/{train,val[,test]}/``, ``OUT/labels/...`` (the ``images -> labels``
rule), and ``OUT/data.yaml`` with no ``path:`` key, so Ultralytics resolves the splits
against the yaml's own folder wherever the export is moved. Label files are rewritten
with box rows only (kept polygon or malformed lines are left out and counted) and
images without boxes get an empty label file, which Ultralytics reads as a negative.
Images are copied (or hard-linked, falling back to a copy across devices); existing
files in ``OUT`` are never overwritten: the export refuses a non-empty folder.

The split is seeded and stratified by class presence: images are taken rarest class
first and each goes to the split whose share of that class is furthest below target.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from studio.core.atomic import atomic_write_bytes, atomic_write_text
from studio.core.dataset.layout import Dataset
from studio.core.jobs import EtaClock, Progress
from studio.core.labels.classes import yaml_scalar
from studio.core.labels.yolo import boxes_to_label_file, load_yolo_labels


class ExportError(OSError):
    """The export cannot start (folder not empty, nothing to export)."""


@dataclass
class ExportSummary:
    """What was written."""

    out: Path
    counts: dict[str, int] = field(default_factory=dict)  # images per split
    boxes: dict[str, int] = field(default_factory=dict)  # boxes per split
    dropped_lines: int = 0  # non-box lines left out of label files
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)

    def record(self) -> dict:
        """What was written, as the small summary kept with the job's run."""
        return {"out": str(self.out), "images": self.counts, "boxes": self.boxes,
                "dropped_lines": self.dropped_lines, "skipped": len(self.skipped)}


def split_fractions(val: float, test: float = 0.0) -> dict[str, float]:
    """Split shares from the validation and test shares (train takes the rest)."""
    out = {"train": max(0.0, 1.0 - val - test), "val": val}
    if test > 0:
        out["test"] = test
    return out


def split_paths(labels: Sequence[Sequence[int]], fractions: dict[str, float], seed: int = 0) -> list[str]:
    """Assign each image (given its class ids) to a split, seeded and stratified.

    ``fractions`` like ``{"train": 0.8, "val": 0.2}``; returns one split name per image.
    Negatives are spread by the same rule as a class of their own.
    """
    names = list(fractions)
    target = np.array([fractions[n] for n in names], np.float64)
    target = target / target.sum()
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(labels))
    presence = [frozenset(int(c) for c in cls) or frozenset({-1}) for cls in labels]
    freq: dict[int, int] = {}
    for p in presence:
        for c in p:
            freq[c] = freq.get(c, 0) + 1
    # rarest class first; ties keep the seeded order
    order = sorted(order, key=lambda i: min(freq[c] for c in presence[i]))
    have = {c: np.zeros(len(names)) for c in freq}
    sizes = np.zeros(len(names))
    out = [""] * len(labels)
    for i in order:
        rare = min(presence[i], key=lambda c: freq[c])
        need = target * (have[rare].sum() + 1) - have[rare]
        total_need = target * (sizes.sum() + 1) - sizes
        k = int(np.lexsort((-total_need, -need))[0])
        out[i] = names[k]
        sizes[k] += 1
        for c in presence[i]:
            have[c][k] += 1
    return out


def export_ultralytics(dataset: Dataset, paths: Sequence[str], out: str | Path, fractions: dict[str, float],
                       seed: int = 0, link: bool = False, coco: bool = False,
                       cancelled: Callable[[], bool] = lambda: False) -> Iterator[Progress]:
    """Export ``paths`` (relative image paths of ``dataset``); the last payload is the
    ``ExportSummary``. Raises ``ExportError`` before writing anything if ``out`` is not empty.

    With ``coco``, ``OUT/annotations/instances_<split>.json`` (COCO detection format,
    category id = class id + 1, the convention Ultralytics' ``convert_coco`` reads back)
    describes the same boxes."""
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        raise ExportError(f"{out} is not empty; choose an empty or new folder")
    if not paths:
        raise ExportError("nothing to export")
    summary = ExportSummary(out)
    labels = []
    for rel in paths:
        lf = load_yolo_labels(dataset.label_path(rel), len(dataset.classes) or None)
        labels.append(lf)
    splits = split_paths([lf.boxes.class_id.tolist() for lf in labels], fractions, seed)
    clock = EtaClock(len(paths))
    yield clock.progress(0, "start", summary)
    used: set[tuple[str, str]] = set()
    coco_parts: dict[str, list[tuple[str, Path, object]]] = {}
    for k, (rel, lf, split) in enumerate(zip(paths, labels, splits)):
        if cancelled():
            break
        src = dataset.image_path(rel)
        name = _unique_name(rel, split, used)
        image_dst = out / "images" / split / name
        label_dst = out / "labels" / split / (Path(name).stem + ".txt")
        try:
            image_dst.parent.mkdir(parents=True, exist_ok=True)
            label_dst.parent.mkdir(parents=True, exist_ok=True)
            _copy(src, image_dst, link)
            atomic_write_bytes(label_dst, boxes_to_label_file(lf.boxes).render(), fsync=False)
        except OSError as exc:
            summary.skipped.append((rel, str(exc)))
            continue
        coco_parts.setdefault(split, []).append((name, image_dst, lf.boxes))
        summary.counts[split] = summary.counts.get(split, 0) + 1
        summary.boxes[split] = summary.boxes.get(split, 0) + len(lf.boxes)
        summary.dropped_lines += len(lf.kept)
        if k % 100 == 99:
            yield clock.progress(k + 1, "copy", summary)
    names = dataset.classes.names or _fallback_names(labels)
    write_data_yaml(out / "data.yaml", [s for s in fractions if summary.counts.get(s)], names)
    if coco:
        for split, items in coco_parts.items():
            write_coco(out / "annotations" / f"instances_{split}.json", items, names)
    yield clock.progress(len(paths), "done", summary)


def _fallback_names(labels: list) -> list[str]:
    top = max((int(c) for lf in labels for c in lf.boxes.class_id), default=-1)
    return [f"class{i}" for i in range(top + 1)] or ["object"]


def _unique_name(rel: str, split: str, used: set[tuple[str, str]]) -> str:
    """A flat file name for ``rel`` inside a split (folders joined with ``__`` on clashes)."""
    name = Path(rel).name
    if (split, name) in used:
        name = rel.replace("/", "__").replace("\\", "__")
    while (split, name) in used:
        name = "_" + name
    used.add((split, name))
    return name


def _copy(src: Path, dst: Path, link: bool) -> None:
    if link:
        try:
            os.link(src, dst)
            return
        except OSError:
            pass
    tmp = dst.with_name(f".{dst.name}.part")
    shutil.copyfile(src, tmp)
    os.replace(tmp, dst)


def write_coco(path: Path, items: Sequence[tuple[str, Path, object]], names: Sequence[str]) -> None:
    """COCO detection JSON for ``(file_name, image file, Boxes)`` items (sizes read from headers)."""
    import json

    from studio.core.dataset.imageio import ImageReadError, read_image_size

    images, annotations = [], []
    for image_id, (file_name, image_file, boxes) in enumerate(items, start=1):
        try:
            w, h = read_image_size(image_file)
        except ImageReadError:
            continue
        images.append({"id": image_id, "file_name": file_name, "width": w, "height": h})
        for (cx, cy, bw, bh), cls in zip(boxes.xywhn, boxes.class_id):  # type: ignore[attr-defined]
            x, y, pw, ph = (cx - bw / 2) * w, (cy - bh / 2) * h, bw * w, bh * h
            annotations.append({"id": len(annotations) + 1, "image_id": image_id, "category_id": int(cls) + 1,
                                "bbox": [round(float(v), 6) for v in (x, y, pw, ph)],
                                "area": round(float(pw * ph), 3), "iscrowd": 0, "segmentation": []})
    data = {"info": {"description": "exported by studio"}, "images": images, "annotations": annotations,
            "categories": [{"id": i + 1, "name": n, "supercategory": ""} for i, n in enumerate(names)]}
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, json.dumps(data, ensure_ascii=False))


def write_data_yaml(path: Path, splits: Sequence[str], names: Sequence[str]) -> None:
    """An Ultralytics ``data.yaml`` for the standard layout, relative to its own folder."""
    lines = ["# written by studio", *(f"{s}: images/{s}" for s in splits), f"nc: {len(names)}", "names:"]
    lines += [f"  {i}: {yaml_scalar(n)}" for i, n in enumerate(names)]
    atomic_write_text(path, "\n".join(lines) + "\n")
