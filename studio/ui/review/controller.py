"""The reviewer's decisions: which proposals are pending, what the keys do.

The controller owns the proposals shown on the canvas (pending ones of the active run:
neither accepted nor rejected yet) and turns review keys into edits of the current
``LabelDocument`` (through the editor, so undo and autosave work as for any edit) and
decision rows in the store (written at once, so a crash loses nothing decided).
Finishing an image classifies its proposals and marks it reviewed; undo can walk back
over a finished image to the one before.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np
from PyQt6.QtCore import QObject, pyqtSignal

from studio.core.inference.runs import run_proposals
from studio.core.labels.boxes import Boxes
from studio.core.labels.document import LabelDocument
from studio.core.labels.merge import merge_accepted
from studio.core.review.classes import translate_classes
from studio.core.review.workflow import (
    Decision,
    ReviewStatus,
    begin_review,
    decisions_for,
    finish_review,
    image_changed_since_run,
    reopen_review,
    set_decisions,
    status_of,
)
from studio.core.store.db import StoreError
from studio.ui.annotate.canvas import Canvas
from studio.ui.annotate.editor import AnnotationEditor
from studio.ui.review.queue import ReviewQueue
from studio.ui.review.state import ProposalState
from studio.ui.session import DatasetSession

IDLE_CAP_SECONDS = 120.0  # time on one image counted at most this much (the reviewer left)


@dataclass
class _Step:
    """One undoable review action."""

    path: str
    old: dict[int, Decision | None]  # decisions before (None = undecided)
    depth: int  # the document's history depth right after the action
    edited: bool  # the action changed the boxes (one document undo step)
    finished: bool = False  # the action finished the image
    prior_status: ReviewStatus = ReviewStatus.OPEN
    with_finish: bool = False  # part of "accept/reject all and next": undone with its finish


@dataclass
class _Current:
    """The image under review."""

    path: str
    ids: np.ndarray
    proposals: Boxes  # in today's class ids
    gone: np.ndarray  # proposals whose class the dataset no longer has
    decided: dict[int, Decision] = field(default_factory=dict)
    shown_at: float = field(default_factory=time.monotonic)
    changed: str | None = None  # "changed" / "deleted" since the run
    depth_at_show: int = 0  # the document's history depth when it was shown


class ReviewController(QObject):
    """Review actions on the image on screen. It owns the run's queue (``self.queue``) and what the
    reviewer sees of the proposals (``self.state``)."""

    current_changed = pyqtSignal()  # pending proposals / focus of the current image changed
    go_to = pyqtSignal(int)  # index row to show next
    message = pyqtSignal(str)

    def __init__(self, session: DatasetSession, editor: AnnotationEditor, canvas: Canvas,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session, self.canvas, self.editor = session, canvas, editor
        self.state = ProposalState(parent=self)
        self.queue = ReviewQueue(session, self.state, self)
        self.queue.message.connect(self.message)
        self.queue.run_changed.connect(lambda _run: self._run_switched())
        self.current: _Current | None = None
        self._undo: list[_Step] = []
        self.draws = True  # off while the label-errors queue draws on the canvas
        self.state.changed.connect(self._draw)
        canvas.proposal_clicked.connect(self._on_proposal_clicked)
        canvas.proposal_activated.connect(self._on_proposal_activated)
        session.closed.connect(self._forget)

    # review mode ------------------------------------------------------------------------------
    def set_active(self, on: bool) -> None:
        """Enter or leave review mode (the image list follows the queue while on)."""
        self.queue.active = on
        if on:
            self.queue.refresh_queue()
            self.next_pending(from_start=True)  # the image that needs a human most
        else:
            self.queue.order_changed.emit(None)

    def _run_switched(self) -> None:
        self._undo.clear()
        self.reload_current()

    # the current image ------------------------------------------------------------------------
    def reload_current(self) -> None:
        """Load the active run's proposals of the image the editor shows."""
        doc, store, ds = self.editor.doc, self.session.store, self.session.dataset
        rel = self.session.relative(doc.image_path) if doc is not None else None
        if doc is None or store is None or ds is None or self.queue.run is None or rel is None:
            self.current = None
            self.state.clear()
            return
        ids, props = run_proposals(store, self.queue.run.id, rel)
        props, gone = translate_classes(props, self.queue.check)
        cur = _Current(rel, ids, props, gone, decisions_for(store, self.queue.run.id, rel),
                       depth_at_show=doc.history_depth)
        if len(ids):
            cur.changed = image_changed_since_run(store, self.queue.run.id, rel, ds.image_path(rel))
        self.current = cur
        item = self.queue.item(rel)
        if item is not None and not item.done and (len(ids) or self.queue.active):
            try:
                begin_review(store, self.queue.run.id, rel, doc.boxes, self.session.owner)
            except StoreError as exc:
                self.message.emit(str(exc))
        if cur.changed == "changed":
            self.message.emit(self.tr("This image changed on disk since the model saw it: "
                                      "its proposals may be misplaced."))
        self.state.set_image(props, self.pending_indices())

    def pending_indices(self) -> list[int]:
        """Indices (into the current proposals) not decided yet, visible or not."""
        cur = self.current
        if cur is None:
            return []
        return [k for k, pid in enumerate(cur.ids.tolist())
                if pid not in cur.decided and not cur.gone[k]]

    def visible_pending(self) -> list[int]:
        """Pending proposals at or above the confidence threshold, most confident first."""
        return self.state.visible()

    def _draw(self) -> None:
        """The canvas draws what the state shows (unless another queue owns the canvas)."""
        if self.draws:
            self.canvas.set_proposals(*self.state.shown())
        self.current_changed.emit()

    def _pending_changed(self) -> None:
        self.state.set_pending(self.pending_indices())

    def focused_index(self) -> int:
        """Index (into the current proposals) of the focused proposal, or ``-1``."""
        return self.state.focused()

    def focus_step(self, delta: int) -> None:
        """Move the focus to the next / previous visible pending proposal (Tab, Shift+Tab)."""
        self.state.step(delta)

    def _on_proposal_clicked(self, shown_pos: int) -> None:
        self.state.focus_on(shown_pos)

    def _on_proposal_activated(self, shown_pos: int) -> None:
        self._on_proposal_clicked(shown_pos)
        self.accept_focused()

    # decisions --------------------------------------------------------------------------------
    def _ready(self) -> tuple[LabelDocument, _Current] | None:
        doc, cur = self.editor.doc, self.current
        if doc is None or cur is None or self.session.store is None or self.queue.run is None:
            return None
        if self.session.relative(doc.image_path) != cur.path:
            return None
        return doc, cur

    def _record(self, cur: _Current, changes: dict[int, Decision | None], edited: bool, doc: LabelDocument,
                with_finish: bool = False) -> bool:
        """Write decisions to the store and push an undo step; False if the store refused."""
        old = {pid: cur.decided.get(pid) for pid in changes}
        try:
            set_decisions(self.session.store, self.queue.run.id, cur.path, changes)
        except StoreError as exc:
            self.message.emit(str(exc))
            return False
        for pid, d in changes.items():
            if d is None:
                cur.decided.pop(pid, None)
            else:
                cur.decided[pid] = d
        self._undo.append(_Step(cur.path, old, doc.history_depth, edited, with_finish=with_finish))
        return True

    def _accept(self, indices: list[int], decision: Decision = Decision.ACCEPTED,
                with_finish: bool = False) -> list[int]:
        """Add proposals to the document (duplicates skipped); returns the new boxes' indices.

        A bulk accept (``with_finish``) also skips a proposal whose object already has a box
        of another class, or a more confident proposal: one box per object."""
        ready = self._ready()
        if ready is None or not indices:
            return []
        doc, cur = ready
        chosen = cur.proposals[np.array(indices)]
        merged, dup = merge_accepted(doc.boxes, chosen, any_class=with_finish)
        if not (dup.all() or self.editor.edit(merged, None)):
            return []
        n_before = len(doc.boxes) - int((~dup).sum())
        changes = {int(cur.ids[k]): (Decision.DUPLICATE if d else decision) for k, d in zip(indices, dup)}
        self._record(cur, changes, bool((~dup).any()), doc, with_finish)
        if dup.any():
            self.message.emit(self.tr("{0} proposal(s) matched boxes the image already has and were "
                                      "not added twice.").format(int(dup.sum())))
        return list(range(n_before, len(doc.boxes)))

    def accept_focused(self) -> None:
        """Accept the focused proposal (Y)."""
        k = self.focused_index()
        if k >= 0:
            self._accept([k])
            self._after_single()

    def edit_focused(self) -> None:
        """Accept the focused proposal as a human box and select it for editing (E)."""
        k = self.focused_index()
        if k < 0:
            return
        new = self._accept([k], Decision.EDITED)
        self._after_single()
        if new:
            self.editor.select(new)
            self.canvas.setFocus()

    def reject_focused(self) -> None:
        """Reject the focused proposal (R)."""
        ready = self._ready()
        k = self.focused_index()
        if ready is None or k < 0:
            return
        doc, cur = ready
        self._record(cur, {int(cur.ids[k]): Decision.REJECTED}, False, doc)
        self._after_single()

    def _after_single(self) -> None:
        self._pending_changed()

    def _ready_in_run(self) -> tuple[LabelDocument, _Current] | None:
        """Like ``_ready``, and the image belongs to the run under review (else says so)."""
        ready = self._ready()
        if ready is not None and self.queue.item(ready[1].path) is None:
            self.message.emit(self.tr("This image is not part of the run under review."))
            return None
        return ready

    def accept_all_and_next(self) -> None:
        """Accept every visible pending proposal, finish the image and go on (Enter)."""
        if self._ready_in_run() is None:
            return
        visible = self.visible_pending()
        if visible:
            self._accept(visible, with_finish=True)
        self._finish_and_next()

    def reject_all_and_next(self) -> None:
        """Reject every visible pending proposal (human boxes stay), finish and go on (X)."""
        ready = self._ready_in_run()
        if ready is None:
            return
        doc, cur = ready
        visible = self.visible_pending()
        if visible:
            self._record(cur, {int(cur.ids[k]): Decision.REJECTED for k in visible}, False, doc, True)
        self._finish_and_next()

    def finish_current(self) -> bool:
        """Save the labels and mark the image reviewed; False when it could not be saved."""
        ready = self._ready_in_run()
        if ready is None:
            return False
        doc, cur = ready
        self.editor.refresh_from_disk(doc)  # e.g. another window finished this image meanwhile
        if not len(doc.boxes) and not doc.label_file.exists and not doc.negative and self.editor.mark_negative():
            # nothing kept: a reviewed image with no boxes is a negative (an empty label file)
            self._undo.append(_Step(cur.path, {}, doc.history_depth, True, with_finish=True))
        if not self.editor.save_now() and doc.dirty:
            self.message.emit(self.tr("The labels could not be saved, so the image was not marked reviewed."))
            return False
        store = self.session.store
        prior, _owner = status_of(store, self.queue.run.id, cur.path)
        old = dict(cur.decided)
        seconds = min(time.monotonic() - cur.shown_at, IDLE_CAP_SECONDS)
        try:
            outcome = finish_review(store, self.queue.run.id, cur.path, doc.boxes, self.state.threshold,
                                    self.session.owner, seconds, self.queue.check)
        except StoreError as exc:
            self.message.emit(str(exc))
            return False
        self._undo.append(_Step(cur.path, {pid: old.get(pid) for pid in outcome.decisions}, doc.history_depth,
                                False, True, prior))
        cur.decided = dict(outcome.decisions)
        self.queue.set_item_status(cur.path, ReviewStatus.REVIEWED)
        if outcome.already_reviewed_by:
            self.message.emit(self.tr("Another studio window had already reviewed this image; "
                                      "your decisions replace its decisions."))
        self.queue.queue_changed.emit()
        self.queue.emit_counts()
        self._pending_changed()
        return True

    def _finish_and_next(self) -> None:
        if self.finish_current():
            self.next_pending()

    def next_pending(self, from_start: bool = False) -> bool:
        """Show the next image of the queue that nobody has finished (skipping images another
        window finished meanwhile); False when none is left."""
        index, store = self.session.index, self.session.store
        if index is None or store is None or self.queue.run is None:
            return False
        order = self.queue.ordered
        start = 0
        if not from_start and self.current is not None:
            pos = next((k for k, it in enumerate(order) if it.path == self.current.path), -1)
            start = pos + 1
        for it in [*order[start:], *order[:start]]:
            if it.done or (not from_start and self.current is not None and it.path == self.current.path):
                continue
            status, _owner = status_of(store, self.queue.run.id, it.path)
            if status in (ReviewStatus.REVIEWED, ReviewStatus.AUTO):
                self.queue.set_item_status(it.path, status)
                continue
            row = index.position(it.path)
            if row >= 0:
                self.go_to.emit(row)
                return True
        self.message.emit(self.tr("Review queue finished: no image left to review (in this filter)."))
        self.queue.emit_counts()
        return False

    # undo -------------------------------------------------------------------------------------
    def undo(self) -> None:
        """Undo the last review action if nothing was edited since, else the last edit (Ctrl+Z).

        Undoing past "accept all and next" goes back to the finished image and reopens it.
        """
        step = self._undo[-1] if self._undo else None
        doc = self.editor.doc
        cur_path = self.current.path if self.current is not None else None
        if step is None or doc is None:
            self.editor.undo()
            return
        if step.path == cur_path:
            if doc.history_depth != step.depth:
                self.editor.undo()  # an ordinary edit came after the review action
                return
            self._revert(step, doc)
            return
        # The step belongs to the previous image: only if nothing happened here yet.
        here = [s for s in self._undo if s.path == cur_path]
        if here or self.current is None or doc.history_depth != self.current.depth_at_show:
            self.editor.undo()
            return
        ds = self.session.dataset
        other = self.editor.document_for(ds.label_path(step.path)) if ds is not None else None
        if other is None or other.history_depth != step.depth:
            self.editor.undo()
            return
        self._revert(step, other)
        row = self.session.index.position(step.path) if self.session.index is not None else -1
        if row >= 0:
            self.go_to.emit(row)

    def _revert(self, step: _Step, doc: LabelDocument) -> None:
        """Undo one step on ``doc``: boxes, decisions and (if it finished) the review status."""
        self._undo.pop()
        store = self.session.store
        if step.edited:
            self.editor.undo_in(doc)
            doc.drop_redo()
        try:
            set_decisions(store, self.queue.run.id, step.path, step.old)
            if step.finished:
                reopen_review(store, self.queue.run.id, step.path)
        except StoreError as exc:
            self.message.emit(str(exc))
        if step.finished:
            self.queue.set_item_status(step.path, step.prior_status if step.prior_status is not ReviewStatus.REVIEWED
                                  else ReviewStatus.OPEN)
            self.queue.queue_changed.emit()
            self.queue.emit_counts()
        cur = self.current
        if cur is not None and cur.path == step.path:
            for pid, d in step.old.items():
                if d is None:
                    cur.decided.pop(pid, None)
                else:
                    cur.decided[pid] = d
            self.state.set_image(cur.proposals, self.pending_indices())
        # "accept all and next" is one key: undo its accept (and negative mark) with its finish
        while (step.finished and self._undo and self._undo[-1].path == step.path and self._undo[-1].with_finish
               and doc.history_depth == self._undo[-1].depth):
            self._revert(self._undo[-1], doc)

    def _forget(self) -> None:
        self.queue.forget()
        self.current = None
        self._undo.clear()
        self.state.clear()

    def wait(self) -> None:
        """Wait for the queue's background work (closing the window)."""
        self.queue.wait()


def current_image_summary(controller: ReviewController) -> dict[str, int]:
    """Counts for the panel: pending (visible / hidden), decided, left out (class gone)."""
    cur = controller.current
    if cur is None:
        return {}
    pending = controller.pending_indices()
    visible = controller.visible_pending()
    return {"pending": len(visible), "hidden": len(pending) - len(visible), "decided": len(cur.decided),
            "gone": int(cur.gone.sum()), "total": len(cur.ids)}

