"""Example plugin: an exporter that writes Ultralytics image-list files (``train.txt``, ...).

Ultralytics accepts a ``.txt`` list of image paths wherever ``data.yaml`` names a split,
so these lists let a training run use a subset or a fixed order of a dataset. Written
through the same registry every studio exporter uses; ``studio export DATASET
--format image_lists DEST`` runs it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from studio.core.atomic import atomic_write_text
from studio.core.dataset.index import ImageIndex
from studio.core.dataset.layout import Dataset
from studio.core.jobs import EtaClock, Progress


def export_image_lists(dataset: Dataset, index: ImageIndex, dest: Path) -> Iterator[Progress]:
    """Write one ``<split>.txt`` per split with absolute image paths, in index order."""
    dest.mkdir(parents=True, exist_ok=True)
    by_split: dict[str, list[str]] = {}
    for rel, split in zip(index.paths, index.splits):
        by_split.setdefault(split, []).append(str(dataset.image_path(rel).resolve()))
    clock = EtaClock(len(by_split))
    for done, (split, paths) in enumerate(sorted(by_split.items()), start=1):
        atomic_write_text(dest / f"{split}.txt", "".join(f"{p}\n" for p in paths))
        yield clock.progress(done, split)


def register(registry) -> None:  # noqa: ANN001 - the registry view studio passes in
    """Register the exporter."""
    registry.add("exporter", "image_lists", export_image_lists)
