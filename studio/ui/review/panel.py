"""The Review dock: which run, queue order and filters, done / left, pace, the current image."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import TYPE_CHECKING

from PyQt6.QtCore import Qt, pyqtSignal
from PyQt6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from superqt import QLabeledDoubleRangeSlider

from studio.core.jobs import format_eta
from studio.core.review.workflow import QueueCounts, Sort
from studio.ui.review.controller import ReviewController, current_image_summary

if TYPE_CHECKING:
    from studio.core.inference.runs import RunInfo


class ReviewPanel(QWidget):
    """Controls and figures of the review queue; buttons mirror the review actions."""

    report_requested = pyqtSignal()
    auto_accept_requested = pyqtSignal()
    export_requested = pyqtSignal()

    def __init__(self, controller: ReviewController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        tr = self.tr
        self.run_box = QComboBox(self)
        self.run_box.setObjectName("review_run")
        self.sort_box = QComboBox(self)
        self.sort_box.setObjectName("review_sort")
        for text, sort in ((tr("Lowest confidence first"), Sort.LOWEST_CONFIDENCE),
                           (tr("Most proposals first"), Sort.MOST_PROPOSALS),
                           (tr("Disagreement with existing labels"), Sort.DISAGREEMENT),
                           (tr("By name"), Sort.NAME)):
            self.sort_box.addItem(text, sort)
        self.class_box = QComboBox(self)
        self.class_box.setObjectName("review_class")
        self.conf_range = QLabeledDoubleRangeSlider(Qt.Orientation.Horizontal, self)
        self.conf_range.setRange(0.0, 1.0)
        self.conf_range.setDecimals(2)
        self.conf_range.setSingleStep(0.05)
        self.conf_range.setValue((0.0, 1.0))
        self.conf_range.setToolTip(tr("Only images with a proposal whose confidence lies in this range"))
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(True)
        self.counts_label = QLabel(self)
        self.counts_label.setWordWrap(True)
        self.pace_label = QLabel(self)
        self.pace_label.setWordWrap(True)
        self.current_label = QLabel(self)
        self.current_label.setWordWrap(True)
        self.warning_label = QLabel(self)
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet("color: #c0392b;")
        self.warning_label.hide()
        self.report_button = QPushButton(tr("Quality Report…"), self)
        self.auto_button = QPushButton(tr("Accept Automatically…"), self)
        self.export_button = QPushButton(tr("Export Reviewed Images…"), self)
        form = QFormLayout()
        form.addRow(tr("Run"), self.run_box)
        form.addRow(tr("Order"), self.sort_box)
        form.addRow(tr("Class"), self.class_box)
        form.addRow(tr("Confidence"), self.conf_range)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.pace_label)
        layout.addWidget(self.current_label)
        layout.addWidget(self.warning_label)
        self.keys_label = QLabel(tr("Enter: accept all and next · X: reject all and next\n"
                                    "Tab: next proposal · Y: accept · R: reject · E: edit\n"
                                    "Ctrl+Z: undo (also back over an image)"), self)
        self.keys_label.setStyleSheet("color: palette(mid);")
        layout.addWidget(self.keys_label)
        layout.addWidget(self.report_button)
        layout.addWidget(self.auto_button)
        layout.addWidget(self.export_button)
        layout.addStretch(1)
        self._names: list[str] = []
        c = controller
        c.queue.run_changed.connect(self._on_run_changed)
        c.queue.counts_changed.connect(self._on_counts)
        c.current_changed.connect(self._on_current)
        self.run_box.activated.connect(lambda i: c.queue.set_run(self.run_box.itemData(i)))
        self.sort_box.currentIndexChanged.connect(self._apply_order)
        self.class_box.currentIndexChanged.connect(self._apply_order)
        self.conf_range.valueChanged.connect(self._apply_order)
        self.report_button.clicked.connect(self.report_requested)
        self.auto_button.clicked.connect(self.auto_accept_requested)
        self.export_button.clicked.connect(self.export_requested)
        self._on_run_changed(None)

    def set_class_names(self, names: list[str]) -> None:
        """The dataset's classes for the class filter."""
        self._names = list(names)
        self.class_box.blockSignals(True)
        self.class_box.clear()
        self.class_box.addItem(self.tr("All classes"), None)
        for i, name in enumerate(names):
            self.class_box.addItem(name, i)
        self.class_box.blockSignals(False)

    def refresh_runs(self) -> None:
        """List the dataset's runs (newest first) and select the active one."""
        self.run_box.clear()
        for run in self.controller.queue.runs():
            when = _dt.datetime.fromtimestamp(run.created).strftime("%Y-%m-%d %H:%M")
            self.run_box.addItem(self.tr("Run {0} · {1} · {2}").format(run.id, Path(run.model_path).name, when),
                                 run.id)
        active = self.controller.queue.run
        if active is not None:
            self.run_box.setCurrentIndex(max(0, self.run_box.findData(active.id)))

    def _apply_order(self, *_args: object) -> None:
        lo, hi = self.conf_range.value()
        cls = self.class_box.currentData()
        self.controller.queue.set_order(self.sort_box.currentData(), None if cls is None else {int(cls)},
                                  None if (lo, hi) == (0.0, 1.0) else (float(lo), float(hi)))

    def _on_run_changed(self, run: RunInfo | None) -> None:
        self.refresh_runs()
        has = run is not None
        for w in (self.sort_box, self.class_box, self.conf_range, self.report_button, self.auto_button,
                  self.export_button):
            w.setEnabled(has)
        if not has:
            self.counts_label.setText(self.tr("No pre-labeling run yet: load a model and use "
                                              "Tools > Pre-label, then review its proposals here."))
            self.progress.hide()

    def _on_counts(self, counts: QueueCounts, pace: float | None) -> None:
        if self.controller.queue.run is None:
            return
        self.progress.show()
        self.progress.setRange(0, max(counts.total, 1))
        self.progress.setValue(counts.done)
        self.progress.setFormat(self.tr("{0} of {1} done").format(counts.done, counts.total))
        parts = [self.tr("{0} left").format(counts.left), self.tr("{0} reviewed").format(counts.reviewed)]
        if counts.auto:
            parts.append(self.tr("{0} accepted automatically").format(counts.auto))
        if counts.spot_left:
            parts.append(self.tr("{0} spot checks waiting").format(counts.spot_left))
        missing = self.controller.queue.missing_images
        if missing:
            parts.append(self.tr("{0} images of the run no longer exist").format(missing))
        self.counts_label.setText(" · ".join(parts))
        if pace:
            self.pace_label.setText(self.tr("Pace {0:.1f} s per image · {1:.0f} per hour · ETA {2}")
                                    .format(pace, 3600 / pace, format_eta(pace * counts.left)))
        else:
            self.pace_label.setText(self.tr("Pace: shown after the first reviewed image"))

    def _on_current(self) -> None:
        info = current_image_summary(self.controller)
        cur = self.controller.current
        if not info or not info["total"]:
            self.current_label.setText(self.tr("This image has no proposals in this run.")
                                       if cur is not None else "")
        else:
            text = self.tr("This image: {0} proposals to decide").format(info["pending"])
            if info["hidden"]:
                text += self.tr(", {0} below the confidence shown").format(info["hidden"])
            if info["decided"]:
                text += self.tr(", {0} decided").format(info["decided"])
            self.current_label.setText(text)
        warnings = []
        if cur is not None and cur.changed == "changed":
            warnings.append(self.tr("The image changed on disk since the model saw it: proposals may be "
                                    "misplaced."))
        if info and info.get("gone"):
            warnings.append(self.tr("{0} proposals are for classes the dataset no longer has; they are "
                                    "left out.").format(info["gone"]))
        self.warning_label.setText("\n".join(warnings))
        self.warning_label.setVisible(bool(warnings))
