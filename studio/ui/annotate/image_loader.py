"""Decode images off the GUI thread, latest request wins, neighbours prefetched.

The cache holds display-ready images (a full-size ``QImage`` plus a screen-sized preview),
bounded by bytes, so a prefetched image is painted without decoding or converting again.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np
from PyQt6.QtCore import QObject, pyqtSignal
from PyQt6.QtGui import QImage

from studio.core.dataset.imageio import ImageReadError, read_image
from studio.core.labels.yolo import LabelFile, load_yolo_labels
from studio.ui.background import CallLane
from studio.ui.qimages import to_qimage

PREVIEW_MAX_SIDE = 2048
CACHE_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True)
class DisplayImage:
    """Pixels ready to paint: full size, and a smaller copy for zoomed-out views."""

    qimage: QImage
    preview: QImage | None
    size_wh: tuple[int, int]

    @property
    def nbytes(self) -> int:
        """Memory held."""
        n = self.qimage.sizeInBytes()
        return n + (self.preview.sizeInBytes() if self.preview is not None else 0)


@dataclass(frozen=True)
class LoadedImage:
    """A decoded image ready to paint, with the label file read beside it."""

    key: str
    display: DisplayImage
    labels: LabelFile


def make_preview(bgr: np.ndarray) -> QImage | None:
    """A downscaled copy (area interpolation) when the image is larger than a screen needs."""
    import cv2

    h, w = bgr.shape[:2]
    if max(w, h) <= PREVIEW_MAX_SIDE:
        return None
    s = PREVIEW_MAX_SIDE / max(w, h)
    small = cv2.resize(bgr, (max(1, round(w * s)), max(1, round(h * s))), interpolation=cv2.INTER_AREA)
    return to_qimage(small)


def prepare(path: str) -> DisplayImage:
    """Decode ``path`` (like Ultralytics' loader) and convert it for painting."""
    bgr = read_image(path)
    return DisplayImage(to_qimage(bgr), make_preview(bgr), (bgr.shape[1], bgr.shape[0]))


class DisplayCache:
    """Thread-safe LRU of ``DisplayImage`` bounded by bytes; one decode per path at a time."""

    def __init__(self, max_bytes: int = CACHE_BYTES) -> None:
        self.max_bytes = max_bytes
        self._items: OrderedDict[str, DisplayImage] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self._loading: dict[str, threading.Event] = {}

    def get(self, key: str) -> DisplayImage | None:
        """The cached image or ``None``."""
        with self._lock:
            item = self._items.get(key)
            if item is not None:
                self._items.move_to_end(key)
            return item

    def load(self, key: str) -> DisplayImage:
        """Cached ``prepare``; a second caller waits for a decode already running."""
        while True:
            with self._lock:
                item = self._items.get(key)
                if item is not None:
                    self._items.move_to_end(key)
                    return item
                event = self._loading.get(key)
                if event is None:
                    event = self._loading[key] = threading.Event()
                    break
            event.wait()
        try:
            item = prepare(key)
            with self._lock:
                self._items[key] = item
                self._bytes += item.nbytes
                while self._bytes > self.max_bytes and len(self._items) > 1:
                    _, dropped = self._items.popitem(last=False)
                    self._bytes -= dropped.nbytes
            return item
        finally:
            with self._lock:
                self._loading.pop(key, None)
            event.set()

    def __len__(self) -> int:
        return len(self._items)

    @property
    def nbytes(self) -> int:
        """Bytes held."""
        return self._bytes


@dataclass(frozen=True)
class LoadFailure:
    """An image that could not be shown, and why."""

    key: str
    reason: str


def load_for_display(cache: DisplayCache, key: str, label_path: str,
                     num_classes: int | None) -> LoadedImage | LoadFailure:
    """Decode (through ``cache``) and read the labels; any failure becomes a ``LoadFailure``."""
    try:
        return LoadedImage(key, cache.load(key), load_yolo_labels(label_path, num_classes))
    except ImageReadError as exc:
        return LoadFailure(key, exc.reason)
    except Exception as exc:  # noqa: BLE001 - a bad file must be reported, never kill the worker
        return LoadFailure(key, f"{type(exc).__name__}: {exc}")


class ImageLoader(QObject):
    """Loads the image the user asked for last (a ``CallLane`` with the ``newest`` policy on two
    threads: earlier requests' results are dropped) and warms the cache with its neighbours."""

    loaded = pyqtSignal(object)  # LoadedImage
    failed = pyqtSignal(str, str)  # key, reason

    def __init__(self, cache: DisplayCache | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cache = cache or DisplayCache()
        self._lane = CallLane(self, "newest", threads=2)
        self._lane.result.connect(self._on_result)

    def request(self, image_path: str, label_path: str, num_classes: int | None = None) -> None:
        """Load ``image_path`` (and its labels); supersedes earlier requests."""
        cache = self.cache
        self._lane.submit(lambda: load_for_display(cache, image_path, label_path, num_classes))

    def prefetch(self, image_paths: list[str]) -> None:
        """Prepare ``image_paths`` in the cache at low priority."""
        cache = self.cache
        for path in image_paths:
            if cache.get(path) is None:
                self._lane.warm(lambda p=path: cache.load(p))

    def wait(self) -> None:
        """Block until queued work is done (tests, shutdown); prefetches not started are skipped."""
        self._lane.clear_warming()
        self._lane.wait()

    def _on_result(self, outcome: LoadedImage | LoadFailure) -> None:
        if isinstance(outcome, LoadFailure):
            self.failed.emit(outcome.key, outcome.reason)
        else:
            self.loaded.emit(outcome)
