"""Where a dataset stands in the loop label -> train -> pre-label -> review -> retrain.

One snapshot for the loop panel: images finished by humans, unlabeled, labeled by a model
without review, proposals waiting for review and reviewed in the newest pre-labeling run,
the newest model's mAP on the images humans reviewed, and the newest training run's own
validation mAP.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from studio.core.dataset.index import ImageIndex, State
from studio.core.dataset.layout import Dataset
from studio.core.store.db import Store
from studio.core.store.label_origin import machine_written


@dataclass
class LoopStatus:
    """Counts and the newest results (``None`` where there is none yet)."""

    finished: int = 0
    unlabeled: int = 0
    machine_labeled: int = 0
    proposed_waiting: int = 0
    reviewed: int = 0
    prelabel_run: int | None = None
    prelabel_model: str = ""
    review_map50: float | None = None  # the newest run's proposals against the reviewed labels
    training_run: str = ""
    training_map50: float | None = None  # that run's best epoch on its val images


def loop_status(dataset: Dataset, index: ImageIndex, store: Store | None) -> LoopStatus:
    """The snapshot (reads the store and results.csv; a few queries and one report)."""
    status = LoopStatus()
    machine = machine_written(store, dataset.label_path) if store is not None else {}
    for rel, code in zip(index.paths, index.state.tolist()):
        state = State(code)
        if state == State.UNLABELED:
            status.unlabeled += 1
        elif state in (State.LABELED, State.NEGATIVE):
            if rel in machine:
                status.machine_labeled += 1
            else:
                status.finished += 1
    if store is None:
        return status
    _prelabel_part(dataset, store, status)
    _training_part(store, status)
    return status


def _prelabel_part(dataset: Dataset, store: Store, status: LoopStatus) -> None:
    from studio.core.inference.runs import list_runs
    from studio.core.review.report import quality_report
    from studio.core.review.workflow import count_queue, queue_items

    runs = list_runs(store)
    if not runs:
        return
    newest = max(runs, key=lambda r: r.id)
    counts = count_queue(queue_items(store, newest.id))
    status.prelabel_run, status.prelabel_model = newest.id, Path(newest.model_path).name
    status.proposed_waiting, status.reviewed = counts.left, counts.reviewed
    if counts.reviewed:
        status.review_map50 = quality_report(dataset, store, newest.id).map50


def _training_part(store: Store, status: LoopStatus) -> None:
    from studio.core.insight.training_runs import RunReadError, read_run
    from studio.core.training.compare import finished_runs

    runs = finished_runs(store)
    if not runs:
        return
    status.training_run = Path(runs[-1]).name
    try:
        run = read_run(runs[-1])
    except (RunReadError, OSError):
        return
    import numpy as np

    values = run.series("metrics/mAP50(B)")
    if np.isfinite(values).any():  # epochs trained without validation have none
        status.training_map50 = float(np.nanmax(values))
