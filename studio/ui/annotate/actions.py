"""Annotation actions and their shortcuts (LabelImg's where it has one)."""

from __future__ import annotations

from collections.abc import Callable

from PyQt6.QtCore import QObject, Qt, pyqtSignal
from PyQt6.QtGui import QAction, QKeySequence
from PyQt6.QtWidgets import QWidget

from studio.ui.actions import make_action
from studio.ui.annotate.canvas import Canvas
from studio.ui.annotate.class_picker import ClassPicker
from studio.ui.annotate.editor import AnnotationEditor


class AnnotationActions(QObject):
    """Creates the editing actions on ``host`` and routes them to the editor and canvas."""

    verify_requested = pyqtSignal()
    paste_previous_requested = pyqtSignal()

    def __init__(self, host: QWidget, editor: AnnotationEditor, canvas: Canvas,
                 class_names: Callable[[], list[str]], undo: Callable[[], object] | None = None) -> None:
        super().__init__(host)
        self.host, self.editor, self.canvas = host, editor, canvas
        self._class_names = class_names
        tr = self.tr
        act = self._action
        self.create = act(tr("Create &Box"), lambda: canvas.set_create_mode(not canvas.create_mode),
                          ("W",), checkable=True)
        canvas.mode_changed.connect(self.create.setChecked)
        self.always_draw = act(tr("Draw Boxes &Continuously"), self._toggle_always_draw, checkable=True)
        self.delete = act(tr("&Delete Box"), editor.delete_selected, ("Del", "Backspace"))
        self.duplicate = act(tr("D&uplicate Box"), editor.duplicate_selected, ("Ctrl+D",))
        self.copy = act(tr("&Copy Boxes"), editor.copy_selected, (QKeySequence.StandardKey.Copy,))
        self.paste = act(tr("&Paste Boxes"), lambda: editor.paste(), (QKeySequence.StandardKey.Paste,))
        self.paste_previous = act(tr("Copy All Boxes from &Previous Image"),
                                  self.paste_previous_requested.emit, ("Ctrl+Shift+V",))
        self.pick_class = act(tr("Change C&lass…"), self.choose_class, ("Ctrl+E",))
        self.negative = act(tr("Mark as &Negative (nothing here)"), editor.mark_negative, ("N",))
        self.verify = act(tr("Toggle &Verified"), self.verify_requested.emit, ("Space",))
        self.undo = act(tr("&Undo"), undo or editor.undo, ("Ctrl+Z",))
        self.redo = act(tr("&Redo"), editor.redo, ("Ctrl+Shift+Z", "Ctrl+Y"))
        self.save = act(tr("&Save"), lambda: editor.save_now(), ("Ctrl+S",))
        self.select_all = act(tr("Select &All Boxes"), lambda: editor.select(
            list(range(len(editor.boxes)))), ("Ctrl+A",))
        self.class_keys = [
            act(tr("Class {0}").format(k), lambda _c=False, k=k: self.class_key(k - 1), (str(k),))
            for k in range(1, 10)
        ]
        for a in self.class_keys:
            a.setProperty("hidden_in_help", True)  # summarized as one row in the help

    def _action(self, text: str, slot: Callable, shortcuts: tuple = (), checkable: bool = False) -> QAction:
        return make_action(self.host, text, slot, shortcuts, checkable)

    def editing_actions(self) -> list[QAction]:
        """The actions for the Edit menu, in order."""
        return [self.create, self.always_draw, self.delete, self.duplicate, self.copy, self.paste,
                self.paste_previous, self.pick_class, self.negative, self.verify, self.select_all]

    def _toggle_always_draw(self) -> None:
        self.canvas.always_draw = self.always_draw.isChecked()

    def class_key(self, class_id: int) -> None:
        """Keys 1-9: relabel the selection, or set the default class."""
        if class_id < len(self._class_names()):
            self.editor.set_class(class_id)

    def choose_class(self) -> None:
        """Open the type-to-filter class picker."""
        picker = ClassPicker(self._class_names(), self.host)
        picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        picker.accepted.connect(lambda: picker.chosen is not None and self.editor.set_class(picker.chosen))
        picker.open()
