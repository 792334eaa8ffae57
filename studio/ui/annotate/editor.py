"""The annotation editor: the current image's ``LabelDocument``, the selection, the clipboard,
and autosave. Widgets (canvas, box list, actions) call it; it announces changes by signals.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PyQt6.QtCore import QObject, QTimer, pyqtSignal

from studio.core.atomic import WriteError
from studio.core.labels import box_ops
from studio.core.labels.boxes import Boxes
from studio.core.labels.document import ExternalChangeError, LabelDocument

AUTOSAVE_MS = 300  # a kill -9 loses at most this much work (plus the write itself)


class AnnotationEditor(QObject):
    """Edits the boxes of one image at a time; keeps undo history per image for the session."""

    changed = pyqtSignal()  # boxes (or negative flag) changed
    selection_changed = pyqtSignal(list)
    document_changed = pyqtSignal(object)  # LabelDocument | None
    saved = pyqtSignal(object)  # LabelDocument just written
    save_failed = pyqtSignal(str)  # readable reason
    external_change = pyqtSignal(object)  # LabelDocument whose file changed on disk
    default_class_changed = pyqtSignal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc: LabelDocument | None = None
        self.selection: list[int] = []
        self.default_class = 0
        self.clipboard = Boxes.empty()
        self._docs: dict[str, LabelDocument] = {}
        self._blocked: set[str] = set()  # documents waiting for the user's external-change answer
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.save_now)

    # documents --------------------------------------------------------------------------------
    def open_document(self, doc: LabelDocument) -> LabelDocument:
        """Show ``doc`` (or the session's earlier document of the same image, with its history)."""
        self.save_now()
        key = str(doc.label_path)
        known = self._docs.get(key)
        if known is not None and known.size_wh == doc.size_wh:
            self.refresh_from_disk(known)
            doc = known
        self._docs[key] = doc
        self.doc = doc
        self.selection = []
        self.document_changed.emit(doc)
        self.selection_changed.emit([])
        self.changed.emit()
        return doc

    def refresh_from_disk(self, doc: LabelDocument) -> bool:
        """Re-read ``doc`` if another program (or window, or an automatic accept) changed its
        file and studio has no unsaved edits to it; returns True when it did."""
        if doc.dirty or not doc.changed_on_disk():
            return False
        doc.reload()
        if doc is self.doc:
            self.changed.emit()
        return True

    def close_document(self) -> None:
        """Save and show nothing."""
        self.save_now()
        self.doc = None
        self.selection = []
        self.document_changed.emit(None)
        self.changed.emit()

    def forget_all(self) -> None:
        """Save and drop every document (another dataset was opened)."""
        self.close_document()
        self._docs.clear()
        self._blocked.clear()

    @property
    def boxes(self) -> Boxes:
        """The current boxes (empty without a document)."""
        return self.doc.boxes if self.doc is not None else Boxes.empty()

    @property
    def size_wh(self) -> tuple[int, int]:
        """The current image's size."""
        return self.doc.size_wh if self.doc is not None else (1, 1)

    # selection --------------------------------------------------------------------------------
    def select(self, indices: list[int]) -> None:
        """Set the selection (indices into the current boxes)."""
        n = len(self.boxes)
        clean = sorted({int(i) for i in indices if 0 <= int(i) < n})
        if clean != self.selection:
            self.selection = clean
            self.selection_changed.emit(clean)

    # edits ------------------------------------------------------------------------------------
    def edit(self, boxes: Boxes, select: list[int] | None = None) -> bool:
        """Replace the boxes (one undo step) and schedule the autosave."""
        if self.doc is None or not self.doc.apply(boxes):
            return False
        self._after_edit(select)
        return True

    def _after_edit(self, select: list[int] | None) -> None:
        self.changed.emit()
        if select is not None:
            self.selection = []
            self.select(select)
        else:
            self.select([i for i in self.selection if i < len(self.boxes)])
        if not self._timer.isActive():
            # Not restarted on later edits: a save follows the first unsaved edit within
            # AUTOSAVE_MS even while the user keeps editing.
            self._timer.start()

    def create_box(self, xyxy: tuple[float, float, float, float], class_id: int | None = None) -> bool:
        """Add a box from pixel corners (ignored when it is too small: a stray click)."""
        if self.doc is None:
            return False
        clamped = box_ops.clamp_xyxy(np.asarray(xyxy, np.float64), self.size_wh)[0]
        if not box_ops.is_big_enough(clamped):
            return False
        cls = self.default_class if class_id is None else class_id
        return self.edit(box_ops.add_box(self.boxes, clamped, cls, self.size_wh), [len(self.boxes)])

    def move_selected(self, dx: float, dy: float) -> bool:
        """Nudge or drag the selected boxes by pixels."""
        return self.edit(box_ops.move_boxes(self.boxes, self.selection, dx, dy, self.size_wh))

    def delete_selected(self) -> bool:
        """Delete the selected boxes."""
        if not self.selection:
            return False
        return self.edit(box_ops.delete_boxes(self.boxes, self.selection), [])

    def duplicate_selected(self) -> bool:
        """Copy the selected boxes in place, shifted a little; the copies become the selection."""
        if not self.selection:
            return False
        n = len(self.boxes)
        new = box_ops.duplicate_boxes(self.boxes, self.selection, 10, self.size_wh)
        return self.edit(new, list(range(n, len(new))))

    def set_class(self, class_id: int) -> bool:
        """Relabel the selected boxes; with no selection, make it the default class."""
        if not self.selection:
            self.default_class = class_id
            self.default_class_changed.emit(class_id)
            return False
        return self.edit(box_ops.set_class(self.boxes, self.selection, class_id))

    def copy_selected(self) -> int:
        """Put the selected boxes (or all, with none selected) on the clipboard."""
        chosen = self.selection or list(range(len(self.boxes)))
        self.clipboard = self.boxes[np.asarray(chosen, dtype=np.int64)] if chosen else Boxes.empty()
        return len(self.clipboard)

    def paste(self, boxes: Boxes | None = None) -> bool:
        """Paste the clipboard (or ``boxes``), in normalized coordinates, onto this image."""
        pasted = self.clipboard if boxes is None else boxes
        if self.doc is None or not len(pasted):
            return False
        n = len(self.boxes)
        new = box_ops.paste_boxes(self.boxes, pasted)
        return self.edit(new, list(range(n, len(new))))

    def mark_negative(self) -> bool:
        """This image shows nothing: remove all boxes and write an empty label file."""
        if self.doc is None or not self.doc.mark_negative():
            return False
        self._after_edit([])
        return True

    def undo(self) -> bool:
        """Undo the last edit of this image."""
        if self.doc is None or not self.doc.undo():
            return False
        self._after_edit(None)
        return True

    def undo_in(self, doc: LabelDocument) -> bool:
        """Undo the last edit of ``doc`` (which may be another image of this session)."""
        if not doc.undo():
            return False
        if doc is self.doc:
            self._after_edit(None)
        elif not self._timer.isActive():
            self._timer.start()
        return True

    def redo(self) -> bool:
        """Redo what was undone."""
        if self.doc is None or not self.doc.redo():
            return False
        self._after_edit(None)
        return True

    # saving -----------------------------------------------------------------------------------
    def save_now(self, force: bool = False) -> bool:
        """Write every document with pending edits (atomic); returns False if one could not."""
        self._timer.stop()
        ok = True
        for key, doc in list(self._docs.items()):
            if not doc.dirty or (key in self._blocked and not force):
                continue
            try:
                doc.save(force=force)
                self.saved.emit(doc)
            except ExternalChangeError:
                self._blocked.add(key)
                self.external_change.emit(doc)
                ok = False
            except (WriteError, OSError) as exc:
                self.save_failed.emit(str(exc))
                ok = False
        return ok

    def resolve_external_change(self, doc: LabelDocument, overwrite: bool) -> None:
        """The user's answer: overwrite the file with studio's version, or reload it from disk."""
        key = str(doc.label_path)
        self._blocked.discard(key)
        if overwrite:
            try:
                doc.save(force=True)
                self.saved.emit(doc)
            except (WriteError, OSError) as exc:
                self.save_failed.emit(str(exc))
        else:
            doc.reload()
            self.saved.emit(doc)
        if doc is self.doc:
            self.select([])
            self.changed.emit()

    def has_unsaved(self) -> bool:
        """True when some document still has edits not on disk."""
        return any(d.dirty for d in self._docs.values())

    def document_for(self, label_path: Path) -> LabelDocument | None:
        """The session's document of a label file, if it was opened."""
        return self._docs.get(str(label_path))
