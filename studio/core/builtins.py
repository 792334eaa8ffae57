"""What studio itself registers, through the same registry and path as any plugin.

``Registry.discover`` calls ``register_builtins`` first, at start, in the GUI, the CLI and
worker processes alike: the preprocessing operations and the exporters, so every exporter
(``studio export --format``) and every operation is reachable the same way.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from studio.core.dataset.index import ImageIndex
from studio.core.dataset.layout import Dataset
from studio.core.jobs import Progress

if TYPE_CHECKING:
    from studio.core.plugins import Registry


def export_ultralytics_split(dataset: Dataset, index: ImageIndex, dest: Path) -> Iterator[Progress]:
    """Exporter ``ultralytics``: the labeled images (negatives included) as a clean Ultralytics
    dataset with a seeded 80/20 train/val split and ``data.yaml`` (the same as ``studio split``)."""
    from studio.core.dataset.export import export_ultralytics

    paths = [p for p in index.paths if dataset.label_path(p).exists()]
    yield from export_ultralytics(dataset, paths, dest, {"train": 0.8, "val": 0.2})


def register_builtins(registry: Registry) -> None:
    """Register studio's own operations and exporters (once per registry)."""
    from studio.core.preprocess.ops import register_builtin_ops

    register_builtin_ops(registry)
    from studio.core.interchange.writers import export_coco, export_labelme, export_voc

    for name, exporter in (("ultralytics", export_ultralytics_split), ("voc", export_voc),
                           ("labelme", export_labelme), ("coco", export_coco)):
        if name not in registry.names("exporter"):
            registry.add("exporter", name, exporter)
