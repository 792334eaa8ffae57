"""The Train dialog: the settings ``studio train`` takes, Ultralytics' defaults, a hint each."""

from __future__ import annotations

from pathlib import Path

from PyQt6.QtCore import QCoreApplication
from PyQt6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.core import bundled
from studio.core.training.settings import DEFAULTS, HINTS, OPTIMIZERS, TrainSettings
from studio.ui.spin_boxes import int_spin

FROM_SCRATCH = ("yolov8n.yaml", "yolov8s.yaml")


class TrainDialog(QDialog):
    """Ask for a run's settings; ``settings()`` after ``exec()`` returns them."""

    def __init__(self, finished: int, left_out: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        tr = self.tr
        self.setWindowTitle(tr("Train a Model"))
        self.model = QComboBox(self)
        self.model.setObjectName("model")
        self.model.addItem(tr("Fine-tune the demo model"), str(bundled.demo_model()))
        for name in FROM_SCRATCH:
            self.model.addItem(tr("From scratch: {0}").format(name), name)
        browse = QPushButton(tr("Other .pt…"), self)
        browse.clicked.connect(self._browse)
        self.epochs = int_spin(self, 1, 10_000, DEFAULTS["epochs"], "epochs")
        self.imgsz = int_spin(self, 32, 4096, DEFAULTS["imgsz"], "imgsz")
        self.imgsz.setSingleStep(32)
        self.batch = int_spin(self, 1, 1024, DEFAULTS["batch"], "batch")
        self.patience = int_spin(self, 0, 10_000, DEFAULTS["patience"], "patience")
        self.optimizer = QComboBox(self)
        self.optimizer.setObjectName("optimizer")
        self.optimizer.addItems(OPTIMIZERS)
        self.set_lr = QCheckBox(tr("Set the learning rate"), self)
        self.lr0 = QDoubleSpinBox(self)
        self.lr0.setObjectName("lr0")
        self.lr0.setDecimals(5)
        self.lr0.setRange(0.00001, 1.0)
        self.lr0.setSingleStep(0.001)
        self.lr0.setValue(DEFAULTS["lr0"])
        self.lr0.setEnabled(False)
        self.lr_note = QLabel(self)
        self.lr_note.setWordWrap(True)
        self.seed = int_spin(self, 0, 2**31 - 1, DEFAULTS["seed"], "seed")
        self.device = QComboBox(self)
        self.device.setObjectName("device")
        self.device.addItems(["auto", "cpu", "cuda", "mps"])
        self.include_unlabeled = QCheckBox(tr("Also train on unlabeled images (as backgrounds)"), self)
        self.include_machine = QCheckBox(tr("Also train on labels a model wrote that nobody reviewed"), self)
        form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.model, 1)
        row.addWidget(browse)
        form.addRow(tr("Model"), row)
        for label, widget, key in ((tr("Epochs"), self.epochs, "epochs"), (tr("Image size"), self.imgsz, "imgsz"),
                                   (tr("Batch size"), self.batch, "batch"), (tr("Patience"), self.patience, "patience"),
                                   (tr("Optimizer"), self.optimizer, "optimizer"), ("", self.set_lr, "lr0"),
                                   (tr("Learning rate (lr0)"), self.lr0, "lr0"), ("", self.lr_note, "lr0"),
                                   (tr("Seed"), self.seed, "seed"), (tr("Device"), self.device, "device")):
            widget.setToolTip(QCoreApplication.translate("studio.train", HINTS[key]))
            form.addRow(label, widget)
        layout = QVBoxLayout(self)
        summary = QLabel(tr("{0} finished images will be used; {1}").format(finished, left_out), self)
        summary.setWordWrap(True)
        summary.setObjectName("summary")
        layout.addWidget(summary)
        layout.addLayout(form)
        layout.addWidget(self.include_unlabeled)
        layout.addWidget(self.include_machine)
        hints = QLabel(tr("Hover a setting for a hint. Defaults are Ultralytics' own."), self)
        hints.setEnabled(False)
        layout.addWidget(hints)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        start = buttons.addButton(tr("Train"), QDialogButtonBox.ButtonRole.AcceptRole)
        start.setObjectName("train_button")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.set_lr.toggled.connect(self._lr_changed)
        self.optimizer.currentTextChanged.connect(lambda _t: self._lr_changed(self.set_lr.isChecked()))
        self._lr_changed(False)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Model to Fine-tune"), "", self.tr("Models (*.pt)"))
        if path:
            self.model.addItem(Path(path).name, path)
            self.model.setCurrentIndex(self.model.count() - 1)

    def _lr_changed(self, on: bool) -> None:
        self.lr0.setEnabled(on)
        if not on:
            self.lr_note.setText(self.tr("Not set: the optimizer picks its own rate."))
        elif self.optimizer.currentText() == "auto":
            self.lr_note.setText(self.tr("With a rate set, auto's optimizer (AdamW for short runs, SGD for long "
                                         "ones) is named explicitly, so that this rate is the one used."))
        else:
            self.lr_note.setText(self.tr("{0} starts at this rate.").format(self.optimizer.currentText()))

    def settings(self) -> TrainSettings:
        """What the user chose (Ultralytics' defaults are passed as they are)."""
        return TrainSettings(model=str(self.model.currentData()), epochs=self.epochs.value(),
                             imgsz=self.imgsz.value(), batch=self.batch.value(), patience=self.patience.value(),
                             optimizer=self.optimizer.currentText(),
                             lr0=self.lr0.value() if self.set_lr.isChecked() else None, seed=self.seed.value(),
                             device=self.device.currentText(), include_unlabeled=self.include_unlabeled.isChecked(),
                             include_machine=self.include_machine.isChecked())
