"""Suspicious labels in the store, and what humans decided about them.

A check's images are stored worst first with their issues; a decision is stored the moment it
is made: ``kept`` (the label is right), ``taken`` (the model's suggestion was written to the
label file) or ``edited`` (fixed by hand). ``taken`` and ``edited`` keep the label file's bytes
before and after, so a decision can be undone on any image, and an undo never overwrites a file
that changed since.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from studio.core.dataset.layout import Dataset
from studio.core.i18n import QT_TRANSLATE_NOOP, TranslatableMessage
from studio.core.insight.label_issues import BADLOC, OVERLOOKED, SWAP, TAKE_CONFIDENCE, BoxIssue, ImageIssues
from studio.core.labels.boxes import Boxes
from studio.core.labels.yolo import LabelFile, parse_label_bytes, save_label_bytes
from studio.core.store.db import Store

KEPT, TAKEN, EDITED = "kept", "taken", "edited"


class DecisionError(TranslatableMessage, ValueError):
    """A decision that cannot be carried out as asked; the label file is left as it is."""

    def __init__(self, template: str, **params: object) -> None:
        super().__init__(self._init_message(template, params))


@dataclass
class CheckInfo:
    """One stored check."""

    id: int
    work_dir: Path
    params: dict
    created: float


@dataclass
class QueueEntry:
    """One image of a check's queue: its rank (0 = worst), quality, issues and decisions so far."""

    path: str
    rank: int
    quality: float
    issues: list[BoxIssue] = field(default_factory=list)
    decisions: dict[int, str] = field(default_factory=dict)

    @property
    def open_issues(self) -> list[int]:
        """Issues nobody has decided yet."""
        return [i for i in range(len(self.issues)) if i not in self.decisions]


def save_check(store: Store, plan: object, params: object, ranked: list[tuple[str, ImageIssues]]) -> int:
    """Store a finished check; decisions of an earlier check of the same folder carry over."""
    conn = store.connection()
    work_dir = str(plan.work_dir)  # type: ignore[attr-defined]
    with conn:
        cur = conn.execute("INSERT INTO label_checks (work_dir, params, created) VALUES (?, ?, ?)",
                           (work_dir, json.dumps(asdict(params)), time.time()))  # type: ignore[call-overload]
        check_id = int(cur.lastrowid or 0)
        conn.executemany("INSERT INTO label_check_images VALUES (?, ?, ?, ?, ?)",
                         [(check_id, path, rank, image.quality, json.dumps([i.to_json() for i in image.issues]))
                          for rank, (path, image) in enumerate(ranked)])
        earlier = conn.execute("SELECT MAX(id) FROM label_checks WHERE work_dir = ? AND id < ?",
                               (work_dir, check_id)).fetchone()[0]
        if earlier is not None:
            conn.execute("INSERT INTO label_check_decisions SELECT ?, path, issue, decision, before, after, decided "
                         "FROM label_check_decisions WHERE check_id = ?", (check_id, earlier))
    return check_id


def latest_check(store: Store) -> CheckInfo | None:
    """The newest stored check, or ``None``."""
    row = store.connection().execute("SELECT id, work_dir, params, created FROM label_checks "
                                     "ORDER BY id DESC LIMIT 1").fetchone()
    return None if row is None else CheckInfo(int(row[0]), Path(row[1]), json.loads(row[2]), float(row[3]))


def check_queue(store: Store, check_id: int, flagged_only: bool = True) -> list[QueueEntry]:
    """The check's images worst first (only those with issues unless ``flagged_only`` is off)."""
    conn = store.connection()
    decided: dict[str, dict[int, str]] = {}
    for path, issue, decision in conn.execute("SELECT path, issue, decision FROM label_check_decisions "
                                              "WHERE check_id = ?", (check_id,)):
        decided.setdefault(path, {})[int(issue)] = decision
    out = []
    for path, rank, quality, issues in conn.execute("SELECT path, rank, quality, issues FROM label_check_images "
                                                    "WHERE check_id = ? ORDER BY rank", (check_id,)):
        parsed = [BoxIssue.from_json(i) for i in json.loads(issues)]
        if parsed or not flagged_only:
            out.append(QueueEntry(path, int(rank), float(quality), parsed, decided.get(path, {})))
    return out


def offered(issue: BoxIssue) -> bool:
    """The model has a suggestion for ``issue``: another class, a box to move to, or a new box."""
    return {SWAP: issue.suggested_class is not None, BADLOC: issue.suggested_box is not None,
            OVERLOOKED: issue.suggested_box is not None and issue.suggested_class is not None}.get(issue.kind, False)


def takeable(issue: BoxIssue) -> bool:
    """One key may write the suggestion for ``issue``: there is one and the model is sure of it."""
    return offered(issue) and issue.sure


def suggested_boxes(boxes: Boxes, issue: BoxIssue) -> Boxes:
    """``boxes`` with the model's suggestion for ``issue`` applied: a class changed, a box moved,
    or the unlabeled object's box added at the end."""
    if not offered(issue):
        raise DecisionError(QT_TRANSLATE_NOOP("studio.core", "the model has no suggestion for this box; keep it or fix it by hand"))
    if not issue.sure:
        raise DecisionError(QT_TRANSLATE_NOOP("studio.core", "the model is unsure of its suggestion ({conf:.2f}, below {floor:.2f}); keep the label or fix it by hand"),
                            conf=issue.suggested_confidence or 0.0, floor=TAKE_CONFIDENCE[issue.kind])
    if issue.kind == OVERLOOKED:
        xywhn = np.vstack([boxes.xywhn.reshape(-1, 4), np.array([issue.suggested_box], np.float64)])
        return Boxes(xywhn, np.append(boxes.class_id, issue.suggested_class))
    if issue.index < 0 or issue.index >= len(boxes):
        raise DecisionError(QT_TRANSLATE_NOOP("studio.core", "the label file changed since the check (box {n} is gone); fix it by hand"), n=issue.index + 1)
    xywhn, class_id = boxes.xywhn.copy(), boxes.class_id.copy()
    if issue.kind == SWAP:
        class_id[issue.index] = issue.suggested_class
    else:
        xywhn[issue.index] = issue.suggested_box
    return Boxes(xywhn, class_id)


def suggested_file(data: bytes | None, issue: BoxIssue) -> bytes:
    """The label file's bytes with the model's suggestion for ``issue`` applied (other rows keep
    their text)."""
    label = parse_label_bytes(data) if data is not None else LabelFile(exists=True)
    return label.with_boxes(suggested_boxes(label.boxes, issue)).render()


def record_decision(store: Store, check_id: int, path: str, issue_no: int, decision: str,
                    before: bytes | None = None, after: bytes | None = None) -> None:
    """Store a decision made elsewhere (the review panel edits through its own editor)."""
    with store.connection() as conn:
        conn.execute("INSERT OR REPLACE INTO label_check_decisions VALUES (?, ?, ?, ?, ?, ?, ?)",
                     (check_id, path, issue_no, decision, before, after, time.time()))


def forget_decision(store: Store, check_id: int, path: str, issue_no: int) -> None:
    """Take a stored decision back (the label file is the caller's to restore)."""
    with store.connection() as conn:
        conn.execute("DELETE FROM label_check_decisions WHERE check_id = ? AND path = ? AND issue = ?",
                     (check_id, path, issue_no))


def decide(store: Store, dataset: Dataset, check_id: int, path: str, issue_no: int, decision: str,
           after: bytes | None = None) -> None:
    """Record a decision; ``taken`` writes the suggestion to the label file (atomically) first,
    ``edited`` records the file as the human left it (``after``)."""
    conn = store.connection()
    row = conn.execute("SELECT issues FROM label_check_images WHERE check_id = ? AND path = ?",
                       (check_id, path)).fetchone()
    if row is None:
        raise DecisionError(QT_TRANSLATE_NOOP("studio.core", "{path} is not in this check"), path=path)
    issue = BoxIssue.from_json(json.loads(row[0])[issue_no])
    label_path = dataset.label_path(path)
    before = _read(label_path)
    if decision == TAKEN:
        after = suggested_file(before, issue)
        if before is None:
            label_path.parent.mkdir(parents=True, exist_ok=True)
        save_label_bytes(label_path, after)
    elif decision == KEPT:
        before = after = None
    record_decision(store, check_id, path, issue_no, decision, before, after)


def undo(store: Store, dataset: Dataset, check_id: int, path: str, issue_no: int) -> None:
    """Take a decision back: a taken suggestion's file is restored, unless it changed since."""
    conn = store.connection()
    row = conn.execute("SELECT decision, before, after FROM label_check_decisions WHERE check_id = ? AND path = ? "
                       "AND issue = ?", (check_id, path, issue_no)).fetchone()
    if row is None:
        return
    decision, before, after = row
    if decision == TAKEN:
        label_path = dataset.label_path(path)
        if _read(label_path) != after:
            raise DecisionError(QT_TRANSLATE_NOOP("studio.core", "{path} changed after the suggestion was taken; undo it by hand"), path=path)
        if before is None:
            label_path.unlink(missing_ok=True)
        else:
            save_label_bytes(label_path, bytes(before))
    forget_decision(store, check_id, path, issue_no)


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
