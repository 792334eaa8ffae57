"""The pipeline editor: ordered steps (add, remove, reorder, toggle) and the selected step's form."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PyQt6.QtCore import QSignalBlocker, Qt, pyqtSignal
from PyQt6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.core.preprocess.ops import OpSpec
from studio.core.preprocess.pipeline import Pipeline, Step
from studio.ui.preprocess.param_form import ParamForm
from studio.ui.texts import op_text

if TYPE_CHECKING:
    from collections.abc import Callable


class PipelinePanel(QWidget):
    """Edits a ``Pipeline``; ``changed(dragging)`` after every edit, ``selected(row)``."""

    changed = pyqtSignal(bool)
    selected = pyqtSignal(int)

    def __init__(self, specs: dict[str, OpSpec], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.specs = specs
        self.pipeline = Pipeline()
        self.list = QListWidget(self)
        self.add_button = QToolButton(self)
        self.add_button.setText(self.tr("Add"))
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.add_button.setMenu(self._add_menu())
        self.remove_button = self._button(self.tr("Remove"), self.remove_selected)
        self.up_button = self._button("▲", lambda: self.move_selected(-1))
        self.down_button = self._button("▼", lambda: self.move_selected(1))
        self.list.setToolTip(self.tr("Steps run top to bottom; untick a step to skip it."))
        self.form = ParamForm(self)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #d33;")
        self.error_label.setWordWrap(True)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(buttons)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.form)
        layout.addWidget(self.error_label)
        self.list.currentRowChanged.connect(self._on_row)
        self.list.itemChanged.connect(self._on_item_changed)
        self.form.changed.connect(self._on_params)

    def _button(self, text: str, slot: Callable[[], object]) -> QToolButton:
        b = QToolButton(self)
        b.setText(text)
        b.clicked.connect(slot)
        return b

    def _add_menu(self) -> QMenu:
        menu = QMenu(self)
        by_category: dict[str, list[OpSpec]] = {}
        for spec in self.specs.values():
            by_category.setdefault(spec.category, []).append(spec)
        for category, specs in by_category.items():
            sub = menu.addMenu(op_text(category))
            for spec in specs:
                action = sub.addAction(op_text(spec.title))
                action.triggered.connect(lambda _c=False, n=spec.name: self.add_step(n))
        return menu

    def set_pipeline(self, pipeline: Pipeline) -> None:
        """Show another pipeline."""
        self.pipeline = pipeline
        self._rebuild(0 if pipeline.steps else -1)
        self.changed.emit(False)

    def _rebuild(self, select: int) -> None:
        with QSignalBlocker(self.list):
            self.list.clear()
            for step in self.pipeline.steps:
                spec = self.specs.get(step.op)
                item = QListWidgetItem(op_text(spec.title) if spec else step.op)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if step.enabled else Qt.CheckState.Unchecked)
                self.list.addItem(item)
        self.list.setCurrentRow(select)
        self._on_row(select)

    def add_step(self, op: str) -> None:
        """Append an operation with its defaults after the selected step."""
        row = self.list.currentRow() + 1 if self.list.currentRow() >= 0 else len(self.pipeline.steps)
        self.pipeline.steps.insert(row, Step(op, self.specs[op].defaults()))
        self._rebuild(row)
        self.changed.emit(False)

    def use_threshold_method(self, method: str) -> None:
        """Set the selected automatic threshold's method, or add one after the selected step."""
        row = self.list.currentRow()
        steps = self.pipeline.steps
        if not (0 <= row < len(steps) and steps[row].op == "auto_threshold"):
            self.add_step("auto_threshold")
            row = self.list.currentRow()
        step = self.pipeline.steps[row]
        step.params = self.specs["auto_threshold"].coerce({**step.params, "method": method})
        self._on_row(row)
        self.changed.emit(False)

    def remove_selected(self) -> None:
        """Remove the selected step."""
        row = self.list.currentRow()
        if row >= 0:
            del self.pipeline.steps[row]
            self._rebuild(min(row, len(self.pipeline.steps) - 1))
            self.changed.emit(False)

    def move_selected(self, delta: int) -> None:
        """Move the selected step up or down."""
        row = self.list.currentRow()
        target = row + delta
        if row < 0 or not 0 <= target < len(self.pipeline.steps):
            return
        steps = self.pipeline.steps
        steps[row], steps[target] = steps[target], steps[row]
        self._rebuild(target)
        self.changed.emit(False)

    def show_errors(self, errors: dict[int, str]) -> None:
        """Mark failing steps and show the selected one's message."""
        for i in range(self.list.count()):
            self.list.item(i).setForeground(Qt.GlobalColor.red if i in errors else Qt.GlobalColor.black)
        self.error_label.setText(errors.get(self.list.currentRow(), ""))

    def _on_row(self, row: int) -> None:
        if 0 <= row < len(self.pipeline.steps):
            step = self.pipeline.steps[row]
            self.form.set_op(self.specs[step.op], step.params)
        else:
            self.form.set_op(None, {})
        self.selected.emit(row)

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        row = self.list.row(item)
        self.pipeline.steps[row].enabled = item.checkState() == Qt.CheckState.Checked
        self.changed.emit(False)

    def _on_params(self, values: dict, dragging: bool) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.pipeline.steps):
            self.pipeline.steps[row].params = values
            self.changed.emit(dragging)
