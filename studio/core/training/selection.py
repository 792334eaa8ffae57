"""What a training run learns from: the images humans have finished.

Finished means the image has a label file a human stands behind: drawn or edited by hand,
verified, reviewed or spot-checked, or there before studio wrote any, empty negatives
included. Left out unless asked for: images without a label file, and label files that
``prelabel --write-labels`` or the automatic accept wrote and nobody touched since
(``store.label_origin``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from studio.core.dataset.index import ImageIndex, State
from studio.core.dataset.layout import Dataset
from studio.core.store.db import Store
from studio.core.store.label_origin import machine_written


@dataclass
class TrainingSelection:
    """The images a run uses, and how many were left out and why."""

    paths: list[str] = field(default_factory=list)
    unlabeled_left_out: int = 0
    machine_left_out: int = 0
    unreadable: int = 0
    negatives: int = 0


def select_training_images(dataset: Dataset, index: ImageIndex, store: Store | None,
                           include_unlabeled: bool = False, include_machine: bool = False) -> TrainingSelection:
    """The finished images of ``index`` (a complete index: label states known)."""
    machine = machine_written(store, dataset.label_path) if store is not None else {}
    out = TrainingSelection()
    for rel, code in zip(index.paths, index.state.tolist()):
        state = State(code)
        if state == State.ERROR:
            out.unreadable += 1
            continue
        if state == State.UNLABELED:
            if include_unlabeled:
                out.paths.append(rel)
            else:
                out.unlabeled_left_out += 1
            continue
        if rel in machine and not include_machine:
            out.machine_left_out += 1
            continue
        out.negatives += state == State.NEGATIVE
        out.paths.append(rel)
    return out
