"""Deciding suspicious labels: keep the label, take the model's suggestion, or edit by hand.

The controller holds the newest label check's queue (images worst first) and the issue in
focus. Taking a suggestion is an ordinary edit of the image's ``LabelDocument`` through the
editor (so it autosaves and the editor's undo knows it); every decision is stored at once.
Ctrl+Z takes back the newest decision, going back to its image when it was made on another.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PyQt6.QtCore import QObject, pyqtSignal

from studio.core.insight.label_issues import BADLOC, OVERLOOKED, SWAP, BoxIssue
from studio.core.labelcheck.effect import EffectResult, stored_effect
from studio.core.labelcheck.results import (
    EDITED,
    KEPT,
    TAKEN,
    DecisionError,
    QueueEntry,
    check_queue,
    forget_decision,
    latest_check,
    record_decision,
    suggested_boxes,
    takeable,
)
from studio.core.labels.boxes import Boxes
from studio.core.labels.document import LabelDocument
from studio.core.store.db import StoreError
from studio.ui.annotate.canvas import Canvas
from studio.ui.annotate.editor import AnnotationEditor
from studio.ui.session import DatasetSession
from studio.ui.texts import error_text


@dataclass
class _Step:
    """One undoable decision."""

    path: str
    issue: int
    edited: bool  # the decision changed the boxes (one document undo step)
    depth: int  # the document's history depth right after it


class LabelErrorsController(QObject):
    """The label-errors queue and the keys that decide its issues."""

    changed = pyqtSignal()  # the queue, the current image or the focus changed
    go_to = pyqtSignal(int)  # index row to show next
    message = pyqtSignal(str)

    def __init__(self, session: DatasetSession, editor: AnnotationEditor, canvas: Canvas,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session, self.editor, self.canvas = session, editor, canvas
        self.active = False  # this queue (not the proposals queue) is the one under review
        self.check_id: int | None = None
        self.created = 0.0
        self.effect: EffectResult | None = None  # the newest "Measure the effect" of this check
        self.entries: list[QueueEntry] = []
        self._by_path: dict[str, QueueEntry] = {}
        self.current: QueueEntry | None = None
        self.focus = -1  # issue number in the current entry
        self._depth_at_show = 0
        self._undo: list[_Step] = []
        session.closed.connect(self.forget)

    # the queue --------------------------------------------------------------------------------
    def load(self) -> None:
        """Read the newest label check of the open dataset."""
        store = self.session.store
        info = latest_check(store) if store is not None else None
        self.check_id = info.id if info is not None else None
        self.created = info.created if info is not None else 0.0
        self.effect = stored_effect(info.work_dir) if info is not None else None
        self.entries = check_queue(store, info.id) if info is not None and store is not None else []
        self._by_path = {e.path: e for e in self.entries}
        self._undo.clear()
        self.current = None
        self.changed.emit()

    def forget(self) -> None:
        """The dataset was closed."""
        self.check_id, self.entries, self._by_path, self.current = None, [], {}, None
        self._undo.clear()

    def order_rows(self) -> np.ndarray | None:
        """Index rows of the queue's images, worst first (for the image list)."""
        index = self.session.index
        if index is None or not self.entries:
            return None
        rows = [index.position(e.path) for e in self.entries]
        return np.array([r for r in rows if r >= 0], np.int64)

    def counts(self) -> tuple[int, int, int]:
        """Images in the queue, issues, and issues decided."""
        issues = sum(len(e.issues) for e in self.entries)
        return len(self.entries), issues, sum(len(e.decisions) for e in self.entries)

    # the image on screen ----------------------------------------------------------------------
    def show(self, rel: str | None) -> None:
        """The editor shows ``rel``: focus its first undecided issue and draw them."""
        self.current = self._by_path.get(rel or "")
        doc = self.editor.doc
        self._depth_at_show = doc.history_depth if doc is not None else 0
        self.focus = self.current.open_issues[0] if self.current is not None and self.current.open_issues else -1
        self.draw()

    def draw(self, select: bool = True) -> None:
        """Show the current image's undecided issues on the canvas (captions: the reasons); the
        focused issue's box is selected unless ``select`` is off (a box being edited by hand)."""
        if not self.active:
            return
        shown, focused, captions = self.shown()
        self.canvas.set_proposals(shown, focused, captions)
        issue = self._focused_issue()
        if select and issue is not None and issue.kind in (SWAP, BADLOC) and 0 <= issue.index < len(self.editor.boxes):
            self.editor.select([issue.index])
        self.changed.emit()

    def shown(self) -> tuple[Boxes, int, list[str]]:
        """The boxes drawn for the undecided issues, the focused one's position, and captions."""
        cur, boxes = self.current, self.editor.boxes
        rows, classes, conf, captions, focused = [], [], [], [], -1
        for k in cur.open_issues if cur is not None else []:
            issue = cur.issues[k]
            box = issue.suggested_box
            if box is None or issue.kind == SWAP:
                if not 0 <= issue.index < len(boxes):
                    continue
                box = tuple(boxes.xywhn[issue.index])
            cls = issue.suggested_class if issue.suggested_class is not None else (
                int(boxes.class_id[issue.index]) if 0 <= issue.index < len(boxes) else 0)
            if k == self.focus:
                focused = len(rows)
            rows.append(box)
            classes.append(cls)
            conf.append(issue.suggested_confidence or 0.0)
            captions.append(error_text(issue.reason))
        if not rows:
            return Boxes.empty(), -1, []
        return Boxes(np.array(rows, np.float64), np.array(classes, np.int64), np.array(conf)), focused, captions

    def can_take(self) -> bool:
        """The focused issue has a suggestion the model is sure of (Y would write it)."""
        issue = self._focused_issue()
        return issue is not None and takeable(issue)

    def _focused_issue(self) -> BoxIssue | None:
        cur = self.current
        return cur.issues[self.focus] if cur is not None and 0 <= self.focus < len(cur.issues) else None

    def focus_step(self, delta: int) -> None:
        """Focus the next / previous undecided issue of this image (Tab, Shift+Tab)."""
        cur = self.current
        if cur is None or not cur.open_issues:
            return
        open_ = cur.open_issues
        pos = open_.index(self.focus) if self.focus in open_ else -1
        self.focus = open_[(pos + delta) % len(open_)]
        self.draw()

    # decisions --------------------------------------------------------------------------------
    def _ready(self) -> tuple[LabelDocument, QueueEntry, int] | None:
        doc, cur = self.editor.doc, self.current
        if doc is None or cur is None or self.check_id is None or self.session.store is None:
            return None
        if self.session.relative(doc.image_path) != cur.path or self.focus not in cur.open_issues:
            return None
        return doc, cur, self.focus

    def take_focused(self) -> None:
        """Write the model's suggestion for the focused issue (Y)."""
        ready = self._ready()
        if ready is None:
            return
        doc, cur, k = ready
        issue = cur.issues[k]
        try:
            boxes = suggested_boxes(doc.boxes, issue)
        except DecisionError as exc:
            self.message.emit(error_text(exc))
            return
        select = [len(boxes) - 1] if issue.kind == OVERLOOKED else [issue.index]
        if not self.editor.edit(boxes, select):
            return
        self._decided(doc, cur, k, TAKEN, True)

    def keep_focused(self) -> None:
        """The label is right as it is (R)."""
        ready = self._ready()
        if ready is not None:
            self._decided(ready[0], ready[1], ready[2], KEPT, False)

    def edit_focused(self) -> None:
        """Fix the focused issue by hand (E): its box is selected (an unlabeled object's box is
        added first), ready for the usual keys and mouse."""
        ready = self._ready()
        if ready is None:
            return
        doc, cur, k = ready
        issue = cur.issues[k]
        edited = False
        if issue.kind == OVERLOOKED:
            edited = self.editor.edit(suggested_boxes(doc.boxes, issue), [len(doc.boxes)])
        elif 0 <= issue.index < len(doc.boxes):
            self.editor.select([issue.index])
        self._decided(doc, cur, k, EDITED, edited, advance=False)
        self.canvas.setFocus()

    def keep_all_and_next(self) -> None:
        """Keep every undecided label of this image and go to the next image (X)."""
        cur = self.current
        while cur is not None and cur.open_issues and self._ready() is not None:
            self.focus = cur.open_issues[0]
            ready = self._ready()
            assert ready is not None
            self._decided(ready[0], cur, self.focus, KEPT, False, advance=False)
        self.next_image()

    def _decided(self, doc: LabelDocument, cur: QueueEntry, k: int, decision: str, edited: bool,
                 advance: bool = True) -> None:
        try:
            record_decision(self.session.store, self.check_id, cur.path, k, decision)  # type: ignore[arg-type]
        except StoreError as exc:
            self.message.emit(str(exc))
            return
        cur.decisions[k] = decision
        self._undo.append(_Step(cur.path, k, edited, doc.history_depth))
        if cur.open_issues:
            self.focus = cur.open_issues[0]
            self.draw(select=decision != EDITED)  # a box edited by hand stays selected
        elif advance:
            self.draw()
            self.next_image()
        else:
            self.focus = -1
            self.draw()

    def next_image(self, from_start: bool = False) -> bool:
        """Show the next image of the queue with undecided issues (Enter), or the worst one
        (``from_start``); False when none is left."""
        index = self.session.index
        if index is None or not self.entries:
            return False
        start = 0 if from_start or self.current not in self.entries else self.entries.index(self.current) + 1
        for entry in [*self.entries[start:], *self.entries[:start]]:
            if entry.open_issues and (from_start or entry is not self.current):
                row = index.position(entry.path)
                if row >= 0:
                    self.go_to.emit(row)
                    return True
        self.message.emit(self.tr("Every suspicious label has a decision."))
        return False

    # undo -------------------------------------------------------------------------------------
    def undo(self) -> bool:
        """Take back the newest decision (Ctrl+Z), on its image; False when the editor's own undo
        should run instead (an ordinary edit came after it)."""
        step = self._undo[-1] if self._undo else None
        doc = self.editor.doc
        if step is None or doc is None or self.session.dataset is None:
            return False
        cur_path = self.session.relative(doc.image_path)
        if step.path == cur_path:
            if doc.history_depth != step.depth:
                return False
            self._revert(step, doc)
            return True
        if doc.history_depth != self._depth_at_show:
            return False
        other = self.editor.document_for(self.session.dataset.label_path(step.path))
        if step.edited and (other is None or other.history_depth != step.depth):
            return False
        row = self.session.index.position(step.path) if self.session.index is not None else -1
        self._revert(step, other)
        if row >= 0:
            self.go_to.emit(row)
        return True

    def _revert(self, step: _Step, doc: LabelDocument | None) -> None:
        self._undo.pop()
        if step.edited and doc is not None:
            self.editor.undo_in(doc)
            doc.drop_redo()
        try:
            forget_decision(self.session.store, self.check_id, step.path, step.issue)  # type: ignore[arg-type]
        except StoreError as exc:
            self.message.emit(str(exc))
        entry = self._by_path.get(step.path)
        if entry is not None:
            entry.decisions.pop(step.issue, None)
            if entry is self.current:
                self.focus = step.issue
                self.draw()
        self.changed.emit()
