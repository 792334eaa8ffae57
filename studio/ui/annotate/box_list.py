"""The box list: one row per box of the current image, selection synced both ways with the canvas.

The rows are a virtual model over the editor's boxes: a label file with 200,000 rows costs
nothing until rows are scrolled into view. The view is a one-column table with fixed row
heights, which (unlike a list view) never lays out every row; an edit that keeps the number
of boxes updates the rows in place instead of resetting the model.
"""

from __future__ import annotations

import numpy as np
from PyQt6.QtCore import QAbstractListModel, QItemSelection, QItemSelectionModel, QModelIndex, QSignalBlocker, Qt
from PyQt6.QtGui import QColor, QIcon, QPixmap
from PyQt6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from studio.ui.annotate.editor import AnnotationEditor
from studio.ui.colors import class_color

_ICONS: dict[int, QIcon] = {}


def color_icon(color: QColor, size: int = 12) -> QIcon:
    """A small square icon of ``color``."""
    pix = QPixmap(size, size)
    pix.fill(color)
    return QIcon(pix)


class BoxModel(QAbstractListModel):
    """Rows "name  w×h" over the editor's boxes, computed when shown."""

    def __init__(self, editor: AnnotationEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.names: list[str] = []
        self._wh = np.zeros((0, 2))
        self._cls = np.zeros(0, np.int64)

    def reload(self) -> None:
        """Take the editor's boxes now: rows change in place when their number stays the same."""
        boxes = self.editor.boxes
        xyxy = boxes.to_xyxy(self.editor.size_wh)
        same_count = len(boxes) == len(self._cls)
        if not same_count:
            self.beginResetModel()
        self._wh = xyxy[:, 2:] - xyxy[:, :2]
        self._cls = boxes.class_id.astype(np.int64)
        if not same_count:
            self.endResetModel()
        elif len(boxes):
            self.dataChanged.emit(self.index(0, 0), self.index(len(boxes) - 1, 0))

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        """One row per box."""
        return 0 if parent.isValid() else len(self._cls)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        """One column: the list is shown as a table only because tables lay out rows lazily."""
        return 0 if parent.isValid() else 1

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """The row's text, colour icon and box index."""
        row = index.row()
        if not index.isValid() or row >= len(self._cls):
            return None
        cls = int(self._cls[row])
        if role == Qt.ItemDataRole.DisplayRole:
            name = self.names[cls] if 0 <= cls < len(self.names) else f"#{cls}"
            w, h = self._wh[row]
            return f"{name}  {w:.0f}×{h:.0f}"
        if role == Qt.ItemDataRole.DecorationRole:
            icon = _ICONS.get(cls)
            if icon is None:
                icon = _ICONS[cls] = color_icon(class_color(cls))
            return icon
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None


class BoxListPanel(QWidget):
    """Lists the boxes; selecting rows selects boxes and the other way round."""

    def __init__(self, editor: AnnotationEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.model = BoxModel(editor, self)
        self.list = QTableView(self)
        self.list.setModel(self.model)
        self.list.setShowGrid(False)
        self.list.horizontalHeader().hide()
        self.list.horizontalHeader().setStretchLastSection(True)
        rows = self.list.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.list.setWordWrap(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.summary = QLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.summary)
        editor.changed.connect(self.refresh)
        editor.selection_changed.connect(self._show_selection)
        self.list.selectionModel().selectionChanged.connect(self._on_rows_selected)

    def set_class_names(self, names: list[str]) -> None:
        """Names to show per box."""
        self.model.names = list(names)
        self.refresh()

    def refresh(self) -> None:
        """Show the editor's boxes."""
        with QSignalBlocker(self.list.selectionModel()):
            self.model.reload()
        boxes, doc = self.editor.boxes, self.editor.doc
        if doc is None:
            self.summary.clear()
        elif doc.negative and not len(boxes):
            self.summary.setText(self.tr("Negative: nothing to label here"))
        else:
            self.summary.setText(self.tr("{0} boxes").format(len(boxes)))
        self._show_selection(self.editor.selection)

    def _show_selection(self, selection: list[int]) -> None:
        sel_model = self.list.selectionModel()
        chosen = QItemSelection()
        rows = np.unique(np.asarray(selection, np.int64))
        rows = rows[(rows >= 0) & (rows < self.model.rowCount())]
        breaks = np.flatnonzero(np.diff(rows) != 1) + 1
        for run in np.split(rows, breaks) if len(rows) else []:  # one range per run: select-all is one
            chosen.select(self.model.index(int(run[0]), 0), self.model.index(int(run[-1]), 0))
        with QSignalBlocker(sel_model):
            sel_model.select(chosen, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if selection:
            index = self.model.index(selection[-1], 0)
            if index.isValid():
                self.list.scrollTo(index)
        self.list.viewport().update()

    def _on_rows_selected(self, *_args: object) -> None:
        self.editor.select(sorted(i.row() for i in self.list.selectionModel().selectedIndexes()))
