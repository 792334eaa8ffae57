"""Augmentation preview: a grid of training samples exactly as Ultralytics' loader makes them.

Every change of a hyperparameter redraws the grid off the GUI thread (the latest change
wins): the dataset is built once, new settings only rebuild its transforms, so an update
takes a fraction of a second. Both phases can be shown: with mosaic, and the last
``close_mosaic`` epochs without it.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PyQt6.QtCore import Qt, pyqtSignal
from PyQt6.QtGui import QImage, QPixmap
from PyQt6.QtWidgets import QComboBox, QDoubleSpinBox, QFormLayout, QHBoxLayout, QLabel, QSpinBox, QWidget

from studio.core.training import augment
from studio.ui.background import CallLane

#: The hyperparameters shown, with Ultralytics' defaults and the range offered.
HYPERPARAMETERS = (("mosaic", 1.0, 0.0, 1.0), ("mixup", 0.0, 0.0, 1.0), ("degrees", 0.0, 0.0, 180.0),
                   ("translate", 0.1, 0.0, 0.9), ("scale", 0.5, 0.0, 0.9), ("shear", 0.0, 0.0, 45.0),
                   ("perspective", 0.0, 0.0, 0.001), ("fliplr", 0.5, 0.0, 1.0), ("flipud", 0.0, 0.0, 1.0),
                   ("hsv_h", 0.015, 0.0, 0.5), ("hsv_s", 0.7, 0.0, 1.0), ("hsv_v", 0.4, 0.0, 1.0))


class AugmentPreviewWindow(QWidget):
    """The grid and its controls; ``shown`` after each grid reaches the screen."""

    shown = pyqtSignal(object)  # the list of AugmentedSample on screen

    def __init__(self, data_yaml: Path, names: list[str], parent: QWidget | None = None, count: int = 12) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Augmentation Preview"))
        self.setObjectName("augment_preview")
        self.resize(1200, 800)
        self.data_yaml, self.names, self.count = data_yaml, names, count
        self.controls: dict[str, QDoubleSpinBox] = {}
        form = QFormLayout()
        for name, default, lo, hi in HYPERPARAMETERS:
            box = QDoubleSpinBox(self)
            box.setObjectName(name)
            box.setDecimals(4 if hi < 0.01 else 3)
            box.setRange(lo, hi)
            box.setSingleStep((hi - lo) / 20)
            box.setValue(default)
            box.valueChanged.connect(lambda _v: self.refresh())
            form.addRow(name, box)
            self.controls[name] = box
        self.imgsz = QSpinBox(self)
        self.imgsz.setRange(64, 1280)
        self.imgsz.setSingleStep(32)
        self.imgsz.setValue(320)
        self.imgsz.valueChanged.connect(lambda _v: self.refresh())
        self.seed = QSpinBox(self)
        self.seed.setRange(0, 2**31 - 1)
        self.seed.valueChanged.connect(lambda _v: self.refresh())
        self.phase = QComboBox(self)
        self.phase.addItem(self.tr("With mosaic (most epochs)"), True)
        self.phase.addItem(self.tr("Last epochs (close_mosaic: no mosaic, mixup)"), False)
        self.phase.currentIndexChanged.connect(lambda _i: self.refresh())
        form.addRow(self.tr("Image size"), self.imgsz)
        form.addRow(self.tr("Seed"), self.seed)
        form.addRow(self.tr("Phase"), self.phase)
        self.note = QLabel(self.tr("Building Ultralytics' training dataset…"), self)
        self.note.setWordWrap(True)
        form.addRow(self.note)
        self.grid = QLabel(self)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.grid.setMinimumSize(640, 480)
        side = QWidget(self)
        side.setLayout(form)
        side.setMaximumWidth(320)
        layout = QHBoxLayout(self)
        layout.addWidget(side)
        layout.addWidget(self.grid, 1)
        self._lane = CallLane(self, "latest")
        self._lane.result.connect(self._show)
        self._lane.failed.connect(lambda error: self.note.setText(self.tr("Cannot preview: {0}").format(error.message)))
        self._dataset: tuple[int, object] | None = None  # (imgsz, Ultralytics dataset), used on the lane only
        self.samples: list[augment.AugmentedSample] = []

    def hyperparameters(self) -> dict:
        """The settings as Ultralytics names them."""
        return {**{name: box.value() for name, box in self.controls.items()}, "imgsz": self.imgsz.value(),
                "seed": self.seed.value()}

    def refresh(self) -> None:
        """Recompute the grid for the current settings (the newest request wins)."""
        hyp, mosaic, seed = self.hyperparameters(), bool(self.phase.currentData()), self.seed.value()
        self._lane.submit(lambda: self._compute(hyp, mosaic, seed))

    def _compute(self, hyp: dict, mosaic: bool, seed: int) -> tuple[list, np.ndarray]:
        if self._dataset is None or self._dataset[0] != hyp["imgsz"]:
            self._dataset = (hyp["imgsz"], augment.build_training_dataset(self.data_yaml, hyp, mosaic))
        dataset = self._dataset[1]
        augment.set_hyperparameters(dataset, self.data_yaml, hyp, mosaic)
        samples = augment.augmentation_samples(dataset, seed, self.count)
        return samples, augment.grid_image(samples, self.names)

    def _show(self, result: tuple[list, np.ndarray]) -> None:
        samples, grid = result
        self.samples = samples
        h, w = grid.shape[:2]
        image = QImage(np.ascontiguousarray(grid).data, w, h, 3 * w, QImage.Format.Format_BGR888).copy()
        self.grid.setPixmap(QPixmap.fromImage(image).scaled(self.grid.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                                            Qt.TransformationMode.SmoothTransformation))
        kept = sum(len(s.xywhn) for s in samples)
        dropped = sum(s.dropped for s in samples)
        self.note.setText(self.tr("{0} samples, {1} boxes; {2} boxes dropped by the loader (too small or outside "
                                  "after augmentation). Samples at seeded random indices, mosaic partners from "
                                  "the whole dataset.").format(len(samples), kept, dropped))
        self.shown.emit(samples)
