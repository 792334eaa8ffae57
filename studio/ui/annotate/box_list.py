"""The box list: one row per box of the current image, selection synced both ways with the canvas."""

from __future__ import annotations

from PyQt6.QtCore import QSignalBlocker, Qt
from PyQt6.QtGui import QColor, QIcon, QPixmap
from PyQt6.QtWidgets import QAbstractItemView, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from studio.ui.annotate.editor import AnnotationEditor
from studio.ui.colors import class_color


def color_icon(color: QColor, size: int = 12) -> QIcon:
    """A small square icon of ``color``."""
    pix = QPixmap(size, size)
    pix.fill(color)
    return QIcon(pix)


class BoxListPanel(QWidget):
    """Lists the boxes; selecting rows selects boxes and the other way round."""

    def __init__(self, editor: AnnotationEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self._names: list[str] = []
        self.list = QListWidget(self)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.summary = QLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.summary)
        editor.changed.connect(self.refresh)
        editor.selection_changed.connect(self._show_selection)
        self.list.itemSelectionChanged.connect(self._on_rows_selected)

    def set_class_names(self, names: list[str]) -> None:
        """Names to show per box."""
        self._names = list(names)
        self.refresh()

    def refresh(self) -> None:
        """Rebuild the rows from the editor's boxes."""
        boxes, size = self.editor.boxes, self.editor.size_wh
        with QSignalBlocker(self.list):
            self.list.clear()
            xyxy = boxes.to_xyxy(size)
            for i, (cls, (x1, y1, x2, y2)) in enumerate(zip(boxes.class_id, xyxy)):
                cls = int(cls)
                name = self._names[cls] if 0 <= cls < len(self._names) else f"#{cls}"
                item = QListWidgetItem(color_icon(class_color(cls)),
                                       f"{name}  {x2 - x1:.0f}×{y2 - y1:.0f}")
                item.setData(Qt.ItemDataRole.UserRole, i)
                self.list.addItem(item)
        doc = self.editor.doc
        if doc is None:
            self.summary.clear()
        elif doc.negative and not len(boxes):
            self.summary.setText(self.tr("Negative: nothing to label here"))
        else:
            self.summary.setText(self.tr("{0} boxes").format(len(boxes)))
        self._show_selection(self.editor.selection)

    def _show_selection(self, selection: list[int]) -> None:
        with QSignalBlocker(self.list):
            self.list.clearSelection()
            for i in selection:
                item = self.list.item(i)
                if item is not None:
                    item.setSelected(True)
                    self.list.scrollToItem(item)

    def _on_rows_selected(self) -> None:
        self.editor.select([self.list.row(item) for item in self.list.selectedItems()])
