"""The image list: a virtual model over the core index (100,000 rows cost nothing) and its panel."""

from __future__ import annotations

import os
from typing import Any

import numpy as np
from PyQt6.QtCore import QAbstractListModel, QItemSelectionModel, QModelIndex, Qt, pyqtSignal
from PyQt6.QtGui import QColor, QIcon, QPixmap
from PyQt6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from studio.core.dataset.index import ImageIndex, IndexUpdate, State
from studio.ui.texts import state_text

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
_STATE_COLORS = {State.UNKNOWN: "#6b6b70", State.UNLABELED: "#d0d0d0", State.NEGATIVE: "#5aa0ff",
                 State.LABELED: "#3ccf6e", State.ERROR: "#ff4d4d"}


def _icon(color: str, ring: bool = False) -> QIcon:
    pix = QPixmap(12, 12)
    pix.fill(QColor(0, 0, 0, 0))
    from PyQt6.QtGui import QPainter, QPen

    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setBrush(QColor(color))
    p.setPen(QPen(QColor("#ffd400"), 2) if ring else QColor(color))
    p.drawEllipse(1, 1, 10, 10)
    p.end()
    return QIcon(pix)


def display_name(rel_path: str) -> str:
    """The list caption of an image: its path below ``images/`` (or below the root)."""
    parts = rel_path.replace(os.sep, "/").split("/")
    if "images" in parts:
        parts = parts[len(parts) - parts[::-1].index("images"):]
    return "/".join(parts)


class ImageListModel(QAbstractListModel):
    """Rows are the index's images that pass the current filter."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._index: ImageIndex | None = None
        self._rows = np.zeros(0, np.int64)
        self._filter: tuple[set[State] | None, str, bool | None] = (None, "", None)
        self._icons: dict[tuple[int, bool], QIcon] = {}
        self._names: list[str] | None = None
        self._order: np.ndarray | None = None  # explicit row order (the review queue)
        self._pos: np.ndarray | None = None  # index row -> visible row, with an explicit order
        self._done: np.ndarray | None = None  # per index row: finished in the review queue

    def set_index(self, index: ImageIndex | None) -> None:
        """Show ``index`` (or nothing)."""
        self.beginResetModel()
        self._index = index
        self._names = None
        self._order = None
        self._rows = self._compute_rows()
        self.endResetModel()

    def set_order(self, rows: np.ndarray | None) -> None:
        """Show exactly these index rows in this order (the review queue), or ``None`` to go
        back to the filtered list in dataset order."""
        self.beginResetModel()
        self._order = None if rows is None else np.asarray(rows, np.int64)
        self._rows = self._compute_rows()
        self.endResetModel()

    def set_done(self, done: np.ndarray | None) -> None:
        """Mark images finished in review (a check mark, dimmed), or clear the marks."""
        self._done = done
        if len(self._rows):
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))

    @property
    def ordered(self) -> bool:
        """True while an explicit order (the review queue) is shown."""
        return self._order is not None

    def set_filter(self, states: set[State] | None, text: str, verified: bool | None = None) -> None:
        """Keep only images in ``states`` whose path contains ``text``."""
        self._filter = (states, text, verified)
        self.beginResetModel()
        self._rows = self._compute_rows()
        self.endResetModel()

    def _compute_rows(self) -> np.ndarray:
        self._pos = None
        if self._index is None:
            return np.zeros(0, np.int64)
        if self._order is not None:
            self._pos = np.full(len(self._index), -1, np.int64)
            self._pos[self._order] = np.arange(len(self._order))
            return self._order
        states, text, verified = self._filter
        if not states and not text and verified is None:
            return np.arange(len(self._index))
        return self._index.filter(states=states, text=text, verified=verified)

    def apply_update(self, update: IndexUpdate) -> None:
        """Repaint rows the indexer changed; refilter when a state filter is active."""
        if self._index is None or not len(update.rows):
            return
        states, _text, verified = self._filter
        if self._order is not None:
            if len(self._rows):
                self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))
            return
        if states or verified is not None:
            new_rows = self._compute_rows()
            if not np.array_equal(new_rows, self._rows):
                self.layoutAboutToBeChanged.emit()
                old = self.persistentIndexList()
                keep = [int(self._rows[i.row()]) for i in old]
                self._rows = new_rows
                pos = {int(r): k for k, r in enumerate(new_rows)}
                self.changePersistentIndexList(
                    old, [self.index(pos[k], 0) if k in pos else QModelIndex() for k in keep])
                self.layoutChanged.emit()
                return
        lo, hi = self.visible_row_of(int(min(update.rows))), self.visible_row_of(int(max(update.rows)))
        if lo < 0 or hi < 0:
            lo, hi = 0, len(self._rows) - 1
        if hi >= lo >= 0:
            self.dataChanged.emit(self.index(lo, 0), self.index(hi, 0))

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        """Visible rows."""
        return 0 if parent.isValid() else len(self._rows)

    def index_row(self, visible_row: int) -> int:
        """The index row behind a visible row."""
        return int(self._rows[visible_row])

    def visible_row_of(self, index_row: int) -> int:
        """The visible row of an index row, or ``-1`` when filtered out."""
        if self._pos is not None:
            return int(self._pos[index_row]) if 0 <= index_row < len(self._pos) else -1
        pos = int(np.searchsorted(self._rows, index_row))
        return pos if pos < len(self._rows) and self._rows[pos] == index_row else -1

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Caption, state icon, tooltip, and the index row (``ROW_ROLE``)."""
        if self._index is None or not index.isValid():
            return None
        row = int(self._rows[index.row()])
        done = self._done is not None and row < len(self._done) and bool(self._done[row])
        if role == Qt.ItemDataRole.DisplayRole:
            name = display_name(self._index.paths[row])
            return f"✓ {name}" if done else name
        if role == Qt.ItemDataRole.ForegroundRole and done:
            return QColor(130, 130, 130)
        if role == Qt.ItemDataRole.DecorationRole:
            key = (int(self._index.state[row]), bool(self._index.verified[row]))
            icon = self._icons.get(key)
            if icon is None:
                icon = self._icons[key] = _icon(_STATE_COLORS[State(key[0])], ring=key[1])
            return icon
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row)
        if role == ROW_ROLE:
            return row
        return None

    def _tooltip(self, row: int) -> str:
        idx = self._index
        assert idx is not None
        state = State(int(idx.state[row]))
        lines = [idx.paths[row], state_text(state)]
        if idx.width[row]:
            lines.append(f"{idx.width[row]} × {idx.height[row]} px")
        if idx.n_boxes[row] > 0:
            lines.append(self.tr("{0} boxes").format(int(idx.n_boxes[row])))
        if idx.verified[row]:
            lines.append(self.tr("verified"))
        if row in idx.errors:
            lines.append(idx.errors[row])
        return "\n".join(lines)


class ImageListPanel(QWidget):
    """Filterable list of the dataset's images; emits the index row the user picks."""

    image_selected = pyqtSignal(int)  # index row

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ImageListModel(self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Filter by name…"))
        self.search.setClearButtonEnabled(True)
        self.state_filter = QComboBox(self)
        self._state_choices: list[tuple[str, set[State] | None, bool | None]] = [
            (self.tr("All images"), None, None),
            (self.tr("Labeled"), {State.LABELED}, None),
            (self.tr("Negative (empty label)"), {State.NEGATIVE}, None),
            (self.tr("Unlabeled"), {State.UNLABELED}, None),
            (self.tr("Verified"), None, True),
            (self.tr("Not verified"), None, False),
            (self.tr("Unreadable"), {State.ERROR}, None),
        ]
        for text, _s, _v in self._state_choices:
            self.state_filter.addItem(text)
        # A QTreeView with uniform row heights lays out only what is visible; QListView
        # re-lays out every row on each geometry change (seconds at 100,000 rows).
        self.view = QTreeView(self)
        self.view.setUniformRowHeights(True)
        self.view.setRootIsDecorated(False)
        self.view.setHeaderHidden(True)
        self.view.setModel(self.model)
        # Extended: Shift/Ctrl-click selects several images (e.g. to pre-label a selection);
        # the current image is always the one the cursor is on.
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.count_label = QLabel(self)
        top = QHBoxLayout()
        top.addWidget(self.search, 2)
        top.addWidget(self.state_filter, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)
        self.search.textChanged.connect(self._refilter)
        self.state_filter.currentIndexChanged.connect(self._refilter)
        self.view.selectionModel().currentChanged.connect(self._on_current)
        self.model.modelReset.connect(self._update_count)
        self.model.layoutChanged.connect(self._update_count)

    def set_index(self, index: ImageIndex | None) -> None:
        """Show a new dataset's images."""
        self.model.set_index(index)

    def _refilter(self) -> None:
        current = self.current_index_row()
        _text, states, verified = self._state_choices[self.state_filter.currentIndex()]
        self.model.set_filter(states, self.search.text().strip(), verified)
        if current >= 0:
            self.select_index_row(current, emit=False)

    def clear_filters(self) -> None:
        """Show every image again (name filter and state filter cleared)."""
        self.search.clear()
        self.state_filter.setCurrentIndex(0)

    def _update_count(self) -> None:
        total = len(self.model._index) if self.model._index is not None else 0
        self.count_label.setText(self.tr("{0} of {1} images").format(
            f"{self.model.rowCount():,}", f"{total:,}"))

    def current_index_row(self) -> int:
        """Index row of the selected image, or ``-1``."""
        current = self.view.currentIndex()
        return self.model.index_row(current.row()) if current.isValid() else -1

    def select_index_row(self, index_row: int, emit: bool = True) -> bool:
        """Select an image by index row (if it passes the filter); returns success."""
        visible = self.model.visible_row_of(index_row)
        if visible < 0:
            return False
        mi = self.model.index(visible, 0)
        if not emit:
            self.view.selectionModel().blockSignals(True)
        self.view.selectionModel().setCurrentIndex(
            mi, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if not emit:
            self.view.selectionModel().blockSignals(False)
        self.view.scrollTo(mi)
        return True

    def step(self, delta: int) -> None:
        """Move the selection ``delta`` rows (A/D navigation)."""
        n = self.model.rowCount()
        if not n:
            return
        cur = self.view.currentIndex().row()
        target = max(0, min(n - 1, (cur if cur >= 0 else -1) + delta))
        self.view.selectionModel().setCurrentIndex(
            self.model.index(target, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.view.scrollTo(self.model.index(target, 0))

    def selected_index_rows(self) -> list[int]:
        """Index rows of every selected image."""
        return sorted(self.model.index_row(i.row()) for i in self.view.selectionModel().selectedRows())

    def previous_index_row(self) -> int:
        """Index row of the image above the current one in the list, or ``-1``."""
        cur = self.view.currentIndex().row()
        return self.model.index_row(cur - 1) if cur > 0 else -1

    def neighbours(self, radius: int = 2) -> list[int]:
        """Index rows near the current one (for prefetching), nearest first."""
        cur = self.view.currentIndex().row()
        if cur < 0:
            return []
        out = []
        for d in range(1, radius + 1):
            for r in (cur + d, cur - d):
                if 0 <= r < self.model.rowCount():
                    out.append(self.model.index_row(r))
        return out

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.image_selected.emit(self.model.index_row(current.row()))
