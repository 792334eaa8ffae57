"""The open dataset: core objects plus the background indexing job, as Qt signals.

Widgets never read files: they listen to a ``DatasetSession`` and ask it for core objects.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from PyQt6.QtCore import QObject, QTimer, pyqtSignal

from studio.core.dataset.index import ImageIndex, IndexUpdate, State, state_from_label
from studio.core.dataset.jobs import INDEX, IndexParams
from studio.core.dataset.layout import Dataset, DatasetError, ImageListing, open_dataset
from studio.core.dataset.store_location import open_store
from studio.core.jobs import CancelToken, Progress
from studio.core.jobspec import JobContext, run_recorded
from studio.core.labels.yolo import LabelState
from studio.core.store.db import Store, StoreError
from studio.ui.texts import error_text
from studio.ui.workers import JobWorker

GROW_EVERY_S = 0.5  # how often a growing list is shown again
FIRST_WAIT_S = 0.03  # a folder listed faster opens on its naturally first image, sorted at once
PAUSE_FOR_FIRST_IMAGE_S = 1.0  # the listing rests until the first image is painted, at most this long


class DatasetSession(QObject):
    """Opens datasets, owns the index and the store, runs the indexer off the GUI thread."""

    opened = pyqtSignal(object)  # Dataset (the first images are listed, states unknown)
    listing_grew = pyqtSignal(bool)  # a longer index replaced the old one; True: the listing is complete
    closed = pyqtSignal()
    index_progress = pyqtSignal(object)  # Progress
    labels_changed = pyqtSignal()  # studio wrote a label file
    index_updated = pyqtSignal(object)  # IndexUpdate
    index_finished = pyqtSignal(bool)
    message = pyqtSignal(str)  # something the user should read (status bar)
    error = pyqtSignal(str, str)  # title, text: something went wrong, the app carries on
    other_windows = pyqtSignal(int)  # other studio windows have this dataset open

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dataset: Dataset | None = None
        self.index: ImageIndex | None = None
        self.listing: ImageListing | None = None
        self.store: Store | None = None
        self._worker: JobWorker | None = None  # the index job
        self._scan_worker: JobWorker | None = None  # the listing in flight
        self._listing_done = True
        self._first_shown = threading.Event()  # the streamed listing waits for this after its first part
        self._index_wanted = False
        self._index_done = True
        self._index_started = False
        self.owner = ""  # this window's presence id in the store (also the owner of its reviews)
        self._heartbeat = QTimer(self)
        self._heartbeat.setInterval(30_000)
        self._heartbeat.timeout.connect(self._beat)

    def open(self, path: str | Path, prefer: Callable[[Path], str | None] | None = None) -> bool:
        """Open a dataset folder or data.yaml.

        The layout is read at once (so a bad path fails here, returning False); the image
        listing runs off the GUI thread and streams: ``opened`` follows as soon as the first
        image is found (with ``prefer(root)``, the image to reopen, listed too when it exists),
        then ``listing_grew`` as the list grows, the last time naturally sorted and complete.
        The indexer starts once the listing is complete.
        """
        try:
            dataset = open_dataset(path)
        except (DatasetError, OSError) as exc:
            self.error.emit(self.tr("Cannot open dataset"), error_text(exc))
            return False
        self.close()
        self.message.emit(self.tr("Listing images in {0}…").format(dataset.root))

        self._index_done = False  # busy from now until the index's last report
        self._listing_done = self._index_wanted = False

        shown = self._first_shown = threading.Event()

        def scan(token: CancelToken) -> Iterator[Progress]:
            for listing, done in dataset.scan_progressively(token, first_after=1, every_s=GROW_EVERY_S,
                                                            first_wait_s=FIRST_WAIT_S):
                yield Progress(len(listing), len(listing), stage="done" if done else "partial", payload=listing)
                # the rest of the folder waits until the first image is on screen (or a moment)
                deadline = time.monotonic() + PAUSE_FOR_FIRST_IMAGE_S
                while not done and not shown.is_set() and not token() and time.monotonic() < deadline:
                    shown.wait(0.02)

        worker = self._scan_worker = JobWorker(scan, self)
        worker.progress.connect(lambda p, w=worker: self._on_listing(w, dataset, p.payload, p.stage == "done", prefer))
        worker.failed.connect(lambda msg, _d, w=worker: w is self._scan_worker and self._on_failed(
            msg, self.tr("Cannot open dataset")))
        worker.start()
        return True

    def first_image_painted(self) -> None:
        """The first image is on screen: the listing may go on using the CPU."""
        self._first_shown.set()

    def _on_listing(self, worker: JobWorker, dataset: Dataset, listing: ImageListing, done: bool,
                    prefer: Callable[[Path], str | None] | None) -> None:
        if worker is not self._scan_worker:
            return  # a scan that was superseded or cancelled
        first = self.dataset is not dataset
        if first and prefer is not None and not done:
            rel = prefer(dataset.root)
            if rel and rel not in listing.paths and (dataset.root / rel).is_file():
                listing = ImageListing([*listing.paths, rel], [*listing.splits, ""], listing.findings)
        self.listing, self.index = listing, ImageIndex.from_listing(listing)
        if done:
            self._listing_done, self._scan_worker = True, None
        if not first:
            self.listing_grew.emit(done)
            if done and self._index_wanted:
                self.ensure_indexing()
            return
        self.dataset = dataset
        self._index_started = False
        self._worker = None
        try:
            self.store, fallback = open_store(dataset)
            if fallback:
                self.message.emit(self.tr("The dataset folder is read-only; studio keeps its "
                                          "state in {0}").format(self.store.folder))
        except StoreError as exc:
            self.store = None
            self.error.emit(self.tr("Cannot keep studio's state for this dataset"), str(exc))
        self._announce()
        self.opened.emit(dataset)

    def _announce(self) -> None:
        """Register this window on the dataset and say if another window has it open."""
        from studio.core.store import presence

        if self.store is None:
            return
        try:
            self.owner = presence.register(self.store)
            other = presence.others(self.store, self.owner)
        except StoreError:
            return
        self._heartbeat.start()
        if other:
            self.other_windows.emit(len(other))

    def _beat(self) -> None:
        from studio.core.store import presence

        if self.store is not None and self.owner:
            presence.heartbeat(self.store, self.owner)

    def ensure_indexing(self) -> None:
        """Start the background index once (called after the first image is painted, so the
        indexer's thread does not compete with the first paint; and not before the listing
        is complete)."""
        if not self._listing_done:
            self._index_wanted = True
            return
        if self.dataset is not None and not self._index_started:
            self._index_started = True
            self._start_indexing()

    def close(self) -> None:
        """Stop listing or indexing and forget the dataset."""
        if self._scan_worker is not None:
            self._scan_worker.cancel()  # its late results are ignored
            self._scan_worker.wait()
            self._scan_worker = None
        if self._worker is not None:
            self._worker.cancel()
            self._worker.wait()
            self._worker = None
        self._index_done = True
        self._heartbeat.stop()
        if self.store is not None and self.owner:
            from studio.core.store import presence

            presence.unregister(self.store, self.owner)
            self.owner = ""
        if self.dataset is not None:
            self.dataset = self.index = self.listing = None
            self.store = None
            self.closed.emit()

    def relative(self, image_path: str | Path) -> str | None:
        """The index path of an absolute image path of this dataset."""
        if self.dataset is None:
            return None
        import os

        return os.path.relpath(str(image_path), str(self.dataset.root))

    def note_labels(self, image_path: str | Path, state: LabelState, n_boxes: int) -> None:
        """Record what an image's label file says now (after studio wrote it); ``labels_changed`` follows."""
        rel = self.relative(image_path)
        if rel is None or self.index is None:
            return
        row = self.index.position(rel)
        if row < 0:
            return
        verified = bool(self.index.verified[row])
        update = IndexUpdate([row], [state_from_label(state)], [n_boxes], [int(self.index.width[row])],
                             [int(self.index.height[row])], [verified], [None])
        self.index.apply(update)
        self.index_updated.emit(update)
        if self.store is not None and self.dataset is not None:
            label = self.dataset.label_path(rel)
            try:
                st = label.stat()
                mtime, size = st.st_mtime_ns, st.st_size
            except OSError:
                mtime = size = None
            try:
                self.store.set_label_state(rel, state.value, n_boxes, mtime, size)
            except StoreError as exc:
                self.message.emit(str(exc))
        self.labels_changed.emit()

    def set_verified(self, row: int, verified: bool) -> None:
        """Set an image's "verified" flag (in the store and the index)."""
        if self.index is None or not 0 <= row < len(self.index):
            return
        if self.store is None:
            return
        try:
            self.store.set_verified(self.index.paths[row], verified)
        except StoreError as exc:
            self.error.emit(self.tr("Cannot save the verified flag"), str(exc))
            return
        idx = self.index
        update = IndexUpdate([row], [State(int(idx.state[row]))], [int(idx.n_boxes[row])],
                             [int(idx.width[row])], [int(idx.height[row])], [verified],
                             [idx.errors.get(row)])
        idx.apply(update)
        self.index_updated.emit(update)

    def cancel_indexing(self) -> None:
        """Stop the background indexing (it resumes next time the dataset opens)."""
        if self._worker is not None:
            self._worker.cancel()

    @property
    def listing_complete(self) -> bool:
        """True once every image of the open dataset is listed."""
        return self._listing_done

    def is_indexing(self) -> bool:
        """True until the indexer's last report has been applied on the GUI thread."""
        return not self._index_done

    def _on_finished(self, completed: bool, index: ImageIndex) -> None:
        if index is self.index:
            self._index_done = True
            self.index_finished.emit(completed)

    def _start_indexing(self) -> None:
        dataset, index = self.dataset, self.index
        assert dataset is not None and index is not None

        store = self.store
        if store is None:
            self._index_done = True
            return

        owner = self.owner

        def job(token: CancelToken) -> Iterator[Progress]:
            yield from run_recorded(INDEX, IndexParams(), JobContext(store, token, dataset, owner, index))

        self._index_done = False
        worker = JobWorker(job, self)
        worker.progress.connect(lambda p, idx=index: self._on_progress(p, idx))
        worker.finished.connect(lambda done, idx=index: self._on_finished(done, idx))
        worker.failed.connect(lambda msg, _details: self._on_failed(msg))
        self._worker = worker
        worker.start()

    def _on_failed(self, message: str, title: str = "") -> None:
        self._index_done = True
        self.error.emit(title or self.tr("Indexing failed"), message)

    def _on_progress(self, progress: Progress, index: ImageIndex) -> None:
        if index is not self.index:
            return  # a late report from the indexer of a dataset that was closed
        if progress.payload is not None:
            self.index.apply(progress.payload)
            self.index_updated.emit(progress.payload)
        self.index_progress.emit(progress)
