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

import numpy as np

from studio.core.dataset import Dataset
from studio.core.jobs import EtaClock, Progress
from studio.core.labels import boxes_to_label_file, load_yolo_labels, save_yolo_labels
from studio.core.review import (
    ClassCheck,
    Decision,
    QueueItem,
    ReviewStatus,
    boxes_to_json,
    merge_accepted,
    queue_items,
    run_proposals,
    translate_classes,
)
from studio.core.store import Store


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


def auto_accept_job(dataset: Dataset, store: Store, run_id: int, threshold: float, spot_fraction: float = 0.05,
                    min_spot: int = 20, seed: int = 0, owner: str = "", check: ClassCheck | None = None,
                    cancelled: Callable[[], bool] = lambda: False) -> Iterator[Progress]:
    """Accept eligible images (see the module doc); payload of the last progress:
    ``{"accepted": n, "spot": n, "boxes": n, "duplicates": n, "failed": [(path, reason)]}``."""
    items = eligible_items(queue_items(store, run_id), threshold)
    conn = store.connection()
    last = conn.execute("SELECT id, threshold, seed FROM auto_accepts WHERE run_id=? ORDER BY id DESC LIMIT 1",
                        (run_id,)).fetchone()
    resuming = last is not None and abs(last[1] - threshold) < 1e-9 and last[2] == seed
    # Resuming the same accept keeps the sample drawn the first time (already flagged).
    spot = set() if resuming else spot_sample(items, spot_fraction, min_spot, seed)
    now = time.time()
    if resuming:
        auto_id = int(last[0])
    else:
        with conn:
            auto_id = int(conn.execute(
                "INSERT INTO auto_accepts(run_id, threshold, spot_fraction, seed, created) VALUES (?,?,?,?,?)",
                (run_id, threshold, spot_fraction, seed, now)).lastrowid)
    store.transaction([
        ("INSERT OR IGNORE INTO reviews(run_id, path, status, started, owner) VALUES (?,?,?,?,?)",
         [(run_id, p, ReviewStatus.SPOT.value, now, owner) for p in sorted(spot)]),
        ("UPDATE reviews SET spot=1, auto_id=?, status=CASE WHEN status='open' THEN 'spot' ELSE status END "
         "WHERE run_id=? AND path=?", [(auto_id, run_id, p) for p in sorted(spot)]),
    ])
    todo = [it for it in items if it.path not in spot]
    stats = {"accepted": 0, "spot": len(spot), "boxes": 0, "duplicates": 0, "failed": []}
    # Spot images remember what they had, to compare with the automatic result later.
    for p in sorted(spot):
        before = load_yolo_labels(dataset.label_path(p)).boxes
        store.transaction([("UPDATE reviews SET before=? WHERE run_id=? AND path=? AND before IS NULL",
                            [(boxes_to_json(before), run_id, p)])])
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
            save_yolo_labels(label, current.with_boxes(merged) if current.exists
                             else boxes_to_label_file(merged))
        except OSError as exc:
            stats["failed"].append((it.path, str(exc)))
            continue
        store.transaction([
            ("INSERT OR REPLACE INTO reviews(run_id, path, status, spot, before, started, finished, owner, "
             "auto_id) VALUES (?,?,?,0,?,?,?,?,?)",
             [(run_id, it.path, ReviewStatus.AUTO.value, boxes_to_json(current.boxes), now, time.time(), owner,
               auto_id)]),
            ("INSERT OR REPLACE INTO decisions(proposal_id, run_id, path, decision) VALUES (?,?,?,?)",
             [(int(pid), run_id, it.path, (Decision.DUPLICATE if d else Decision.ACCEPTED).value)
              for pid, d in zip(ids, dup)]),
        ])
        stats["accepted"] += 1
        stats["boxes"] += int((~dup).sum())
        stats["duplicates"] += int(dup.sum())
        if k % 50 == 49 or k == len(todo) - 1:
            yield clock.progress(k + 1, "run", dict(stats))
    yield clock.progress(len(todo), "done", dict(stats))

