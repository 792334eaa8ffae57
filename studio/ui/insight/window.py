"""Tools > Dataset Insight: check, statistics, evaluation, training runs and export, in tabs."""

from __future__ import annotations

from PyQt6.QtCore import QTimer, pyqtSignal
from PyQt6.QtGui import QCloseEvent
from PyQt6.QtWidgets import QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from studio.core.insight.stats import dataset_stats
from studio.ui.insight.check_tab import CheckTab
from studio.ui.insight.eval_tab import EvalTab
from studio.ui.insight.runs_tab import RunsTab
from studio.ui.insight.stats_tab import StatsTab
from studio.ui.session import DatasetSession

RECHECK_MS = 1500  # after the last label edit


class InsightWindow(QWidget):
    """A separate window over the open dataset; findings and images open in the main window."""

    open_image = pyqtSignal(str, int)  # relative image path, box index (-1: none)

    def __init__(self, session: DatasetSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Dataset Insight"))
        self.resize(1200, 860)
        self.tabs = QTabWidget(self)
        self.check = CheckTab(session, self)
        self.stats = StatsTab(session, self)
        self.evaluation = EvalTab(session, self)
        self.runs = RunsTab(self)
        export = QWidget(self)
        el = QVBoxLayout(export)
        info = QLabel(self.tr("Write the whole dataset as a clean Ultralytics dataset: a seeded train/val(/test) "
                              "split stratified by class, box rows only, data.yaml, and optionally COCO JSON. "
                              "The result passes Ultralytics' own checks and trains with 'yolo train' as is."), export)
        info.setWordWrap(True)
        self.export_button = QPushButton(self.tr("Split and Export…"), export)
        el.addWidget(info)
        el.addWidget(self.export_button)
        el.addStretch(1)
        self.tabs.addTab(self.check, self.tr("Check"))
        self.tabs.addTab(self.stats, self.tr("Statistics"))
        self.tabs.addTab(self.evaluation, self.tr("Evaluation"))
        self.tabs.addTab(self.runs, self.tr("Training Runs"))
        self.tabs.addTab(export, self.tr("Export"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.check.open_image.connect(self.open_image)
        self.evaluation.open_image.connect(self.open_image)
        self.export_button.clicked.connect(self.export_all)
        # one survey feeds both the check and the statistics, run at once and again after label edits
        self.check.surveyed.connect(lambda survey: self.stats.show_stats(dataset_stats(survey)))
        self._again = QTimer(self)
        self._again.setSingleShot(True)
        self._again.setInterval(RECHECK_MS)
        self._again.timeout.connect(self.run_checks)
        session.opened.connect(lambda _ds: self.refresh())
        session.labels_changed.connect(self._labels_changed)
        self.refresh()

    def refresh(self) -> None:
        """Follow the dataset open in the main window, and check it."""
        ds = self.session.dataset
        self.setWindowTitle(self.tr("Dataset Insight — {0}").format(ds.root.name) if ds else self.tr("Dataset Insight"))
        self.evaluation.refresh_sources()
        if self.session.store is not None:
            self.runs.show_dataset_runs(self.session.store)
        self.run_checks()

    def run_checks(self) -> None:
        """Check the dataset and compute its statistics (one survey), unless that runs already."""
        if self.session.dataset is None:
            return
        if self.check.worker is not None and self.check.worker.is_running():
            self._again.start()  # come back when it is done
            return
        self.check.start()

    def _labels_changed(self) -> None:
        if self.isVisible():
            self._again.start()  # a pause in the editing, then once

    def export_all(self) -> None:
        """Open the export dialog for every image of the dataset."""
        from PyQt6.QtCore import Qt

        from studio.ui.review.export_dialog import ExportDialog

        ds = self.session.dataset
        if ds is None or self.session.index is None:
            return
        from studio.core.dataset.jobs import SPLIT, SplitParams

        dialog = ExportDialog(ds, list(self.session.index.paths), SPLIT, SplitParams, self.session.store, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Stop background work before closing."""
        for tab in (self.check, self.stats, self.evaluation):
            tab.wait()
        super().closeEvent(event)
