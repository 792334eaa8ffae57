"""One image's labels while a person edits them: undo/redo, dirty state, safe saving.

Boxes are immutable, so every edit is a new state and undo/redo is a list of states.
Saving checks that the file on disk is still the one that was loaded; if another
program changed it, ``ExternalChangeError`` is raised and nothing is written until the
user decides (overwrite or reload).

Example:
    >>> doc = LabelDocument.load("a.jpg", "labels/a.txt", (640, 480))  # doctest: +SKIP
    >>> doc.apply(add_box(doc.boxes, (10, 10, 50, 50), 0, doc.size_wh))  # doctest: +SKIP
    >>> doc.save()  # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from studio.core.labels.boxes import Boxes
from studio.core.labels.yolo import LabelFile, LabelState, load_yolo_labels, save_label_bytes


class ExternalChangeError(RuntimeError):
    """The label file changed on disk since it was loaded; saving would overwrite that."""


@dataclass(frozen=True)
class DiskSignature:
    """What the label file looked like when loaded (``None`` digest = no file)."""

    digest: str | None

    @classmethod
    def of(cls, path: Path) -> DiskSignature:
        """The signature of ``path`` now."""
        try:
            return cls(hashlib.sha1(path.read_bytes()).hexdigest())
        except FileNotFoundError:
            return cls(None)


class LabelDocument:
    """The editable labels of one image."""

    def __init__(self, image_path: Path, label_path: Path, size_wh: tuple[int, int],
                 label_file: LabelFile) -> None:
        self.image_path = Path(image_path)
        self.label_path = Path(label_path)
        self.size_wh = size_wh
        self.label_file = label_file
        self.boxes = label_file.boxes
        self.negative = label_file.state is LabelState.NEGATIVE
        self._undo: list[tuple[Boxes, bool]] = []
        self._redo: list[tuple[Boxes, bool]] = []
        self._saved_state = (self.boxes, self.negative)
        self.signature = DiskSignature.of(self.label_path)
        self._had_file = label_file.exists  # undoing back to "no file" removes a file studio made

    @classmethod
    def load(cls, image_path: str | Path, label_path: str | Path, size_wh: tuple[int, int],
             num_classes: int | None = None) -> LabelDocument:
        """Read the label file of an image (missing = nothing yet)."""
        label_path = Path(label_path)
        return cls(Path(image_path), label_path, size_wh, load_yolo_labels(label_path, num_classes))

    # state ------------------------------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        """True when there are edits not yet written."""
        boxes, negative = self._saved_state
        return not (boxes == self.boxes and negative == self.negative)

    @property
    def can_undo(self) -> bool:
        """True when there is something to undo."""
        return bool(self._undo)

    @property
    def history_depth(self) -> int:
        """How many edits can be undone (identifies "no edit since" for callers)."""
        return len(self._undo)

    def drop_redo(self) -> None:
        """Forget what could be redone (after an undo that also reverted other state)."""
        self._redo.clear()

    @property
    def state(self) -> LabelState:
        """What the file will say once saved."""
        if len(self.boxes) or self.label_file.kept:
            return LabelState.LABELED
        if self.negative or self.label_file.exists:
            return LabelState.NEGATIVE
        return LabelState.UNLABELED

    # edits ------------------------------------------------------------------------------------
    def apply(self, boxes: Boxes) -> bool:
        """Make ``boxes`` the current state (one undo step); False when nothing changed."""
        if boxes == self.boxes:
            return False
        self._undo.append((self.boxes, self.negative))
        self._redo.clear()
        self.boxes = boxes
        if len(boxes):
            self.negative = False
        return True

    def mark_negative(self) -> bool:
        """Mark the image as showing nothing: removes every box; saving writes an empty file."""
        if self.negative and not len(self.boxes):
            return False
        self._undo.append((self.boxes, self.negative))
        self._redo.clear()
        self.boxes = Boxes.empty()
        self.negative = True
        return True

    def undo(self) -> bool:
        """Step back; False when there is nothing to undo."""
        if not self._undo:
            return False
        self._redo.append((self.boxes, self.negative))
        self.boxes, self.negative = self._undo.pop()
        return True

    def redo(self) -> bool:
        """Step forward again; False when there is nothing to redo."""
        if not self._redo:
            return False
        self._undo.append((self.boxes, self.negative))
        self.boxes, self.negative = self._redo.pop()
        return True

    # disk -------------------------------------------------------------------------------------
    def changed_on_disk(self) -> bool:
        """True when another program changed (or removed/created) the file since it was read."""
        return DiskSignature.of(self.label_path) != self.signature

    def save(self, force: bool = False) -> bool:
        """Write the labels atomically if dirty; returns True when a file was written.

        Raises ``ExternalChangeError`` (writing nothing) when the file changed on disk since
        it was loaded, unless ``force``. An image that had no label file and still has no
        boxes (and is not marked negative) gets no file: "not labeled yet" stays true.
        """
        if not self.dirty:
            return False
        if not force and self.changed_on_disk():
            raise ExternalChangeError(f"{self.label_path} was changed by another program")
        if not len(self.boxes) and not self.negative and not self._had_file and not self.label_file.kept:
            written = False
            if self.label_file.exists:  # made by studio in this session (a negative mark, then undo)
                self.label_path.unlink(missing_ok=True)
                self.label_file = load_yolo_labels(self.label_path)
                written = True
            self._mark_saved()
            return written
        new_file = self.label_file.with_boxes(self.boxes)
        if not new_file.exists:
            new_file = LabelFile(boxes=new_file.boxes, raw_rows=new_file.raw_rows, exists=True,
                                 path=self.label_path)
        data = new_file.render()
        written = save_label_bytes(self.label_path, data)
        self.label_file = new_file.saved_as(data)  # what reading it back gives, without re-parsing it all
        self._mark_saved()
        return written

    def reload(self) -> None:
        """Drop unsaved edits and read the file again (after an external change)."""
        self.label_file = load_yolo_labels(self.label_path)
        self._undo.append((self.boxes, self.negative))
        self.boxes = self.label_file.boxes
        self.negative = self.label_file.state is LabelState.NEGATIVE
        self._mark_saved()

    def _mark_saved(self) -> None:
        self._saved_state = (self.boxes, self.negative)
        self.signature = DiskSignature.of(self.label_path)
