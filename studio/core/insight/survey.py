"""One pass over a dataset that gathers what the QA check and the statistics need.

Per image: the header (size, EXIF orientation, format), what Ultralytics' own
``verify_image_label`` would say about the file (Pillow ``verify()``, the JPEG end marker
it would "restore"), the label file parsed with its findings, and, when ``pixels`` is on,
each box's mean colour (Lab, from a 1/8-scale JPEG decode). Nothing is written.

Large datasets are surveyed on every core (spawned processes, chunks of images);
small ones in-process. The result keeps boxes in flat numpy arrays so statistics and
checks are vectorized.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from studio.core.dataset.layout import Dataset
from studio.core.dataset.paths import IMG_FORMATS
from studio.core.findings import Finding, Severity
from studio.core.jobs import EtaClock, Progress, last_payload
from studio.core.labels.yolo import LabelState, load_yolo_labels

POOL_THRESHOLD = 2000  # fewer images than this: no process pool (start-up costs more than it saves)
CHUNK = 256


@dataclass
class ImageFacts:
    """What one image and its label file look like."""

    path: str
    split: str
    width: int = 0
    height: int = 0
    orientation: int = 1
    format: str = ""
    label_state: LabelState = LabelState.UNLABELED
    readable: bool = True
    findings: list[Finding] = field(default_factory=list)


@dataclass
class Survey:
    """Every image's facts and every box, in flat arrays."""

    images: list[ImageFacts]
    class_names: list[str]
    box_image: np.ndarray  # (N,) index into images
    box_class: np.ndarray  # (N,)
    box_xywhn: np.ndarray  # (N, 4)
    box_line: np.ndarray  # (N,) line in the label file
    box_color: np.ndarray | None  # (N, 3) mean Lab colour, when surveyed with pixels
    orphans: list[Path]  # label files without an image

    @property
    def box_wh_px(self) -> np.ndarray:
        """(N, 2) box width and height in pixels (0 where the image size is unknown)."""
        w = np.array([im.width for im in self.images], np.float64)
        h = np.array([im.height for im in self.images], np.float64)
        return self.box_xywhn[:, 2:] * np.stack([w[self.box_image], h[self.box_image]], axis=1)


def _inspect(args: tuple) -> tuple[ImageFacts, np.ndarray, np.ndarray | None, list[int]]:
    """Survey one image (a top-level function: it runs in worker processes)."""
    rel, split, image_path, label_path, num_classes, pixels = args
    facts = ImageFacts(rel, split)
    _inspect_image(facts, image_path)
    lf = load_yolo_labels(label_path, num_classes)
    facts.label_state = lf.state
    facts.findings.extend(lf.findings)
    if lf.exists and len(lf.boxes) and lf.kept and any(f.code == "segment" for f in lf.findings):
        facts.findings.append(Finding("mixed_rows", Path(label_path), None, Severity.ERROR))
    rows = np.c_[lf.boxes.class_id, lf.boxes.xywhn] if len(lf.boxes) else np.zeros((0, 5))
    colors = None
    if pixels and len(lf.boxes) and facts.readable:
        colors = _box_colors(image_path, lf.boxes.xywhn)
    return facts, rows, colors, list(lf.row_lines)


def _inspect_image(facts: ImageFacts, image_path: str) -> None:
    """Header facts and the checks of Ultralytics' ``check_image``."""
    from PIL import Image

    try:
        if os.path.getsize(image_path) == 0:
            raise OSError("the file is empty (0 bytes)")
        with Image.open(image_path) as im:
            im.verify()
            fmt = (im.format or "").lower()
            w, h = im.size
            try:
                orientation = int(im.getexif().get(274) or 1)
            except Exception:  # noqa: BLE001 - broken EXIF: upright, as Ultralytics falls back
                orientation = 1
    except Exception as exc:  # noqa: BLE001 - Pillow raises many types for broken files
        facts.readable = False
        facts.findings.append(Finding("image_unreadable", Path(image_path), None, Severity.ERROR,
                                      {"reason": str(exc) or type(exc).__name__}))
        return
    if orientation in (5, 6, 7, 8):
        w, h = h, w
    facts.width, facts.height, facts.orientation, facts.format = w, h, orientation, fmt
    if min(w, h) < 10:
        facts.findings.append(Finding("image_too_small", Path(image_path), None, Severity.ERROR, {"w": w, "h": h}))
    if fmt not in IMG_FORMATS and fmt != "jpeg2000":
        facts.findings.append(Finding("image_format", Path(image_path), None, Severity.ERROR, {"format": fmt}))
    if orientation != 1:
        facts.findings.append(Finding("exif_rotated", Path(image_path), None, Severity.INFO,
                                      {"orientation": orientation}))
    if fmt in ("jpg", "jpeg"):
        with open(image_path, "rb") as f:
            f.seek(-2, 2)
            if f.read() != b"\xff\xd9":
                # Ultralytics re-saves such a JPEG through Pillow; if Pillow cannot decode it
                # (truncated data), Ultralytics drops the image instead.
                try:
                    with Image.open(image_path) as im:
                        im.load()
                    facts.findings.append(Finding("jpeg_end_missing", Path(image_path), None, Severity.WARNING))
                except Exception as exc:  # noqa: BLE001 - Pillow's truncation errors vary
                    facts.findings.append(Finding("image_truncated", Path(image_path), None, Severity.ERROR,
                                                  {"reason": str(exc) or type(exc).__name__}))


def _box_colors(image_path: str, xywhn: np.ndarray) -> np.ndarray:
    """Mean Lab colour inside each box, from a 1/8-scale decode (JPEG decodes it directly)."""
    import cv2

    from studio.core.dataset.imageio import read_image

    img = cv2.imread(image_path, cv2.IMREAD_REDUCED_COLOR_8)
    if img is None or img.size == 0:
        try:
            full = read_image(image_path)
        except Exception:  # noqa: BLE001 - no colour for an image that will not decode
            return np.full((len(xywhn), 3), np.nan)
        img = cv2.resize(full, (max(1, full.shape[1] // 8), max(1, full.shape[0] // 8)),
                         interpolation=cv2.INTER_AREA)
    if img.ndim == 2:
        img = cv2.cvtColor(img, cv2.COLOR_GRAY2BGR)
    lab = cv2.cvtColor(img[:, :, :3], cv2.COLOR_BGR2LAB).astype(np.float32)
    h, w = lab.shape[:2]
    out = np.full((len(xywhn), 3), np.nan)
    for k, (cx, cy, bw, bh) in enumerate(xywhn):
        # the central half of the box: less background
        x1, x2 = int((cx - bw / 4) * w), int(np.ceil((cx + bw / 4) * w))
        y1, y2 = int((cy - bh / 4) * h), int(np.ceil((cy + bh / 4) * h))
        x1, y1 = max(0, min(x1, w - 1)), max(0, min(y1, h - 1))
        x2, y2 = max(x1 + 1, min(x2, w)), max(y1 + 1, min(y2, h))
        out[k] = lab[y1:y2, x1:x2].reshape(-1, 3).mean(axis=0)
    return out


def find_orphan_labels(dataset: Dataset, paths: Sequence[str]) -> list[Path]:
    """Label files in the dataset's label folders that belong to no image."""
    expected = {str(dataset.label_path(p)) for p in paths}
    folders = {str(Path(e).parent) for e in expected}
    orphans = []
    for folder in sorted(folders):
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for e in entries:
            if e.name.endswith(".txt") and e.name != "classes.txt" and e.path not in expected and e.is_file():
                orphans.append(Path(e.path))
    return sorted(orphans)


def survey_job(dataset: Dataset, paths: Sequence[str] | None = None, splits: Sequence[str] | None = None,
               pixels: bool = False, workers: int | None = None,
               cancelled: Callable[[], bool] = lambda: False) -> Iterator[Progress]:
    """Survey ``paths`` (default: every image); the last progress carries the ``Survey``."""
    if paths is None:
        listing = dataset.scan_images(cancelled)
        paths, splits = listing.paths, listing.splits
    splits = splits if splits is not None else [""] * len(paths)
    nc = len(dataset.classes) or None
    tasks = [(p, s, str(dataset.image_path(p)), str(dataset.label_path(p)), nc, pixels)
             for p, s in zip(paths, splits)]
    clock = EtaClock(len(tasks))
    yield clock.progress(0, "start")
    results: list[tuple] = []
    n_workers = workers if workers is not None else (os.cpu_count() or 1)
    if len(tasks) < POOL_THRESHOLD or n_workers <= 1:
        for k, t in enumerate(tasks):
            if cancelled():
                return
            results.append(_inspect(t))
            if k % 500 == 499:
                yield clock.progress(k + 1, "survey")
    else:
        import multiprocessing as mp

        with ProcessPoolExecutor(n_workers, mp_context=mp.get_context("spawn")) as pool:
            for k, res in enumerate(pool.map(_inspect, tasks, chunksize=CHUNK)):
                results.append(res)
                if cancelled():
                    pool.shutdown(cancel_futures=True)
                    return
                if k % 2000 == 1999:
                    yield clock.progress(k + 1, "survey")
    images = [r[0] for r in results]
    counts = [len(r[1]) for r in results]
    box_image = np.repeat(np.arange(len(results), dtype=np.int32), counts)
    rows = np.concatenate([r[1] for r in results]) if results and sum(counts) else np.zeros((0, 5))
    lines = np.array([ln for r in results for ln in r[3]], np.int32)
    colors = None
    if pixels:
        colors = np.concatenate([r[2] if r[2] is not None else np.full((len(r[1]), 3), np.nan)
                                 for r in results]) if sum(counts) else np.zeros((0, 3))
    survey = Survey(images, list(dataset.classes.names), box_image, rows[:, 0].astype(np.int64),
                    rows[:, 1:5].astype(np.float64), lines, colors, find_orphan_labels(dataset, paths))
    yield clock.progress(len(tasks), "done", survey)


def run_survey(dataset: Dataset, **kwargs: object) -> Survey:
    """``survey_job`` to the end (for scripts and tests)."""
    survey = last_payload(survey_job(dataset, **kwargs))  # type: ignore[arg-type]
    assert survey is not None
    return survey
