"""Tools > Find Label Errors…: the check's settings, and its cost before anything starts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PyQt6.QtCore import QTimer
from PyQt6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.core.jobs import format_eta
from studio.core.labelcheck.plan import DEFAULT_EPOCHS, DEFAULT_FOLDS, DEFAULT_IMGSZ, CheckPlan, LabelCheckParams
from studio.ui.background import CallError, run_call
from studio.ui.spin_boxes import int_spin
from studio.ui.texts import error_text


class LabelCheckDialog(QDialog):
    """Ask for folds, epochs, size and the start model; show what it costs (``plan`` is run off
    the GUI thread for each setting, and tells the images, the reused folds and the warnings)."""

    def __init__(self, plan: Callable[[LabelCheckParams], CheckPlan], loaded_model: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        tr = self.tr
        self.setWindowTitle(tr("Find Label Errors"))
        self._plan = plan
        self.folds = int_spin(self, 2, 20, DEFAULT_FOLDS, "folds")
        self.epochs = int_spin(self, 1, 1000, DEFAULT_EPOCHS, "epochs")
        self.imgsz = int_spin(self, 64, 2048, DEFAULT_IMGSZ, "imgsz", 32)
        self.model = QComboBox(self)
        self.model.setObjectName("start_model")
        self.model.addItem(tr("From scratch (yolov8n)"), "")
        if loaded_model:
            self.model.addItem(tr("The loaded model: {0}").format(Path(loaded_model).name), loaded_model)
        browse = QPushButton(tr("Other .pt…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.model, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(tr("Folds"), self.folds)
        form.addRow(tr("Epochs per fold"), self.epochs)
        form.addRow(tr("Image size"), self.imgsz)
        form.addRow(tr("Start from"), row)
        about = QLabel(tr("Each fold's model trains on the other folds and checks the images it never saw. "
                          "Start from scratch or from a model trained elsewhere: a model that trained on these "
                          "images already agrees with their labels, errors included."), self)
        about.setWordWrap(True)
        self.cost = QLabel(self)
        self.cost.setObjectName("cost")
        self.cost.setWordWrap(True)
        self.warnings = QLabel(self)
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("color: #c0392b;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.start = buttons.addButton(tr("Start"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.start.setEnabled(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(self.cost)
        layout.addWidget(self.warnings)
        layout.addWidget(buttons)
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(250)
        self._later.timeout.connect(self._estimate)
        for box in (self.folds, self.epochs, self.imgsz):
            box.valueChanged.connect(lambda _v: self._later.start())
        self.model.currentIndexChanged.connect(lambda _i: self._later.start())
        self._asked = 0
        self._estimate()

    def params(self) -> LabelCheckParams:
        """The settings as the job takes them."""
        return LabelCheckParams(folds=self.folds.value(), epochs=self.epochs.value(), imgsz=self.imgsz.value(),
                                model=self.model.currentData() or "")

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Start Model"), "", self.tr("Detection models (*.pt)"))
        if path:
            self.model.addItem(Path(path).name, path)
            self.model.setCurrentIndex(self.model.count() - 1)

    def _estimate(self) -> None:
        params, self._asked = self.params(), self._asked + 1
        asked = self._asked
        self.cost.setText(self.tr("Estimating…"))
        self.start.setEnabled(False)
        run_call(lambda: self._plan(params), lambda plan: self._show(asked, plan),
                 lambda error: self._failed(asked, error))

    def _show(self, asked: int, plan: CheckPlan) -> None:
        if asked != self._asked:
            return
        text = self.tr("{0} finished images, {1} models: about {2} on this machine.").format(
            len(plan.paths), plan.folds.k, format_eta(plan.cost_s))
        if plan.folds_done:
            text += " " + self.tr("{0} fold(s) of an earlier check of the same data are reused.").format(
                plan.folds_done)
        self.cost.setText(text)
        self.warnings.setText("\n".join(error_text(w) for w in plan.warnings))
        self.start.setEnabled(True)

    def _failed(self, asked: int, error: CallError) -> None:
        if asked != self._asked:
            return
        self.cost.setText("")
        self.warnings.setText(error_text(error.exception))
        self.start.setEnabled(False)
