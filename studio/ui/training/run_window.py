"""A training run as it happens: progress with ETA, per-batch losses, per-epoch metrics, what
the curves say, and Cancel / Resume / Use this model.

The run is the core training job (``studio.core.training.jobs.TRAIN``) on a ``JobWorker``;
the trainer itself is a separate process, so this window stays responsive.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pyqtgraph as pg
from PyQt6.QtCore import Qt, pyqtSignal
from PyQt6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from studio.core.jobs import CancelToken, Progress, format_eta
from studio.core.jobspec import JobContext, run_recorded
from studio.core.training.jobs import TRAIN, TrainEvent, TrainParams, run_finished
from studio.ui.workers import JobWorker

_LOSS_PENS = {"box_loss": (230, 90, 90), "cls_loss": (90, 160, 230), "dfl_loss": (120, 200, 120)}
_METRICS = {"metrics/precision(B)": ("P", (230, 160, 60)), "metrics/recall(B)": ("R", (160, 100, 220)),
            "metrics/mAP50(B)": ("mAP50", (60, 180, 170)), "metrics/mAP50-95(B)": ("mAP50-95", (220, 220, 220))}


class TrainingRunWindow(QWidget):
    """One run's live view; ``model_chosen(best.pt)`` when the user takes the result."""

    model_chosen = pyqtSignal(str)
    prelabel_requested = pyqtSignal(str)  # best.pt: pre-label the unlabeled images with it
    ended = pyqtSignal(str)  # "done", "cancelled" or "failed"

    def __init__(self, context_factory: Callable[[CancelToken], JobContext], params: TrainParams,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Training — {0}").format(Path(params.run_dir).name))
        self.setObjectName("training_run_window")
        self.resize(900, 620)
        self.params, self.context_factory = params, context_factory
        self.state = ""
        self.status = QLabel(self.tr("Preparing the data…"), self)
        self.status.setObjectName("status")
        self.bar = QProgressBar(self)
        self.losses = pg.PlotWidget(self, title=self.tr("Training loss per batch"))
        self.losses.addLegend()
        self.metrics = pg.PlotWidget(self, title=self.tr("Validation per epoch"))
        self.metrics.addLegend()
        self.metrics.setYRange(0, 1)
        self.advice = QLabel(self)
        self.advice.setWordWrap(True)
        self.advice.setObjectName("advice")
        self.comparison = QLabel(self)
        self.comparison.setWordWrap(True)
        self.comparison.setObjectName("comparison")
        self.cancel = QPushButton(self.tr("Cancel"), self)
        self.resume = QPushButton(self.tr("Resume"), self)
        self.use = QPushButton(self.tr("Use This Model"), self)
        self.prelabel = QPushButton(self.tr("Pre-label the Unlabeled Images"), self)
        self.prelabel.setObjectName("prelabel")
        self.prelabel.setToolTip(self.tr("Load best.pt, propose boxes for every unlabeled image, then review them "
                                          "lowest confidence first"))
        self.cancel.setObjectName("cancel")
        self.resume.setObjectName("resume")
        self.use.setObjectName("use_model")
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        for b in (self.cancel, self.resume, self.use, self.prelabel):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addLayout(buttons)
        layout.addWidget(self.losses, 1)
        layout.addWidget(self.metrics, 1)
        layout.addWidget(self.advice)
        layout.addWidget(self.comparison)
        self._loss_points: dict[str, list[float]] = {k: [] for k in _LOSS_PENS}
        self._loss_curves = {k: self.losses.plot(name=k, pen=pg.mkPen(c, width=1.5)) for k, c in _LOSS_PENS.items()}
        self._metric_points: dict[str, list[float]] = {k: [] for k in _METRICS}
        self._metric_curves = {k: self.metrics.plot(name=n, pen=pg.mkPen(c, width=2), symbol="o", symbolSize=5)
                               for k, (n, c) in _METRICS.items()}
        self.cancel.clicked.connect(self.stop)
        self.resume.clicked.connect(lambda: self.start(resume=True))
        self.use.clicked.connect(lambda: self.model_chosen.emit(str(self.best_path)))
        self.prelabel.clicked.connect(lambda: self.prelabel_requested.emit(str(self.best_path)))
        self.worker: JobWorker | None = None

    @property
    def best_path(self) -> Path:
        """The run's best weights."""
        return Path(self.params.run_dir) / "weights" / "best.pt"

    def start(self, resume: bool = False) -> None:
        """Run (or resume) the job off the GUI thread."""
        params = TrainParams(self.params.run_dir, self.params.settings, resume)
        self.state = "running"
        self._buttons()
        worker = self.worker = JobWorker(lambda token: run_recorded(TRAIN, params, self.context_factory(token)), self)
        worker.progress.connect(self._on_progress)
        worker.failed.connect(lambda msg, _d: self._end("failed", msg))
        worker.finished.connect(lambda completed: self._end(
            "done" if (completed and self.state == "running") or run_finished(params.run_dir) else "cancelled", ""))
        worker.start()

    def stop(self) -> None:
        """Stop after the current batch; the last finished epoch stays resumable."""
        if self.worker is not None:
            self.status.setText(self.tr("Stopping after this batch…"))
            self.worker.cancel()

    def _on_progress(self, progress: Progress) -> None:
        event: TrainEvent = progress.payload
        if progress.total:
            self.bar.setMaximum(progress.total)
            self.bar.setValue(progress.done)
        if event.kind == "batch":
            for key, points in self._loss_points.items():
                if key in event.losses:
                    points.append(event.losses[key])
                    self._loss_curves[key].setData(points)
            self.status.setText(self.tr("Epoch {0} of {1} · ETA {2}").format(
                min(event.epoch + 1, event.epochs), event.epochs, format_eta(progress.eta_s)))
        elif event.kind == "epoch" and event.epoch < event.epochs:
            for key, points in self._metric_points.items():
                if key in event.metrics:
                    points.append(event.metrics[key])
                    self._metric_curves[key].setData(list(range(1, len(points) + 1)), points)
            self._advise()
        elif progress.stage == "cancelled":
            self.state = "cancelled"

    def _advise(self) -> None:
        """What the curves say so far, in plain words (the Training Runs diagnoses)."""
        from studio.core.insight.training_runs import RunReadError, diagnose, read_run

        try:
            run = read_run(self.params.run_dir)
        except (RunReadError, OSError):
            return
        diagnose(run)
        self.advice.setText("\n".join(d.text for d in run.diagnoses))

    def _end(self, state: str, message: str) -> None:
        self.state = state
        texts = {"done": self.tr("Finished. best.pt is ready."),
                 "cancelled": self.tr("Stopped. Resume continues from the last finished epoch."),
                 "failed": self.tr("Training failed: {0}").format(message)}
        self.status.setText(texts.get(state, state))
        self._buttons()
        if state == "done":
            self._advise()
        self.ended.emit(state)

    def _buttons(self) -> None:
        running = self.state == "running"
        last = Path(self.params.run_dir) / "weights" / "last.pt"
        self.cancel.setEnabled(running)
        self.resume.setEnabled(not running and self.state in ("cancelled", "failed") and last.is_file())
        self.use.setEnabled(not running and self.best_path.is_file())
        self.prelabel.setEnabled(not running and self.state == "done" and self.best_path.is_file())

    def closeEvent(self, event) -> None:  # noqa: N802, ANN001
        """Closing stops the run (resumable) and waits for it."""
        if self.worker is not None and self.worker.is_running():
            self.worker.cancel()
            self.worker.wait(120_000)
        super().closeEvent(event)

