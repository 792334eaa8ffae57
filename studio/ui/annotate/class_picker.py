"""A class picker with type-to-filter (Ctrl+E): Enter takes the first match."""

from __future__ import annotations

from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from studio.ui.annotate.box_list import color_icon
from studio.ui.colors import class_color


class ClassPicker(QDialog):
    """Type a few letters, Enter picks; returns the class id in ``chosen``."""

    def __init__(self, names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Choose Class"))
        self.names = names
        self.chosen: int | None = None
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Type to filter…"))
        self.list = QListWidget(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.filter.textChanged.connect(self._refilter)
        self.list.itemDoubleClicked.connect(lambda _i: self.accept())
        self._refilter("")

    def _refilter(self, text: str) -> None:
        self.list.clear()
        needle = text.strip().lower()
        for i, name in enumerate(self.names):
            if needle in name.lower() or needle == str(i):
                item = QListWidgetItem(color_icon(class_color(i)), f"{i}: {name}")
                item.setData(Qt.ItemDataRole.UserRole, i)
                self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def accept(self) -> None:
        """Take the highlighted (first matching) class."""
        item = self.list.currentItem()
        if item is not None:
            self.chosen = int(item.data(Qt.ItemDataRole.UserRole))
        super().accept()
