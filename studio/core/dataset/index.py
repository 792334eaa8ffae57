"""The image index: every image's state in compact arrays, and the job that fills it in.

Opening a dataset lists its images at once (names only); sizes, label states and flags
fill in afterwards from the store (instantly for unchanged files) and from the files
(for new or changed ones), in batches that the UI applies as they arrive.

Example:
    >>> idx = ImageIndex(["a.jpg", "b.jpg"], ["train", "train"])
    >>> idx.apply(IndexUpdate([1], [State.NEGATIVE], [0], [640], [480], [False], [None]))
    >>> idx.filter(states={State.NEGATIVE}).tolist()
    [1]
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from enum import IntEnum

import numpy as np

from studio.core.atomic import sweep_stale_temps
from studio.core.dataset.imageio import ImageReadError, read_image_size
from studio.core.dataset.layout import Dataset, ImageListing
from studio.core.jobs import EtaClock, Progress
from studio.core.labels.yolo import LabelState, parse_label_bytes
from studio.core.store.db import IndexRow, Store


class State(IntEnum):
    """An image's state in the index (``UNKNOWN`` until the indexer has looked).

    Stored one way: the store keeps ``state.text`` (the name in lower case), which for the
    three label-file states is exactly ``LabelState``'s value; nothing else maps between them.
    """

    UNKNOWN = 0
    UNLABELED = 1
    NEGATIVE = 2
    LABELED = 3
    ERROR = 4

    @property
    def text(self) -> str:
        """How the store writes this state (``"labeled"``, ``"error"``, ...)."""
        return self.name.lower()


def state_from_text(text: str | None) -> State:
    """The ``State`` stored as text in the database."""
    try:
        return State[(text or "unknown").upper()]
    except KeyError:
        return State.UNKNOWN


def state_from_label(state: LabelState) -> State:
    """The index state of a label file state (same name)."""
    return State[state.name]


@dataclass(frozen=True)
class ImageFacts:
    """What the indexer reads about one image."""

    state: State
    n_boxes: int
    width: int
    height: int
    error: str | None


@dataclass(frozen=True)
class IndexUpdate:
    """New facts about some images, by position in the index."""

    rows: Sequence[int]
    states: Sequence[State]
    n_boxes: Sequence[int]
    widths: Sequence[int]
    heights: Sequence[int]
    verified: Sequence[bool]
    errors: Sequence[str | None]


class ImageIndex:
    """All images of a dataset in order, with per-image state in numpy arrays."""

    def __init__(self, paths: list[str], splits: list[str]) -> None:
        n = len(paths)
        self.paths = paths
        self.splits = splits
        self.state = np.zeros(n, np.int8)
        self.n_boxes = np.full(n, -1, np.int32)
        self.width = np.zeros(n, np.int32)
        self.height = np.zeros(n, np.int32)
        self.verified = np.zeros(n, bool)
        self.errors: dict[int, str] = {}
        self._lower: list[str] | None = None
        self._pos: dict[str, int] | None = None

    @classmethod
    def from_listing(cls, listing: ImageListing) -> ImageIndex:
        """An index of a scan's images, every state unknown."""
        return cls(listing.paths, listing.splits)

    def __len__(self) -> int:
        return len(self.paths)

    def position(self, path: str) -> int:
        """Row of ``path`` (``-1`` if absent)."""
        if self._pos is None:
            self._pos = {p: i for i, p in enumerate(self.paths)}
        return self._pos.get(path, -1)

    def apply(self, update: IndexUpdate) -> None:
        """Write an update into the arrays."""
        rows = np.asarray(update.rows, dtype=np.int64)
        if not len(rows):
            return
        self.state[rows] = np.asarray(update.states, dtype=np.int8)
        self.n_boxes[rows] = update.n_boxes
        self.width[rows] = update.widths
        self.height[rows] = update.heights
        self.verified[rows] = update.verified
        for r, err in zip(update.rows, update.errors):
            if err:
                self.errors[int(r)] = err
            else:
                self.errors.pop(int(r), None)

    def filter(self, states: set[State] | None = None, text: str = "",
               verified: bool | None = None, split: str | None = None) -> np.ndarray:
        """Rows matching all given conditions (``text`` is a case-insensitive substring)."""
        mask = np.ones(len(self), bool)
        if states:
            mask &= np.isin(self.state, [int(s) for s in states])
        if verified is not None:
            mask &= self.verified == verified
        if split:
            mask &= np.fromiter((s == split for s in self.splits), bool, len(self))
        if text:
            if self._lower is None:
                self._lower = [p.lower() for p in self.paths]
            needle = text.lower()
            mask &= np.fromiter((needle in p for p in self._lower), bool, len(self))
        return np.nonzero(mask)[0]

    def next_row(self, start: int, states: set[State]) -> int:
        """First row after ``start`` (wrapping) whose state is in ``states``, or ``-1``."""
        if not len(self):
            return -1
        hits = np.nonzero(np.isin(self.state, [int(s) for s in states]))[0]
        if not len(hits):
            return -1
        after = hits[hits > start]
        return int(after[0]) if len(after) else int(hits[0])

    def counts(self) -> dict[State, int]:
        """How many images are in each state."""
        values, counts = np.unique(self.state, return_counts=True)
        return {State(int(v)): int(c) for v, c in zip(values, counts)}


def file_signature(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    """``(mtime_ns, size)`` of a file, or ``None`` when it cannot be read: how studio tells that
    an image or a label file changed since it last looked."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


def inspect_image(dataset: Dataset, rel: str, num_classes: int | None) -> ImageFacts:
    """Read what the index needs about one image: size, label state, box count, error."""
    img_path = str(dataset.image_path(rel))
    label_path = dataset.label_path(rel)
    width = height = 0
    error = None
    try:
        width, height = read_image_size(img_path)
        if min(width, height) < 10:
            error = f"image is {width}x{height} px; Ultralytics needs at least 10 px"
    except ImageReadError as exc:
        error = exc.reason
    try:
        data = label_path.read_bytes()
    except FileNotFoundError:
        lstate, n = State.UNLABELED, 0
    except OSError as exc:
        lstate, n, error = State.ERROR, 0, error or f"label file unreadable: {exc.strerror}"
    else:
        lf = parse_label_bytes(data, label_path, num_classes)
        lstate, n = state_from_label(lf.state), len(lf.boxes)
        bad = [f for f in lf.findings if f.severity.value == "error"]
        if bad and not error:
            error = f"{label_path.name}:{bad[0].line}: {bad[0].message}"
    state = State.ERROR if error and lstate is not State.ERROR and width == 0 else lstate
    return ImageFacts(state, n, width, height, error)


def index_job(dataset: Dataset, index: ImageIndex, store: Store,
              cancelled: Callable[[], bool] = lambda: False,
              batch: int = 512) -> Iterator[Progress]:
    """Bring ``store`` and ``index`` up to date with the files; yields ``Progress``
    whose ``payload`` is an ``IndexUpdate`` for the UI to apply.

    Unchanged images (same image and label mtime/size as recorded) cost two ``stat``
    calls; the rest are read. Resumable: a cancelled or killed run leaves the store
    consistent and the next run only redoes what is missing.
    """
    total = len(index)
    clock = EtaClock(total)
    store.sync_paths(index.paths, index.splits)
    for folder in {dataset.label_path(p).parent for p in index.paths}:
        sweep_stale_temps(folder)  # left by a crash mid-write; the label files are whole
    records = store.records()
    prints = store.fingerprints()
    num_classes = len(dataset.classes) or None
    # First pass: everything the store already knows, applied at once.
    rows, states, nbox, ws, hs, ver, errs = [], [], [], [], [], [], []
    for i, p in enumerate(index.paths):
        rec = records.get(p)
        if rec is not None and rec.label_state is not None:
            rows.append(i)
            states.append(state_from_text(rec.label_state))
            nbox.append(rec.n_boxes or 0)
            ws.append(rec.width or 0)
            hs.append(rec.height or 0)
            ver.append(rec.verified)
            errs.append(rec.error)
    yield clock.progress(0, "cached", IndexUpdate(rows, states, nbox, ws, hs, ver, errs))
    # Second pass: stat everything; read what changed.
    pending: list[IndexRow] = []
    update = _Batch()
    i = 0
    for i, rel in enumerate(index.paths):
        if cancelled():
            break
        img_stat = file_signature(dataset.image_path(rel))
        lbl_stat = file_signature(dataset.label_path(rel))
        fp = (img_stat[0] if img_stat else None, img_stat[1] if img_stat else None,
              lbl_stat[0] if lbl_stat else None, lbl_stat[1] if lbl_stat else None)
        rec = records.get(rel)
        if rec is None or rec.label_state is None or prints.get(rel) != fp:
            facts = inspect_image(dataset, rel, num_classes)
            pending.append(IndexRow(rel, fp[1], fp[0], facts.width, facts.height, facts.state.text, facts.n_boxes,
                                    fp[2], fp[3], facts.error))
            update.add(i, facts.state, facts.n_boxes, facts.width, facts.height,
                       bool(rec.verified) if rec else False, facts.error)
        if len(pending) >= batch or (i + 1) % (batch * 8) == 0:
            if pending:
                store.update_index(pending)
                pending = []
            yield clock.progress(i + 1, "index", update.take())
    if pending:
        store.update_index(pending)
    yield clock.progress(total if not cancelled() else i, "index", update.take())


class _Batch:
    """Accumulates per-image results into one ``IndexUpdate``."""

    def __init__(self) -> None:
        self._cols: list[list] = [[] for _ in range(7)]

    def add(self, *values: object) -> None:
        for col, v in zip(self._cols, values):
            col.append(v)

    def take(self) -> IndexUpdate:
        update = IndexUpdate(*self._cols)
        self._cols = [[] for _ in range(7)]
        return update
