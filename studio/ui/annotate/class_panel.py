"""The class list: colors, box counts on this image, default class, add and rename."""

from __future__ import annotations

import numpy as np
from PyQt6.QtCore import QSignalBlocker, Qt, pyqtSignal
from PyQt6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.core.labels.classes import ClassFileError, ClassNames
from studio.ui.annotate.box_list import color_icon
from studio.ui.annotate.editor import AnnotationEditor
from studio.ui.colors import class_color


class ClassPanel(QWidget):
    """Shows every class; a click makes it the default class (or relabels the selection)."""

    names_changed = pyqtSignal(list)
    error = pyqtSignal(str, str)

    def __init__(self, editor: AnnotationEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.classes: ClassNames | None = None
        self.list = QListWidget(self)
        self.add_button = QPushButton(self.tr("Add…"), self)
        self.rename_button = QPushButton(self.tr("Rename…"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.rename_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.ask_add)
        self.rename_button.clicked.connect(self.ask_rename)
        self.list.itemClicked.connect(self._on_clicked)
        editor.changed.connect(self.refresh)
        editor.default_class_changed.connect(lambda _c: self.refresh())

    def set_classes(self, classes: ClassNames | None) -> None:
        """Show a dataset's classes."""
        self.classes = classes
        self.refresh()

    def refresh(self) -> None:
        """Rebuild rows: name, id, boxes of this class on the current image; default in bold."""
        names = self.classes.names if self.classes is not None else []
        counts = np.bincount(self.editor.boxes.class_id, minlength=len(names)) \
            if len(self.editor.boxes) else np.zeros(len(names), int)
        with QSignalBlocker(self.list):
            self.list.clear()
            for i, name in enumerate(names):
                key = f"{i + 1}: " if i < 9 else "   "
                item = QListWidgetItem(color_icon(class_color(i)),
                                       f"{key}{name}  ({int(counts[i]) if i < len(counts) else 0})")
                item.setData(Qt.ItemDataRole.UserRole, i)
                if i == self.editor.default_class:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                    item.setToolTip(self.tr("Default class for new boxes"))
                self.list.addItem(item)

    def _on_clicked(self, item: QListWidgetItem) -> None:
        self.editor.set_class(int(item.data(Qt.ItemDataRole.UserRole)))

    def add_class(self, name: str) -> int | None:
        """Append a class (written to data.yaml / classes.txt); returns its id."""
        if self.classes is None:
            return None
        try:
            cid = self.classes.add(name)
        except (ClassFileError, OSError) as exc:
            self.error.emit(self.tr("Cannot add class"), str(exc))
            return None
        self.names_changed.emit(list(self.classes.names))
        self.refresh()
        return cid

    def rename_class(self, class_id: int, name: str) -> bool:
        """Rename a class in place; ids stored in label files do not change."""
        if self.classes is None:
            return False
        try:
            self.classes.rename(class_id, name)
        except (ClassFileError, OSError, IndexError) as exc:
            self.error.emit(self.tr("Cannot rename class"), str(exc))
            return False
        self.names_changed.emit(list(self.classes.names))
        self.refresh()
        return True

    def ask_add(self) -> None:
        """Ask for a new class name."""
        name, ok = QInputDialog.getText(self, self.tr("Add Class"), self.tr("Name of the new class:"))
        if ok and name.strip():
            self.add_class(name)

    def ask_rename(self) -> None:
        """Ask for a new name for the highlighted class."""
        item = self.list.currentItem()
        if item is None or self.classes is None:
            return
        cls = int(item.data(Qt.ItemDataRole.UserRole))
        name, ok = QInputDialog.getText(self, self.tr("Rename Class"), self.tr("New name:"),
                                        text=self.classes.names[cls])
        if ok and name.strip():
            self.rename_class(cls, name)
