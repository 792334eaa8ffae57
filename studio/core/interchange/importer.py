"""Import another tool's labels into a YOLO dataset: a plan first (what would change, image by
image), then the writes. Nothing is lost: an image that has a label file is skipped unless the
user chose ``merge`` (duplicates suppressed as in review) or ``replace``; each write is atomic.

The job is resumable by running it again: images already imported now have label files, so
``skip`` passes them, ``merge`` suppresses the boxes it added before and ``replace`` writes the
same bytes again.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PureWindowsPath

from studio.core.dataset.imageio import ImageReadError, read_image_size
from studio.core.dataset.layout import Dataset
from studio.core.i18n import QT_TRANSLATE_NOOP, Message
from studio.core.interchange.convert import Converted, convert_image
from studio.core.interchange.foreign import ForeignImage, ReadResult
from studio.core.interchange.readers import read_source
from studio.core.jobs import EtaClock, Progress
from studio.core.labels.merge import merge_accepted
from studio.core.labels.yolo import KeptLine, LabelFile, LabelState, load_yolo_labels, save_yolo_labels

MODES = ("skip", "merge", "replace")
NEW, SKIP, MERGE, REPLACE, NOTHING = "new", "skip", "merge", "replace", "nothing"


@dataclass
class ImportItem:
    """What importing does to one dataset image (or why a description found no image)."""

    source: str
    image: str | None  # the dataset image (relative path), None when the reference is unknown
    action: str = NOTHING
    boxes: int = 0
    segments: int = 0
    problems: list[str] = field(default_factory=list)
    converted: Converted | None = field(default=None, repr=False)


@dataclass
class ImportPlan:
    """The whole import, before anything is written."""

    items: list[ImportItem]
    new_classes: list[str]
    class_ids: dict[str, int | None]
    file_problems: list[tuple[str, str]]
    counts: dict[str, int]  # shapes left out or changed, by reason, over all files (dropped classes included)


def image_lookup(paths: Sequence[str]) -> Callable[[str], tuple[str | None, str | None]]:
    """A resolver from an image reference (path or name, POSIX or Windows) to a dataset image."""
    by_rel = {p: p for p in paths}
    by_name: dict[str, list[str]] = {}
    for p in paths:
        by_name.setdefault(os.path.basename(p), []).append(p)

    def resolve(ref: str) -> tuple[str | None, str | None]:
        clean = ref.replace("\\", "/").lstrip("./")
        if clean in by_rel:
            return clean, None
        name = PureWindowsPath(ref).name
        hits = by_name.get(name, [])
        if len(hits) == 1:
            return hits[0], None
        if hits:
            return None, Message(QT_TRANSLATE_NOOP("studio.core", "'{ref}' matches {n} images in the dataset; give its path"), ref=ref,
                                n=len(hits))
        return None, Message(QT_TRANSLATE_NOOP("studio.core", "unknown image '{ref}': no image of that name in the dataset"), ref=ref)

    return resolve


def class_mapping(names_seen: Sequence[str], dataset_names: Sequence[str],
                  manual: dict[str, str] | None = None) -> tuple[dict[str, int | None], list[str]]:
    """Source names -> dataset ids (``None``: dropped) and the new names to add, in first-seen order.

    By name first (case as written); ``manual`` maps a source name to a dataset name or id, or
    to ``""`` to drop it. Unmatched names become new classes after the existing ones.
    """
    manual = manual or {}
    ids: dict[str, int | None] = {}
    new: list[str] = []
    for name in names_seen:
        target = manual.get(name, name)
        if target == "":
            ids[name] = None
        elif target.isdigit() and int(target) < len(dataset_names):
            ids[name] = int(target)
        elif target in dataset_names:
            ids[name] = list(dataset_names).index(target)
        else:
            if target not in new:
                new.append(target)
            ids[name] = len(dataset_names) + new.index(target)
    return ids, new


def plan_import(dataset: Dataset, src: Path, fmt: str, mode: str = "skip", manual: dict[str, str] | None = None,
                skip_difficult: bool = False, segments: bool = False,
                read: ReadResult | None = None) -> ImportPlan:
    """Read the source and decide, image by image, what an import would do. Writes nothing."""
    if mode not in MODES:
        raise ValueError(f"unknown mode '{mode}' (choose skip, merge or replace)")
    read = read or read_source(src, fmt)
    seen = list(dict.fromkeys(s.name for img in read.images for s in img.shapes))
    class_ids, new = class_mapping(seen, dataset.classes.names, manual)
    resolve = image_lookup(dataset.scan_images().paths)
    counts: dict[str, int] = {}
    items = []
    for image in read.images:
        item = _plan_one(dataset, image, fmt, mode, class_ids, resolve, skip_difficult, segments)
        dropped = item.converted.dropped if item.converted is not None else {}
        for reason, n in [*image.counts.items(), *dropped.items()]:
            counts[reason] = counts.get(reason, 0) + n
        items.append(item)
    return ImportPlan(items, new, class_ids, read.file_problems, counts)


def _plan_one(dataset: Dataset, image: ForeignImage, fmt: str, mode: str, class_ids: dict[str, int | None],
              resolve: Callable, skip_difficult: bool, segments: bool) -> ImportItem:
    rel, problem = resolve(image.image_ref)
    item = ImportItem(image.source, rel, problems=list(image.problems))
    if rel is None:
        item.problems.append(problem)
        return item
    try:
        w, h = read_image_size(dataset.image_path(rel))
    except (ImageReadError, OSError) as exc:
        item.problems.append(Message(QT_TRANSLATE_NOOP("studio.core", "{image}: the image cannot be read ({reason})"), image=rel,
                                    reason=str(getattr(exc, "reason", exc))))
        return item
    converted = convert_image(image, fmt, (w, h), class_ids, skip_difficult, segments)
    item.converted = converted
    item.problems += converted.problems
    item.boxes, item.segments = len(converted.boxes), len(converted.segments)
    has_file = dataset.label_path(rel).exists()
    item.action = NEW if not has_file else {"skip": SKIP, "merge": MERGE, "replace": REPLACE}[mode]
    return item


def apply_plan(dataset: Dataset, plan: ImportPlan, cancelled: Callable[[], bool] = lambda: False
               ) -> Iterator[Progress]:
    """Add the plan's new classes, then write each image's labels (atomic); payload: items done."""
    for name in plan.new_classes:
        dataset.classes.add(name)
    todo = [i for i in plan.items if i.action in (NEW, MERGE, REPLACE) and i.converted is not None]
    clock = EtaClock(len(todo))
    yield clock.progress(0, "import", [])
    batch, last = [], time.perf_counter()
    for k, item in enumerate(todo, 1):
        if cancelled():
            break
        _write(dataset, item)
        batch.append(item)
        if time.perf_counter() - last > 0.2 or k == len(todo):
            yield clock.progress(k, "import", batch)
            batch, last = [], time.perf_counter()


def _write(dataset: Dataset, item: ImportItem) -> None:
    path = dataset.label_path(item.image)
    conv = item.converted
    current = load_yolo_labels(path) if path.exists() else LabelFile()
    if item.action == MERGE and current.state is not LabelState.UNLABELED:
        merged, _dup = merge_accepted(current.boxes, conv.boxes)
        have = {line.raw for line in current.kept}
        kept = current.kept + tuple(KeptLine(len(current.kept) + k + 1, s.raw) for k, s in enumerate(conv.segments)
                                    if s.raw not in have)
        new = current.with_boxes(merged)
        new = LabelFile(new.boxes, kept, new.raw_rows, (), current.newline, True, None, path)
    else:
        new = LabelFile(conv.boxes, tuple(conv.segments), (), (), "\n", True, None, path)
    path.parent.mkdir(parents=True, exist_ok=True)
    save_yolo_labels(path, new)
