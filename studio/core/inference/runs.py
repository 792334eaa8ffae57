"""Pre-labeling runs and their proposals in the store (owner of the ``runs``, ``run_plan``,
``run_images`` and ``proposals`` tables).

A proposal is not a label: it lives here until a human accepts it. Each processed image
is recorded in the same transaction as its proposals, so a killed run resumes with no
image lost and none processed twice.

One lifecycle for every run: ``running`` (with its owner's pid, host and a heartbeat),
then ``finished``, ``failed`` or ``cancelled``; a run found ``running`` whose owner is gone
is ``interrupted``. Both kinds that did not finish can be resumed, by any driver.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from studio.core.labels.boxes import Boxes
from studio.core.store import lifecycle
from studio.core.store.db import Store
from studio.core.store.lifecycle import INTERRUPTED

if TYPE_CHECKING:
    from studio.core.dataset.layout import Dataset


@dataclass(frozen=True)
class RunInfo:
    """One pre-labeling run."""

    id: int
    model_path: str
    model_names: dict[int, str]
    params: dict[str, Any]
    class_map: dict[int, int]
    created: float
    status: str
    dataset_names: list[str] | None = None  # the dataset's class names when the run started


def create_run(store: Store, model_path: str, model_names: dict[int, str], params: dict[str, Any],
               class_map: dict[int, int], dataset_names: list[str] | None = None,
               plan: list[str] | None = None) -> int:
    """Record a new run; returns its id. ``dataset_names`` lets a later review notice that
    the dataset's classes changed since the proposals were made; ``plan`` is the ordered
    list of images the run covers, so any driver can resume it. The new run is not owned
    by anybody yet (``claim_run``), so it counts as interrupted until a job takes it."""
    conn = store.connection()
    conn.execute("BEGIN IMMEDIATE")
    try:
        cur = conn.execute(
            "INSERT INTO runs(model_path, model_names, params, class_map, created, dataset_names, status) "
            "VALUES (?,?,?,?,?,?,?)",
            (model_path, json.dumps({str(k): v for k, v in model_names.items()}), json.dumps(params),
             json.dumps({str(k): v for k, v in class_map.items()}), time.time(),
             None if dataset_names is None else json.dumps(list(dataset_names), ensure_ascii=False), INTERRUPTED))
        run_id = int(cur.lastrowid)
        if plan is not None:
            conn.executemany("INSERT INTO run_plan(run_id, position, path) VALUES (?,?,?)",
                             ((run_id, i, p) for i, p in enumerate(plan)))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return run_id


def planned_paths(store: Store, run_id: int) -> list[str] | None:
    """The images a run covers, in order (``None`` for runs made before plans were stored)."""
    rows = store.connection().execute("SELECT path FROM run_plan WHERE run_id=? ORDER BY position",
                                      (run_id,)).fetchall()
    return [p for (p,) in rows] if rows else None


def claim_run(store: Store, run_id: int) -> None:
    """This process now runs ``run_id``: status running, owner and heartbeat set."""
    lifecycle.claim(store, "runs", run_id)


def reap_orphaned_runs(store: Store) -> int:
    """Mark runs whose owner is gone (killed, crashed) interrupted; returns how many."""
    return lifecycle.reap(store, "runs")


_RUN_COLUMNS = "id, model_path, model_names, params, class_map, created, status, dataset_names"


def _run_info(row: tuple) -> RunInfo:
    return RunInfo(row[0], row[1], {int(k): v for k, v in json.loads(row[2]).items()}, json.loads(row[3]),
                   {int(k): int(v) for k, v in json.loads(row[4]).items()}, row[5], row[6],
                   json.loads(row[7]) if row[7] else None)


def get_run(store: Store, run_id: int) -> RunInfo | None:
    """A run by id (a run whose owner died reads as interrupted)."""
    reap_orphaned_runs(store)
    row = store.connection().execute(f"SELECT {_RUN_COLUMNS} FROM runs WHERE id=?", (run_id,)).fetchone()
    return None if row is None else _run_info(row)


def list_runs(store: Store) -> list[RunInfo]:
    """Every run, newest first."""
    reap_orphaned_runs(store)
    return [_run_info(row) for row in store.connection().execute(f"SELECT {_RUN_COLUMNS} FROM runs ORDER BY id DESC")]


def set_run_status(store: Store, run_id: int, status: str) -> None:
    """Mark a run finished, failed, cancelled, ..."""
    store.transaction([("UPDATE runs SET status=? WHERE id=?", [(status, run_id)])])


def done_paths(store: Store, run_id: int) -> set[str]:
    """Images this run has already processed (done or failed)."""
    return {p for (p,) in store.connection().execute(
        "SELECT path FROM run_images WHERE run_id=?", (run_id,))}


def record_results(store: Store, run_id: int, results: list[tuple]) -> None:
    """Store proposals and per-image status for a batch of ``(path, boxes, error, seconds)``
    or ``(path, boxes, error, seconds, (mtime_ns, file_size))``: the image file's signature
    when the model saw it, so a review can tell that the image changed since."""
    proposals, images = [], []
    for path, boxes, error, seconds, *rest in results:
        mtime_ns, size = rest[0] if rest and rest[0] else (None, None)
        if boxes is not None:
            conf = boxes.confidence if boxes.confidence is not None else np.ones(len(boxes))
            for (cx, cy, w, h), cls, c in zip(boxes.xywhn, boxes.class_id, conf):
                proposals.append((run_id, path, int(cls), float(cx), float(cy), float(w), float(h), float(c)))
        images.append((run_id, path, "error" if error else "done",
                       0 if boxes is None else len(boxes), error, seconds, mtime_ns, size))
    store.transaction([
        ("INSERT INTO proposals(run_id, path, class_id, cx, cy, w, h, confidence) VALUES (?,?,?,?,?,?,?,?)",
         proposals),
        ("INSERT INTO run_images(run_id, path, status, n, error, seconds, mtime_ns, file_size) "
         "VALUES (?,?,?,?,?,?,?,?)", images),
        ("UPDATE runs SET heartbeat=? WHERE id=?", [(time.time(), run_id)]),
    ])


def run_proposals(store: Store, run_id: int, path: str) -> tuple[np.ndarray, Boxes]:
    """Proposal ids and boxes (with confidence) of one image in a run, in stored order."""
    rows = store.connection().execute(
        "SELECT id, class_id, cx, cy, w, h, confidence FROM proposals WHERE run_id=? AND path=? ORDER BY id",
        (run_id, path)).fetchall()
    ids = np.array([r[0] for r in rows], np.int64)
    return ids, _rows_to_boxes([r[1:] for r in rows])


def _rows_to_boxes(rows: list) -> Boxes:
    arr = np.array(rows, dtype=np.float64).reshape(-1, 6)
    return Boxes(arr[:, 1:5], arr[:, 0].astype(np.int64), arr[:, 5])


def proposals_for(store: Store, path: str, run_id: int | None = None) -> Boxes:
    """Proposals for one image (of one run, or of the newest run that covered it)."""
    if run_id is None:
        row = store.connection().execute("SELECT MAX(run_id) FROM run_images WHERE path=?", (path,)).fetchone()
        if row is None or row[0] is None:
            return Boxes(np.zeros((0, 4)), np.zeros(0, np.int64), np.zeros(0))
        run_id = int(row[0])
    return run_proposals(store, run_id, path)[1]


def proposal_summary(store: Store, run_id: int) -> dict[str, tuple[int, float, float, str | None]]:
    """Per image: proposals, lowest and highest confidence, and the class ids (comma-separated)."""
    return {p: (n, lo, hi, cls) for p, n, lo, hi, cls in store.connection().execute(
        "SELECT path, COUNT(*), MIN(confidence), MAX(confidence), GROUP_CONCAT(DISTINCT class_id) "
        "FROM proposals WHERE run_id=? GROUP BY path", (run_id,))}


def done_image_paths(store: Store, run_id: int) -> list[str]:
    """The images the run read and proposed boxes for (unreadable ones left out), by path."""
    return [p for (p,) in store.connection().execute(
        "SELECT path FROM run_images WHERE run_id=? AND status='done' ORDER BY path", (run_id,))]


def image_signature(store: Store, run_id: int, path: str) -> tuple[int | None, int | None] | None:
    """``(mtime_ns, size)`` of the image file when the run saw it (``None`` if it did not)."""
    row = store.connection().execute("SELECT mtime_ns, file_size FROM run_images WHERE run_id=? AND path=?",
                                     (run_id, path)).fetchone()
    return None if row is None else (row[0], row[1])


def run_counts(store: Store, run_id: int) -> dict[str, int]:
    """Images done / failed and proposals of a run."""
    conn = store.connection()
    out = {s: n for s, n in conn.execute(
        "SELECT status, COUNT(*) FROM run_images WHERE run_id=? GROUP BY status", (run_id,))}
    out["proposals"] = int(conn.execute("SELECT COUNT(*) FROM proposals WHERE run_id=?",
                                        (run_id,)).fetchone()[0])
    return out


def write_labels_from_run(dataset: Dataset, store: Store, run_id: int) -> tuple[int, int]:
    """Write a run's proposals as YOLO label files for images that have none.

    A label file that exists (a human's, or an empty negative) is never touched, even if
    it appears while this runs. Images where the model found nothing get no file: "the
    model saw nothing" is not the same as a human's "negative". Returns (written, kept).
    """
    from studio.core.atomic import atomic_create_bytes
    from studio.core.labels.yolo import boxes_to_label_file
    from studio.core.store.label_origin import PRELABEL, record_machine_label

    written = kept = 0
    paths = [p for (p,) in store.connection().execute(
        "SELECT path FROM run_images WHERE run_id=? AND status='done' AND n>0 ORDER BY path", (run_id,))]
    for rel in paths:
        label = dataset.label_path(rel)
        if label.exists():
            kept += 1
            continue
        boxes = proposals_for(store, rel, run_id)
        label.parent.mkdir(parents=True, exist_ok=True)
        data = boxes_to_label_file(Boxes(boxes.xywhn, boxes.class_id)).render()
        if atomic_create_bytes(label, data):
            record_machine_label(store, rel, PRELABEL, run_id, data)  # no human decided these boxes
            written += 1
        else:
            kept += 1
    return written, kept
