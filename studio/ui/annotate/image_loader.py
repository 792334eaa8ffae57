"""Decode images off the GUI thread, latest request wins, neighbours prefetched.

The cache holds display-ready images (a full-size ``QImage`` plus a screen-sized preview),
bounded by bytes, so a prefetched image is painted without decoding or converting again.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np
from PyQt6.QtCore import QObject, QRunnable, QThreadPool, pyqtSignal
from PyQt6.QtGui import QImage

from studio.core.dataset.imageio import ImageReadError, read_image
from studio.core.labels.yolo import LabelFile, load_yolo_labels
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


class _Signals(QObject):
    loaded = pyqtSignal(int, object)  # ticket, LoadedImage
    failed = pyqtSignal(int, str, str)  # ticket, key, reason


class _LoadTask(QRunnable):
    def __init__(self, ticket: int, key: str, label_path: str, cache: DisplayCache,
                 signals: _Signals, num_classes: int | None) -> None:
        super().__init__()
        self.ticket, self.key, self.label_path = ticket, key, label_path
        self.cache, self.signals, self.num_classes = cache, signals, num_classes

    def run(self) -> None:
        try:
            loaded = LoadedImage(self.key, self.cache.load(self.key),
                                 load_yolo_labels(self.label_path, self.num_classes))
        except ImageReadError as exc:
            self.signals.failed.emit(self.ticket, self.key, exc.reason)
            return
        except Exception as exc:  # noqa: BLE001 - never let a worker thread die silently
            self.signals.failed.emit(self.ticket, self.key, f"{type(exc).__name__}: {exc}")
            return
        self.signals.loaded.emit(self.ticket, loaded)


class _PrefetchTask(QRunnable):
    def __init__(self, key: str, cache: DisplayCache) -> None:
        super().__init__()
        self.key, self.cache = key, cache

    def run(self) -> None:
        try:
            self.cache.load(self.key)
        except Exception:  # noqa: BLE001 - a bad neighbour is reported when it is opened
            pass


class ImageLoader(QObject):
    """Loads the image the user asked for last; earlier requests' results are dropped."""

    loaded = pyqtSignal(object)  # LoadedImage
    failed = pyqtSignal(str, str)  # key, reason

    def __init__(self, cache: DisplayCache | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cache = cache or DisplayCache()
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._ticket = 0
        self._signals = _Signals()
        self._signals.loaded.connect(self._on_loaded)
        self._signals.failed.connect(self._on_failed)

    def request(self, image_path: str, label_path: str, num_classes: int | None = None) -> None:
        """Load ``image_path`` (and its labels); supersedes earlier requests."""
        self._ticket += 1
        self._pool.start(_LoadTask(self._ticket, image_path, label_path, self.cache,
                                   self._signals, num_classes), priority=1)

    def prefetch(self, image_paths: list[str]) -> None:
        """Prepare ``image_paths`` in the cache at low priority."""
        for path in image_paths:
            if self.cache.get(path) is None:
                self._pool.start(_PrefetchTask(path, self.cache), priority=0)

    def wait(self) -> None:
        """Block until queued work is done (tests, shutdown)."""
        self._pool.clear()
        self._pool.waitForDone()

    def _on_loaded(self, ticket: int, loaded: LoadedImage) -> None:
        if ticket == self._ticket:
            self.loaded.emit(loaded)

    def _on_failed(self, ticket: int, key: str, reason: str) -> None:
        if ticket == self._ticket:
            self.failed.emit(key, reason)
