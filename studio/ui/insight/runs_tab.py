"""The Training Runs tab: losses and metrics per epoch of one or more Ultralytics runs."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PyQt6.QtCore import Qt, QTimer
from PyQt6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from studio.core.insight.training_runs import LOSSES, RunReadError, TrainingRun, read_run
from studio.core.jobs import format_eta
from studio.core.training.jobs import LiveLog
from studio.ui.insight.charts import PALETTE, plot_widget

_METRICS = (("metrics/precision(B)", "precision"), ("metrics/recall(B)", "recall"),
            ("metrics/mAP50(B)", "mAP50"), ("metrics/mAP50-95(B)", "mAP50-95"))


class RunsTab(QWidget):
    """Add run folders; every run is drawn on the same charts (solid: train, dashed: val)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        tr = self.tr
        self.add_button = QPushButton(tr("Add Run Folder…"), self)
        self.remove_button = QPushButton(tr("Remove"), self)
        self.loss_choice = QComboBox(self)
        self.loss_choice.addItem(tr("Total loss (box + cls + dfl)"), "total")
        for k in LOSSES:
            self.loss_choice.addItem(k, k)
        self.runs_list = QListWidget(self)
        self.runs_list.setMaximumHeight(64)
        self.loss_plot = plot_widget(self, tr("Loss per epoch (solid: train, dashed: val)"), tr("loss"), tr("epoch"))
        self.metric_plots = {key: plot_widget(self, label, "", tr("epoch")) for key, label in _METRICS}
        for p in (self.loss_plot, *self.metric_plots.values()):
            p.addLegend(offset=(-10, 10))
        self.report = QTextBrowser(self)
        self.settings = QTableWidget(0, 0, self)
        self.settings.verticalHeader().setVisible(True)
        top = QHBoxLayout()
        top.addWidget(self.add_button)
        top.addWidget(self.remove_button)
        top.addStretch(1)
        top.addWidget(QLabel(tr("Loss"), self))
        top.addWidget(self.loss_choice)
        self.batch_plot = plot_widget(self, tr("Training loss per batch (box + cls + dfl), live"), tr("loss"),
                                      tr("batch"))
        grid = QGridLayout()
        grid.addWidget(self.loss_plot, 0, 0)
        grid.addWidget(self.batch_plot, 0, 1)
        for k, p in enumerate(self.metric_plots.values()):
            grid.addWidget(p, 1 + k // 2, k % 2)
        charts = QWidget(self)
        charts.setLayout(grid)
        lower = QSplitter(self)
        lower.addWidget(self.report)
        lower.addWidget(self.settings)
        body = QSplitter(Qt.Orientation.Vertical, self)
        body.addWidget(charts)
        body.addWidget(lower)
        body.setStretchFactor(0, 3)
        body.setSizes([520, 240])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.runs_list)
        layout.addWidget(body, 1)
        self.runs: list[TrainingRun] = []
        self.store = None  # the open dataset's store: its training runs are shown, live while they train
        self._sizes: dict[str, int] = {}  # results.csv sizes last drawn, per run folder
        self._poll = QTimer(self)
        self._poll.setInterval(2000)
        self._poll.timeout.connect(self.follow_dataset_runs)
        self.add_button.clicked.connect(self.choose_run)
        self.remove_button.clicked.connect(self.remove_selected)
        self.loss_choice.currentIndexChanged.connect(lambda _i: self.redraw())

    def choose_run(self) -> None:
        """Ask for a run folder (the one holding results.csv)."""
        folder = QFileDialog.getExistingDirectory(self, self.tr("Ultralytics run folder (with results.csv)"))
        if folder:
            self.add_run(folder)

    def add_run(self, folder: str | Path) -> bool:
        """Read a run and draw it beside the others; False (with the reason shown) if unreadable."""
        try:
            run = read_run(folder)
        except RunReadError as exc:
            self.report.setPlainText(self.tr("Cannot read this run: {0}").format(exc))
            return False
        self.runs.append(run)
        self.runs_list.addItem(f"{run.name} — {run.folder}")
        self.redraw()
        return True

    def show_dataset_runs(self, store: object) -> None:
        """Show the dataset's own training runs (studio train), and keep following them."""
        if store is not self.store:  # another dataset: its runs replace the previous one's
            keep = [k for k, r in enumerate(self.runs) if str(r.folder) not in self._sizes]
            self.runs = [self.runs[k] for k in keep]
            self.runs_list.clear()
            for run in self.runs:
                self.runs_list.addItem(f"{run.name} — {run.folder}")
            self._sizes.clear()
        self.store = store
        self.follow_dataset_runs()
        self._poll.start()

    def follow_dataset_runs(self) -> None:
        """Add new runs of the dataset and redraw those whose results.csv grew (an epoch ended)."""
        from studio.core.store import job_runs

        if self.store is None:
            return
        changed = False
        for record in reversed(job_runs.history(self.store, "train", limit=50)):
            folder = str(record.params.get("run_dir", ""))
            size = sum(f.stat().st_size for f in (Path(folder) / "results.csv", Path(folder) / LiveLog.BATCHES)
                       if f.is_file())
            if not size or self._sizes.get(folder) == size:
                continue
            self._sizes[folder] = size
            try:
                run = read_run(folder)
            except RunReadError:  # the first epoch is not over: its batches are there already
                run = TrainingRun(Path(folder), {}, np.zeros(0), {})
            known = [k for k, r in enumerate(self.runs) if str(r.folder) == str(run.folder)]
            if known:
                self.runs[known[0]] = run
            else:
                self.runs.append(run)
                self.runs_list.addItem(f"{run.name} — {run.folder}")
            changed = True
        if changed:
            self.redraw()

    def remove_selected(self) -> None:
        """Drop the selected run from the charts."""
        row = self.runs_list.currentRow()
        if 0 <= row < len(self.runs):
            del self.runs[row]
            self.runs_list.takeItem(row)
            self.redraw()

    def _loss(self, run: TrainingRun, split: str) -> np.ndarray:
        choice = self.loss_choice.currentData()
        return run.loss(split) if choice == "total" else run.series(f"{split}/{choice}")

    def redraw(self) -> None:
        """Draw every run on the charts and describe them."""
        for p in (self.loss_plot, self.batch_plot, *self.metric_plots.values()):
            p.clear()
        html = []
        for k, run in enumerate(self.runs):
            color = PALETTE[k % len(PALETTE)]
            batches = _batch_losses(run.folder)
            if len(batches):
                self.batch_plot.plot(np.arange(1, len(batches) + 1), batches, pen=pg.mkPen(color, width=1),
                                     name=run.name)
            live = _live_progress(run.folder)
            if live:
                html.append(f"<p style='color:{color}'><b>{run.name}</b>: "
                            + self.tr("training, epoch {0} of {1} · ETA {2}").format(
                                min(live["epoch"] + 1, live["epochs"]), live["epochs"], format_eta(live["eta_s"]))
                            + "</p>")
            self.loss_plot.plot(run.epochs, self._loss(run, "train"), pen=pg.mkPen(color, width=2),
                                name=self.tr("{0} train").format(run.name))
            self.loss_plot.plot(run.epochs, self._loss(run, "val"),
                                pen=pg.mkPen(color, width=2, style=Qt.PenStyle.DashLine),
                                name=self.tr("{0} val").format(run.name))
            for key, plot in self.metric_plots.items():
                plot.plot(run.epochs, run.series(key), pen=pg.mkPen(color, width=2), name=run.name)
                if run.best_epoch is not None:
                    plot.addItem(pg.InfiniteLine(run.best_epoch, angle=90,
                                                 pen=pg.mkPen(color, style=Qt.PenStyle.DotLine)))
            if run.best_epoch is not None:
                self.loss_plot.addItem(pg.InfiniteLine(run.best_epoch, angle=90,
                                                       pen=pg.mkPen(color, style=Qt.PenStyle.DotLine)))
            items = "".join(f"<li>{d.text}</li>" for d in run.diagnoses)
            notes = "".join(f"<li><i>{n}</i></li>" for n in run.notes)
            html.append(f"<h3 style='color:{color}'>{run.name}</h3><p>{len(run.epochs)} "
                        f"{self.tr('epochs')}</p><ul>{items}{notes}</ul>")
        self.report.setHtml("".join(html) or self.tr("Add an Ultralytics run folder (results.csv, args.yaml)."))
        keys: list[str] = []
        for run in self.runs:
            for key, _v in run.settings():
                if key not in keys:
                    keys.append(key)
        self.settings.setRowCount(len(keys))
        self.settings.setColumnCount(len(self.runs))
        self.settings.setHorizontalHeaderLabels([r.name for r in self.runs])
        self.settings.setVerticalHeaderLabels(keys)
        for c, run in enumerate(self.runs):
            values = dict(run.settings())
            for r, key in enumerate(keys):
                self.settings.setItem(r, c, QTableWidgetItem(str(values.get(key, ""))))
        self.settings.resizeColumnsToContents()


def _batch_losses(folder: Path) -> np.ndarray:
    """Total training loss of each batch a studio run logged (empty for other runs)."""
    path = Path(folder) / LiveLog.BATCHES
    if not path.is_file():
        return np.zeros(0)
    try:
        rows = np.loadtxt(path, delimiter=",", skiprows=1, ndmin=2)
    except (OSError, ValueError):
        return np.zeros(0)
    return rows[:, 1:4].sum(axis=1) if rows.size else np.zeros(0)


def _live_progress(folder: Path) -> dict | None:
    """A studio run's progress while it trains (``None`` once it ended, or for other runs)."""
    import json
    import time

    path = Path(folder) / LiveLog.PROGRESS
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
        fresh = time.time() - path.stat().st_mtime < 120  # a killed run's last word goes stale
    except (OSError, ValueError):
        return None
    return state if fresh and state.get("state") in ("start", "batch", "epoch") else None
