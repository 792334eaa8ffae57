"""Reviewing a pre-labeling run: the queue, per-proposal decisions and finished images.

A reviewer walks the images of a run, accepts, edits or rejects the model's proposals
and finishes each image. Label files stay the truth for the boxes; the store keeps what
the files cannot say, each written the moment it is decided so a crash loses nothing:

- ``reviews``: one row per (run, image) once review began: ``open``, ``reviewed`` (a
  human finished it), ``auto`` (accepted automatically above a threshold) or ``spot``
  (held back from an automatic accept for a human spot check), the human boxes the
  image had when review began (``before``), timing and which window did it.
- ``decisions``: per proposal, ``accepted``, ``edited``, ``rejected``, ``duplicate``
  (same as a box the image already had) or ``hidden`` (below the confidence shown).

Example:
    >>> items = queue_items(store, run_id)  # doctest: +SKIP
    >>> order_queue(items, Sort.LOWEST_CONFIDENCE)[0].path  # doctest: +SKIP
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from studio.core.inference.runs import done_image_paths, image_signature, proposal_summary, run_proposals
from studio.core.labels.boxes import Boxes
from studio.core.labels.merge import overlaps_any
from studio.core.labels.metrics import box_iou, greedy_pairs
from studio.core.review.classes import ClassCheck, translate_classes
from studio.core.store.db import Store

if TYPE_CHECKING:
    from studio.core.dataset.layout import Dataset

SAME_IOU = 0.99  # a final box this close to a proposal is the proposal, unedited
EDIT_IOU = 0.5  # a final box this close to an accepted proposal is that proposal, edited


class ReviewStatus(str, Enum):
    """Where an image of a run stands."""

    PENDING = "pending"  # no review row yet
    OPEN = "open"
    REVIEWED = "reviewed"
    AUTO = "auto"
    SPOT = "spot"


class Decision(str, Enum):
    """What happened to one proposal."""

    ACCEPTED = "accepted"
    EDITED = "edited"
    REJECTED = "rejected"
    DUPLICATE = "duplicate"
    HIDDEN = "hidden"


class Sort(str, Enum):
    """Queue orders."""

    LOWEST_CONFIDENCE = "lowest_confidence"
    MOST_PROPOSALS = "most_proposals"
    DISAGREEMENT = "disagreement"
    NAME = "name"


@dataclass(frozen=True)
class QueueItem:
    """One image of a run, summarized for ordering and filtering."""

    path: str
    n: int  # proposals
    min_conf: float  # 1.0 without proposals
    max_conf: float  # 0.0 without proposals
    classes: frozenset[int]
    status: ReviewStatus
    spot: bool
    human_boxes: int  # boxes in the label file (from the index cache; -1 unknown)

    @property
    def done(self) -> bool:
        """A human or the automatic accept finished it."""
        return self.status in (ReviewStatus.REVIEWED, ReviewStatus.AUTO)

    @property
    def disagreement(self) -> float:
        """How much existing labels and proposals differ (box counts; 0 without labels)."""
        if self.human_boxes <= 0:
            return 0.0
        return abs(self.human_boxes - self.n) / max(self.human_boxes, self.n)


def boxes_to_json(boxes: Boxes) -> str:
    """Boxes as a compact JSON list of ``[class, cx, cy, w, h]`` rows."""
    return json.dumps([[int(c), *map(float, xywh)] for c, xywh in zip(boxes.class_id, boxes.xywhn)])


def boxes_from_json(text: str | None) -> Boxes:
    """Inverse of ``boxes_to_json`` (``None`` = no boxes)."""
    rows = json.loads(text) if text else []
    return Boxes.from_rows(rows) if rows else Boxes.empty()


# queue ------------------------------------------------------------------------------------------
def queue_items(store: Store, run_id: int, check: ClassCheck | None = None) -> list[QueueItem]:
    """Every image the run processed (unreadable ones left out), in path order; proposal
    classes in today's ids when ``check`` says they moved."""
    conn = store.connection()
    stats = proposal_summary(store, run_id)
    reviews = {p: (s, spot) for p, s, spot in conn.execute(
        "SELECT path, status, spot FROM reviews WHERE run_id=?", (run_id,))}
    human = store.box_counts()
    items = []
    for path in done_image_paths(store, run_id):
        n, lo, hi, cls = stats.get(path, (0, 1.0, 0.0, None))
        status, spot = reviews.get(path, (ReviewStatus.PENDING.value, 0))
        classes = frozenset(int(c) for c in cls.split(",")) if cls else frozenset()
        if check is not None and check.remap:
            classes = frozenset(check.remap.get(c, c) for c in classes)
        items.append(QueueItem(path, int(n), float(lo), float(hi), classes, ReviewStatus(status), bool(spot),
                               int(human.get(path, -1))))
    return items


def order_queue(items: Iterable[QueueItem], sort: Sort, classes: set[int] | None = None,
                conf_range: tuple[float, float] | None = None,
                disagreement: dict[str, float] | None = None) -> list[QueueItem]:
    """Filter (by proposal class, by a proposal inside a confidence range) and order the queue.

    Spot-check images come first whatever the order: an automatic accept waits on them.
    Images without proposals pass a class or confidence filter only when none is set.
    ``disagreement`` (from ``disagreement_scores``) replaces the box-count estimate.
    """
    scores = disagreement or {}
    out = []
    for it in items:
        if classes and not (it.classes & classes):
            continue
        if conf_range is not None and it.n:
            lo, hi = conf_range
            if it.max_conf < lo or it.min_conf > hi:
                continue
        elif conf_range is not None and conf_range != (0.0, 1.0):
            continue
        out.append(it)
    keys = {
        Sort.LOWEST_CONFIDENCE: lambda it: (it.min_conf if it.n else 2.0, it.path),
        Sort.MOST_PROPOSALS: lambda it: (-it.n, it.path),
        Sort.DISAGREEMENT: lambda it: (-scores.get(it.path, it.disagreement), it.min_conf if it.n else 2.0,
                                       it.path),
        Sort.NAME: lambda it: ("", it.path),
    }
    key = keys[sort]
    return sorted(out, key=lambda it: (not (it.spot and not it.done), key(it)))


def disagreement_scores(dataset: Dataset, store: Store, run_id: int, paths: Sequence[str], min_conf: float,
                        check: ClassCheck | None = None) -> dict[str, float]:
    """How much each image's label file and the run's proposals (at ``min_conf`` or above)
    disagree: the share of boxes on either side without a same-class partner at IoU >= 0.5.
    Images without a label file score 0 (nothing to disagree with)."""
    from studio.core.labels.yolo import load_yolo_labels

    out: dict[str, float] = {}
    for rel in paths:
        lf = load_yolo_labels(dataset.label_path(rel))
        if not lf.exists:
            out[rel] = 0.0
            continue
        _ids, props = run_proposals(store, run_id, rel)
        if check is not None:
            props, gone = translate_classes(props, check)
            props = props[np.flatnonzero(~gone)]
        if props.confidence is not None and len(props):
            props = props[np.flatnonzero(props.confidence >= min_conf)]
        human = lf.boxes
        total = len(human) + len(props)
        if not total:
            out[rel] = 0.0
            continue
        matched = greedy_pairs(human.to_xyxy((1, 1)), human.class_id, props.to_xyxy((1, 1)), props.class_id, 0.5)
        out[rel] = (total - 2 * matched) / total
    return out


@dataclass(frozen=True)
class QueueCounts:
    """Done and left in a queue."""

    total: int
    reviewed: int
    auto: int
    spot_left: int

    @property
    def done(self) -> int:
        """Finished by a human or automatically."""
        return self.reviewed + self.auto

    @property
    def left(self) -> int:
        """Still waiting for a human."""
        return self.total - self.done


def count_queue(items: Sequence[QueueItem]) -> QueueCounts:
    """Counts over a (possibly filtered) queue."""
    reviewed = sum(1 for it in items if it.status is ReviewStatus.REVIEWED)
    auto = sum(1 for it in items if it.status is ReviewStatus.AUTO)
    spot = sum(1 for it in items if it.spot and not it.done)
    return QueueCounts(len(items), reviewed, auto, spot)


def status_of(store: Store, run_id: int, path: str) -> tuple[ReviewStatus, str | None]:
    """An image's review status in a run and the window (owner) that set it."""
    row = store.connection().execute("SELECT status, owner FROM reviews WHERE run_id=? AND path=?",
                                     (run_id, path)).fetchone()
    return (ReviewStatus(row[0]), row[1]) if row else (ReviewStatus.PENDING, None)


# one image --------------------------------------------------------------------------------------
def decisions_for(store: Store, run_id: int, path: str) -> dict[int, Decision]:
    """Recorded decisions of one image's proposals, by proposal id."""
    return {int(pid): Decision(d) for pid, d in store.connection().execute(
        "SELECT proposal_id, decision FROM decisions WHERE run_id=? AND path=?", (run_id, path))}


def set_decisions(store: Store, run_id: int, path: str, changes: dict[int, Decision | None]) -> None:
    """Record (or with ``None`` forget) decisions, in one transaction."""
    put = [(pid, run_id, path, d.value) for pid, d in changes.items() if d is not None]
    drop = [(pid,) for pid, d in changes.items() if d is None]
    store.transaction([
        ("INSERT OR REPLACE INTO decisions(proposal_id, run_id, path, decision) VALUES (?,?,?,?)", put),
        ("DELETE FROM decisions WHERE proposal_id=?", drop),
    ])


def begin_review(store: Store, run_id: int, path: str, before: Boxes, owner: str) -> Boxes:
    """Note that review of an image began; returns the boxes it had *first* (kept across
    crashes and visits, so accepted boxes autosaved since never count as "before")."""
    conn = store.connection()
    row = conn.execute("SELECT before FROM reviews WHERE run_id=? AND path=?", (run_id, path)).fetchone()
    if row is not None and row[0] is not None:
        return boxes_from_json(row[0])
    store.transaction([
        ("INSERT OR IGNORE INTO reviews(run_id, path, status, started, owner) VALUES (?,?,?,?,?)",
         [(run_id, path, ReviewStatus.OPEN.value, time.time(), owner)]),
        ("UPDATE reviews SET before=? WHERE run_id=? AND path=? AND before IS NULL",
         [(boxes_to_json(before), run_id, path)]),
    ])
    return before


@dataclass(frozen=True)
class ImageOutcome:
    """Decisions of one finished image, and whether another window had finished it first."""

    decisions: dict[int, Decision]
    added: int  # final boxes that are neither a proposal nor a box the image had before
    already_reviewed_by: str | None = None

    def count(self, decision: Decision) -> int:
        """How many proposals got ``decision``."""
        return sum(1 for d in self.decisions.values() if d is decision)


def classify(ids: np.ndarray, proposals: Boxes, taken: dict[int, Decision], before: Boxes, final: Boxes,
             min_conf: float) -> ImageOutcome:
    """Final decision of each proposal from what the reviewer did and the labels that resulted.

    ``taken`` holds the reviewer's recorded actions (accepted / edited / rejected /
    duplicate). An accepted proposal still present unchanged is ``accepted``; one changed
    (moved, resized, class) is ``edited``; one accepted then deleted is ``rejected``.
    Proposals never taken are ``rejected`` if they were shown, ``hidden`` if below
    ``min_conf``.
    """
    out: dict[int, Decision] = {}
    used = np.zeros(len(final), bool)
    originals = []
    for k, pid in enumerate(ids.tolist()):
        one = proposals[np.array([k])]
        action = taken.get(pid)
        conf = float(proposals.confidence[k]) if proposals.confidence is not None else 1.0
        if action is Decision.DUPLICATE:
            out[pid] = Decision.DUPLICATE
            originals.append(k)
            continue
        if action in (Decision.ACCEPTED, Decision.EDITED) and len(final):
            ious = box_iou(one.to_xyxy((1, 1)), final.to_xyxy((1, 1)))[0]
            ious[used] = -1
            same = np.where(final.class_id == one.class_id[0], ious, -1)
            j = int(np.argmax(same))
            if same[j] >= SAME_IOU and action is Decision.ACCEPTED:
                used[j] = True
                out[pid] = Decision.ACCEPTED
                originals.append(k)
                continue
            j = int(np.argmax(ious))
            if ious[j] >= EDIT_IOU:
                used[j] = True
                out[pid] = Decision.EDITED
                originals.append(k)
                continue
            out[pid] = Decision.REJECTED
            continue
        if action in (Decision.ACCEPTED, Decision.EDITED):
            out[pid] = Decision.REJECTED
            continue
        out[pid] = Decision.REJECTED if conf >= min_conf or action is Decision.REJECTED else Decision.HIDDEN
    rest = final[np.flatnonzero(~used)] if len(final) else final
    known = before.merge(Boxes(proposals.xywhn[originals], proposals.class_id[originals])) if originals else before
    added = int((~overlaps_any(rest, known, EDIT_IOU, same_class=False)).sum()) if len(rest) else 0
    return ImageOutcome(out, added)


def finish_review(store: Store, run_id: int, path: str, final: Boxes, min_conf: float, owner: str,
                  seconds: float | None = None, check: ClassCheck | None = None) -> ImageOutcome:
    """Mark an image reviewed: classify its proposals and store all of it in one transaction."""
    ids, proposals = run_proposals(store, run_id, path)
    if check is not None:
        proposals = translate_classes(proposals, check)[0]
    taken = decisions_for(store, run_id, path)
    conn = store.connection()
    row = conn.execute("SELECT before, status, owner FROM reviews WHERE run_id=? AND path=?",
                       (run_id, path)).fetchone()
    before = boxes_from_json(row[0]) if row else Boxes.empty()
    other = row[2] if row and row[1] == ReviewStatus.REVIEWED.value and row[2] != owner else None
    outcome = classify(ids, proposals, taken, before, final, min_conf)
    now = time.time()
    store.transaction([
        ("INSERT OR IGNORE INTO reviews(run_id, path, status, started, owner, before) VALUES (?,?,?,?,?,?)",
         [(run_id, path, ReviewStatus.OPEN.value, now, owner, boxes_to_json(before))]),
        ("UPDATE reviews SET status=?, finished=?, seconds=COALESCE(?, seconds), owner=? "
         "WHERE run_id=? AND path=?", [(ReviewStatus.REVIEWED.value, now, seconds, owner, run_id, path)]),
        ("INSERT OR REPLACE INTO decisions(proposal_id, run_id, path, decision) VALUES (?,?,?,?)",
         [(pid, run_id, path, d.value) for pid, d in outcome.decisions.items()]),
    ])
    return ImageOutcome(outcome.decisions, outcome.added, other)


def reopen_review(store: Store, run_id: int, path: str) -> None:
    """Undo a finish: the image waits for review again (a spot-check image stays one)."""
    store.transaction([("UPDATE reviews SET status=CASE WHEN spot=1 THEN 'spot' ELSE 'open' END, finished=NULL "
                        "WHERE run_id=? AND path=?", [(run_id, path)])])


def reviewed_paths(store: Store, run_id: int, statuses: Sequence[ReviewStatus] = (ReviewStatus.REVIEWED,),
                   spot_only: bool = False) -> list[str]:
    """Images of a run in the given review statuses, in path order."""
    marks = ",".join("?" * len(statuses))
    sql = f"SELECT path FROM reviews WHERE run_id=? AND status IN ({marks})"
    if spot_only:
        sql += " AND spot=1"
    return [p for (p,) in store.connection().execute(sql + " ORDER BY path",
                                                      (run_id, *[s.value for s in statuses]))]


def recent_seconds(store: Store, run_id: int, limit: int = 50) -> list[float]:
    """Seconds spent on the most recently finished images (for the reviewer's pace)."""
    return [float(s) for (s,) in store.connection().execute(
        "SELECT seconds FROM reviews WHERE run_id=? AND status='reviewed' AND seconds IS NOT NULL "
        "ORDER BY finished DESC LIMIT ?", (run_id, limit))]


# what may have changed since the run ------------------------------------------------------------
def image_changed_since_run(store: Store, run_id: int, path: str, image_file: Path) -> str | None:
    """``"deleted"`` or ``"changed"`` when the image is not the file the model saw, else ``None``.

    Runs recorded before studio kept image signatures report ``None`` (cannot tell).
    """
    row = image_signature(store, run_id, path)
    try:
        st = os.stat(image_file)
    except OSError:
        return "deleted"
    if row is None or row[0] is None:
        return None
    return None if (st.st_mtime_ns, st.st_size) == (row[0], row[1]) else "changed"


# what automatic accepts and the quality report read and write (this module owns the tables) -----
def decision_counts(store: Store, run_id: int, paths: Sequence[str]) -> dict[str, int]:
    """How many proposals of ``paths`` got each decision."""
    if not paths:
        return {}
    marks = ",".join("?" * len(paths))
    return {d: int(n) for d, n in store.connection().execute(
        f"SELECT decision, COUNT(*) FROM decisions WHERE run_id=? AND path IN ({marks}) GROUP BY decision",
        (run_id, *paths))}


def boxes_before_review(store: Store, run_id: int, spot_only: bool = False) -> dict[str, Boxes]:
    """The human boxes each image had when its review (or automatic accept) began."""
    sql = "SELECT path, before FROM reviews WHERE run_id=?" + (" AND spot=1" if spot_only else "")
    return {p: boxes_from_json(b) for p, b in store.connection().execute(sql, (run_id,))}


def mark_spot_checks(store: Store, run_id: int, paths: Sequence[str], auto_id: int, owner: str,
                     now: float) -> None:
    """Hold ``paths`` back from automatic accept ``auto_id`` for a human spot check."""
    store.transaction([
        ("INSERT OR IGNORE INTO reviews(run_id, path, status, started, owner) VALUES (?,?,?,?,?)",
         [(run_id, p, ReviewStatus.SPOT.value, now, owner) for p in paths]),
        ("UPDATE reviews SET spot=1, auto_id=?, status=CASE WHEN status='open' THEN 'spot' ELSE status END "
         "WHERE run_id=? AND path=?", [(auto_id, run_id, p) for p in paths]),
    ])


def remember_before(store: Store, run_id: int, path: str, before: Boxes) -> None:
    """Keep the boxes ``path`` had (once), to compare with an automatic result later."""
    store.transaction([("UPDATE reviews SET before=? WHERE run_id=? AND path=? AND before IS NULL",
                        [(boxes_to_json(before), run_id, path)])])


def record_auto_accept(store: Store, run_id: int, path: str, before: Boxes, started: float, owner: str,
                       auto_id: int, proposal_ids: np.ndarray, duplicate: np.ndarray) -> None:
    """An image accepted automatically: its review row and each proposal's decision, in one transaction."""
    store.transaction([
        ("INSERT OR REPLACE INTO reviews(run_id, path, status, spot, before, started, finished, owner, "
         "auto_id) VALUES (?,?,?,0,?,?,?,?,?)",
         [(run_id, path, ReviewStatus.AUTO.value, boxes_to_json(before), started, time.time(), owner, auto_id)]),
        ("INSERT OR REPLACE INTO decisions(proposal_id, run_id, path, decision) VALUES (?,?,?,?)",
         [(int(pid), run_id, path, (Decision.DUPLICATE if d else Decision.ACCEPTED).value)
          for pid, d in zip(proposal_ids, duplicate)]),
    ])


@dataclass(frozen=True)
class SpotCheckRows:
    """An automatic accept's spot check as stored: sample size, images accepted, spot images reviewed."""

    sampled: int
    accepted: int
    reviewed_paths: list[str]


def spot_check_rows(store: Store, run_id: int, auto_id: int) -> SpotCheckRows:
    """What the store says about automatic accept ``auto_id`` of ``run_id``."""
    conn = store.connection()
    sampled = int(conn.execute("SELECT COUNT(*) FROM reviews WHERE run_id=? AND spot=1 AND auto_id=?",
                               (run_id, auto_id)).fetchone()[0])
    accepted = int(conn.execute("SELECT COUNT(*) FROM reviews WHERE run_id=? AND status=? AND auto_id=?",
                                (run_id, ReviewStatus.AUTO.value, auto_id)).fetchone()[0])
    paths = [p for (p,) in conn.execute("SELECT path FROM reviews WHERE run_id=? AND spot=1 AND auto_id=? "
                                        "AND status=? ORDER BY path", (run_id, auto_id, ReviewStatus.REVIEWED.value))]
    return SpotCheckRows(sampled, accepted, paths)
