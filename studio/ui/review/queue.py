"""The run under review and its queue: order, filters, counts, pace, background reads.

``ReviewQueue`` knows which images of a pre-labeling run wait for a human and in what
order; the ``ReviewController`` built on it decides proposals of the image on screen.
Reading the store for a large run, and comparing every label file with its proposals for
the "disagreement" order, run on worker threads so the window never stalls.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import numpy as np
from PyQt6.QtCore import QCoreApplication, QObject, pyqtSignal

from studio.core.inference.runs import RunInfo, get_run, list_runs
from studio.core.review.classes import ClassCheck, check_run_classes
from studio.core.review.workflow import (
    QueueCounts,
    QueueItem,
    ReviewStatus,
    Sort,
    count_queue,
    disagreement_scores,
    order_queue,
    queue_items,
    recent_seconds,
)
from studio.ui.background import CallLane
from studio.ui.review.state import ProposalState
from studio.ui.session import DatasetSession


def _running(lane: CallLane | None) -> bool:
    return lane is not None and lane.busy


class ReviewQueue(QObject):
    """The active run, its images (``items``) and the filtered, ordered ``queue``.

    Its texts use an explicit translation context: PyQt's ``self.tr`` would look them up
    under the subclass's name (``ReviewController``), where pylupdate does not put them.
    """

    run_changed = pyqtSignal(object)  # RunInfo | None
    queue_changed = pyqtSignal()  # order, filter or statuses changed
    order_changed = pyqtSignal(object)  # np.ndarray of index rows | None (leave queue order)
    counts_changed = pyqtSignal(object, object)  # QueueCounts, pace (seconds per image | None)
    message = pyqtSignal(str)

    def __init__(self, session: DatasetSession, state: ProposalState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session, self.state = session, state
        self.run: RunInfo | None = None
        self.check = ClassCheck({}, {})
        self.items: list[QueueItem] = []
        self.ordered: list[QueueItem] = []
        self.sort = Sort.LOWEST_CONFIDENCE
        self.class_filter: set[int] | None = None
        self.conf_range: tuple[float, float] | None = None
        self.active = False  # review mode: the image list shows the queue
        self._missing = 0
        self._positions: dict[str, int] = {}  # path -> position in ``items``
        self._reader: CallLane | None = None  # reading the queue in the background
        self._disagreement: dict[str, float] | None = None  # exact scores, once computed
        self._scorer: CallLane | None = None  # computing them

    def runs(self) -> list[RunInfo]:
        """The dataset's pre-labeling runs, newest first."""
        store = self.session.store
        return list_runs(store) if store is not None else []

    def use_newest_run(self) -> None:
        """Make the newest run active (after opening a dataset or finishing a run)."""
        runs = self.runs()
        self.set_run(runs[0].id if runs else None)

    def set_run(self, run_id: int | None) -> None:
        """Review ``run_id`` (``None``: no run)."""
        store, ds = self.session.store, self.session.dataset
        self.run = get_run(store, run_id) if store is not None and run_id is not None else None
        self._disagreement = None
        names = ds.classes.names if ds is not None else []
        self.check = check_run_classes(self.run.dataset_names if self.run else None, names)
        if self.run is not None and not self.check.ok:
            parts = []
            if self.check.remap:
                parts.append(QCoreApplication.translate(
                    "ReviewQueue", "classes renamed or reordered since the run are matched by name"))
            if self.check.missing:
                parts.append(QCoreApplication.translate(
                    "ReviewQueue", "proposals for classes the dataset no longer has are left out: {0}")
                    .format(", ".join(self.check.missing.values())))
            self.message.emit(QCoreApplication.translate("ReviewQueue", "Run {0}: {1}.")
                              .format(self.run.id, "; ".join(parts)))
        self.refresh_queue()
        self.run_changed.emit(self.run)

    def refresh_queue(self) -> None:
        """Re-read the run's images and statuses from the store and re-apply order and filters."""
        store = self.session.store
        items = queue_items(store, self.run.id, self.check) if store is not None and self.run is not None else []
        self._apply_items(self.run.id if self.run is not None else None, items)

    def refresh_queue_in_background(self) -> None:
        """The same, reading the store on a worker thread (a run adding proposals to a large
        dataset must not stall the window); at most one read at a time."""
        store, run = self.session.store, self.run
        if store is None or run is None or _running(self._reader):
            return
        check, run_id = self.check, run.id
        self._reader = self._in_background(lambda: queue_items(store, run_id, check),
                                           lambda items: self._apply_items(run_id, items))

    def _apply_items(self, run_id: int | None, items: list[QueueItem]) -> None:
        index = self.session.index
        if index is None or self.run is None or run_id != self.run.id:
            self.items, self.ordered, self._positions = [], [], {}
        else:
            present = [it for it in items if index.position(it.path) >= 0]
            self._missing = len(items) - len(present)
            self.items = present
            self._positions = {it.path: k for k, it in enumerate(present)}
        self._reorder()

    def set_order(self, sort: Sort, classes: set[int] | None, conf_range: tuple[float, float] | None) -> None:
        """Change the queue's order and filters."""
        self.sort, self.class_filter, self.conf_range = sort, classes or None, conf_range
        if sort is Sort.DISAGREEMENT:
            if self._disagreement is None:
                self._score_disagreement()
        else:
            self._disagreement = None  # labels change while reviewing: choosing the order again recomputes
        self._reorder()

    def _score_disagreement(self) -> None:
        """Compare every image's labels with its proposals in the background (the box-count
        estimate orders the queue meanwhile), then re-order."""
        store, ds, run = self.session.store, self.session.dataset, self.run
        if store is None or ds is None or run is None or _running(self._scorer):
            return
        paths, min_conf, check, run_id = [it.path for it in self.items], self.state.threshold, self.check, run.id
        self._scorer = self._in_background(
            lambda: disagreement_scores(ds, store, run_id, paths, min_conf, check),
            lambda scores: self._apply_scores(run_id, scores))

    def _in_background(self, compute: Callable[[], object], apply: Callable[[object], None]) -> CallLane:
        """Run ``compute`` on a worker thread and hand its result to ``apply`` on this thread
        (a failure is reported as a warning, and the next request runs)."""
        lane = CallLane(self, "refuse")
        lane.result.connect(apply)
        lane.failed.connect(lambda error: self.message.emit(error.message))
        lane.submit(compute)
        return lane

    def _apply_scores(self, run_id: int, scores: dict[str, float]) -> None:
        if self.run is None or run_id != self.run.id:
            return
        self._disagreement = scores
        if self.sort is Sort.DISAGREEMENT:
            self._reorder()

    def _reorder(self) -> None:
        self.ordered = order_queue(self.items, self.sort, self.class_filter, self.conf_range, self._disagreement)
        self._emit_order()
        self.queue_changed.emit()
        self.emit_counts()

    def _emit_order(self) -> None:
        index = self.session.index
        if not self.active or index is None:
            return
        self.order_changed.emit(np.array([index.position(it.path) for it in self.ordered], np.int64))

    def counts(self) -> QueueCounts:
        """Done / left over the filtered queue."""
        return count_queue(self.ordered)

    def pace(self) -> float | None:
        """Median seconds per image over the last reviewed images of this run."""
        store = self.session.store
        if store is None or self.run is None:
            return None
        secs = recent_seconds(store, self.run.id)
        return float(np.median(secs)) if secs else None

    def emit_counts(self) -> None:
        self.counts_changed.emit(self.counts(), self.pace())

    @property
    def missing_images(self) -> int:
        """Images of the run that are no longer in the dataset (deleted or moved)."""
        return self._missing

    def item(self, path: str) -> QueueItem | None:
        k = self._positions.get(path)
        return self.items[k] if k is not None else None

    def set_item_status(self, path: str, status: ReviewStatus) -> None:
        k = self._positions.get(path)
        if k is None:
            return
        new = replace(self.items[k], status=status)
        self.items[k] = new
        for j, it in enumerate(self.ordered):
            if it.path == path:
                self.ordered[j] = new
                break

    def wait(self) -> None:
        """Wait for background queue work (closing the window)."""
        for worker in (self._reader, self._scorer):
            if worker is not None:
                worker.wait()

    def forget(self) -> None:
        self.run, self.items, self.ordered, self._positions = None, [], [], {}
