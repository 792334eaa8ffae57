"""A run's classes against the dataset's today: renamed or reordered classes are matched by
name, removed ones are left out (with a message)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from studio.core.labels.boxes import Boxes


@dataclass(frozen=True)
class ClassCheck:
    """How a run's class ids relate to the dataset's classes now."""

    remap: dict[int, int]  # run class id -> dataset class id, where a class moved (found by name)
    missing: dict[int, str]  # run class ids whose name the dataset no longer has

    @property
    def ok(self) -> bool:
        """Ids mean the same classes as when the run was made."""
        return not self.remap and not self.missing


def check_run_classes(run_names: list[str] | None, dataset_names: list[str]) -> ClassCheck:
    """Compare the dataset's class names at run time with today's (matched by name)."""
    if not run_names:
        return ClassCheck({}, {})
    lookup = {n.strip().lower(): i for i, n in enumerate(dataset_names)}
    remap, missing = {}, {}
    for i, name in enumerate(run_names):
        now = lookup.get(name.strip().lower())
        if now is None:
            missing[i] = name
        elif now != i:
            remap[i] = now
    return ClassCheck(remap, missing)


def translate_classes(boxes: Boxes, check: ClassCheck) -> tuple[Boxes, np.ndarray]:
    """Proposals in today's class ids; returns them and a mask of those whose class is gone."""
    if check.ok or not len(boxes):
        return boxes, np.zeros(len(boxes), bool)
    cls = np.array([check.remap.get(int(c), int(c)) for c in boxes.class_id], np.int64)
    gone = np.array([int(c) in check.missing for c in boxes.class_id], bool)
    return Boxes(boxes.xywhn, cls, boxes.confidence), gone
