"""Accept confident proposals automatically, holding back a random sample for a human.

Eligible: images of the run nobody has reviewed yet, with at least one proposal, whose
proposals are all at or above the threshold (an image with one doubtful proposal still
needs a human; an image where the model saw nothing is never called a negative
automatically). A seeded random sample of the eligible images (``spot_fraction``, at
least ``min_spot``) is held back as a spot check and stays in the review queue, first.
The rest get their proposals merged into their label files (duplicates of existing
boxes skipped, other lines kept), atomically, one image at a time; each image's row in
the store follows its file, so a crash resumes where it stopped and merging twice adds
nothing (the second merge sees only duplicates).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np

from studio.core.dataset.layout import Dataset
from studio.core.inference.runs import run_proposals
from studio.core.jobs import EtaClock, Progress
from studio.core.labels.merge import merge_accepted
from studio.core.labels.yolo import boxes_to_label_file, load_yolo_labels, save_yolo_labels
from studio.core.review.classes import ClassCheck, translate_classes
from studio.core.review.workflow import (
    QueueItem,
    ReviewStatus,
    mark_spot_checks,
    queue_items,
    record_auto_accept,
    remember_before,
)
from studio.core.store.db import Store
from studio.core.store.label_origin import AUTO_ACCEPT, record_machine_label


def eligible_items(items: list[QueueItem], threshold: float) -> list[QueueItem]:
    """Images an automatic accept at ``threshold`` would take."""
    return [it for it in items if it.status in (ReviewStatus.PENDING, ReviewStatus.OPEN) and not it.spot
            and it.n > 0 and it.min_conf >= threshold]


def spot_sample(items: list[QueueItem], fraction: float, minimum: int, seed: int) -> set[str]:
    """The seeded random sample held back for a human."""
    k = min(len(items), max(minimum, math.ceil(fraction * len(items))))
    rng = np.random.default_rng(seed)
    chosen = rng.choice(len(items), size=k, replace=False) if k else []
    return {items[int(i)].path for i in chosen}


@dataclass(frozen=True)
class AutoAcceptRecord:
    """One automatic accept of a run, as stored (this module owns the ``auto_accepts`` table)."""

    id: int
    threshold: float
    seed: int


def last_auto_accept(store: Store, run_id: int) -> AutoAcceptRecord | None:
    """The newest automatic accept of ``run_id``."""
    row = store.connection().execute(
        "SELECT id, threshold, seed FROM auto_accepts WHERE run_id=? ORDER BY id DESC LIMIT 1", (run_id,)).fetchone()
    return None if row is None else AutoAcceptRecord(int(row[0]), float(row[1]), int(row[2]))


def new_auto_accept(store: Store, run_id: int, threshold: float, spot_fraction: float, seed: int,
                    now: float) -> int:
    """Record a new automatic accept; returns its id."""
    conn = store.connection()
    with conn:
        return int(conn.execute(
            "INSERT INTO auto_accepts(run_id, threshold, spot_fraction, seed, created) VALUES (?,?,?,?,?)",
            (run_id, threshold, spot_fraction, seed, now)).lastrowid)


def auto_accept_job(dataset: Dataset, store: Store, run_id: int, threshold: float, spot_fraction: float = 0.05,
                    min_spot: int = 20, seed: int = 0, owner: str = "", check: ClassCheck | None = None,
                    cancelled: Callable[[], bool] = lambda: False) -> Iterator[Progress]:
    """Accept eligible images (see the module doc); payload of the last progress:
    ``{"accepted": n, "spot": n, "boxes": n, "duplicates": n, "failed": [(path, reason)]}``."""
    items = eligible_items(queue_items(store, run_id), threshold)
    last = last_auto_accept(store, run_id)
    resuming = last is not None and abs(last.threshold - threshold) < 1e-9 and last.seed == seed
    # Resuming the same accept keeps the sample drawn the first time (already flagged).
    spot = set() if resuming else spot_sample(items, spot_fraction, min_spot, seed)
    now = time.time()
    auto_id = last.id if resuming and last is not None else new_auto_accept(store, run_id, threshold,
                                                                              spot_fraction, seed, now)
    mark_spot_checks(store, run_id, sorted(spot), auto_id, owner, now)
    todo = [it for it in items if it.path not in spot]
    stats = {"accepted": 0, "spot": len(spot), "boxes": 0, "duplicates": 0, "failed": []}
    # Spot images remember what they had, to compare with the automatic result later.
    for p in sorted(spot):
        remember_before(store, run_id, p, load_yolo_labels(dataset.label_path(p)).boxes)
    clock = EtaClock(len(todo))
    yield clock.progress(0, "start", dict(stats))
    for k, it in enumerate(todo):
        if cancelled():
            break
        label = dataset.label_path(it.path)
        try:
            if not dataset.image_path(it.path).exists():
                raise FileNotFoundError("the image was deleted since the run")
            current = load_yolo_labels(label)
            ids, props = run_proposals(store, run_id, it.path)
            if check is not None:
                props, gone = translate_classes(props, check)
                keep = np.flatnonzero(~gone)
                ids, props = ids[keep], props[keep]
            merged, dup = merge_accepted(current.boxes, props, any_class=True)
            label.parent.mkdir(parents=True, exist_ok=True)
            new_file = current.with_boxes(merged) if current.exists else boxes_to_label_file(merged)
            save_yolo_labels(label, new_file)
            record_machine_label(store, it.path, AUTO_ACCEPT, run_id, new_file.render())  # no human looked
        except OSError as exc:
            stats["failed"].append((it.path, str(exc)))
            continue
        record_auto_accept(store, run_id, it.path, current.boxes, now, owner, auto_id, ids, dup)
        stats["accepted"] += 1
        stats["boxes"] += int((~dup).sum())
        stats["duplicates"] += int(dup.sum())
        if k % 50 == 49 or k == len(todo) - 1:
            yield clock.progress(k + 1, "run", dict(stats))
    yield clock.progress(len(todo), "done", dict(stats))

