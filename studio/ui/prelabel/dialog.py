"""The pre-label dialog: which images, the model's settings, class mapping, optional slicing."""

from __future__ import annotations

from dataclasses import dataclass

from PyQt6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from studio.core.cluster.connect import ClusterInfo
from studio.core.cluster.runner import ClusterSpec
from studio.core.inference.engine import PredictParams, map_classes
from studio.core.inference.model_file import ModelInfo
from studio.core.inference.slicing import estimate_cost
from studio.ui.prelabel.cluster_row import ClusterRow
from studio.ui.spin_boxes import double_spin

SCOPES = ("all", "unlabeled", "filter", "selection")


@dataclass(frozen=True)
class PrelabelChoice:
    """What the user chose."""

    scope: str
    params: PredictParams
    class_map: dict[int, int]
    slicing: dict
    device: str = "auto"
    cluster: ClusterSpec | None = None  # a Ray cluster run, or this computer
    cluster_info: ClusterInfo | None = None  # what the connection check found


class PrelabelDialog(QDialog):
    """Settings for a run; class mapping defaults to matching names."""

    def __init__(self, info: ModelInfo, dataset_names: list[str], image_wh: tuple[int, int] | None,
                 scope: str = "all", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pre-label with {0}").format(info.title))
        self.info, self.names, self.image_wh = info, dataset_names, image_wh
        self.scope = QComboBox(self)
        self.scope.addItems([self.tr("All images"), self.tr("Images without labels"),
                             self.tr("Images in the current list filter"),
                             self.tr("Images selected in the list")])
        self.scope.setCurrentIndex(SCOPES.index(scope))
        self.conf = double_spin(self, 0.0, 1.0, 0.25, 0.05)
        self.iou = double_spin(self, 0.05, 1.0, 0.7, 0.05)
        self.imgsz = QSpinBox(self)
        self.imgsz.setRange(32, 4096)
        self.imgsz.setSingleStep(32)
        self.imgsz.setValue(info.imgsz or 640)
        self.max_det = QSpinBox(self)
        self.max_det.setRange(1, 10000)
        self.max_det.setValue(300)
        self.agnostic = QCheckBox(self.tr("Class-agnostic NMS"), self)
        self.device = QComboBox(self)
        self.device.setObjectName("device")
        self.device.addItems(["auto", "cpu", "cuda", "mps"])
        self.device.setToolTip(self.tr("auto uses a GPU when there is one"))
        self.slice = QCheckBox(self.tr("Sliced inference for small objects"), self)
        self.tile = QSpinBox(self)
        self.tile.setRange(64, 4096)
        self.tile.setSingleStep(32)
        self.tile.setValue(info.imgsz or 640)
        self.overlap = double_spin(self, 0.0, 0.9, 0.2, 0.05)
        self.cost = QLabel(self)
        form = QFormLayout()
        form.addRow(self.tr("Images"), self.scope)
        form.addRow(self.tr("Confidence"), self.conf)
        form.addRow(self.tr("NMS IoU"), self.iou)
        form.addRow(self.tr("Image size"), self.imgsz)
        form.addRow(self.tr("Max detections"), self.max_det)
        form.addRow("", self.agnostic)
        form.addRow(self.tr("Device"), self.device)
        self.cluster_row = ClusterRow(self)
        form.addRow(self.tr("Run on"), self.cluster_row)
        form.addRow("", self.cluster_row.status)
        form.addRow("", self.slice)
        form.addRow(self.tr("Tile size"), self.tile)
        form.addRow(self.tr("Tile overlap"), self.overlap)
        form.addRow("", self.cost)
        self.table = QTableWidget(len(info.names), 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Model class"), self.tr("Dataset class")])
        self.table.verticalHeader().hide()
        auto = map_classes(info.names, dataset_names) if dataset_names else {k: k for k in info.names}
        self.combos: dict[int, QComboBox] = {}
        for row, (mid, mname) in enumerate(sorted(info.names.items())):
            self.table.setCellWidget(row, 0, QLabel(f"{mid}: {mname}", self))
            combo = QComboBox(self)
            combo.addItem(self.tr("— drop —"), -1)
            for did, dname in enumerate(dataset_names):
                combo.addItem(f"{did}: {dname}", did)
            if mid in auto:
                combo.setCurrentIndex(combo.findData(auto[mid]))
            self.table.setCellWidget(row, 1, combo)
            self.combos[mid] = combo
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.start_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.cluster_row.ready_changed.connect(self.start_button.setEnabled)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Class mapping (model → dataset; unmapped classes are dropped):"), self))
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        for w in (self.slice, self.tile, self.overlap):
            (w.toggled if w is self.slice else w.valueChanged).connect(lambda *_a: self._update_cost())
        self._update_cost()


    def _update_cost(self) -> None:
        on = self.slice.isChecked()
        self.tile.setEnabled(on)
        self.overlap.setEnabled(on)
        if on and self.image_wh:
            self.cost.setText(self.tr("On {0}×{1} images: {2}").format(
                self.image_wh[0], self.image_wh[1], estimate_cost(self.image_wh, self.tile.value(),
                                                                  self.overlap.value())))
        else:
            self.cost.clear()

    def choice(self) -> PrelabelChoice:
        """The settings as chosen."""
        mapping = {mid: int(c.currentData()) for mid, c in self.combos.items() if int(c.currentData()) >= 0}
        params = PredictParams(conf=self.conf.value(), iou=self.iou.value(), imgsz=self.imgsz.value(),
                               max_det=self.max_det.value(), agnostic_nms=self.agnostic.isChecked())
        slicing = {"slice": self.tile.value(), "overlap": self.overlap.value()} if self.slice.isChecked() else {}
        row = self.cluster_row
        cluster = ClusterSpec(row.address_text(), images=row.image_mode()) if row.on_cluster() else None
        return PrelabelChoice(SCOPES[self.scope.currentIndex()], params, mapping, slicing, self.device.currentText(),
                              cluster, row.info if cluster else None)
