"""The Evaluation tab: predictions (a run, or a folder of YOLO txt with confidence) against labels."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PyQt6.QtCore import Qt, pyqtSignal
from PyQt6.QtGui import QColor
from PyQt6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.core.inference.runs import list_runs
from studio.core.insight.evaluation import (
    EvalReport,
)
from studio.core.insight.jobs import EVALUATE, EvaluateParams
from studio.core.jobs import CancelToken, last_payload
from studio.core.jobspec import JobContext, run_recorded
from studio.ui.background import CallLane
from studio.ui.insight.charts import PALETTE, plot_widget
from studio.ui.session import DatasetSession
from studio.ui.texts import error_text


class EvalTab(QWidget):
    """Per-class table, confusion matrix with its images, PR and F1-confidence curves."""

    open_image = pyqtSignal(str, int)

    def __init__(self, session: DatasetSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        tr = self.tr
        self.source = QComboBox(self)
        self.source.setMinimumWidth(280)
        self.run_button = QPushButton(tr("Evaluate"), self)
        self.summary = QLabel(tr("Choose a pre-labeling run or a folder of prediction files (YOLO txt with a "
                                 "confidence column, as 'yolo predict save_txt save_conf' writes)."), self)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 8, self)
        self.table.setHorizontalHeaderLabels([tr("Class"), tr("Boxes"), tr("Predictions"), tr("Precision"),
                                              tr("Recall"), tr("F1"), tr("AP50"), tr("AP50-95")])
        self.table.verticalHeader().hide()
        self.matrix = QTableWidget(0, 0, self)
        self.matrix.setToolTip(tr("Rows: predicted class; columns: true class (confidence > 0.25, IoU > 0.45, as "
                                  "Ultralytics counts). Click a cell to list its images."))
        self.cell_images = QListWidget(self)
        self.cell_label = QLabel(tr("Click a cell of the confusion matrix."), self)
        self.pr_plot = plot_widget(self, tr("Precision-recall (IoU 0.5)"), tr("precision"), tr("recall"))
        self.f1_plot = plot_widget(self, tr("F1 over confidence"), tr("F1"), tr("confidence"))
        for p in (self.pr_plot, self.f1_plot):
            p.addLegend(offset=(-10, 10))
            p.setXRange(0, 1, padding=0.02)
            p.setYRange(0, 1.02, padding=0)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Predictions"), self))
        top.addWidget(self.source, 1)
        top.addWidget(self.run_button)
        cells = QWidget(self)
        cl = QVBoxLayout(cells)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addWidget(self.cell_label)
        cl.addWidget(self.cell_images)
        middle = QSplitter(self)
        middle.addWidget(self.matrix)
        middle.addWidget(cells)
        middle.setStretchFactor(0, 3)
        plots = QSplitter(self)
        plots.addWidget(self.pr_plot)
        plots.addWidget(self.f1_plot)
        body = QSplitter(Qt.Orientation.Vertical, self)
        body.addWidget(self.table)
        body.addWidget(middle)
        body.addWidget(plots)
        body.setSizes([170, 260, 330])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(body, 1)
        self.report: EvalReport | None = None
        self.lane = CallLane(self, "refuse")  # one evaluation at a time
        self.lane.result.connect(self.show_report)
        self.lane.failed.connect(lambda error: self.summary.setText(
            self.tr("Cannot evaluate: {0}").format(error_text(error.exception))))
        self.run_button.clicked.connect(lambda: self.start())
        self.source.activated.connect(self._on_source)
        self.matrix.cellClicked.connect(self.show_cell)
        self.cell_images.itemDoubleClicked.connect(lambda item: self.open_image.emit(item.text(), -1))
        self.cell_images.itemActivated.connect(lambda item: self.open_image.emit(item.text(), -1))

    def refresh_sources(self) -> None:
        """List the dataset's runs, then the folder choice."""
        self.source.clear()
        store = self.session.store
        for run in (list_runs(store) if store is not None else []):
            self.source.addItem(self.tr("Run {0} · {1}").format(run.id, Path(run.model_path).name), run.id)
        self.source.addItem(self.tr("Folder of prediction files…"), "folder")

    def _on_source(self, index: int) -> None:
        if self.source.itemData(index) != "folder":
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder of prediction files"))
        if folder:
            self.source.insertItem(index, folder, folder)
            self.source.setCurrentIndex(index)

    def start(self, source: object = None) -> None:
        """Evaluate the chosen source in the background."""
        ds, store = self.session.dataset, self.session.store
        source = source if isinstance(source, (int, str)) and not isinstance(source, bool) else \
            self.source.currentData()
        if ds is None or source is None or source == "folder":
            self.summary.setText(self.tr("Open a dataset and choose predictions first."))
            return
        if self.lane.busy:
            return

        params = EvaluateParams(run_id=source) if isinstance(source, int) else EvaluateParams(folder=source)
        owner = self.session.owner

        def evaluate() -> EvalReport:
            return last_payload(run_recorded(EVALUATE, params, JobContext(store, CancelToken(), ds, owner)))

        self.summary.setText(self.tr("Evaluating…"))
        self.lane.submit(evaluate)

    def wait(self) -> None:
        """Wait for a running evaluation (closing, tests)."""
        self.lane.wait()

    def _name(self, c: int) -> str:
        names = self.report.names if self.report else []
        return names[c] if 0 <= c < len(names) else f"#{c}"

    def show_report(self, rep: EvalReport) -> None:
        """Fill the table, matrix and curves."""
        self.report = rep
        tr = self.tr
        if rep.best_conf <= rep.lowest_conf:
            where = tr("at any confidence up to {0:.2f}, the least confident prediction").format(rep.lowest_conf)
        else:
            where = tr("at confidence {0:.3f}").format(rep.best_conf)
        text = tr("{0} images. All classes: precision {1:.3f}, recall {2:.3f}, F1 {3:.3f} {4} (where the mean F1 "
                  "is highest); mAP50 {5:.3f}, mAP50-95 {6:.3f}.").format(
            rep.images, rep.precision, rep.recall, rep.f1, where, rep.map50, rep.map50_95)
        if rep.problems:
            text += "\n" + "\n".join(rep.problems)
        self.summary.setText(text)
        self.table.setRowCount(len(rep.classes))
        for r, c in enumerate(rep.classes):
            p, rc, f = rep.at_best(c.class_id)
            values = [self._name(c.class_id), c.n_gt, c.n_pred, f"{p:.3f}", f"{rc:.3f}", f"{f:.3f}",
                      f"{c.ap50:.3f}" if c.n_gt else "—", f"{c.ap50_95:.3f}" if c.n_gt else "—"]
            for k, v in enumerate(values):
                self.table.setItem(r, k, QTableWidgetItem(str(v)))
        self.table.resizeColumnsToContents()
        m = rep.confusion.matrix
        labels = [*[self._name(i) for i in range(len(m) - 1)], tr("background")]
        self.matrix.setRowCount(len(m))
        self.matrix.setColumnCount(len(m))
        self.matrix.setHorizontalHeaderLabels([tr("true: {0}").format(n) for n in labels])
        self.matrix.setVerticalHeaderLabels([tr("pred: {0}").format(n) for n in labels])
        col_sum = np.maximum(m.sum(axis=0), 1)
        for i in range(len(m)):
            for j in range(len(m)):
                item = QTableWidgetItem(str(int(m[i, j])))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                share = m[i, j] / col_sum[j]
                shade = QColor.fromRgbF(0.14, 0.44, 0.64, 0.08 + 0.8 * share)
                item.setBackground(shade if m[i, j] else QColor("white"))
                item.setForeground(QColor("white") if share > 0.5 else QColor("black"))
                item.setToolTip(tr("{0} images").format(len(rep.confusion.cells.get((i, j), []))))
                self.matrix.setItem(i, j, item)
        self.matrix.resizeColumnsToContents()
        self.pr_plot.clear()
        self.f1_plot.clear()
        for k, c in enumerate(rep.class_ids):
            pen = pg.mkPen(PALETTE[k % len(PALETTE)], width=2)
            recall, precision = rep.pr_curves[k]
            if len(recall):
                self.pr_plot.plot(np.r_[0, recall], np.r_[1, np.maximum.accumulate(precision[::-1])[::-1]], pen=pen,
                                  name=self._name(c))
            self.f1_plot.plot(rep.conf_grid, rep.f1_curve[k], pen=pen, name=self._name(c))
        if len(rep.class_ids):
            self.f1_plot.plot(rep.conf_grid, rep.f1_curve.mean(0), pen=pg.mkPen("#111", width=3),
                              name=tr("all classes"))
            dashed = pg.mkPen("#111", style=Qt.PenStyle.DashLine)
            self.f1_plot.addItem(pg.InfiniteLine(rep.best_conf, angle=90, pen=dashed))

    def show_cell(self, row: int, col: int) -> None:
        """List the images behind one confusion cell."""
        if self.report is None:
            return
        images = self.report.confusion.cells.get((row, col), [])
        self.cell_images.clear()
        self.cell_images.addItems(images)
        labels = self.matrix.verticalHeaderItem(row).text(), self.matrix.horizontalHeaderItem(col).text()
        self.cell_label.setText(self.tr("{0} images with {1} × {2} (double-click opens one)").format(
            len(images), *labels))
